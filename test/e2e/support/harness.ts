// The harness under test, loaded from its built bundle (dist/web/server.cjs) and started in this process, and a
// way to call the real dispatcher through it as the page does: POST /api/call with the token.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { InputOf, OpName, OutputOf } from '../../../shared/contract.js';
import type { Envelope } from '../../../shared/result.js';
import type { Harness, HarnessOptions } from '../../../electron/web/harness.js';
import { REPO_ROOT } from './paths.js';

export type { Harness } from '../../../electron/web/harness.js';

interface HarnessBundle {
  startHarness(opts: HarnessOptions): Promise<Harness>;
  TOKEN_HEADER: string;
  CONTENT_SECURITY_POLICY: string;
  DEMO_ANCHOR: string;
}

const require = createRequire(import.meta.url);
export const harnessBundle = require(path.join(REPO_ROOT, 'dist', 'web', 'server.cjs')) as HarnessBundle;

export const E2E_ACTOR = 'Dana Whitfield';
/** The computer account's name of a new user: what Parley writes until they set their name. */
export const NEW_USER_ACCOUNT = 'dwhitfield';

/**
 * Starts the harness over `dataDir`. The specs run it as `npm run web -- --as "Dana Whitfield"` would: every change
 * is written under that name and "Who are you?" is not asked. A new user (`newUser`) has neither that name nor a
 * profile yet: changes are written under the account's name until they set theirs.
 */
export function startHarness(dataDir: string, { newUser = false, sampleNearToday = false }: { newUser?: boolean; sampleNearToday?: boolean } = {}): Promise<Harness> {
  // The specs read the sample's dates as written (counted from DEMO_ANCHOR), unless one is about the sample as a
  // new user gets it, near today.
  const sampleAnchor = sampleNearToday ? undefined : harnessBundle.DEMO_ANCHOR;
  return harnessBundle.startHarness(newUser ? { dataDir, fallbackActor: NEW_USER_ACCOUNT, port: 0, sampleAnchor } : { dataDir, actor: E2E_ACTOR, port: 0, sampleAnchor });
}

/** Calls an operation through the harness; throws with the core's message if it refuses. */
export async function callThrough<N extends OpName>(harness: Harness, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const res = await fetch(`${harness.origin}/api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [harnessBundle.TOKEN_HEADER]: harness.token },
    body: JSON.stringify({ name, input }),
  });
  const envelope = (await res.json()) as Envelope<OutputOf<N>>;
  if (!envelope.ok) throw new Error(`${name} refused: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}
