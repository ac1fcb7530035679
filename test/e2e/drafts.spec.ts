// The drafts screen: a meeting brief prepared from the case, edited with save-as-you-go (each pause in typing saved
// as the draft's working text, a revision when the writer leaves it), two revisions compared side by side, a section
// rebuilt from the case, and the draft exported as a PDF.
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test as pure, type Page } from '@playwright/test';
import { diffSummary, diffWords } from '../../renderer/screens/drafts/diff.js';
import { documentFromMarkdown } from '../../shared/documents/markdown-import.js';
import { documentText } from '../../shared/documents/index.js';
import { parseDocument, type DocumentNode } from '../../shared/documents/model.js';
import { openSampleDrafts } from './pages/drafts-page.js';
import { expect, test } from './support/fixtures.js';
import { callThrough } from './support/harness.js';

const SECOND_MEETING = 'Second meeting: tiered-access proposal';
const ADDED = 'Counsel to table the tiered-access term sheet first.';
const CITATION = 'Bernstein v. U.S. Dep’t of Justice, 176 F.3d 1132 (9th Cir. 1999).';

// The text of a long brief (thousands of nodes) is the user's document and makes axe slow on this machine: the
// editor's and the comparison's text are left out; the toolbar, the controls and the screen around them are checked.
async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).exclude('.draft-editor__content').exclude('.compare__text').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(serious, `axe on ${screen}`).toEqual([]);
}

// Everything here opens the sample case and waits on the core: the shared test machine is slow.
test.describe.configure({ timeout: 240_000 });

// The diff and the Markdown reader are pure: no browser needed.
pure('the word diff marks what was removed and added, and keeps every character', () => {
  const parts = diffWords('The Bureau will consider an exemption list.\nNext line.', 'The Bureau may consider an allied exemption list.\nNext line.');
  expect(parts.filter((p) => p.op !== 'added').map((p) => p.text).join('')).toBe('The Bureau will consider an exemption list.\nNext line.');
  expect(parts.filter((p) => p.op !== 'removed').map((p) => p.text).join('')).toBe('The Bureau may consider an allied exemption list.\nNext line.');
  expect(parts.filter((p) => p.op === 'removed').map((p) => p.text.trim())).toEqual(['will']);
  expect(parts.filter((p) => p.op === 'added').map((p) => p.text.trim())).toEqual(['may', 'allied']);
  expect(diffSummary(parts)).toEqual({ removed: 1, added: 2 });
  expect(diffWords('same', 'same')).toEqual([{ op: 'same', text: 'same' }]);
  expect(diffWords('', 'new words')).toEqual([{ op: 'added', text: 'new words' }]);
});

pure('Markdown from older drafts converts to a valid editor document', () => {
  const doc = documentFromMarkdown('# Brief\n\nSome **bold** and *italic* text with [a link](https://example.org).\n\n- one\n- two\n\n1. first\n\n> quoted\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n---\n');
  const parsed = parseDocument(doc);
  expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  expect(doc.content.map((b) => b.type)).toEqual(['heading', 'paragraph', 'bulletList', 'orderedList', 'blockquote', 'table', 'horizontalRule']);
});

test('prepare a brief, edit a section, compare two revisions, regenerate a section and export a PDF', async ({ app, harness, page }) => {
  const drafts = await openSampleDrafts(app, page);
  await expect(drafts.row('Brief for the second meeting with the Bureau')).toContainText('Meeting brief');
  await expect(drafts.row('Brief for the second meeting with the Bureau').getByRole('cell').nth(2)).toHaveText('2');
  await app.screenshot('drafts-list');

  await drafts.prepareBrief(SECOND_MEETING, 'Internal');
  await expect(drafts.title).toHaveText(`Brief: ${SECOND_MEETING}`);
  await expect(drafts.editor.getByRole('heading', { name: 'Purpose and desired outcome' })).toBeVisible();
  await expect(drafts.editor.getByRole('heading', { name: /BATNA/ })).toBeVisible();
  await expect(drafts.revision(1)).toContainText('Prepared from the case (internal)');

  // Edit the purpose section: a new paragraph under its heading.
  await drafts.editor.getByRole('heading', { name: 'Purpose and desired outcome' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  // Typed in two spells, a pause of a few seconds between them (each saved): far shorter than a pause in writing.
  const [firstSpell, secondSpell] = [ADDED.slice(0, 20), ADDED.slice(20)];
  await page.keyboard.type(firstSpell);
  await expect(drafts.saveSummary).toHaveText('All changes saved', { timeout: 10_000 });
  await page.waitForTimeout(3_000);
  await page.keyboard.type(secondSpell);
  await expect(drafts.saveSummary).toHaveText('All changes saved', { timeout: 10_000 });

  // Bold through the keyboard shortcut, seen in the toolbar.
  // Shift+Home selects to the start of the visual line, which may be only part of a wrapped paragraph.
  await drafts.extendSelection('Shift+Home', 'first.');
  await page.keyboard.press('Control+b');
  await expect(drafts.toolbar.getByRole('button', { name: /^Bold/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(drafts.editor.locator('p', { hasText: ADDED }).locator('strong')).toBeVisible();
  await expect(drafts.saveSummary).toHaveText('All changes saved', { timeout: 10_000 });
  await app.screenshot('drafts-editor');

  // All of it is in the file, as the draft's working text, and none of those saves made a revision.
  const caseId = (await callThrough(harness, 'case.listOpen', {}))[0]!.caseId;
  const brief = async () => (await callThrough(harness, 'draft.list', { caseId })).find((d) => d.title === `Brief: ${SECOND_MEETING}`)!;
  const briefRevisions = async () => callThrough(harness, 'draftRevision.list', { caseId, filter: { draftId: (await brief()).id } });
  const working = (await brief()).workingBody;
  expect(working && documentText(JSON.parse(working) as DocumentNode)).toContain(ADDED);
  expect(await briefRevisions()).toHaveLength(1);
  expect(await drafts.revisionCount()).toBe(1);

  // Leaving the draft keeps what was typed as one revision, and the draft holds no working text after it.
  await page.getByRole('button', { name: '← All drafts' }).click();
  await expect(drafts.table).toBeVisible();
  expect(await briefRevisions()).toHaveLength(2);
  expect((await brief()).workingBody).toBeNull();
  await drafts.row(`Brief: ${SECOND_MEETING}`).getByRole('button').first().click();
  await expect(drafts.editor.locator('p', { hasText: ADDED }).locator('strong')).toBeVisible();
  await expect(drafts.revision(2)).toBeVisible();
  await app.screenshot('drafts-editor-reopened');
  expect(await drafts.revisionCount()).toBe(2);
  const edited = 2;

  await drafts.compare(1, edited);
  await expect(drafts.compareDialog.locator('ins.diff')).toContainText(ADDED);
  await expect(drafts.compareDialog.locator('del.diff')).toHaveCount(0);
  await expect(drafts.compareDialog.getByRole('status')).toContainText('0 words removed, 8 words added');
  await app.screenshot('drafts-compare');
  await drafts.compareDialog.getByRole('button', { name: 'Close' }).click();

  // Regenerating another section keeps the edit; regenerating the edited one rebuilds it from the case.
  await page.getByRole('button', { name: 'Regenerate section…' }).click();
  const regenerate = page.getByRole('dialog', { name: 'Regenerate a section' });
  await regenerate.getByLabel('Section').selectOption({ label: 'Questions to ask' });
  await regenerate.getByRole('button', { name: 'Regenerate' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'was rebuilt from the case' })).toBeVisible({ timeout: 15_000 });
  await expect(drafts.editor).toContainText(ADDED);
  await page.getByRole('button', { name: 'Regenerate section…' }).click();
  await regenerate.getByLabel('Section').selectOption({ label: 'Purpose and desired outcome' });
  await regenerate.getByRole('button', { name: 'Regenerate' }).click();
  await expect(drafts.editor).not.toContainText(ADDED, { timeout: 15_000 });
  await expect(drafts.saveSummary).toHaveText('All changes saved', { timeout: 10_000 });

  // Restore the edited revision: it comes back as a new one.
  await drafts.revisions.getByRole('button', { name: `Restore revision ${edited}` }).click();
  await expect(drafts.editor).toContainText(ADDED);
  await expect(drafts.revisions.getByRole('listitem').first()).toContainText(`Restored revision ${edited}`);

  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Export as PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = fs.readFileSync(await file.path());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  await expect(page.getByRole('status').filter({ hasText: 'Exported as PDF' })).toBeVisible();
});

test('a footnote and a link to a case record from the toolbar: saved, exported, and the link opens the record', async ({ app, page }) => {
  const drafts = await openSampleDrafts(app, page);
  await drafts.prepareBrief(SECOND_MEETING, 'Internal');
  const notesBefore = await drafts.footnotes.getByRole('listitem').count();

  await drafts.editor.getByRole('heading', { name: 'Questions to ask' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Their reading of the order ignores settled practice');
  await drafts.insertFootnote(CITATION);
  await page.keyboard.type(', and it bears on ');
  await drafts.insertRecordLink('Issue', 'Allied-nation carve-out', () => app.screenshot('drafts-record-link-dialog'));
  await page.keyboard.type('.');
  const paragraph = drafts.editor.locator('p', { hasText: 'Their reading of the order' });
  await expect(paragraph.locator('sup.footnote')).toHaveAttribute('data-footnote', CITATION);
  await expect(paragraph.locator('a.record-link')).toHaveText('Allied-nation carve-out');
  // Numbered in order among the brief's own citations: the precedents' come before the questions.
  await expect(drafts.footnotes.getByRole('listitem')).toHaveCount(notesBefore + 1);
  await expect(drafts.footnotes).toContainText(CITATION);
  await expect(drafts.saveSummary).toHaveText('All changes saved', { timeout: 10_000 });
  await paragraph.scrollIntoViewIfNeeded();
  await app.screenshot('drafts-footnote-and-record-link');

  // The Markdown export numbers the footnote and keeps the record's title readable.
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Export as Markdown' }).click();
  const markdown = fs.readFileSync(await (await download).path(), 'utf8');
  const reference = /Their reading of the order ignores settled practice\[\^(\d+)\], and it bears on \[Allied-nation carve-out\]\(<parley:\/\/record\/issue\/[0-9a-f-]+>\)\./.exec(markdown);
  expect(reference, markdown.slice(0, 400)).not.toBeNull();
  expect(markdown).toContain(`[^${reference![1]}]: ${CITATION}`);

  // The link is live: a click opens the issue in the negotiation screen.
  await paragraph.locator('a.record-link').click();
  await expect(page).toHaveURL(/\/negotiation$/);
  const panel = page.getByRole('complementary', { name: /Allied-nation carve-out/ });
  await expect(panel).toBeVisible({ timeout: 15_000 });
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('Allied-nation carve-out');
  await app.screenshot('drafts-record-link-opened');
});

test('a shareable brief stays shareable: the badge, a regenerated section, the list', async ({ app, page }) => {
  const drafts = await openSampleDrafts(app, page);
  await drafts.prepareBrief(SECOND_MEETING, 'Shareable');
  await expect(page.locator('.screen-heading').getByText('Shareable', { exact: true })).toBeVisible();
  const issuesTable = drafts.editor.locator('table').filter({ has: page.locator('th', { hasText: 'Their position' }) });
  await expect(issuesTable.locator('th').first()).toHaveText('Issue');
  expect(await issuesTable.locator('th').allTextContents()).not.toContain('Walk-away');
  // Rebuilt from the case, the issues table is built shareable again: still no walk-away column.
  await page.getByRole('button', { name: 'Regenerate section…' }).click();
  const regenerate = page.getByRole('dialog', { name: 'Regenerate a section' });
  await regenerate.getByLabel('Section').selectOption({ label: 'Issues' });
  await regenerate.getByRole('button', { name: 'Regenerate' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'was rebuilt from the case' })).toBeVisible({ timeout: 15_000 });
  await expect(issuesTable.locator('th').first()).toHaveText('Issue');
  expect(await issuesTable.locator('th').allTextContents()).not.toContain('Walk-away');
  await app.screenshot('drafts-shareable-regenerated');
  // The list says so too.
  await page.getByRole('button', { name: '← All drafts' }).click();
  await expect(drafts.row(`Brief: ${SECOND_MEETING} (shareable)`)).toContainText('Shareable');
  await app.screenshot('drafts-list-shareable');
});

test('a draft left with text typed since its last revision opens on that text; a pause in writing of 30 seconds keeps it as a revision', async ({ app, harness, page }) => {
  const drafts = await openSampleDrafts(app, page);
  const caseId = (await callThrough(harness, 'case.listOpen', {}))[0]!.caseId;
  const memo = await callThrough(harness, 'draft.create', { caseId, fields: { title: 'Where the talks stand', draftType: 'memo', status: 'working' } });
  const paragraphs = (...texts: string[]) => JSON.stringify({ type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
  await callThrough(harness, 'draftRevision.create', { caseId, fields: { draftId: memo.id, format: 'prosemirror', body: paragraphs('The allied list is open.') } });
  // As the editor leaves a draft when the app stops before the writer left it: the text saved at the last pause.
  await callThrough(harness, 'draft.update', { caseId, id: memo.id, changes: { workingBody: paragraphs('The allied list is open.', 'Tiers by capability next.') } });
  await app.sidebar.getByRole('link', { name: 'Overview', exact: true }).click();
  await app.sidebar.getByRole('link', { name: 'Drafts', exact: true }).click();
  await drafts.row('Where the talks stand').getByRole('button').first().click();
  await expect(drafts.editor).toContainText('Tiers by capability next.');
  expect(await drafts.revisionCount()).toBe(1);

  // The page's clock is Playwright's from here on, so that the 30-second pause takes no 30 seconds.
  await page.clock.install();
  await drafts.editor.getByText('Tiers by capability next.').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Then the timetable.');
  await page.clock.runFor(5_000);
  await expect(drafts.saveSummary).toHaveText('All changes saved', { timeout: 10_000 });
  expect(await drafts.revisionCount()).toBe(1);
  await page.clock.runFor(30_000);
  await expect(drafts.revision(2)).toBeVisible({ timeout: 10_000 });
  const [draft] = (await callThrough(harness, 'draft.list', { caseId })).filter((d) => d.id === memo.id);
  expect(draft!.workingBody).toBeNull();
  const revisions = await callThrough(harness, 'draftRevision.list', { caseId, filter: { draftId: memo.id } });
  expect(revisions.map((r) => r.revisionNumber).sort()).toEqual([1, 2]);
  expect(revisions.find((r) => r.revisionNumber === 2)!.body).toContain('Tiers by capability next. Then the timetable.');
});

test('an older Markdown draft is shown as written and converts to editable', async ({ app, harness, page }) => {
  const drafts = await openSampleDrafts(app, page);
  // The sample's brief is an editor document; a draft kept from before the editor is Markdown.
  const caseId = (await callThrough(harness, 'case.listOpen', {}))[0]!.caseId;
  const older = await callThrough(harness, 'draft.create', { caseId, fields: { title: 'Notes kept in Markdown', draftType: 'memo', status: 'working' } });
  await callThrough(harness, 'draftRevision.create', { caseId, fields: { draftId: older.id, format: 'markdown', body: '# Where we stand\n\n- The **allied list** is open\n- Tiers by capability' } });
  await app.sidebar.getByRole('link', { name: 'Overview', exact: true }).click();
  await app.sidebar.getByRole('link', { name: 'Drafts', exact: true }).click();
  await drafts.row('Notes kept in Markdown').getByRole('button').first().click();
  await expect(page.getByText('was written as Markdown')).toBeVisible();
  await page.getByRole('button', { name: 'Convert to editable' }).click();
  await expect(drafts.editor).toBeVisible();
  await expect(drafts.editor.getByRole('heading').first()).toHaveText('Where we stand');
  await expect(drafts.revision(2)).toContainText('Converted from revision 1');
});

test('the sample\'s brief opens in the editor; pasted code does not run on into what is typed next, and Clear formatting takes formatting off', async ({ app, page }) => {
  const drafts = await openSampleDrafts(app, page);
  await drafts.row('Brief for the second meeting with the Bureau').getByRole('button').first().click();
  await expect(drafts.editor).toBeVisible();
  await expect(page.getByText('was written as Markdown')).toHaveCount(0);
  await expect(drafts.editor.getByRole('heading').first()).toHaveText('Brief: second meeting with the Bureau of Industry Controls');

  // Pasted HTML that carries code arrives as code; what is typed after it is plain.
  await drafts.editor.getByRole('heading').first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const paste = (html: string | null, text: string) =>
    drafts.editor.evaluate((el, [h, t]) => {
      const data = new DataTransfer();
      if (h) data.setData('text/html', h);
      data.setData('text/plain', t!);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, [html, text] as const);
  await paste('<p>Run <code>parley verify</code></p>', 'Run parley verify');
  await page.keyboard.type(' before sending');
  const paragraph = drafts.editor.locator('p', { hasText: 'Run parley verify' });
  await expect(paragraph.locator('code')).toHaveText('parley verify');
  expect(await paragraph.evaluate((p) => p.innerHTML)).toBe('Run <code>parley verify</code> before sending');
  // Plain text with backticks stays plain text.
  await paste(null, ' and `this` too');
  expect(await paragraph.evaluate((p) => p.innerHTML)).toBe('Run <code>parley verify</code> before sending and `this` too');

  // Clear formatting: the paragraph selected, its code (and any bold) gone, its text kept.
  await page.keyboard.press('Home');
  await drafts.extendSelection('Shift+End', 'Run parley verify before sending');
  await page.keyboard.press(`${process.platform === 'darwin' ? 'Meta' : 'Control'}+b`);
  await expect(paragraph.locator('strong').first()).toBeVisible();
  await drafts.toolbar.getByRole('button', { name: /^Clear formatting/ }).click();
  expect(await paragraph.evaluate((p) => p.innerHTML)).toBe('Run parley verify before sending and `this` too');
  await expect(drafts.saveSummary).toContainText(/saved/i, { timeout: 15_000 });
});

test('a new draft from a template, deleted and brought back with the case\'s Undo', async ({ app, page }) => {
  const drafts = await openSampleDrafts(app, page);
  await page.getByRole('button', { name: 'New draft…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New draft' });
  await dialog.getByRole('radio', { name: /Internal memo/ }).check();
  await dialog.getByLabel('Title').fill('Where the talks stand');
  await dialog.getByRole('button', { name: 'Create draft' }).click();
  await expect(drafts.title).toHaveText('Where the talks stand');
  await expect(drafts.editor).not.toBeEmpty();
  await page.getByRole('button', { name: '← All drafts' }).click();
  await drafts.row('Where the talks stand').getByRole('button', { name: 'Delete Where the talks stand' }).click();
  const question = page.getByRole('dialog', { name: 'Delete this draft?' });
  await expect(question).toContainText('Its 1 draft revision goes with it; you can restore it from Recently deleted.');
  await question.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(drafts.row('Where the talks stand')).toHaveCount(0);
  await expect(drafts.row('Brief for the second meeting with the Bureau').locator(':focus')).toHaveCount(1); // focus moves to the next row
  const notice = page.locator('#main > .undo-notice');
  await expect(notice).toContainText('Draft “Where the talks stand” deleted.');
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(drafts.row('Where the talks stand')).toBeVisible();
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`the drafts screens pass axe in the ${theme.toLowerCase()} theme`, async ({ app, page }) => {
    const drafts = await openSampleDrafts(app, page);
    await app.setTheme(theme);
    const name = theme.toLowerCase();
    await expectNoSeriousViolations(page, `drafts list (${name})`);
    await app.screenshot(`drafts-list-${name}`);
    await page.getByRole('button', { name: 'Prepare brief…' }).click();
    await expect(page.getByRole('dialog', { name: 'Prepare a meeting brief' }).getByLabel('Meeting')).toBeVisible();
    await expectNoSeriousViolations(page, `prepare brief (${name})`);
    await app.screenshot(`drafts-prepare-${name}`);
    await page.getByRole('dialog', { name: 'Prepare a meeting brief' }).getByRole('button', { name: 'Cancel' }).click();
    await drafts.prepareBrief(SECOND_MEETING, 'Shareable');
    await expect(drafts.editor.getByRole('heading', { name: /BATNA/ })).toHaveCount(0);
    await expect(drafts.editor.getByRole('heading', { name: 'Questions to ask' })).toHaveCount(0);
    await expect(page.locator('.screen-heading').getByText('Shareable', { exact: true })).toBeVisible();
    await drafts.editor.getByRole('heading', { name: 'Preparation notes' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ask about the timetable.');
    await expect(drafts.saveSummary).toHaveText('All changes saved', { timeout: 10_000 });
    await expectNoSeriousViolations(page, `editor (${name})`);
    await app.screenshot(`drafts-editor-${name}`);
    await drafts.leaveAndReopen(`Brief: ${SECOND_MEETING} (shareable)`);
    await drafts.compare(1, 2);
    await expectNoSeriousViolations(page, `compare (${name})`);
    await app.screenshot(`drafts-compare-${name}`);
  });
}
