// IPC: only our window's top frame, showing our pages, reaches the core; unknown names and invalid input are
// refused before any handler runs. The core here is the real one, over real files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RefusedSenderError, registerContractIpc, registerDesktopIpc, type DesktopRequestHandlers } from '../../electron/main/ipc.js';
import { trustedSenderCheck } from '../../electron/main/trusted-sender.js';
import { IPC_CHANNEL } from '../../shared/bridge.js';
import { OPERATION_NAMES } from '../../shared/contract.js';
import { DESKTOP_REQUEST_CHANNEL } from '../../shared/desktop.js';
import type { Envelope } from '../../shared/result.js';
import { testApi } from '../helpers.js';
import { FakeBrowserWindow, FakeFrame, FakeIpcMain } from './fake-electron.js';

async function ourWindow(): Promise<FakeBrowserWindow> {
  const window = new FakeBrowserWindow({});
  await window.loadURL('parley-app://app/index.html');
  return window;
}

async function setup() {
  const api = testApi();
  const window = await ourWindow();
  const ipcMain = new FakeIpcMain();
  const calls: string[] = [];
  registerContractIpc(ipcMain, api.session, trustedSenderCheck(() => [window]), { afterCall: (name) => calls.push(name), log: () => {} });
  const call = (name: unknown, input: unknown, frame = window.webContents.mainFrame) =>
    ipcMain.invoke(IPC_CHANNEL, frame, name, input) as Promise<Envelope<unknown>>;
  return { api, window, ipcMain, calls, call };
}

const directive = { title: 'Export-control suspension order', status: 'received' };

describe('the contract channel', () => {
  it('is one handler on the one channel', async () => {
    const { ipcMain } = await setup();
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_CHANNEL]);
  });

  it('answers every operation of the contract through the dispatcher', async () => {
    const { call } = await setup();
    for (const name of OPERATION_NAMES) {
      // An extra key fails every operation's strict schema: the answer proves the name reached validation.
      const result = await call(name, { notAField: true });
      expect(result.ok, name).toBe(false);
      expect(!result.ok && result.error.code, name).toBe('invalid_input');
    }
  });

  it('refuses names outside the contract without reaching the core', async () => {
    const { call, calls } = await setup();
    for (const name of ['case.drop', 'constructor', '__proto__', 'toString', 42, null, undefined]) {
      const result = await call(name, {});
      expect(!result.ok && result.error.code, String(name)).toBe('unknown_operation');
    }
    expect(calls).toEqual([]);
  });

  it('refuses invalid input before the core runs', async () => {
    const { api, call } = await setup();
    const file = path.join(api.dir, 'never.parley');
    const result = await call('case.create', { path: file, directive: { status: 'received' } });
    expect(!result.ok && result.error.code).toBe('invalid_input');
    expect(!result.ok && result.error.issues?.some((i) => i.path === 'directive.title')).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('runs a valid call through the core and returns its envelope', async () => {
    const { api, call, calls } = await setup();
    const file = path.join(api.dir, 'case.parley');
    const created = await call('case.create', { path: file, directive });
    expect(created.ok).toBe(true);
    expect(fs.existsSync(file)).toBe(true);
    const open = await call('case.listOpen', {});
    expect(open).toEqual({ ok: true, data: [expect.objectContaining({ path: file })] });
    expect(calls).toEqual(['case.create', 'case.listOpen']);
  });

  describe('refuses callers that are not our window', () => {
    const foreign: [string, (window: FakeBrowserWindow) => FakeFrame | null][] = [
      ['no frame (destroyed)', () => null],
      ['a subframe of our window', (w) => new FakeFrame('parley-app://app/index.html', w.webContents.mainFrame)],
      ['another window showing our page', () => new FakeFrame('parley-app://app/index.html')],
      ['our frame at another origin', (w) => Object.assign(w.webContents.mainFrame, { url: 'https://example.com/' })],
      ['our frame on file://', (w) => Object.assign(w.webContents.mainFrame, { url: 'file:///app/index.html' })],
      ['our frame on another app host', (w) => Object.assign(w.webContents.mainFrame, { url: 'parley-app://evil/index.html' })],
      ['the developer tools', () => new FakeFrame('devtools://devtools/bundled/devtools_app.html')],
      ['a detached frame', (w) => Object.assign(w.webContents.mainFrame, { detached: true })],
    ];
    for (const [who, frameOf] of foreign) {
      it(who, async () => {
        const { api, window, call, calls } = await setup();
        const file = path.join(api.dir, 'refused.parley');
        await expect(call('case.create', { path: file, directive }, frameOf(window) as FakeFrame)).rejects.toThrow(RefusedSenderError);
        expect(fs.existsSync(file)).toBe(false);
        expect(calls).toEqual([]);
      });
    }

    it('a window that has been closed', async () => {
      const { window, call } = await setup();
      const frame = window.webContents.mainFrame;
      window.close();
      await expect(call('case.listOpen', {}, frame)).rejects.toThrow(RefusedSenderError);
    });
  });
});

describe('the desktop channel', () => {
  async function desktopSetup() {
    const window = await ourWindow();
    const ipcMain = new FakeIpcMain();
    const received: [string, unknown][] = [];
    const handlers: DesktopRequestHandlers = {
      setDirty: (dirty) => received.push(['setDirty', dirty]),
      setActiveCase: (caseId) => received.push(['setActiveCase', caseId]),
      chooseNewCaseFile: (name) => (received.push(['chooseNewCaseFile', name]), '/cases/new.parley'),
      chooseCaseFileToOpen: () => (received.push(['chooseCaseFileToOpen', undefined]), null),
      listeningForFiles: () => received.push(['listeningForFiles', undefined]),
      saveExportedFile: (file) => (received.push(['saveExportedFile', file]), { ok: true, path: `/exports/${file.fileName}` }),
      passphraseStoreAvailability: () => ({ available: true }),
      recallPassphrase: (file) => (received.push(['recallPassphrase', file]), null),
      rememberPassphrase: (request) => received.push(['rememberPassphrase', request]),
      forgetPassphrase: (file) => received.push(['forgetPassphrase', file]),
    };
    registerDesktopIpc(ipcMain, trustedSenderCheck(() => [window]), handlers);
    const send = (name: unknown, argument?: unknown, frame: FakeFrame | null = window.webContents.mainFrame) =>
      ipcMain.invoke(DESKTOP_REQUEST_CHANNEL, frame, name, argument);
    return { window, received, send };
  }

  it('passes valid requests to their handlers and returns their answers', async () => {
    const { received, send } = await desktopSetup();
    await send('setDirty', true);
    await send('setActiveCase', '0b9f3c1e-8d4a-4c57-9a43-2d1f0e6b7a10');
    await send('setActiveCase', null);
    expect(await send('chooseNewCaseFile', 'Directive 2025/12')).toBe('/cases/new.parley');
    expect(await send('chooseCaseFileToOpen')).toBeNull();
    await send('listeningForFiles');
    expect(received).toEqual([
      ['setDirty', true],
      ['setActiveCase', '0b9f3c1e-8d4a-4c57-9a43-2d1f0e6b7a10'],
      ['setActiveCase', null],
      ['chooseNewCaseFile', 'Directive 2025/12'],
      ['chooseCaseFileToOpen', undefined],
      ['listeningForFiles', undefined],
    ]);
  });

  it('refuses unknown requests and invalid arguments before any handler runs', async () => {
    const { received, send } = await desktopSetup();
    await expect(send('openDevTools')).rejects.toThrow(/no desktop request/);
    await expect(send('hasOwnProperty')).rejects.toThrow(/no desktop request/);
    await expect(send('setDirty', 'yes')).rejects.toThrow(/Invalid argument/);
    await expect(send('setActiveCase', '../../etc')).rejects.toThrow(/Invalid argument/);
    await expect(send('rememberPassphrase', { path: '/cases/a.parley', passphrase: '' })).rejects.toThrow(/Invalid argument/);
    await expect(send('rememberPassphrase', { path: '/cases/a.parley', passphrase: 'x', extra: 1 })).rejects.toThrow(/Invalid argument/);
    await expect(send('chooseNewCaseFile', 'x'.repeat(300))).rejects.toThrow(/Invalid argument/);
    await expect(send('chooseCaseFileToOpen', { sneaky: true })).rejects.toThrow(/Invalid argument/);
    expect(received).toEqual([]);
  });

  it('passes an exported file to be saved only if it is one: an export name, base64 bytes, nothing more', async () => {
    const { received, send } = await desktopSetup();
    const file = { fileName: 'meeting-brief-terms-2026-12-03.docx', mediaType: 'application/octet-stream', dataBase64: 'UEsDBA==' };
    expect(await send('saveExportedFile', file)).toEqual({ ok: true, path: '/exports/meeting-brief-terms-2026-12-03.docx' });
    for (const bad of [
      { ...file, fileName: 'payload.exe' },
      { ...file, fileName: 'brief.pdf.sh' },
      { ...file, fileName: '' },
      { ...file, fileName: `${'x'.repeat(300)}.pdf` },
      { ...file, dataBase64: 'not base64!' },
      { ...file, path: '/etc/passwd' },
      { fileName: 'brief.pdf' },
      'brief.pdf',
    ]) {
      await expect(send('saveExportedFile', bad), JSON.stringify(bad).slice(0, 80)).rejects.toThrow(/Invalid argument/);
    }
    expect(received).toEqual([['saveExportedFile', file]]);
  });

  it('refuses foreign senders', async () => {
    const { received, send } = await desktopSetup();
    await expect(send('setDirty', true, new FakeFrame('parley-app://app/index.html'))).rejects.toThrow(RefusedSenderError);
    await expect(send('setDirty', true, null)).rejects.toThrow(RefusedSenderError);
    expect(received).toEqual([]);
  });
});
