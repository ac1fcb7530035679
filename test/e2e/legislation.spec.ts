// Tracking a bill on a watch item: filled in as a tracked bill (number, body, stage, sponsors, source, check-by date,
// likelihood), linked to an issue, moved on a stage; the issue then asks for a review on its matrix row, in its panel
// and on the dashboard until marked reviewed; the overdue check stays on the dashboard. Axe in both themes on the
// watch screen with the panel open and on the dashboard with its "To review" panel.
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './pages/axe-check.js';
import { NegotiationPage, WatchPage } from './pages/negotiation-page.js';
import type { ParleyApp } from './pages/parley-app.js';
import { createCaseFile, isoDaysFromToday } from './support/cases.js';
import { expect, test } from './support/fixtures.js';
import { callThrough, E2E_ACTOR, type Harness } from './support/harness.js';

const ISSUE = 'Scope of “foreign national”';
const BILL = 'Frontier model export authority bill';
const CHECK_BY = isoDaysFromToday(-6);

/** A case with one issue, open at its watch list. */
async function caseWithIssue(app: ParleyApp, page: Page, harness: Harness) {
  const { caseId } = await createCaseFile(harness, 'order.parley');
  await callThrough(harness, 'issue.create', { caseId, fields: { title: ISSUE, priority: 'high', status: 'open' } });
  await page.evaluate((id) => (window.location.hash = `#/case/${id}/watch`), caseId);
  await page.reload(); // the renderer learns of the case the harness opened
  await expect(app.heading).toHaveText('Watch list');
  return { caseId, watch: new WatchPage(page) };
}

/** A tracked bill, filled in through its panel and linked to the issue. */
async function fillTrackedBill(watch: WatchPage) {
  await watch.add(BILL);
  const panel = watch.panel;
  await expect(panel.field('Stage')).toBeDisabled(); // nothing tracked yet: no stage to choose
  await panel.field('What is tracked').selectOption({ label: 'A bill' });
  await expect(panel.saveStateOf('What is tracked')).toHaveText('Saved');
  await panel.field('Bill or rule number').fill('H.R. 4512');
  await panel.field('Jurisdiction or body').fill('U.S. House, Committee on Foreign Affairs');
  await panel.field('Sponsors').fill('Rep. Ortiz\nRep. Hale');
  await panel.field('Source').fill('congress.gov/bill/119th-congress/house-bill/4512');
  await panel.field('Check again by').fill(CHECK_BY);
  await panel.field('Jurisdiction or body').focus();
  await expect(panel.saveStateOf('Check again by')).toHaveText('Saved');
  await panel.field('Stage').selectOption({ label: 'In committee' });
  await expect(panel.saveStateOf('Stage')).toHaveText('Saved');
  await panel.field('Likelihood it goes through').selectOption({ label: 'Medium' });
  await expect(panel.saveStateOf('Likelihood it goes through')).toHaveText('Saved');
  await panel.addLink('Responds to', 'foreign', ISSUE);
  await expect(panel.links).toContainText(ISSUE);
  return panel;
}

test('a tracked bill that moves a stage asks for a review of its issue, on the issue and the dashboard, until marked reviewed', async ({ app, page, harness }) => {
  test.setTimeout(120_000);
  const { caseId, watch } = await caseWithIssue(app, page, harness);
  const panel = await fillTrackedBill(watch);
  const [item] = await callThrough(harness, 'watchItem.list', { caseId });
  expect(item).toMatchObject({ measure: 'bill', billOrRuleNumber: 'H.R. 4512', stage: 'in_committee', sponsors: ['Rep. Ortiz', 'Rep. Hale'], checkBy: CHECK_BY, likelihood: 'medium' });
  // Linked after it reached committee: nothing to review yet.
  expect(await callThrough(harness, 'issue.reviewPrompts', { caseId })).toEqual([]);

  await panel.field('Stage').selectOption({ label: 'Passed one chamber' });
  await expect(panel.saveStateOf('Stage')).toHaveText('Saved');
  await expect(watch.row(BILL)).toContainText('H.R. 4512');
  await expect(watch.row(BILL).locator('.stage-badge')).toHaveText('Passed one chamber');
  // Every stage it reached is in its history, in words.
  const trail = panel.root.getByRole('region', { name: 'Audit trail of this watch item' });
  await trail.getByText('Every change to this watch item, each stage among them').click();
  const stageChanges = trail.locator('.history__change').filter({ has: page.getByRole('term').filter({ hasText: /^Stage$/ }) });
  await expect(stageChanges.first()).toContainText('in committee→changed topassed one chamber');
  await expect(stageChanges.nth(1)).toContainText('(empty)→changed toin committee');
  await app.screenshot('legislation-watch-panel');
  // The guide's picture: the tracked bill's fields at the top of the panel.
  await panel.root.getByRole('group', { name: 'Bill or rule tracked' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await app.screenshot('legislation-watch-tracked');
  await app.guideScreenshot('legislation');

  // Filtered by stage, and back.
  await watch.filter('Stage', 'Enacted');
  await expect(watch.row(BILL)).toHaveCount(0);
  await watch.filter('Stage', 'Passed one chamber');
  await expect(watch.row(BILL)).toBeVisible();

  // On the issue: its row is marked, its panel says why.
  await app.goToSection('Negotiation');
  const neg = new NegotiationPage(page);
  await expect(neg.row(ISSUE)).toContainText('Review needed');
  const issuePanel = await neg.open(ISSUE);
  const prompt = issuePanel.root.getByRole('region', { name: 'Review needed' });
  await expect(prompt).toContainText(`The watch item “${BILL}” moved to passed one chamber on`);
  await expect(prompt).toContainText('review this issue');
  await app.screenshot('legislation-issue-prompt');

  // On the dashboard, with the check that is due.
  await app.library.show();
  const toReview = app.library.panel(/^To review/);
  await expect(toReview).toContainText(ISSUE);
  await expect(toReview).toContainText('H.R. 4512 moved to passed one chamber on');
  await expect(toReview).toContainText('Check H.R. 4512');
  await expect(toReview).toContainText('was due');
  await app.screenshot('legislation-dashboard');

  // From the dashboard to the issue, which is marked reviewed there.
  await toReview.getByRole('button', { name: new RegExp(ISSUE) }).click();
  await expect(app.heading).toHaveText('Negotiation');
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(prompt).toHaveCount(0);
  // The focus moves from the button that went to the line saying who reviewed it.
  await expect(issuePanel.root.getByText(`Last reviewed by ${E2E_ACTOR} on`)).toBeFocused();
  await expect(neg.row(ISSUE)).not.toContainText('Review needed');
  const issue = (await callThrough(harness, 'issue.list', { caseId }))[0]!;
  expect(issue.reviewedBy).toBe(E2E_ACTOR);
  await app.screenshot('legislation-issue-reviewed');

  await app.library.show();
  await expect(app.library.panel(/^To review/)).not.toContainText(ISSUE);
  await expect(app.library.panel(/^To review/)).toContainText('Check H.R. 4512');
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`the watch screen with a tracked bill open and the dashboard's "To review" pass axe in the ${theme.toLowerCase()} theme`, async ({ app, page, harness }) => {
    test.setTimeout(120_000);
    const name = theme.toLowerCase();
    const { caseId, watch } = await caseWithIssue(app, page, harness);
    const panel = await fillTrackedBill(watch);
    await panel.field('Stage').selectOption({ label: 'Passed one chamber' });
    await expect(panel.saveStateOf('Stage')).toHaveText('Saved');
    expect(await callThrough(harness, 'issue.reviewPrompts', { caseId })).toHaveLength(1);
    await app.setTheme(theme);
    await expectNoSeriousViolations(page, `watch screen with a tracked bill open (${name})`);
    await app.screenshot(`legislation-watch-${name}`);

    await app.library.show();
    await expect(app.library.panel(/^To review/)).toContainText(ISSUE);
    await expectNoSeriousViolations(page, `dashboard with issues to review (${name})`);
    await app.screenshot(`legislation-dashboard-${name}`);

    // The dashboard's entry opens the issue.
    await app.library.panel(/^To review/).getByRole('button', { name: new RegExp(ISSUE) }).click();
    const neg = new NegotiationPage(page);
    await expect(neg.panel.root.getByRole('region', { name: 'Review needed' })).toBeVisible();
    await expectNoSeriousViolations(page, `an issue to review (${name})`);
    await app.screenshot(`legislation-issue-${name}`);
  });
}
