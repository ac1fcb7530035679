// Shared test fixtures: a temporary folder per test, a session over it, and a dispatcher call that unwraps.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InputOf, OpName, OutputOf } from '../shared/contract.js';
import type { ApiError, Envelope, ErrorCode } from '../shared/result.js';
import { dispatch, dispatchAsync } from '../electron/core/api/dispatcher.js';
import { Session } from '../electron/core/session.js';
import { caseFromTemplate } from './support/case-template.js';
import { onCleanup } from './support/cleanups.js';

export { onCleanup };

export function tempDir(prefix = 'parley-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestApi {
  dir: string;
  session: Session;
  /** Calls through the real dispatcher; throws with the error's code and message if the call fails. */
  call<N extends OpName>(name: N, input: InputOf<N>): OutputOf<N>;
  /** Calls through the real dispatcher and returns the envelope as it is. */
  raw(name: string, input: unknown): Envelope<unknown>;
  /** The same through the dispatcher's async path, which also runs the operations that return a promise. */
  rawAsync(name: string, input: unknown): Promise<Envelope<unknown>>;
  /** Calls through the real dispatcher, expects it to fail with `code`, and returns the error. */
  fail(name: string, input: unknown, code: ErrorCode): ApiError;
  /** What the dispatcher logged as unexpected (internal) failures; a test can require it to stay empty. */
  internalErrors: { operation: string; err: unknown }[];
}

export function testApi(actor = 'Test Counsel', dir = tempDir()): TestApi {
  const session = new Session({ dataDir: path.join(dir, 'data'), actor });
  onCleanup(() => session.closeAll());
  const internalErrors: TestApi['internalErrors'] = [];
  const log = (operation: string, err: unknown) => internalErrors.push({ operation, err });
  const raw = (name: string, input: unknown) => dispatch(session, name, input, log);
  return {
    dir,
    session,
    internalErrors,
    raw,
    rawAsync: (name, input) => dispatchAsync(session, name, input, log),
    call(name, input) {
      const res = dispatch(session, name, input, log);
      if (!res.ok) throw Object.assign(new Error(`${res.error.code}: ${res.error.message}`), { apiError: res.error });
      return res.data as never;
    },
    fail(name, input, code) {
      const res = raw(name, input);
      if (res.ok) throw new Error(`${name} succeeded; expected ${code}`);
      if (res.error.code !== code) throw new Error(`${name} failed with ${res.error.code} (${res.error.message}); expected ${code}`);
      return res.error;
    },
  };
}

/**
 * A new plain case file `name` in the test's folder, open in `api`'s session and in its library, holding only its
 * directive. It is a copy of a template case made through case.create (test/support/case-template.ts), opened
 * through case.open; where a copy cannot stand in for a create (the name is taken, the folder is missing) the case is
 * made through case.create itself. A test about what case.create does calls case.create, not this.
 */
export function newCase(api: TestApi, name = 'case.parley', title = 'Export-control suspension order') {
  const file = path.join(api.dir, name);
  const directive = { title, status: 'received' } as const;
  return (
    caseFromTemplate(file, api.session.actor, directive, (copy) => api.call('case.open', { path: copy }), onCleanup) ??
    api.call('case.create', { path: file, directive })
  );
}

/**
 * A colleague's copy of `owner`'s open case, made as a person would with the file manager: the case is closed for the
 * copy, then open again in `owner`'s session and, the copy, in the colleague's own session and data folder.
 */
export function colleaguesCopy(owner: TestApi, caseId: string, file: string, colleague = 'Bob Baker') {
  owner.call('case.close', { caseId });
  const other = testApi(colleague);
  const otherFile = path.join(tempDir(), 'bob.parley');
  fs.copyFileSync(file, otherFile);
  owner.call('case.open', { path: file });
  other.call('case.open', { path: otherFile });
  return { other, otherFile };
}
