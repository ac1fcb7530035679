// The app lock: on command (button, Ctrl+Shift+L) and after the chosen idle time, every case file is closed in the
// core and the page holds nothing of it; unlocking opens the cases again as they were. axe on the lock screen.
import { expectNoSeriousViolations } from './pages/axe-check.js';
import { DeadlinesPage } from './pages/deadlines-page.js';
import { Palette } from './pages/palette.js';
import { createCaseFile } from './support/cases.js';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { callThrough } from './support/harness.js';

const SENTENCE = 'The ministry will lift the suspension for researchers from allied nations by spring.';
const TITLE = 'Suspension of foreign-national access';

/** Everything the page could show or hold in its document: markup, attribute values, and every field's value. */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea, select')].map((el) => (el as HTMLInputElement).value);
    return [document.documentElement.outerHTML, document.title, ...values].join('\n');
  });
}

test('locking closes every case and leaves no case data in the page; unlocking opens it again', async ({ app, harness, page }) => {
  test.setTimeout(120_000); // axe runs twice
  const info = await createCaseFile(harness, 'locked.parley', TITLE, { summary: SENTENCE });
  await page.evaluate((id) => (window.location.hash = `#/case/${id}/overview`), info.caseId);
  await page.reload(); // the renderer learns of the case the harness opened
  await expect(app.heading).toHaveText(TITLE);
  await expect(app.overview.field('Summary')).toHaveValue(SENTENCE);
  expect(await pageText(page)).toContain(SENTENCE);

  await page.getByRole('button', { name: /Lock Parley/ }).click();
  const lockHeading = page.getByRole('heading', { name: 'Parley is locked', level: 1 });
  await expect(lockHeading).toBeVisible();
  await expect(lockHeading).toBeFocused();
  await expect(page.getByText('Unlocking opens again the case file that was open.')).toBeVisible();
  // It says what it is: a curtain over the screen; only encryption protects the file.
  await expect(page.getByText(/The lock hides the screen; it does not protect the case files\..*only encryption protects a case file\./)).toBeVisible();
  const locked = await pageText(page);
  expect(locked).not.toContain(SENTENCE);
  expect(locked).not.toContain(TITLE);
  expect(locked).not.toContain('locked.parley');
  expect(await callThrough(harness, 'case.listOpen', {})).toEqual([]);
  await app.screenshot('lock-screen-light');
  await expectNoSeriousViolations(page, 'the lock screen (light)');

  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(app.heading).toHaveText(TITLE);
  await expect(app.overview.field('Summary')).toHaveValue(SENTENCE);
  expect((await callThrough(harness, 'case.listOpen', {})).map((c) => c.path)).toEqual([info.path]);

  // The shortcut works in a field too; the dark theme's lock screen passes axe as well.
  await app.setTheme('Dark');
  await app.overview.field('Summary').focus();
  await page.keyboard.press('Control+Shift+L');
  await expect(lockHeading).toBeVisible();
  expect(await pageText(page)).not.toContain(SENTENCE);
  await app.screenshot('lock-screen-dark');
  await expectNoSeriousViolations(page, 'the lock screen (dark)');
});

test('Parley locks by itself after the chosen idle time, and not before', async ({ app, harness, page }) => {
  const info = await createCaseFile(harness, 'idle.parley', TITLE, { summary: SENTENCE });
  await page.clock.install();
  await page.evaluate((id) => (window.location.hash = `#/case/${id}/overview`), info.caseId);
  await page.reload();
  await expect(app.heading).toHaveText(TITLE);
  const lockAfter = page.getByLabel('Lock when idle for');
  await expect(lockAfter).toHaveValue('15'); // the default
  await lockAfter.selectOption('5');
  await page.clock.fastForward('04:00');
  await expect(app.heading).toHaveText(TITLE);
  await page.mouse.move(200, 200); // use restarts the count
  await page.clock.fastForward('04:00');
  await expect(app.heading).toHaveText(TITLE);
  await page.clock.fastForward('01:30');
  await expect(page.getByRole('heading', { name: 'Parley is locked' })).toBeVisible();
  expect(await pageText(page)).not.toContain(SENTENCE);
  expect(await callThrough(harness, 'case.listOpen', {})).toEqual([]);
  // The choice is kept on this machine.
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByLabel('Lock when idle for')).toHaveValue('5');
});

test('Lock Parley is a command in the palette', async ({ app, harness, page }) => {
  const info = await createCaseFile(harness, 'palette-lock.parley', TITLE, { summary: SENTENCE });
  await page.evaluate((id) => (window.location.hash = `#/case/${id}/overview`), info.caseId);
  await page.reload();
  await expect(app.heading).toHaveText(TITLE);
  const palette = new Palette(page);
  await palette.open();
  await palette.field.fill('lock parley');
  const command = palette.group('Commands').getByRole('option', { name: /Lock Parley/ });
  await palette.moveTo(command);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Parley is locked' })).toBeVisible();
  expect(await pageText(page)).not.toContain(SENTENCE);
  expect(await callThrough(harness, 'case.listOpen', {})).toEqual([]);
});

test('text typed just before locking is saved, not lost with the closed case', async ({ app, harness, page }) => {
  const info = await createCaseFile(harness, 'typed.parley', TITLE);
  await callThrough(harness, 'deadline.create', { caseId: info.caseId, fields: { title: 'Written response', deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: '2027-01-15' } });
  await page.reload();
  await app.library.openCase(TITLE);
  await app.goToSection('Deadlines');
  const dl = new DeadlinesPage(page);
  await dl.open('Written response');
  // Typed and locked at once: the field is still waiting for the pause in typing that would save it.
  await dl.panelField('Notes').fill(SENTENCE);
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', { name: 'Parley is locked', level: 1 })).toBeVisible();
  expect(await callThrough(harness, 'case.listOpen', {})).toEqual([]);

  await page.getByRole('button', { name: 'Unlock' }).click();
  // Back where the user was: the case's Deadlines section.
  await expect(app.heading).toHaveText('Deadlines');
  await expect(page).toHaveURL(new RegExp(`#/case/${info.caseId}/deadlines$`));
  const [open] = await callThrough(harness, 'case.listOpen', {});
  const [stored] = await callThrough(harness, 'deadline.list', { caseId: open!.caseId });
  expect(stored!.notes).toBe(SENTENCE);
});
