// Library management and the smaller ways around the app: archiving, renaming and duplicating case files; the Open
// dialog asking how before which file; closing another case from the sidebar; long titles cut with their whole text
// kept; Add deadline ready to type; Alt+digit from inside a field; attendee rows at a common laptop width.
import fs from 'node:fs';
import path from 'node:path';
import { expectNoSeriousViolations } from './pages/axe-check.js';
import { MeetingsPage } from './pages/meetings-page.js';
import { expect, test } from './support/fixtures.js';
import { callThrough } from './support/harness.js';
import { createCaseFile, isoDaysFromToday } from './support/cases.js';

const LONG_TITLE = 'Order suspending foreign-national access to the frontier model family pending a review of export controls, licensing tiers and allied-nation carve-outs';

test('a case file is archived, restored, renamed and duplicated from its library row', async ({ app, harness, page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const kept = await createCaseFile(harness, 'kept.parley', LONG_TITLE);
  await callThrough(harness, 'deadline.create', { caseId: kept.caseId, fields: { title: 'Written response to the Bureau', deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: isoDaysFromToday(3) } });
  const old = await createCaseFile(harness, 'old.parley', 'Old data localisation order');
  await callThrough(harness, 'deadline.create', { caseId: old.caseId, fields: { title: 'Reply on localisation', deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: isoDaysFromToday(2) } });
  for (const c of [kept, old]) await callThrough(harness, 'case.close', { caseId: c.caseId });
  await page.reload();

  // A long title is cut to one line; the whole of it is in the tooltip and in the button's accessible name.
  const title = app.library.row(LONG_TITLE.slice(0, 40)).getByRole('button', { name: LONG_TITLE, exact: true });
  await expect(title).toHaveAttribute('title', LONG_TITLE);
  expect(await title.evaluate((el) => el.scrollWidth > el.clientWidth && getComputedStyle(el).textOverflow === 'ellipsis')).toBe(true);

  // Archive: out of the case list and the dashboard, into the Archived group.
  await expect(app.library.panel(/^Due in the next 14 days/)).toContainText('Reply on localisation');
  await app.library.row('Old data localisation order').getByRole('button', { name: 'Archive Old data localisation order' }).click();
  const archived = page.getByRole('table', { name: 'Archived case files' });
  await expect(archived.getByRole('rowheader')).toContainText(['Old data localisation order']);
  await expect(app.library.row('Old data localisation order')).toHaveCount(0);
  await expect(app.library.panel(/^Due in the next 14 days/)).not.toContainText('Reply on localisation');
  await expect(app.library.panel(/^Due in the next 14 days/)).toContainText('Written response to the Bureau');
  await app.screenshot('library-archived-case');
  for (const theme of ['Light', 'Dark'] as const) {
    await app.setTheme(theme);
    await expectNoSeriousViolations(page, `library with an archived case (${theme.toLowerCase()})`);
  }
  await app.setTheme('Light');

  // Rename: a name another file has is refused plainly, in the dialog; another name renames the file on disk.
  fs.writeFileSync(path.join(harness.casesDir, 'taken.parley'), 'another file');
  await archived.getByRole('button', { name: 'Rename the file of Old data localisation order…' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename old.parley' });
  await expect(rename.getByLabel('New file name')).toBeFocused();
  await expect(rename.getByLabel('New file name')).toHaveValue('old');
  await rename.getByLabel('New file name').fill('taken');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(rename).toContainText('There is already a file named taken.parley in that folder; choose another name. Nothing was changed.');
  await rename.getByLabel('New file name').fill('localisation 2025');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(rename).toBeHidden();
  await expect(archived).toContainText('localisation 2025.parley');
  expect(fs.existsSync(path.join(harness.casesDir, 'localisation 2025.parley'))).toBe(true);
  expect(fs.existsSync(old.path)).toBe(false);

  // Restore: back in the case list and the dashboard; the Archived group goes when it is empty.
  await archived.getByRole('button', { name: 'Restore Old data localisation order from the archive' }).click();
  await expect(archived).toHaveCount(0);
  await expect(app.library.row('Old data localisation order')).toBeVisible();
  await expect(app.library.panel(/^Due in the next 14 days/)).toContainText('Reply on localisation');

  // Duplicate: another copy of the same case beside the file, listed after it.
  await app.library.row('Old data localisation order').getByRole('button', { name: 'Duplicate Old data localisation order (another copy of the same case)' }).click();
  await expect(app.library.row('localisation 2025 copy.parley')).toBeVisible();
  const listed = await callThrough(harness, 'library.list', {});
  expect(listed.filter((e) => e.caseId === old.caseId).map((e) => path.basename(e.path))).toEqual(['localisation 2025.parley', 'localisation 2025 copy.parley']);

  // A case open here cannot be renamed: said plainly.
  await app.library.row('localisation 2025.parley').getByRole('button', { name: 'Old data localisation order', exact: true }).click();
  await expect(app.heading).toHaveText('Old data localisation order');
  await app.library.show();
  await app.library.row('localisation 2025.parley').getByRole('button', { name: /^Rename the file of/ }).first().click();
  const again = page.getByRole('dialog', { name: 'Rename localisation 2025.parley' });
  await again.getByLabel('New file name').fill('other');
  await again.getByRole('button', { name: 'Rename' }).click();
  await expect(again).toContainText('localisation 2025.parley is open in Parley; close it before renaming it. Nothing was changed.');
});

test('the Open dialog asks how to open before which file, and a file chosen opens that way', async ({ app, harness, page }) => {
  const info = await createCaseFile(harness, 'order.parley', 'Model-access suspension order');
  await callThrough(harness, 'case.close', { caseId: info.caseId });
  await page.reload();
  await app.library.startOpen();
  const dialog = app.openDialog.dialog;
  const modes = dialog.getByRole('group', { name: '1. How to open it' });
  await expect(modes.getByRole('radio', { name: /^Open for editing/ })).toBeChecked();
  // The choice comes before the files: it is first in the dialog's reading (and tabbing) order.
  const order = await dialog.evaluate((d) => {
    const radio = d.querySelector('input[type=radio]')!;
    const file = [...d.querySelectorAll('button')].find((b) => b.textContent === 'order.parley')!;
    return radio.compareDocumentPosition(file) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  expect(order).toBeTruthy();
  await modes.getByRole('radio', { name: /^Open for review/ }).check();
  await expect(dialog).toContainText('A file you choose opens for review at once.');
  await expect(dialog.getByRole('button', { name: 'Open for review' })).toBeVisible();
  await app.screenshot('open-dialog-how-first');
  await expectNoSeriousViolations(page, 'the Open dialog');
  await app.openDialog.fileButton('order.parley').click();
  await expect(app.heading).toHaveText('Model-access suspension order');
  const [open] = await callThrough(harness, 'case.listOpen', {});
  expect(open).toMatchObject({ readOnly: true, review: true });
});

test('closing another case from the sidebar stays on the screen in view; closing the one on screen goes to the library', async ({ app, harness, page }) => {
  const first = await createCaseFile(harness, 'first.parley', 'First order');
  await createCaseFile(harness, 'second.parley', 'Second order');
  await page.reload();
  await app.library.openCase('First order');
  await app.library.show();
  await app.library.openCase('Second order');
  await app.goToSection('Deadlines');
  await expect(app.heading).toHaveText('Deadlines');
  const url = page.url();

  await app.sidebar.getByRole('button', { name: 'Close First order' }).click();
  await expect(app.sidebar.getByRole('link', { name: 'First order' })).toHaveCount(0);
  await expect(app.heading).toHaveText('Deadlines');
  expect(page.url()).toBe(url);
  expect((await callThrough(harness, 'case.listOpen', {})).map((c) => c.caseId)).not.toContain(first.caseId);

  await app.sidebar.getByRole('button', { name: 'Close Second order' }).click();
  await expect(app.library.heading).toBeVisible();
});

test('Add deadline puts the cursor in the title; Alt+digit switches sections from inside a field', async ({ app, harness, page }) => {
  await createCaseFile(harness, 'order.parley', 'Model-access suspension order');
  await page.reload();
  await app.library.openCase('Model-access suspension order');
  await app.goToSection('Deadlines');
  await page.getByRole('button', { name: 'Add deadline' }).click();
  const title = page.getByRole('region', { name: 'New deadline' }).getByLabel('Title');
  await expect(title).toBeFocused();
  await page.keyboard.type('Written response');
  await expect(title).toHaveValue('Written response');

  // From inside the field, Alt+digit goes to that section in the sidebar's order.
  await page.keyboard.press('Alt+3');
  await expect(app.sidebar.getByRole('link', { name: 'Meetings', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(app.heading).toHaveText('Meetings');
  // Outside fields it works as before.
  await page.keyboard.press('Alt+1');
  await expect(app.sidebar.getByRole('link', { name: 'Overview', exact: true })).toHaveAttribute('aria-current', 'page');
});

test('attendee rows fit a 1440-pixel window: each on one line, nothing spilling out of its group', async ({ app, page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: 'Open the sample case' }).click();
  await expect(app.overview.saveSummary).toBeVisible({ timeout: 20_000 });
  await app.goToSection('Meetings');
  const meetings = new MeetingsPage(page);
  await meetings.open(/First meeting/);
  const rows = meetings.attendees.getByRole('listitem');
  await expect(rows).toHaveCount(6);
  for (const row of await rows.all()) {
    const fits = await row.evaluate((li) => {
      const box = li.getBoundingClientRect();
      const parts = [...li.children].filter((c) => !c.classList.contains('attendee__problem')).map((c) => c.getBoundingClientRect());
      const oneLine = parts.every((p) => Math.abs(p.top + p.height / 2 - (parts[0]!.top + parts[0]!.height / 2)) < 8);
      const inside = parts.every((p) => p.left >= box.left - 1 && p.right <= box.right + 1);
      return { oneLine, inside, overflow: li.scrollWidth > li.clientWidth + 1 };
    });
    expect(fits, await row.getAttribute('aria-label') ?? '').toEqual({ oneLine: true, inside: true, overflow: false });
  }
  await app.screenshot('meetings-attendees-1440');
  // The full page is long: the window as the user sees it at the attendees, to judge them at their real size.
  await meetings.attendees.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'test-results/screenshots/meetings-attendees-1440-window.png' });
});

test('the month calendar names the case\'s closure days and draws a deadline not yet known across its window', async ({ app, harness, page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const info = await createCaseFile(harness, 'order.parley', 'Model-access suspension order');
  const caseId = info.caseId;
  await callThrough(harness, 'directive.update', { caseId, changes: { closures: [{ date: '2027-03-17', name: 'Agency shutdown' }] } });
  await callThrough(harness, 'deadline.create', { caseId, fields: { title: 'Suspension takes effect', deadlineKind: 'compliance', status: 'open', dueType: 'tbd', windowStart: '2027-03-09', windowEnd: '2027-03-16', confidence: 'low' } });
  await callThrough(harness, 'deadline.create', { caseId, fields: { title: 'Bureau answers at some point', deadlineKind: 'internal', status: 'open', dueType: 'tbd' } });
  await callThrough(harness, 'deadline.create', { caseId, fields: { title: 'Written response on scope', deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: '2027-03-11' } });
  await page.reload();
  await app.library.openCase('Model-access suspension order');
  await app.goToSection('Deadlines');
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Month calendar' }).click();
  // To March 2027, from whichever month today is in.
  const now = new Date();
  const steps = (2027 - now.getFullYear()) * 12 + (2 - now.getMonth());
  for (let i = 0; i < Math.abs(steps); i++) await page.getByRole('button', { name: steps > 0 ? 'Next month' : 'Previous month' }).click();
  await expect(page.getByRole('heading', { name: 'March 2027' })).toBeVisible();

  const day = (iso: string) => page.locator('td.calendar-day').filter({ has: page.locator(`time[datetime="${iso}"]`) });
  await expect(day('2027-03-17')).toContainText('Closed: Agency shutdown');
  await expect(day('2027-03-16')).not.toContainText('Closed');

  // The window is named where it begins and where it enters a new week (Sunday the 14th), drawn on the other days,
  // and not at all outside it. Its name gives the whole window in words.
  const band = (iso: string) => day(iso).locator('.calendar-window');
  const named = (iso: string) => day(iso).getByRole('button', { name: /^TBD Suspension takes effect/ });
  await expect(named('2027-03-09')).toHaveAccessibleName('TBD Suspension takes effect: date not yet known, expected 9 Mar 2027 to 16 Mar 2027');
  await expect(named('2027-03-14')).toBeVisible();
  for (const iso of ['2027-03-10', '2027-03-11', '2027-03-12', '2027-03-13', '2027-03-15', '2027-03-16']) {
    await expect(band(iso)).toHaveCount(1);
    await expect(named(iso)).toHaveCount(0);
  }
  for (const iso of ['2027-03-08', '2027-03-17']) await expect(band(iso)).toHaveCount(0);
  await expect(day('2027-03-11').getByRole('button', { name: 'Written response on scope' })).toBeVisible();
  // The one with no window is not drawn, and the note says so.
  await expect(page.getByText('One deadline has no date yet and no window it is expected in')).toBeVisible();

  await named('2027-03-09').click();
  await expect(page.locator('aside.deadline-panel').getByRole('heading', { level: 2 })).toHaveText('Suspension takes effect');
  await page.keyboard.press('Escape');
  await app.screenshot('deadlines-month-calendar-closures-and-windows');
  await page.locator('.deadline-calendar').screenshot({ path: 'test-results/screenshots/deadlines-month-calendar-1440-window.png' });
  for (const theme of ['Light', 'Dark'] as const) {
    await app.setTheme(theme);
    await expectNoSeriousViolations(page, `month calendar with closures and windows (${theme.toLowerCase()})`);
  }
});

test.describe('the sample case as a new user gets it', () => {
  test.use({ sampleNearToday: true });

  test('its dates are near today: nothing overdue, the next deadline days ahead; its overview says it is a sample', async ({ app, page }) => {
    await page.getByRole('button', { name: 'Open the sample case' }).click();
    await expect(app.overview.saveSummary).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('This is a sample case to try Parley with')).toBeVisible();
    await app.library.show();
    await expect(app.library.panel(/^Overdue/)).toContainText('Nothing is overdue.');
    await expect(app.library.panel(/^Due in the next 14 days/)).toContainText("Written response to the Bureau's questions on scope");
    await expect(app.library.panel(/^Upcoming meetings/)).toContainText('Second meeting');
  });
});
