// People and organizations: parties added on the People screen, picked as a meeting's attendees (or made there on
// the spot) and as an action item's owner, the who's-who listing where each appears, a rename shown beside the name
// the meeting recorded, a delete undone; the screen in both themes under axe.
import { expectNoSeriousViolations } from './pages/axe-check.js';
import { DeadlinesPage } from './pages/deadlines-page.js';
import { MeetingsPage } from './pages/meetings-page.js';
import { PartyPickerField, PeoplePage } from './pages/people-page.js';
import { createCaseFile, isoDaysFromToday } from './support/cases.js';
import { openSample } from './support/every-screen.js';
import { expect, test } from './support/fixtures.js';
import { callThrough } from './support/harness.js';

test.describe.configure({ timeout: 180_000 });

test('a party is added, picked as attendee and owner, listed where they appear, renamed, deleted and restored', async ({ app, page, harness }) => {
  const { caseId } = await createCaseFile(harness, 'order.parley');
  const meeting = await callThrough(harness, 'meeting.create', { caseId, fields: { title: 'First meeting with the Bureau', status: 'held', meetingDate: isoDaysFromToday(-2) } });
  await callThrough(harness, 'deadline.create', { caseId, fields: { title: 'Written response on scope', deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: isoDaysFromToday(10) } });
  await page.evaluate((id) => (window.location.hash = `#/case/${id}/people`), caseId);
  await page.reload(); // the renderer learns of the case the harness opened
  await expect(app.heading).toHaveText('People');
  const people = new PeoplePage(page);
  await expect(page.getByText('No one yet.')).toBeVisible();

  // Added on the People screen: the new party opens beside the list, its fields saving as the user goes.
  await people.add('Marguerite Vance', 'Their side');
  const panel = people.panel;
  await expect(panel.root.getByRole('heading', { level: 2 })).toContainText('Marguerite Vance');
  await panel.field('Role').fill('Under Secretary; signed the order');
  await panel.field('Organization').fill('Bureau of Industry Controls');
  await panel.field('Contact').fill('+1 202 555 0143');
  await panel.field('Name (required)').focus();
  await expect(panel.saveStateOf('Contact')).toHaveText('Saved');
  await people.add('Dana Okafor', 'Our side');
  await expect(people.side('Our side')).toContainText('Dana Okafor');
  await expect(people.side('Their side')).toContainText('Bureau of Industry Controls');

  // Picked as an attendee from the keyboard: typed, down to the choice, Enter; the side and role come from the party.
  await app.goToSection('Meetings');
  const meetings = new MeetingsPage(page);
  await meetings.open(/First meeting/);
  const attendeeForm = page.getByRole('form', { name: 'Add an attendee' });
  const who = new PartyPickerField(attendeeForm.getByRole('combobox', { name: 'Name or party' }));
  await who.input.fill('marg');
  await expect(who.choice(/Marguerite Vance/)).toContainText('Their side · Under Secretary');
  await who.input.press('ArrowDown');
  await expect(who.choice(/Marguerite Vance/)).toHaveAttribute('aria-selected', 'true');
  await who.input.press('Enter');
  await expect(who.input).toHaveValue('Marguerite Vance');
  await expect(attendeeForm.getByLabel('Side')).toHaveValue('theirs');
  await expect(attendeeForm.getByLabel('Role')).toHaveValue('Under Secretary; signed the order');
  await who.input.press('Enter'); // the list is closed: Enter adds the attendee
  await expect(meetings.attendeeGroup('Their side')).toContainText('Marguerite Vance');

  // Someone who is no party yet is made one on the spot, on the side chosen.
  await attendeeForm.getByLabel('Side').selectOption({ label: 'Theirs' });
  await who.input.fill('Sam Ruiz');
  await app.screenshot('parties-attendee-picker');
  await who.choice('Add “Sam Ruiz” as a new person on their side').click();
  await expect(meetings.attendeeGroup('Their side')).toContainText('Sam Ruiz');

  // The owner of an action item picked from the parties, our side first.
  const actionForm = page.getByRole('form', { name: 'Add an action item' });
  await actionForm.getByLabel('New action item').fill('Send the written proposal');
  const owner = new PartyPickerField(actionForm.getByRole('combobox', { name: 'Owner' }));
  await owner.input.fill('dan');
  await owner.input.press('ArrowDown');
  await owner.input.press('Enter');
  await expect(owner.input).toHaveValue('Dana Okafor');
  await actionForm.getByLabel('New action item').press('Enter');
  await expect(meetings.actionItem('Send the written proposal')).toBeVisible();

  // A deadline's owner picked in its panel: saved when the field is left.
  await app.goToSection('Deadlines');
  const deadlines = new DeadlinesPage(page);
  await deadlines.open('Written response on scope');
  const deadlineOwner = new PartyPickerField(deadlines.panelField('Owner'));
  await deadlineOwner.input.fill('okaf');
  await deadlineOwner.choice(/Dana Okafor/).click();
  await deadlineOwner.input.press('Tab');
  await expect(deadlines.panelSaveState('Owner')).toHaveText('Saved');

  const parties = await callThrough(harness, 'party.list', { caseId });
  const idOf = (name: string) => parties.find((p) => p.name === name)!.id;
  expect(parties.find((p) => p.name === 'Sam Ruiz')).toMatchObject({ side: 'theirs', partyKind: 'person' });
  const attendees = await callThrough(harness, 'attendee.list', { caseId, filter: { meetingId: meeting.id } });
  expect(attendees.map((a) => [a.name, a.partyId, a.side, a.role])).toEqual([
    ['Marguerite Vance', idOf('Marguerite Vance'), 'theirs', 'Under Secretary; signed the order'],
    ['Sam Ruiz', idOf('Sam Ruiz'), 'theirs', null],
  ]);
  const [item] = await callThrough(harness, 'actionItem.list', { caseId });
  expect(item).toMatchObject({ owner: 'Dana Okafor', ownerPartyId: idOf('Dana Okafor') });

  // The who's-who lists where each appears, as links that open the record.
  await app.goToSection('People');
  await expect(people.side('Their side').getByRole('rowheader')).toHaveText(['Marguerite Vance', 'Sam Ruiz']);
  await expect(people.row('Dana Okafor')).toContainText('1 action item, 1 deadline');
  await people.open('Marguerite Vance');
  await expect(people.appearances('Meetings')).toContainText('First meeting with the Bureau');
  await people.open('Dana Okafor');
  await people.appearances('Action items they own').getByRole('link', { name: 'Send the written proposal' }).click();
  await expect(app.heading).toHaveText('Meetings');
  await expect(meetings.actionItem('Send the written proposal')).toHaveAttribute('data-landed', '');

  // Filtered by side, as the other tables are.
  await app.goToSection('People');
  await people.filterBar.getByLabel('Side', { exact: true }).selectOption({ label: 'Our side' });
  await expect(people.filterBar.getByRole('status')).toHaveText('1 of 3 shown');
  await expect(people.side('Their side')).toBeHidden();
  await people.filterBar.getByRole('button', { name: /Clear/ }).first().click();

  // Renamed: the meeting keeps the name it recorded and shows the party's name now beside it.
  const vance = await people.open('Marguerite Vance');
  await vance.field('Name (required)').fill('Marguerite Vance-Holt');
  await vance.field('Role').focus();
  await expect(vance.saveStateOf('Name (required)')).toHaveText('Saved');
  await app.screenshot('parties-people');
  await app.goToSection('Meetings');
  await expect(meetings.attendee('Marguerite Vance')).toContainText('(now Marguerite Vance-Holt)');

  // Deleted, and brought back with Undo; the attendance it was linked to stays through both.
  await app.goToSection('People');
  const ruiz = await people.open('Sam Ruiz');
  await ruiz.root.getByRole('button', { name: 'Delete this person' }).click();
  await expect(people.undoNotice).toContainText('Party “Sam Ruiz” deleted.');
  await expect(people.row('Sam Ruiz')).toBeHidden();
  expect(await callThrough(harness, 'attendee.list', { caseId })).toHaveLength(2);
  await people.undoNotice.getByRole('button', { name: 'Undo' }).click();
  await expect(people.row('Sam Ruiz')).toBeVisible();
  expect((await callThrough(harness, 'party.list', { caseId })).map((p) => p.name).sort()).toEqual(['Dana Okafor', 'Marguerite Vance-Holt', 'Sam Ruiz']);
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`the People screen of the sample case passes axe in the ${theme.toLowerCase()} theme`, async ({ app, page }) => {
    await openSample(app, page);
    await app.setTheme(theme);
    await app.goToSection('People');
    const people = new PeoplePage(page);
    await expect(people.side('Our side')).toContainText('Dana Okafor');
    await expect(people.side('Their side')).toContainText('Bureau of Industry Controls');
    await expect(people.side('Third parties')).toContainText('Northwind AI');
    await people.open('Tomas Reyes');
    await expect(people.appearances('Meetings').getByRole('listitem')).toHaveCount(2);
    await expect(people.appearances('Action items they own')).toContainText('Bureau to say whether and when');
    await expectNoSeriousViolations(page, `People (${theme.toLowerCase()})`);
    await app.screenshot(`parties-sample-${theme.toLowerCase()}`);
    if (theme === 'Light') {
      // The guide's picture: the open party's panel scrolled to where they appear.
      await page.getByRole('heading', { name: 'Where they appear' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await app.guideScreenshot('people');
    }
  });
}
