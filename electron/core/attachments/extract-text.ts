// Reads the text of an attachment's bytes, offline, for search: a PDF with pdfjs-dist (Mozilla's PDF reader, its
// build for Node), a Word document with mammoth, plain text, Markdown and CSV as UTF-8. Runs inside the worker thread
// (text-worker.ts), never on the thread that answers calls: a 20 MB PDF takes seconds. Touches no database and no
// network: bytes in, text out.
import mammoth from 'mammoth';
import { MAX_EXTRACTED_TEXT_LENGTH } from '../../../shared/records.js';
import { acceptedType } from '../../../shared/attachments.js';

/** What reading gave: the text (at most MAX_EXTRACTED_TEXT_LENGTH characters and a note), or why it failed. */
export type TextOutcome = { ok: true; text: string } | { ok: false; error: string };

/** Added after the text kept when a file holds more, so that whoever reads it knows search does not reach the rest. */
export const TEXT_CUT_NOTE = `\n\n[Parley keeps the first ${MAX_EXTRACTED_TEXT_LENGTH.toLocaleString('en-US')} characters of a file's text for search; the rest of this file is not searched.]`;

export async function extractText(bytes: Uint8Array, mediaType: string, name: string): Promise<TextOutcome> {
  if (!acceptedType(mediaType)?.text) return { ok: false, error: `Parley does not read the text of “${name}”.` };
  try {
    const text = mediaType === 'application/pdf' ? await pdfText(bytes)
      : mediaType.startsWith('application/vnd.openxmlformats') ? (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value
      : new TextDecoder('utf-8').decode(bytes);
    return { ok: true, text: keptText(text) };
  } catch (err) {
    return { ok: false, error: failureInWords(name, mediaType, err) };
  }
}

/** The text as search keeps it: no NUL characters (FTS5 stops at them), cut at the limit with a note. */
function keptText(text: string): string {
  const clean = text.replaceAll('\u0000', '');
  return clean.length > MAX_EXTRACTED_TEXT_LENGTH ? clean.slice(0, MAX_EXTRACTED_TEXT_LENGTH) + TEXT_CUT_NOTE : clean;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await loadPdfjs();
  // No eval, no fonts loaded (text needs none), nothing fetched: the document is read from the bytes alone.
  const doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false }).promise;
  try {
    const pages: string[] = [];
    let length = 0;
    for (let n = 1; n <= doc.numPages && length <= MAX_EXTRACTED_TEXT_LENGTH; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      pages.push(text);
      length += text.length + 2;
      page.cleanup();
    }
    return pages.join('\n\n');
  } finally {
    await doc.destroy();
  }
}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsLoaded: Promise<Pdfjs> | null = null;

/**
 * pdfjs-dist with its worker code loaded in the same thread (this is already a worker thread of ours): pdfjs looks
 * for `globalThis.pdfjsWorker` before trying to start a worker of its own from a file, which a bundle does not have.
 * Its display layer makes a DOMMatrix when it loads, which Node 20 lacks and which reading text never uses: a bare
 * stand-in is given (only in this thread).
 */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjsLoaded ??= (async () => {
    const scope = globalThis as { pdfjsWorker?: unknown; DOMMatrix?: unknown };
    scope.DOMMatrix ??= class DOMMatrixNotUsedForText {};
    scope.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsLoaded;
}

/** Why a file's text could not be read, in a sentence a person can act on. */
function failureInWords(name: string, mediaType: string, err: unknown): string {
  const errName = (err as { name?: string } | null)?.name ?? '';
  if (errName === 'PasswordException') return `The text of “${name}” could not be read: the PDF is protected by a password. The file itself is attached.`;
  const what = acceptedType(mediaType)?.label ?? 'file';
  return `The text of “${name}” could not be read: it does not look like a ${what} Parley can read (it may be damaged). The file itself is attached.`;
}
