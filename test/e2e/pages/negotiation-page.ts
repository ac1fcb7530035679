// The negotiation, precedents and watch-list screens: a list of records with an add form, one record open in a
// side panel with fields that save as the user goes, and its links.
import type { Locator, Page } from '@playwright/test';

/** The side panel of an open record. */
export class RecordPanel {
  constructor(readonly root: Locator) {}

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  fieldBlock(label: string): Locator {
    return this.root.locator('.field').filter({ has: this.root.page().getByLabel(label, { exact: true }) }).first();
  }

  saveStateOf(label: string): Locator {
    return this.fieldBlock(label).locator('.save-state');
  }

  errorOf(label: string): Locator {
    return this.fieldBlock(label).locator('.field__error');
  }

  get links(): Locator {
    return this.root.getByRole('region', { name: 'Links' });
  }

  /** Adds a link of a type to the first record the search finds. */
  async addLink(linkType: string, search: string, pick: string): Promise<void> {
    await this.links.getByRole('button', { name: 'Add link' }).click();
    const group = this.links.getByRole('group', { name: 'Add a link' });
    await group.getByLabel('Link type').selectOption({ label: linkType });
    await group.getByLabel('Find the record').fill(search);
    await group.getByRole('list', { name: 'Matching records' }).getByRole('button', { name: pick }).click();
  }
}

class RecordListPage {
  constructor(
    readonly page: Page,
    readonly tableName: string,
    readonly addLabel: string,
    readonly addButton: string,
  ) {}

  get table(): Locator {
    return this.page.getByRole('table', { name: this.tableName, exact: true });
  }

  row(title: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader').filter({ hasText: title }) });
  }

  async add(title: string): Promise<void> {
    await this.page.getByLabel(this.addLabel, { exact: true }).fill(title);
    await this.page.getByLabel(this.addLabel, { exact: true }).press('Enter');
  }

  async open(title: string): Promise<RecordPanel> {
    const button = this.row(title).getByRole('button', { name: title });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    return this.panel;
  }

  get panel(): RecordPanel {
    return new RecordPanel(this.page.locator('aside.records__detail'));
  }

  /** The case's undo notice, above the section (it stays when the user moves to another one). */
  get undoNotice(): Locator {
    return this.page.locator('#main > .undo-notice');
  }

  /** The question asked before deleting a record that has a history or records going with it. */
  get deleteQuestion(): Locator {
    return this.page.getByRole('dialog');
  }

  /** The bar of filters over the table. */
  get filterBar(): Locator {
    return this.page.getByRole('group', { name: /^Filter / });
  }

  /** The heading cell of a column, whose button sorts the table by it. */
  columnHeader(heading: string): Locator {
    return this.table.getByRole('columnheader', { name: heading });
  }

  async sortBy(heading: string): Promise<void> {
    await this.columnHeader(heading).getByRole('button').click();
  }

  async filter(label: string, value: string): Promise<void> {
    await this.filterBar.getByLabel(label, { exact: true }).selectOption({ label: value });
  }

  /** The titles of the rows, top to bottom. */
  async titles(): Promise<string[]> {
    return this.table.getByRole('rowheader').allInnerTexts();
  }
}

export class NegotiationPage extends RecordListPage {
  constructor(page: Page) {
    super(page, 'Issues matrix', 'New issue', 'Add issue');
  }

  get history(): Locator {
    return this.panel.root.getByRole('list', { name: 'Position changes, newest first' });
  }

  get concessions(): Locator {
    return this.panel.root.getByRole('list', { name: 'Concessions on this issue' });
  }

  batna(side: 'Our BATNA' | 'Their BATNA (our estimate)'): Locator {
    return this.page.getByRole('region', { name: side, exact: true });
  }
}

export class PrecedentsPage extends RecordListPage {
  constructor(page: Page) {
    super(page, 'Precedents', 'New precedent', 'Add precedent');
  }
}

export class WatchPage extends RecordListPage {
  constructor(page: Page) {
    super(page, 'Watch list', 'New watch item', 'Add to watch list');
  }
}
