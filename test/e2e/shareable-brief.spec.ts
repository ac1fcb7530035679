// The shareable brief as a user prepares it: a preview before anything is written (its sections with boxes to leave
// one out, the warnings about shareable texts that quote internal ones, the choices it follows), a section left out
// and the brief exported as a PDF read back with pdftotext; Escape cancels and Enter confirms; and a field marked
// shareable from a watch item's panel, seen in the panel, the preview and the brief; a warning opens its record.
import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { DraftsPage } from './pages/drafts-page.js';
import { WatchPage } from './pages/negotiation-page.js';
import type { ParleyApp } from './pages/parley-app.js';
import { expect, test } from './support/fixtures.js';
import { callThrough, type Harness } from './support/harness.js';

const SECOND_MEETING = 'Second meeting: tiered-access proposal';
const WATCH_ITEM = 'A carve-out framework adopted by other labs';
const squeezed = (s: string) => s.replace(/\s+/g, '');

test.describe.configure({ timeout: 300_000 });

async function openSample(app: ParleyApp, page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Open the sample case' }).click();
  await expect(app.overview.saveSummary).toBeVisible({ timeout: 30_000 });
  const caseId = decodeURIComponent(/#\/case\/([^/]+)/.exec(page.url())![1]!);
  return caseId;
}

async function goToDrafts(app: ParleyApp, page: Page): Promise<DraftsPage> {
  await app.goToSection('Drafts');
  const drafts = new DraftsPage(page);
  await expect(drafts.table).toBeVisible({ timeout: 30_000 });
  return drafts;
}

async function expectAxeClean(page: Page, where: string, within = 'dialog[open]'): Promise<void> {
  const results = await new AxeBuilder({ page }).include(within).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(serious, `axe on ${where}`).toEqual([]);
}

/** The text of a downloaded PDF as pdftotext reads it. */
async function pdfText(page: Page, click: () => Promise<void>): Promise<string> {
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', (await file.path())!, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** The sample's internal texts to look for (issues' targets and walk-aways, watch items' implications), as the core holds them. */
async function internalTextsOf(harness: Harness, caseId: string): Promise<{ texts: string[]; shared: string[]; ids: string[] }> {
  const issues = await callThrough(harness, 'issue.list', { caseId });
  const watch = await callThrough(harness, 'watchItem.list', { caseId });
  const shared = issues.flatMap((i) => [i.title, i.ourOpening, i.theirPosition, i.description]).filter((t): t is string => typeof t === 'string');
  const internal = [...issues.flatMap((i) => [i.ourTarget, i.ourWalkaway]), ...watch.map((w) => w.implications)]
    .filter((t): t is string => typeof t === 'string' && t.length >= 16)
    // A text a shareable field repeats whole is the team's own doing: the preview warns of it; it is not a leak.
    .filter((t) => !shared.some((s) => squeezed(s).includes(squeezed(t))));
  return { texts: internal, shared, ids: [...issues.map((i) => i.id), ...watch.map((w) => w.id)] };
}

const sectionBox = (preview: Locator, title: string) => preview.getByRole('group', { name: 'Sections' }).getByRole('checkbox', { name: title, exact: true });

test('the preview lists sections and warnings; a section left out is gone from the PDF, with no internal text', async ({ app, page, harness }) => {
  const caseId = await openSample(app, page);
  const drafts = await goToDrafts(app, page);

  // Escape leaves the preview without writing anything.
  let preview = await drafts.previewShareable(SECOND_MEETING);
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  await expect(drafts.table.getByRole('row').filter({ hasText: '(shareable)' })).toHaveCount(0);

  preview = await drafts.previewShareable(SECOND_MEETING);
  // Sections: the BATNA and the questions are the team's alone and cannot be ticked; the rest are in.
  await expect(sectionBox(preview, 'Alternatives to agreement (BATNA)')).toBeDisabled();
  await expect(sectionBox(preview, 'Questions to ask')).not.toBeChecked();
  await expect(sectionBox(preview, 'Watch items')).toBeChecked();
  await expect(preview.getByText('Kept out: Our target of 6 issues; Our walk-away of 6 issues.')).toBeVisible();
  // Warnings name the record and field, what they repeat, and open the record.
  const warnings = preview.getByRole('list', { name: 'Texts to check' });
  const visaWarning = warnings.getByRole('listitem').filter({ hasText: 'Their stated position of the issue “Who counts as a foreign national”' });
  await expect(visaWarning).toContainText('Repeats our walk-away of the issue “Who counts as a foreign national”, which is internal.');
  await expect(visaWarning.getByRole('button', { name: 'Open the issue “Who counts as a foreign national” at Their stated position' })).toBeVisible();
  await expect(preview.getByRole('heading', { name: /^Check before sharing \(\d+\)$/ })).toBeVisible();
  await expect(preview.getByText('Nobody has marked a record or a field by hand')).toBeVisible();
  await expectAxeClean(page, 'the shareable preview');
  await app.screenshot('shareable-preview');
  await app.guideScreenshot('shareable-preview');

  // Leave out the watch items, from the keyboard.
  await sectionBox(preview, 'Watch items').focus();
  await page.keyboard.press('Space');
  await expect(sectionBox(preview, 'Watch items')).not.toBeChecked();
  await expect(preview.locator('.share-preview__section--out', { hasText: 'Watch items' })).toContainText('Left out, with:');
  await expect(preview.getByRole('button', { name: 'Create shareable brief' })).toBeEnabled({ timeout: 30_000 });

  const text = await pdfText(page, () => preview.getByRole('button', { name: 'Export as PDF' }).click());
  await expect(preview.getByRole('status')).toContainText('Exported as PDF');
  const seen = squeezed(text);
  const { texts, shared, ids } = await internalTextsOf(harness, caseId);
  expect(texts.length).toBeGreaterThanOrEqual(8);
  // What the brief should carry is read back (so the checks below can fail)...
  expect(seen).toContain(squeezed('Attendees and roles'));
  expect(shared.filter((t) => seen.includes(squeezed(t))).length).toBeGreaterThanOrEqual(6);
  // ...and what it must not: the section left out, the team's sections, internal texts, ids and addresses.
  expect(seen).not.toContain(squeezed('Watch items'));
  expect(seen).not.toContain(squeezed(WATCH_ITEM));
  for (const word of ['Walk-away', 'BATNA', 'Questions to ask']) expect(seen, word).not.toContain(squeezed(word));
  expect(texts.filter((t) => seen.includes(squeezed(t)))).toEqual([]);
  expect(ids.filter((id) => text.includes(id))).toEqual([]);
  expect(text.toLowerCase()).not.toContain('parley:');

  // Enter on a section's box confirms: the draft is made with the section left out.
  await sectionBox(preview, 'Preparation notes').focus();
  await page.keyboard.press('Enter');
  await expect(drafts.editor).toBeVisible({ timeout: 30_000 });
  await expect(drafts.title).toHaveText(`Brief: ${SECOND_MEETING} (shareable)`);
  await expect(drafts.editor.getByRole('heading', { name: 'Preparation notes' })).toBeVisible();
  await expect(drafts.editor.getByRole('heading', { name: 'Watch items' })).toHaveCount(0);
  await expect(drafts.revision(1)).toContainText('Prepared from the case (shareable, without one section)');
});

test('a field marked shareable in its panel shows there, in the preview and in the brief', async ({ app, page, harness }) => {
  const caseId = await openSample(app, page);
  const implications = (await callThrough(harness, 'watchItem.list', { caseId })).find((w) => w.title === WATCH_ITEM)!.implications!;
  expect(implications.length).toBeGreaterThan(16);

  await app.goToSection('Watch list');
  const watch = new WatchPage(page);
  await expect(watch.table).toBeVisible({ timeout: 30_000 });
  const panel = await watch.open(WATCH_ITEM);
  const mark = (label: string) => panel.fieldBlock(label).locator('.sharing-mark');
  await expect(mark('Implications for our positions')).toHaveText('Internal');
  await expect(mark('Description')).toHaveText('Shareable');
  const sharing = panel.root.getByRole('region', { name: 'Who may see it' });
  await expect(sharing).toContainText('A shareable brief may carry this watch item');
  await sharing.getByText('Each field').click();
  const choice = sharing.getByRole('combobox', { name: 'Who may see Implications for our positions' });
  await expect(choice).toHaveValue('default');
  await choice.selectOption({ label: 'Shareable' });
  await expect(mark('Implications for our positions')).toHaveText('Shareable · by choice');
  await expect(sharing.getByText('Each field (1 chosen by hand)')).toBeVisible();
  await sharing.scrollIntoViewIfNeeded();
  await expectAxeClean(page, 'the watch item panel with its field choices open', 'aside.records__detail');
  await app.screenshot('shareable-panel-marking');
  await app.guideScreenshot('shareable-panel-marking');
  // The core recorded it, with who chose.
  const choices = await callThrough(harness, 'sharing.list', { caseId });
  expect(choices).toEqual([expect.objectContaining({ kind: 'watchItem', field: 'implications', level: 'shareable', title: WATCH_ITEM })]);

  const drafts = await goToDrafts(app, page);
  const preview = await drafts.previewShareable(SECOND_MEETING);
  await expect(preview.locator('.share-preview__choices')).toContainText(`Shared: What it would change of the watch item “${WATCH_ITEM}”`);
  await expect(preview.locator('.share-preview__section', { hasText: 'Watch items' })).toContainText('What it would change of 2 watch items');
  await preview.getByRole('button', { name: 'Create shareable brief' }).click();
  await expect(drafts.editor).toBeVisible({ timeout: 30_000 });
  await expect(drafts.editor).toContainText(implications);

  // Back to the default: the next preview keeps it out again.
  await app.goToSection('Watch list');
  const again = await watch.open(WATCH_ITEM);
  const section = again.root.getByRole('region', { name: 'Who may see it' });
  await section.getByText('Each field').click();
  await section.getByRole('combobox', { name: 'Who may see Implications for our positions' }).selectOption('default');
  await expect(again.fieldBlock('Implications for our positions').locator('.sharing-mark')).toHaveText('Internal');
  await goToDrafts(app, page);
  const after = await drafts.previewShareable(SECOND_MEETING);
  await expect(after.locator('.share-preview__section', { hasText: 'Watch items' })).toContainText('What it would change of 3 watch items');

  // A warning opens the record it is about, to reword it.
  await after.getByRole('button', { name: 'Open the issue “Who counts as a foreign national” at Their stated position' }).click();
  await expect(after).toBeHidden();
  await expect(page).toHaveURL(/\/negotiation\/[^/]+$/);
  await expect(page.getByRole('complementary', { name: /Who counts as a foreign national/ })).toBeVisible({ timeout: 30_000 });
});
