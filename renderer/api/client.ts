// The renderer's one way to the core: a ParleyBridge (window.parley in Electron, HTTP in the browser harness),
// with each envelope unwrapped so that callers get the typed result or an ApiFailure they can show.
import type { ParleyBridge } from '../../shared/bridge.js';
import type { InputOf, OpName, OutputOf } from '../../shared/contract.js';
import type { ApiError, Envelope, ErrorCode } from '../../shared/result.js';

/** A call the core refused or could not complete; `message` is written for the user. */
export class ApiFailure extends Error {
  constructor(
    /** The operation (or harness request) that failed. */
    readonly operation: string,
    readonly error: ApiError,
  ) {
    super(error.message);
    this.name = 'ApiFailure';
  }

  get code(): ErrorCode {
    return this.error.code;
  }

  /** Per-field problems, keyed by the field's path inside `under` ("directive" gives "title" for "directive.title"). */
  issuesUnder(under: string): Record<string, string> {
    const prefix = under ? `${under}.` : '';
    const found: Record<string, string> = {};
    for (const issue of this.error.issues ?? []) {
      if (issue.path.startsWith(prefix)) found[issue.path.slice(prefix.length)] ??= issue.message;
    }
    return found;
  }
}

export interface Api {
  call<N extends OpName>(name: N, input: InputOf<N>): Promise<OutputOf<N>>;
}

export function apiOver(bridge: ParleyBridge): Api {
  return {
    async call<N extends OpName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
      const send = bridge[name] as unknown as (input: InputOf<N>) => Promise<Envelope<OutputOf<N>>>;
      const envelope = await send(input);
      if (!envelope.ok) throw new ApiFailure(name, envelope.error);
      return envelope.data;
    },
  };
}

/** Turns anything thrown into a sentence for the user. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiFailure) return err.message;
  if (err instanceof Error && err.message) return `Something went wrong: ${err.message}`;
  return 'Something went wrong.';
}
