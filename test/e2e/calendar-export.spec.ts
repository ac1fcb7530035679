// Deadlines, meetings and action items to the user's calendar: one case from its overview, every case from the
// library, as .ics files whose entries keep their UIDs from one export to the next (so a calendar updates them
// rather than adding copies). The download is read with ical.js, as a calendar app would.
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { calendarUid } from '../../electron/core/calendar/export.js';
import { expectNoSeriousViolations } from './pages/axe-check.js';
import { expect, test } from './support/fixtures.js';
import { callThrough } from './support/harness.js';
import { createCaseFile, isoDaysFromToday } from './support/cases.js';

test('the overview and the library export deadlines as a calendar file with stable entries', async ({ app, harness, page }) => {
  const { caseId } = await createCaseFile(harness, 'order.parley', 'Model-access suspension order');
  const reply = await callThrough(harness, 'deadline.create', { caseId, fields: { title: 'Written response to the Bureau', deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: isoDaysFromToday(3) } });
  await callThrough(harness, 'deadline.create', { caseId, fields: { title: 'Suspension takes effect', deadlineKind: 'compliance', status: 'open', dueType: 'tbd' } });
  await page.reload();
  await app.library.openCase('Model-access suspension order');

  const exportOne = page.getByRole('button', { name: 'Add to calendar (.ics)' });
  const [first] = await Promise.all([page.waitForEvent('download'), exportOne.click()]);
  expect(first.suggestedFilename()).toMatch(/\.ics$/);
  const text = fs.readFileSync((await first.path())!, 'utf8');
  expect(text).toMatch(/^BEGIN:VCALENDAR/);
  // A calendar leaves the building: its UIDs are a stable digest, never the case file's record ids.
  const uid = `UID:${calendarUid(caseId, reply.id)}@parley`;
  expect(text).toContain(uid);
  expect(text).not.toContain(reply.id);
  expect(text).toContain('Written response to the Bureau');
  await expect(page.getByRole('status').filter({ hasText: 'On the calendar: 1 deadline, 0 meetings and 0 action items. Left out: 1 deadline whose date is not yet known.' })).toBeVisible();
  await app.screenshot('calendar-export-overview');

  // The same deadline, exported again from the library with every case: the same UID.
  await app.library.show();
  const [all] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: "Export every case's calendar (.ics)" }).click()]);
  const again = fs.readFileSync((await all.path())!, 'utf8');
  expect(again).toContain(uid);
  await app.screenshot('calendar-export-library');

  // An encrypted case that is closed cannot be read without its passphrase: the export says it left it out.
  const sealed = await callThrough(harness, 'case.create', {
    path: path.join(harness.casesDir, 'sealed-order.parley'),
    directive: { title: 'Sealed export order', status: 'negotiating' },
    passphrase: 'correct horse battery staple',
  });
  await callThrough(harness, 'case.close', { caseId: sealed.caseId });
  await page.reload();
  await app.library.show();
  const [partial] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: "Export every case's calendar (.ics)" }).click()]);
  expect(fs.readFileSync((await partial.path())!, 'utf8')).toContain(uid);
  await expect(page.getByRole('status').filter({ hasText: '1 encrypted case file was left out because it is locked: sealed-order.parley. Open it and export again' })).toBeVisible();
  await app.screenshot('calendar-export-library-locked');
});

test('the user chooses what goes on the calendar; meetings and action items come with their times, internal ones stay out', async ({ app, harness, page }) => {
  const { caseId } = await createCaseFile(harness, 'talks.parley', 'Data localisation talks');
  const date = isoDaysFromToday(10);
  const ministry = await callThrough(harness, 'meeting.create', {
    caseId, fields: { title: 'Ministry meeting', status: 'planned', meetingDate: date, startTime: '10:00', endTime: '11:30', timeZone: 'Asia/Tokyo', location: 'Kasumigaseki' },
  });
  await callThrough(harness, 'meeting.create', { caseId, fields: { title: 'Follow-up', status: 'planned' } });
  const ours = await callThrough(harness, 'meeting.create', { caseId, fields: { title: 'Our strategy session', status: 'planned', meetingDate: date } });
  await callThrough(harness, 'sharing.set', { caseId, kind: 'meeting', id: ours.id, level: 'internal' });
  const letter = await callThrough(harness, 'actionItem.create', { caseId, fields: { title: 'Send the data-flow map', status: 'open', dueDate: isoDaysFromToday(5) } });
  await callThrough(harness, 'deadline.create', { caseId, fields: { title: 'Written reply', deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: isoDaysFromToday(20) } });
  await page.reload();
  await app.library.openCase('Data localisation talks');

  const choice = page.getByRole('group', { name: 'Put on the calendar' });
  for (const name of ['Deadlines', 'Meetings', 'Action items']) await expect(choice.getByRole('checkbox', { name })).toBeChecked();
  await choice.getByRole('checkbox', { name: 'Deadlines' }).uncheck();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Add to calendar (.ics)' }).click()]);
  const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync((await download.path())!, 'utf8')) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  expect(events.map((e) => e.summary).sort()).toEqual(['Ministry meeting', 'Send the data-flow map']);
  const meeting = events.find((e) => e.uid === `${calendarUid(caseId, ministry.id, 'meeting')}@parley`)!;
  // 10:00 in Tokyo (UTC+9, no summer time) is 01:00 UTC.
  expect(meeting.startDate.toJSDate().toISOString()).toBe(`${date}T01:00:00.000Z`);
  expect(meeting.endDate.toJSDate().toISOString()).toBe(`${date}T02:30:00.000Z`);
  expect(meeting.location).toBe('Kasumigaseki');
  const action = events.find((e) => e.uid === `${calendarUid(caseId, letter.id, 'actionItem')}@parley`)!;
  expect(action.startDate.isDate).toBe(true);
  await expect(page.getByRole('status').filter({
    hasText: 'On the calendar: 1 meeting and 1 action item. Left out: 1 meeting whose date is not yet known and 1 internal record, which stays with the team.',
  })).toBeVisible();
  await app.screenshot('calendar-export-choice');
  await app.guideScreenshot('calendar');

  // Nothing chosen: the export says what to do instead of writing an empty calendar.
  await choice.getByRole('checkbox', { name: 'Meetings' }).uncheck();
  await choice.getByRole('checkbox', { name: 'Action items' }).uncheck();
  await page.getByRole('button', { name: 'Add to calendar (.ics)' }).click();
  await expect(page.getByRole('alert')).toHaveText('Choose at least one of deadlines, meetings and action items to put on the calendar.');

});

for (const theme of ['Light', 'Dark'] as const) {
  test(`the calendar choice passes axe in the ${theme.toLowerCase()} theme`, async ({ app, harness, page }) => {
    test.setTimeout(90_000); // axe runs twice
    await createCaseFile(harness, 'talks.parley', 'Data localisation talks');
    await page.reload();
    await app.setTheme(theme);
    await expectNoSeriousViolations(page, `library with the calendar choice (${theme.toLowerCase()})`);
    await app.library.openCase('Data localisation talks');
    await expect(page.getByRole('group', { name: 'Put on the calendar' })).toBeVisible();
    await expectNoSeriousViolations(page, `case overview with the calendar choice (${theme.toLowerCase()})`);
    await app.screenshot(`calendar-export-choice-${theme.toLowerCase()}`);
  });
}
