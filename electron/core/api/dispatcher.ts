// The single entry point for every caller (Electron IPC, the browser harness, the command line): look up the
// operation, validate the input against the contract, run the handler, and answer with an envelope. Nothing from
// inside (stack traces, SQL) leaves here; unexpected errors are logged for the developer and reported plainly.
import type { z } from 'zod';
import { CONTRACT, isOperationName, type InputOf, type OpName, type OutputOf } from '../../../shared/contract.js';
import type { ApiError, Envelope } from '../../../shared/result.js';
import { ParleyError, toParleyError } from '../errors.js';
import type { Session } from '../session.js';
import { HANDLERS } from './handlers.js';

export type InternalErrorLog = (operation: string, err: unknown) => void;

const logToStderr: InternalErrorLog = (operation, err) => {
  console.error(`[parley] ${operation} failed:`, err);
};

export function dispatch<N extends OpName>(session: Session, name: N, input: InputOf<N>, log?: InternalErrorLog): Envelope<OutputOf<N>>;
export function dispatch(session: Session, name: string, input: unknown, log?: InternalErrorLog): Envelope<unknown>;
export function dispatch(session: Session, name: string, input: unknown, log: InternalErrorLog = logToStderr): Envelope<unknown> {
  if (!isOperationName(name)) {
    return { ok: false, error: { code: 'unknown_operation', message: `There is no operation called "${String(name).slice(0, 100)}".` } };
  }
  const parsed = CONTRACT[name].input.safeParse(input);
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error) };
  try {
    return { ok: true, data: HANDLERS[name](session, parsed.data as never) };
  } catch (err) {
    const pe = toParleyError(err);
    if (pe.code === 'internal' || (!(err instanceof ParleyError) && pe.code === 'io_error')) log(name, err);
    return { ok: false, error: pe.toApiError() };
  }
}

function invalidInput(error: z.ZodError): ApiError {
  const issues = error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const first = issues[0]!;
  return { code: 'invalid_input', message: `Invalid input: ${first.path ? first.path + ': ' : ''}${first.message}`, issues };
}
