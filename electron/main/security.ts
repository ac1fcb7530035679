// The hardening every window and the session get (see docs/SECURITY.md, where each item names its test). The page
// is treated as untrusted: it reaches the core only through the preload's named functions, and it cannot
// navigate away, open windows, use device permissions or reach the network.
import type { WebPreferences } from 'electron';
import { isAppUrl, APP_SCHEME } from './app-protocol.js';
import type { NavigationEvent, SessionLike, WebContentsLike } from './electron-api.js';

/** The settings of every renderer. Frozen: nothing may loosen them at run time. */
export function webPreferences(preloadPath: string): Readonly<WebPreferences> {
  return Object.freeze({
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
    // A middle click would otherwise open a link in a new window without the window-open handler seeing a click.
    disableBlinkFeatures: 'Auxclick',
  });
}

/** Schemes a renderer may load from: the app's own, data: images (the CSP allows them for img-src only). */
const LOCAL_SCHEMES = new Set([`${APP_SCHEME}:`, 'data:']);
/** Chromium's developer tools load from devtools:; allowed only while developing. */
const DEVTOOLS_SCHEME = 'devtools:';

export function isAllowedRequest(url: string, allowDevtools: boolean): boolean {
  let scheme: string;
  try {
    scheme = new URL(url).protocol;
  } catch {
    return false;
  }
  return LOCAL_SCHEMES.has(scheme) || (allowDevtools && scheme === DEVTOOLS_SCHEME);
}

/** No device or feature permissions at all, and no request leaves the app. */
export function secureSession(session: SessionLike, options: { allowDevtools: boolean }): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, options.allowDevtools) });
  });
}

/**
 * Applied to every web contents the app creates: no navigation away from the app, no new windows, no webviews.
 * Links to the web or to mail go to `offerExternal`, which asks before handing them to the system.
 */
export function hardenWebContents(contents: WebContentsLike, offerExternal: (url: string) => void): void {
  const refuseForeignNavigation = (event: NavigationEvent) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    offerExternal(event.url);
  };
  contents.on('will-navigate', refuseForeignNavigation);
  contents.on('will-redirect', refuseForeignNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    offerExternal(url);
    return { action: 'deny' };
  });
}
