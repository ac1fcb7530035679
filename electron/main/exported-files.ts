// Saving a file the core exported (a draft or a brief as PDF, Word, Markdown or HTML, or deadlines as a calendar), or
// a copy of an attachment, where the user chooses in the system's save dialog. The renderer hands over the exported bytes and the suggested name; the path comes only from
// the dialog, never from the renderer.
import path from 'node:path';
import { toParleyError } from '../core/errors.js';
import { writeFileAtomic } from '../core/files.js';
import { ACCEPTED_ATTACHMENT_TYPES } from '../../shared/attachments.js';
import { SAVABLE_EXPORT_EXTENSIONS, type SaveExportedFileResult } from '../../shared/desktop.js';
import { safeFileName } from './file-names.js';

type SavableExtension = (typeof SAVABLE_EXPORT_EXTENSIONS)[number];

const EXPORT_KINDS: Record<SavableExtension, { label: string; filterName: string }> = {
  pdf: { label: 'PDF', filterName: 'PDF documents' },
  docx: { label: 'Word', filterName: 'Word documents' },
  md: { label: 'Markdown', filterName: 'Markdown files' },
  html: { label: 'HTML', filterName: 'Web pages (HTML)' },
  ics: { label: 'calendar', filterName: 'Calendar files (iCalendar)' },
  'parley-comments': { label: 'review comments', filterName: 'Parley review comments' },
};

/** The exports, and the copy of an attachment of another extension (a text file, an image), named by its type. */
const KINDS: Record<string, { label: string; filterName: string }> = Object.fromEntries([
  ...Object.values(ACCEPTED_ATTACHMENT_TYPES).flatMap((t) => t.extensions.map((e) => [e.slice(1), { label: t.label, filterName: `${t.label} files` }] as const)),
  ...Object.entries(EXPORT_KINDS),
]);

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
  const kind = Object.hasOwn(KINDS, extension.slice(1)) ? KINDS[extension.slice(1)] : undefined;
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
