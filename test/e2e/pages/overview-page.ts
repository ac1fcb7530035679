import type { Locator, Page } from '@playwright/test';

export class OverviewPage {
  readonly saveSummary: Locator;
  readonly recentChanges: Locator;
  readonly keyDates: Locator;

  constructor(readonly page: Page) {
    this.saveSummary = page.locator('.save-summary');
    this.recentChanges = page.getByRole('region', { name: 'Recent changes' });
    this.keyDates = page.getByRole('region', { name: 'Key dates' });
  }

  field(label: string): Locator {
    return this.page.locator('.overview__main').getByLabel(label, { exact: false }).first();
  }

  /** The field's wrapper: its label, save state, control and error. */
  fieldBlock(label: string): Locator {
    return this.page.locator('.overview__main .field').filter({ has: this.page.getByLabel(label, { exact: false }) }).first();
  }

  saveStateOf(label: string): Locator {
    return this.fieldBlock(label).locator('.save-state');
  }

  errorOf(label: string): Locator {
    return this.fieldBlock(label).locator('.field__error');
  }

  choice(group: 'Status' | 'Risk', option: string): Locator {
    return this.page.getByRole('group', { name: group }).getByLabel(option, { exact: true });
  }
}
