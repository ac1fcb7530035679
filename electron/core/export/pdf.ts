// PDF from the printable HTML page. The page itself carries its page size, margins, marking, case line and page
// numbers (CSS @page rules, see shared/documents/html.ts), so any Chromium that prints it gives the same pages:
// the Electron app passes a renderer over webContents.printToPDF({ preferCSSPageSize: true, printBackground: true }),
// the command line and the tests use headless Chromium through playwright-core.

/** Turns a complete HTML page into PDF bytes, honouring its @page rules. */
export type PdfRenderer = (html: string) => Promise<Buffer>;

/** The Chromium the command line and tests print with; PARLEY_CHROMIUM overrides it. */
export const DEFAULT_CHROMIUM = process.env.PARLEY_CHROMIUM || '/usr/bin/chromium';

/** Offline, quiet, sandbox-less flags that work in containers and CI (see the toolchain notes). */
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic',
];

/**
 * A renderer that prints with headless Chromium: one browser per call (printing is rare and a browser left running
 * would outlive a command-line run). Scripts are off and the context is offline: the page is only laid out.
 */
export function chromiumPdfRenderer(executablePath: string = DEFAULT_CHROMIUM): PdfRenderer {
  return async (html) => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ preferCSSPageSize: true, printBackground: true });
    } finally {
      await browser.close();
    }
  };
}
