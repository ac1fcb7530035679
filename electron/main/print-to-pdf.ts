// How the desktop app prints drafts and briefs to PDF: Electron's webContents.printToPDF over the same printable
// HTML page the command line and the tests print with headless Chromium (shared/documents/html.ts). The page
// carries its own page size, margins, marking, case line and "Page n of m" (CSS @page rules and page-margin boxes),
// so both paths are given the same print options and produce the same pages.
//
// The page is printed in a hidden window that is as closed as a window can be: JavaScript off, a sandboxed renderer
// without a preload, and a session of its own (in memory, never written to disk) that grants no permission, cancels
// every request but the page itself, and serves the page from memory through the app's scheme. A data: URL is not
// used because Chromium refuses URLs over 2 MB (a long brief is more), and a temporary file is not used because a
// privileged brief must not be left in plain text on the disk.
import { randomUUID } from 'node:crypto';
import type { PrintToPDFOptions } from 'electron';
import type { PdfRenderer } from '../core/export/pdf.js';
import { APP_SCHEME } from './app-protocol.js';
import type { ShellElectron } from './electron-api.js';
import { secureSession } from './security.js';

/** The print window's session: no "persist:" prefix, so Electron keeps it in memory only. */
export const PRINT_PARTITION = 'parley-print';
/** The host the page is served under in the print session (the app's own files are not served there). */
export const PRINT_HOST = 'print';

/** The same options the Chromium path gives page.pdf: the page's CSS decides size, margins and running text. */
export const PRINT_TO_PDF_OPTIONS: Readonly<PrintToPDFOptions> = Object.freeze({
  preferCSSPageSize: true,
  printBackground: true,
  // The marking, the case line and the page numbers are drawn by the page's @page margin boxes, not by Chromium's
  // own header and footer templates (which would add the URL and print date).
  displayHeaderFooter: false,
  // As page.pdf's default: no margins of the printer's own, so the @page margins are the only ones.
  margins: Object.freeze({ top: 0, bottom: 0, left: 0, right: 0 }),
});

/** The page's own policy, repeated as a header: nothing loads, nothing runs. */
const PRINT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** A window's size while it lays the page out: a US Letter page at 96 dpi (printing uses the @page size). */
const LAYOUT_SIZE = { width: 816, height: 1056 };

export function printPageUrl(token: string): string {
  return `${APP_SCHEME}://${PRINT_HOST}/${token}.html`;
}

/** A PdfRenderer for the core's Session that prints through Electron (see the top of this file). */
export function electronPdfRenderer(electron: Pick<ShellElectron, 'BrowserWindow' | 'session'>): PdfRenderer {
  /** Pages being printed, by their token: served once their window asks, forgotten when the print is done. */
  const pages = new Map<string, string>();
  let sessionReady = false;

  function prepareSession(): void {
    if (sessionReady) return;
    const printSession = electron.session.fromPartition(PRINT_PARTITION);
    // Only the app's scheme (and data: images) may load at all; the handler below serves nothing but pages in print.
    secureSession(printSession, { allowDevtools: false });
    printSession.protocol.handle(APP_SCHEME, (request) => {
      const url = new URL(request.url);
      const token = url.host === PRINT_HOST ? /^\/([0-9a-f-]{36})\.html$/.exec(url.pathname)?.[1] : undefined;
      const html = token ? pages.get(token) : undefined;
      if (html === undefined) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
      return new Response(html, {
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PRINT_CONTENT_SECURITY_POLICY, 'cache-control': 'no-store' },
      });
    });
    sessionReady = true;
  }

  return async (html) => {
    prepareSession();
    const token = randomUUID();
    pages.set(token, html);
    const window = new electron.BrowserWindow({
      ...LAYOUT_SIZE,
      show: false,
      paintWhenInitiallyHidden: true,
      webPreferences: {
        partition: PRINT_PARTITION,
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
      },
    });
    try {
      await window.loadURL(printPageUrl(token));
      return await window.webContents.printToPDF({ ...PRINT_TO_PDF_OPTIONS });
    } finally {
      pages.delete(token);
      if (!window.isDestroyed()) window.destroy();
    }
  };
}
