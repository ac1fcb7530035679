// File names for the save dialogs: what to suggest, and what a chosen name must end with.
export { safeFileName } from '../../shared/file-names.js';

/** GTK and some Windows dialogs return the typed name as it is: a case file always gets its extension. */
export function withExtension(file: string, extension: string): string {
  return file.toLowerCase().endsWith(extension) ? file : `${file}${extension}`;
}
