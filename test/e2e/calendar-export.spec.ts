// Deadlines to the user's calendar: one case from its overview, every case from the library, as .ics files whose
// entries keep their UIDs from one export to the next (so a calendar updates them rather than adding copies).
import fs from 'node:fs';
import path from 'node:path';
import { calendarUid } from '../../electron/core/calendar/export.js';
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
  await expect(page.getByRole('status').filter({ hasText: '1 deadline with a date' })).toBeVisible();
  await app.screenshot('calendar-export-overview');

  // The same deadline, exported again from the library with every case: the same UID.
  await app.library.show();
  const [all] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: "Export every case's deadlines (.ics)" }).click()]);
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
  const [partial] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: "Export every case's deadlines (.ics)" }).click()]);
  expect(fs.readFileSync((await partial.path())!, 'utf8')).toContain(uid);
  await expect(page.getByRole('status').filter({ hasText: '1 encrypted case file was left out because it is locked: sealed-order.parley. Open it and export again' })).toBeVisible();
  await app.screenshot('calendar-export-library-locked');
});
