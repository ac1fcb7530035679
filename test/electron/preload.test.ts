// The preload gives the page named functions only: the bridge over the contract and the desktop functions.
// Electron's own module is replaced at its boundary (vi.mock) to see what preload.ts exposes.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createBridge, createDesktopApi, type IpcRendererLike } from '../../electron/preload/api.js';
import { IPC_CHANNEL } from '../../shared/bridge.js';
import { OPERATION_NAMES } from '../../shared/contract.js';
import { DESKTOP_EVENT_CHANNEL, DESKTOP_REQUEST_CHANNEL, type ParleyDesktop } from '../../shared/desktop.js';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

class FakeIpcRenderer implements IpcRendererLike {
  readonly invoked: unknown[][] = [];
  readonly listeners = new Map<string, IpcListener[]>();
  answer: unknown = { ok: true, data: null };
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, ...args]);
    return this.answer;
  }
  on(channel: string, listener: IpcListener): void {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
  }
  removeListener(channel: string, listener: IpcListener): void {
    this.listeners.set(channel, (this.listeners.get(channel) ?? []).filter((l) => l !== listener));
  }
  /** The main process sends an event. */
  emit(channel: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(channel) ?? []) listener({ sender: 'ipc event' }, ...args);
  }
}

const DESKTOP_FUNCTIONS: (keyof ParleyDesktop)[] = [
  'onOpenFile', 'onMenuCommand', 'setDirty', 'setActiveCase', 'chooseNewCaseFile', 'chooseCaseFileToOpen',
  'chooseChangesFileToOpen', 'chooseChangesFileToSave',
  'saveExportedFile', 'caseFolder',
  'passphraseStoreAvailability', 'isPassphraseRemembered', 'rememberPassphrase', 'forgetPassphrase',
];

describe('window.parley (the bridge)', () => {
  it('has one function per contract operation and nothing else', () => {
    const bridge = createBridge(new FakeIpcRenderer());
    expect(Object.keys(bridge).sort()).toEqual([...OPERATION_NAMES].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('sends the operation name first over the one channel and resolves to the envelope', async () => {
    const ipc = new FakeIpcRenderer();
    ipc.answer = { ok: true, data: [] };
    const bridge = createBridge(ipc);
    await expect(bridge['case.listOpen']({})).resolves.toEqual({ ok: true, data: [] });
    await bridge['case.open']({ path: '/cases/a.parley' });
    expect(ipc.invoked).toEqual([
      [IPC_CHANNEL, 'case.listOpen', {}],
      [IPC_CHANNEL, 'case.open', { path: '/cases/a.parley' }],
    ]);
  });
});

describe('window.parleyDesktop', () => {
  it('has exactly the named desktop functions', () => {
    const desktop = createDesktopApi(new FakeIpcRenderer());
    expect(Object.keys(desktop).sort()).toEqual([...DESKTOP_FUNCTIONS].sort());
    for (const value of Object.values(desktop)) expect(typeof value).toBe('function');
  });

  it('delivers files to open, without the IPC event, until unsubscribed', () => {
    const ipc = new FakeIpcRenderer();
    const desktop = createDesktopApi(ipc);
    const received: unknown[][] = [];
    const unsubscribe = desktop.onOpenFile((...args) => received.push(args));
    ipc.emit(DESKTOP_EVENT_CHANNEL, 'openFile', '/cases/a.parley');
    ipc.emit(DESKTOP_EVENT_CHANNEL, 'menuCommand', 'newCase');
    ipc.emit(DESKTOP_EVENT_CHANNEL, 'openFile', 42);
    ipc.emit(DESKTOP_EVENT_CHANNEL, 'openFile', '');
    unsubscribe();
    ipc.emit(DESKTOP_EVENT_CHANNEL, 'openFile', '/cases/b.parley');
    expect(received).toEqual([['/cases/a.parley']]);
    expect(ipc.listeners.get(DESKTOP_EVENT_CHANNEL)).toEqual([]);
  });

  it('tells the main process it listens for files, so files kept for it can come', () => {
    const ipc = new FakeIpcRenderer();
    createDesktopApi(ipc).onOpenFile(() => {});
    expect(ipc.invoked).toEqual([[DESKTOP_REQUEST_CHANNEL, 'listeningForFiles', undefined]]);
  });

  it('delivers only known menu commands', () => {
    const ipc = new FakeIpcRenderer();
    const commands: string[] = [];
    createDesktopApi(ipc).onMenuCommand((command) => commands.push(command));
    ipc.emit(DESKTOP_EVENT_CHANNEL, 'menuCommand', 'newCase');
    ipc.emit(DESKTOP_EVENT_CHANNEL, 'menuCommand', 'formatDisk');
    ipc.emit(DESKTOP_EVENT_CHANNEL, 'menuCommand', 'closeCase');
    ipc.emit(DESKTOP_EVENT_CHANNEL, 'menuCommand', 'print');
    expect(commands).toEqual(['newCase', 'closeCase', 'print']);
  });

  it('sends its requests by name over the desktop channel', async () => {
    const ipc = new FakeIpcRenderer();
    const desktop = createDesktopApi(ipc);
    desktop.setDirty(true);
    desktop.setDirty('yes' as unknown as boolean);
    desktop.setActiveCase(null);
    ipc.answer = '/cases/new.parley';
    await expect(desktop.chooseNewCaseFile('Directive')).resolves.toBe('/cases/new.parley');
    ipc.answer = null;
    await expect(desktop.chooseCaseFileToOpen()).resolves.toBeNull();
    await expect(desktop.chooseChangesFileToOpen()).resolves.toBeNull();
    await expect(desktop.chooseChangesFileToSave('Directive changes')).resolves.toBeNull();
    const listing = { folder: '/data/cases', separator: '/', files: [], changeFiles: [] };
    ipc.answer = listing;
    await expect(desktop.caseFolder()).resolves.toEqual(listing);
    ipc.answer = true;
    await expect(desktop.isPassphraseRemembered('/cases/sealed.parley')).resolves.toBe(true);
    ipc.answer = 'copper lantern'; // whatever comes back, the page learns a yes or a no
    await expect(desktop.isPassphraseRemembered('/cases/sealed.parley')).resolves.toBe(false);
    await desktop.rememberPassphrase('/cases/sealed.parley', 'copper lantern');
    await desktop.forgetPassphrase('/cases/sealed.parley');
    expect(ipc.invoked).toEqual([
      [DESKTOP_REQUEST_CHANNEL, 'setDirty', true],
      [DESKTOP_REQUEST_CHANNEL, 'setDirty', false],
      [DESKTOP_REQUEST_CHANNEL, 'setActiveCase', null],
      [DESKTOP_REQUEST_CHANNEL, 'chooseNewCaseFile', 'Directive'],
      [DESKTOP_REQUEST_CHANNEL, 'chooseCaseFileToOpen', undefined],
      [DESKTOP_REQUEST_CHANNEL, 'chooseChangesFileToOpen', undefined],
      [DESKTOP_REQUEST_CHANNEL, 'chooseChangesFileToSave', 'Directive changes'],
      [DESKTOP_REQUEST_CHANNEL, 'caseFolder', undefined],
      [DESKTOP_REQUEST_CHANNEL, 'isPassphraseRemembered', '/cases/sealed.parley'],
      [DESKTOP_REQUEST_CHANNEL, 'isPassphraseRemembered', '/cases/sealed.parley'],
      [DESKTOP_REQUEST_CHANNEL, 'rememberPassphrase', { path: '/cases/sealed.parley', passphrase: 'copper lantern' }],
      [DESKTOP_REQUEST_CHANNEL, 'forgetPassphrase', '/cases/sealed.parley'],
    ]);
  });

  it('saves an exported file: the path written, null when cancelled, and a rejection saying why when it failed', async () => {
    const ipc = new FakeIpcRenderer();
    const desktop = createDesktopApi(ipc);
    const file = { fileName: 'brief.pdf', mediaType: 'application/pdf', dataBase64: 'JVBERi0=' };
    ipc.answer = { ok: true, path: '/home/counsel/brief.pdf' };
    await expect(desktop.saveExportedFile({ ...file, extra: 'dropped' } as typeof file)).resolves.toBe('/home/counsel/brief.pdf');
    ipc.answer = { ok: true, path: null };
    await expect(desktop.saveExportedFile(file)).resolves.toBeNull();
    ipc.answer = { ok: false, message: 'brief.pdf was not saved: the disk is full.' };
    await expect(desktop.saveExportedFile(file)).rejects.toThrow('brief.pdf was not saved: the disk is full.');
    // Only the three fields travel, whatever else the caller's object holds.
    expect(ipc.invoked[0]).toEqual([DESKTOP_REQUEST_CHANNEL, 'saveExportedFile', file]);
  });
});

const exposed = new Map<string, unknown>();
const ipcRenderer = new FakeIpcRenderer();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer,
}));

describe('preload.ts', () => {
  beforeEach(async () => {
    exposed.clear();
    vi.resetModules();
    await import('../../electron/preload/preload.js');
  });

  it('exposes window.parley and window.parleyDesktop through the context bridge, and nothing else', () => {
    expect([...exposed.keys()].sort()).toEqual(['parley', 'parleyDesktop']);
    expect(Object.keys(exposed.get('parley') as object).sort()).toEqual([...OPERATION_NAMES].sort());
    expect(Object.keys(exposed.get('parleyDesktop') as object).sort()).toEqual([...DESKTOP_FUNCTIONS].sort());
  });

  it('never hands the page ipcRenderer or an object holding it', () => {
    for (const api of exposed.values()) {
      for (const value of Object.values(api as object)) {
        expect(value).not.toBe(ipcRenderer);
        expect(typeof value).toBe('function');
      }
    }
  });
});
