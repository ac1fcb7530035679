// The scenario's own loop, walked as a new user would from an empty library (issue 14): a case with its issued and
// received dates, whose received date is an event a deadline counts from ("30 business days after the order was
// received": 2026-11-20 → 2027-01-06); a meeting whose date is not known, its own TBD deadline and a deadline that
// counts from it; the meeting's date set from the meeting, previewed and confirmed, and then shown by the deadline,
// its dependant, the brief, the overview and the dashboard; the deadline made TBD again and dated again from its own
// panel. axe on every screen it visits; a screenshot of each step goes to test-results/screenshots/ (loop-*).
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations as axeFinds } from './pages/axe-check.js';
import { DeadlinesPage } from './pages/deadlines-page.js';
import { DraftsPage } from './pages/drafts-page.js';
import { MeetingsPage } from './pages/meetings-page.js';
import { isoDaysFromToday } from './support/cases.js';
import { expect as baseExpect, test } from './support/fixtures.js';

// One long story on a machine shared with other work: room for each step, and for the whole.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 480_000 }); // axe on each of about a dozen screens: 240 s ran out at a load average of 14
test.use({ actionTimeout: 20_000 });

const TITLE = 'Order suspending foreign-national access';
const MEETING = 'Terms meeting with the Bureau';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];
/** "12 Jan 2027", as the screens write a day. */
const short = (iso: string) => { const [y, m, d] = parts(iso); return `${d} ${MONTHS[m - 1]} ${y}`; };
/** "12 January 2027", as a brief writes it. */
const long = (iso: string) => { const [y, m, d] = parts(iso); return `${d} ${LONG_MONTHS[m - 1]} ${y}`; };
/** The ISO day `days` calendar days from `iso`. */
const shift = (iso: string, days: number) => {
  const [y, m, d] = parts(iso);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
};

// The meeting is ahead of today whenever the test runs, so that it is the next meeting and on the dashboard.
const MEETING_DAY = isoDaysFromToday(40);
const MOVED_DAY = shift(MEETING_DAY, 2);
const BRIEF_DEADLINE = 'Send our written position';

async function screen(page: Page, name: string, shot: (n: string) => Promise<string>): Promise<void> {
  await axeFinds(page, name);
  await shot(`loop-${name}`);
}

test('the undisclosed-deadline loop, from an empty library to a meeting dated, made TBD again and dated again', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  const shot = (n: string) => app.screenshot(n);
  const dl = new DeadlinesPage(page);
  const meetings = new MeetingsPage(page);

  await test.step('a new case with its issued and received dates', async () => {
    await expect(app.library.emptyState).toBeVisible();
    await screen(page, '01-library-empty', shot);
    await app.library.startNewCase();
    await app.newCase.fill({ Title: TITLE, 'Issued on': '2026-11-18', 'Received on': '2026-11-20' });
    await screen(page, '02-new-case', shot);
    await app.newCase.submitWithEnter();
    await expect(app.heading).toHaveText(TITLE);
    await expect(app.overview.keyDates).toContainText('20 Nov 2026');
    await screen(page, '03-overview', shot);
  });

  await test.step('a deadline 30 business days after the order was received', async () => {
    await app.goToSection('Deadlines');
    // The directive's dates are events of the case.
    const events = page.getByRole('region', { name: /^Events/ });
    await expect(events.getByRole('button', { name: 'Order received' })).toBeVisible();
    await expect(events.getByRole('button', { name: 'Order issued' })).toBeVisible();
    await dl.startAdding();
    await dl.formField('Title').fill('Reply to the order');
    await dl.formField('Built from a rule').check();
    await dl.formField('Trigger').selectOption({ label: 'Event: Order received (20 Nov 2026)' });
    await expect(dl.form.getByRole('status')).toContainText('Due 6 Jan 2027.');
    await screen(page, '04-deadline-from-event', shot);
    await dl.form.getByRole('button', { name: 'Add deadline' }).click();
    await expect(dl.row('Reply to the order')).toContainText('6 Jan 2027');
    await expect(dl.row('Reply to the order')).toContainText('Rule: 30 business days after Order received');
    // The event opens beside the list, with what counts from it.
    await events.getByRole('button', { name: 'Order received' }).click();
    const eventPanel = page.getByRole('complementary', { name: 'Order received' });
    await expect(eventPanel).toContainText('The directive’s received date');
    await expect(eventPanel.getByRole('listitem')).toHaveText(['Reply to the order']);
    await screen(page, '05-event', shot);
    await eventPanel.getByRole('button', { name: 'Close the event' }).click();
    await expect(eventPanel).toBeHidden();
    // Clicking the event on the timeline opens it.
    await app.goToSection('Timeline');
    await screen(page, '05b-timeline', shot);
    await page.getByRole('link', { name: 'Order received' }).click();
    await expect(app.heading).toHaveText('Deadlines');
    await expect(eventPanel).toBeVisible();
  });

  await test.step('a meeting without a date, its own TBD deadline and a deadline counted from it', async () => {
    await app.goToSection('Meetings');
    await meetings.logMeeting({ title: MEETING, status: 'Planned' });
    await expect(meetings.field('Date')).toHaveValue('');
    await screen(page, '06-meeting-undated', shot);

    await app.goToSection('Deadlines');
    await dl.startAdding();
    await dl.formField('Title').fill(MEETING);
    await dl.formField('Kind').selectOption({ label: 'Meeting' });
    await dl.formField('The date of the meeting').selectOption({ label: `${MEETING} (date not set)` });
    await dl.dueType('Not yet known (TBD)').check();
    await dl.formField('Expected from').fill(shift(MEETING_DAY, -10));
    await dl.formField('Expected by').fill(shift(MEETING_DAY, 10));
    await dl.form.getByRole('button', { name: 'Add deadline' }).click();
    await expect(dl.row(MEETING)).toContainText('Date not yet known');

    await dl.startAdding();
    await dl.formField('Title').fill(BRIEF_DEADLINE);
    await dl.formField('Built from a rule').check();
    await dl.formField('Amount').fill('3');
    await dl.formField('Unit').selectOption({ label: 'Calendar days' });
    await dl.formField('Direction').selectOption({ label: 'Before' });
    await dl.formField('If it lands on a closed day').selectOption({ label: 'Do not roll' });
    await dl.formField('Trigger').selectOption({ label: `Deadline: ${MEETING} (TBD)` });
    await dl.form.getByRole('button', { name: 'Add deadline' }).click();
    await expect(dl.row(BRIEF_DEADLINE)).toContainText('Date not yet known');
    await dl.open(MEETING);
    await expect(dl.panel).toContainText(`The date of the meeting “${MEETING}”`);
    await screen(page, '07-deadlines-tbd', shot);
  });

  await test.step('the meeting\'s date set from the meeting: previewed, confirmed with a reason', async () => {
    await app.goToSection('Meetings');
    await meetings.open(MEETING);
    await meetings.field('Date').fill(MEETING_DAY);
    await meetings.field('Location').focus(); // leaving the field saves it
    const dialog = page.getByRole('dialog', { name: `Change the date of “${MEETING}”` });
    await expect(dialog.getByRole('status')).toHaveText('2 deadlines count from this and will move:');
    const row = (title: string) => dialog.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${title}`) }) });
    await expect(row(MEETING)).toContainText(short(MEETING_DAY));
    await expect(row(MEETING)).toContainText('The meeting’s own deadline');
    await expect(row(BRIEF_DEADLINE)).toContainText(short(shift(MEETING_DAY, -3)));
    await screen(page, '08-meeting-date-dialog', shot);
    await dialog.getByLabel('Reason for the change').fill('The Bureau confirmed the date');
    await dialog.getByRole('button', { name: 'Confirm and move 2 deadlines' }).click();
    await expect(dialog).toBeHidden();
    await expect(meetings.field('Date')).toHaveValue(MEETING_DAY);
    await expect(meetings.detail.locator('.screen-heading__eyebrow')).toHaveText(`Meeting · ${short(MEETING_DAY)}`);
    await screen(page, '09-meeting-dated', shot);
  });

  await test.step('the deadline, its dependant, the brief, the overview and the dashboard show the date', async () => {
    await app.goToSection('Deadlines');
    await expect(dl.row(MEETING)).toContainText(short(MEETING_DAY));
    await expect(dl.row(BRIEF_DEADLINE)).toContainText(short(shift(MEETING_DAY, -3)));
    await expect(dl.row(BRIEF_DEADLINE)).toContainText(/in \d+ business days/);
    await screen(page, '10-deadlines-dated', shot);

    await app.goToSection('Overview');
    const nextMeeting = app.overview.keyDates.locator('.key-dates__row').filter({ hasText: /^Next meeting/ });
    await expect(nextMeeting).toContainText(`${MEETING} · ${short(MEETING_DAY)}`);
    await screen(page, '11-overview-next-meeting', shot);

    await app.goToSection('Drafts');
    const drafts = new DraftsPage(page);
    await drafts.prepareBrief(MEETING, 'Internal');
    await expect(drafts.editor).toContainText(long(MEETING_DAY));
    await screen(page, '12-brief', shot);

    await app.library.show();
    const upcoming = app.library.panel(/^Upcoming meetings/);
    await expect(upcoming).toContainText(MEETING);
    await expect(upcoming).toContainText(short(MEETING_DAY));
    await screen(page, '13-dashboard', shot);
  });

  await test.step('the meeting\'s deadline made TBD again, then dated again from its own panel', async () => {
    await app.library.openCase(TITLE);
    await app.goToSection('Deadlines');
    await dl.open(MEETING);
    await dl.panel.getByRole('button', { name: 'Back to TBD…' }).click();
    const tbd = page.getByRole('dialog', { name: `Make “${MEETING}” not yet known (TBD)` });
    await tbd.getByLabel('Expected from').fill(shift(MEETING_DAY, 1));
    await tbd.getByLabel('Expected by').fill(shift(MEETING_DAY, 14));
    await expect(tbd.getByRole('status')).toHaveText('One deadline counts from this and will move:');
    await expect(tbd).toContainText('It will be due: Not yet known');
    await screen(page, '14-back-to-tbd-dialog', shot);
    await tbd.getByLabel('Reason for the change').fill('The Bureau postponed the meeting');
    await tbd.getByRole('button', { name: 'Confirm and move 1 deadline' }).click();
    await expect(tbd).toBeHidden();
    await expect(dl.row(MEETING)).toContainText(`Expected ${short(shift(MEETING_DAY, 1))}`);
    await expect(dl.row(BRIEF_DEADLINE)).toContainText('Date not yet known');

    await dl.panel.getByRole('button', { name: 'Set date…' }).click();
    const dating = page.getByRole('dialog', { name: `Set the date of “${MEETING}”` });
    await dating.getByLabel('Date').fill(MOVED_DAY);
    await expect(dating.getByRole('row').filter({ hasText: BRIEF_DEADLINE })).toContainText(short(shift(MOVED_DAY, -3)));
    await screen(page, '15-set-date-dialog', shot);
    // No reason: refused in the dialog, nothing changed.
    await dating.getByRole('button', { name: 'Confirm and move 1 deadline' }).click();
    await expect(dating.locator('.field__error')).toContainText('Give the reason');
    await dating.getByLabel('Reason for the change').fill('New date from the Bureau');
    await dating.getByLabel('Reason for the change').press('Enter');
    await expect(dating).toBeHidden();
    await expect(dl.row(MEETING)).toContainText(short(MOVED_DAY));
    await expect(dl.row(BRIEF_DEADLINE)).toContainText(short(shift(MOVED_DAY, -3)));
    await screen(page, '16-dated-again', shot);

    // The meeting follows its deadline.
    await app.goToSection('Meetings');
    await meetings.open(MEETING);
    await expect(meetings.field('Date')).toHaveValue(MOVED_DAY);
  });
});
