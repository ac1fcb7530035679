// The whole shell with a fake Electron around the real core: start-up order, the window, IPC, files from outside,
// the menu's file commands, closing with unsaved edits, and reminders.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY } from '../../electron/main/app-protocol.js';
import type { SchedulerClock } from '../../electron/main/reminders.js';
import { webPreferences } from '../../electron/main/security.js';
import { APP_ID, safeFileName, startParley, withExtension, type DesktopShell } from '../../electron/main/shell.js';
import { WINDOW_STATE_FILE } from '../../electron/main/window-state.js';
import { IPC_CHANNEL } from '../../shared/bridge.js';
import { DESKTOP_EVENT_CHANNEL, DESKTOP_REQUEST_CHANNEL } from '../../shared/desktop.js';
import type { Envelope } from '../../shared/result.js';
import { tempDir } from '../helpers.js';
import { FakeBrowserWindow, FakeNotification, Preventable, fakeElectron, type FakeElectron } from './fake-electron.js';
import { ManualClock } from './manual-clock.js';

/** Lets promises started by event handlers (dialogs, menu actions) run to their end. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

interface Started {
  electron: FakeElectron;
  shell: DesktopShell;
  dir: string;
  userData: string;
  /** The app's cases folder, where the renderer may create case files without a save dialog. */
  casesDir: string;
  bundleDir: string;
  window: () => FakeBrowserWindow;
  call: (name: string, input: unknown) => Promise<Envelope<{ caseId: string; path: string }>>;
  desktop: (name: string, argument?: unknown) => Promise<unknown>;
  events: (name?: string) => unknown[];
}

async function start(options: { argv?: string[]; platform?: NodeJS.Platform; isPackaged?: boolean; clock?: SchedulerClock; timeZone?: string; beforeReady?: (e: FakeElectron) => void } = {}): Promise<Started> {
  const dir = tempDir('parley-shell-');
  const userData = path.join(dir, 'userData');
  const appPath = path.join(dir, 'app');
  const bundleDir = path.join(appPath, 'dist', 'electron');
  fs.mkdirSync(path.join(appPath, 'dist', 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Parley</title>');
  const electron = fakeElectron({ userData, appPath, isPackaged: options.isPackaged });
  const shell = startParley(electron, {
    argv: options.argv ?? ['/usr/bin/parley'],
    workingDirectory: dir,
    platform: options.platform ?? 'linux',
    bundleDir,
    actor: 'Test Counsel',
    clock: options.clock,
    timeZone: options.timeZone,
  })!;
  options.beforeReady?.(electron);
  await electron.app.becomeReady();
  const window = () => FakeBrowserWindow.instances.at(-1)!;
  return {
    electron, shell, dir, userData, bundleDir, window, casesDir: path.join(electron.app.getPath(), 'cases'),
    call: (name, input) => electron.ipcMain.invoke(IPC_CHANNEL, window().webContents.mainFrame, name, input) as Promise<Envelope<{ caseId: string; path: string }>>,
    desktop: (name, argument) => electron.ipcMain.invoke(DESKTOP_REQUEST_CHANNEL, window().webContents.mainFrame, name, argument),
    events: (name) => window().webContents.sent.filter((s) => s.channel === DESKTOP_EVENT_CHANNEL && (!name || s.args[0] === name)).map((s) => s.args[1]),
  };
}

const directive = { title: 'Export-control suspension order', status: 'received' };

beforeEach(() => {
  // The Electron build of the driver does not exist here; the shell says so on the console while developing.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('starting', () => {
  it('registers the app scheme before the app is ready and takes the single-instance lock', async () => {
    const { electron } = await start();
    expect(electron.log.slice(0, 3)).toEqual(['registerSchemesAsPrivileged', 'requestSingleInstanceLock', 'ready']);
  });

  it('keeps its data where --user-data-dir says', async () => {
    const { dir, electron, call } = await start({ argv: ['/usr/bin/parley', '--user-data-dir=portable'] });
    expect(electron.app.getPath()).toBe(path.join(dir, 'portable'));
    await call('case.create', { path: path.join(dir, 'portable', 'cases', 'case.parley'), directive });
    expect(fs.existsSync(path.join(dir, 'portable', 'library.json'))).toBe(true);
  });

  it('a second launch quits and sets nothing up', async () => {
    const dir = tempDir();
    const electron = fakeElectron({ userData: dir, appPath: dir, gotLock: false });
    expect(startParley(electron, { argv: [], workingDirectory: dir, platform: 'linux', bundleDir: dir })).toBeNull();
    expect(electron.app.calls).toContain('quit');
    expect(electron.ipcMain.handlers.size).toBe(0);
    expect(electron.app.listenerCount('second-instance')).toBe(0);
  });

  it('opens one hardened window showing the app once it is ready to show', async () => {
    const { bundleDir, window } = await start();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(window().options.webPreferences).toEqual({ ...webPreferences(path.join(bundleDir, 'preload.cjs')) });
    expect(window().loadedUrl).toBe(APP_ENTRY_URL);
    expect(window().calls).toEqual([]);
    window().emit('ready-to-show');
    expect(window().calls).toEqual(['show']);
  });

  it('serves the renderer through the app scheme with the CSP', async () => {
    const { electron } = await start();
    const response = await electron.protocol.fetch(APP_ENTRY_URL);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Parley</title>');
  });

  it('secures the session: no permissions, no network', async () => {
    const { electron } = await start();
    const session = electron.session.defaultSession;
    expect(session.requestPermission('media')).toBe(false);
    expect(session.request('https://example.com/')).toBe(false);
    expect(session.request(APP_ENTRY_URL)).toBe(true);
  });

  it('hardens every web contents the app creates, offering web links to the browser only when the user agrees', async () => {
    const { electron, window } = await start();
    electron.app.emit('web-contents-created', {}, window().webContents);
    electron.dialog.messageAnswers.push(0, 1);
    expect(window().webContents.navigate('will-navigate', 'https://example.com/a')).toBe(false);
    expect(window().webContents.windowOpenHandler!({ url: 'https://example.com/b' })).toEqual({ action: 'deny' });
    await settle();
    expect(electron.dialog.shown.map((d) => (d.options as { detail: string }).detail)).toEqual(['https://example.com/a', 'https://example.com/b']);
    expect(electron.shell.opened).toEqual(['https://example.com/b']);
  });

  it('stops with an explanation when a package lacks the Electron build of the driver', async () => {
    const { electron } = await start({ isPackaged: true });
    expect(electron.dialog.shown).toEqual([{ kind: 'error', options: { title: 'Parley cannot start', content: expect.stringContaining('driver') } }]);
    expect(electron.app.calls).toContain('quit');
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('sets the AppUserModelId on Windows, which notifications need', async () => {
    expect((await start({ platform: 'win32' })).electron.app.appUserModelId).toBe(APP_ID);
    expect((await start({ platform: 'linux' })).electron.app.appUserModelId).toBeNull();
  });
});

describe('IPC through the shell', () => {
  it('answers the window, and follows the library in Open Recent', async () => {
    const { electron, casesDir, call } = await start();
    const file = path.join(casesDir, 'case.parley');
    const created = await call('case.create', { path: file, directive });
    expect(created).toMatchObject({ ok: true });
    expect(electron.app.recentDocuments).toEqual([file]);
    const recent = electron.Menu.item('open-recent').submenu as { label: string }[];
    expect(recent.map((r) => r.label)).toEqual([`case.parley — ${casesDir}`]);
  });

  it('makes new case files in the cases folder, or where the save dialog answered, and nowhere else', async () => {
    const { electron, dir, casesDir, call, desktop } = await start();
    const home = path.join(dir, 'home');
    fs.mkdirSync(home);
    for (const target of [path.join(home, '.bash_profile'), path.join(home, 'Directive 8.parley')]) {
      const refused = await call('case.create', { path: target, directive });
      expect(!refused.ok && refused.error.code, target).toBe('invalid_input');
      expect(fs.existsSync(target), target).toBe(false);
    }
    electron.dialog.saveAnswers.push({ canceled: false, filePath: path.join(home, 'Directive 8') });
    expect(await desktop('chooseNewCaseFile', 'Directive 8')).toBe(path.join(home, 'Directive 8.parley'));
    expect((await call('case.create', { path: path.join(home, 'Directive 8.parley'), directive })).ok).toBe(true);
    expect((await call('case.create', { path: path.join(casesDir, 'Directive 9.parley'), directive })).ok).toBe(true);
    expect(await desktop('caseFolder')).toEqual({ folder: casesDir, separator: path.sep, files: [expect.objectContaining({ name: 'Directive 9.parley', path: path.join(casesDir, 'Directive 9.parley') })], changeFiles: [] });
  });

  it('refuses a frame that is not the window', async () => {
    const { electron } = await start();
    await expect(electron.ipcMain.invoke(IPC_CHANNEL, null, 'case.listOpen', {})).rejects.toThrow(/Refused/);
  });
});

describe('case files from outside', () => {
  it('delivers files from the command line once the renderer listens', async () => {
    const { dir, desktop, events } = await start({ argv: ['/usr/bin/parley', 'a.parley', '--verbose'] });
    expect(events('openFile')).toEqual([]);
    await desktop('listeningForFiles');
    expect(events('openFile')).toEqual([path.join(dir, 'a.parley')]);
  });

  it('brings the window forward and opens what a second launch names', async () => {
    const { electron, window, desktop, events } = await start();
    await desktop('listeningForFiles');
    window().minimized = true;
    electron.app.emit('second-instance', {}, ['/usr/bin/parley', 'b.parley'], '/home/counsel');
    expect(window().calls).toEqual(['restore', 'show', 'focus']);
    expect(events('openFile')).toEqual([path.resolve('/home/counsel', 'b.parley')]);
  });

  it('takes macOS open-file events, even before the app is ready', async () => {
    const event = new Preventable();
    const { desktop, events } = await start({ platform: 'darwin', beforeReady: (e) => e.app.emit('open-file', event, '/cases/c.parley') });
    expect(event.defaultPrevented).toBe(true);
    await desktop('listeningForFiles');
    expect(events('openFile')).toEqual([path.resolve('/cases/c.parley')]);
  });
});

describe('the File menu', () => {
  async function withOpenCase() {
    const started = await start();
    const file = path.join(started.casesDir, 'Directive 7.parley');
    const created = await started.call('case.create', { path: file, directive });
    if (!created.ok) throw new Error('case.create failed');
    await started.desktop('listeningForFiles');
    await started.desktop('setActiveCase', created.data.caseId);
    return { ...started, file, caseId: created.data.caseId };
  }

  it('Open... asks for a .parley file and sends it to the renderer', async () => {
    const { electron, window, desktop, events } = await start();
    await desktop('listeningForFiles');
    electron.dialog.openAnswers.push({ canceled: false, filePaths: ['/cases/d.parley'] });
    electron.Menu.click('open');
    await settle();
    expect(electron.dialog.shown[0]).toMatchObject({ kind: 'open', owner: window(), options: { filters: [{ extensions: ['parley'] }] } });
    expect(events('openFile')).toEqual(['/cases/d.parley']);
  });

  it('New Case and Close Case go to the renderer as commands', async () => {
    const { electron, events } = await withOpenCase();
    electron.Menu.click('new-case');
    electron.Menu.click('close-case');
    expect(events('menuCommand')).toEqual(['newCase', 'closeCase']);
  });

  it('Merge a Copy, Import Changes and Export Changes go to the renderer as commands, once a case is shown', async () => {
    const { electron, events, desktop } = await withOpenCase();
    electron.Menu.click('merge-copy');
    electron.Menu.click('import-changes');
    electron.Menu.click('export-changes');
    expect(events('menuCommand')).toEqual(['mergeCopy', 'importChanges', 'exportChanges']);
    await desktop('setActiveCase', null);
    for (const id of ['merge-copy', 'import-changes', 'export-changes']) expect(electron.Menu.item(id).enabled, id).toBe(false);
  });

  it('exports changes where the save dialog answered, and nowhere else outside the cases folder', async () => {
    const { electron, dir, call, caseId, desktop } = await withOpenCase();
    const home = path.join(dir, 'home');
    fs.mkdirSync(home);
    const refused = await call('changes.export', { caseId, path: path.join(home, 'for-bob.parley-changes') });
    expect(!refused.ok && refused.error.code).toBe('invalid_input');
    expect(fs.readdirSync(home)).toEqual([]);
    electron.dialog.saveAnswers.push({ canceled: false, filePath: path.join(home, 'for-bob') });
    expect(await desktop('chooseChangesFileToSave', 'Directive 7 changes')).toBe(path.join(home, 'for-bob.parley-changes'));
    expect(electron.dialog.shown.at(-1)).toMatchObject({ kind: 'save', options: { defaultPath: 'Directive 7 changes.parley-changes', filters: [{ extensions: ['parley-changes'] }] } });
    expect(await call('changes.export', { caseId, path: path.join(home, 'for-bob.parley-changes') })).toMatchObject({ ok: true, data: { path: path.join(home, 'for-bob.parley-changes') } });
    electron.dialog.openAnswers.push({ canceled: false, filePaths: [path.join(home, 'for-bob.parley-changes')] });
    expect(await desktop('chooseChangesFileToOpen')).toBe(path.join(home, 'for-bob.parley-changes'));
    expect(electron.dialog.shown.at(-1)).toMatchObject({ kind: 'open', options: { filters: [{ extensions: ['parley-changes'] }] } });
  });

  it('Print (Cmd/Ctrl+P) goes to the renderer as a command, once a case is shown', async () => {
    const { electron, events, desktop } = await withOpenCase();
    expect(electron.Menu.item('print')).toMatchObject({ label: 'Print…', accelerator: 'CmdOrCtrl+P', enabled: true });
    electron.Menu.click('print');
    expect(events('menuCommand')).toEqual(['print']);
    await desktop('setActiveCase', null);
    expect(electron.Menu.item('print').enabled).toBe(false);
  });

  it('File > Attach… goes to the renderer as a command, once a case is shown', async () => {
    const { electron, events, desktop } = await withOpenCase();
    expect(electron.Menu.item('attach')).toMatchObject({ label: 'Attach…', enabled: true });
    electron.Menu.click('attach');
    expect(events('menuCommand')).toEqual(['attach']);
    await desktop('setActiveCase', null);
    expect(electron.Menu.item('attach').enabled).toBe(false);
  });

  it('Lock Parley, a locked screen and a suspend each ask the renderer to lock', async () => {
    const { electron, events } = await withOpenCase();
    electron.Menu.click('lock');
    electron.powerMonitor.emit('lock-screen');
    electron.powerMonitor.emit('suspend');
    electron.powerMonitor.emit('resume');
    expect(events('menuCommand')).toEqual(['lock', 'lock', 'lock']);
  });

  it('remembers passphrases with safeStorage and opens with them itself, never handing one to the window; unavailable on Linux basic_text', async () => {
    const { electron, desktop, call, casesDir, userData } = await start();
    const file = path.join(casesDir, 'sealed.parley');
    const made = await call('case.create', { path: file, directive, passphrase: 'copper lantern orchard' });
    await call('case.close', { caseId: made.ok ? made.data.caseId : '' });
    expect(await desktop('passphraseStoreAvailability')).toEqual({ available: true });
    await desktop('rememberPassphrase', { path: file, passphrase: 'copper lantern orchard' });
    expect(fs.readFileSync(path.join(userData, 'remembered-passphrases.json'), 'utf8')).not.toContain('copper');
    await expect(desktop('recallPassphrase', file)).rejects.toThrow(/no desktop request/);
    const opened = await call('case.open', { path: file });
    expect(opened).toMatchObject({ ok: true, data: { path: file, encrypted: true } });
    expect(await desktop('isPassphraseRemembered', file)).toBe(true);
    await call('case.close', { caseId: opened.ok ? opened.data.caseId : '' });
    await desktop('forgetPassphrase', file);
    expect(await desktop('isPassphraseRemembered', file)).toBe(false);
    const asked = await call('case.open', { path: file });
    expect(!asked.ok && asked.error.code).toBe('passphrase_required');

    electron.safeStorage.backend = 'basic_text';
    expect(await desktop('passphraseStoreAvailability')).toMatchObject({ available: false, reason: expect.stringMatching(/keyring/) });
    await expect(desktop('rememberPassphrase', { path: file, passphrase: 'copper lantern orchard' })).rejects.toThrow(/keyring/);
  });

  it('Save a Copy As writes a copy of the case shown', async () => {
    const { electron, dir } = await withOpenCase();
    const target = path.join(dir, 'Directive 7 backup');
    electron.dialog.saveAnswers.push({ canceled: false, filePath: target });
    electron.Menu.click('save-copy');
    await settle();
    expect(electron.dialog.shown[0]).toMatchObject({ kind: 'save', options: { defaultPath: 'Directive 7 copy.parley', filters: [{ extensions: ['parley'] }] } });
    expect(fs.readFileSync(`${target}.parley`).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('Save a Copy As reports a failure in a dialog', async () => {
    const { electron, file } = await withOpenCase();
    electron.dialog.saveAnswers.push({ canceled: false, filePath: file });
    electron.dialog.messageAnswers.push(0);
    electron.Menu.click('save-copy');
    await settle();
    expect(electron.dialog.shown[1]).toMatchObject({ kind: 'message', options: { type: 'error', message: 'The copy was not saved' } });
  });

  it('Export and Import round-trip a case through a JSON file', async () => {
    const { electron, dir, events } = await withOpenCase();
    const exported = path.join(dir, 'export.json');
    electron.dialog.saveAnswers.push({ canceled: false, filePath: exported });
    electron.Menu.click('export');
    await settle();
    expect(JSON.parse(fs.readFileSync(exported, 'utf8')).format).toBe('parley-case-export');

    // The same case may not be open twice in one session: close it before importing its export.
    const { caseId } = JSON.parse(fs.readFileSync(exported, 'utf8')) as { caseId: string };
    await electron.ipcMain.invoke(IPC_CHANNEL, FakeBrowserWindow.instances[0]!.webContents.mainFrame, 'case.close', { caseId });
    const target = path.join(dir, 'imported.parley');
    electron.dialog.openAnswers.push({ canceled: false, filePaths: [exported] });
    electron.dialog.saveAnswers.push({ canceled: false, filePath: target });
    electron.Menu.click('import');
    await settle();
    expect(fs.existsSync(target)).toBe(true);
    expect(events('openFile')).toEqual([target]);
  });

  it('disables Save a Copy, Export and Close when no case is shown', async () => {
    const { electron, desktop } = await withOpenCase();
    await desktop('setActiveCase', null);
    expect(() => electron.Menu.click('save-copy')).toThrow(/disabled/);
    expect(electron.Menu.item('export').enabled).toBe(false);
  });

  it('disables them again once the case shown is closed', async () => {
    const { electron, call, caseId } = await withOpenCase();
    expect(electron.Menu.item('save-copy').enabled).toBe(true);
    await call('case.close', { caseId });
    expect(electron.Menu.item('save-copy').enabled).toBe(false);
  });

  it('asks where to create a new case, adding the extension the dialog left off', async () => {
    const { electron, desktop } = await start();
    electron.dialog.saveAnswers.push({ canceled: false, filePath: '/cases/Directive 8' }, { canceled: true, filePath: '' });
    expect(await desktop('chooseNewCaseFile', 'Directive 8: scope/annex')).toBe('/cases/Directive 8.parley');
    expect(electron.dialog.shown[0]).toMatchObject({ options: { defaultPath: 'Directive 8 scope annex.parley' } });
    expect(await desktop('chooseNewCaseFile')).toBeNull();
  });
});

describe('closing', () => {
  it('asks before closing with unsaved edits, and closes only when told to', async () => {
    const { electron, window, desktop } = await start();
    await desktop('setDirty', true);
    expect(window().documentEdited).toBe(true);
    electron.dialog.messageAnswers.push(0, 1);
    window().close();
    await settle();
    expect(window().destroyed).toBe(false);
    expect(electron.dialog.shown.map((d) => (d.options as { message: string }).message)).toEqual(['You have edits that are not saved.']);
    window().close();
    await settle();
    expect(window().destroyed).toBe(true);
  });

  it('forgets unsaved edits when the page reloads (the reload discarded them)', async () => {
    const { electron, window, desktop } = await start();
    await desktop('setDirty', true);
    window().webContents.emit('did-start-loading');
    window().close();
    expect(window().destroyed).toBe(true);
    expect(electron.dialog.shown).toEqual([]);
  });

  it('closes without asking when nothing is unsaved, remembering the window for next time', async () => {
    const first = await start();
    first.window().bounds = { x: 50, y: 70, width: 1500, height: 950 };
    first.window().maximized = true;
    first.window().close();
    expect(first.electron.dialog.shown).toEqual([]);
    expect(JSON.parse(fs.readFileSync(path.join(first.userData, WINDOW_STATE_FILE), 'utf8'))).toEqual({ x: 50, y: 70, width: 1500, height: 950, maximized: true });
    expect(first.electron.app.calls).not.toContain('quit');
    first.electron.app.emit('window-all-closed');
    expect(first.electron.app.calls).toContain('quit');
  });

  it('reopens the window where it was', async () => {
    const { window } = await start({
      beforeReady: (e) => {
        const userData = e.app.getPath();
        fs.mkdirSync(userData, { recursive: true });
        fs.writeFileSync(path.join(userData, WINDOW_STATE_FILE), JSON.stringify({ x: 50, y: 70, width: 1500, height: 950, maximized: true }));
      },
    });
    expect(window().options).toMatchObject({ x: 50, y: 70, width: 1500, height: 950 });
    expect(window().maximized).toBe(true);
  });

  it('on macOS stays running with no window and brings one back when activated', async () => {
    const { electron, window } = await start({ platform: 'darwin' });
    window().close();
    electron.app.emit('window-all-closed');
    expect(electron.app.calls).not.toContain('quit');
    electron.app.emit('activate');
    expect(FakeBrowserWindow.instances).toHaveLength(2);
  });

  it('closes the open case files when the app quits', async () => {
    const { electron, casesDir, call } = await start();
    const file = path.join(casesDir, 'case.parley');
    await call('case.create', { path: file, directive });
    await call('case.open', { path: file });
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    electron.app.emit('will-quit');
    // The last connection to close checkpoints the journal into the file and removes it.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});

describe('reminders', () => {
  it('show as desktop notifications at their time, and bring the window forward when clicked', async () => {
    let now = 1_000_000;
    const timers: (() => void)[] = [];
    const clock: SchedulerClock = { now: () => now, setTimer: (callback) => timers.push(callback), clearTimer: () => {} };
    const { shell, window } = await start({ clock });
    shell.reminders.plan([{ id: 'd1', title: 'Comments due tomorrow', body: 'Directive 7: written comments', at: now + 1_000 }]);
    expect(FakeNotification.shown).toEqual([]);
    now += 1_000;
    timers.at(-1)!();
    expect(FakeNotification.shown).toEqual([{ title: 'Comments due tomorrow', body: 'Directive 7: written comments' }]);
    FakeNotification.instances[0]!.emit('click');
    expect(window().calls).toEqual(['show', 'focus']);
  });

  it('are planned from the open cases through the core (reminder.upcoming), again after each change to a deadline', async () => {
    const now = Date.parse('2026-12-01T00:00:00Z');
    const clock: SchedulerClock = { now: () => now, setTimer: () => 0, clearTimer: () => {} };
    const { shell, call, casesDir } = await start({ clock });
    const made = await call('case.create', { path: path.join(casesDir, 'order.parley'), directive });
    const caseId = made.ok ? made.data.caseId : '';
    expect(shell.reminders.planned()).toEqual([]);
    const created = await call('deadline.create', { caseId, fields: { title: 'Hearing', deadlineKind: 'response', status: 'open', dueType: 'datetime', dueDate: '2099-12-10', dueTime: '10:00', timeZone: 'UTC' } });
    expect(created).toMatchObject({ ok: true });
    expect(shell.reminders.planned().map((r) => [r.title, new Date(r.at).toISOString()])).toEqual([
      ['Hearing', '2099-12-03T10:00:00.000Z'], ['Hearing', '2099-12-09T10:00:00.000Z'], ['Hearing', '2099-12-10T08:00:00.000Z'],
    ]);
    await call('case.close', { caseId });
    expect(shell.reminders.planned()).toEqual([]);
  });

  it('are not shown where the system has no notifications', async () => {
    let now = 0;
    const timers: (() => void)[] = [];
    const clock: SchedulerClock = { now: () => now, setTimer: (callback) => timers.push(callback), clearTimer: () => {} };
    const { shell } = await start({ clock });
    FakeNotification.supported = false;
    shell.reminders.plan([{ id: 'd1', title: 'x', body: 'y', at: 10 }]);
    now = 10;
    timers.at(-1)!();
    expect(FakeNotification.shown).toEqual([]);
  });
});

describe('quiet hours and the daily digest', () => {
  it('follow the settings: reminders in quiet hours come as one notification when they end, the digest once a day', async () => {
    const clock = new ManualClock();
    clock.time = Date.parse('2099-12-01T18:00:00Z');
    const { shell, call, casesDir, events } = await start({ clock, timeZone: 'UTC' });
    expect(await call('settings.set', { quietHours: { from: '20:00', to: '07:00' }, digestAt: '08:00' })).toMatchObject({ ok: true });
    const made = await call('case.create', { path: path.join(casesDir, 'order.parley'), directive });
    const caseId = made.ok ? made.data.caseId : '';
    for (const [title, dueTime] of [['Written comments', '22:00'], ['Hearing', '23:00']]) {
      // Reminded at the time itself among others: both fall due in the night.
      await call('deadline.create', { caseId, fields: { title, deadlineKind: 'response', status: 'open', dueType: 'datetime', dueDate: '2099-12-01', dueTime, timeZone: 'UTC', reminderOffsetsMinutes: [0] } });
    }
    const at = (utc: string) => clock.advance(Date.parse(utc) - clock.time);
    at('2099-12-02T06:59:00Z');
    expect(FakeNotification.shown).toEqual([]);
    expect(shell.reminders.heldBack().map((r) => r.title)).toEqual(['Written comments', 'Hearing']);
    at('2099-12-02T07:00:00Z');
    expect(FakeNotification.shown).toEqual([{ title: '2 reminders while you were away', body: 'Written comments\nHearing' }]);
    at('2099-12-02T08:00:00Z');
    // Both deadlines are overdue: the digest counts them through the core (library.digest).
    expect(FakeNotification.shown.slice(1)).toEqual([{ title: 'Daily digest', body: '2 deadlines overdue or in the next 3 days.' }]);
    FakeNotification.instances.at(-1)!.emit('click');
    expect(events('menuCommand')).toEqual(['library']);
    at('2099-12-02T20:00:00Z');
    expect(FakeNotification.shown).toHaveLength(2);
    expect(await call('settings.set', { digestAt: null })).toMatchObject({ ok: true });
    at('2099-12-04T12:00:00Z');
    expect(FakeNotification.shown).toHaveLength(2);
  });
});

describe('file names for dialogs', () => {
  it('removes what file systems refuse and keeps a fallback', () => {
    expect(safeFileName('Directive 2025/12: "Scope"?', 'Case')).toBe('Directive 2025 12 Scope');
    expect(safeFileName('  ...  ', 'Case')).toBe('Case');
    expect(safeFileName(undefined, 'New case')).toBe('New case');
    expect(safeFileName('a'.repeat(300), 'Case')).toHaveLength(100);
    expect(withExtension('/x/Case', '.parley')).toBe('/x/Case.parley');
    expect(withExtension('/x/Case.PARLEY', '.parley')).toBe('/x/Case.PARLEY');
  });
});
