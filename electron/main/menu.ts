// The application menu, as a template built from plain data so that it can be checked without Electron. Standard
// items use Electron's roles (their platform shortcuts and behaviour); Parley's own items call the actions given.
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newCase(): void;
  open(): void;
  openRecent(file: string): void;
  saveCopy(): void;
  /** Merging copies of one case (the renderer's dialogs preview each, for the case on screen). */
  mergeCopy(): void;
  importChanges(): void;
  exportChanges(): void;
  importCase(): void;
  exportCase(): void;
  /** Attaches files to the case on screen (the renderer asks for them and shows what was refused). */
  attach(): void;
  /** Prints the view on screen (the renderer prepares it and opens the system's print dialog). */
  print(): void;
  closeCase(): void;
  /** Closes every case and clears the window until the user unlocks (see app-lock.ts). */
  lock(): void;
  /** Shows the Settings screen (the renderer draws it). */
  settings(): void;
  about(): void;
  showDataFolder(): void;
  /** The firm's templates folder in the data folder: a template is shared by copying its file. */
  showTemplatesFolder(): void;
  /** Undo and redo of the case on screen (the renderer runs them, and says what was done or why not). */
  undoCase(): void;
  redoCase(): void;
}

export interface MenuContext {
  platform: NodeJS.Platform;
  appName: string;
  isDevelopment: boolean;
  /** Case files opened lately, most recent first. */
  recentFiles: readonly string[];
  /** Whether a case is shown (Save a Copy As, merging, Export, Print and Close act on it). */
  hasActiveCase: boolean;
  /** What Undo and Redo would do in the case on screen ("deleting the issue “Scope”"), or null for nothing. */
  caseUndo?: { undo: string | null; redo: string | null };
  actions: MenuActions;
}

export const MAX_RECENT_FILES = 10;

/** On Windows and Linux an ampersand marks the access key; a file name's own ampersands are doubled. */
function menuLabel(text: string): string {
  return text.replace(/&/g, '&&');
}

function recentItems(ctx: MenuContext): MenuItemConstructorOptions[] {
  const files = ctx.recentFiles.slice(0, MAX_RECENT_FILES);
  if (files.length === 0) return [{ label: 'No Recent Case Files', enabled: false }];
  return files.map((file) => ({
    label: menuLabel(`${path.basename(file)} — ${path.dirname(file)}`),
    click: () => ctx.actions.openRecent(file),
  }));
}

export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin';
  const { actions } = ctx;
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions = {
    label: ctx.appName,
    submenu: [
      { role: 'about' }, separator,
      { id: 'settings', label: 'Settings…', accelerator: 'CmdOrCtrl+,', click: () => actions.settings() }, separator,
      { role: 'services' }, separator,
      { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'new-case', label: 'New Case…', accelerator: 'CmdOrCtrl+N', click: () => actions.newCase() },
      { id: 'open', label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
      { id: 'open-recent', label: 'Open Recent', submenu: recentItems(ctx) },
      separator,
      { id: 'save-copy', label: 'Save a Copy As…', accelerator: 'CmdOrCtrl+Shift+S', enabled: ctx.hasActiveCase, click: () => actions.saveCopy() },
      separator,
      { id: 'merge-copy', label: 'Merge a Copy…', enabled: ctx.hasActiveCase, click: () => actions.mergeCopy() },
      { id: 'import-changes', label: 'Import Changes…', enabled: ctx.hasActiveCase, click: () => actions.importChanges() },
      { id: 'export-changes', label: 'Export Changes…', enabled: ctx.hasActiveCase, click: () => actions.exportChanges() },
      separator,
      { id: 'import', label: 'Import from Export File…', click: () => actions.importCase() },
      { id: 'export', label: 'Export Case…', enabled: ctx.hasActiveCase, click: () => actions.exportCase() },
      separator,
      { id: 'attach', label: 'Attach…', enabled: ctx.hasActiveCase, click: () => actions.attach() },
      separator,
      { id: 'print', label: 'Print…', accelerator: 'CmdOrCtrl+P', enabled: ctx.hasActiveCase, click: () => actions.print() },
      separator,
      { id: 'close-case', label: 'Close Case', accelerator: 'CmdOrCtrl+W', enabled: ctx.hasActiveCase, click: () => actions.closeCase() },
      { id: 'lock', label: 'Lock Parley', accelerator: 'CmdOrCtrl+Shift+L', click: () => actions.lock() },
      ...(mac ? [] : [separator, { role: 'quit', label: 'E&xit' } satisfies MenuItemConstructorOptions]),
    ],
  };

  // The case's undo and redo come first, named; their keys are shown but not taken from the page (the renderer
  // answers them outside text fields, where the roles below stay the typing's own undo and redo).
  const { undo, redo } = ctx.caseUndo ?? { undo: null, redo: null };
  const caseItems: MenuItemConstructorOptions[] = ctx.hasActiveCase ? [
    { id: 'undo-case', label: menuLabel(undo ? `Undo ${undo}` : 'Undo'), enabled: !!undo, accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => actions.undoCase() },
    { id: 'redo-case', label: menuLabel(redo ? `Redo ${redo}` : 'Redo'), enabled: !!redo, accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false, click: () => actions.redoCase() },
    separator,
  ] : [];
  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      ...caseItems,
      { role: 'undo', label: 'Undo Typing' }, { role: 'redo', label: 'Redo Typing' }, separator,
      { role: 'cut' }, { role: 'copy' }, { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } satisfies MenuItemConstructorOptions] : []),
      { role: 'delete' }, separator, { role: 'selectAll' },
      // On a Mac, Settings is in the app menu, where Mac apps keep it.
      ...(mac ? [] : [separator, { id: 'settings', label: 'Se&ttings…', accelerator: 'CmdOrCtrl+,', click: () => actions.settings() } satisfies MenuItemConstructorOptions]),
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      // Reloading would drop edits the renderer has not saved; only developers get it.
      ...(ctx.isDevelopment ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator] satisfies MenuItemConstructorOptions[] : []),
      { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: '&Window',
    role: 'window',
    submenu: [
      { role: 'minimize' },
      ...(mac ? [{ role: 'zoom' }, separator, { role: 'front' }] satisfies MenuItemConstructorOptions[] : []),
      separator,
      // Cmd/Ctrl+W closes the case (as in tabbed apps); the window closes with Shift added.
      { role: 'close', accelerator: 'CmdOrCtrl+Shift+W' },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      ...(mac ? [] : [{ id: 'about', label: `About ${ctx.appName}`, click: () => actions.about() } satisfies MenuItemConstructorOptions]),
      { id: 'show-data-folder', label: 'Show Data Folder', click: () => actions.showDataFolder() },
      { id: 'show-templates-folder', label: 'Show Templates Folder', click: () => actions.showTemplatesFolder() },
    ],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
