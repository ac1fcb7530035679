// The desktop app's PDF printing (Electron's printToPDF in a hidden, closed-down window) and saving exported
// drafts where the user chooses, with a fake Electron around the real core and, where the page is laid out, the
// real Chromium the command line prints with.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { PrintToPDFOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chromiumPdfRenderer, DEFAULT_CHROMIUM } from '../../electron/core/export/pdf.js';
import { electronPdfRenderer, PRINT_PARTITION, PRINT_TO_PDF_OPTIONS } from '../../electron/main/print-to-pdf.js';
import { startParley } from '../../electron/main/shell.js';
import { IPC_CHANNEL } from '../../shared/bridge.js';
import { toHtml } from '../../shared/documents/html.js';
import { DESKTOP_REQUEST_CHANNEL } from '../../shared/desktop.js';
import { doc, footnote, heading, paragraph, table } from '../../shared/documents/build.js';
import type { Envelope } from '../../shared/result.js';
import { tempDir } from '../helpers.js';
import { FakeBrowserWindow, FakeWebContents, fakeElectron, type FakeElectron } from './fake-electron.js';

const BRIEF = doc([
  heading(1, 'Meeting brief: Terms meeting'),
  heading(2, 'Issues', 'issues'),
  table(['Issue', 'Our target'], [['Allied-nation access', 'Tiered access by capability']]),
  paragraph('The order rests on existing export-control authority.', footnote('50 U.S.C. 4813')),
]);
const PAGE = { title: 'Meeting brief - Terms meeting', caseReference: 'EXP-AI-2026-007', date: '3 December 2026' };

/** The page the print window was given, read through the print session's own protocol while the print runs. */
async function servedPage(electron: FakeElectron, contents: FakeWebContents): Promise<Response> {
  const window = FakeBrowserWindow.instances.find((w) => w.webContents === contents)!;
  return electron.session.partitions.get(PRINT_PARTITION)!.protocol.fetch(window.loadedUrl!);
}

describe('printing through Electron (electronPdfRenderer)', () => {
  it('prints in a hidden window with JavaScript off, in a session of its own, with the Chromium path’s options', async () => {
    const electron = fakeElectron({ userData: tempDir(), appPath: tempDir() });
    let served = '';
    let csp: string | null = null;
    FakeWebContents.printer = async (contents) => {
      const response = await servedPage(electron, contents);
      served = await response.text();
      csp = response.headers.get('content-security-policy');
      return Buffer.from('%PDF-1.7 printed');
    };
    const html = toHtml(BRIEF, PAGE);
    const pdf = await electronPdfRenderer(electron)(html);

    expect(pdf.toString()).toBe('%PDF-1.7 printed');
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const window = FakeBrowserWindow.instances[0]!;
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toMatchObject({
      partition: PRINT_PARTITION, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true,
    });
    expect(window.options.webPreferences?.preload).toBeUndefined();
    expect(window.loadedUrl).toMatch(/^parley-app:\/\/print\/[0-9a-f-]{36}\.html$/);
    expect(served).toBe(html);
    expect(csp).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(window.webContents.printed).toEqual([{ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false, margins: { top: 0, bottom: 0, left: 0, right: 0 } }]);
    // Done: the window is gone and the page is no longer served.
    expect(window.isDestroyed()).toBe(true);
    expect((await electron.session.partitions.get(PRINT_PARTITION)!.protocol.fetch(window.loadedUrl!)).status).toBe(404);
  });

  it('lets the print session reach nothing: no permissions, no network, no files, only pages being printed', async () => {
    const electron = fakeElectron({ userData: tempDir(), appPath: tempDir() });
    await electronPdfRenderer(electron)(toHtml(BRIEF, PAGE));
    const printSession = electron.session.partitions.get(PRINT_PARTITION)!;
    expect(printSession.requestPermission('media')).toBe(false);
    expect(printSession.request('https://example.com/track.png')).toBe(false);
    expect(printSession.request('file:///etc/passwd')).toBe(false);
    expect((await printSession.protocol.fetch('parley-app://app/index.html')).status).toBe(404);
    expect((await printSession.protocol.fetch('parley-app://print/../index.html')).status).toBe(404);
  });

  it('closes the window when printing fails, and the failure reaches the caller', async () => {
    const electron = fakeElectron({ userData: tempDir(), appPath: tempDir() });
    FakeWebContents.printer = async () => {
      throw new Error('Printing failed');
    };
    await expect(electronPdfRenderer(electron)(toHtml(BRIEF, PAGE))).rejects.toThrow('Printing failed');
    expect(FakeBrowserWindow.instances[0]!.isDestroyed()).toBe(true);
  });

  it('gives the same pages as the Chromium path: marking, case line and "Page n of m" from the page itself', async () => {
    // The fake window lays the served page out with the real Chromium and Electron's options translated one to one
    // into page.pdf's; the text of its pages must equal what the command line's renderer prints.
    const electron = fakeElectron({ userData: tempDir(), appPath: tempDir() });
    FakeWebContents.printer = async (contents, options) => printWithChromium(await (await servedPage(electron, contents)).text(), options);
    const html = toHtml(BRIEF, PAGE);
    const dir = tempDir();
    const viaElectron = pdfText(await electronPdfRenderer(electron)(html), path.join(dir, 'electron.pdf'));
    const viaChromium = pdfText(await chromiumPdfRenderer()(html), path.join(dir, 'chromium.pdf'));
    expect(viaElectron).toBe(viaChromium);
    expect(viaElectron).toContain('PRIVILEGED & CONFIDENTIAL - ATTORNEY WORK PRODUCT');
    expect(viaElectron).toContain('EXP-AI-2026-007 · 3 December 2026');
    expect(viaElectron).toContain('Page 1 of 1');
  }, 60_000);
});

async function printWithChromium(html: string, options: PrintToPDFOptions): Promise<Buffer> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: DEFAULT_CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await (await browser.newContext({ javaScriptEnabled: false, offline: true })).newPage();
    await page.setContent(html);
    const inches = (v: number | undefined) => `${v ?? 0.4}in`;
    return await page.pdf({
      preferCSSPageSize: options.preferCSSPageSize,
      printBackground: options.printBackground,
      displayHeaderFooter: options.displayHeaderFooter,
      margin: { top: inches(options.margins?.top), bottom: inches(options.margins?.bottom), left: inches(options.margins?.left), right: inches(options.margins?.right) },
    });
  } finally {
    await browser.close();
  }
}

function pdfText(pdf: Buffer, file: string): string {
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

// ---- the shell: the session prints through Electron; Export asks where to save ---------------------------------

async function startShell() {
  vi.spyOn(console, 'warn').mockImplementation(() => {}); // no Electron build of the driver here
  const dir = tempDir('parley-export-');
  const appPath = path.join(dir, 'app');
  fs.mkdirSync(path.join(appPath, 'dist', 'renderer'), { recursive: true });
  const electron = fakeElectron({ userData: path.join(dir, 'userData'), appPath });
  startParley(electron, { argv: ['/usr/bin/parley'], workingDirectory: dir, platform: 'linux', bundleDir: path.join(appPath, 'dist', 'electron'), actor: 'Test Counsel' });
  await electron.app.becomeReady();
  const frame = () => FakeBrowserWindow.instances[0]!.webContents.mainFrame;
  return {
    dir,
    electron,
    call: (name: string, input: unknown) => electron.ipcMain.invoke(IPC_CHANNEL, frame(), name, input) as Promise<Envelope<Record<string, unknown>>>,
    desktop: (name: string, argument: unknown) => electron.ipcMain.invoke(DESKTOP_REQUEST_CHANNEL, frame(), name, argument),
  };
}

afterEach(() => vi.restoreAllMocks());

describe('the desktop shell', () => {
  it('prints a draft exported as PDF through printToPDF (the IPC channel waits for the export)', async () => {
    const { dir, call } = await startShell();
    FakeWebContents.printer = async () => Buffer.from('%PDF-1.7 from printToPDF');
    const created = await call('case.create', { path: path.join(dir, 'userData', 'cases', 'case.parley'), directive: { title: 'Suspension order', status: 'received' } });
    expect(created.ok).toBe(true);
    const caseId = (created as { ok: true; data: { caseId: string } }).data.caseId;
    const exported = await call('document.export', { caseId, document: BRIEF, format: 'pdf', title: 'Brief' });
    expect(exported).toEqual({ ok: true, data: { fileName: 'brief.pdf', mediaType: 'application/pdf', dataBase64: Buffer.from('%PDF-1.7 from printToPDF').toString('base64') } });
    const printWindows = FakeBrowserWindow.instances.filter((w) => w.options.webPreferences?.partition === PRINT_PARTITION);
    expect(printWindows).toHaveLength(1);
    expect(printWindows[0]!.webContents.printed).toEqual([{ ...PRINT_TO_PDF_OPTIONS }]);
  });

  it('asks where to save an exported file, suggests its name and format, and writes it there', async () => {
    const { dir, electron, desktop } = await startShell();
    const bytes = Buffer.from('PK\u0003\u0004 a Word file');
    const target = path.join(dir, 'Chosen name'); // typed without its extension
    electron.dialog.saveAnswers.push({ canceled: false, filePath: target });
    const result = await desktop('saveExportedFile', { fileName: 'meeting-brief-terms-2026-12-03.docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', dataBase64: bytes.toString('base64') });
    expect(result).toEqual({ ok: true, path: `${target}.docx` });
    expect(fs.readFileSync(`${target}.docx`)).toEqual(bytes);
    expect(electron.dialog.shown).toEqual([{
      kind: 'save',
      owner: FakeBrowserWindow.instances[0],
      options: { title: 'Export as Word', defaultPath: 'meeting-brief-terms-2026-12-03.docx', filters: [{ name: 'Word documents', extensions: ['docx'] }] },
    }]);
  });

  it('saves a calendar export as an .ics file, filtered to calendar files', async () => {
    const { dir, electron, desktop } = await startShell();
    const text = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';
    electron.dialog.saveAnswers.push({ canceled: false, filePath: path.join(dir, 'deadlines.ics') });
    const result = await desktop('saveExportedFile', { fileName: 'parley-deadlines.ics', mediaType: 'text/calendar', dataBase64: Buffer.from(text).toString('base64') });
    expect(result).toEqual({ ok: true, path: path.join(dir, 'deadlines.ics') });
    expect(fs.readFileSync(path.join(dir, 'deadlines.ics'), 'utf8')).toBe(text);
    expect(electron.dialog.shown.at(-1)).toMatchObject({ options: { title: 'Export as calendar', filters: [{ name: 'Calendar files (iCalendar)', extensions: ['ics'] }] } });
  });

  it('saves a copy of an attachment of a type no export has (an image), filtered to its type', async () => {
    const { dir, electron, desktop } = await startShell();
    const bytes = Buffer.from('\u0089PNG not really an image');
    electron.dialog.saveAnswers.push({ canceled: false, filePath: path.join(dir, 'chart') });
    const result = await desktop('saveExportedFile', { fileName: 'Scope chart.png', mediaType: 'image/png', dataBase64: bytes.toString('base64') });
    expect(result).toEqual({ ok: true, path: path.join(dir, 'chart.png') });
    expect(fs.readFileSync(path.join(dir, 'chart.png'))).toEqual(bytes);
    expect(electron.dialog.shown.at(-1)).toMatchObject({ options: { defaultPath: 'Scope chart.png', filters: [{ name: 'PNG image files', extensions: ['png'] }] } });
  });

  it('writes nothing when the user cancels, and says why when the file cannot be written', async () => {
    const { dir, electron, desktop } = await startShell();
    const file = { fileName: 'brief.pdf', mediaType: 'application/pdf', dataBase64: Buffer.from('%PDF').toString('base64') };
    electron.dialog.saveAnswers.push({ canceled: true });
    expect(await desktop('saveExportedFile', file)).toEqual({ ok: true, path: null });
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.pdf'))).toEqual([]);
    electron.dialog.saveAnswers.push({ canceled: false, filePath: path.join(dir, 'no such folder', 'brief.pdf') });
    expect(await desktop('saveExportedFile', file)).toEqual({ ok: false, message: expect.stringMatching(/^brief\.pdf was not saved: .+/) });
  });
});
