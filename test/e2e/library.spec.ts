// The library: every case file known or waiting in the case folder, with its problems, and what is due across cases.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures.js';
import { callThrough } from './support/harness.js';
import { createCaseFile, isoDaysFromToday } from './support/cases.js';
import { expectNoSeriousViolations } from './pages/axe-check.js';

test('the library shows the case files of the data folder: known ones, new ones in the folder, missing and unreadable ones', async ({ app, harness, page }) => {
  const active = await createCaseFile(harness, 'active.parley', 'Model-access suspension order', { referenceNumber: 'EO-7' });
  const { caseId } = active;
  await callThrough(harness, 'deadline.create', { caseId, fields: { title: 'Written response to the Bureau', deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: isoDaysFromToday(3) } });
  await callThrough(harness, 'deadline.create', { caseId, fields: { title: 'Acknowledge receipt', deadlineKind: 'internal', status: 'open', dueType: 'date', dueDate: isoDaysFromToday(-2) } });
  await callThrough(harness, 'deadline.create', { caseId, fields: { title: 'Suspension takes effect', deadlineKind: 'compliance', status: 'open', dueType: 'tbd', windowStart: isoDaysFromToday(20), windowEnd: isoDaysFromToday(40), confidence: 'low' } });
  await callThrough(harness, 'meeting.create', { caseId, fields: { title: 'Meeting with administration officials', status: 'planned', meetingDate: isoDaysFromToday(5), startTime: '10:00', location: 'Washington' } });
  await callThrough(harness, 'actionItem.create', { caseId, fields: { title: 'Draft carve-out proposal', status: 'open', owner: 'R. Hale', dueDate: isoDaysFromToday(4) } });
  await callThrough(harness, 'watchItem.create', { caseId, fields: { title: 'Bill to codify the order', status: 'triggered', triggeredOn: isoDaysFromToday(-1) } });
  await callThrough(harness, 'case.close', { caseId });

  // Made elsewhere and copied into the folder: the library has never seen it.
  const copied = await createCaseFile(harness, 'copied-in.parley', 'Copied-in order');
  await callThrough(harness, 'case.close', { caseId: copied.caseId });
  await callThrough(harness, 'library.forget', { path: copied.path });
  // Known to the library, then deleted or damaged outside Parley.
  const gone = await createCaseFile(harness, 'gone.parley', 'Deleted order');
  await callThrough(harness, 'case.close', { caseId: gone.caseId });
  fs.rmSync(gone.path);
  const broken = await createCaseFile(harness, 'broken.parley', 'Broken order');
  await callThrough(harness, 'case.close', { caseId: broken.caseId });
  fs.writeFileSync(broken.path, 'not a database any more');

  await page.reload();
  const row = app.library.row('Model-access suspension order');
  await expect(row).toContainText('Negotiating');
  await expect(row).toContainText('Written response to the Bureau');
  await expect(row).toContainText('in 3 calendar days');
  await expect(row.getByRole('cell').nth(2)).toHaveText('3 (1 TBD)');
  await expect(app.library.row('gone.parley')).toContainText('Missing');
  await expect(app.library.row('broken.parley')).toContainText('Cannot be read');
  await expect(app.library.row('broken.parley')).toContainText('not a Parley case file');
  await expect(app.library.unlisted.getByRole('button', { name: 'copied-in.parley' })).toBeVisible();
  await expect(app.library.unlisted.getByRole('button')).toHaveCount(1);

  await expect(app.library.panel(/^Overdue/)).toContainText('Acknowledge receipt');
  await expect(app.library.panel(/^Due in the next 14 days/)).toContainText('Written response to the Bureau');
  await expect(app.library.panel(/^Deadlines not yet known/)).toContainText('Suspension takes effect');
  await expect(app.library.panel(/^Open action items/)).toContainText('Draft carve-out proposal');
  await expect(app.library.panel(/^Upcoming meetings/)).toContainText('Meeting with administration officials');
  await expect(app.library.panel(/^Watch items triggered/)).toContainText('Bill to codify the order');
  await app.screenshot('library-with-cases');

  // Each dashboard entry is a click away from its case.
  await app.library.panel(/^Due in the next 14 days/).getByRole('button', { name: /Written response/ }).click();
  await expect(app.heading).toHaveText('Deadlines');
  await expect(app.sidebar.getByRole('link', { name: 'Deadlines' })).toHaveAttribute('aria-current', 'page');
  await expect(app.sidebar.getByRole('link', { name: 'Model-access suspension order' })).toBeVisible();

  await app.library.show();
  await app.library.unlisted.getByRole('button', { name: 'copied-in.parley' }).click();
  await expect(app.heading).toHaveText('Copied-in order');
  await app.library.show();
  await expect(app.library.row('Copied-in order')).toBeVisible();
  await expect(app.library.unlisted).toHaveCount(0);

  await app.library.row('gone.parley').getByRole('button', { name: 'Remove gone.parley from the library' }).click();
  await expect(app.library.row('gone.parley')).toHaveCount(0);
  expect((await callThrough(harness, 'library.list', {})).map((e) => path.basename(e.path)).sort()).toEqual(['active.parley', 'broken.parley', 'copied-in.parley']);
});

test('the sample case is made on first use and opens', async ({ app, harness }) => {
  await app.page.getByRole('button', { name: 'Open the sample case' }).click();
  await expect(app.overview.saveSummary).toHaveText('All changes saved', { timeout: 20_000 });
  const [info] = await callThrough(harness, 'case.listOpen', {});
  expect(info!.path).toBe(path.join(harness.casesDir, 'sample.parley'));
  await expect(app.heading).toHaveText(info!.title);
  expect(info!.counts.deadline).toBeGreaterThan(0);
  await expect(app.overview.recentChanges.getByRole('listitem').first()).toBeVisible();
  await app.screenshot('overview-sample');

  await app.library.show();
  await expect(app.library.row(info!.title)).toBeVisible();
  await app.screenshot('library-sample');
  // A second time, the existing sample is opened, not made again.
  await app.page.getByRole('button', { name: 'Open the sample case' }).click();
  await expect(app.heading).toHaveText(info!.title);
  expect((await callThrough(harness, 'case.info', { caseId: info!.caseId })).auditHead).toBe(info!.auditHead);
});

test('closing a case from the sidebar returns to the library and the case can be opened again', async ({ app, harness, page }) => {
  await createCaseFile(harness, 'order.parley', 'Order to close');
  await page.reload();
  await app.library.openCase('Order to close');
  await app.sidebar.getByRole('button', { name: 'Close Order to close' }).click();
  await expect(app.library.heading).toBeVisible();
  await expect(app.sidebar.getByRole('link', { name: 'Order to close' })).toHaveCount(0);
  expect(await callThrough(harness, 'case.listOpen', {})).toEqual([]);
  await app.library.openCase('Order to close');
  await expect(app.heading).toHaveText('Order to close');
});

test('coming back to the window shows case files that appeared meanwhile', async ({ app, harness, page }) => {
  await expect(app.library.emptyState).toBeVisible();
  const made = await createCaseFile(harness, 'arrived.parley', 'Order that arrived meanwhile');
  await callThrough(harness, 'case.close', { caseId: made.caseId });
  await page.evaluate(() => window.dispatchEvent(new FocusEvent('focus')));
  await expect(app.library.row('Order that arrived meanwhile')).toBeVisible();
});

test('a dashboard panel with many entries shows the first five and the rest on request, a click away each', async ({ app, harness, page }) => {
  const info = await createCaseFile(harness, 'busy.parley', 'Busy order');
  for (let i = 1; i <= 8; i++) {
    await callThrough(harness, 'deadline.create', { caseId: info.caseId, fields: { title: `Late filing ${i}`, deadlineKind: 'internal', status: 'open', dueType: 'date', dueDate: isoDaysFromToday(-10 + i) } });
  }
  await callThrough(harness, 'case.close', { caseId: info.caseId });
  await page.reload();
  const overdue = app.library.panel(/^Overdue/);
  const entries = overdue.getByRole('listitem');
  await expect(overdue.getByRole('heading')).toContainText('8');
  await expect(entries).toHaveCount(5);
  // The most overdue first.
  await expect(entries.first()).toContainText('Late filing 1');
  await expect(overdue).toContainText('Showing 5 of 8.');

  await overdue.getByRole('button', { name: 'Show more' }).click();
  await expect(entries).toHaveCount(8);
  await expect(overdue.getByRole('region', { name: 'All: Overdue' })).toBeVisible();
  await app.screenshot('library-dashboard-opened');
  await overdue.getByRole('button', { name: /Late filing 8/ }).click();
  await expect(app.heading).toHaveText('Deadlines');
});

test('a dashboard panel with more entries than the library screen asks for counts them all and shows them all on request', async ({ app, harness, page }) => {
  const info = await createCaseFile(harness, 'crowded.parley', 'Crowded order');
  const total = 62; // more than the 50 of each list the library screen asks for
  for (let i = 1; i <= total; i++) {
    await callThrough(harness, 'deadline.create', { caseId: info.caseId, fields: { title: `Late filing ${i}`, deadlineKind: 'internal', status: 'open', dueType: 'date', dueDate: isoDaysFromToday(-100 + i) } });
  }
  await callThrough(harness, 'case.close', { caseId: info.caseId });
  await page.reload();
  const overdue = app.library.panel(/^Overdue/);
  const entries = overdue.getByRole('listitem');
  await expect(overdue.getByRole('heading')).toHaveText(`Overdue ${total}`);
  await expect(overdue).toContainText(`Showing 5 of ${total}.`);
  await overdue.getByRole('button', { name: 'Show more' }).click();
  await expect(entries).toHaveCount(50);
  const showAll = overdue.getByRole('button', { name: `Show all ${total}` });
  await showAll.scrollIntoViewIfNeeded();
  await expect(showAll).toBeVisible();
  await app.screenshot('library-dashboard-show-all');
  for (const theme of ['Light', 'Dark'] as const) {
    await app.setTheme(theme);
    await expectNoSeriousViolations(page, `the library with "Show all" (${theme.toLowerCase()})`);
  }
  await app.screenshot('library-dashboard-show-all-dark');
  await app.setTheme('Light');
  // From the keyboard: the keyboard then stays in the list, which holds every entry in order.
  await showAll.focus();
  await page.keyboard.press('Enter');
  await expect(entries).toHaveCount(total);
  await expect(showAll).toHaveCount(0);
  await expect(overdue.getByRole('region', { name: 'All: Overdue' })).toBeFocused();
  await expect(entries.last()).toContainText(`Late filing ${total}`);
  await expect(overdue).toContainText(`Showing ${total} of ${total}.`);
  await app.screenshot('library-dashboard-shown-all');
});
