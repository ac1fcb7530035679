// File names Parley suggests: for the save dialogs, and for files the core names (the review comments a reviewer
// exports).

/** A file name for a save dialog, without path separators or characters Windows refuses. */
export function safeFileName(name: string | undefined, fallback: string): string {
  const cleaned = (name ?? '').replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100).replace(/[. ]+$/, '');
  return cleaned || fallback;
}
