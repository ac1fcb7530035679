// Shared test fixtures: a temporary folder per test, a session over it, and a dispatcher call that unwraps.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { InputOf, OpName, OutputOf } from '../shared/contract.js';
import type { Envelope } from '../shared/result.js';
import { dispatch } from '../electron/core/api/dispatcher.js';
import { Session } from '../electron/core/session.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

export function tempDir(prefix = 'parley-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestApi {
  dir: string;
  session: Session;
  /** Calls through the real dispatcher; throws with the error's code and message if the call fails. */
  call<N extends OpName>(name: N, input: InputOf<N>): OutputOf<N>;
  /** Calls through the real dispatcher and returns the envelope as it is. */
  raw(name: string, input: unknown): Envelope<unknown>;
}

export function testApi(actor = 'Test Counsel'): TestApi {
  const dir = tempDir();
  const session = new Session({ dataDir: path.join(dir, 'data'), actor });
  cleanups.push(() => session.closeAll());
  const silent = () => {};
  return {
    dir,
    session,
    call(name, input) {
      const res = dispatch(session, name, input, silent);
      if (!res.ok) throw Object.assign(new Error(`${res.error.code}: ${res.error.message}`), { apiError: res.error });
      return res.data as never;
    },
    raw: (name, input) => dispatch(session, name, input, silent),
  };
}

export function newCase(api: TestApi, name = 'case.parley', title = 'Export-control suspension order') {
  return api.call('case.create', { path: path.join(api.dir, name), directive: { title, status: 'received' } });
}
