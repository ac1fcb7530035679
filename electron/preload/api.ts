// What the preload hands the page, built from a narrow view of ipcRenderer so that it can be tested without
// Electron. The page gets named functions only: never ipcRenderer, never a channel name, never the raw IPC event.
import { bridgeFrom, IPC_CHANNEL, type ParleyBridge } from '../../shared/bridge.js';
import {
  DESKTOP_EVENT_CHANNEL, DESKTOP_REQUEST_CHANNEL, MENU_COMMANDS, type DesktopEventName, type DesktopEvents,
  type DesktopRequestName, type DesktopRequests, type MenuCommand, type ParleyDesktop, type SaveExportedFileResult, type Unsubscribe,
} from '../../shared/desktop.js';
import type { Envelope } from '../../shared/result.js';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** window.parley: one function per contract operation, each a call over the single contract channel. */
export function createBridge(ipc: IpcRendererLike): ParleyBridge {
  return bridgeFrom((name, input) => ipc.invoke(IPC_CHANNEL, name, input) as Promise<Envelope<unknown>>);
}

/** Checks what the main process sends before a page's listener sees it. */
const EVENT_PAYLOAD_CHECKS: { [N in DesktopEventName]: (payload: unknown) => payload is DesktopEvents[N] } = {
  openFile: (payload): payload is string => typeof payload === 'string' && payload.length > 0,
  menuCommand: (payload): payload is MenuCommand => (MENU_COMMANDS as readonly unknown[]).includes(payload),
};

/** window.parleyDesktop: the desktop-only functions (shared/desktop.ts). */
export function createDesktopApi(ipc: IpcRendererLike): ParleyDesktop {
  const request = <N extends DesktopRequestName>(name: N, argument: DesktopRequests[N]) => ipc.invoke(DESKTOP_REQUEST_CHANNEL, name, argument);

  function subscribe<N extends DesktopEventName>(name: N, listener: (payload: DesktopEvents[N]) => void): Unsubscribe {
    const onEvent = (_event: unknown, eventName: unknown, payload: unknown) => {
      if (eventName === name && EVENT_PAYLOAD_CHECKS[name](payload)) listener(payload);
    };
    ipc.on(DESKTOP_EVENT_CHANNEL, onEvent as (event: unknown, ...args: unknown[]) => void);
    return () => void ipc.removeListener(DESKTOP_EVENT_CHANNEL, onEvent as (event: unknown, ...args: unknown[]) => void);
  }

  return {
    onOpenFile(listener) {
      const unsubscribe = subscribe('openFile', listener);
      // Files asked for before anyone listened were kept by the main process; now they can come.
      void request('listeningForFiles', undefined);
      return unsubscribe;
    },
    onMenuCommand: (listener) => subscribe('menuCommand', listener),
    setDirty: (dirty) => void request('setDirty', dirty === true),
    setActiveCase: (caseId) => void request('setActiveCase', caseId),
    chooseNewCaseFile: (suggestedName) => request('chooseNewCaseFile', suggestedName) as Promise<string | null>,
    chooseCaseFileToOpen: () => request('chooseCaseFileToOpen', undefined) as Promise<string | null>,
    chooseChangesFileToOpen: () => request('chooseChangesFileToOpen', undefined) as Promise<string | null>,
    chooseChangesFileToSave: (suggestedName) => request('chooseChangesFileToSave', suggestedName) as Promise<string | null>,
    caseFolder: () => request('caseFolder', undefined) as ReturnType<ParleyDesktop['caseFolder']>,
    async saveExportedFile(file) {
      const result = (await request('saveExportedFile', { fileName: file.fileName, mediaType: file.mediaType, dataBase64: file.dataBase64 })) as SaveExportedFileResult;
      if (!result.ok) throw new Error(result.message);
      return result.path;
    },
    passphraseStoreAvailability: () => request('passphraseStoreAvailability', undefined) as ReturnType<ParleyDesktop['passphraseStoreAvailability']>,
    isPassphraseRemembered: async (path) => (await request('isPassphraseRemembered', path)) === true,
    rememberPassphrase: async (path, passphrase) => void (await request('rememberPassphrase', { path, passphrase })),
    forgetPassphrase: async (path) => void (await request('forgetPassphrase', path)),
  };
}
