// Exports a document to a file format: Markdown, a printable HTML page, Word, or PDF.
import type { DocumentNode } from '../../../shared/documents/model.js';
import { toHtml } from '../../../shared/documents/html.js';
import { toMarkdown } from '../../../shared/documents/markdown.js';
import type { PageOptions } from '../../../shared/documents/page.js';
import { toDocx } from './docx.js';
import { chromiumPdfRenderer, type PdfRenderer } from './pdf.js';

export type ExportFormat = 'md' | 'html' | 'docx' | 'pdf';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['md', 'html', 'docx', 'pdf'];

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export interface ExportOptions extends PageOptions {
  /** How to print PDF; headless Chromium if not given. The Electron app passes one over printToPDF. */
  pdfRenderer?: PdfRenderer;
}

export async function exportDocument(doc: DocumentNode, format: ExportFormat, options: ExportOptions): Promise<Buffer> {
  switch (format) {
    case 'md':
      return Buffer.from(toMarkdown(doc), 'utf8');
    case 'html':
      return Buffer.from(toHtml(doc, options), 'utf8');
    case 'docx':
      return toDocx(doc, options);
    case 'pdf':
      return (options.pdfRenderer ?? chromiumPdfRenderer())(toHtml(doc, options));
  }
}

export { chromiumPdfRenderer, DEFAULT_CHROMIUM, type PdfRenderer } from './pdf.js';
export { toDocx } from './docx.js';
