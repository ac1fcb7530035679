// The two IPC channels the renderer may use. Every call is checked for its sender first; then the contract channel
// refuses names the contract does not have, refuses paths to write at that the user did not choose (file-places.ts),
// and lets the dispatcher validate the input before any handler runs; the desktop channel validates its few requests
// itself. Remembered passphrases stay in the main process: it fills one in when the renderer opens an encrypted case
// without a passphrase, and the renderer only ever learns whether one is remembered.
import { z } from 'zod';
import { dispatchAsync, type InternalErrorLog } from '../core/api/dispatcher.js';
import type { Session } from '../core/session.js';
import { IPC_CHANNEL } from '../../shared/bridge.js';
import { OPERATION_NAMES, type OpName } from '../../shared/contract.js';
import { DESKTOP_REQUEST_CHANNEL, SAVABLE_FILE_EXTENSIONS, type DesktopRequestName, type DesktopRequests } from '../../shared/desktop.js';
import { recordId } from '../../shared/fields.js';
import type { Envelope } from '../../shared/result.js';
import type { IpcInvokeEventLike, IpcMainLike } from './electron-api.js';
import type { FilePlaces } from './file-places.js';
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

/** The remembered passphrases, as the contract channel uses them (key-store.ts). */
export interface RememberedPassphrases {
  recall(caseFile: string): string | null;
  forget(caseFile: string): void;
}

export interface ContractIpcOptions {
  /** Where the renderer may have files written: the cases folder and the save dialogs' answers. */
  places: FilePlaces;
  /** Used to open an encrypted case the renderer asks to open without a passphrase; none where there is no store. */
  passphrases?: RememberedPassphrases;
  /** Told after every call that reached the core (the menu's Open Recent follows the library this way). */
  afterCall?: (name: OpName, result: Envelope<unknown>) => void;
  log?: InternalErrorLog;
}

/** Opening operations that take a passphrase, which the main process may fill in from the remembered ones. */
const OPENING_OPERATIONS: ReadonlySet<string> = new Set<OpName>(['case.open', 'case.openForReview']);

/** Registers the contract channel: every operation in shared/contract.ts, and nothing else, reaches `dispatch`. */
export function registerContractIpc(ipcMain: IpcMainLike, session: Session, isTrustedSender: SenderCheck, options: ContractIpcOptions): void {
  const operations = new Set<string>();
  for (const name of OPERATION_NAMES) operations.add(name);
  const run = (name: string, input: unknown) => dispatchAsync(session, name, input, options.log);

  /**
   * An encrypted case opened without a passphrase: the core answers passphrase_required, and then the remembered
   * passphrase, if there is one, is tried. One that no longer opens the file is forgotten, and the renderer gets
   * the first answer, so that it asks the user.
   */
  async function open(name: string, input: unknown): Promise<Envelope<unknown>> {
    const first = await run(name, input);
    const given = input as { path?: unknown; passphrase?: unknown };
    if (first.ok || first.error.code !== 'passphrase_required' || !options.passphrases || given.passphrase !== undefined || typeof given.path !== 'string') return first;
    const remembered = options.passphrases.recall(given.path);
    if (remembered === null) return first;
    const second = await run(name, { ...given, passphrase: remembered });
    if (!second.ok && second.error.code === 'wrong_passphrase') {
      options.passphrases.forget(given.path);
      return first;
    }
    return second;
  }

  ipcMain.handle(IPC_CHANNEL, async (event, name, input) => {
    assertTrusted(isTrustedSender, event);
    if (typeof name !== 'string' || !operations.has(name)) {
      return { ok: false, error: { code: 'unknown_operation', message: `There is no operation called "${String(name).slice(0, 100)}".` } };
    }
    const admission = options.places.admit(name, input);
    if (!admission.ok) return admission.refusal;
    // dispatchAsync, not dispatch: exports (document.export, brief.export) return a promise.
    const result = OPENING_OPERATIONS.has(name) && typeof input === 'object' && input !== null ? await open(name, input) : await run(name, input);
    admission.settle(result);
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
  chooseChangesFileToOpen: z.undefined(),
  chooseChangesFileToSave: z.string().max(255).optional(),
  listeningForFiles: z.undefined(),
  saveExportedFile: z.strictObject({
    fileName: z.string().min(1).max(255).refine(
      (name) => SAVABLE_FILE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(`.${ext}`)),
      `must end in .${SAVABLE_FILE_EXTENSIONS.join(', .')}`,
    ),
    mediaType: z.string().max(255),
    // The contract's own limit for exported files is the document's; 200 MB of base64 is far above any brief.
    dataBase64: z.base64().max(200 * 1024 * 1024),
  }),
  caseFolder: z.undefined(),
  passphraseStoreAvailability: z.undefined(),
  isPassphraseRemembered: z.string().min(1).max(4_096),
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
