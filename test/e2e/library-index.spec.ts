// The library index being rebuilt, as after an update of Parley: the library screen shows a progress bar that rises
// step by step while the rest of the screen stays usable, the search across cases says it waits for the index, and
// then the dashboard and the results are there. Each step is held by the test (support/index-steps.ts) so that the
// bar can be looked at between steps.
import fs from 'node:fs';
import path from 'node:path';
import { ParleyApp } from './pages/parley-app.js';
import { expectNoSeriousViolations } from './pages/axe-check.js';
import { Palette } from './pages/palette.js';
import { SettingsPage } from './pages/settings-page.js';
import { createCaseFile, isoDaysFromToday } from './support/cases.js';
import { expect, test } from './support/fixtures.js';
import { callThrough, type Harness } from './support/harness.js';
import { pacedIndexSteps } from './support/index-steps.js';

const CASE_FILES = 60;

/**
 * Parley started again after an update, its index gone (library-index.sqlite and its journal): the first start
 * rebuilds it from the case files. It starts once the files' last change is more than the index's two seconds
 * past (library-index.ts RACY_MS), after which each file is read once.
 */
async function restartWithoutIndex(harness: Harness, harnesses: { start(): Promise<Harness> }, dataDir: string): Promise<Harness> {
  await harness.close();
  for (const name of fs.readdirSync(dataDir)) if (name.startsWith('library-index.')) fs.rmSync(path.join(dataDir, name));
  await new Promise((resolve) => setTimeout(resolve, 2_100));
  return harnesses.start();
}

test('while the library index is rebuilt, a bar shows how far it got, the search waits for it, then the dashboard and results come', async ({ harness, harnesses, dataDir, page }) => {
  test.setTimeout(120_000);
  for (let i = 1; i <= CASE_FILES; i++) {
    const { caseId } = await createCaseFile(harness, `order-${i}.parley`, `Suspension order ${i}`);
    await callThrough(harness, 'deadline.create', { caseId, fields: { title: `Tariff response ${i}`, deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: isoDaysFromToday(3) } });
    await callThrough(harness, 'case.close', { caseId });
  }
  const restarted = await restartWithoutIndex(harness, harnesses, dataDir);

  const steps = await pacedIndexSteps(page);
  const app = new ParleyApp(page);
  await app.start(restarted);
  const bar = app.library.indexingBar;
  const label = page.getByText(/^Indexing case files: /);

  // The first step does not finish it: the bar appears with how far it got.
  await steps.next();
  await expect(bar).toBeVisible();
  await expect(label).toHaveText(new RegExp(`^Indexing case files: \\d+ of ${CASE_FILES}$`));
  const first = Number(await bar.getAttribute('value'));
  expect(first).toBeGreaterThan(0);
  expect(first).toBeLessThan(CASE_FILES);
  await expect(bar).toHaveAttribute('max', String(CASE_FILES));
  await expect(label).toHaveText(`Indexing case files: ${first} of ${CASE_FILES}`);
  await expect(page.getByText('Parley is reading case files that changed since it last saw them, so the dashboard and search can answer at once.')).toBeVisible();
  await expect(app.library.panel(/^Case files$/)).toContainText('The case files are listed once they are indexed.');
  await expect(app.library.panel(/^Today/)).toContainText('Shown once the case files are indexed.');

  // The next step: the bar rises, the label with it.
  await steps.next();
  await expect.poll(async () => Number(await bar.getAttribute('value'))).toBeGreaterThan(first);
  const second = Number(await bar.getAttribute('value'));
  await expect(label).toHaveText(`Indexing case files: ${second} of ${CASE_FILES}`);
  await app.screenshot('library-indexing');
  await app.guideScreenshot('library-indexing');
  // The screen stays usable meanwhile: the theme changes at once.
  await app.setTheme('Light');
  await expectNoSeriousViolations(page, 'the library while indexing (light)');
  await app.setTheme('Dark');
  await expect(bar).toBeVisible();
  await expectNoSeriousViolations(page, 'the library while indexing (dark)');
  await app.screenshot('library-indexing-dark');
  await app.setTheme('Light');

  // The search across cases waits for the index, and says so, rather than answer from what it was.
  const palette = new Palette(page);
  await palette.open();
  await palette.field.fill('tariff');
  await expect(palette.status).toHaveText(`Still indexing case files (${second} of ${CASE_FILES})…`);
  await expect(palette.group('Cases')).toHaveCount(0);
  await app.screenshot('palette-waiting-for-index');

  steps.letGo();
  await expect(palette.status).toHaveText(/^\d+ records found\.$/);
  await expect(palette.group('Cases').getByRole('option').first()).toContainText(/Tariff response \d+/);
  await page.keyboard.press('Escape');
  await expect(palette.dialog).toBeHidden();

  // Done: the bar is gone, every case is listed and the dashboard has them all.
  await expect(bar).toHaveCount(0);
  await expect(app.library.caseTable.getByRole('row')).toHaveCount(CASE_FILES + 1);
  const upcoming = app.library.panel(/^Due in the next 14 days/);
  await expect(upcoming.getByRole('heading')).toContainText(String(CASE_FILES));
  await expect(upcoming.getByRole('button', { name: /Tariff response/ }).first()).toBeVisible();
  await app.screenshot('library-indexed');
});

test('the library shows no bar when the index is up to date, and leaving the screen mid-way stops the steps', async ({ harness, harnesses, dataDir, page }) => {
  test.setTimeout(90_000);
  for (let i = 1; i <= 30; i++) {
    const { caseId } = await createCaseFile(harness, `order-${i}.parley`, `Suspension order ${i}`);
    await callThrough(harness, 'case.close', { caseId });
  }
  // A file indexed within two seconds of its last change (as on closing it) is read again at the next look once
  // those are past (library-index.ts RACY_MS); that look done, the index is up to date as after any quiet while.
  await new Promise((resolve) => setTimeout(resolve, 2_100));
  expect(await callThrough(harness, 'library.prepareIndex', { budgetMs: 5_000 })).toEqual({ indexed: 30, total: 30, complete: true });
  const app = new ParleyApp(page);
  let asked = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/api/call') && (r.postDataJSON() as { name?: string }).name === 'library.prepareIndex') asked += 1;
  });
  // Up to date (every write and close kept it so): one step finds nothing to do, and nothing of it is shown.
  await app.start(harness);
  await expect(app.library.row('Suspension order 30')).toBeVisible();
  expect(asked).toBe(1);
  await expect(app.library.indexingBar).toHaveCount(0);

  const restarted = await restartWithoutIndex(harness, harnesses, dataDir);
  asked = 0;
  const steps = await pacedIndexSteps(page);
  await app.start(restarted);
  await steps.next();
  await expect(app.library.indexingBar).toBeVisible();
  // Away to Settings while the next step is held: once it answers, no other is asked.
  await new SettingsPage(page).openWithKeyboard();
  const beforeLeaving = asked;
  steps.letGo();
  await page.waitForTimeout(500);
  expect(asked).toBe(beforeLeaving);
});

test('an encrypted case file that is closed is named as left out of the dashboard and of the search across cases', async ({ app, harness, page }) => {
  const plain = await createCaseFile(harness, 'plain.parley', 'Plain order');
  await callThrough(harness, 'case.close', { caseId: plain.caseId });
  const sealed = await callThrough(harness, 'case.create', { path: path.join(harness.casesDir, 'sealed.parley'), directive: { title: 'Sealed order', status: 'received' }, passphrase: 'correct horse battery staple' });
  await callThrough(harness, 'case.close', { caseId: sealed.caseId });
  await page.reload();
  await expect(app.library.row('sealed.parley')).toContainText('Left out of the dashboard and the search across cases while it is closed: open it with its passphrase to see what it holds and include it.');
  await expect(app.library.panel('Across all cases')).toContainText('One encrypted case file is left out while it is closed: open it with its passphrase to include it.');
  await app.screenshot('library-encrypted-left-out');
  for (const theme of ['Light', 'Dark'] as const) {
    await app.setTheme(theme);
    await expectNoSeriousViolations(page, `the library with a closed encrypted case (${theme.toLowerCase()})`);
  }

  const palette = new Palette(page);
  await palette.open();
  await palette.field.fill('order');
  await expect(palette.status).toHaveText(/found\. One encrypted case file was not searched: it is closed\.$/);
});
