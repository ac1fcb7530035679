// Printing as a user starts it (Ctrl+P, the palette, a Print button), and the paper it gives: the page drawn for print
// media, made into a PDF by Chromium, read back with pdftotext.
//
// Headless Chromium has no print dialog: window.print() is replaced by one that counts its calls and leaves the print
// view as the app readied it, as it stays while a real dialog is open. `finish()` is the dialog closing (afterprint).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { GUIDE_SCREENSHOT_DIR, SCREENSHOT_DIR } from '../support/paths.js';

export class Printing {
  constructor(readonly page: Page) {}

  /** Call before the app starts a print; from then on window.print() only counts. */
  async recordPrints(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as Window & { printCalls?: number };
      w.printCalls = 0;
      w.print = () => void (w.printCalls = (w.printCalls ?? 0) + 1);
    });
  }

  async prints(): Promise<number> {
    return this.page.evaluate(() => (window as Window & { printCalls?: number }).printCalls ?? 0);
  }

  /** Waits for the app to have asked for the print dialog `count` times in all. */
  async expectPrinted(count = 1): Promise<void> {
    await expect.poll(() => this.prints()).toBe(count);
  }

  /**
   * The printed pages: a PDF of the page in print media (saved under test-results/screenshots/<name>.pdf), its text
   * as pdftotext reads it, and a screenshot of the print media for a person to look at.
   */
  async paper(name: string): Promise<{ text: string; flat: string; pages: number; pdf: string }> {
    await this.page.emulateMedia({ media: 'print' });
    try {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const pdf = path.join(SCREENSHOT_DIR, `${name}.pdf`);
      await this.page.pdf({ path: pdf, format: 'Letter', preferCSSPageSize: true });
      await this.page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-print-media.png`), fullPage: true });
      return { ...readPdf(pdf), pdf };
    } finally {
      await this.page.emulateMedia({ media: null });
    }
  }

  /** The print dialog closes: the screen comes back. */
  async finish(): Promise<void> {
    await this.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  }
}

/**
 * A PDF's text, as pdftotext gives it in the order it was drawn (-raw: a table cell's lines stay together rather than
 * being read across the columns beside it), and flattened (every run of white space one space) to find a long text
 * whole.
 */
export function readPdf(file: string): { text: string; flat: string; pages: number } {
  const text = execFileSync('/usr/bin/pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  return { text, flat: text.replace(/\s+/g, ' '), pages };
}

/**
 * With PARLEY_UPDATE_GUIDE=1, the PDF's first page as docs/user-guide/<name>.png, a picture docs/USER-GUIDE.md shows
 * (as ParleyApp.guideScreenshot does for the screen); without it, nothing: a normal run never changes committed files.
 */
export function guidePage(pdf: string, name: string): void {
  if (process.env.PARLEY_UPDATE_GUIDE !== '1') return;
  fs.mkdirSync(GUIDE_SCREENSHOT_DIR, { recursive: true });
  execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', '-singlefile', '-f', '1', '-l', '1', pdf, path.join(GUIDE_SCREENSHOT_DIR, name)]);
}
