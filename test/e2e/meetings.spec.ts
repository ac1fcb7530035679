// The meetings screen: logging a meeting with who came, what was said, what was decided and what each side owes,
// saved as the user goes and all there after a reload; and the sample case's meetings read back.
import { MeetingsPage } from './pages/meetings-page.js';
import { expect, test } from './support/fixtures.js';
import { callThrough } from './support/harness.js';
import { createCaseFile, isoDaysFromToday, ORDER_TITLE } from './support/cases.js';

const MEETING = 'Working session on the allied carve-out';

test('a meeting logged with attendees, notes, action items and a concession is all there after a reload', async ({ app, harness, page }) => {
  test.setTimeout(240_000);
  const info = await createCaseFile(harness, 'order.parley');
  const caseId = info.caseId;
  await callThrough(harness, 'party.create', { caseId, fields: { name: 'Ruth Hale', partyKind: 'person', side: 'ours', role: 'Outside counsel' } });
  const issue = await callThrough(harness, 'issue.create', { caseId, fields: { title: 'Allied-nation carve-out', priority: 'critical', status: 'open' } });
  await page.reload();
  await app.library.openCase(ORDER_TITLE);
  await app.goToSection('Meetings');
  const meetings = new MeetingsPage(page);
  await expect(page.getByRole('heading', { name: 'No meetings yet' })).toBeVisible();

  await meetings.logMeeting({ title: MEETING, date: isoDaysFromToday(3), time: '10:00' });
  await expect(meetings.option(MEETING)).toHaveAttribute('aria-selected', 'true');
  await expect(meetings.option(MEETING)).toContainText('10:00');

  // The meeting's own fields save as the user goes.
  await meetings.field('Location').fill('Bureau headquarters, Room 4830');
  await expect(meetings.saveStateOf('Location')).toHaveText('Saved');
  await meetings.field('End time').fill('11:30');
  await meetings.field('Time zone').fill('America/New_York');
  await meetings.field('Purpose').click();
  await expect(meetings.saveStateOf('Time zone')).toHaveText('Saved');
  await meetings.field('Purpose').fill('Test whether the Bureau will accept a short allied list.');
  await expect(meetings.saveStateOf('Purpose')).toHaveText('Saved');

  // An end before the start is refused, and the text stays with the reason.
  await meetings.field('End time').fill('09:00');
  await meetings.field('Location').click();
  await expect(meetings.saveStateOf('End time')).toHaveText('Not saved');
  await expect(meetings.errorOf('End time')).toContainText(/before/i);
  await expect(meetings.field('End time')).toHaveValue('09:00');
  await meetings.field('End time').fill('11:30');
  await meetings.field('Location').click();
  await expect(meetings.saveStateOf('End time')).toHaveText(/Saved|^$/);

  // Agenda: two items, then the second moved up.
  await meetings.agenda.getByRole('button', { name: 'Add an agenda item' }).click();
  await page.keyboard.type('Timing and wind-down');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The allied list');
  await page.keyboard.press('Tab');
  await meetings.agenda.getByRole('button', { name: 'Move item 2 up' }).click();
  await expect(meetings.agenda.locator('.save-state')).toHaveText('Saved');

  await meetings.addAttendee({ name: 'Ruth Hale', role: 'Outside counsel', attended: true });
  await meetings.addAttendee({ name: 'Tomas Reyes', side: 'Theirs', role: 'Licensing policy', attended: true });
  await expect(meetings.attendeeGroup('Our side').getByRole('listitem')).toHaveText([/Ruth Hale/]);
  await expect(meetings.attendeeGroup('Their side').getByRole('listitem')).toHaveText([/Tomas Reyes/]);

  await meetings.addNote('Reyes: an allied list is possible for the lower tiers.\nNot for the top tier.');
  await meetings.addNote('Our read: they need something to announce.', { internal: true });
  await expect(meetings.noteBodies()).toHaveCount(2);
  await expect(meetings.notes.getByRole('listitem', { name: 'Note 2 (internal)' })).toBeVisible();

  await meetings.addActionItem({ title: 'Send the allied-country list', owner: 'Ruth Hale', due: isoDaysFromToday(10), commitment: true });
  await meetings.addActionItem({ title: 'Circulate the notes', owner: 'Dana Whitfield', due: isoDaysFromToday(4) });
  await meetings.actionStatus('Circulate the notes', 'Done').check();
  await expect(meetings.actionItems.getByRole('heading')).toContainText('1 open');

  await meetings.recordConcession({ issue: 'Allied-nation carve-out', direction: 'Received from them', description: 'The Bureau will consider a short allied list.' });
  await expect(meetings.concessions.getByRole('listitem')).toHaveText([/Received from them.*Allied-nation carve-out.*The Bureau will consider a short allied list\./]);

  // Deleting a note can be undone (a note never changed goes without a question).
  await meetings.notes.getByRole('button', { name: 'Delete note 1' }).click();
  await expect(meetings.noteBodies()).toHaveCount(1);
  await expect(meetings.undoBar).toContainText(/Note “Reyes: an allied list[^”]*” deleted\./);
  await meetings.undoBar.getByRole('button', { name: 'Undo' }).click();
  await expect(meetings.noteBodies()).toHaveCount(2);
  await app.screenshot('meetings-logged');

  await page.reload();
  await meetings.open(MEETING);
  await expect(meetings.field('Location')).toHaveValue('Bureau headquarters, Room 4830');
  await expect(meetings.field('Time zone')).toHaveValue('America/New_York');
  await expect(meetings.field('End time')).toHaveValue('11:30');
  await expect(meetings.agenda.getByLabel('Agenda item 1')).toHaveValue('The allied list');
  await expect(meetings.agenda.getByLabel('Agenda item 2')).toHaveValue('Timing and wind-down');
  await expect(meetings.attendee('Ruth Hale').getByLabel('Attended')).toBeChecked();
  await expect(meetings.attendeeGroup('Their side').getByRole('listitem')).toHaveText([/Tomas Reyes/]);
  await expect(meetings.noteBodies().nth(0)).toHaveValue('Reyes: an allied list is possible for the lower tiers.\nNot for the top tier.');
  await expect(meetings.noteBodies().nth(1)).toHaveValue('Our read: they need something to announce.');
  await expect(meetings.notes.getByRole('listitem', { name: 'Note 2 (internal)' })).toBeVisible();
  await expect(meetings.actionStatus('Circulate the notes', 'Done')).toBeChecked();
  await expect(meetings.actionStatus('Send the allied-country list', 'Open')).toBeChecked();
  await expect(meetings.actionItem('Send the allied-country list').getByLabel('Commitment to the other side')).toBeChecked();
  await expect(meetings.concessions).toContainText('The Bureau will consider a short allied list.');

  // The core holds the same.
  const [meeting] = await callThrough(harness, 'meeting.list', { caseId });
  expect(meeting).toMatchObject({ title: MEETING, startTime: '10:00', endTime: '11:30', timeZone: 'America/New_York', agenda: ['The allied list', 'Timing and wind-down'] });
  const attendees = await callThrough(harness, 'attendee.list', { caseId, filter: { meetingId: meeting!.id } });
  expect(attendees.map((a) => [a.name, a.side, a.attended, !!a.partyId])).toEqual([['Ruth Hale', 'ours', true, true], ['Tomas Reyes', 'theirs', true, false]]);
  const concessions = await callThrough(harness, 'concession.list', { caseId, filter: { meetingId: meeting!.id } });
  expect(concessions).toMatchObject([{ issueId: issue.id, direction: 'received' }]);

  // Deleting the meeting asks first, saying what goes with it, and can be undone.
  await meetings.detail.getByRole('button', { name: 'Delete meeting' }).click();
  const question = page.getByRole('dialog', { name: 'Delete this meeting?' });
  await expect(question).toContainText(/attendees/);
  await question.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(meetings.option(MEETING)).toHaveCount(0);
  await expect(page.locator(':focus')).not.toHaveCount(0); // the focus stays on the screen, not on the page
  await meetings.undoBar.getByRole('button', { name: 'Undo' }).click();
  await expect(meetings.option(MEETING)).toHaveCount(1);
  const [restored] = await callThrough(harness, 'attendee.list', { caseId, filter: { meetingId: meeting!.id } }).then((a) => [a.length]);
  expect(restored).toBe(2); // its attendees came back with it
});

test('the sample case: upcoming meetings first, the held meeting with its attendees by side and its notes', async ({ app, page }) => {
  test.setTimeout(300_000);
  await page.getByRole('button', { name: 'Open the sample case' }).click();
  await expect(app.overview.saveSummary).toBeVisible({ timeout: 20_000 });
  await app.goToSection('Meetings');
  const meetings = new MeetingsPage(page);
  await expect(meetings.list.getByRole('option')).toHaveText([/Second meeting: tiered-access proposal/, /First meeting with the Bureau/]);

  // The list is walked with the arrow keys.
  await meetings.option(/Second meeting/).focus();
  await page.keyboard.press('ArrowDown');
  await expect(meetings.option(/First meeting/)).toBeFocused();
  await expect(meetings.option(/First meeting/)).toHaveAttribute('aria-selected', 'true');
  await expect(meetings.attendees).toBeVisible();
  await expect(meetings.field('Title')).toHaveValue('First meeting with the Bureau on the suspension order');
  await expect(meetings.attendeeGroup('Our side').getByRole('listitem')).toHaveCount(3);
  await expect(meetings.attendeeGroup('Their side').getByRole('listitem')).toHaveCount(3);
  for (const name of ['Dana Okafor', 'Luis Brandt', 'Ruth Hale']) await expect(meetings.attendeeGroup('Our side')).toContainText(name);
  for (const name of ['Marguerite Vance', 'Tomas Reyes', 'Bureau note-taker']) await expect(meetings.attendeeGroup('Their side')).toContainText(name);
  await expect(meetings.noteBodies()).toHaveCount(4);
  await expect(meetings.noteBodies().first()).toHaveValue(/a floor, not a ceiling/);
  await expect(meetings.notes.getByRole('listitem', { name: 'Note 4 (internal)' })).toBeVisible();
  await expect(meetings.decisions.getByRole('listitem')).toHaveCount(3);
  await expect(meetings.actionItems.getByRole('listitem')).toHaveCount(4);
  await expect(meetings.actionStatus('Circulate the meeting notes to the negotiating team', 'Done')).toBeChecked();
  await expect(meetings.concessions.getByRole('listitem')).toHaveCount(4);
  await expect(meetings.concessions).toContainText('Identity verification and reporting');

});
