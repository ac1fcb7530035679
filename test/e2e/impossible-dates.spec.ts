// A date that does not exist, typed key by key into a date field, never replaces the saved date: the field says so
// beside itself, never says "Saved", and neither the file nor its audit trail changes. Only emptying the field on
// purpose clears the date.
import fs from 'node:fs';
import path from 'node:path';
import { emptyParts, typeInto } from './pages/date-input.js';
import { DeadlinesPage } from './pages/deadlines-page.js';
import { MeetingsPage } from './pages/meetings-page.js';
import { WatchPage } from './pages/negotiation-page.js';
import type { ParleyApp } from './pages/parley-app.js';
import { createCaseFile, ORDER_TITLE } from './support/cases.js';
import { expect, test } from './support/fixtures.js';
import { callThrough, type Harness } from './support/harness.js';

const KEPT = 'The saved date, 2 Mar 2026, is kept.';

// The machine running the suite is shared and slow, and typing key by key takes its time: give each test room.
test.describe.configure({ timeout: 90_000 });

async function directiveAndHistory(harness: Harness) {
  const [info] = await callThrough(harness, 'case.listOpen', {});
  const directive = await callThrough(harness, 'directive.get', { caseId: info!.caseId });
  return { directive, history: await callThrough(harness, 'record.history', { caseId: info!.caseId, id: directive.id }) };
}

/** The case this spec's overview tests edit: issued on 2 March 2026, opened on its overview. */
async function openCaseIssuedOnMarch2(app: ParleyApp, harness: Harness) {
  await createCaseFile(harness, 'order.parley', ORDER_TITLE, { issuedOn: '2026-03-02' });
  await app.page.reload();
  await app.library.openCase(ORDER_TITLE);
  await expect(app.overview.field('Issued on')).toHaveValue('2026-03-02');
  return directiveAndHistory(harness);
}

test('the directive\'s Issued on refuses 30 February beside the field, and the saved date stays in the file and after a reload', async ({ app, harness, page }) => {
  const before = await openCaseIssuedOnMarch2(app, harness);
  const issuedOn = app.overview.field('Issued on');

  await typeInto(issuedOn, '02302026'); // 02/30/2026
  await app.overview.field('Reference number').focus();
  await expect(app.overview.errorOf('Issued on')).toHaveText(`This date is incomplete or is not a real day, such as 30 February. ${KEPT}`);
  await expect(app.overview.saveStateOf('Issued on')).toHaveText('Not saved');
  await expect(app.overview.saveSummary).toHaveText('One change is not saved');
  await expect(issuedOn).toHaveAttribute('aria-invalid', 'true');
  await app.screenshot('impossible-date-overview');

  const after = await directiveAndHistory(harness);
  expect(after.directive).toEqual(before.directive);
  expect(after.history).toEqual(before.history);

  await page.reload();
  await expect(issuedOn).toHaveValue('2026-03-02');
  await expect(app.overview.errorOf('Issued on')).toHaveCount(0);
  await expect(app.overview.keyDates).toContainText('2 Mar 2026');
  await expect(app.overview.recentChanges).toContainText('created the directive');
  await expect(app.overview.recentChanges).not.toContainText('issued on');
});

test('Issued on refuses a month emptied while typing and a two-digit year, and saves neither', async ({ app, harness }) => {
  const before = await openCaseIssuedOnMarch2(app, harness);
  const issuedOn = app.overview.field('Issued on');

  // Without leaving the field: the month emptied (mm/02/2026). After the pause a save would wait for, the refusal.
  await emptyParts(issuedOn, 1);
  await expect(app.overview.errorOf('Issued on')).toHaveText(`This date is incomplete or is not a real day, such as 30 February. ${KEPT}`);
  await expect(app.overview.saveStateOf('Issued on')).toHaveText('Not saved');

  // "202" typed for the year is a real date in the year 202 to the browser; Parley takes years from 1000.
  await typeInto(issuedOn, '0302202');
  await app.overview.field('Reference number').focus();
  await expect(app.overview.errorOf('Issued on')).toHaveText(`Write the year in full, with four digits, such as 2026. ${KEPT}`);
  await expect(app.overview.saveStateOf('Issued on')).toHaveText('Not saved');
  await app.screenshot('impossible-date-overview-short-year');

  const after = await directiveAndHistory(harness);
  expect(after.directive).toEqual(before.directive);
  expect(after.history).toEqual(before.history);
});

test('Issued on saves a real date, and only emptying every part on purpose clears it', async ({ app, harness }) => {
  const before = await openCaseIssuedOnMarch2(app, harness);
  const issuedOn = app.overview.field('Issued on');
  await typeInto(issuedOn, '02282026');
  await app.overview.field('Reference number').focus();
  await expect(app.overview.saveStateOf('Issued on')).toHaveText('Saved');
  expect((await directiveAndHistory(harness)).directive.issuedOn).toBe('2026-02-28');

  await emptyParts(issuedOn, 3);
  await app.overview.field('Reference number').focus();
  await expect(app.overview.saveStateOf('Issued on')).toHaveText('Saved');
  await expect(app.overview.errorOf('Issued on')).toHaveCount(0);
  const cleared = await directiveAndHistory(harness);
  expect(cleared.directive.issuedOn).toBeNull();
  expect(cleared.history.length).toBe(before.history.length + 2);
});

test('the new-case form refuses an impossible date beside the field and creates no case until it is corrected', async ({ app, harness }) => {
  await app.library.startNewCase();
  await app.newCase.fill({ Title: 'Export-control suspension order' });
  await typeInto(app.newCase.field('Issued on'), '02302026');
  await typeInto(app.newCase.field('Received on'), '0304'); // no year
  await app.newCase.submitWithEnter();

  await expect(app.newCase.errorOf('Issued on')).toHaveText('This date is incomplete or is not a real day, such as 30 February.');
  await expect(app.newCase.errorOf('Received on')).toHaveText('This date is incomplete or is not a real day, such as 30 February.');
  await expect(app.newCase.formError).toHaveText('The case was not created: correct the fields marked below.');
  await expect(app.newCase.field('Issued on')).toBeFocused();
  await app.screenshot('impossible-date-new-case');
  expect(fs.readdirSync(harness.casesDir)).toEqual([]);
  expect(await callThrough(harness, 'case.listOpen', {})).toEqual([]);

  await typeInto(app.newCase.field('Issued on'), '02282026');
  await emptyParts(app.newCase.field('Received on'), 3);
  await app.newCase.submitWithEnter();
  await expect(app.heading).toHaveText('Export-control suspension order');
  await expect(app.overview.field('Issued on')).toHaveValue('2026-02-28');
  const { directive } = await directiveAndHistory(harness);
  expect(directive).toMatchObject({ issuedOn: '2026-02-28', receivedOn: null });
  expect(fs.existsSync(path.join(harness.casesDir, 'export-control-suspension-order.parley'))).toBe(true);
});

type RecordKind = 'deadline' | 'meeting' | 'watchItem';

/** A case with one record made through the core, and that record's audit trail as it stands. */
async function caseWith<R extends { id: string }>(harness: Harness, make: (caseId: string) => Promise<R>) {
  const { caseId } = await createCaseFile(harness, 'order.parley');
  const record = await make(caseId);
  return { caseId, record, history: await callThrough(harness, 'record.history', { caseId, id: record.id }) };
}

/** Nothing refused reached the file: the record and its audit trail are as they were. */
async function expectUnchanged(harness: Harness, kind: RecordKind, before: Awaited<ReturnType<typeof caseWith<{ id: string }>>>) {
  const get = callThrough as (h: Harness, name: string, input: unknown) => Promise<unknown>;
  const { caseId, record, history } = before;
  expect(await get(harness, `${kind}.get`, { caseId, id: record.id })).toEqual(record);
  expect(await callThrough(harness, 'record.history', { caseId, id: record.id })).toEqual(history);
}

async function openSection(app: ParleyApp, section: string) {
  await app.page.reload(); // the renderer learns of the case the harness made
  await app.library.openCase(ORDER_TITLE);
  await app.goToSection(section);
}

test('a deadline\'s due date and time, edited in its panel, refuse 30 February and a time with no hour, and keep what is saved', async ({ app, harness, page }) => {
  const before = await caseWith(harness, (caseId) => callThrough(harness, 'deadline.create', {
    caseId, fields: { title: 'Response to the order', deadlineKind: 'response', status: 'open', dueType: 'datetime', dueDate: '2026-04-01', dueTime: '17:00', timeZone: 'America/New_York' },
  }));
  await openSection(app, 'Deadlines');
  const deadlines = new DeadlinesPage(page);
  await deadlines.open('Response to the order');

  await typeInto(deadlines.panelField('Due date'), '02302026');
  await emptyParts(deadlines.panelField('Time'), 1); // the hour emptied: --:00 PM
  await deadlines.panelField('Owner').focus();
  await expect(deadlines.panelError('Due date')).toHaveText('This date is incomplete or is not a real day, such as 30 February. The saved date, 1 Apr 2026, is kept.');
  await expect(deadlines.panelError('Time')).toHaveText('This time is incomplete: give the hour and the minutes. The saved time, 17:00, is kept.');
  await expect(deadlines.panelSaveState('Due date')).toHaveText('Not saved');
  await expect(deadlines.panelSaveState('Time')).toHaveText('Not saved');
  await app.screenshot('impossible-date-deadline-panel');
  await expectUnchanged(harness, 'deadline', before);
});

/** A case with one meeting, open on the meetings screen. */
async function openMeeting(app: ParleyApp, harness: Harness, fields: { meetingDate?: string; startTime?: string }) {
  const before = await caseWith(harness, (caseId) => callThrough(harness, 'meeting.create', { caseId, fields: { title: 'First meeting with the Bureau', status: 'planned', ...fields } }));
  await openSection(app, 'Meetings');
  const meetings = new MeetingsPage(app.page);
  await meetings.open('First meeting with the Bureau');
  return { before, meetings };
}

test('a meeting\'s date and start time refuse what their inputs refused, and keep what is saved', async ({ app, harness }) => {
  const { before, meetings } = await openMeeting(app, harness, { meetingDate: '2026-04-10', startTime: '10:00' });

  await typeInto(meetings.field('Date'), '04312026'); // 31 April
  await emptyParts(meetings.field('Start time'), 2); // hour and minutes emptied, AM left
  await meetings.field('Location').focus();
  await expect(meetings.errorOf('Date')).toHaveText('This date is incomplete or is not a real day, such as 30 February. The saved date, 10 Apr 2026, is kept.');
  await expect(meetings.errorOf('Start time')).toHaveText('This time is incomplete: give the hour and the minutes. The saved time, 10:00, is kept.');
  await expect(meetings.saveStateOf('Date')).toHaveText('Not saved');
  await app.screenshot('impossible-date-meeting');
  await expectUnchanged(harness, 'meeting', before);
});

test('a new action item, and a meeting logged, with a date their inputs refused are not added without it', async ({ app, harness, page }) => {
  const { before: { caseId }, meetings } = await openMeeting(app, harness, {});

  const addAction = page.getByRole('form', { name: 'Add an action item' });
  await addAction.getByLabel('New action item').fill('Send the extension letter');
  await typeInto(addAction.getByLabel('Due date'), '0230');
  await addAction.getByLabel('New action item').press('Enter');
  await expect(addAction.locator('.field__error')).toHaveText('Due date: This date is incomplete or is not a real day, such as 30 February.');
  await expect(addAction.getByLabel('Due date')).toHaveAttribute('aria-invalid', 'true');
  expect(await callThrough(harness, 'actionItem.list', { caseId })).toEqual([]);

  await page.getByRole('button', { name: 'Log a meeting' }).first().click();
  await meetings.logDialog.getByLabel('Title').fill('Second meeting');
  await typeInto(meetings.logDialog.getByLabel('Date'), '02302026');
  await meetings.logDialog.getByLabel('Title').press('Enter');
  await expect(meetings.logDialog.locator('.field__error')).toHaveText('This date is incomplete or is not a real day, such as 30 February.');
  await app.screenshot('impossible-date-log-meeting');
  expect(await callThrough(harness, 'meeting.list', { caseId })).toHaveLength(1);
});

test('a watch item\'s Triggered on, a field of the shared record panel, keeps its saved date', async ({ app, harness, page }) => {
  const before = await caseWith(harness, (caseId) => callThrough(harness, 'watchItem.create', {
    caseId, fields: { title: 'Senate bill on frontier-model exports', status: 'triggered', triggeredOn: '2026-03-05' },
  }));
  await openSection(app, 'Watch list');
  const panel = await new WatchPage(page).open('Senate bill on frontier-model exports');

  await emptyParts(panel.field('Triggered on'), 1); // the month emptied: mm/05/2026
  await panel.field('Description').focus();
  await expect(panel.errorOf('Triggered on')).toHaveText('This date is incomplete or is not a real day, such as 30 February. The saved date, 5 Mar 2026, is kept.');
  await expect(panel.saveStateOf('Triggered on')).toHaveText('Not saved');
  await expectUnchanged(harness, 'watchItem', before);
});

test('the new-deadline form and the closure dates say the date was refused, not that it is missing, and add nothing', async ({ app, harness, page }) => {
  const { caseId } = await createCaseFile(harness, 'order.parley');
  await openSection(app, 'Deadlines');
  const deadlines = new DeadlinesPage(page);
  await deadlines.startAdding();
  await deadlines.formField('Title').fill('Response to the order');
  await typeInto(deadlines.formField('Due date'), '04312026');
  await deadlines.formField('Title').press('Enter');
  await expect(deadlines.formError('Due date')).toHaveText('This date is incomplete or is not a real day, such as 30 February.');

  await deadlines.calendarSettings.locator('summary').click();
  await typeInto(deadlines.calendarSettings.getByLabel('Closed on'), '0230');
  await deadlines.calendarSettings.getByLabel('Why').fill('Agency shutdown');
  await deadlines.calendarSettings.getByRole('button', { name: 'Add closure date' }).click();
  await expect(deadlines.calendarSettings.locator('.field__error')).toHaveText('This date is incomplete or is not a real day, such as 30 February.');
  await app.screenshot('impossible-date-deadline-forms');

  expect(await callThrough(harness, 'deadline.list', { caseId })).toEqual([]);
  expect((await callThrough(harness, 'directive.get', { caseId })).closures).toBeNull();
});
