// The deadlines screen: the list (virtualized rows), the month calendar, the add form and the edit panel.
import { expect, type Locator, type Page } from '@playwright/test';

export class DeadlinesPage {
  readonly list: Locator;
  readonly form: Locator;
  readonly panel: Locator;
  readonly calendar: Locator;
  /** The case's undo notice, above the section. */
  readonly undoBar: Locator;
  readonly reminders: Locator;
  readonly moveDialog: Locator;
  readonly calendarSettings: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('list', { name: /^Deadlines \(\d+\)$/ });
    this.form = page.getByRole('region', { name: 'New deadline' });
    this.panel = page.locator('aside.deadline-panel');
    this.calendar = page.getByRole('region', { name: /\w+ \d{4}/ }).filter({ has: page.locator('.deadline-calendar__grid') });
    this.undoBar = page.locator('#main > .undo-notice');
    this.reminders = page.getByRole('region', { name: /^Reminders/ });
    this.moveDialog = page.getByRole('dialog', { name: /^Move / });
    this.calendarSettings = page.locator('details.calendar-settings');
  }

  /** A reminder in the reminder center, by its deadline's title. */
  reminder(title: string): Locator {
    return this.reminders.getByRole('listitem').filter({ hasText: title });
  }

  /** Opens the move dialog for the trigger of the rule-built deadline open in the panel. */
  async moveTriggerOfOpenDeadline(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Move the trigger date…' }).click();
    await expect(this.moveDialog).toBeVisible();
  }

  /** A row of the move dialog's table: the deadline, its date now and after the move. */
  moveRow(title: string): Locator {
    return this.moveDialog.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: title, exact: true }) });
  }

  row(title: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByRole('button', { name: title, exact: true }) });
  }

  group(label: string): Locator {
    return this.list.getByRole('heading', { name: new RegExp(`^${label}`) });
  }

  async startAdding(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add deadline', exact: true }).first().click();
    await expect(this.form).toBeVisible();
  }

  formField(label: string): Locator {
    return this.form.getByLabel(label, { exact: false }).first();
  }

  formError(label: string): Locator {
    return this.form.locator('.field').filter({ has: this.page.getByLabel(label, { exact: false }) }).locator('.field__error');
  }

  dueType(label: 'On a date' | 'At a date and time' | 'Not yet known (TBD)'): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  /** A row's status button; pressing it puts the status drop-down in its place. */
  statusButton(title: string): Locator {
    return this.row(title).getByRole('button', { name: `Status of ${title}:` });
  }

  /** Changes a row's status the way a user does: the status button, then the choice in the drop-down. */
  async setStatus(title: string, label: string): Promise<void> {
    await this.statusButton(title).click();
    const choice = this.row(title).getByRole('combobox', { name: `Status of ${title}` });
    await expect(choice).toBeFocused();
    await choice.selectOption({ label });
  }

  async open(title: string): Promise<void> {
    await this.row(title).getByRole('button', { name: title, exact: true }).click();
    await expect(this.panel.getByRole('heading', { level: 2 })).toHaveText(title);
  }

  /** A field of the edit panel; a required one's label reads "Title (required)". */
  panelField(label: string): Locator {
    return this.panel.getByLabel(new RegExp(`^${label}( \\(required\\))?$`));
  }

  panelFieldBlock(label: string): Locator {
    return this.panel.locator('.field').filter({ has: this.page.getByLabel(new RegExp(`^${label}( \\(required\\))?$`)) });
  }

  panelSaveState(label: string): Locator {
    return this.panelFieldBlock(label).locator('.save-state');
  }

  panelError(label: string): Locator {
    return this.panelFieldBlock(label).locator('.field__error');
  }

  async showView(view: 'List' | 'Month calendar'): Promise<void> {
    const button = this.page.getByRole('group', { name: 'View' }).getByRole('button', { name: view });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }
}
