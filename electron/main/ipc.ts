// The two IPC channels the renderer may use. Every call is checked for its sender first; then the contract channel
// refuses names the contract does not have and lets the dispatcher validate the input before any handler runs,
// and the desktop channel validates its few requests itself.
import { z } from 'zod';
import { dispatchAsync, type InternalErrorLog } from '../core/api/dispatcher.js';
import type { Session } from '../core/session.js';
import { IPC_CHANNEL } from '../../shared/bridge.js';
import { OPERATION_NAMES, type OpName } from '../../shared/contract.js';
import { DESKTOP_REQUEST_CHANNEL, SAVABLE_EXPORT_EXTENSIONS, type DesktopRequestName, type DesktopRequests } from '../../shared/desktop.js';
import { recordId } from '../../shared/fields.js';
import type { Envelope } from '../../shared/result.js';
import type { IpcInvokeEventLike, IpcMainLike } from './electron-api.js';
import type { SenderCheck } from './trusted-sender.js';

/** Thrown (the renderer's call rejects) when a call does not come from our window: such a caller gets no envelope. */
export class RefusedSenderError extends Error {
  constructor() {
    super('Refused: the call did not come from a Parley window.');
  }
}

function assertTrusted(isTrustedSender: SenderCheck, event: IpcInvokeEventLike): void {
  if (!isTrustedSender(event)) throw new RefusedSenderError();
}

export interface ContractIpcOptions {
  /** Told after every call that reached the core (the menu's Open Recent follows the library this way). */
  afterCall?: (name: OpName, result: Envelope<unknown>) => void;
  log?: InternalErrorLog;
}

/** Registers the contract channel: every operation in shared/contract.ts, and nothing else, reaches `dispatch`. */
export function registerContractIpc(ipcMain: IpcMainLike, session: Session, isTrustedSender: SenderCheck, options: ContractIpcOptions = {}): void {
  const operations = new Set<string>();
  for (const name of OPERATION_NAMES) operations.add(name);
  ipcMain.handle(IPC_CHANNEL, async (event, name, input) => {
    assertTrusted(isTrustedSender, event);
    if (typeof name !== 'string' || !operations.has(name)) {
      return { ok: false, error: { code: 'unknown_operation', message: `There is no operation called "${String(name).slice(0, 100)}".` } };
    }
    // dispatchAsync, not dispatch: exports (document.export, brief.export) return a promise.
    const result = await dispatchAsync(session, name, input, options.log);
    options.afterCall?.(name as OpName, result);
    return result;
  });
}

export type DesktopRequestHandlers = { [N in DesktopRequestName]: (argument: DesktopRequests[N]) => unknown };

const DESKTOP_REQUEST_SCHEMAS: { [N in DesktopRequestName]: z.ZodType<DesktopRequests[N]> } = {
  setDirty: z.boolean(),
  setActiveCase: recordId.nullable(),
  chooseNewCaseFile: z.string().max(255).optional(),
  chooseCaseFileToOpen: z.undefined(),
  listeningForFiles: z.undefined(),
  saveExportedFile: z.strictObject({
    fileName: z.string().min(1).max(255).refine(
      (name) => SAVABLE_EXPORT_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(`.${ext}`)),
      `must end in .${SAVABLE_EXPORT_EXTENSIONS.join(', .')}`,
    ),
    mediaType: z.string().max(255),
    // The contract's own limit for exported files is the document's; 200 MB of base64 is far above any brief.
    dataBase64: z.base64().max(200 * 1024 * 1024),
  }),
  passphraseStoreAvailability: z.undefined(),
  recallPassphrase: z.string().min(1).max(4_096),
  rememberPassphrase: z.strictObject({ path: z.string().min(1).max(4_096), passphrase: z.string().min(1).max(1_024) }),
  forgetPassphrase: z.string().min(1).max(4_096),
};

export function isDesktopRequestName(name: unknown): name is DesktopRequestName {
  return typeof name === 'string' && Object.hasOwn(DESKTOP_REQUEST_SCHEMAS, name);
}

/** Registers the desktop channel (shared/desktop.ts): the few requests that are not about case data. */
export function registerDesktopIpc(ipcMain: IpcMainLike, isTrustedSender: SenderCheck, handlers: DesktopRequestHandlers): void {
  ipcMain.handle(DESKTOP_REQUEST_CHANNEL, (event, name, argument) => {
    assertTrusted(isTrustedSender, event);
    if (!isDesktopRequestName(name)) throw new Error(`There is no desktop request called "${String(name).slice(0, 100)}".`);
    const parsed = DESKTOP_REQUEST_SCHEMAS[name].safeParse(argument);
    if (!parsed.success) throw new Error(`Invalid argument for ${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return (handlers[name] as (argument: unknown) => unknown)(parsed.data);
  });
}
