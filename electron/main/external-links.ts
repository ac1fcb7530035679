// A link to the web or an e-mail address leaves the app only through the system's handler, and only after the user
// has seen where it goes and agreed. Every other scheme (file:, javascript:, custom handlers) is dropped silently.
import type { DialogLike, ShellLike } from './electron-api.js';

const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** The URL normalised by the parser if it may be offered to the system, else null. */
export function externalLinkTarget(url: string): string | null {
  try {
    const parsed = new URL(url);
    return EXTERNAL_SCHEMES.has(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

export interface ExternalLinkDeps {
  dialog: DialogLike;
  shell: ShellLike;
  /** The window the question belongs to. */
  window: () => object | null;
}

/** Asks, then opens an allowed link with the system; resolves to whether it was opened. */
export async function offerToOpenExternally(deps: ExternalLinkDeps, url: string): Promise<boolean> {
  const target = externalLinkTarget(url);
  if (!target) return false;
  const owner = deps.window();
  if (!owner) return false;
  const { response } = await deps.dialog.showMessageBox(owner, {
    type: 'question',
    buttons: ['Cancel', 'Open'],
    defaultId: 0,
    cancelId: 0,
    message: target.startsWith('mailto:') ? 'Write an e-mail with your mail program?' : 'Open this link in your web browser?',
    detail: target,
  });
  if (response !== 1) return false;
  await deps.shell.openExternal(target);
  return true;
}
