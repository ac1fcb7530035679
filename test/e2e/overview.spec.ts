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

test('the sidebar reaches every section of the case, each with its own heading', async ({ app, page }) => {
  const sections: [label: string, route: string][] = [
    ['Deadlines', 'deadlines'], ['Meetings', 'meetings'], ['Negotiation', 'negotiation'], ['Precedents', 'precedents'],
    ['Watch list', 'watch'], ['Drafts', 'drafts'], ['Timeline', 'timeline'],
  ];
  for (const [section, route] of sections) {
    await app.goToSection(section);
    await expect(page).toHaveURL(new RegExp(`/${route}(/|$)`));
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
  }
  await app.screenshot('sections-walk');
  await app.goToSection('Overview');
  await expect(app.overview.field('Issuing authority')).toHaveValue('Department of Commerce');
});

test('printing the overview gives the directive without the sidebar, the buttons or the save states', async ({ app, page }) => {
  // The browser's own print (not the app's command) readies the page too: each field prints as its value in words.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(app.sidebar).toBeHidden();
  await expect(app.overview.saveSummary).toBeHidden();
  await expect(page.getByRole('heading', { name: 'The directive' })).toBeVisible();
  await expect(app.overview.field('Issuing authority')).toBeHidden();
  await expect(page.locator('.overview__main .print-value', { hasText: 'Department of Commerce' })).toBeVisible();
  // Paper is white whatever the screen's theme.
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  await app.screenshot('overview-print');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});

test('a change made elsewhere meanwhile is kept: other fields save on top of it, the same field asks the user', async ({ app, harness }) => {
  const [info] = await callThrough(harness, 'case.listOpen', {});
  const caseId = info!.caseId;
  // Someone else (another window, the command line) changes the directive after this page read it.
  await callThrough(harness, 'directive.update', { caseId, changes: { counterparty: 'Bureau of Industry and Security', referenceNumber: 'THEIRS-1' } });

  await app.overview.field('Our organization').fill('Meridian Labs, Inc.');
  await expect(app.overview.saveStateOf('Our organization')).toHaveText('Saved');
  await expect(app.overview.field('Counterparty')).toHaveValue('Bureau of Industry and Security');
  let directive = await callThrough(harness, 'directive.get', { caseId });
  expect([directive.ourOrganization, directive.counterparty]).toEqual(['Meridian Labs, Inc.', 'Bureau of Industry and Security']);

  await expect(app.overview.field('Reference number')).toHaveValue('THEIRS-1');

  // Now they change the reference number again while it is being edited here: that is a real conflict.
  await callThrough(harness, 'directive.update', { caseId, changes: { referenceNumber: 'THEIRS-2' } });
  await app.overview.field('Reference number').fill('OURS-2');
  await app.overview.field('Summary').focus();
  await expect(app.overview.errorOf('Reference number')).toContainText('Someone else changed this field');
  await expect(app.overview.field('Reference number')).toHaveValue('OURS-2');
  directive = await callThrough(harness, 'directive.get', { caseId });
  expect(directive.referenceNumber).toBe('THEIRS-2');
  await app.screenshot('overview-conflict');

  await app.overview.fieldBlock('Reference number').getByRole('button', { name: /Reload the directive/ }).click();
  await expect(app.overview.field('Reference number')).toHaveValue('THEIRS-2');
  await expect(app.overview.errorOf('Reference number')).toHaveCount(0);
});

test('text typed just before leaving the overview is still saved', async ({ app, harness }) => {
  await app.overview.field('Scope (who is affected)').fill('Every foreign national, wherever located.');
  await app.library.show();
  const [info] = await callThrough(harness, 'case.listOpen', {});
  await expect.poll(async () => (await callThrough(harness, 'directive.get', { caseId: info!.caseId })).scope).toBe('Every foreign national, wherever located.');
});
