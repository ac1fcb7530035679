// Printing: Ctrl+P, the palette and a draft's Print button ready the view on screen for paper. Read back from the PDF
// Chromium makes of the print media: every row of a long virtualized list, each cell's text whole, nothing typed in
// a form nor any button, and the case's confidentiality marking (chosen beside a draft's Export buttons) on the pages
// and in the exported PDF.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DeadlinesPage } from './pages/deadlines-page.js';
import { DraftsPage } from './pages/drafts-page.js';
import { MeetingsPage } from './pages/meetings-page.js';
import { Palette } from './pages/palette.js';
import { guidePage, Printing, readPdf } from './pages/printing.js';
import { expect as baseExpect, test } from './support/fixtures.js';
import { callThrough } from './support/harness.js';
import { createCaseFile, isoDaysFromToday, ORDER_TITLE } from './support/cases.js';
import { SCREENSHOT_DIR } from './support/paths.js';

// The machine running the suite is shared and slow: give each step room.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 240_000 });

const DEADLINES = 140;
const titleOf = (n: number) => `Filing step ${String(n).padStart(3, '0')}`;
// Longer than a row's two lines on screen, which end it with an ellipsis.
const LONG_TITLE =
  'Serve the written objection to the scope of the order on the Bureau, with the declaration of the chief compliance officer, the list of affected research staff by visa category, and the proposed tiered-access term sheet annexed as Exhibit C zebra-end';
const PRIVILEGED = 'PRIVILEGED & CONFIDENTIAL - ATTORNEY WORK PRODUCT';

test('a long deadline list prints every row whole, without the form being filled or any button, under the privileged marking', async ({ app, harness, page }) => {
  const info = await createCaseFile(harness, 'order.parley');
  await callThrough(harness, 'deadline.create', { caseId: info.caseId, fields: { title: LONG_TITLE, deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: isoDaysFromToday(2) } });
  for (let n = 1; n <= DEADLINES; n++) {
    await callThrough(harness, 'deadline.create', { caseId: info.caseId, fields: { title: titleOf(n), deadlineKind: 'internal', status: 'open', dueType: 'date', dueDate: isoDaysFromToday(10 + n) } });
  }
  await page.reload();
  await app.library.openCase(ORDER_TITLE);
  await app.goToSection('Deadlines');
  const dl = new DeadlinesPage(page);
  await expect(dl.row(titleOf(1))).toBeVisible();
  // On screen the list is virtualized: the last rows are not drawn.
  await expect(dl.row(titleOf(DEADLINES))).toHaveCount(0);
  const drawn = await page.locator('.deadline-row').count();
  expect(drawn).toBeLessThan(DEADLINES);

  // Something half typed in the add form is not the case's: it is not printed.
  await dl.startAdding();
  await dl.formField('Title').fill('Half typed and never saved');

  const printing = new Printing(page);
  await printing.recordPrints();
  await page.keyboard.press('Control+P');
  await printing.expectPrinted(1);
  await expect(page.locator('.deadline-row')).toHaveCount(DEADLINES + 1);

  const paper = await printing.paper('print-deadlines');
  for (let n = 1; n <= DEADLINES; n++) expect(paper.flat, titleOf(n)).toContain(titleOf(n));
  expect(paper.flat).toContain(LONG_TITLE);
  expect(paper.flat).not.toContain('…');
  expect(paper.flat).not.toContain('Half typed');
  for (const button of ['Add deadline', 'Export calendar', 'Calendar', 'Save deadline', 'Cancel']) expect(paper.flat, button).not.toContain(button);
  // Every page carries the marking at its head, the case title and its page number.
  expect(paper.pages).toBeGreaterThan(2);
  expect(paper.flat.split(PRIVILEGED).length - 1).toBe(paper.pages);
  expect(paper.flat).toContain(`Page ${paper.pages} of ${paper.pages}`);
  expect(paper.flat).toContain('Deadlines ·');

  // The print dialog closes: the list is virtualized again and the form is as the user left it.
  await printing.finish();
  await expect.poll(() => page.locator('.deadline-row').count()).toBeLessThan(DEADLINES);
  await expect(dl.formField('Title')).toHaveValue('Half typed and never saved');
});

test('a marking chosen beside a draft is on its printed and exported pages, and on the case\'s printed tables', async ({ app, harness, page }) => {
  const MARKING = 'Counsel Eyes Only Ref 7741';
  await page.getByRole('button', { name: 'Open the sample case' }).click();
  await expect(app.overview.saveSummary).toBeVisible({ timeout: 30_000 });
  const [info] = await callThrough(harness, 'case.listOpen', {});
  const issues = await callThrough(harness, 'issue.list', { caseId: info!.caseId });
  const issue = issues[0]!;
  const LONG_POSITION =
    'The Bureau reads foreign national to include every lawful permanent resident, every dual citizen employed abroad, contractors on temporary assignment, and visiting researchers whose access lasts less than thirty days, which reaches four hundred of our staff quokka-end';
  await callThrough(harness, 'issue.update', { caseId: info!.caseId, id: issue.id, changes: { theirPosition: LONG_POSITION } });

  await app.goToSection('Drafts');
  const drafts = new DraftsPage(page);
  await expect(drafts.table).toBeVisible({ timeout: 30_000 });
  await drafts.prepareBrief('Second meeting', 'Internal');

  // Until chosen, an internal draft carries the privileged marking; the choice is the case's.
  const marking = page.getByRole('group', { name: 'Marking' });
  await expect(marking.getByRole('combobox')).toHaveValue('Privileged & Confidential - Attorney Work Product');
  await marking.getByRole('combobox').selectOption({ label: 'Other…' });
  await marking.getByRole('textbox', { name: 'Marking text' }).fill(MARKING);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'print-marking-choice.png') });

  // Exported as PDF, the file carries it.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as PDF' }).click();
  const file = await (await download).path();
  const exported = readPdf(file);
  expect(exported.flat.toUpperCase()).toContain(MARKING.toUpperCase());
  fs.rmSync(file, { force: true });
  // And as Word: the marking is in the page header the document's XML gives every page.
  const wordDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as Word' }).click();
  const word = await (await wordDownload).path();
  const headers = execFileSync('/usr/bin/unzip', ['-p', word, 'word/header*.xml'], { encoding: 'utf8' });
  expect(headers).toContain(MARKING);
  expect(headers).not.toContain('Privileged');
  fs.rmSync(word, { force: true });

  // Printed from its Print button: the brief's text and the marking, not the toolbar, the actions or the revisions.
  const printing = new Printing(page);
  await printing.recordPrints();
  await page.getByRole('button', { name: 'Print…' }).click();
  await printing.expectPrinted(1);
  const brief = await printing.paper('print-draft');
  expect(brief.flat).toContain(MARKING.toUpperCase());
  expect(brief.flat).not.toContain(PRIVILEGED);
  expect(brief.flat).toContain('Meeting brief: Second meeting: tiered-access proposal Directive:');
  expect(brief.flat).not.toContain('Brief: Second meeting');
  for (const notPrinted of ['Regenerate section', 'Revisions', 'All drafts', 'Markdown', 'No marking', 'Print…', 'Compare side by side']) expect(brief.flat, notPrinted).not.toContain(notPrinted);
  await printing.finish();

  // The issues table, printed from the palette: the long cell whole (the screen shows three lines), and the marking.
  await app.goToSection('Negotiation');
  await expect(page.getByText(LONG_POSITION.slice(0, 40))).toBeVisible();
  await page.locator('#new-issue-title').fill('An issue typed but not added');
  const palette = new Palette(page);
  await palette.open();
  await palette.field.fill('Print');
  await palette.dialog.getByRole('option', { name: /Print this view/ }).click();
  await printing.expectPrinted(2);
  const table = await printing.paper('print-issues');
  expect(table.flat).toContain(LONG_POSITION);
  expect(table.flat).toContain(MARKING.toUpperCase());
  // Every issue, titles whole (a narrow column may end a line after a title's hyphen: "Allied-" / "nation").
  for (const { title } of issues) expect(table.flat.replace(/(\w)- (\w)/g, '$1-$2'), title).toContain(title);
  expect(table.flat).not.toContain('An issue typed but not added');
  expect(table.flat).not.toContain('Add issue');
  await printing.finish();
});

const SAMPLE_TITLE = 'Order to suspend foreign-national access to the Atlas-5 model family';
// Each section of the sample case, printed with Ctrl+P: what it holds, under the marking, and none of its controls.
const SECTIONS: { section: string; open?: (page: import('@playwright/test').Page) => Promise<void>; holds: string[]; controls: string[] }[] = [
  { section: 'Overview', holds: [SAMPLE_TITLE, 'Recent changes'], controls: ['Save a copy'] },
  { section: 'Deadlines', holds: ['Last day to ask the Bureau to reconsider the order', 'Suspension of foreign-national access takes effect'], controls: ['Add deadline'] },
  {
    section: 'Meetings',
    open: (page) => new MeetingsPage(page).open(/First meeting with the Bureau/),
    holds: ['Second meeting: tiered-access proposal', 'Draft the allied-country list with the reasons for each country'],
    controls: ['Log a meeting', 'Add action item', 'Add attendee'],
  },
  { section: 'Negotiation', holds: ['Tiered access by model capability', 'Comply under protest'], controls: ['Add issue'] },
  { section: 'Precedents', holds: ['Interim rule on advanced computing thresholds', 'Halden Robotics, Inc. v. Bureau of Industry Controls'], controls: ['Add precedent'] },
  { section: 'Watch list', holds: ['A carve-out framework adopted by other labs', 'The Bureau sets a suspension date'], controls: ['Add to watch list'] },
  { section: 'Drafts', holds: ['Brief for the second meeting with the Bureau'], controls: ['Prepare brief…', 'New draft…'] },
  { section: 'Timeline', holds: ['Suspension order issued', 'Senator Marsh introduces a bill to codify the suspension authority', 'Last day to ask the Bureau to reconsider the order'], controls: [] },
];

test('every section of the sample case prints what it holds, under the marking, without its controls', async ({ app, page }) => {
  test.setTimeout(400_000);
  await page.getByRole('button', { name: 'Open the sample case' }).click();
  await expect(app.overview.saveSummary).toBeVisible({ timeout: 30_000 });
  const printing = new Printing(page);
  await printing.recordPrints();
  let printed = 0;
  for (const { section, open, holds, controls } of SECTIONS) {
    await app.goToSection(section);
    await expect(app.heading).toHaveText(section === 'Overview' ? SAMPLE_TITLE : section);
    await open?.(page);
    if (holds[0]) await expect(page.getByText(holds[0]).first()).toBeVisible();
    await page.locator('#main').focus();
    await page.keyboard.press('Control+P');
    await printing.expectPrinted(++printed);
    const paper = await printing.paper(`print-section-${section.toLowerCase().replace(/\W+/g, '-')}`);
    expect(paper.flat.split(PRIVILEGED).length - 1, `${section}: the marking on every page`).toBe(paper.pages);
    expect(paper.flat, section).toContain(`${section} ·`);
    for (const text of holds) expect(paper.flat, `${section}: ${text}`).toContain(text);
    for (const text of controls) expect(paper.flat, `${section}: ${text}`).not.toContain(text);
    expect(paper.flat, `${section}: no ellipsis`).not.toContain('…');
    if (section === 'Deadlines') guidePage(paper.pdf, 'printed-deadlines');
    await printing.finish();
  }
});
