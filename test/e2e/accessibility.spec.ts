// Every screen, in both themes: no serious or critical axe violations (WCAG 2.1 A/AA and best practice, colour
// contrast included), and a screenshot of each for a person to look at. One table of screens, walked once per
// theme on the sample case (plus a library entry whose file went missing); every screen is checked even when an
// earlier one fails, and the test reports all the violations together.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { seriousViolations } from './pages/axe-check.js';
import { DeadlinesPage } from './pages/deadlines-page.js';
import { MeetingsPage } from './pages/meetings-page.js';
import { NegotiationPage, PrecedentsPage, WatchPage } from './pages/negotiation-page.js';
import { Palette } from './pages/palette.js';
import type { ParleyApp } from './pages/parley-app.js';
import { expect as baseExpect, test } from './support/fixtures.js';
import { callThrough, type Harness } from './support/harness.js';
import { createCaseFile } from './support/cases.js';

const expect = baseExpect.configure({ timeout: 20_000 });

interface Screen {
  name: string;
  /** Brings the screen up from wherever the previous one left the app, and waits until it is drawn. */
  show(app: ParleyApp, page: Page, harness: Harness): Promise<void>;
}

async function section(app: ParleyApp, label: string, heading: string): Promise<void> {
  await app.goToSection(label);
  await expect(app.heading).toHaveText(heading);
}

async function openSample(app: ParleyApp, page: Page): Promise<void> {
  // Once open, the sample is the case in the sidebar (its link leads to #/case/...).
  const sidebarEntry = app.sidebar.locator('a[href^="#/case/"]').first();
  if (await sidebarEntry.count()) await sidebarEntry.click();
  else await page.getByRole('button', { name: 'Open the sample case' }).click();
  await expect(app.overview.saveSummary).toBeVisible();
}

const SCREENS: Screen[] = [
  {
    name: 'library-dashboard',
    async show(app) {
      await app.library.show();
      await expect(app.library.row('gone.parley')).toBeVisible();
    },
  },
  {
    name: 'open-dialog',
    async show(app) {
      await app.library.startOpen();
      await expect(app.openDialog.dialog).toBeVisible();
    },
  },
  {
    name: 'problem-dialog',
    async show(app, _page, harness) {
      await app.openDialog.openByPath(path.join(harness.casesDir, 'no-such-file.parley'));
      await expect(app.problemDialog).toBeVisible();
    },
  },
  {
    name: 'new-case',
    async show(app) {
      await app.problemDialog.getByRole('button', { name: 'Close' }).click();
      await app.library.startNewCase();
      await app.newCase.submitWithEnter(); // with the refusal beside the title
      await expect(app.newCase.errorOf('Title')).toBeVisible();
    },
  },
  { name: 'overview', show: (app, page) => openSample(app, page) },
  {
    name: 'history-panel',
    async show(_app, page) {
      await page.getByText('History of the directive').click();
      await expect(page.locator('.history-disclosure li').first()).toBeVisible();
    },
  },
  {
    name: 'deadlines-list',
    async show(app, page) {
      await section(app, 'Deadlines', 'Deadlines');
      await expect(new DeadlinesPage(page).list.getByRole('listitem').first()).toBeVisible();
    },
  },
  {
    name: 'deadlines-calendar',
    async show(_app, page) {
      const deadlines = new DeadlinesPage(page);
      await deadlines.showView('Month calendar');
      await expect(deadlines.calendar).toBeVisible();
    },
  },
  {
    name: 'meetings-list',
    async show(app, page) {
      await page.evaluate(() => sessionStorage.clear()); // no meeting remembered as opened
      await section(app, 'Meetings', 'Meetings');
      await expect(new MeetingsPage(page).list.getByRole('option').first()).toBeVisible();
    },
  },
  {
    name: 'meeting',
    async show(_app, page) {
      const meetings = new MeetingsPage(page);
      await meetings.open(/First meeting/);
      await expect(meetings.notes.getByRole('listitem').first()).toBeVisible();
    },
  },
  {
    name: 'negotiation',
    async show(app, page) {
      await section(app, 'Negotiation', 'Negotiation');
      const neg = new NegotiationPage(page);
      await neg.table.getByRole('row').nth(1).getByRole('button').click();
      await expect(neg.history).toBeVisible();
    },
  },
  {
    name: 'precedents',
    async show(app, page) {
      await section(app, 'Precedents', 'Precedents');
      const pre = new PrecedentsPage(page);
      await pre.table.getByRole('row').nth(1).getByRole('button').click();
      await expect(pre.panel.links).toBeVisible();
    },
  },
  {
    name: 'watch',
    async show(app, page) {
      await section(app, 'Watch list', 'Watch list');
      const watch = new WatchPage(page);
      await watch.table.getByRole('row').nth(1).getByRole('button').click();
      await expect(watch.panel.links).toBeVisible();
    },
  },
  {
    name: 'drafts',
    async show(app, page) {
      await section(app, 'Drafts', 'Drafts');
      await expect(page.getByRole('table', { name: 'Drafts of this case' })).toBeVisible();
    },
  },
  {
    name: 'timeline',
    async show(app, page) {
      await section(app, 'Timeline', 'Timeline');
      await expect(page.locator('.timeline-entry').first()).toBeVisible();
    },
  },
  {
    name: 'conflicts',
    async show(app, page) {
      await section(app, 'Conflicts', 'Conflicts');
      await expect(page.getByText('No conflicts.')).toBeVisible();
    },
  },
  {
    name: 'merge-dialog',
    async show(_app, page) {
      await page.getByRole('button', { name: 'Merge a copy…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Merge a copy of this case' });
      await expect(dialog.getByText('Copies in the case folder', { exact: true })).toBeVisible();
    },
  },
  {
    name: 'palette',
    async show(_app, page) {
      await page.keyboard.press('Escape'); // the merge dialog
      await expect(page.getByRole('dialog', { name: 'Merge a copy of this case' })).toBeHidden();
      const palette = new Palette(page);
      await palette.open();
      await palette.search('tier');
      await page.keyboard.press('ArrowDown');
    },
  },
  {
    name: 'shortcut-sheet',
    async show(_app, page) {
      const palette = new Palette(page);
      await page.keyboard.press('Escape');
      await expect(palette.dialog).toBeHidden();
      await page.locator('main').focus();
      await page.keyboard.press('?');
      await expect(palette.sheet).toBeVisible();
    },
  },
];

for (const theme of ['Light', 'Dark'] as const) {
  test(`every screen passes axe in the ${theme.toLowerCase()} theme`, async ({ app, harness, page }) => {
    test.setTimeout(400_000);
    const name = theme.toLowerCase();
    // A library with a case whose file went missing, beside the sample.
    const gone = await createCaseFile(harness, 'gone.parley', 'Deleted order');
    await callThrough(harness, 'case.close', { caseId: gone.caseId });
    fs.rmSync(gone.path);
    await page.reload();
    await openSample(app, page);
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
