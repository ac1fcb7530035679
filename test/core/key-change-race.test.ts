// A key change (encrypt, rekey, decrypt) while another process opens and writes the same case, started at many
// different moments: either that process is refused, or every change it was told was saved is in the result. A key
// change holds the file exclusively from the moment it has it to itself until the new file is in place, and an open
// that waited for it opens the new file (db/rewrite.ts, db/connection.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi } from '../helpers.js';
import { KEY_CHANGES, openWithEither, pristineCase } from './support/key-change.js';
import { anotherRound, crashRounds, crashSeed, crashTimeout } from './support/crash-settings.js';
import { seededRandom } from './support/random.js';
import { bundleWriter, startWriter } from './support/writer-process.js';

const ROUNDS = crashRounds(8);
const SEED = crashSeed(20261206);

let buildDir: string;
let script: string;

beforeAll(async () => {
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-race-writer-'));
  script = await bundleWriter(buildDir);
});
afterAll(() => fs.rmSync(buildDir, { recursive: true, force: true }));

describe('a key change while another process opens and writes the case', () => {
  it.each(KEY_CHANGES)(`$mode: the other process is refused, or every note it saved is in the result (${ROUNDS} rounds)`, async ({ mode, from, to }) => {
    const api = testApi();
    const pristine = pristineCase(api, 'pristine.parley', from);
    const work = path.join(api.dir, 'work.parley');
    const random = seededRandom(SEED + mode.length);
    const outcomes = { changed: 0, refused: 0, contenderRefused: 0, contenderWrote: 0 };
    for (let round = 0; anotherRound(round, ROUNDS, outcomes.changed > 0 && outcomes.contenderWrote > 0); round++) {
      for (const f of fs.readdirSync(api.dir).filter((n) => n.startsWith('work.parley'))) fs.rmSync(path.join(api.dir, f));
      fs.copyFileSync(pristine.file, work);
      // The writer starts before the key change, at the same moment, or while it runs.
      const lead = Math.floor(random() * 400) - 150;
      const contenderArgs = ['contend', work, path.join(api.dir, 'contender-data')];
      const changerArgs = [mode, work, path.join(api.dir, 'changer-data')];
      let contender = lead < 0 ? startWriter(script, contenderArgs) : undefined;
      await sleep(Math.abs(lead));
      const changer = startWriter(script, changerArgs);
      contender ??= startWriter(script, contenderArgs);
      const { code } = await changer.exited;
      expect(code, changer.stderr()).toBe(0);
      await sleep(50 + Math.floor(random() * 250)); // the writer goes on with the new file a while
      contender.child.kill('SIGKILL');
      await contender.exited;

      const said = changer.lines.at(-1)!;
      expect(said, changer.stderr()).toMatch(/^(done|refused already_open)$/);
      const changed = said === 'done';
      outcomes[changed ? 'changed' : 'refused'] += 1;
      const saved = contender.lines.filter((l) => l.startsWith('note ')).map((l) => l.slice(5));
      if (saved.length) outcomes.contenderWrote += 1;
      if (contender.lines.some((l) => l.startsWith('refused '))) outcomes.contenderRefused += 1;
      // Refusals the writer may meet are only "in use": never a wrong passphrase or a damaged file.
      expect(contender.lines.filter((l) => l.startsWith('refused ') && l !== 'refused already_open'), contender.stderr()).toEqual([]);

      const key = openWithEither(api, work, [from, to], `${mode} round ${round}`, (caseId) => {
        const stored = new Set(api.call('note.list', { caseId }).map((n) => n.id));
        expect(saved.filter((id) => !stored.has(id)), `${mode} round ${round}: notes saved but lost`).toEqual([]);
      });
      expect(key, `${mode} round ${round}: the file is under the key the change reported`).toBe(changed ? to : from);
      // Only the case file and what a killed writer leaves of its own (its WAL) are beside it: no copy, no journal.
      expect(fs.readdirSync(api.dir).filter((n) => n.includes('work.parley') && !/^work\.parley(-wal|-shm)?$/.test(n))).toEqual([]);
    }
    // The key change was carried out in some rounds, and the writer did write (otherwise they tested less than they claim).
    expect(outcomes.changed, JSON.stringify(outcomes)).toBeGreaterThan(0);
    expect(outcomes.contenderWrote, JSON.stringify(outcomes)).toBeGreaterThan(0);
  }, crashTimeout(3 * ROUNDS, 30_000));
});
