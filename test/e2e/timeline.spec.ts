// The timeline: the sample case's dated records in one chronological view, grouped by month, filtered by type,
// each entry a link to its section (axe: accessibility.spec.ts).
import path from 'node:path';
import { TimelinePage } from './pages/timeline-page.js';
import { expect as baseExpect, test } from './support/fixtures.js';
import { createCaseFile, ORDER_TITLE } from './support/cases.js';
import { callThrough } from './support/harness.js';
import { SCREENSHOT_DIR } from './support/paths.js';

// The machine running the suite is shared and slow: give each step room.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 240_000 });

const SAMPLE_EVENTS_IN_ORDER = [
  'Suspension order issued',
  'Order served on Meridian Labs',
  'Meridian confirms receipt and says it will meet officials',
  'Written acknowledgment sent to the Bureau',
  'Senator Marsh introduces a bill to codify the suspension authority',
  'First meeting with the Bureau',
];

test.describe('the sample case', () => {
  test.beforeEach(async ({ app, page }) => {
    await page.getByRole('button', { name: 'Open the sample case' }).click();
    await expect(app.overview.saveSummary).toBeVisible();
    await app.goToSection('Timeline');
    await expect(app.heading).toHaveText('Timeline');
  });

  test('shows the sample\'s events in order, grouped by month, filtered by type, each linking to its section', async ({ app, page }) => {
    const timeline = new TimelinePage(page);
    await expect(timeline.month('October 2026')).toBeVisible();
    await expect(timeline.month('November 2026')).toBeVisible();
    await expect(timeline.month('December 2026')).toBeVisible();
    await expect(timeline.month('October 2026')).toContainText('Suspension order issued');
    await app.screenshot('timeline-all');

    // Every entry in date order.
    const dates = await page.locator('.timeline-entry time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime')!));
    expect(dates).toEqual([...dates].sort());

    // Only events: exactly the sample's six, in the order they happened.
    for (const label of ['Meetings', 'Deadlines', 'Position changes', 'Concessions']) await timeline.filter(label).uncheck();
    await expect(timeline.entries).toHaveCount(SAMPLE_EVENTS_IN_ORDER.length);
    expect(await timeline.entryTitles()).toEqual(SAMPLE_EVENTS_IN_ORDER);
    await app.screenshot('timeline-events');

    await timeline.filter('Events').uncheck();
    await expect(page.getByText('Every type is hidden')).toBeVisible();
    await timeline.filter('Deadlines').check();
    await expect(timeline.entries.first()).toContainText('Acknowledge the order in writing');
    await page.getByRole('link', { name: 'Last day to ask the Bureau to reconsider the order' }).click();
    await expect(app.heading).toHaveText('Deadlines');
  });
});

test('an empty case says how the timeline fills', async ({ app, harness, page }) => {
  await createCaseFile(harness, 'order.parley');
  await page.reload();
  await app.library.openCase(ORDER_TITLE);
  await app.goToSection('Timeline');
  await expect(page.getByRole('heading', { name: 'Nothing dated yet' })).toBeVisible();
});

test('a long timeline draws only the months near the window, and every entry is reached by scrolling', async ({ app, harness, page }) => {
  const info = await createCaseFile(harness, 'long.parley');
  const count = 400;
  for (let i = 0; i < count; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + Math.floor(i / 40)).padStart(2, '0');
    await callThrough(harness, 'deadline.create', {
      caseId: info.caseId,
      fields: { title: `Filing ${String(i + 1).padStart(3, '0')}`, deadlineKind: 'internal', status: 'open', dueType: 'date', dueDate: `2027-${month}-${day}` },
    });
  }
  await page.reload();
  await app.library.openCase(ORDER_TITLE);
  await app.goToSection('Timeline');
  const timeline = new TimelinePage(page);
  await expect(timeline.month('January 2027')).toBeVisible();
  // Far fewer entries in the page than in the case.
  expect(await timeline.entries.count()).toBeLessThan(count / 2);
  await page.keyboard.press('End');
  await expect(timeline.month('October 2027')).toBeVisible();
  await expect(page.locator('.timeline-entry__title', { hasText: 'Filing 400' })).toBeVisible();
  // The window as the user sees it at the end (a full-page capture would start from the top).
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'timeline-long-end.png') });
});
