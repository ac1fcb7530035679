// Working with copies of a case: the team dialogs (Merge a copy…, Import changes…, Export changes…) and the Conflicts
// screen, one article per conflict with its sides next to each other.
import { expect, type Locator, type Page } from '@playwright/test';

export class TeamDialog {
  constructor(readonly page: Page) {}

  named(title: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  /** The dialog open now, whatever its step. */
  get open(): Locator {
    return this.page.locator('dialog.team-dialog[open]');
  }

  /** In the first step: types the path of the other copy (or bundle) and asks for the preview. */
  async previewFrom(path: string): Promise<void> {
    const field = this.open.getByRole('textbox', { name: /^The (other copy|bundle of changes)$/ });
    await field.fill(path);
    await field.press('Enter');
  }

  /** The preview's answer for one of its terms ("Would come in", "Conflicts", "Deadlines"). */
  summary(term: string): Locator {
    return this.open.locator('.team-dialog__summary > div').filter({ has: this.page.locator('dt', { hasText: term }) }).locator('dd');
  }
}

export class ConflictsPage {
  readonly list: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('list', { name: 'Open conflicts' });
    this.status = page.locator('.conflicts-screen__status');
  }

  conflict(recordTitle: string): Locator {
    return this.list.getByRole('article').filter({ has: this.page.getByRole('heading', { name: recordTitle }) });
  }

  side(conflict: Locator, author: string): Locator {
    return conflict.getByRole('region', { name: `${author}’s value` });
  }

  async expectNone(): Promise<void> {
    await expect(this.page.getByText('No conflicts.', { exact: false })).toBeVisible();
  }
}
