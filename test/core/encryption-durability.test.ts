// Encrypt, rekey and decrypt killed with SIGKILL at random moments: afterwards the file is the old one or the new
// one, whole, readable with the matching passphrase, holding every record. A real child process does the change.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi } from '../helpers.js';
import { anotherRound, crashRounds, crashSeed, crashTimeout } from './support/crash-settings.js';
import { seededRandom } from './support/random.js';
import { KEY_CHANGES, openWithEither, pristineCase, type Key } from './support/key-change.js';
import { bundleWriter, startWriter } from './support/writer-process.js';

const ROUNDS = crashRounds(10);
const KILL_SEED = crashSeed(20261127);

let buildDir: string;
let script: string;

beforeAll(async () => {
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-rekey-writer-'));
  script = await bundleWriter(buildDir);
});
afterAll(() => fs.rmSync(buildDir, { recursive: true, force: true }));

// Each change is made the way this system needs (through the API), and the Windows way (through the core, with the
// file let go just before the rename; db/rewrite.ts SwapMode), which a kill must leave as whole.
const WAYS = KEY_CHANGES.flatMap((c) => [{ ...c, swap: 'platform' as const }, { ...c, swap: 'windows' as const }]);

describe('a key change killed with SIGKILL at random moments', () => {
  it.each(WAYS)(`$mode ($swap way) leaves the old file or the new one, whole (${ROUNDS} rounds)`, async ({ mode, from, to, swap }) => {
    const api = testApi();
    const pristine = pristineCase(api, 'pristine.parley', from);
    const work = path.join(api.dir, 'work.parley');
    const writerArgs = [mode, work, path.join(api.dir, 'writer-data'), ...(swap === 'windows' ? ['windows'] : [])];
    const fresh = () => fs.copyFileSync(pristine.file, work);

    // One uninterrupted run: how long the change takes here, so that kills fall across all of it.
    fresh();
    const timed = startWriter(script, writerArgs);
    await timed.linesPrinted(1);
    const started = Date.now();
    expect((await timed.exited).code, timed.stderr()).toBe(0);
    const duration = Date.now() - started;
    expect(openWithEither(api, work, [from, to], 'uninterrupted', pristine)).toBe(to);

    const random = seededRandom(KILL_SEED + mode.length + (swap === 'windows' ? 100 : 0));
    const outcomes: Key[] = [];
    for (let round = 0; anotherRound(round, ROUNDS, outcomes.includes(from) && outcomes.includes(to)); round++) {
      fresh();
      const writer = startWriter(script, writerArgs);
      await writer.linesPrinted(1);
      const wait = Math.floor(random() * duration * 1.5);
      if (round >= ROUNDS && !outcomes.includes(to)) {
        // On a loaded machine the rounds can run slower than the timed run, and every kill fall before the rename:
        // the rounds added for that kill once the change says it is done (past the rename, before the exit).
        await writer.lineStarting('done');
      } else {
        await sleep(wait);
      }
      writer.child.kill('SIGKILL');
      await writer.exited;
      outcomes.push(openWithEither(api, work, [from, to], `${mode} round ${round}`, pristine));
    }
    // The kills fell both before the rename (the old file) and after it (the new one): otherwise the rounds tested
    // less than they claim.
    expect(outcomes, 'outcomes').toContain(from);
    expect(outcomes, 'outcomes').toContain(to);

    // A later change removes what interrupted ones left beside the file, and nothing else is left there.
    fresh();
    const last = startWriter(script, writerArgs);
    expect((await last.exited).code, last.stderr()).toBe(0);
    expect(fs.readdirSync(api.dir).filter((f) => f.includes('work.parley')).join(' ')).toBe('work.parley');
  }, crashTimeout(3 * ROUNDS, 30_000));
});
