// Exports read back by real tools: the PDF printed by Chromium read with pdftotext, the Word file converted to PDF by
// LibreOffice and read the same way. Set PARLEY_KEEP_EXPORTS=<folder> to keep the files for a look.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../shared/contract.js';
import { MEETING_BRIEF_SECTIONS, documentText, doc, heading, pageChrome, paragraph, table } from '../../shared/documents/index.js';
import { casePage, renderMeetingBrief } from '../../electron/core/briefs/index.js';
import { exportDocument } from '../../electron/core/export/index.js';
import { tempDir, type TestApi } from '../helpers.js';
import { sampleCase, TEXT } from './fixture.js';
import { EVERYTHING } from './samples.js';

const run = promisify(execFile);
const TODAY = '2026-12-01';
const MARKING = 'PRIVILEGED & CONFIDENTIAL - ATTORNEY WORK PRODUCT';

/** Text without any whitespace: table cells wrap across lines at different places in each renderer. */
const squash = (s: string) => s.replace(/\s+/g, '');

function keep(name: string, bytes: Buffer): void {
  const dir = process.env.PARLEY_KEEP_EXPORTS;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, name), bytes);
  }
}

/**
 * -raw (the default): text in the order it was drawn, which keeps each table cell's lines together. -layout: the
 * lines as they stand on the page, so a word a column was too narrow for shows as its two pieces.
 */
async function pdfText(pdf: Buffer, mode: '-raw' | '-layout' = '-raw'): Promise<string> {
  const file = path.join(tempDir('parley-pdf-'), 'out.pdf');
  fs.writeFileSync(file, pdf);
  return (await run('pdftotext', [mode, '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
}

/** Converts Word files to PDF with LibreOffice, all in one run (it takes seconds to start). */
async function wordToPdf(files: Record<string, Buffer>): Promise<Record<string, Buffer>> {
  const dir = tempDir('parley-soffice-');
  const paths = Object.entries(files).map(([name, bytes]) => {
    const file = path.join(dir, `${name}.docx`);
    fs.writeFileSync(file, bytes);
    return file;
  });
  // A profile of its own, so a LibreOffice the user has open (or another test run) does not swallow the call.
  await run('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...paths], { timeout: 180_000 });
  return Object.fromEntries(Object.keys(files).map((name) => [name, fs.readFileSync(path.join(dir, `${name}.pdf`))]));
}

/** The sections of a brief when nobody chose (the appendix of attachments is chosen, never by default). */
const DEFAULT_SECTIONS = MEETING_BRIEF_SECTIONS.filter((s) => !('offByDefault' in s));

/** What every export of the sample brief must show: the section headings and every cell of the issues table. */
function expectBriefContent(text: string, opts: { shareable?: boolean } = {}): void {
  const flat = squash(text);
  for (const s of DEFAULT_SECTIONS) {
    if (opts.shareable && 'internalOnly' in s) expect(flat).not.toContain(squash(s.title));
    else expect(flat).toContain(squash(s.title));
  }
  for (const header of ['Issue', 'Priority', 'Our opening', 'Their position', 'Status']) expect(flat).toContain(squash(header));
  // Our target and walk-away are ours alone: in the internal brief only.
  const internal = (value: string) => (opts.shareable ? expect(flat).not.toContain(squash(value)) : expect(flat).toContain(squash(value)));
  internal('Our target');
  for (const issue of TEXT.issues) {
    for (const cell of [issue.title, issue.ourOpening, issue.theirPosition ?? '—']) expect(flat).toContain(squash(cell));
    internal(issue.ourTarget);
    internal(issue.ourWalkaway);
  }
  expect(flat).toContain(squash(TEXT.precedents.linkedToScope.citation));
}

describe('exports of a meeting brief', () => {
  it('prints to PDF with Chromium: headings, the issues table, and on each page the marking, case line and page numbers', async () => {
    const { api, caseId, meetingId } = sampleCase();
    const file = await renderMeetingBrief(api.session.get(caseId), meetingId, { format: 'pdf', today: TODAY });
    keep(file.fileName, file.bytes);
    expect(file.fileName).toBe('meeting-brief-negotiation-session-with-bis-2026-12-01.pdf');
    expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(file.bytes);
    expectBriefContent(text);
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain(MARKING);
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain(`${TEXT.directiveTitle} (${TEXT.reference}) · 1 December 2026`);
    });
  }, 120_000);

  it('prints the shareable version without targets, walk-aways or BATNAs', async () => {
    const { api, caseId, meetingId } = sampleCase();
    const file = await renderMeetingBrief(api.session.get(caseId), meetingId, { format: 'pdf', shareable: true, today: TODAY });
    keep(file.fileName, file.bytes);
    const text = await pdfText(file.bytes);
    expectBriefContent(text, { shareable: true });
    for (const secret of [TEXT.ourBatna, TEXT.theirBatna, TEXT.internalNote]) expect(squash(text)).not.toContain(squash(secret));
    expect(text).toContain('CONFIDENTIAL');
    expect(text).not.toContain('ATTORNEY WORK PRODUCT');
  }, 120_000);

  it('writes a Word file that LibreOffice reads: headings, the issues table, footnotes, header and footer', async () => {
    const { api, caseId, meetingId } = sampleCase();
    const file = await renderMeetingBrief(api.session.get(caseId), meetingId, { format: 'docx', today: TODAY });
    keep(file.fileName, file.bytes);
    expect(file.bytes.subarray(0, 2).toString()).toBe('PK');
    const everything = await exportDocument(EVERYTHING, 'docx', { title: 'Every construct', marking: '' });
    const pdfs = await wordToPdf({ brief: file.bytes, everything });
    keep(`${file.fileName}.pdf`, pdfs.brief!);
    keep('everything.docx.pdf', pdfs.everything!);
    const text = await pdfText(pdfs.brief!);
    expectBriefContent(text);
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain(MARKING);
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(text).toContain(`${TEXT.directiveTitle} (${TEXT.reference}) · 1 December 2026`);
    // The citations are Word footnotes: each is at the foot of a page, after its number.
    expect(squash(text)).toContain(squash(`1 ${TEXT.precedents.linkedToScope.citation}`));

    // Every construct of the model comes through: marks, nested lists, the table, the quote, the footnote.
    const all = await pdfText(pdfs.everything!);
    for (const words of ['Title', 'bold italic under struck code', 'a link and an issue', 'one', 'one.one', 'Issue', 'Scope', 'quoted', '176 F.3d 1132 (9th Cir. 1999)', 'Page 1 of 1']) {
      expect(squash(all)).toContain(squash(words));
    }
    expect(all).not.toContain('ATTORNEY WORK PRODUCT'); // an empty marking means none
  }, 240_000);

  it('writes Markdown and HTML holding the headings and the issues table', async () => {
    const { api, caseId, meetingId } = sampleCase();
    const cf = api.session.get(caseId);
    const md = (await renderMeetingBrief(cf, meetingId, { format: 'md', today: TODAY })).bytes.toString('utf8');
    keep('brief.md', Buffer.from(md));
    for (const s of DEFAULT_SECTIONS) expect(md).toContain(`\n## ${s.title}\n`);
    const i = TEXT.issues[0]!;
    expect(md).toMatch(new RegExp(`\\| \\[${i.title}\\]\\(<parley://record/issue/[0-9a-f-]+>\\) \\| Critical \\| ${i.ourOpening} \\| ${i.ourTarget} \\| ${i.ourWalkaway} \\| ${i.theirPosition} \\| Open \\|`));
    expectBriefContent(md);

    const html = await renderMeetingBrief(cf, meetingId, { format: 'html', today: TODAY });
    keep(html.fileName, html.bytes);
    const page = html.bytes.toString('utf8');
    for (const s of DEFAULT_SECTIONS) expect(page).toContain(`<h2 id="section-${s.id}">${s.title}</h2>`);
    expect(page).toContain(`<td>${i.ourWalkaway}</td><td>${i.theirPosition}</td><td>Open</td></tr>`);
    expect(html.mediaType).toBe('text/html; charset=utf-8');
  });

  it('prints through whatever PDF renderer the caller gives (the app passes Electron’s printToPDF)', async () => {
    const seen: string[] = [];
    const bytes = await exportDocument(doc([paragraph('Hello')]), 'pdf', {
      title: 'T', marking: 'Internal', pdfRenderer: async (html) => (seen.push(html), Buffer.from('%PDF-stub')),
    });
    expect(bytes.toString()).toBe('%PDF-stub');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain('<p>Hello</p>');
    expect(seen[0]).toContain('@top-center { content: "Internal"');
  });
});

/** The pieces a line may break into: words, and a hyphenated word's parts after each hyphen ("carve-" "out"). */
const wordsOf = (text: string) => text.split(/\s+/).flatMap((w) => [w, ...w.split(/(?<=-)/)]).filter((w) => w.length > 0);
/** The last line of each page, where the footer stands, with its page number left out. */
const footers = (layoutText: string) =>
  layoutText.split('\f').filter((p) => p.trim()).map((p, i) => {
    const last = p.trimEnd().split('\n').at(-1)!.replace(/\s+/g, ' ').trim();
    expect(last).toMatch(new RegExp(`Page ${i + 1} of \\d+$`));
    return last.replace(/Page \d+ of \d+$/, 'Page n of m');
  });
/** An export through the dispatcher, as the app and the command line ask for it: the file's bytes. */
async function exported(api: TestApi, name: 'document.export' | 'brief.export', input: unknown): Promise<Buffer> {
  const res = await api.rawAsync(name, input);
  if (!res.ok) throw new Error(`${name}: ${res.error.message}`);
  return Buffer.from((res.data as ExportedFile).dataBase64, 'base64');
}

describe('the pages of every format', () => {
  it('sizes each Word table column by its content, so that no word breaks across lines ("Complianc" / "e")', async () => {
    const { api, caseId, meetingId } = sampleCase();
    // A brief's issues table as a negotiator edits it: long issue titles beside one-word columns, the kind of
    // obligation ("Compliance") and the status ("Negotiating").
    const issues = doc([
      heading(1, 'Issues for the negotiation session'),
      table(['Issue', 'Priority', 'Kind', 'Our opening', 'Their position', 'Status'], [
        ['Suspension of foreign-national access to the Meridian model family for every enterprise customer', 'Critical', 'Compliance', 'No suspension for existing enterprise customers', 'Suspend access for every foreign national', 'Negotiating'],
        ['Tiered access by model capability under the deemed-export provisions', 'High', 'Response', 'All capability tiers remain available', 'All tiers suspended pending review', 'Compliance'],
        ['Timing of compliance with the suspension order and its transition period', 'Medium', 'Compliance', 'A transition of 180 days', '—', 'Negotiating'],
      ]),
    ]);
    const title = 'Issues for the negotiation session';
    const word = await exported(api, 'document.export', { caseId, document: issues, format: 'docx', title });
    // The brief as `parley brief` writes it: its deadlines table has a Kind column holding "Compliance".
    const brief = await exported(api, 'brief.export', { caseId, meetingId, format: 'docx' });
    const pdfs = await wordToPdf({ issues: word, brief });
    keep('issues-table.docx.pdf', pdfs.issues!);

    const chrome = pageChrome(casePage(api.session.get(caseId), title));
    const vocabulary = new Set(wordsOf(`${documentText(issues)} ${chrome.marking.toUpperCase()} ${chrome.footer} Page 1 of`));
    const text = await pdfText(pdfs.issues!, '-layout');
    const tokens = text.split(/\s+/).filter((t) => t.length > 0);
    expect(tokens.filter((t) => !vocabulary.has(t)), `pieces of broken words in:\n${text}`).toEqual([]);
    for (const whole of ['Status', 'Compliance', 'Negotiating', 'Priority', 'Critical']) expect(tokens).toContain(whole);

    expect((await pdfText(pdfs.brief!, '-layout')).split(/\s+/)).toContain('Compliance');
  }, 240_000);

  it('puts the same footer on PDF and Word pages, from the app\'s drafts (document.export) and from `parley brief` (brief.export)', async () => {
    const { api, caseId, meetingId } = sampleCase();
    const title = `Meeting brief - ${TEXT.meetingTitle}`;
    const document = api.call('brief.build', { caseId, meetingId });
    const cliPdf = await exported(api, 'brief.export', { caseId, meetingId, format: 'pdf' });
    const cliWord = await exported(api, 'brief.export', { caseId, meetingId, format: 'docx' });
    const appPdf = await exported(api, 'document.export', { caseId, document, format: 'pdf', title });
    const appWord = await exported(api, 'document.export', { caseId, document, format: 'docx', title });
    const words = await wordToPdf({ cli: cliWord, app: appWord });
    const expected = `${TEXT.directiveTitle} (${TEXT.reference}) · ${casePage(api.session.get(caseId), title).date} Page n of m`;
    for (const [name, pdf] of Object.entries({ cliPdf, appPdf, cliWord: words.cli!, appWord: words.app! })) {
      const each = footers(await pdfText(pdf, '-layout'));
      expect(each.length, name).toBeGreaterThan(1);
      expect(new Set(each), name).toEqual(new Set([expected]));
    }
  }, 240_000);
});
