// The single entry point for every caller (Electron IPC, the browser harness, the command line): look up the
// operation, validate the input against the contract, run the handler, and answer with an envelope. Nothing from
// inside (stack traces, SQL) leaves here; unexpected errors are logged for the developer and reported plainly.
import type { z } from 'zod';
import { ASYNC_OPERATIONS, CONTRACT, isOperationName, type InputOf, type OpName, type OutputOf, type SyncOpName } from '../../../shared/contract.js';
import { kindOfOperation, pathInWords, plainIssue } from '../../../shared/plain-issues.js';
import type { ApiError, Envelope } from '../../../shared/result.js';
import { ParleyError, toParleyError } from '../errors.js';
import type { Session } from '../session.js';
import { HANDLERS } from './handlers.js';

export type InternalErrorLog = (operation: string, err: unknown) => void;

const logToStderr: InternalErrorLog = (operation, err) => {
  console.error(`[parley] ${operation} failed:`, err);
};

/** Runs a synchronous operation (all but ASYNC_OPERATIONS) and returns its envelope. */
export function dispatch<N extends SyncOpName>(session: Session, name: N, input: InputOf<N>, log?: InternalErrorLog): Envelope<OutputOf<N>>;
export function dispatch(session: Session, name: string, input: unknown, log?: InternalErrorLog): Envelope<unknown>;
export function dispatch(session: Session, name: string, input: unknown, log: InternalErrorLog = logToStderr): Envelope<unknown> {
  const call = prepare(session, name, input);
  if ('refused' in call) return call.refused;
  if (ASYNC_OPERATIONS.has(name)) {
    log(name, new Error(`${name} returns a promise: call it through dispatchAsync`));
    return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Parley; nothing was changed.' } };
  }
  try {
    return { ok: true, data: call.run() };
  } catch (err) {
    return { ok: false, error: report(name, err, log) };
  }
}

/** Runs any operation, waiting for those that return a promise: what the IPC and HTTP transports call. */
export async function dispatchAsync<N extends OpName>(session: Session, name: N, input: InputOf<N>, log?: InternalErrorLog): Promise<Envelope<OutputOf<N>>>;
export async function dispatchAsync(session: Session, name: string, input: unknown, log?: InternalErrorLog): Promise<Envelope<unknown>>;
export async function dispatchAsync(session: Session, name: string, input: unknown, log: InternalErrorLog = logToStderr): Promise<Envelope<unknown>> {
  const call = prepare(session, name, input);
  if ('refused' in call) return call.refused;
  try {
    return { ok: true, data: await call.run() };
  } catch (err) {
    return { ok: false, error: report(name, err, log) };
  }
}

/** Looks the operation up and validates its input; nothing runs unless both pass. */
function prepare(session: Session, name: string, input: unknown): { refused: Envelope<never> } | { run: () => unknown } {
  if (!isOperationName(name)) {
    // Only a string is quoted back: a transport may pass anything, and String() of some objects throws.
    const message = typeof name === 'string' ? `There is no operation called "${name.slice(0, 100)}".` : 'An operation is named by a string.';
    return { refused: { ok: false, error: { code: 'unknown_operation', message } } };
  }
  const proto = protoKeyIn(input);
  if (proto !== null) {
    const message = proto ? `${capitalized(pathInWords(proto.split('.'), kindOfOperation(name)))}: a key named “__proto__” is not allowed.` : 'A key named “__proto__” is not allowed.';
    return { refused: { ok: false, error: { code: 'invalid_input', message, issues: [{ path: proto, message: 'a key named "__proto__" is not allowed' }] } } };
  }
  const parsed = CONTRACT[name].input.safeParse(input);
  if (!parsed.success) return { refused: { ok: false, error: invalidInput(name, input, parsed.error) } };
  return { run: () => HANDLERS[name](session, parsed.data as never) };
}

/**
 * The path of an own key "__proto__" anywhere in the input ('' for the input itself), or null. JSON.parse makes such
 * a key an ordinary one, and a record schema would drop it without a word: a filter or an export's records under
 * it would be silently ignored. No input of the contract has it, so it is refused before validation.
 */
function protoKeyIn(input: unknown): string | null {
  const pending: [value: unknown, at: string][] = [[input, '']];
  while (pending.length) {
    const [value, at] = pending.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (Object.hasOwn(value, '__proto__')) return at;
    for (const [key, child] of Object.entries(value)) pending.push([child, at ? `${at}.${key}` : key]);
  }
  return null;
}

function report(name: string, err: unknown, log: InternalErrorLog): ApiError {
  const pe = toParleyError(err);
  if (pe.code === 'internal' || (!(err instanceof ParleyError) && pe.code === 'io_error')) log(name, err);
  return pe.toApiError();
}

/** The first issue in plain words is the message; the issues keep their paths and zod's messages. */
function invalidInput(name: string, input: unknown, error: z.ZodError): ApiError {
  const issues = error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  return { code: 'invalid_input', message: plainIssue(error.issues[0]!, { kind: kindOfOperation(name), input }), issues };
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
