// Negotiation: the issues matrix, an issue's positions saved as the user goes, the history of each change with its
// reason and meeting, concessions, BATNAs, and delete with undo.
import { NegotiationPage } from './pages/negotiation-page.js';
import { createCaseFile, isoDaysFromToday } from './support/cases.js';
import { expect, test } from './support/fixtures.js';
import { callThrough } from './support/harness.js';

let caseId = '';

test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ app, harness }) => {
  caseId = (await createCaseFile(harness, 'order.parley')).caseId;
  await callThrough(harness, 'meeting.create', { caseId, fields: { title: 'First meeting with the Bureau', status: 'held', meetingDate: isoDaysFromToday(-2) } });
  await app.page.evaluate((id) => (window.location.hash = `#/case/${id}/negotiation`), caseId);
  await app.page.reload(); // the renderer learns of the case the harness opened
  await expect(app.heading).toHaveText('Negotiation');
});

test('issues with positions fill the matrix; a changed position keeps its reason and meeting in the history', async ({ app, page, harness }) => {
  test.setTimeout(90_000);
  const neg = new NegotiationPage(page);
  await expect(page.getByText('No issues yet.')).toBeVisible();

  const issues = [
    { title: 'Scope of “foreign national”', opening: 'Only persons outside the US', target: 'Exclude US-resident visa holders', walkaway: 'Exclude green-card holders', theirs: 'Everyone without citizenship' },
    { title: 'Verification of API customers', opening: 'Self-certification', target: 'Identity checks above a usage threshold', walkaway: 'Identity checks for all new customers', theirs: 'Full KYC for everyone' },
    { title: 'Public comment on the talks', opening: 'Free to comment', target: 'Comment after a framework', walkaway: 'No comment until agreement', theirs: 'No comment at all' },
  ];
  for (const issue of issues) {
    await neg.add(issue.title);
    const panel = neg.panel;
    await expect(panel.root.getByRole('heading', { level: 2 })).toContainText(issue.title);
    await panel.field('Our opening position').fill(issue.opening);
    await panel.field('Our target').fill(issue.target);
    await panel.field('Our walk-away').fill(issue.walkaway);
    await panel.field('Their stated position').fill(issue.theirs);
    await panel.field('Our interests').focus();
    await expect(panel.saveStateOf('Their stated position')).toHaveText('Saved');
    await expect(panel.saveStateOf('Our walk-away')).toHaveText('Saved');
  }
  await expect(neg.table.getByRole('row')).toHaveCount(4);
  await expect(neg.row(issues[1]!.title)).toContainText('Identity checks above a usage threshold');
  await expect(neg.row(issues[1]!.title)).toContainText('Full KYC for everyone');

  // Change one position, saying why and in which meeting.
  const panel = await neg.open(issues[0]!.title);
  await expect(neg.history.getByRole('listitem')).toHaveCount(4);
  await panel.field('Reason for the change').fill('The Bureau conceded visa holders at the first meeting');
  await panel.field('Changed in meeting').selectOption({ index: 1 });
  await panel.field('Our target').fill('Exclude all US residents');
  await expect(panel.saveStateOf('Our target')).toHaveText('Saved');
  await expect(neg.history.getByRole('listitem')).toHaveCount(5);
  const latest = neg.history.getByRole('listitem').first();
  await expect(latest).toContainText('Our target');
  await expect(latest).toContainText('“Exclude US-resident visa holders” →');
  await expect(latest).toContainText('“Exclude all US residents”');
  await expect(latest).toContainText('Reason: The Bureau conceded visa holders at the first meeting');
  await expect(latest).toContainText('in First meeting with the Bureau');
  await expect(neg.row(issues[0]!.title)).toContainText('Exclude all US residents');
  const changes = await callThrough(harness, 'positionChange.list', { caseId, filter: { position: 'target' } });
  expect(changes.find((c) => c.value === 'Exclude all US residents')?.reason).toBe('The Bureau conceded visa holders at the first meeting');

  // A concession on the issue.
  const add = panel.root.getByRole('form', { name: 'Add a concession' });
  await add.getByLabel('Direction').selectOption({ label: 'We received' });
  await add.getByLabel('Concession', { exact: true }).fill('Visa holders are outside the order until guidance issues');
  await add.getByLabel('Meeting').selectOption({ index: 1 });
  await add.getByLabel('Concession', { exact: true }).press('Enter');
  await expect(neg.concessions.getByRole('listitem')).toHaveCount(1);
  await expect(neg.concessions).toContainText('We received');
  await expect(neg.concessions).toContainText('in First meeting with the Bureau');

  // Priority and status save at once.
  await panel.field('Priority').selectOption({ label: 'Critical' });
  await expect(panel.saveStateOf('Priority')).toHaveText('Saved');
  await panel.field('Status').selectOption({ label: 'Proposed' });
  await expect(panel.saveStateOf('Status')).toHaveText('Saved');
  await expect(neg.row(issues[0]!.title)).toContainText('Critical');
  await app.screenshot('negotiation-issue-open');

  // BATNAs, ours and our estimate of theirs.
  await neg.batna('Our BATNA').getByLabel('Our alternative').fill('Challenge the order in court');
  await neg.batna('Our BATNA').getByRole('button', { name: 'Record' }).click();
  await neg.batna('Our BATNA').getByLabel('Strength').selectOption({ label: 'Moderate' });
  await expect(neg.batna('Our BATNA').locator('.save-state').filter({ hasText: 'Saved' })).toHaveCount(1);
  expect((await callThrough(harness, 'batna.list', { caseId }))[0]).toMatchObject({ side: 'ours', description: 'Challenge the order in court', strength: 'moderate' });

  // Reload: it was all stored.
  await page.reload();
  await expect(neg.row(issues[0]!.title)).toContainText('Exclude all US residents');
  await expect(neg.batna('Our BATNA').getByLabel('Our alternative')).toHaveValue('Challenge the order in court');

  // Delete with undo.
  await neg.open(issues[2]!.title);
  await neg.panel.root.getByRole('button', { name: 'Delete this issue' }).click();
  await expect(neg.deleteQuestion).toContainText(`Delete the issue “${issues[2]!.title}”?`);
  await neg.deleteQuestion.getByRole('button', { name: 'Delete' }).click();
  await expect(neg.row(issues[2]!.title)).toHaveCount(0);
  await expect(neg.undoNotice).toContainText(`Issue “${issues[2]!.title}” deleted.`);
  await neg.undoNotice.getByRole('button', { name: 'Undo' }).click();
  await expect(neg.row(issues[2]!.title)).toBeVisible();
  expect((await callThrough(harness, 'issue.list', { caseId })).length).toBe(3);
});

test('the matrix is navigable with the keyboard, and an empty title is refused with the reason', async ({ page }) => {
  const neg = new NegotiationPage(page);
  await neg.add('');
  await expect(page.locator('#new-issue-error')).toBeVisible();
  await neg.add('First');
  await neg.add('Second');
  await neg.panel.root.getByRole('button', { name: 'Close the issue' }).click();
  await neg.row('First').getByRole('button', { name: 'First' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(neg.row('Second').getByRole('button', { name: 'Second' })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(neg.row('First').getByRole('button', { name: 'First' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(neg.row('Second').getByRole('button', { name: 'Second' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(neg.panel.root.getByRole('heading', { level: 2 })).toContainText('Second');
  // Esc closes the panel and puts the focus back on the row that opened it.
  await page.keyboard.press('Escape');
  await expect(neg.panel.root).toHaveCount(0);
  await expect(neg.row('Second').getByRole('button', { name: 'Second' })).toBeFocused();
});

test('an address naming a position change (a search hit) opens its issue and marks the change', async ({ app, page, harness }) => {
  const issue = await callThrough(harness, 'issue.create', { caseId, fields: { title: 'Timing of the suspension', priority: 'high', status: 'open', ourTarget: 'Sixty days' } });
  await callThrough(harness, 'issue.update', { caseId, id: issue.id, changes: { ourTarget: 'Forty-five days' } });
  const [latest] = (await callThrough(harness, 'positionChange.list', { caseId })).filter((c) => c.value === 'Forty-five days');
  await page.evaluate(([id, change]) => (window.location.hash = `#/case/${id}/negotiation/${change}`), [caseId, latest!.id]);
  await page.reload(); // the screen learns of the issue made behind its back
  const neg = new NegotiationPage(page);
  await expect(neg.panel.root.getByRole('heading', { level: 2 })).toContainText('Timing of the suspension');
  const marked = page.locator('[data-landed]');
  await expect(marked).toContainText('Forty-five days');
  await expect(marked).toBeFocused();
  await expect(marked).toBeInViewport();
  await app.screenshot('negotiation-landed-on-change');
});
