// Attachments: PDFs written in the test attached by the file input and by a drop, their text read (the core's worker)
// and found with Ctrl+K, landing on the file; a PDF previewed page by page inside the app; files attached to an issue
// from its panel; an .exe refused with the reason while the others go in; delete and restore; typing stays free
// while a 20 MB PDF goes in; the palette's "Attach files…" opens the chooser; axe in both themes.
import fs from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import type { Page } from '@playwright/test';
import { formatFileSize } from '../../shared/attachments.js';
import { expectNoSeriousViolations } from './pages/axe-check.js';
import { AttachmentsPage, dropFiles, RecordAttachmentsSection, type FileToAttach } from './pages/attachments-page.js';
import { NegotiationPage } from './pages/negotiation-page.js';
import { Palette } from './pages/palette.js';
import { createCaseFile } from './support/cases.js';
import { expect, test } from './support/fixtures.js';
import { callThrough, type Harness } from './support/harness.js';
import { largePdf, pdfWithText } from '../support/pdf-files.js';

test.describe.configure({ timeout: 120_000 });

const EXHIBIT_SENTENCE = 'The Bureau agreed to lift the licence requirement for university research staff.';
const LETTER_SENTENCE = 'Counsel for Halden Robotics asked for a stay pending the appeal.';
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const pdf = (name: string, sentence: string): FileToAttach => ({ name, mimeType: 'application/pdf', buffer: pdfWithText({ pageText: () => sentence }) });

/** A new case open on a section, the renderer told of it. */
async function caseOn(harness: Harness, page: Page, section: string) {
  const { caseId } = await createCaseFile(harness, 'order.parley');
  await page.evaluate(([id, s]) => (window.location.hash = `#/case/${id}/${s}`), [caseId, section]);
  await page.reload();
  return caseId;
}

test('PDFs attached by the file input and by a drop have their text read, are found with Ctrl+K and preview page by page', async ({ app, page, harness }) => {
  const caseId = await caseOn(harness, page, 'attachments');
  await expect(app.heading).toHaveText('Attachments');
  const screen = new AttachmentsPage(page);
  await expect(page.getByText('No attachments yet.')).toBeVisible();

  await screen.attach([pdf('Exhibit A - Bureau letter.pdf', EXHIBIT_SENTENCE)]);
  await expect(screen.outcome).toContainText('“Exhibit A - Bureau letter.pdf” attached.');
  const exhibit = screen.row('Exhibit A - Bureau letter.pdf');
  await expect(exhibit).toContainText('PDF');
  await expect(exhibit).toContainText('The case');
  await expect(exhibit).toContainText('Dana Whitfield');
  await expect(exhibit).toContainText('Text read', { timeout: 30_000 });

  await dropFiles(screen.screen, [pdf('Letter from counsel.pdf', LETTER_SENTENCE)]);
  await expect(screen.row('Letter from counsel.pdf')).toContainText('Text read', { timeout: 30_000 });
  const stored = await callThrough(harness, 'attachment.list', { caseId });
  expect(stored.map((a) => a.name).sort()).toEqual(['Exhibit A - Bureau letter.pdf', 'Letter from counsel.pdf']);
  expect(stored.every((a) => a.attachedToKind === null && a.textStatus === 'extracted')).toBe(true);
  await app.screenshot('attachments-listed');

  // A sentence inside the PDF is found from anywhere, and the hit lands on the file with its panel open.
  await app.goToSection('Overview');
  const palette = new Palette(page);
  await palette.open();
  await palette.search('licence requirement research staff');
  const hit = palette.group('This case').getByRole('option').filter({ hasText: 'Exhibit A - Bureau letter.pdf' });
  await palette.moveTo(hit);
  await palette.field.press('Enter');
  await expect(app.heading).toHaveText('Attachments');
  await expect(screen.panel.root.getByRole('heading', { level: 2 })).toHaveText('Attachment: Exhibit A - Bureau letter.pdf');
  await expect(exhibit).toHaveAttribute('data-landed', '');
  await app.guideScreenshot('attachments');

  // The preview draws the page; nothing of the file runs.
  await screen.panel.root.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(screen.preview.getByRole('img', { name: 'Page 1 of 1' })).toBeVisible();
  await expect(screen.preview.locator('[data-page="1"]')).toHaveAttribute('data-drawn', 'yes', { timeout: 20_000 });
  await screen.preview.getByText('Its text, as Parley read it').click();
  await expect(screen.preview).toContainText(EXHIBIT_SENTENCE);
  await app.screenshot('attachment-preview-pdf');
  await screen.preview.getByRole('button', { name: 'Close' }).click();
  await expect(screen.preview).toBeHidden();

  // Renamed and described in its panel.
  await screen.panel.field('Description').fill('The Bureau’s letter of 3 March, exhibit A to our response.');
  await page.keyboard.press('Tab'); // leaving the field saves it
  await expect(screen.panel.saveStateOf('Description')).toHaveText('Saved');

  // Save a copy: in a browser, a download of the very bytes attached.
  const download = page.waitForEvent('download');
  await screen.panel.root.getByRole('button', { name: 'Save a copy…' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('Exhibit A - Bureau letter.pdf');
  expect(fs.readFileSync(await saved.path())).toEqual(pdfWithText({ pageText: () => EXHIBIT_SENTENCE }));
  await expect(screen.panel.root.getByRole('status').filter({ hasText: 'downloaded' })).toHaveText('“Exhibit A - Bureau letter.pdf” downloaded.');
});

test('files attach to an issue from its panel, an .exe is refused with the reason, and a deleted file comes back from Recently deleted', async ({ app, page, harness }) => {
  const caseId = await caseOn(harness, page, 'negotiation');
  const issue = await callThrough(harness, 'issue.create', { caseId, fields: { title: 'Scope of the order', priority: 'high', status: 'open' } });
  await page.reload();
  const neg = new NegotiationPage(page);
  const panel = await neg.open('Scope of the order');
  const files = new RecordAttachmentsSection(panel.root);
  await expect(files.root).toContainText('No files attached to this issue.');

  await files.attach([
    { name: 'Meeting minutes.txt', mimeType: 'text/plain', buffer: Buffer.from('Minutes: the Bureau will answer on scope by Friday.\n') },
    { name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ not really a program') },
  ]);
  await expect(files.outcome).toContainText('“Meeting minutes.txt” attached.');
  await expect(files.outcome).toContainText('“setup.exe” cannot be attached: Parley takes PDF (.pdf), Word document (.docx)');
  await expect(files.list.filter({ hasText: 'Meeting minutes.txt' })).toContainText('Text read', { timeout: 30_000 });

  await dropFiles(panel.root, [{ name: 'Scope chart.png', mimeType: 'image/png', buffer: PNG }]);
  await expect(files.list.filter({ hasText: 'Scope chart.png' })).toContainText('No text (image)');
  await files.root.scrollIntoViewIfNeeded();
  await app.screenshot('attachments-issue-panel'); // the panel scrolled to its files
  const onIssue = await callThrough(harness, 'attachment.list', { caseId, filter: { attachedToKind: 'issue', attachedToId: issue.id } });
  expect(onIssue.map((a) => a.name).sort()).toEqual(['Meeting minutes.txt', 'Scope chart.png']);

  // The image previews inside the panel's dialog.
  await files.root.getByRole('button', { name: 'Preview “Scope chart.png”' }).click();
  await expect(page.getByRole('dialog', { name: 'Preview: Scope chart.png' }).getByRole('img', { name: 'The image “Scope chart.png”' })).toBeVisible();
  await page.keyboard.press('Escape');

  // The Attachments screen says where each file belongs, and the link leads to the issue.
  await page.keyboard.press('Alt+0');
  await expect(app.heading).toHaveText('Attachments');
  const screen = new AttachmentsPage(page);
  await expect(screen.row('Meeting minutes.txt').getByRole('link', { name: 'Issue: Scope of the order' })).toBeVisible();

  // Deleted, listed in Recently deleted, restored.
  await screen.open('Meeting minutes.txt');
  await screen.panel.root.getByRole('button', { name: 'Delete this attachment' }).click();
  // Its text once read is a change of its own (audited): the question says the history goes with it.
  const question = page.getByRole('dialog', { name: 'Delete this attachment?' });
  await expect(question).toContainText('Delete the attachment “Meeting minutes.txt”? Its history of 1 change goes with it; you can restore it from Recently deleted.');
  await question.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(screen.row('Meeting minutes.txt')).toHaveCount(0);
  await expect(page.locator('#main > .undo-notice')).toContainText('Attachment “Meeting minutes.txt” deleted.');
  await app.goToSection('Recently deleted');
  const deleted = page.getByRole('table', { name: 'Deleted records' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Meeting minutes.txt' }) });
  await deleted.getByRole('button', { name: 'Restore the attachment “Meeting minutes.txt”' }).click();
  await app.goToSection('Attachments');
  await expect(screen.row('Meeting minutes.txt')).toContainText('Text read');
});

test('typing stays free while a 20 MB PDF is attached and read', async ({ app, page, harness }) => {
  test.setTimeout(240_000); // reading two thousand pages takes a while on a busy machine; the typing does not wait for it
  const caseId = await caseOn(harness, page, 'negotiation');
  const issue = await callThrough(harness, 'issue.create', { caseId, fields: { title: 'Scope of the order', priority: 'high', status: 'open' } });
  await page.reload();
  const panel = await new NegotiationPage(page).open('Scope of the order');
  const files = new RecordAttachmentsSection(panel.root);
  const big: FileToAttach = { name: 'Full record of proceedings.pdf', mimeType: 'application/pdf', buffer: largePdf(20 * 1024 * 1024, 'The hearing record closes with the agreed order.') };
  expect(big.buffer.length).toBeGreaterThan(20_000_000);
  await files.attach([big]);

  // At once, type in the issue's description while the file goes in: every character arrives and is saved. The page
  // notes, for each key, how long after the key the character was on screen (the next frame after its input event):
  // the keys themselves reach the page at the pace of this busy test process (which also runs the harness), but once
  // there, none may wait on the file.
  await panel.field('Description').evaluate((field) => {
    const lags: number[] = [];
    (window as unknown as { typingLags: number[] }).typingLags = lags;
    field.addEventListener('input', (e) => {
      const pressed = e.timeStamp;
      requestAnimationFrame(() => lags.push(performance.now() - pressed));
    });
  });
  const description = 'Typed while the hearing record was attached: nothing waits for the file.';
  await panel.field('Description').pressSequentially(description);
  await expect(panel.field('Description')).toHaveValue(description);
  const lags = await page.evaluate(() => (window as unknown as { typingLags: number[] }).typingLags);
  expect(lags).toHaveLength(description.length);
  const slowest = Math.max(...lags);
  console.log(`slowest key to screen: ${Math.round(slowest)} ms while a ${formatFileSize(big.buffer.length)} PDF was attached`);
  expect(slowest, 'the slowest key, from the key to the character on screen (ms)').toBeLessThan(1_000);
  await page.keyboard.press('Tab'); // leaving the field saves it
  await expect(panel.saveStateOf('Description')).toHaveText('Saved', { timeout: 60_000 });
  expect((await callThrough(harness, 'issue.get', { caseId, id: issue.id })).description).toBe(description);

  const listed = files.list.filter({ hasText: 'Full record of proceedings.pdf' });
  await expect(listed).toContainText(formatFileSize(big.buffer.length), { timeout: 60_000 });
  await expect(listed).toContainText('Text read', { timeout: 150_000 });
  await app.screenshot('attachments-large-pdf-read');
});

test('a Word document has no picture of its pages: its preview is the text Parley read from it, and says so', async ({ app, page, harness }) => {
  await caseOn(harness, page, 'attachments');
  const screen = new AttachmentsPage(page);
  const sentence = 'The Bureau will publish the revised list of covered models in January.';
  const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(sentence)] }] }));
  await screen.attach([{ name: 'Bureau memo.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx }]);
  await expect(screen.row('Bureau memo.docx')).toContainText('Text read', { timeout: 30_000 });
  await screen.row('Bureau memo.docx').getByRole('button', { name: 'Preview “Bureau memo.docx”' }).click();
  await expect(screen.preview).toContainText('A Word document cannot be shown as it looks; this is its text, as Parley read it.');
  await expect(screen.preview.getByLabel('Its text')).toContainText(sentence);
  await app.screenshot('attachment-preview-word');
});

test('the palette’s “Attach files…” opens the file chooser on the Attachments screen', async ({ app, page, harness }) => {
  await caseOn(harness, page, 'overview');
  const palette = new Palette(page);
  await palette.open();
  await palette.field.fill('attach files');
  const chooser = page.waitForEvent('filechooser');
  await palette.field.press('Enter');
  const fileChooser = await chooser;
  expect(fileChooser.isMultiple()).toBe(true);
  await expect(app.heading).toHaveText('Attachments');
  await fileChooser.setFiles([{ name: 'Notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Notes\n\nCall the Bureau on Monday.\n') }]);
  await expect(new AttachmentsPage(page).row('Notes.md')).toContainText('Text read', { timeout: 30_000 });
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`the Attachments screen and the preview pass axe in the ${theme.toLowerCase()} theme`, async ({ app, page, harness }) => {
    await caseOn(harness, page, 'attachments');
    await app.setTheme(theme);
    const screen = new AttachmentsPage(page);
    await screen.attach([pdf('Exhibit A.pdf', EXHIBIT_SENTENCE), { name: 'Chart.png', mimeType: 'image/png', buffer: PNG }, { name: 'virus.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') }]);
    await expect(screen.row('Exhibit A.pdf')).toContainText('Text read', { timeout: 30_000 });
    await expect(screen.outcome).toContainText('“virus.exe” cannot be attached');
    await screen.open('Exhibit A.pdf');
    await expectNoSeriousViolations(page, `attachments (${theme})`);
    await app.screenshot(`attachments-${theme.toLowerCase()}`);
    await screen.panel.root.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect(screen.preview.locator('[data-page="1"]')).toHaveAttribute('data-drawn', 'yes', { timeout: 20_000 });
    await expectNoSeriousViolations(page, `attachment preview (${theme})`);
    await app.screenshot(`attachment-preview-${theme.toLowerCase()}`);
  });
}
