// Every screen built so far, in both themes: no serious or critical axe violations (WCAG 2.1 A/AA rules, colour
// contrast included), and a screenshot of each for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { ParleyApp } from './pages/parley-app.js';
import { expect, test } from './support/fixtures.js';
import { callThrough } from './support/harness.js';
import { createCaseFile } from './support/cases.js';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(serious, `axe on ${screen}`).toEqual([]);
}

async function check(app: ParleyApp, screen: string, theme: string): Promise<void> {
  await expectNoSeriousViolations(app.page, screen);
  await app.screenshot(`${screen}-${theme}`);
}

for (const theme of ['Light', 'Dark'] as const) {
  test(`every screen passes axe in the ${theme.toLowerCase()} theme`, async ({ app, harness, page }) => {
    test.setTimeout(120_000);
    const name = theme.toLowerCase();
    // A library with a real case, one that went missing, and the sample.
    const gone = await createCaseFile(harness, 'gone.parley', 'Deleted order');
    await callThrough(harness, 'case.close', { caseId: gone.caseId });
    fs.rmSync(gone.path);
    await page.getByRole('button', { name: 'Open the sample case' }).click();
    await expect(app.overview.saveSummary).toBeVisible({ timeout: 20_000 });
    await app.setTheme(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', name);

    await check(app, 'overview', name);
    await app.goToSection('Negotiation');
    await check(app, 'section', name);

    await app.library.show();
    await expect(app.library.row('gone.parley')).toBeVisible();
    await check(app, 'library', name);

    await app.library.startOpen();
    await expect(app.openDialog.dialog).toBeVisible();
    await check(app, 'open-dialog', name);
    await app.openDialog.openByPath(path.join(harness.casesDir, 'no-such-file.parley'));
    await expect(app.problemDialog).toBeVisible();
    await check(app, 'problem-dialog', name);
    await app.problemDialog.getByRole('button', { name: 'Close' }).click();

    await app.library.startNewCase();
    await app.newCase.submitWithEnter();
    await expect(app.newCase.errorOf('Title')).toBeVisible();
    await check(app, 'new-case', name);
  });
}

test('the system theme follows the browser\'s colour-scheme preference, and the choice is remembered', async ({ app, page }) => {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await background();
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await background();
  expect(dark).not.toBe(light);
  await app.setTheme('Dark');
  expect(await background()).toBe(dark);
  await page.reload();
  await expect(page.getByRole('group', { name: 'Theme' }).getByLabel('Dark')).toBeChecked();
  expect(await background()).toBe(dark);
});

test('the whole library is reachable with the keyboard, and focus is visible', async ({ app, page }) => {
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'New case' })).toBeFocused();
  const outline = await page.getByRole('button', { name: 'New case' }).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(app.newCase.heading).toBeVisible();
  await expect(app.newCase.heading).toBeFocused();
});
