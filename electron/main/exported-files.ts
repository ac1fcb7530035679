// Saving a file the core exported (a draft or a brief as PDF, Word, Markdown or HTML, or deadlines as a calendar) where the user chooses in the
// system's save dialog. The renderer hands over the exported bytes and the suggested name; the path comes only from
// the dialog, never from the renderer.
import path from 'node:path';
import { toParleyError } from '../core/errors.js';
import { writeFileAtomic } from '../core/files.js';
import { SAVABLE_EXPORT_EXTENSIONS, type SaveExportedFileResult } from '../../shared/desktop.js';
import { safeFileName } from './file-names.js';

type SavableExtension = (typeof SAVABLE_EXPORT_EXTENSIONS)[number];

const KINDS: Record<SavableExtension, { label: string; filterName: string }> = {
  pdf: { label: 'PDF', filterName: 'PDF documents' },
  docx: { label: 'Word', filterName: 'Word documents' },
  md: { label: 'Markdown', filterName: 'Markdown files' },
  html: { label: 'HTML', filterName: 'Web pages (HTML)' },
  ics: { label: 'calendar', filterName: 'Calendar files (iCalendar)' },
  'parley-comments': { label: 'review comments', filterName: 'Parley review comments' },
};

export interface SaveDialogPlan {
  title: string;
  defaultPath: string;
  filter: { name: string; extensions: string[] };
  /** With its dot: what the chosen path must end with. */
  extension: string;
}

/** The save dialog for an exported file: titled by its format, filtered to it, suggesting the core's file name. */
export function exportSaveDialog(fileName: string): SaveDialogPlan {
  const extension = path.extname(fileName).toLowerCase();
  const kind = KINDS[extension.slice(1) as SavableExtension];
  if (!kind) throw new Error(`Not an export file name: ${fileName}`); // the IPC schema lets no other name through
  return {
    title: `Export as ${kind.label}`,
    defaultPath: `${safeFileName(path.basename(fileName, path.extname(fileName)), 'export')}${extension}`,
    filter: { name: kind.filterName, extensions: [extension.slice(1)] },
    extension,
  };
}

/** Writes the bytes to the chosen path (whole or not at all); says plainly why if it could not. */
export function writeExportedFile(target: string, dataBase64: string): SaveExportedFileResult {
  try {
    writeFileAtomic(target, Buffer.from(dataBase64, 'base64'));
    return { ok: true, path: target };
  } catch (err) {
    const error = toParleyError(err);
    return { ok: false, message: `${path.basename(target)} was not saved: ${error.message}` };
  }
}
