import { expect, type Locator, type Page } from '@playwright/test';

export class LibraryPage {
  readonly heading: Locator;
  readonly caseTable: Locator;
  readonly unlisted: Locator;
  readonly emptyState: Locator;
  /** The bar shown while the library index is brought up to date ("Indexing case files: 340 of 2,000"). */
  readonly indexingBar: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Library' });
    this.caseTable = page.getByRole('table', { name: 'Case files in the library' });
    this.unlisted = page.getByRole('list', { name: 'In the case folder, not opened yet' });
    this.emptyState = page.getByText('No case files yet.');
    this.indexingBar = page.getByRole('progressbar', { name: /^Indexing case files/ });
  }

  async show(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Library and cases' }).getByRole('link', { name: 'Library', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  /** The table row of a case, found by its title (or, for a file that cannot be read, its file name). */
  row(title: string): Locator {
    return this.caseTable.getByRole('row').filter({ has: this.page.getByRole('rowheader').filter({ hasText: title }) });
  }

  async openCase(title: string): Promise<void> {
    await this.row(title).getByRole('button', { name: title, exact: true }).click();
  }

  panel(title: string | RegExp): Locator {
    return this.page.getByRole('region', { name: title });
  }

  async startNewCase(): Promise<void> {
    await this.page.getByRole('button', { name: 'New case' }).click();
  }

  async startOpen(): Promise<void> {
    await this.page.getByRole('button', { name: 'Open…' }).click();
  }
}
