// File names for the save dialogs: what to suggest, and what a chosen name must end with.

/** A file name for a save dialog, without path separators or characters Windows refuses. */
export function safeFileName(name: string | undefined, fallback: string): string {
  const cleaned = (name ?? '').replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100).replace(/[. ]+$/, '');
  return cleaned || fallback;
}

/** GTK and some Windows dialogs return the typed name as it is: a case file always gets its extension. */
export function withExtension(file: string, extension: string): string {
  return file.toLowerCase().endsWith(extension) ? file : `${file}${extension}`;
}
