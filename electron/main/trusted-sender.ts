// Who may call the main process: only the top frame of one of our windows, showing our own pages. A subframe, a
// detached frame, the developer tools, or a page that somehow navigated to another origin (file://, https://) is
// refused before anything else happens.
import { isAppUrl } from './app-protocol.js';
import type { BrowserWindowLike, IpcInvokeEventLike, WebFrameLike } from './electron-api.js';

export type SenderCheck = (event: IpcInvokeEventLike) => boolean;

function sameFrame(a: WebFrameLike, b: WebFrameLike): boolean {
  return a === b || (a.processId === b.processId && a.frameToken === b.frameToken);
}

/** A sender check over the windows the app has open now. */
export function trustedSenderCheck(ourWindows: () => readonly BrowserWindowLike[]): SenderCheck {
  return ({ senderFrame: frame }) => {
    if (!frame || frame.detached || frame.parent !== null) return false;
    if (!isAppUrl(frame.url)) return false;
    return ourWindows().some((window) => !window.isDestroyed() && sameFrame(window.webContents.mainFrame, frame));
  };
}
