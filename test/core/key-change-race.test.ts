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
    const seed = SEED + KEY_CHANGES.findIndex((c) => c.mode === mode);
    const api = testApi();
    const pristine = pristineCase(api, 'pristine.parley', from);
    const work = path.join(api.dir, 'work.parley');
    const random = seededRandom(seed);
    const outcomes = { changed: 0, refused: 0, contenderRefused: 0, contenderWrote: 0, changedWhileWriting: 0 };
    for (let round = 0; anotherRound(round, ROUNDS, outcomes.changedWhileWriting > 0); round++) {
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
      expect((await contender.exited).signal, `the writer ran until killed: ${contender.stderr()}`).toBe('SIGKILL');

      const said = changer.lines.at(-1)!;
      expect(said, changer.stderr()).toMatch(/^(done|refused already_open)$/);
      const changed = said === 'done';
      outcomes[changed ? 'changed' : 'refused'] += 1;
      const saved = contender.lines.filter((l) => l.startsWith('note ')).map((l) => l.slice(5));
      if (saved.length) outcomes.contenderWrote += 1;
      if (saved.length && changed) outcomes.changedWhileWriting += 1;
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
    // In some round the key change was carried out while the writer wrote (otherwise the rounds tested less than they claim).
    expect(outcomes.changedWhileWriting, `seed ${seed}: ${JSON.stringify(outcomes)}`).toBeGreaterThan(0);
  }, crashTimeout(3 * ROUNDS, 30_000));
});

/** What the key change that comes second may be told, by mode: in use or changed meanwhile (already_open), or what
 *  the new file is to it: encrypted already (encrypt), under another passphrase (rekey), not encrypted (decrypt). */
const SECOND_REFUSED: Record<(typeof KEY_CHANGES)[number]['mode'], RegExp> = {
  encrypt: /^(done|refused (already_open|invalid_input|passphrase_required))$/,
  rekey: /^(done|refused (already_open|wrong_passphrase))$/,
  decrypt: /^(done|refused (already_open|invalid_input))$/,
};

describe('two key changes at once while another process writes the case', () => {
  it.each(KEY_CHANGES)(`$mode twice: at most one is carried out, the file is under its key, and every saved note is there (${ROUNDS} rounds)`, async ({ mode, from, to }) => {
    const seed = SEED + 10 + KEY_CHANGES.findIndex((c) => c.mode === mode);
    const random = seededRandom(seed);
    const api = testApi();
    const pristine = pristineCase(api, 'pristine.parley', from);
    const work = path.join(api.dir, 'work.parley');
    for (let round = 0; round < ROUNDS; round++) {
      for (const f of fs.readdirSync(api.dir).filter((n) => n.startsWith('work.parley'))) fs.rmSync(path.join(api.dir, f));
      fs.copyFileSync(pristine.file, work);
      const contender = startWriter(script, ['contend', work, path.join(api.dir, 'contender-data')]);
      const first = startWriter(script, [mode, work, path.join(api.dir, 'first-data')]);
      await sleep(Math.floor(random() * 120));
      const second = startWriter(script, [mode, work, path.join(api.dir, 'second-data')]);
      const outcomes = await Promise.all([first, second].map(async (changer) => {
        expect((await changer.exited).code, changer.stderr()).toBe(0);
        return changer.lines.at(-1)!;
      }));
      await sleep(100);
      contender.child.kill('SIGKILL');
      await contender.exited;
      const label = `seed ${seed}, ${mode} round ${round}: ${outcomes.join(', ')}`;
      // The one that came second finds the file changed already: refused, whether it waited for the lock or came after,
      // for what it is: changed meanwhile (or in use), or as the new file is now kept. Never a damaged file, nor, for a
      // decrypt, a wrong passphrase: the passphrase given was right for the file it was given for.
      for (const said of outcomes) expect(said, label).toMatch(SECOND_REFUSED[mode]);
      const changes = outcomes.filter((o) => o === 'done').length;
      expect(changes, label).toBeLessThanOrEqual(1);
      const saved = contender.lines.filter((l) => l.startsWith('note ')).map((l) => l.slice(5));
      const key = openWithEither(api, work, [from, to], label, (caseId) => {
        const stored = new Set(api.call('note.list', { caseId }).map((n) => n.id));
        expect(saved.filter((id) => !stored.has(id)), `${label}: notes saved but lost`).toEqual([]);
      });
      expect(key, label).toBe(changes ? to : from);
    }
  }, crashTimeout(ROUNDS, 30_000));
});
