// Every screen of the app, as one table that brings each up in turn on the sample case (plus a library entry whose
// file went missing): walked once per theme for axe (accessibility.spec.ts) and once per window size for layout
// (screen-sizes.spec.ts). Each entry brings its screen up from wherever the previous one left the app.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DeadlinesPage } from '../pages/deadlines-page.js';
import { MeetingsPage } from '../pages/meetings-page.js';
import { NegotiationPage, PrecedentsPage, WatchPage } from '../pages/negotiation-page.js';
import { Palette } from '../pages/palette.js';
import { AttachmentsPage } from '../pages/attachments-page.js';
import { pdfWithText } from '../../support/pdf-files.js';
import type { ParleyApp } from '../pages/parley-app.js';
import { createCaseFile } from './cases.js';
import { expect as baseExpect } from './fixtures.js';
import { callThrough, type Harness } from './harness.js';

const expect = baseExpect.configure({ timeout: 20_000 });

export interface Screen {
  name: string;
  /** Brings the screen up from wherever the previous one left the app, and waits until it is drawn. */
  show(app: ParleyApp, page: Page, harness: Harness): Promise<void>;
}

async function section(app: ParleyApp, label: string, heading: string): Promise<void> {
  await app.goToSection(label);
  await expect(app.heading).toHaveText(heading);
}

export async function openSample(app: ParleyApp, page: Page): Promise<void> {
  // Once open, the sample is the case in the sidebar (its link leads to #/case/...).
  const sidebarEntry = app.sidebar.locator('a[href^="#/case/"]').first();
  if (await sidebarEntry.count()) await sidebarEntry.click();
  else await page.getByRole('button', { name: 'Open the sample case' }).click();
  await expect(app.overview.saveSummary).toBeVisible();
}

export const SCREENS: Screen[] = [
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
    name: 'attachments',
    async show(app, page) {
      await section(app, 'Attachments', 'Attachments');
      const screen = new AttachmentsPage(page);
      // One file listed and open beside the table (the sample case has none of its own).
      if (!(await screen.table.count())) await screen.attach([{ name: 'Exhibit A.pdf', mimeType: 'application/pdf', buffer: pdfWithText({ pageText: () => 'The Bureau answered on scope.' }) }]);
      await expect(screen.row('Exhibit A.pdf')).toContainText('Text read');
      await screen.open('Exhibit A.pdf');
      await expect(screen.panel.root.getByRole('button', { name: 'Save a copy…' })).toBeVisible();
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
    name: 'recently-deleted',
    async show(app, page) {
      await page.keyboard.press('Escape'); // the merge dialog
      await section(app, 'Recently deleted', 'Recently deleted');
    },
  },
  {
    name: 'people',
    async show(app, page) {
      await section(app, 'People', 'People');
      await page.getByRole('table', { name: 'Our side', exact: true }).getByRole('row').nth(1).getByRole('button').click();
      await expect(page.getByRole('heading', { name: 'Where they appear' })).toBeVisible();
    },
  },
  {
    name: 'table-filtered',
    async show(app, page) {
      await section(app, 'Negotiation', 'Negotiation');
      const neg = new NegotiationPage(page);
      await neg.columnHeader('Priority').getByRole('button').click();
      await neg.filter('Status', 'Open');
      await expect(neg.filterBar.getByRole('status')).toHaveText(/^\d+ of \d+ shown$/);
    },
  },
  {
    name: 'settings',
    async show(_app, page) {
      await page.keyboard.press('Control+Comma');
      await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    },
  },
  {
    name: 'palette',
    async show(_app, page) {
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

/** The library as the table starts from it: the sample case open, and beside it an entry whose file went missing. */
export async function prepareEveryScreen(app: ParleyApp, page: Page, harness: Harness): Promise<void> {
  const gone = await createCaseFile(harness, 'gone.parley', 'Deleted order');
  await callThrough(harness, 'case.close', { caseId: gone.caseId });
  fs.rmSync(gone.path);
  await page.reload();
  await openSample(app, page);
}
