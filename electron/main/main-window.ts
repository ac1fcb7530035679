// The one main window. The renderer shows the library and every open case inside it (as tabs), so opening a file
// from the file manager brings this window forward rather than opening another.
import { APP_ENTRY_URL } from './app-protocol.js';
import type { BrowserWindowLike, ShellElectron } from './electron-api.js';
import { webPreferences } from './security.js';
import { MIN_SIZE, placeOnDisplays, type WindowState } from './window-state.js';

export const APP_NAME = 'Parley';

export function createMainWindow(
  electron: Pick<ShellElectron, 'BrowserWindow' | 'screen'>,
  paths: { preload: string },
  saved: WindowState,
): BrowserWindowLike {
  const placed = placeOnDisplays(saved, electron.screen.getAllDisplays().map((display) => display.workArea));
  const window = new electron.BrowserWindow({
    x: placed.x,
    y: placed.y,
    width: placed.width,
    height: placed.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: APP_NAME,
    // Shown once the first paint is ready, so the window never flashes empty.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: { ...webPreferences(paths.preload) },
  });
  if (placed.maximized) window.maximize();
  window.on('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** Brings the window to the front, even from the dock or taskbar. */
export function bringToFront(window: BrowserWindowLike): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
