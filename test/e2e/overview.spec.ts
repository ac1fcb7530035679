// The case overview: the directive edited field by field, saved as the user goes.
import { expect, test } from './support/fixtures.js';
import { callThrough } from './support/harness.js';
import { createCaseFile, ORDER_TITLE } from './support/cases.js';

test.beforeEach(async ({ app, harness }) => {
  await createCaseFile(harness, 'order.parley', ORDER_TITLE, { issuingAuthority: 'Department of Commerce' });
  await app.page.reload();
  await app.library.openCase(ORDER_TITLE);
  await expect(app.heading).toHaveText(ORDER_TITLE);
});

test('a field saves after a pause in typing, shows that it saved, and the change is in the file and the recent changes', async ({ app, harness, page }) => {
  const summary = 'Order under export-control authority; first formal shutdown order aimed at a named frontier model.';
  await app.overview.field('Summary').fill(summary);
  await expect(app.overview.saveStateOf('Summary')).toHaveText('Saved');
  await expect(app.overview.saveSummary).toHaveText('All changes saved');
  await expect(app.overview.recentChanges).toContainText('changed the directive: summary');

  const [info] = await callThrough(harness, 'case.listOpen', {});
  expect((await callThrough(harness, 'directive.get', { caseId: info!.caseId })).summary).toBe(summary);

  await app.overview.field('Authorities cited').fill('50 U.S.C. § 4813\n\n15 C.F.R. § 744.23');
  await app.overview.field('Counterparty').focus(); // leaving the field saves at once
  await expect(app.overview.saveStateOf('Authorities cited')).toHaveText('Saved');
  expect((await callThrough(harness, 'directive.get', { caseId: info!.caseId })).authoritiesCited).toEqual(['50 U.S.C. § 4813', '15 C.F.R. § 744.23']);

  await app.overview.choice('Status', 'Contesting').check();
  await app.overview.choice('Risk', 'High').check();
  await expect(app.overview.saveSummary).toHaveText('All changes saved');
  await expect(page.getByRole('group', { name: 'Status' }).locator('.save-state')).toHaveText('Saved');
  await app.screenshot('overview-saved');

  await page.reload();
  await expect(app.overview.field('Summary')).toHaveValue(summary);
  await expect(app.overview.choice('Status', 'Contesting')).toBeChecked();
  await expect(app.overview.choice('Risk', 'High')).toBeChecked();
});

test('a refused save keeps what was typed and says why', async ({ app, harness }) => {
  await app.overview.field('Title').fill('');
  await app.overview.field('Reference number').focus();
  await expect(app.overview.saveStateOf('Title')).toHaveText('Not saved');
  await expect(app.overview.errorOf('Title')).toHaveText('Must not be empty');
  await expect(app.overview.saveSummary).toHaveText('One change is not saved');

  const tooLong = 'x'.repeat(1_001);
  await app.overview.field('Title').fill(tooLong);
  await app.overview.field('Reference number').focus();
  await expect(app.overview.errorOf('Title')).toContainText('1000');
  await expect(app.overview.field('Title')).toHaveValue(tooLong);
  await app.screenshot('overview-save-refused');
  const [info] = await callThrough(harness, 'case.listOpen', {});
  expect((await callThrough(harness, 'directive.get', { caseId: info!.caseId })).title).toBe(ORDER_TITLE);

  await app.overview.field('Title').fill('Suspension order (amended)');
  await expect(app.overview.saveStateOf('Title')).toHaveText('Saved');
  await expect(app.overview.errorOf('Title')).toHaveCount(0);
  await expect(app.heading).toHaveText('Suspension order (amended)');
  await expect(app.sidebar.getByRole('link', { name: 'Suspension order (amended)' })).toBeVisible();
});

test('the sidebar lists the case\'s sections; the ones not built yet say what they will hold', async ({ app }) => {
  for (const section of ['Deadlines', 'Meetings', 'Negotiation', 'Precedents', 'Watch list', 'Drafts', 'Timeline']) {
    await app.goToSection(section);
    await expect(app.heading).toHaveText(section);
    await expect(app.page.getByText('Coming next')).toBeVisible();
  }
  await app.screenshot('section-placeholder');
  await app.goToSection('Overview');
  await expect(app.overview.field('Issuing authority')).toHaveValue('Department of Commerce');
});

test('printing the overview gives the directive without the sidebar, the buttons or the save states', async ({ app, page }) => {
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(app.sidebar).toBeHidden();
  await expect(app.overview.saveSummary).toBeHidden();
  await expect(page.getByRole('heading', { name: 'The directive' })).toBeVisible();
  await expect(app.overview.field('Issuing authority')).toBeVisible();
  // Paper is white whatever the screen's theme.
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  await app.screenshot('overview-print');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});
