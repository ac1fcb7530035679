// The People screen: the case's parties grouped by side (a table per side), one open in a side panel with where they
// appear; and the party pickers of the meetings screen.
import type { Locator, Page } from '@playwright/test';
import { RecordPanel } from './negotiation-page.js';

export type SideHeading = 'Our side' | 'Their side' | 'Third parties';

export class PeoplePage {
  constructor(readonly page: Page) {}

  /** The table of one side's parties. */
  side(side: SideHeading): Locator {
    return this.page.getByRole('table', { name: side, exact: true });
  }

  row(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader').filter({ hasText: name }) });
  }

  async add(name: string, side: SideHeading, kind: 'Person' | 'Organization' = 'Person'): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add a person or organization' });
    await form.getByLabel('Side').selectOption({ label: side });
    await form.getByLabel('Kind').selectOption({ label: kind });
    await form.getByLabel('New person or organization').fill(name);
    await form.getByLabel('New person or organization').press('Enter');
  }

  async open(name: string): Promise<RecordPanel> {
    const button = this.row(name).getByRole('button', { name });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    return this.panel;
  }

  get panel(): RecordPanel {
    return new RecordPanel(this.page.locator('aside.records__detail'));
  }

  /** The open party's list of where they appear: "Meetings", "Action items they own" or "Deadlines they own". */
  appearances(list: 'Meetings' | 'Action items they own' | 'Deadlines they own'): Locator {
    return this.panel.root.getByRole('list', { name: list, exact: true });
  }

  get filterBar(): Locator {
    return this.page.getByRole('group', { name: /^Filter / });
  }

  get undoNotice(): Locator {
    return this.page.locator('#main > .undo-notice');
  }
}

/** A party picker (a combobox) and its list of choices. */
export class PartyPickerField {
  constructor(readonly input: Locator) {}

  get choices(): Locator {
    return this.input.page().getByRole('listbox', { name: 'Parties of the case' });
  }

  choice(name: string | RegExp): Locator {
    return this.choices.getByRole('option', { name });
  }
}
