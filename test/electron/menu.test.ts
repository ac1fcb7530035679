// The application menu's structure, shortcuts and actions.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MAX_RECENT_FILES, buildMenuTemplate, type MenuActions, type MenuContext } from '../../electron/main/menu.js';

function context(overrides: Partial<MenuContext> = {}) {
  const called: string[] = [];
  const record = (name: string) => (...args: unknown[]) => void called.push([name, ...args].join(' '));
  const actions: MenuActions = {
    newCase: record('newCase'), open: record('open'), openRecent: record('openRecent'), saveCopy: record('saveCopy'),
    mergeCopy: record('mergeCopy'), importChanges: record('importChanges'), exportChanges: record('exportChanges'),
    importCase: record('importCase'), exportCase: record('exportCase'), print: record('print'), attach: record('attach'), closeCase: record('closeCase'), about: record('about'), lock: record('lock'),
    showDataFolder: record('showDataFolder'), showTemplatesFolder: record('showTemplatesFolder'), settings: record('settings'), undoCase: record('undoCase'), redoCase: record('redoCase'),
  };
  return { called, ctx: { platform: 'linux', appName: 'Parley', isDevelopment: false, recentFiles: [], hasActiveCase: true, actions, ...overrides } as MenuContext };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(item?.submenu) ? item.submenu : [];
}

function find(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  for (const item of template) {
    if (item.id === id) return item;
    const inner = submenu(item);
    if (inner.length) {
      try {
        return find(inner, id);
      } catch {
        // not in this branch
      }
    }
  }
  throw new Error(`no item ${id}`);
}

const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label ?? i.role ?? i.type);

describe('the application menu', () => {
  it('has File, Edit, View, Window and Help, and the app menu first on macOS', () => {
    expect(labels(buildMenuTemplate(context().ctx))).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    expect(labels(buildMenuTemplate(context({ platform: 'darwin' }).ctx))).toEqual(['Parley', '&File', '&Edit', '&View', '&Window', '&Help']);
  });

  it('offers the case-file commands with their standard shortcuts', () => {
    const file = submenu(buildMenuTemplate(context().ctx)[0]);
    const byId = Object.fromEntries(file.filter((i) => i.id).map((i) => [i.id, i.accelerator ?? null]));
    expect(byId).toEqual({
      'new-case': 'CmdOrCtrl+N', open: 'CmdOrCtrl+O', 'open-recent': null, 'save-copy': 'CmdOrCtrl+Shift+S',
      'merge-copy': null, 'import-changes': null, 'export-changes': null, import: null, export: null, attach: null, print: 'CmdOrCtrl+P', 'close-case': 'CmdOrCtrl+W', lock: 'CmdOrCtrl+Shift+L',
    });
    expect(file.at(-1)?.role).toBe('quit');
    expect(submenu(buildMenuTemplate(context({ platform: 'darwin' }).ctx)[1]).some((i) => i.role === 'quit')).toBe(false);
  });

  it('calls the actions', () => {
    const { called, ctx } = context({ recentFiles: ['/cases/A.parley'] });
    const template = buildMenuTemplate(ctx);
    for (const id of ['new-case', 'open', 'save-copy', 'merge-copy', 'import-changes', 'export-changes', 'import', 'export', 'attach', 'print', 'close-case', 'lock', 'about', 'show-data-folder', 'show-templates-folder']) {
      (find(template, id).click as () => void)();
    }
    (submenu(find(template, 'open-recent'))[0]!.click as () => void)();
    expect(called).toEqual(['newCase', 'open', 'saveCopy', 'mergeCopy', 'importChanges', 'exportChanges', 'importCase', 'exportCase', 'attach', 'print', 'closeCase', 'lock', 'about', 'showDataFolder', 'showTemplatesFolder', 'openRecent /cases/A.parley']);
  });

  it('opens Settings with Ctrl+, from the Edit menu, and from the app menu on macOS, case or no case', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const { called, ctx } = context({ platform, hasActiveCase: false });
      const template = buildMenuTemplate(ctx);
      const settings = find(template, 'settings');
      expect(settings).toMatchObject({ accelerator: 'CmdOrCtrl+,' });
      expect(settings.enabled).not.toBe(false);
      const holder = template.find((menu) => submenu(menu).includes(settings))!;
      expect(holder.label).toBe(platform === 'darwin' ? 'Parley' : '&Edit');
      expect(template.flatMap(submenu).filter((i) => i.id === 'settings')).toHaveLength(1);
      (settings.click as () => void)();
      expect(called).toEqual(['settings']);
    }
  });

  it('disables what needs a case when none is shown', () => {
    const template = buildMenuTemplate(context({ hasActiveCase: false }).ctx);
    for (const id of ['save-copy', 'merge-copy', 'import-changes', 'export-changes', 'export', 'attach', 'print', 'close-case']) expect(find(template, id).enabled, id).toBe(false);
    for (const id of ['new-case', 'open', 'import']) expect(find(template, id).enabled, id).not.toBe(false);
  });

  it('lists recent case files, at most ten, with ampersands kept literal', () => {
    const few = submenu(find(buildMenuTemplate(context({ recentFiles: ['/cases/Smith & Co.parley'] }).ctx), 'open-recent'));
    expect(few.map((i) => i.label)).toEqual(['Smith && Co.parley — /cases']);
    const many = Array.from({ length: 15 }, (_, i) => `/cases/${i}.parley`);
    expect(submenu(find(buildMenuTemplate(context({ recentFiles: many }).ctx), 'open-recent'))).toHaveLength(MAX_RECENT_FILES);
    const none = submenu(find(buildMenuTemplate(context().ctx), 'open-recent'));
    expect(none).toEqual([{ label: 'No Recent Case Files', enabled: false }]);
  });

  it('uses the standard roles for editing', () => {
    const edit = submenu(buildMenuTemplate(context().ctx)[1]);
    expect(edit.filter((i) => i.role).map((i) => i.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
  });

  it('names the undo and redo of the case on screen, and runs them through the renderer', () => {
    const { called, ctx } = context({ caseUndo: { undo: 'deleting the issue “Scope & Reach”', redo: null } });
    const template = buildMenuTemplate(ctx);
    const undo = find(template, 'undo-case');
    expect(undo).toMatchObject({ label: 'Undo deleting the issue “Scope && Reach”', enabled: true, accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(find(template, 'redo-case')).toMatchObject({ label: 'Redo', enabled: false });
    (undo.click as () => void)();
    expect(called).toEqual(['undoCase']);
    expect(() => find(buildMenuTemplate(context({ hasActiveCase: false }).ctx), 'undo-case')).toThrow();
  });

  it('offers reload and developer tools only while developing', () => {
    const roles = (isDevelopment: boolean) => submenu(buildMenuTemplate(context({ isDevelopment }).ctx)[2]).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('closes the window with Shift added, leaving Cmd/Ctrl+W to Close Case', () => {
    const window = submenu(buildMenuTemplate(context().ctx)[3]);
    expect(window.find((i) => i.role === 'close')?.accelerator).toBe('CmdOrCtrl+Shift+W');
  });
});
