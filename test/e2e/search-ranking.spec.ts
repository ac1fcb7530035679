// Search ranks records: a word in an issue's title puts the issue first, its position changes folded under it, in the
// palette (Ctrl+K) and in a record's link picker, which ask the core the same question (case.search). A hit found only
// in an issue's history still lands on the issue, with the change marked. Axe on the palette in both themes.
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './pages/axe-check.js';
import { NegotiationPage, PrecedentsPage } from './pages/negotiation-page.js';
import { Palette } from './pages/palette.js';
import type { ParleyApp } from './pages/parley-app.js';
import { createCaseFile } from './support/cases.js';
import { expect, test } from './support/fixtures.js';
import { callThrough, type Harness } from './support/harness.js';

test.describe.configure({ timeout: 90_000 });

const ISSUE = 'Allied-nation carve-out';

/**
 * A case where "carve-out" is in one issue's title, in four of its position changes (each saying it more often than
 * the title does), in an action item's title and in a precedent's text; and an issue whose old target alone says
 * "zanzibar". Opened on the precedents screen.
 */
async function caseWithCarveOut(app: ParleyApp, page: Page, harness: Harness) {
  const { caseId } = await createCaseFile(harness, 'carve-out.parley');
  const issue = await callThrough(harness, 'issue.create', { caseId, fields: { title: ISSUE, priority: 'high', status: 'open' } });
  for (const ourTarget of ['A carve-out for allied nations', 'A carve-out, carve-out first', 'Carve-out by capability tier', 'Carve-out list agreed']) {
    await callThrough(harness, 'issue.update', { caseId, id: issue.id, changes: { ourTarget } });
  }
  await callThrough(harness, 'actionItem.create', { caseId, fields: { title: 'Send the carve-out list to the Bureau', status: 'open' } });
  await callThrough(harness, 'precedent.create', { caseId, fields: { title: 'Deemed-export rule', precedentType: 'regulation', summary: 'The template for an allied carve-out.' } });
  const reporting = await callThrough(harness, 'issue.create', { caseId, fields: { title: 'Reporting duties', priority: 'medium', status: 'open' } });
  await callThrough(harness, 'issue.update', { caseId, id: reporting.id, changes: { ourTarget: 'Quarterly zanzibar reports' } });
  await callThrough(harness, 'issue.update', { caseId, id: reporting.id, changes: { ourTarget: 'Monthly reports' } });
  const [zanzibarChange] = (await callThrough(harness, 'positionChange.list', { caseId, filter: { issueId: reporting.id } })).filter((c) => c.value?.includes('zanzibar'));
  await page.evaluate((id) => (window.location.hash = `#/case/${id}/precedents`), caseId);
  await page.reload(); // the renderer learns of the case the harness opened
  await expect(app.heading).toHaveText('Precedents');
  return { caseId, issueId: issue.id, reportingId: reporting.id, zanzibarChangeId: zanzibarChange!.id };
}

test('a word in an issue title: the issue is the first hit in the palette, its history folded, and Enter opens it', async ({ app, page, harness }) => {
  const ids = await caseWithCarveOut(app, page, harness);
  const palette = new Palette(page);
  await palette.open();
  await palette.search('carve-out');
  const options = palette.group('This case').getByRole('option');
  await expect(options.first()).toContainText('Issue');
  await expect(options.first()).toContainText(ISSUE);
  await expect(options.first()).toContainText('Also in 4 position changes');
  // One hit per record: the issue, the action item, the precedent; no position change stands on its own.
  await expect(options).toHaveCount(3);
  await expect(options.nth(1)).toContainText('Action item');
  await expect(options.nth(2)).toContainText('Precedent');
  await expect(palette.dialog.getByText('Position change', { exact: true })).toHaveCount(0);
  await app.screenshot('search-ranking-palette');

  await page.keyboard.press('Enter');
  await expect(palette.dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`#/case/${ids.caseId}/negotiation/${ids.issueId}$`));
  const neg = new NegotiationPage(page);
  await expect(neg.panel.root.getByRole('heading', { name: ISSUE })).toBeVisible();

  // Found only in the history: the hit is still the issue, and landing marks the change that matched.
  await palette.open();
  await palette.search('zanzibar');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('Reporting duties');
  await expect(options.first()).toContainText('In 1 position change');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/case/${ids.caseId}/negotiation/${ids.zanzibarChangeId}$`));
  await expect(neg.panel.root.getByRole('heading', { name: 'Reporting duties' })).toBeVisible();
  await expect(page.locator('[data-landed]')).toContainText('zanzibar');
});

test('in the link picker, Enter on "carve-out" links the issue, and each match says its kind', async ({ app, page, harness }) => {
  await caseWithCarveOut(app, page, harness);
  const pre = new PrecedentsPage(page);
  const panel = await pre.open('Deemed-export rule');
  await panel.links.getByRole('button', { name: 'Add link' }).click();
  const group = panel.links.getByRole('group', { name: 'Add a link' });
  await group.getByLabel('Find the record').fill('carve-out');
  const matches = group.getByRole('list', { name: 'Matching records' }).getByRole('button');
  await expect(matches).toHaveText([`Issue ${ISSUE}`, 'Action item Send the carve-out list to the Bureau']);
  await matches.last().scrollIntoViewIfNeeded();
  await app.screenshot('search-ranking-link-picker');
  await group.getByLabel('Find the record').press('Enter');
  const linked = panel.links.getByRole('list', { name: 'Links from this record' });
  await expect(linked).toContainText('Supports');
  await expect(linked.getByRole('button', { name: ISSUE, exact: true })).toBeVisible();
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`the palette with grouped results passes axe in the ${theme.toLowerCase()} theme`, async ({ app, page, harness }) => {
    await caseWithCarveOut(app, page, harness);
    await app.setTheme(theme);
    const palette = new Palette(page);
    await palette.open();
    await palette.search('carve-out');
    await expect(palette.group('This case').getByRole('option').first()).toContainText('Also in 4 position changes');
    await expectNoSeriousViolations(page, `the palette with results (${theme.toLowerCase()})`);
    await app.screenshot(`search-ranking-palette-${theme.toLowerCase()}`);
  });
}
