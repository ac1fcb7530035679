// What the desktop app offers a renderer besides the ParleyBridge: files to open, menu commands, the native file
// dialogs and the state the main process needs for its own decisions (ask before closing with unsaved edits; which
// case "Save a Copy As" and "Export" act on). The Electron preload exposes it as `window.parleyDesktop`; in the
// browser harness it is absent, which is how a renderer knows it runs without the desktop shell.
import { ACCEPTED_ATTACHMENT_TYPES } from './attachments.js';
import type { CaseFolderListing } from './case-folder-listing.js';

/**
 * Menu commands that need the renderer's UI (everything else the main process does itself). `print` prints the view
 * on screen: the renderer readies its print view (every row, fields as text, the marking) before window.print().
 * `mergeCopy`, `importChanges` and `exportChanges` open the renderer's dialogs for the case on screen: they preview
 * what comes in and ask for a reason when deadlines would move, which a native dialog cannot. `undo` and `redo` undo
 * and redo the last change of the case on screen (the renderer shows what was done, or why not). `library` shows the
 * dashboard (a click on the daily digest's notification). `attach` asks for files to attach to the case on screen
 * (the renderer's file chooser, which reads them and says what it refused).
 */
export const MENU_COMMANDS = ['newCase', 'closeCase', 'lock', 'print', 'mergeCopy', 'importChanges', 'exportChanges', 'settings', 'undo', 'redo', 'library', 'attach'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Stops a subscription. */
export type Unsubscribe = () => void;

export interface ParleyDesktop {
  /**
   * A case file to open: from the command line, the file manager (a second launch or macOS "open-file"),
   * File > Open... or Open Recent. The renderer calls case.open with it. Paths that arrive before the first
   * subscription are kept and delivered to it.
   */
  onOpenFile(listener: (path: string) => void): Unsubscribe;
  /** A menu item that needs the renderer's UI was chosen. */
  onMenuCommand(listener: (command: MenuCommand) => void): Unsubscribe;
  /** Whether any view holds edits not yet saved; closing the window asks first while this is true. */
  setDirty(dirty: boolean): void;
  /** The case shown now (its caseId), or null on the library: the case "Save a Copy As" and "Export" act on. */
  setActiveCase(caseId: string | null): void;
  /**
   * Asks where to create a new case file; resolves to its path, or null if the user cancelled. The main process
   * then lets one call write a case file at that exact path (case.create, case.import, case.exportForTransfer),
   * for a short while; besides such paths, those calls write only in the cases folder.
   */
  chooseNewCaseFile(suggestedName?: string): Promise<string | null>;
  /** The app's cases folder (DATA/cases), where new case files go by default, and the case files in it. */
  caseFolder(): Promise<CaseFolderListing>;
  /** Asks which case file to open; resolves to its path, or null if the user cancelled. */
  chooseCaseFileToOpen(): Promise<string | null>;
  /** Asks which bundle of changes (.parley-changes) to import; resolves to its path, or null if the user cancelled. */
  chooseChangesFileToOpen(): Promise<string | null>;
  /**
   * Asks where to write a bundle of changes (changes.export); resolves to its path, or null if the user cancelled.
   * As with chooseNewCaseFile, the main process then lets one changes.export write at that exact path.
   */
  chooseChangesFileToSave(suggestedName?: string): Promise<string | null>;
  /**
   * Asks where to save a file the core exported (document.export, brief.export) and writes it there; resolves to
   * the path written, or null if the user cancelled. Rejects, saying why, if the file could not be written.
   */
  saveExportedFile(file: ExportedFileToSave): Promise<string | null>;
  /** Whether passphrases can be remembered on this device (the system's secure storage), and if not, why. */
  passphraseStoreAvailability(): Promise<PassphraseStoreAvailability>;
  /**
   * Whether a passphrase is remembered on this device for a case file. The passphrase itself never comes back to
   * the renderer: case.open and case.openForReview without a passphrase use it in the main process.
   */
  isPassphraseRemembered(path: string): Promise<boolean>;
  /** Remembers a case file's passphrase on this device (refused where the store is unavailable). */
  rememberPassphrase(path: string, passphrase: string): Promise<void>;
  forgetPassphrase(path: string): Promise<void>;
}

/**
 * Files the core exports, by the file name's extension: drafts and briefs (shared/contract.ts EXPORT_FORMATS),
 * calendars, and a reviewer's comments (review.export).
 */
export const SAVABLE_EXPORT_EXTENSIONS = ['pdf', 'docx', 'md', 'html', 'ics', 'parley-comments'] as const;

/** Besides the exports, a copy of an attachment can be saved: any extension of a type Parley takes (shared/attachments.ts). */
export const SAVABLE_FILE_EXTENSIONS: readonly string[] = [
  ...new Set([...SAVABLE_EXPORT_EXTENSIONS, ...Object.values(ACCEPTED_ATTACHMENT_TYPES).flatMap((t) => t.extensions.map((e) => e.slice(1)))]),
];

/** An exported file as the contract returns it: its suggested name (ending in one of the extensions above) and bytes. */
export interface ExportedFileToSave {
  fileName: string;
  mediaType: string;
  dataBase64: string;
}

export type PassphraseStoreAvailability = { available: true } | { available: false; reason: string };

// ---- the transport between the preload and the main process (not for renderers) -----------------------------

/** Requests from the renderer to the main process; the request name travels as the first argument. */
export const DESKTOP_REQUEST_CHANNEL = 'parley:desktop';
/** Events from the main process to the renderer; the event name travels as the first argument. */
export const DESKTOP_EVENT_CHANNEL = 'parley:event';

/** Each request and its single argument. */
export interface DesktopRequests {
  setDirty: boolean;
  setActiveCase: string | null;
  chooseNewCaseFile: string | undefined;
  chooseCaseFileToOpen: undefined;
  chooseChangesFileToOpen: undefined;
  chooseChangesFileToSave: string | undefined;
  /** The renderer now listens for files to open: the main process may deliver the ones it kept. */
  listeningForFiles: undefined;
  saveExportedFile: ExportedFileToSave;
  caseFolder: undefined;
  passphraseStoreAvailability: undefined;
  isPassphraseRemembered: string;
  rememberPassphrase: { path: string; passphrase: string };
  forgetPassphrase: string;
}

/** What the main process answers to saveExportedFile: the path written, null if cancelled, or why it failed. */
export type SaveExportedFileResult = { ok: true; path: string | null } | { ok: false; message: string };
export type DesktopRequestName = keyof DesktopRequests;

/** Each event and its payload. */
export interface DesktopEvents {
  openFile: string;
  menuCommand: MenuCommand;
}
export type DesktopEventName = keyof DesktopEvents;
