import { expect, type Locator, type Page } from '@playwright/test';

export class NewCasePage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly formError: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'New case' });
    this.form = page.locator('form.form');
    this.formError = this.form.getByRole('alert');
  }

  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: false }).first();
  }

  /** The error shown for a field, found through the field's aria-describedby. */
  errorOf(label: string): Locator {
    return this.form.locator('.field').filter({ has: this.page.getByLabel(label) }).locator('.field__error');
  }

  async fill(values: Record<string, string>): Promise<void> {
    await expect(this.heading).toBeVisible();
    for (const [label, value] of Object.entries(values)) {
      const field = this.field(label);
      if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption({ label: value });
      else await field.fill(value);
    }
  }

  /** Submits the way a keyboard user does: Enter in the title field. */
  async submitWithEnter(): Promise<void> {
    await this.field('Title').press('Enter');
  }
}
