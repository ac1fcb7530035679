// Encrypt, rekey and decrypt killed with SIGKILL at random moments: afterwards the file is the old one or the new
// one, whole, readable with the matching passphrase, holding every record. A real child process does the change.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../helpers.js';
import { seededRandom } from './support/random.js';
import { FIRST_PASSPHRASE, SECOND_PASSPHRASE } from './support/passphrases.js';
import { bundleWriter, startWriter } from './support/writer-process.js';

const ROUNDS = 10;
const KILL_SEED = 20261127;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

let buildDir: string;
let script: string;

beforeAll(async () => {
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-rekey-writer-'));
  script = await bundleWriter(buildDir);
});
afterAll(() => fs.rmSync(buildDir, { recursive: true, force: true }));

type Key = string | null;
interface Pristine {
  file: string;
  auditHead: string;
  counts: Record<string, number>;
}

/** A closed case with some weight to it (attachments make the copy take a while), plain or under `passphrase`. */
function pristineCase(api: TestApi, name: string, passphrase: Key): Pristine {
  const file = path.join(api.dir, name);
  const info = api.call('case.create', { path: file, directive: { title: 'Export-control suspension order', status: 'received' }, passphrase: passphrase ?? undefined });
  for (let i = 0; i < 6; i++) {
    api.call('attachment.add', { caseId: info.caseId, name: `scan-${i}.bin`, mediaType: 'application/octet-stream', dataBase64: Buffer.alloc(512 * 1024, i).toString('base64') });
    api.call('note.create', { caseId: info.caseId, fields: { body: `Note ${i} on the allied-supplier carve-out` } });
  }
  const done = api.call('case.info', { caseId: info.caseId });
  api.call('case.close', { caseId: info.caseId });
  return { file, auditHead: done.auditHead, counts: done.counts as Record<string, number> };
}

/** Opens `file` with whichever of the two keys opens it, checks it whole and complete, and says which key it was. */
function openWithEither(api: TestApi, file: string, keys: [Key, Key], expected: Pristine, label: string): Key {
  const plain = fs.readFileSync(file).subarray(0, 16).equals(SQLITE_HEADER);
  for (const key of keys.filter((k) => (k === null) === plain)) {
    const res = api.raw('case.open', { path: file, passphrase: key ?? undefined });
    if (!res.ok) continue;
    const { caseId } = res.data as { caseId: string };
    const info = api.call('case.info', { caseId });
    expect(info.encrypted, label).toBe(key !== null);
    expect(info.auditHead, label).toBe(expected.auditHead);
    expect(info.counts, label).toEqual(expected.counts);
    expect(api.call('case.verify', { caseId }), label).toMatchObject({ ok: true, integrity: ['ok'], auditChain: { problems: [] } });
    api.call('case.close', { caseId });
    return key;
  }
  throw new Error(`${label}: neither the old nor the new passphrase opens the file (it is ${plain ? 'plain' : 'encrypted'})`);
}

const CHANGES: { mode: 'encrypt' | 'rekey' | 'decrypt'; from: Key; to: Key }[] = [
  { mode: 'encrypt', from: null, to: FIRST_PASSPHRASE },
  { mode: 'rekey', from: FIRST_PASSPHRASE, to: SECOND_PASSPHRASE },
  { mode: 'decrypt', from: FIRST_PASSPHRASE, to: null },
];

describe('a key change killed with SIGKILL at random moments', () => {
  it.each(CHANGES)(`$mode leaves the old file or the new one, whole (${ROUNDS} rounds)`, async ({ mode, from, to }) => {
    const api = testApi();
    const pristine = pristineCase(api, 'pristine.parley', from);
    const work = path.join(api.dir, 'work.parley');
    const writerArgs = [mode, work, path.join(api.dir, 'writer-data')];
    const fresh = () => fs.copyFileSync(pristine.file, work);

    // One uninterrupted run: how long the change takes here, so that kills fall across all of it.
    fresh();
    const timed = startWriter(script, writerArgs);
    await timed.linesPrinted(1);
    const started = Date.now();
    expect((await timed.exited).code, timed.stderr()).toBe(0);
    const duration = Date.now() - started;
    expect(openWithEither(api, work, [from, to], pristine, 'uninterrupted')).toBe(to);

    const random = seededRandom(KILL_SEED + mode.length);
    const outcomes: Key[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      fresh();
      const writer = startWriter(script, writerArgs);
      await writer.linesPrinted(1);
      await sleep(Math.floor(random() * duration * 1.2));
      writer.child.kill('SIGKILL');
      await writer.exited;
      outcomes.push(openWithEither(api, work, [from, to], pristine, `${mode} round ${round}`));
    }
    // The kills fell both before and after the rename (otherwise the rounds tested less than they claim).
    expect(outcomes, 'outcomes').toContain(from);

    // A later change removes what interrupted ones left beside the file, and nothing else is left there.
    fresh();
    const last = startWriter(script, writerArgs);
    expect((await last.exited).code, last.stderr()).toBe(0);
    expect(fs.readdirSync(api.dir).filter((f) => f.includes('work.parley'))).toEqual(['work.parley']);
  }, 300_000);
});
