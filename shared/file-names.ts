// File names Parley suggests: for the save dialogs, and for files the core names (the review comments a reviewer
// exports).

/** A file name for a save dialog, without path separators or characters Windows refuses. */
export function safeFileName(name: string | undefined, fallback: string): string {
  const cleaned = (name ?? '').replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100).replace(/[. ]+$/, '');
  return cleaned || fallback;
}

/** The extension of a case file. */
export const CASE_FILE_EXTENSION = '.parley';

/**
 * A new case file's path as typed, with .parley added if its name has no extension ("Save as: acme" makes
 * acme.parley). A name with another extension (acme.json) is kept as it is, for the place that writes it to refuse
 * or accept.
 */
export function withCaseFileExtension(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? '';
  if (!name || /\.[^.]+$/.test(name.replace(/^\.+/, ''))) return file;
  return `${file}${CASE_FILE_EXTENSION}`;
}
