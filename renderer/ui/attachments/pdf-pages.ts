// PDF.js in the renderer, loaded only when a PDF is previewed (a chunk of its own). The document is parsed in PDF.js's
// worker, a file of the app (script-src 'self' covers it: no CSP change), from bytes Parley already holds: nothing is
// fetched. No eval, no XFA forms, and no scripting: the pages are drawn to canvases and nothing in the file runs.
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export type PdfDocument = PDFDocumentProxy;

export function openPdf(bytes: Uint8Array): { promise: Promise<PdfDocument>; cancel(): void } {
  const task = getDocument({ data: bytes, isEvalSupported: false, enableXfa: false, useWorkerFetch: false, stopAtErrors: false });
  return { promise: task.promise, cancel: () => void task.destroy() };
}

/** Draws one page to the canvas at the given CSS width (its height follows), sharp on high-density screens; resolves once drawn. */
export async function drawPage(doc: PdfDocument, pageNumber: number, canvas: HTMLCanvasElement, cssWidth: number): Promise<void> {
  const page = await doc.getPage(pageNumber);
  const base = page.getViewport({ scale: 1 });
  const scale = cssWidth / base.width;
  const density = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: scale * density });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(cssWidth)}px`;
  canvas.style.height = 'auto';
  await page.render({ canvas, viewport }).promise;
}

/** The height a page takes at the given CSS width, before it is drawn (so the list of pages keeps its length). */
export async function pageHeight(doc: PdfDocument, pageNumber: number, cssWidth: number): Promise<number> {
  const page = await doc.getPage(pageNumber);
  const base = page.getViewport({ scale: 1 });
  return (base.height / base.width) * cssWidth;
}
