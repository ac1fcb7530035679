import { expect, type Locator, type Page } from '@playwright/test';

/** The modal that asks for an encrypted case file's passphrase. */
export class PassphraseDialog {
  readonly dialog: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Enter the passphrase' });
    this.error = this.dialog.getByRole('alert');
  }

  async enter(passphrase: string): Promise<void> {
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await this.dialog.getByLabel('Passphrase', { exact: true }).press('Enter');
  }

  async cancel(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
