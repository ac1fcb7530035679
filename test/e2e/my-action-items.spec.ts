// My action items: the user's own open action items (owner = their name) in a panel of the library's dashboard, across
// cases, each a click away from its meeting; and the "Mine" filter on a meeting's action items. Axe in both themes.
import { expectNoSeriousViolations } from './pages/axe-check.js';
import { createCaseFile, isoDaysFromToday } from './support/cases.js';
import { expect, test } from './support/fixtures.js';
import { callThrough, E2E_ACTOR } from './support/harness.js';

test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ harness, page }) => {
  const first = await createCaseFile(harness, 'access.parley', 'Model-access suspension order');
  const meeting = await callThrough(harness, 'meeting.create', { caseId: first.caseId, fields: { title: 'Call with the Bureau', status: 'held', meetingDate: isoDaysFromToday(-1) } });
  const item = (caseId: string, title: string, owner: string, extra: Record<string, unknown> = {}) =>
    callThrough(harness, 'actionItem.create', { caseId, fields: { title, status: 'open', owner, ...extra } });
  await item(first.caseId, 'Send the Bureau our carve-out text', E2E_ACTOR, { meetingId: meeting.id, dueDate: isoDaysFromToday(2) });
  await item(first.caseId, 'Book the hearing room', 'R. Hale', { meetingId: meeting.id });
  await item(first.caseId, 'Check the export list', E2E_ACTOR.toUpperCase(), { meetingId: meeting.id, status: 'done' });
  const second = await createCaseFile(harness, 'localisation.parley', 'Data localisation order');
  const other = await callThrough(harness, 'meeting.create', { caseId: second.caseId, fields: { title: 'Ministry meeting', status: 'held' } });
  await item(second.caseId, 'Draft the sovereignty letter', E2E_ACTOR, { meetingId: other.id });
  await callThrough(harness, 'case.close', { caseId: second.caseId });
  await page.reload();
});

test('my action items across cases on the dashboard, each opening its meeting; Mine on the meeting\'s list', async ({ app, page }) => {
  const mine = app.library.panel(/^My action items/);
  await expect(mine.getByRole('listitem')).toHaveCount(2);
  await expect(mine).toContainText('Send the Bureau our carve-out text');
  await expect(mine).toContainText('Draft the sovereignty letter');
  await expect(mine).not.toContainText('Book the hearing room');
  await expect(mine).not.toContainText('Check the export list'); // done
  await app.screenshot('dashboard-my-action-items');

  // One click: the case opens at the meeting, the action item in view.
  await mine.getByRole('button', { name: /Draft the sovereignty letter/ }).click();
  await expect(app.heading).toHaveText('Meetings');
  await expect(page.getByRole('heading', { name: 'Ministry meeting' }).first()).toBeVisible();
  await expect(page.locator('[data-landed]')).toHaveAttribute('aria-label', 'Draft the sovereignty letter');

  // The other case's meeting: "Mine" keeps the user's own, whatever their status; the count says how many.
  await app.library.show();
  await app.library.panel(/^My action items/).getByRole('button', { name: /Send the Bureau our carve-out text/ }).click();
  await expect(page.getByRole('heading', { name: 'Call with the Bureau' }).first()).toBeVisible();
  const bar = page.getByRole('group', { name: 'Filter action items' });
  await expect(bar.getByRole('status')).toHaveText('3 of 3 shown');
  await bar.getByLabel('Whose').selectOption({ label: `Mine (${E2E_ACTOR})` });
  await expect(bar.getByRole('status')).toHaveText('2 of 3 shown');
  const list = page.getByRole('list', { name: /^Action items/ });
  await expect(list.getByRole('listitem', { name: 'Book the hearing room' })).toHaveCount(0);
  await bar.getByRole('button', { name: 'Due date' }).click();
  await expect(bar.getByRole('button', { name: 'Due date, sorted ascending' })).toHaveAttribute('aria-pressed', 'true');
  await app.screenshot('meeting-action-items-mine');
  await bar.getByRole('button', { name: /Clear the filter Whose/ }).click();
  await expect(bar.getByRole('status')).toHaveText('3 of 3 shown');
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`the dashboard with my action items passes axe in the ${theme.toLowerCase()} theme`, async ({ app, page }) => {
    await app.setTheme(theme);
    await expect(app.library.panel(/^My action items/).getByRole('listitem')).toHaveCount(2);
    await expectNoSeriousViolations(page, `the library dashboard (${theme.toLowerCase()})`);
    await app.screenshot(`dashboard-my-action-items-${theme.toLowerCase()}`);
  });
}
