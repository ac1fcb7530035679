// The timeline screen: month panels of dated entries and the type filters.
import type { Locator, Page } from '@playwright/test';

export class TimelinePage {
  readonly entries: Locator;
  readonly filters: Locator;

  constructor(readonly page: Page) {
    this.entries = page.locator('.timeline-entry');
    this.filters = page.getByRole('group', { name: 'Show' });
  }

  /** A month's panel (its first part: a long month goes on in panels headed "(continued)"). */
  month(label: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${label} \\d+$`) });
  }

  filter(label: string): Locator {
    return this.filters.getByLabel(new RegExp(`^${label} \\d+$`));
  }

  entryTitles(): Promise<string[]> {
    return this.page.locator('.timeline-entry__title').allTextContents();
  }
}
