// Kills at random points of a case's whole life: a process that opens a case, writes to it and closes it, over and
// over, is killed with SIGKILL at a random moment (so in an open, a write or a close: the checkpoint and the switch
// back to a rollback journal among them); an import is killed while it makes its file. After every kill: the file is
// never refused, verify passes, and every change the process was told was saved is there.
// The rounds and seed are fixed here; `npm run soak` runs the same with a new seed and many more rounds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi } from '../helpers.js';
import { anotherRound, crashRounds, crashSeed, crashTimeout } from './support/crash-settings.js';
import { seededRandom } from './support/random.js';
import { bundleWriter, startWriter } from './support/writer-process.js';

const CYCLE_ROUNDS = crashRounds(16);
const IMPORT_ROUNDS = crashRounds(8);

let buildDir: string;
let script: string;

beforeAll(async () => {
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-crash-points-'));
  script = await bundleWriter(buildDir);
});
afterAll(() => fs.rmSync(buildDir, { recursive: true, force: true }));

const HOT_JOURNAL = Buffer.from('d9d505f920a163d7', 'hex');

describe('a process that opens, writes and closes a case, killed at random moments', () => {
  it(`never leaves a file Parley refuses, and keeps every change it saved (${CYCLE_ROUNDS} rounds)`, async () => {
    const seed = crashSeed(20261208);
    const random = seededRandom(seed);
    const api = testApi();
    const file = path.join(api.dir, 'case.parley');
    const { caseId } = api.call('case.create', { path: file, directive: { title: 'Export-control suspension order', status: 'received' } });
    api.call('case.close', { caseId });
    const saved = new Set<string>();
    const killedAfter: Record<string, number> = {};
    let hotJournals = 0;
    for (let round = 0; round < CYCLE_ROUNDS; round++) {
      const writer = startWriter(script, ['cycle', file, path.join(api.dir, 'writer-data')]);
      if (round % 2 === 0) {
        await writer.linesPrinted(1);
        await sleep(Math.floor(random() * 300));
      } else {
        // Every other round aims at a close (the checkpoint, the switch back to a rollback journal, their syncs).
        await writer.lineStarting('closing ');
        await sleep(Math.floor(random() * 6));
      }
      writer.child.kill('SIGKILL');
      const { signal } = await writer.exited;
      expect(signal, writer.stderr()).toBe('SIGKILL');
      for (const line of writer.lines) if (line.startsWith('note ')) saved.add(line.slice(5));
      const last = writer.lines.at(-1)?.split(' ')[0] ?? 'nothing';
      killedAfter[last] = (killedAfter[last] ?? 0) + 1;
      const journal = `${file}-journal`;
      if (fs.existsSync(journal) && fs.readFileSync(journal).subarray(0, 8).equals(HOT_JOURNAL)) hotJournals += 1;

      const label = `seed ${seed}, round ${round} (killed after "${writer.lines.at(-1)}")`;
      const opened = api.raw('case.open', { path: file });
      expect(opened, label).toMatchObject({ ok: true });
      expect(api.call('case.verify', { caseId }), label).toMatchObject({ ok: true, integrity: ['ok'], foreignKeys: [], auditChain: { problems: [] } });
      const stored = new Set(api.call('note.list', { caseId }).map((n) => n.id));
      expect([...saved].filter((id) => !stored.has(id)), `${label}: notes saved but lost`).toEqual([]);
      api.call('case.close', { caseId });
    }
    // Logged, not required: whether a kill lands inside the few milliseconds of the switch out of WAL is chance
    // (often none in 16 rounds). "a hot rollback journal left by a crash" in interrupted.test.ts makes one on
    // purpose and requires it rolled back with nothing lost; this count says how often the soak met one by chance.
    console.log(`crash points, seed ${seed}: killed after ${JSON.stringify(killedAfter)}; hot journals rolled back: ${hotJournals}`);
    expect(saved.size, 'every round aimed at a close saved a note first').toBeGreaterThanOrEqual(Math.floor(CYCLE_ROUNDS / 2));
  }, crashTimeout(CYCLE_ROUNDS, 4_000));
});

describe('an import killed at random moments', () => {
  it(`leaves no file or a whole one, and nothing of its own beside it after the next opening (${IMPORT_ROUNDS} rounds)`, async () => {
    const seed = crashSeed(20261209);
    const random = seededRandom(seed);
    const api = testApi();
    const source = path.join(api.dir, 'source.parley');
    const { caseId } = api.call('case.create', { path: source, directive: { title: 'Export-control suspension order', status: 'received' } });
    for (let i = 0; i < 8; i++) {
      api.call('attachment.add', { caseId, name: `exhibit-${i}.png`, mediaType: 'image/png', dataBase64: Buffer.alloc(384 * 1024, i).toString('base64') });
      api.call('note.create', { caseId, fields: { body: `Note ${i} on the allied-supplier carve-out` } });
    }
    const exported = path.join(api.dir, 'export.json');
    fs.writeFileSync(exported, JSON.stringify(api.call('case.export', { caseId })));
    const expected = api.call('case.info', { caseId });
    api.call('case.close', { caseId });
    const imports = path.join(api.dir, 'imports');
    fs.mkdirSync(imports);
    // One uninterrupted import: how long it takes here, so that kills fall across all of it.
    const timed = startWriter(script, ['import', exported, path.join(api.dir, 'writer-data'), path.join(imports, 'timed.parley')]);
    await timed.linesPrinted(1);
    const started = Date.now();
    expect((await timed.exited).code, timed.stderr()).toBe(0);
    const duration = Date.now() - started;
    const outcomes = { none: 0, whole: 0 };
    for (let round = 0; anotherRound(round, IMPORT_ROUNDS, outcomes.none > 0); round++) {
      const target = path.join(imports, `copy-${round}.parley`);
      const writer = startWriter(script, ['import', exported, path.join(api.dir, 'writer-data'), target]);
      await writer.linesPrinted(1);
      await sleep(Math.floor(random() * duration * 1.3));
      writer.child.kill('SIGKILL');
      await writer.exited;
      const label = `seed ${seed}, round ${round}`;
      if (!fs.existsSync(target)) {
        outcomes.none += 1;
        // The next case made in the folder removes what the killed import left there.
        api.call('case.create', { path: path.join(imports, `fresh-${round}.parley`), directive: { title: 'Fresh', status: 'received' } });
        api.call('case.close', { caseId: api.call('case.listOpen', {}).find((c) => c.path.endsWith(`fresh-${round}.parley`))!.caseId });
      } else {
        outcomes.whole += 1;
        const info = api.call('case.open', { path: target, readOnly: true });
        expect(info.counts, label).toEqual(expected.counts);
        expect(api.call('case.verify', { caseId: info.caseId }), label).toMatchObject({ ok: true });
        api.call('case.close', { caseId: info.caseId });
      }
      expect(fs.readdirSync(imports).filter((n) => n.startsWith('.')), `${label}: left beside`).toEqual([]);
    }
    console.log(`import kills, seed ${seed} (an import takes ${duration} ms): ${JSON.stringify(outcomes)}`);
    expect(outcomes.none, 'some kills fell before the import was done').toBeGreaterThan(0);
  }, crashTimeout(3 * IMPORT_ROUNDS, 5_000));
});
