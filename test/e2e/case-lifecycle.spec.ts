// Creating a case in the browser, and finding it again after Parley restarts.
import fs from 'node:fs';
import path from 'node:path';
import { ParleyApp } from './pages/parley-app.js';
import { createCaseFile } from './support/cases.js';
import { expect, test } from './support/fixtures.js';
import { callThrough } from './support/harness.js';

test('a new case is created from the form, and after a restart it is in the library and opens', async ({ app, harness, restartHarness, page }) => {
  await expect(app.library.emptyState).toBeVisible();
  await app.screenshot('library-empty');

  await app.library.startNewCase();
  await app.newCase.fill({
    Title: 'Export-control suspension order',
    'Reference number': 'BIS-2026-0412',
    'Issuing authority': 'Bureau of Industry and Security',
    Status: 'Under review',
    'Received on': '2026-11-20',
  });
  await app.screenshot('new-case-filled');
  await app.newCase.submitWithEnter();

  await expect(app.heading).toHaveText('Export-control suspension order');
  await expect(app.overview.field('Reference number')).toHaveValue('BIS-2026-0412');
  await expect(app.overview.choice('Status', 'Under review')).toBeChecked();
  const file = path.join(harness.casesDir, 'export-control-suspension-order.parley');
  expect(fs.existsSync(file)).toBe(true);
  await expect(app.sidebar.getByRole('link', { name: 'Export-control suspension order' })).toBeVisible();

  const restarted = await restartHarness();
  const again = new ParleyApp(page);
  await again.start(restarted);
  const row = again.library.row('Export-control suspension order');
  await expect(row).toContainText('Under review');
  await expect(row).toContainText(file);
  await again.library.openCase('Export-control suspension order');
  await expect(again.heading).toHaveText('Export-control suspension order');
  await expect(again.overview.field('Issuing authority')).toHaveValue('Bureau of Industry and Security');
  await expect(again.overview.field('Received on')).toHaveValue('2026-11-20');
});

test('the new-case form shows the core\'s refusals beside the fields, and creates nothing', async ({ app, harness }) => {
  await app.library.startNewCase();
  await app.newCase.fill({ Title: '   ' });
  await app.newCase.submitWithEnter();
  await expect(app.newCase.errorOf('Title')).toHaveText('Must not be empty');
  await expect(app.newCase.field('Title')).toHaveAttribute('aria-invalid', 'true');
  await expect(app.newCase.field('Title')).toBeFocused();
  await expect(app.newCase.formError).toContainText('not created');
  await app.screenshot('new-case-invalid');
  expect(fs.readdirSync(harness.casesDir)).toEqual([]);

  // A file that exists already is never overwritten: the refusal lands on the location field.
  fs.writeFileSync(path.join(harness.casesDir, 'taken.parley'), 'someone else’s file');
  await app.newCase.fill({ Title: 'Second order', 'Save as': 'taken.parley' });
  await app.newCase.submitWithEnter();
  await expect(app.newCase.errorOf('Save as')).toContainText('already exists');
  expect(fs.readFileSync(path.join(harness.casesDir, 'taken.parley'), 'utf8')).toBe('someone else’s file');
});

test('a new case file goes only into the cases folder: a path elsewhere is refused beside the field, and nothing is written', async ({ app, harness, dataDir }) => {
  const elsewhere = path.join(dataDir, 'home', 'order.parley');
  fs.mkdirSync(path.dirname(elsewhere));
  await app.library.startNewCase();
  await app.newCase.fill({ Title: 'Order written elsewhere', 'Save as': elsewhere });
  await app.newCase.submitWithEnter();
  await expect(app.newCase.errorOf('Save as')).toHaveText(
    `The browser harness writes case files only in its cases folder (${harness.casesDir}), not at ${elsewhere}. Give a file name there.`,
  );
  await expect(app.newCase.field('Save as')).toHaveAttribute('aria-invalid', 'true');
  await expect(app.newCase.field('Save as')).toBeFocused();
  await expect(app.newCase.form).toContainText(`A file name in ${harness.casesDir}, where new case files go.`);
  await app.screenshot('new-case-outside-the-cases-folder');
  expect(fs.readdirSync(path.dirname(elsewhere))).toEqual([]);

  await app.newCase.fill({ 'Save as': 'order.parley' });
  await app.newCase.submitWithEnter();
  await expect(app.heading).toHaveText('Order written elsewhere');
  expect(fs.existsSync(path.join(harness.casesDir, 'order.parley'))).toBe(true);
});

test('a case opened read-only shows its content and cannot be edited', async ({ app, harness, page }) => {
  const info = await createCaseFile(harness, 'reviewed.parley', 'Order under review', { issuingAuthority: 'Department of Commerce' });
  await callThrough(harness, 'case.close', { caseId: info.caseId });
  const before = fs.readFileSync(info.path);

  await app.library.startOpen();
  await app.openDialog.openByPath('reviewed.parley', { readOnly: true }); // a bare name is looked for in the case folder
  await expect(app.heading).toHaveText('Order under review');
  await expect(page.getByText('This case file is open read-only')).toBeVisible();
  await expect(app.overview.field('Issuing authority')).toHaveValue('Department of Commerce');
  await expect(app.overview.field('Issuing authority')).toBeDisabled();
  await expect(app.overview.choice('Status', 'Contesting')).toBeDisabled();
  await expect(app.sidebar.getByRole('link', { name: /Order under review \(read-only\)/ })).toBeVisible();
  await app.screenshot('overview-read-only');
  expect(fs.readFileSync(info.path).equals(before)).toBe(true);
});
