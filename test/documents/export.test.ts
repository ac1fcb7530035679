// Exports read back by real tools: the PDF printed by Chromium read with pdftotext, the Word file converted to PDF by
// LibreOffice and read the same way. Set PARLEY_KEEP_EXPORTS=<folder> to keep the files for a look.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MEETING_BRIEF_SECTIONS, paragraph, doc } from '../../shared/documents/index.js';
import { renderMeetingBrief } from '../../electron/core/briefs/index.js';
import { exportDocument } from '../../electron/core/export/index.js';
import { tempDir } from '../helpers.js';
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

async function pdfText(pdf: Buffer): Promise<string> {
  const file = path.join(tempDir('parley-pdf-'), 'out.pdf');
  fs.writeFileSync(file, pdf);
  // -raw: text in the order it was drawn, which keeps each table cell's lines together.
  return (await run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
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

/** What every export of the sample brief must show: the section headings and every cell of the issues table. */
function expectBriefContent(text: string, opts: { shareable?: boolean } = {}): void {
  const flat = squash(text);
  for (const s of MEETING_BRIEF_SECTIONS) {
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
    for (const s of MEETING_BRIEF_SECTIONS) expect(md).toContain(`\n## ${s.title}\n`);
    const i = TEXT.issues[0]!;
    expect(md).toMatch(new RegExp(`\\| \\[${i.title}\\]\\(<parley://record/issue/[0-9a-f-]+>\\) \\| Critical \\| ${i.ourOpening} \\| ${i.ourTarget} \\| ${i.ourWalkaway} \\| ${i.theirPosition} \\| Open \\|`));
    expectBriefContent(md);

    const html = await renderMeetingBrief(cf, meetingId, { format: 'html', today: TODAY });
    keep(html.fileName, html.bytes);
    const page = html.bytes.toString('utf8');
    for (const s of MEETING_BRIEF_SECTIONS) expect(page).toContain(`<h2 id="section-${s.id}">${s.title}</h2>`);
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
