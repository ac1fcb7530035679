import { expect, type Locator, type Page } from '@playwright/test';

export class OpenDialog {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Open a case file' });
  }

  async openByPath(path: string, options: { readOnly?: boolean; review?: boolean } = {}): Promise<void> {
    await expect(this.dialog).toBeVisible();
    if (options.readOnly) await this.dialog.getByLabel('Open read-only').check();
    if (options.review) await this.dialog.getByLabel('Open for review').check();
    await this.dialog.getByLabel('Or type the path of a case file').fill(path);
    await this.dialog.getByLabel('Or type the path of a case file').press('Enter');
  }

  fileButton(name: string): Locator {
    return this.dialog.getByRole('button', { name });
  }
}
