// The parts of Electron the shell uses, described as narrow interfaces. main.ts passes the real module, and the
// compiler checks that it fits; the unit tests pass hand-written fakes of these few pieces. Only types are imported
// from 'electron' here, so nothing in this folder but main.ts loads Electron at run time.
import type {
  BrowserWindowConstructorOptions, CustomScheme, MenuItemConstructorOptions, MessageBoxOptions, NotificationConstructorOptions,
  OpenDialogOptions, PrintToPDFOptions, Rectangle, SaveDialogOptions,
} from 'electron';

export interface PreventableEvent {
  preventDefault(): void;
}

export interface WebFrameLike {
  readonly url: string;
  readonly parent: WebFrameLike | null;
  readonly processId: number;
  readonly frameToken: string;
  readonly detached: boolean;
}

export interface NavigationEvent extends PreventableEvent {
  readonly url: string;
}

export interface WebContentsLike {
  readonly id: number;
  readonly mainFrame: WebFrameLike;
  send(channel: string, ...args: unknown[]): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'did-start-loading', listener: () => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  isDestroyed(): boolean;
  /** Prints the loaded page (the hidden print window's, see print-to-pdf.ts). */
  printToPDF(options: PrintToPDFOptions): Promise<Buffer>;
}

export interface BrowserWindowLike {
  readonly webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'closed' | 'ready-to-show', listener: () => void): unknown;
  show(): void;
  focus(): void;
  restore(): void;
  maximize(): void;
  close(): void;
  /** Closes at once, without the close event (the hidden print window). */
  destroy(): void;
  isMinimized(): boolean;
  isMaximized(): boolean;
  isDestroyed(): boolean;
  getNormalBounds(): Rectangle;
  setDocumentEdited(edited: boolean): void;
}

export type BrowserWindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindowLike;

export interface AppLike {
  readonly isPackaged: boolean;
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  quit(): void;
  getPath(name: 'userData'): string;
  setPath(name: 'userData', path: string): void;
  getAppPath(): string;
  getVersion(): string;
  addRecentDocument(path: string): void;
  setAppUserModelId(id: string): void;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
  on(event: 'open-file', listener: (event: PreventableEvent, path: string) => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
  on(event: 'window-all-closed' | 'activate' | 'will-quit', listener: () => void): unknown;
}

export interface IpcInvokeEventLike {
  readonly senderFrame: WebFrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
}

export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  readonly webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void): void;
  };
}

/** A session of its own (Electron's session.fromPartition): the print window's, with its own protocol handlers. */
export interface PartitionSessionLike extends SessionLike {
  readonly protocol: Pick<ProtocolLike, 'handle'>;
}

/** Dialogs take the window they belong to as their first argument (any window: the type is Electron's BaseWindow). */
export interface DialogLike {
  showOpenDialog(window: object, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(window: object, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showMessageBox(window: object, options: MessageBoxOptions): Promise<{ response: number }>;
  showErrorBox(title: string, content: string): void;
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
  showItemInFolder(fullPath: string): void;
}

export interface MenuLike {
  buildFromTemplate(template: MenuItemConstructorOptions[]): unknown;
  setApplicationMenu(menu: unknown): void;
}

export interface NotificationLike {
  show(): void;
  on(event: 'click' | 'close', listener: () => void): unknown;
}

export interface NotificationConstructor {
  new (options: NotificationConstructorOptions): NotificationLike;
  isSupported(): boolean;
}

export interface ScreenLike {
  getAllDisplays(): { workArea: Rectangle }[];
}

export interface PowerMonitorLike {
  on(event: 'resume' | 'lock-screen' | 'suspend', listener: () => void): unknown;
}

/** Electron's safeStorage: strings encrypted with a key the operating system keeps (Keychain, DPAPI, a keyring). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only: which store holds the key; 'basic_text' means a key written in the clear (no protection). */
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Everything the shell takes from Electron. */
export interface ShellElectron {
  app: AppLike;
  BrowserWindow: BrowserWindowConstructor;
  Menu: MenuLike;
  Notification: NotificationConstructor;
  dialog: DialogLike;
  ipcMain: IpcMainLike;
  powerMonitor: PowerMonitorLike;
  safeStorage: SafeStorageLike;
  protocol: ProtocolLike;
  screen: ScreenLike;
  session: { readonly defaultSession: SessionLike; fromPartition(partition: string): PartitionSessionLike };
  shell: ShellLike;
}
