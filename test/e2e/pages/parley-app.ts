// The app as a user meets it: the shell (sidebar, theme, problem dialog) and one page object per screen.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Harness } from '../support/harness.js';
import { GUIDE_SCREENSHOT_DIR, SCREENSHOT_DIR } from '../support/paths.js';
import { LibraryPage } from './library-page.js';
import { NewCasePage } from './new-case-page.js';
import { OpenDialog } from './open-dialog.js';
import { OverviewPage } from './overview-page.js';

export class ParleyApp {
  readonly library: LibraryPage;
  readonly newCase: NewCasePage;
  readonly overview: OverviewPage;
  readonly openDialog: OpenDialog;
  readonly problemDialog: Locator;
  readonly sidebar: Locator;
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.library = new LibraryPage(page);
    this.newCase = new NewCasePage(page);
    this.overview = new OverviewPage(page);
    this.openDialog = new OpenDialog(page);
    this.problemDialog = page.locator('dialog.problem-dialog');
    this.sidebar = page.getByRole('navigation', { name: 'Library and cases' });
    this.heading = page.getByRole('heading', { level: 1 });
  }

  /** Opens the address the harness printed, token and all, and waits for the library. */
  async start(harness: Harness): Promise<void> {
    await this.page.goto(harness.url);
    await expect(this.library.heading).toBeVisible();
  }

  async setTheme(choice: 'System' | 'Light' | 'Dark'): Promise<void> {
    await this.page.getByRole('group', { name: 'Theme' }).getByLabel(choice).check();
  }

  async goToSection(label: string): Promise<void> {
    const link = this.sidebar.getByRole('link', { name: label, exact: true });
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'page');
  }

  /** Saves a full-page screenshot under test-results/screenshots for a person to look at. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    // A full-page capture draws the sticky sidebar where the scroll left it: start from the top.
    await this.page.evaluate(() => window.scrollTo(0, 0));
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /**
   * With PARLEY_UPDATE_GUIDE=1, also writes the viewport (not the full page, to keep the files small) to
   * docs/user-guide/<name>.png, the pictures docs/USER-GUIDE.md shows. Without it, nothing: a normal run never
   * changes committed files.
   */
  async guideScreenshot(name: string): Promise<void> {
    if (process.env.PARLEY_UPDATE_GUIDE !== '1') return;
    fs.mkdirSync(GUIDE_SCREENSHOT_DIR, { recursive: true });
    await this.page.screenshot({ path: path.join(GUIDE_SCREENSHOT_DIR, `${name}.png`), animations: 'disabled', caret: 'hide' });
  }
}
