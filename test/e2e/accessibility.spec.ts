// Every screen, in both themes: no serious or critical axe violations (WCAG 2.1 A/AA and best practice, colour
// contrast included), and a screenshot of each for a person to look at. The table of screens (support/every-screen.ts)
// is walked once per theme; every screen is checked even when an earlier one fails, and the test reports all the
// violations together.
import { seriousViolations } from './pages/axe-check.js';
import { prepareEveryScreen, SCREENS } from './support/every-screen.js';
import { expect as baseExpect, test } from './support/fixtures.js';

const expect = baseExpect.configure({ timeout: 20_000 });

for (const theme of ['Light', 'Dark'] as const) {
  test(`every screen passes axe in the ${theme.toLowerCase()} theme`, async ({ app, harness, page }) => {
    test.setTimeout(400_000);
    const name = theme.toLowerCase();
    // A library with a case whose file went missing, beside the sample.
    await prepareEveryScreen(app, page, harness);
    await app.setTheme(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', name);

    const found: string[] = [];
    for (const screen of SCREENS) {
      await test.step(screen.name, async () => {
        await screen.show(app, page, harness);
        found.push(...(await seriousViolations(page)).map((v) => `${screen.name}: ${v}`));
        await app.screenshot(`axe-${screen.name}-${name}`);
      });
    }
    expect(found, `axe, ${name} theme`).toEqual([]);
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
