// Keyboard shortcuts: Alt+1…8 for the sections of the case on screen, G then L / N for the library and a new case,
// ? for the sheet that lists them all, Ctrl+K for the palette; single keys are left alone while the user types.
import { Palette } from './pages/palette.js';
import { expect, test } from './support/fixtures.js';

// The sample case is large and the machines that run this are slow: give each test room.
test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ app, page }) => {
  await page.getByRole('button', { name: 'Open the sample case' }).click();
  await expect(app.overview.saveSummary).toBeVisible({ timeout: 20_000 });
});

const current = (app: { sidebar: import('@playwright/test').Locator }, name: string) =>
  expect(app.sidebar.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');

test('Alt+digit reaches each section of the case (Alt+0 the tenth), and G then L / G then N the library and a new case', async ({ app, page }) => {
  const sections = ['Overview', 'Deadlines', 'Meetings', 'Negotiation', 'Precedents', 'Watch list', 'Drafts', 'Timeline'];
  await page.locator('main').focus();
  for (const [i, name] of sections.entries()) {
    if (i === 0) continue;
    await page.keyboard.press(`Alt+${i + 1}`);
    await current(app, name);
  }
  await page.keyboard.press('Alt+0'); // the tenth section
  await current(app, 'Attachments');
  await page.keyboard.press('Alt+1');
  await current(app, 'Overview');

  // Typing in a field is typing: no shortcut fires.
  await app.overview.field('Reference number').fill('');
  await app.overview.field('Reference number').pressSequentially('g?l');
  await expect(app.overview.field('Reference number')).toHaveValue('g?l');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await current(app, 'Overview');
  // ...except Ctrl+K, which opens the palette from anywhere.
  const palette = new Palette(page);
  await palette.open();
  await page.keyboard.press('Escape');
  await expect(app.overview.field('Reference number')).toBeFocused();

  await page.locator('main').focus();
  await page.keyboard.press('g');
  await page.keyboard.press('l');
  await expect(app.library.heading).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('n');
  await expect(app.newCase.heading).toBeVisible();
});

test('? opens the shortcut sheet, which lists the shortcuts; Escape closes it and the keys work again', async ({ app, page }) => {
  const palette = new Palette(page);
  await page.locator('main').focus();
  await page.keyboard.press('?');
  await expect(palette.sheet).toBeVisible();
  await expect(palette.sheet).toContainText('Go to Meetings');
  await expect(palette.sheet).toContainText('Search this case and all cases');
  await expect(palette.sheet.getByText('then').first()).toBeVisible();
  await app.screenshot('shortcut-sheet');
  await page.keyboard.press('Escape');
  await expect(palette.sheet).toBeHidden();
  // While the sheet is open the keys belong to it; after, they work again.
  await page.keyboard.press('Alt+3');
  await current(app, 'Meetings');
});
