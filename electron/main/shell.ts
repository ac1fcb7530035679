// The desktop shell: puts the pieces of this folder together around one core Session. It takes Electron as a
// parameter (main.ts passes the real module, the tests a fake), so everything here runs under plain Node too.
import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../core/api/dispatcher.js';
import { defaultActor } from '../core/paths.js';
import { Session } from '../core/session.js';
import { TEMPLATES_FOLDER } from '../core/firm-templates.js';
import { CASE_FILE_EXTENSION } from '../core/db/connection.js';
import { BUNDLE_EXTENSION } from '../core/merge/bundle.js';
import type { OpName } from '../../shared/contract.js';
import { DESKTOP_EVENT_CHANNEL, type DesktopEventName, type DesktopEvents, type ExportedFileToSave, type SaveExportedFileResult } from '../../shared/desktop.js';
import type { Envelope } from '../../shared/result.js';
import { lockWhenSystemLocks } from './app-lock.js';
import { KeyStore } from './key-store.js';
import { handleAppProtocol, registerAppScheme } from './app-protocol.js';
import { exportCaseToFile, importCaseFromFile, saveCaseCopy } from './case-files.js';
import type { BrowserWindowLike, NotificationLike, ShellElectron } from './electron-api.js';
import { exportSaveDialog, writeExportedFile } from './exported-files.js';
import { offerToOpenExternally } from './external-links.js';
import { FilePlaces } from './file-places.js';
import { safeFileName, withExtension } from './file-names.js';
import { registerContractIpc, registerDesktopIpc } from './ipc.js';
import { APP_NAME, bringToFront, createMainWindow } from './main-window.js';
import { buildMenuTemplate, type MenuActions } from './menu.js';
import { useElectronDriver } from './native-driver.js';
import { OpenFileRelay, caseFilesInArgv, userDataDirInArgv } from './open-requests.js';
import { electronPdfRenderer } from './print-to-pdf.js';
import { ReminderScheduler, systemClock, type Notice, type SchedulerClock } from './reminders.js';
import { digestPhrases } from '../../shared/digest.js';
import { hardenWebContents, secureSession } from './security.js';
import { trustedSenderCheck } from './trusted-sender.js';
import { readWindowState, stateOfWindow, writeWindowState } from './window-state.js';

export { safeFileName, withExtension } from './file-names.js';

/** The application id: electron-builder's appId, and Windows' AppUserModelId (notifications need it). */
export const APP_ID = 'app.parley.desktop';

const CASE_FILE_FILTER = { name: 'Parley case files', extensions: [CASE_FILE_EXTENSION.slice(1)] };
const EXPORT_FILE_FILTER = { name: 'Parley export (JSON)', extensions: ['json'] };
const CHANGES_FILE_FILTER = { name: 'Parley changes', extensions: [BUNDLE_EXTENSION.slice(1)] };

export interface ShellOptions {
  argv: readonly string[];
  workingDirectory: string;
  platform: NodeJS.Platform;
  /** The folder of the bundled main process (dist/electron): the preload lies beside it, the renderer in ../renderer. */
  bundleDir: string;
  actor?: string;
  clock?: SchedulerClock;
  /** The zone quiet hours and the digest's time are read in (default: the computer's). */
  timeZone?: string;
}

/** Operations after which the library (and so Open Recent) may have changed. */
const LIBRARY_CHANGING_OPERATIONS = new Set<OpName>(['case.open', 'case.create', 'case.import', 'case.close', 'library.forget', 'library.archive', 'library.rename', 'library.duplicate']);
/** Operations after which the desktop notifications are planned again: deadlines, their triggers, reminders, cases. */
const REMINDER_CHANGING_PREFIXES = ['case.', 'deadline.', 'event.', 'directive.', 'schedule.', 'reminder.'];


/** Runs an action started by an event (a menu click, a link) whose caller cannot wait: a failure is logged, not lost. */
function runDetached(what: string, action: Promise<unknown>): void {
  action.catch((err: unknown) => console.error(`[parley] ${what} failed:`, err));
}


export class DesktopShell {
  readonly reminders: ReminderScheduler;
  private session: Session | null = null;
  private window: BrowserWindowLike | null = null;
  private dirty = false;
  private closeConfirmed = false;
  private activeCaseId: string | null = null;
  private readonly relay = new OpenFileRelay((file) => this.sendEvent('openFile', file));
  private readonly isDevelopment: boolean;
  /** Shown notifications, kept referenced until dismissed: one collected as garbage would lose its click handler. */
  private readonly liveNotifications = new Set<NotificationLike>();
  private readonly paths: { preload: string; renderer: string };
  /** Where the renderer may have files written; made once the data folder is known. */
  private places: FilePlaces | null = null;

  constructor(
    private readonly electron: ShellElectron,
    private readonly options: ShellOptions,
  ) {
    this.isDevelopment = !electron.app.isPackaged;
    this.paths = { preload: path.join(options.bundleDir, 'preload.cjs'), renderer: path.join(options.bundleDir, '..', 'renderer') };
    this.reminders = new ReminderScheduler((notice) => this.notify(notice), options.clock ?? systemClock, () => this.digestNotice());
  }

  /** Wiring that must happen before the app is ready. */
  install(): void {
    const { app } = this.electron;
    app.on('open-file', (event, file) => {
      event.preventDefault();
      this.openFromOutside([path.resolve(file)]);
    });
    app.on('second-instance', (_event, argv, workingDirectory) => this.openFromOutside(caseFilesInArgv(argv.slice(1), workingDirectory)));
    app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (url) => runDetached('opening a link', this.offerExternal(url))));
    app.on('window-all-closed', () => {
      if (this.options.platform !== 'darwin') app.quit();
    });
    app.on('activate', () => {
      if (this.session && !this.window) this.openWindow();
    });
    app.on('will-quit', () => {
      this.reminders.stop();
      this.session?.closeAll();
    });
    for (const file of caseFilesInArgv(this.options.argv.slice(1), this.options.workingDirectory)) this.relay.request(file);
  }

  /** Everything that needs the app ready: the driver, the core session, the protocol, IPC, the menu, the window. */
  ready(): void {
    const { app, ipcMain, protocol, powerMonitor } = this.electron;
    const driver = useElectronDriver(app.getAppPath());
    if (driver.state !== 'electron-build') {
      const why = `The database driver built for Electron is missing (${driver.file}). Run "npm start", which builds it.`;
      if (app.isPackaged) {
        this.electron.dialog.showErrorBox('Parley cannot start', why);
        app.quit();
        return;
      }
      console.warn(`[parley] ${why}`);
    }
    if (this.options.platform === 'win32') app.setAppUserModelId(APP_ID);
    const dataDir = app.getPath('userData');
    // Drafts and briefs print through Electron's printToPDF, not a separate Chromium.
    const session = new Session({ dataDir, actor: this.options.actor ?? defaultActor(), pdfRenderer: electronPdfRenderer(this.electron) });
    this.session = session;
    secureSession(this.electron.session.defaultSession, { allowDevtools: this.isDevelopment });
    handleAppProtocol(protocol, this.paths.renderer);
    const isTrustedSender = trustedSenderCheck(() => (this.window ? [this.window] : []));
    const places = new FilePlaces({ dataDir, knownCaseFiles: () => session.library.paths(), hasSaveDialog: true });
    this.places = places;
    const keys = new KeyStore(this.electron.safeStorage, dataDir, this.options.platform);
    registerContractIpc(ipcMain, session, isTrustedSender, { places, passphrases: keys, afterCall: (name, result) => this.afterCall(name, result) });
    registerDesktopIpc(ipcMain, isTrustedSender, {
      setDirty: (dirty) => {
        this.dirty = dirty;
        this.window?.setDocumentEdited(dirty);
      },
      setActiveCase: (caseId) => {
        this.activeCaseId = caseId;
        this.rebuildMenu();
      },
      chooseNewCaseFile: (suggestedName) => this.chooseNewCaseFile(suggestedName),
      chooseCaseFileToOpen: () => this.chooseCaseFileToOpen(),
      chooseChangesFileToOpen: () => this.chooseChangesFileToOpen(),
      chooseChangesFileToSave: (suggestedName) => this.chooseChangesFileToSave(suggestedName),
      listeningForFiles: () => this.relay.rendererListening(),
      saveExportedFile: (file) => this.saveExportedFile(file),
      caseFolder: () => places.listing(),
      ...this.passphraseRequests(keys),
    });
    powerMonitor.on('resume', () => this.reminders.wake());
    lockWhenSystemLocks(powerMonitor, () => this.sendEvent('menuCommand', 'lock'));
    this.planReminders();
    this.followNotificationSettings();
    this.rebuildMenu();
    this.openWindow();
  }

  /**
   * "Remember on this device" (key-store.ts), for the renderer's passphrase dialog. The renderer may hand a
   * passphrase over to be remembered, and learn whether one is; it never gets one back (ipc.ts uses them).
   */
  private passphraseRequests(keys: KeyStore) {
    return {
      passphraseStoreAvailability: () => keys.availability(),
      isPassphraseRemembered: (file: string) => keys.has(file),
      rememberPassphrase: ({ path: file, passphrase }: { path: string; passphrase: string }) => (keys.remember(file, passphrase), null),
      forgetPassphrase: (file: string) => (keys.forget(file), null),
    };
  }

  get mainWindow(): BrowserWindowLike | null {
    return this.window;
  }

  private get dataDir(): string {
    return this.electron.app.getPath('userData');
  }

  private openWindow(): void {
    const window = createMainWindow(this.electron, this.paths, readWindowState(this.dataDir));
    this.window = window;
    this.closeConfirmed = false;
    // A (re)load starts the page afresh: its subscriptions, unsaved edits and shown case are gone.
    window.webContents.on('did-start-loading', () => {
      this.relay.rendererGone();
      this.dirty = false;
      this.activeCaseId = null;
    });
    window.on('close', (event) => {
      if (this.dirty && !this.closeConfirmed) {
        event.preventDefault();
        runDetached('asking before closing', this.confirmClose(window));
        return;
      }
      writeWindowState(this.dataDir, stateOfWindow(window.getNormalBounds(), window.isMaximized()));
    });
    window.on('closed', () => {
      this.window = null;
      this.dirty = false;
      this.activeCaseId = null;
      this.relay.rendererGone();
      this.rebuildMenu();
    });
  }

  private async confirmClose(window: BrowserWindowLike): Promise<void> {
    const { response } = await this.electron.dialog.showMessageBox(window, {
      type: 'warning',
      buttons: ['Keep Editing', 'Close Without Saving'],
      defaultId: 0,
      cancelId: 0,
      message: 'You have edits that are not saved.',
      detail: 'If you close Parley now, those edits are lost. Everything you saved is in the case file.',
    });
    if (response !== 1 || window.isDestroyed()) return;
    this.closeConfirmed = true;
    window.close();
  }

  private sendEvent<N extends DesktopEventName>(name: N, payload: DesktopEvents[N]): void {
    const contents = this.window?.webContents;
    if (contents && !contents.isDestroyed()) contents.send(DESKTOP_EVENT_CHANNEL, name, payload);
  }

  /** On macOS the app lives on with its window closed; asking it to open something brings a window back. */
  private ensureWindow(): BrowserWindowLike | null {
    if (this.session && !this.window) this.openWindow();
    return this.window;
  }

  private openFromOutside(files: readonly string[]): void {
    const window = this.ensureWindow();
    if (window) bringToFront(window);
    for (const file of files) this.relay.request(file);
  }

  private afterCall(name: OpName, result: Envelope<unknown>): void {
    if (result.ok && REMINDER_CHANGING_PREFIXES.some((prefix) => name.startsWith(prefix))) this.planReminders();
    if (result.ok && name === 'settings.set') this.followNotificationSettings();
    // A change the case's undo history keeps (a record verb's write, an undo or redo) renames the Edit menu's items.
    if (!result.ok) return;
    if (!LIBRARY_CHANGING_OPERATIONS.has(name)) {
      if (/\.(create|update|delete|restore|purge|undo|redo)$/.test(name)) this.rebuildMenu();
      return;
    }
    const opened = (result.data as { path?: unknown } | null)?.path;
    if (typeof opened === 'string') this.electron.app.addRecentDocument(opened);
    this.rebuildMenu();
  }

  /**
   * Desktop notifications for the reminders still to come in the open cases, snoozes and dismissals included
   * (reminder.upcoming). If the core cannot say (it has logged why), the plan made last stays.
   */
  private planReminders(): void {
    if (!this.session) return;
    const upcoming = dispatch(this.session, 'reminder.upcoming', {});
    if (upcoming.ok) this.reminders.plan(upcoming.data);
  }

  /** Quiet hours and the daily digest's time, as the user set them (profile settings). */
  private followNotificationSettings(): void {
    if (!this.session) return;
    const { settings } = this.session.profileInfo();
    const timeZone = this.options.timeZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
    this.reminders.configure({ quietHours: settings.quietHours, digestAt: settings.digestAt, timeZone });
  }

  /** The daily digest in one line (library.digest), or null when it has nothing to say. */
  private digestNotice(): { title: string; body: string } | null {
    if (!this.session) return null;
    const now = new Date((this.options.clock ?? systemClock).now()).toISOString();
    const digest = dispatch(this.session, 'library.digest', { now, ...(this.options.timeZone ? { timeZone: this.options.timeZone } : {}) });
    const phrases = digest.ok ? digestPhrases(digest.data) : [];
    if (!phrases.length) return null;
    const body = `${phrases.join(', ')}.`;
    return { title: 'Daily digest', body: body.charAt(0).toUpperCase() + body.slice(1) };
  }

  private rebuildMenu(): void {
    const { Menu } = this.electron;
    const template = buildMenuTemplate({
      platform: this.options.platform,
      appName: APP_NAME,
      isDevelopment: this.isDevelopment,
      recentFiles: this.session?.library.paths() ?? [],
      hasActiveCase: this.window !== null && this.activeCase() !== null,
      caseUndo: this.caseUndo(),
      actions: this.menuActions,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  private readonly menuActions: MenuActions = {
    newCase: () => this.sendEvent('menuCommand', 'newCase'),
    closeCase: () => this.sendEvent('menuCommand', 'closeCase'),
    // The renderer knows what is on screen and readies its print view; its window.print() opens the system dialog.
    print: () => this.sendEvent('menuCommand', 'print'),
    attach: () => this.sendEvent('menuCommand', 'attach'),
    lock: () => this.sendEvent('menuCommand', 'lock'),
    settings: () => this.sendEvent('menuCommand', 'settings'),
    // The renderer previews a merge and asks for a reason when deadlines would move; it asks for the file itself.
    mergeCopy: () => this.sendEvent('menuCommand', 'mergeCopy'),
    importChanges: () => this.sendEvent('menuCommand', 'importChanges'),
    exportChanges: () => this.sendEvent('menuCommand', 'exportChanges'),
    open: () => runDetached('Open', this.chooseCaseFileToOpen().then((file) => file && this.openFromOutside([file]))),
    openRecent: (file) => this.openFromOutside([file]),
    saveCopy: () => runDetached('Save a Copy As', this.saveCopy()),
    exportCase: () => runDetached('Export', this.exportCase()),
    importCase: () => runDetached('Import', this.importCase()),
    about: () => runDetached('About', this.showAbout()),
    showDataFolder: () => this.electron.shell.showItemInFolder(this.dataDir),
    showTemplatesFolder: () => {
      // Made on first use, so that there is a folder to copy a colleague's template into.
      const folder = path.join(this.dataDir, TEMPLATES_FOLDER);
      fs.mkdirSync(folder, { recursive: true });
      this.electron.shell.showItemInFolder(folder);
    },
    undoCase: () => this.sendEvent('menuCommand', 'undo'),
    redoCase: () => this.sendEvent('menuCommand', 'redo'),
  };

  /** What Undo and Redo would do in the case on screen, for the Edit menu. */
  private caseUndo(): { undo: string | null; redo: string | null } | undefined {
    const active = this.session && this.activeCase();
    if (!this.session || !active) return undefined;
    const state = dispatch(this.session, 'case.undoState', { caseId: active.caseId });
    return state.ok ? state.data : undefined;
  }

  async chooseCaseFileToOpen(): Promise<string | null> {
    const window = this.ensureWindow();
    if (!window) return null;
    const { canceled, filePaths } = await this.electron.dialog.showOpenDialog(window, {
      title: 'Open Case File',
      properties: ['openFile'],
      filters: [CASE_FILE_FILTER],
    });
    return canceled || !filePaths[0] ? null : filePaths[0];
  }

  /** The open dialog for a bundle of changes to import (changes.import only reads it). */
  async chooseChangesFileToOpen(): Promise<string | null> {
    const window = this.ensureWindow();
    if (!window) return null;
    const { canceled, filePaths } = await this.electron.dialog.showOpenDialog(window, {
      title: 'Import Changes',
      properties: ['openFile'],
      filters: [CHANGES_FILE_FILTER],
    });
    return canceled || !filePaths[0] ? null : filePaths[0];
  }

  /** The save dialog for a bundle of changes; the answer is the one path outside the cases folder changes.export may then write. */
  async chooseChangesFileToSave(suggestedName?: string): Promise<string | null> {
    const chosen = await this.askWhereToSave('Export Changes', `${safeFileName(suggestedName, 'Changes')}${BUNDLE_EXTENSION}`, CHANGES_FILE_FILTER, BUNDLE_EXTENSION);
    if (chosen) this.places?.grant(chosen);
    return chosen;
  }

  /** The save dialog for a new case file; the answer is the one path outside the cases folder the renderer may then write. */
  async chooseNewCaseFile(suggestedName?: string): Promise<string | null> {
    const chosen = await this.askWhereToSave('New Case File', `${safeFileName(suggestedName, 'New case')}${CASE_FILE_EXTENSION}`, CASE_FILE_FILTER, CASE_FILE_EXTENSION);
    if (chosen) this.places?.grant(chosen);
    return chosen;
  }

  /** Export in the Drafts screen: asks where to save the exported draft or brief, and writes it there. */
  async saveExportedFile(file: ExportedFileToSave): Promise<SaveExportedFileResult> {
    const plan = exportSaveDialog(file.fileName);
    const target = await this.askWhereToSave(plan.title, plan.defaultPath, plan.filter, plan.extension);
    return target ? writeExportedFile(target, file.dataBase64) : { ok: true, path: null };
  }

  private async askWhereToSave(title: string, defaultPath: string, filter: { name: string; extensions: string[] }, extension: string): Promise<string | null> {
    if (!this.window) return null;
    const { canceled, filePath } = await this.electron.dialog.showSaveDialog(this.window, { title, defaultPath, filters: [filter] });
    return canceled || !filePath ? null : withExtension(filePath, extension);
  }

  /** The open case the menu's Save a Copy and Export act on, with its file name for suggestions. */
  private activeCase(): { caseId: string; name: string } | null {
    if (!this.session || !this.activeCaseId) return null;
    const open = this.session.openCases().find((info) => info.caseId === this.activeCaseId);
    return open ? { caseId: open.caseId, name: path.basename(open.path, CASE_FILE_EXTENSION) } : null;
  }

  async saveCopy(): Promise<void> {
    const active = this.activeCase();
    if (!active || !this.session) return;
    const target = await this.askWhereToSave('Save a Copy As', `${safeFileName(active.name, 'Case')} copy${CASE_FILE_EXTENSION}`, CASE_FILE_FILTER, CASE_FILE_EXTENSION);
    if (target) await this.reportFailure('The copy was not saved', saveCaseCopy(this.session, active.caseId, target));
  }

  async exportCase(): Promise<void> {
    const active = this.activeCase();
    if (!active || !this.session) return;
    const target = await this.askWhereToSave('Export Case', `${safeFileName(active.name, 'Case')} export.json`, EXPORT_FILE_FILTER, '.json');
    if (target) await this.reportFailure('The case was not exported', exportCaseToFile(this.session, active.caseId, target));
  }

  async importCase(): Promise<void> {
    const window = this.ensureWindow();
    if (!window || !this.session) return;
    const { canceled, filePaths } = await this.electron.dialog.showOpenDialog(window, {
      title: 'Import from Export File',
      properties: ['openFile'],
      filters: [EXPORT_FILE_FILTER],
    });
    const source = canceled ? undefined : filePaths[0];
    if (!source) return;
    const target = await this.askWhereToSave('Save Imported Case As', `${safeFileName(path.basename(source, '.json'), 'Imported case')}${CASE_FILE_EXTENSION}`, CASE_FILE_FILTER, CASE_FILE_EXTENSION);
    if (!target) return;
    const result = importCaseFromFile(this.session, source, target);
    this.afterCall('case.import', result);
    if (result.ok) this.openFromOutside([result.data.path]);
    else await this.reportFailure('The case was not imported', result);
  }

  private async reportFailure(title: string, result: Envelope<unknown>): Promise<void> {
    if (result.ok || !this.window) return;
    await this.electron.dialog.showMessageBox(this.window, { type: 'error', buttons: ['OK'], message: title, detail: result.error.message });
  }

  private async showAbout(): Promise<void> {
    if (!this.window) return;
    await this.electron.dialog.showMessageBox(this.window, {
      type: 'info',
      buttons: ['OK'],
      message: `${APP_NAME} ${this.electron.app.getVersion()}`,
      detail: 'Offline case management for negotiating government directives. Your case files stay on this computer.',
    });
  }

  private async offerExternal(url: string): Promise<void> {
    await offerToOpenExternally({ dialog: this.electron.dialog, shell: this.electron.shell, window: () => this.window }, url);
  }

  private notify(notice: Notice): void {
    const { Notification } = this.electron;
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title: notice.title, body: notice.body });
    this.liveNotifications.add(notification);
    notification.on('close', () => this.liveNotifications.delete(notification));
    notification.on('click', () => {
      this.liveNotifications.delete(notification);
      const window = this.ensureWindow();
      if (window) bringToFront(window);
      if (notice.opens === 'dashboard') this.sendEvent('menuCommand', 'library');
    });
    notification.show();
  }
}

/**
 * Starts Parley: registers the app scheme (before ready), applies --user-data-dir, takes the single-instance lock (a second launch hands its
 * files to the first and quits), and builds everything else once Electron is ready.
 */
export function startParley(electron: ShellElectron, options: ShellOptions): DesktopShell | null {
  registerAppScheme(electron.protocol);
  const userDataDir = userDataDirInArgv(options.argv, options.workingDirectory);
  // Before the lock: a copy with its own data folder is a separate instance.
  if (userDataDir) electron.app.setPath('userData', userDataDir);
  if (!electron.app.requestSingleInstanceLock()) {
    electron.app.quit();
    return null;
  }
  const shell = new DesktopShell(electron, options);
  shell.install();
  void electron.app.whenReady().then(() => shell.ready());
  return shell;
}
