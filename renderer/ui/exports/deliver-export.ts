// Handing the user a file the core exported (a draft, a brief, a calendar): the desktop app asks where to save it;
// a browser downloads it.
import type { ExportedFileToSave } from '../../../shared/desktop.js';
import { platform } from '../../services.js';

/** The bytes a base64 text stands for. */
export const bytesOfBase64 = (base64: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/** Saves the file through a blob link, as a browser download. */
export function downloadFile(file: ExportedFileToSave): void {
  const bytes = bytesOfBase64(file.dataBase64);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** What became of an export, in words for a status line ("saved to …", "downloaded as …", "cancelled"). */
export async function deliverExport(file: ExportedFileToSave, label: string): Promise<string> {
  const { saveExport } = platform();
  if (!saveExport) {
    downloadFile(file);
    return `Exported as ${label}: ${file.fileName}.`;
  }
  const saved = await saveExport(file);
  return saved ? `Exported as ${label}: saved to ${saved}.` : `Export as ${label} cancelled; nothing was saved.`;
}

/** UTF-8 text as base64, the form exported files travel in. */
export function textAsBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
