// Sorting and filtering on the matrix: a heading sorts the issues by its column (aria-sort says which way), a second
// click reverses; the filter bar keeps the issues of a status and of a tag, says how many are shown, and clears;
// tags are typed into the issue's panel; the view is kept when the user leaves the section and comes back.
import { expectNoSeriousViolations } from './pages/axe-check.js';
import { NegotiationPage } from './pages/negotiation-page.js';
import { createCaseFile } from './support/cases.js';
import { expect, test } from './support/fixtures.js';
import { callThrough } from './support/harness.js';

let caseId = '';

test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ app, harness }) => {
  caseId = (await createCaseFile(harness, 'order.parley')).caseId;
  const issue = (title: string, priority: 'low' | 'medium' | 'high' | 'critical', status: 'open' | 'agreed', tags: string[] | null) =>
    callThrough(harness, 'issue.create', { caseId, fields: { title, priority, status, tags } });
  await issue('Scope of “foreign national”', 'high', 'open', ['export control']);
  await issue('Verification of API customers', 'critical', 'agreed', ['export control', 'phase 2']);
  await issue('Public comment on the talks', 'low', 'open', null);
  await issue('Audit rights', 'medium', 'open', ['phase 2']);
  await app.page.evaluate((id) => (window.location.hash = `#/case/${id}/negotiation`), caseId);
  await app.page.reload(); // the renderer learns of the case the harness opened
  await expect(app.heading).toHaveText('Negotiation');
});

test('sorting and filtering on the matrix', async ({ app, page }) => {
  const neg = new NegotiationPage(page);
  await expect(neg.table.getByRole('row')).toHaveCount(5);
  await expect(neg.filterBar.getByRole('status')).toHaveText('4 of 4 shown');

  // By title, then the other way; aria-sort follows.
  await neg.sortBy('Issue');
  await expect(neg.columnHeader('Issue')).toHaveAttribute('aria-sort', 'ascending');
  expect(await neg.titles()).toEqual(['Audit rights', 'Public comment on the talks', 'Scope of “foreign national”', 'Verification of API customers']);
  await neg.sortBy('Issue');
  await expect(neg.columnHeader('Issue')).toHaveAttribute('aria-sort', 'descending');
  expect(await neg.titles()).toEqual(['Verification of API customers', 'Scope of “foreign national”', 'Public comment on the talks', 'Audit rights']);

  // By priority from the keyboard: most pressing first, then reversed.
  await neg.columnHeader('Priority').getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(neg.columnHeader('Priority')).toHaveAttribute('aria-sort', 'ascending');
  await expect(neg.columnHeader('Issue')).toHaveAttribute('aria-sort', 'none');
  expect(await neg.titles()).toEqual(['Verification of API customers', 'Scope of “foreign national”', 'Audit rights', 'Public comment on the talks']);
  await page.keyboard.press('Enter');
  expect(await neg.titles()).toEqual(['Public comment on the talks', 'Audit rights', 'Scope of “foreign national”', 'Verification of API customers']);

  // Filter by status, then also by a tag: the count and the filters in force say so.
  await neg.filter('Status', 'Open');
  await expect(neg.filterBar.getByRole('status')).toHaveText('3 of 4 shown');
  await neg.filter('Tag', 'phase 2');
  await expect(neg.filterBar.getByRole('status')).toHaveText('1 of 4 shown');
  expect(await neg.titles()).toEqual(['Audit rights']);
  const inForce = neg.filterBar.getByRole('list', { name: 'Filters in force' });
  await expect(inForce.getByRole('button', { name: 'Clear the filter Status: Open' })).toBeVisible();
  await expect(inForce.getByRole('button', { name: 'Clear the filter Tag: phase 2' })).toBeVisible();
  await app.screenshot('matrix-filtered');

  // The view is remembered when the user leaves the section and comes back.
  await app.page.evaluate((id) => (window.location.hash = `#/case/${id}/precedents`), caseId);
  await expect(app.heading).toHaveText('Precedents');
  await app.page.evaluate((id) => (window.location.hash = `#/case/${id}/negotiation`), caseId);
  await expect(app.heading).toHaveText('Negotiation');
  await expect(neg.filterBar.getByRole('status')).toHaveText('1 of 4 shown');

  // One filter cleared from its chip, then all of them.
  await inForce.getByRole('button', { name: 'Clear the filter Tag: phase 2' }).click();
  await expect(neg.filterBar.getByRole('status')).toHaveText('3 of 4 shown');
  await neg.filter('Tag', 'export control');
  await inForce.getByRole('button', { name: 'Clear all filters' }).click();
  await expect(neg.filterBar.getByRole('status')).toHaveText('4 of 4 shown');
  await expect(neg.filterBar.getByRole('list', { name: 'Filters in force' })).toHaveCount(0);
});

test('tags are typed into an issue: Enter adds, Backspace removes, and the matrix filters by the new tag', async ({ page }) => {
  const neg = new NegotiationPage(page);
  const panel = await neg.open('Public comment on the talks');
  const tags = panel.field('Tags');
  await tags.fill('media');
  await tags.press('Enter');
  await expect(panel.saveStateOf('Tags')).toHaveText('Saved');
  await tags.fill('phase 3');
  await tags.press('Enter');
  await expect(panel.root.getByRole('button', { name: 'Remove the tag phase 3' })).toBeVisible();
  await tags.press('Backspace');
  await expect(panel.root.getByRole('button', { name: 'Remove the tag phase 3' })).toHaveCount(0);
  await expect(panel.root.getByRole('button', { name: 'Remove the tag media' })).toBeVisible();
  await expect(panel.saveStateOf('Tags')).toHaveText('Saved');
  await expect(neg.row('Public comment on the talks')).toContainText('media');
  await neg.filter('Tag', 'media');
  expect(await neg.titles()).toEqual(['Public comment on the talks']);
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`the matrix with a filter in force passes axe in the ${theme.toLowerCase()} theme`, async ({ app, page }) => {
    const neg = new NegotiationPage(page);
    await app.setTheme(theme);
    await neg.sortBy('Priority');
    await neg.filter('Tag', 'export control');
    await expect(neg.filterBar.getByRole('status')).toHaveText('2 of 4 shown');
    await neg.open('Scope of “foreign national”');
    await expectNoSeriousViolations(page, `the filtered matrix (${theme.toLowerCase()})`);
    await app.screenshot(`matrix-filtered-${theme.toLowerCase()}`);
  });
}
