// A date that does not exist, typed key by key into a date field, never replaces the saved date: the field says so
// beside itself, never says "Saved", and neither the file nor its audit trail changes. Only emptying the field on
// purpose clears the date.
import fs from 'node:fs';
import path from 'node:path';
import { emptyEveryPart, typeInto } from './pages/date-input.js';
import type { ParleyApp } from './pages/parley-app.js';
import { createCaseFile, ORDER_TITLE } from './support/cases.js';
import { expect, test } from './support/fixtures.js';
import { callThrough, type Harness } from './support/harness.js';

const KEPT = 'The saved date, 2 Mar 2026, is kept.';

async function directiveAndHistory(harness: Harness) {
  const [info] = await callThrough(harness, 'case.listOpen', {});
  const directive = await callThrough(harness, 'directive.get', { caseId: info!.caseId });
  return { directive, history: await callThrough(harness, 'record.history', { caseId: info!.caseId, id: directive.id }) };
}

/** The case this spec's overview tests edit: issued on 2 March 2026, opened on its overview. */
async function openCaseIssuedOnMarch2(app: ParleyApp, harness: Harness) {
  await createCaseFile(harness, 'order.parley', ORDER_TITLE, { issuedOn: '2026-03-02' });
  await app.page.reload();
  await app.library.openCase(ORDER_TITLE);
  await expect(app.overview.field('Issued on')).toHaveValue('2026-03-02');
  return directiveAndHistory(harness);
}

test('the directive\'s Issued on refuses 30 February beside the field, and the saved date stays in the file and after a reload', async ({ app, harness, page }) => {
  const before = await openCaseIssuedOnMarch2(app, harness);
  const issuedOn = app.overview.field('Issued on');

  await typeInto(issuedOn, '02302026'); // 02/30/2026
  await app.overview.field('Reference number').focus();
  await expect(app.overview.errorOf('Issued on')).toHaveText(`This date is incomplete or is not a real day, such as 30 February. ${KEPT}`);
  await expect(app.overview.saveStateOf('Issued on')).toHaveText('Not saved');
  await expect(app.overview.saveSummary).toHaveText('One change is not saved');
  await expect(issuedOn).toHaveAttribute('aria-invalid', 'true');
  await app.screenshot('impossible-date-overview');

  const after = await directiveAndHistory(harness);
  expect(after.directive).toEqual(before.directive);
  expect(after.history).toEqual(before.history);

  await page.reload();
  await expect(issuedOn).toHaveValue('2026-03-02');
  await expect(app.overview.errorOf('Issued on')).toHaveCount(0);
  await expect(app.overview.keyDates).toContainText('2 Mar 2026');
  await expect(app.overview.recentChanges).toContainText('created the directive');
  await expect(app.overview.recentChanges).not.toContainText('issued on');
});

test('Issued on refuses a year emptied while typing and a two-digit year, and saves none of it, not even the date passed on the way', async ({ app, harness, page }) => {
  const before = await openCaseIssuedOnMarch2(app, harness);
  const issuedOn = app.overview.field('Issued on');

  // Without leaving the field: 03/15/2026 on the way (the year part still holds 2026), then the year emptied. After
  // the pause a save would wait for, the refusal shows.
  await typeInto(issuedOn, '0315');
  await page.keyboard.press('Backspace');
  await expect(app.overview.errorOf('Issued on')).toHaveText(`This date is incomplete or is not a real day, such as 30 February. ${KEPT}`);
  await expect(app.overview.saveStateOf('Issued on')).toHaveText('Not saved');

  // "202" typed for the year is a real date in the year 202 to the browser; Parley takes years from 1000.
  await typeInto(issuedOn, '0302202');
  await app.overview.field('Reference number').focus();
  await expect(app.overview.errorOf('Issued on')).toHaveText(`Write the year in full, with four digits, such as 2026. ${KEPT}`);
  await expect(app.overview.saveStateOf('Issued on')).toHaveText('Not saved');
  await app.screenshot('impossible-date-overview-short-year');

  const after = await directiveAndHistory(harness);
  expect(after.directive).toEqual(before.directive);
  expect(after.history).toEqual(before.history);
});

test('Issued on saves a real date, and only emptying every part on purpose clears it', async ({ app, harness }) => {
  const before = await openCaseIssuedOnMarch2(app, harness);
  const issuedOn = app.overview.field('Issued on');
  await typeInto(issuedOn, '02282026');
  await app.overview.field('Reference number').focus();
  await expect(app.overview.saveStateOf('Issued on')).toHaveText('Saved');
  expect((await directiveAndHistory(harness)).directive.issuedOn).toBe('2026-02-28');

  await emptyEveryPart(issuedOn, 3);
  await app.overview.field('Reference number').focus();
  await expect(app.overview.saveStateOf('Issued on')).toHaveText('Saved');
  await expect(app.overview.errorOf('Issued on')).toHaveCount(0);
  const cleared = await directiveAndHistory(harness);
  expect(cleared.directive.issuedOn).toBeNull();
  expect(cleared.history.length).toBe(before.history.length + 2);
});

test('the new-case form refuses an impossible date beside the field and creates no case until it is corrected', async ({ app, harness }) => {
  await app.library.startNewCase();
  await app.newCase.fill({ Title: 'Export-control suspension order' });
  await typeInto(app.newCase.field('Issued on'), '02302026');
  await typeInto(app.newCase.field('Received on'), '0304'); // no year
  await app.newCase.submitWithEnter();

  await expect(app.newCase.errorOf('Issued on')).toHaveText('This date is incomplete or is not a real day, such as 30 February.');
  await expect(app.newCase.errorOf('Received on')).toHaveText('This date is incomplete or is not a real day, such as 30 February.');
  await expect(app.newCase.formError).toHaveText('The case was not created: correct the fields marked below.');
  await expect(app.newCase.field('Issued on')).toBeFocused();
  await app.screenshot('impossible-date-new-case');
  expect(fs.readdirSync(harness.casesDir)).toEqual([]);
  expect(await callThrough(harness, 'case.listOpen', {})).toEqual([]);

  await typeInto(app.newCase.field('Issued on'), '02282026');
  await emptyEveryPart(app.newCase.field('Received on'), 3);
  await app.newCase.submitWithEnter();
  await expect(app.heading).toHaveText('Export-control suspension order');
  await expect(app.overview.field('Issued on')).toHaveValue('2026-02-28');
  const { directive } = await directiveAndHistory(harness);
  expect(directive).toMatchObject({ issuedOn: '2026-02-28', receivedOn: null });
  expect(fs.existsSync(path.join(harness.casesDir, 'export-control-suspension-order.parley'))).toBe(true);
});
