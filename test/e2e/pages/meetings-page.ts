// The meetings screen: the list of meetings and the one opened beside it.
import { expect, type Locator, type Page } from '@playwright/test';

export class MeetingsPage {
  readonly list: Locator;
  readonly detail: Locator;
  readonly logDialog: Locator;
  readonly attendees: Locator;
  readonly notes: Locator;
  readonly decisions: Locator;
  readonly actionItems: Locator;
  readonly concessions: Locator;
  readonly agenda: Locator;
  readonly undoBar: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('listbox', { name: /All meetings/ });
    this.detail = page.locator('.meeting-detail');
    this.logDialog = page.getByRole('dialog', { name: 'Log a meeting' });
    this.attendees = page.getByRole('region', { name: /^Attendees/ });
    this.notes = page.getByRole('region', { name: /^Notes/ });
    this.decisions = page.getByRole('region', { name: /^Decisions/ });
    this.actionItems = page.getByRole('region', { name: /^Action items/ });
    this.concessions = page.getByRole('region', { name: /^Concessions in this meeting/ });
    this.agenda = page.getByRole('region', { name: /^Agenda/ });
    this.undoBar = page.locator('#main > .undo-notice'); // the case's notice, above every section
  }

  option(title: string | RegExp): Locator {
    return this.list.getByRole('option', { name: title });
  }

  async open(title: string | RegExp): Promise<void> {
    await this.option(title).click();
    await expect(this.option(title)).toHaveAttribute('aria-selected', 'true');
    await expect(this.attendees).toBeVisible();
  }

  async logMeeting(values: { title: string; date?: string; time?: string; status?: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Log a meeting' }).first().click();
    await expect(this.logDialog).toBeVisible();
    if (values.date) await this.logDialog.getByLabel('Date').fill(values.date);
    if (values.time) await this.logDialog.getByLabel('Start time').fill(values.time);
    if (values.status) await this.logDialog.getByLabel('Status').selectOption({ label: values.status });
    await this.logDialog.getByLabel('Title').fill(values.title);
    await this.logDialog.getByLabel('Title').press('Enter');
    await expect(this.logDialog).toBeHidden();
    await expect(this.attendees).toBeVisible();
  }

  /** A field of the meeting itself (Title, Location, Purpose ...). */
  field(label: string): Locator {
    return this.detail.getByLabel(new RegExp(`^${label}( \\(required\\))?$`));
  }

  /** The field's wrapper: its label, save state, control and error. */
  fieldBlock(label: string): Locator {
    return this.detail.locator('.field').filter({ has: this.page.getByLabel(new RegExp(`^${label}( \\(required\\))?$`)) }).first();
  }

  saveStateOf(label: string): Locator {
    return this.fieldBlock(label).locator('.save-state');
  }

  errorOf(label: string): Locator {
    return this.fieldBlock(label).locator('.field__error');
  }

  async addAttendee(values: { name: string; side?: 'Ours' | 'Theirs' | 'Third party'; role?: string; attended?: boolean }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add an attendee' });
    await form.getByLabel('Name or party').fill(values.name);
    if (values.side) await form.getByLabel('Side').selectOption({ label: values.side });
    if (values.role) await form.getByLabel('Role').fill(values.role);
    if (values.attended !== undefined) await form.getByLabel('Attended').setChecked(values.attended);
    await form.getByLabel(values.role ? 'Role' : 'Name or party').press('Enter');
    await expect(this.attendee(values.name)).toBeVisible();
  }

  attendeeGroup(side: 'Our side' | 'Their side' | 'Third parties'): Locator {
    return this.attendees.getByRole('list', { name: new RegExp(`^${side}`) });
  }

  attendee(name: string): Locator {
    return this.attendees.getByRole('listitem', { name, exact: true });
  }

  async addNote(body: string, options: { internal?: boolean } = {}): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add a note' });
    await form.getByLabel('New note').fill(body);
    if (options.internal) await form.getByLabel(/Internal only/).check();
    await form.getByLabel('New note').press('Control+Enter');
    await expect(form.getByLabel('New note')).toHaveValue('');
  }

  noteBodies(): Locator {
    return this.notes.locator('.note textarea');
  }

  async addActionItem(values: { title: string; owner?: string; due?: string; commitment?: boolean }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add an action item' });
    await form.getByLabel('New action item').fill(values.title);
    if (values.owner) await form.getByLabel('Owner').fill(values.owner);
    if (values.due) await form.getByLabel('Due date').fill(values.due);
    if (values.commitment) await form.getByLabel('Commitment to the other side').check();
    await form.getByLabel('New action item').press('Enter');
    await expect(this.actionItem(values.title)).toBeVisible();
  }

  actionItem(title: string): Locator {
    return this.actionItems.getByRole('listitem', { name: title, exact: true });
  }

  actionStatus(title: string, status: 'Open' | 'Done' | 'Cancelled'): Locator {
    return this.actionItem(title).getByRole('group', { name: /^Status of/ }).getByLabel(status, { exact: true });
  }

  async recordConcession(values: { issue: string; direction: 'Given by us' | 'Received from them'; description: string }): Promise<void> {
    await this.concessions.getByRole('button', { name: 'Record a concession' }).click();
    const form = this.page.getByRole('form', { name: 'Record a concession' });
    await form.getByLabel('Issue').selectOption({ label: values.issue });
    await form.getByLabel(values.direction).check();
    await form.getByLabel('What was conceded').fill(values.description);
    await form.getByRole('button', { name: 'Record the concession' }).click();
    await expect(form).toBeHidden();
  }
}
