// One sample case shared by the tests of a suite that only read it: writing it takes a hundred audited
// transactions, each synced to disk, too slow to repeat for every test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InputOf, OpName, OutputOf } from '../../../shared/contract.js';
import { dispatch } from '../../../electron/core/api/dispatcher.js';
import { writeDemoCase } from '../../../electron/core/demo.js';
import { Session } from '../../../electron/core/session.js';

export interface SuiteCase {
  dir: string;
  session: Session;
  caseId: string;
  /** Calls through the real dispatcher; throws with the error's code and message if the call fails. */
  call<N extends OpName>(name: N, input: InputOf<N>): OutputOf<N>;
  close(): void;
}

export function writeSuiteSampleCase(actor: string): SuiteCase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-sample-'));
  const session = new Session({ dataDir: path.join(dir, 'data'), actor });
  const { caseId } = writeDemoCase(session, path.join(dir, 'sample.parley'));
  return {
    dir,
    session,
    caseId,
    call(name, input) {
      const res = dispatch(session, name, input);
      if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
      return res.data as never;
    },
    close() {
      session.closeAll();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
