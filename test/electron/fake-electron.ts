// A hand-written stand-in for the few Electron APIs the shell uses (electron/main/electron-api.ts), because the
// Electron binary cannot run here. Each piece records what the shell asked of it and lets a test play the part of
// the user or the operating system (answer a dialog, send an IPC call, close the window).
import type { BrowserWindowConstructorOptions, CustomScheme, MenuItemConstructorOptions, MessageBoxOptions, NotificationConstructorOptions, OpenDialogOptions, PrintToPDFOptions, Rectangle, SaveDialogOptions } from 'electron';
import type {
  AppLike, BrowserWindowLike, DialogLike, IpcInvokeEventLike, IpcMainLike, MenuLike, NavigationEvent, NotificationLike, PartitionSessionLike,
  PowerMonitorLike, ProtocolLike, ScreenLike, SessionLike, ShellElectron, ShellLike, WebContentsLike, WebFrameLike,
} from '../../electron/main/electron-api.js';

type Listener = (...args: never[]) => unknown;

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }
  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

export class Preventable {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextFrameToken = 1;
export class FakeFrame implements WebFrameLike {
  detached = false;
  constructor(
    public url: string,
    readonly parent: WebFrameLike | null = null,
    readonly processId = 7,
    readonly frameToken = `frame-${nextFrameToken++}`,
  ) {}
}

let nextContentsId = 1;
export class FakeWebContents extends Emitter implements WebContentsLike {
  readonly id = nextContentsId++;
  readonly mainFrame = new FakeFrame('');
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  destroyed = false;
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** What each print was asked with; the test sets `printer` to play Chromium laying the page out. */
  readonly printed: PrintToPDFOptions[] = [];
  static printer: (contents: FakeWebContents, options: PrintToPDFOptions) => Promise<Buffer> = async () => Buffer.from('%PDF-1.7 fake');
  async printToPDF(options: PrintToPDFOptions): Promise<Buffer> {
    this.printed.push(options);
    return FakeWebContents.printer(this, options);
  }
  /** Plays a navigation the page attempts; returns whether the shell let it happen. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    const e = new Preventable(url);
    this.emit(event, e as NavigationEvent, url);
    return !e.defaultPrevented;
  }
}

export class FakeBrowserWindow extends Emitter implements BrowserWindowLike {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly calls: string[] = [];
  loadedUrl: string | null = null;
  destroyed = false;
  maximized = false;
  minimized = false;
  documentEdited = false;
  bounds: Rectangle;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    this.bounds = { x: options.x ?? 100, y: options.y ?? 100, width: options.width ?? 800, height: options.height ?? 600 };
    FakeBrowserWindow.instances.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
  }
  show(): void { this.calls.push('show'); }
  focus(): void { this.calls.push('focus'); }
  restore(): void { this.minimized = false; this.calls.push('restore'); }
  maximize(): void { this.maximized = true; }
  isMinimized(): boolean { return this.minimized; }
  isMaximized(): boolean { return this.maximized; }
  isDestroyed(): boolean { return this.destroyed; }
  getNormalBounds(): Rectangle { return this.bounds; }
  setDocumentEdited(edited: boolean): void { this.documentEdited = edited; }
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  /** Closes as the user would: the close event may be prevented; if not, the window is gone. */
  close(): void {
    const event = new Preventable();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

export class FakeApp extends Emitter implements AppLike {
  readonly calls: string[] = [];
  readonly recentDocuments: string[] = [];
  appUserModelId: string | null = null;
  private markReady!: () => void;
  private readonly readyPromise = new Promise<void>((resolve) => (this.markReady = resolve));

  constructor(
    private readonly log: string[],
    private userData: string,
    private readonly appPath: string,
    public isPackaged = false,
    public gotLock = true,
  ) {
    super();
  }
  private record(call: string): void {
    this.calls.push(call);
    this.log.push(call);
  }
  requestSingleInstanceLock(): boolean {
    this.record('requestSingleInstanceLock');
    return this.gotLock;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  /** Electron has finished starting: resolves whenReady and lets its callbacks run. */
  async becomeReady(): Promise<void> {
    this.record('ready');
    this.markReady();
    await this.readyPromise;
    await new Promise((resolve) => setImmediate(resolve));
  }
  quit(): void { this.record('quit'); }
  getPath(): string { return this.userData; }
  setPath(_name: 'userData', dir: string): void { this.userData = dir; }
  getAppPath(): string { return this.appPath; }
  getVersion(): string { return '0.1.0'; }
  addRecentDocument(file: string): void { this.recentDocuments.push(file); }
  setAppUserModelId(id: string): void { this.appUserModelId = id; }
}

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  /** What ipcRenderer.invoke would resolve to (or reject with), from the given frame. */
  async invoke(channel: string, senderFrame: WebFrameLike | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame }, ...args);
  }
}

export class FakeProtocol implements ProtocolLike {
  readonly privileged: CustomScheme[] = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  /** The order of calls, to check that the scheme is registered before the app is ready. */
  constructor(private readonly log: string[]) {}
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
    this.log.push('registerSchemesAsPrivileged');
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.handlers.set(scheme, handler);
  }
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.slice(0, -1));
    if (!handler) throw new Error(`No handler for ${url}`);
    return handler(new Request(url, init));
  }
}

export class FakeSession implements SessionLike {
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheckHandler: ((contents: unknown, permission: string) => boolean) | null = null;
  beforeRequest: ((details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void) | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void) => {
      this.beforeRequest = listener;
    },
  };
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void {
    this.permissionCheckHandler = handler;
  }
  /** Whether a request to `url` would go ahead. */
  request(url: string): boolean {
    let cancelled: boolean | undefined;
    this.beforeRequest!({ url }, (response) => (cancelled = response.cancel));
    if (cancelled === undefined) throw new Error('the request listener did not answer');
    return !cancelled;
  }
  /** Whether a permission request would be granted. */
  requestPermission(permission: string): boolean {
    let granted: boolean | undefined;
    this.permissionRequestHandler!({}, permission, (answer) => (granted = answer));
    if (granted === undefined) throw new Error('the permission handler did not answer');
    return granted;
  }
}

/** A session made with fromPartition: the fake session, with a protocol of its own. */
export class FakePartitionSession extends FakeSession implements PartitionSessionLike {
  readonly protocol = new FakeProtocol([]);
  constructor(readonly partition: string) {
    super();
  }
}

/** Dialog answers are queued by the test; an unexpected dialog fails loudly. */
export class FakeDialog implements DialogLike {
  readonly shown: { kind: 'open' | 'save' | 'message' | 'error'; options: unknown; owner?: object }[] = [];
  readonly openAnswers: { canceled: boolean; filePaths: string[] }[] = [];
  readonly saveAnswers: { canceled: boolean; filePath?: string }[] = [];
  readonly messageAnswers: number[] = [];
  async showOpenDialog(owner: object, options: OpenDialogOptions) {
    this.shown.push({ kind: 'open', options, owner });
    return this.openAnswers.shift() ?? fail('no answer queued for an open dialog');
  }
  async showSaveDialog(owner: object, options: SaveDialogOptions) {
    this.shown.push({ kind: 'save', options, owner });
    return this.saveAnswers.shift() ?? fail('no answer queued for a save dialog');
  }
  async showMessageBox(owner: object, options: MessageBoxOptions) {
    this.shown.push({ kind: 'message', options, owner });
    const response = this.messageAnswers.shift();
    return { response: response ?? fail('no answer queued for a message box') };
  }
  showErrorBox(title: string, content: string): void {
    this.shown.push({ kind: 'error', options: { title, content } });
  }
}

function fail(message: string): never {
  throw new Error(message);
}

export class FakeShell implements ShellLike {
  readonly opened: string[] = [];
  readonly shownInFolder: string[] = [];
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  }
  showItemInFolder(fullPath: string): void {
    this.shownInFolder.push(fullPath);
  }
}

export class FakeMenu implements MenuLike {
  current: MenuItemConstructorOptions[] | null = null;
  buildFromTemplate(template: MenuItemConstructorOptions[]): unknown {
    return { template };
  }
  setApplicationMenu(menu: unknown): void {
    this.current = (menu as { template: MenuItemConstructorOptions[] }).template;
  }
  /** A menu item by id, searched through every submenu. */
  item(id: string): MenuItemConstructorOptions {
    const search = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions | undefined => {
      for (const item of items) {
        if (item.id === id) return item;
        const found = Array.isArray(item.submenu) ? search(item.submenu) : undefined;
        if (found) return found;
      }
      return undefined;
    };
    return search(this.current ?? []) ?? fail(`no menu item ${id}`);
  }
  /** Chooses a menu item as the user would. */
  click(id: string): void {
    const item = this.item(id);
    if (item.enabled === false) throw new Error(`menu item ${id} is disabled`);
    (item.click as () => void)();
  }
}

export class FakeNotification extends Emitter implements NotificationLike {
  static readonly shown: NotificationConstructorOptions[] = [];
  static instances: FakeNotification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  constructor(readonly options: NotificationConstructorOptions) {
    super();
    FakeNotification.instances.push(this);
  }
  show(): void {
    FakeNotification.shown.push(this.options);
  }
}

export class FakeScreen implements ScreenLike {
  displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
  getAllDisplays() {
    return this.displays;
  }
}

export interface FakeElectron extends ShellElectron {
  app: FakeApp;
  ipcMain: FakeIpcMain;
  protocol: FakeProtocol;
  session: { defaultSession: FakeSession; partitions: Map<string, FakePartitionSession>; fromPartition(partition: string): FakePartitionSession };
  dialog: FakeDialog;
  shell: FakeShell;
  Menu: FakeMenu;
  screen: FakeScreen;
  powerMonitor: Emitter & PowerMonitorLike;
  safeStorage: FakeSafeStorage;
  /** Every call worth ordering (scheme registration, lock, ready). */
  log: string[];
}

export function fakeElectron(opts: { userData: string; appPath: string; isPackaged?: boolean; gotLock?: boolean }): FakeElectron {
  FakeBrowserWindow.instances = [];
  FakeNotification.shown.length = 0;
  FakeNotification.instances = [];
  FakeNotification.supported = true;
  FakeWebContents.printer = async () => Buffer.from('%PDF-1.7 fake');
  const log: string[] = [];
  const partitions = new Map<string, FakePartitionSession>();
  const app = new FakeApp(log, opts.userData, opts.appPath, opts.isPackaged ?? false, opts.gotLock ?? true);
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    Menu: new FakeMenu(),
    Notification: FakeNotification,
    dialog: new FakeDialog(),
    ipcMain: new FakeIpcMain(),
    powerMonitor: new Emitter() as Emitter & PowerMonitorLike,
    safeStorage: new FakeSafeStorage(),
    protocol: new FakeProtocol(log),
    screen: new FakeScreen(),
    session: {
      defaultSession: new FakeSession(),
      partitions,
      fromPartition(partition: string) {
        const existing = partitions.get(partition) ?? new FakePartitionSession(partition);
        partitions.set(partition, existing);
        return existing;
      },
    },
    shell: new FakeShell(),
    log,
  };
}

/**
 * safeStorage as the operating system would give it: "encrypts" by a reversible transform that no longer matches
 * the plain text, and reports the availability and Linux backend a test sets.
 */
export class FakeSafeStorage {
  available = true;
  backend = 'gnome_libsecret';
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  getSelectedStorageBackend(): string {
    return this.backend;
  }
  encryptString(plainText: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    return Buffer.from(`sealed:${Buffer.from(plainText, 'utf8').reverse().toString('hex')}`, 'utf8');
  }
  decryptString(encrypted: Buffer): string {
    const text = encrypted.toString('utf8');
    if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice('sealed:'.length), 'hex').reverse().toString('utf8');
  }
}
