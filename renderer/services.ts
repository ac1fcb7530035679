// The two things every store needs from outside the renderer: the API and the platform. Chosen once at start
// (main.tsx): the Electron preload's window.parley where it exists, the browser harness over HTTP otherwise.
import { apiOver, type Api } from './api/client.js';
import { httpBridge, takeHarnessToken } from './api/http-bridge.js';
import { browserPlatform } from './platform/browser.js';
import { desktopPlatform } from './platform/desktop.js';
import type { Platform } from './platform/platform.js';

export interface Services {
  api: Api;
  platform: Platform;
}

let current: Services | null = null;

/** Connects to the core, or returns null in a browser opened without the harness's token. */
export function connect(): Services | null {
  if (window.parley) {
    // A shell that gives the bridge without the desktop functions: the user types paths, as in the browser.
    const platform: Platform = window.parleyDesktop ? desktopPlatform(window.parleyDesktop) : { name: 'desktop', caseFolder: async () => null };
    current = { api: apiOver(window.parley), platform };
    return current;
  }
  const token = takeHarnessToken();
  if (!token) return null;
  current = { api: apiOver(httpBridge(token)), platform: browserPlatform(token) };
  return current;
}

export function services(): Services {
  if (!current) throw new Error('Parley is not connected to its core yet.');
  return current;
}

export const api = (): Api => services().api;
export const platform = (): Platform => services().platform;
