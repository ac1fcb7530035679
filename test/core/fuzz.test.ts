// Fuzzing the opening checks: bytes of valid case files, plain and encrypted, mutated in seeded ways (single-byte
// flips, runs of random bytes, truncation, the header). Every mutated file either opens and can be read and
// verified, or is refused with a ParleyError whose code says why; nothing crashes the process (a native crash
// would end this very test run) and nothing fails as an unexplained internal error.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseFile } from '../../electron/core/case-file.js';
import { ParleyError, toParleyError } from '../../electron/core/errors.js';
import type { ErrorCode } from '../../shared/result.js';
import { tempDir } from '../helpers.js';
import { seededRandom } from './support/random.js';

const SEED = 7_2026;
const PLAIN_CASES = 850;
const ENCRYPTED_CASES = 150; // each derives a key (PBKDF2, 256,000 rounds): the costly part of the run
const PASSPHRASE = 'fuzzing passphrase';

/** The refusals a mutated file may meet: each says what is wrong with the file. */
const REFUSALS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'not_a_sqlite_file', 'not_a_case_file', 'newer_version', 'damaged', 'passphrase_required', 'wrong_passphrase', 'unexpected_schema',
]);

/** A small, valid case file with a record of a few kinds, closed; its bytes are what the mutations start from. */
function seedFile(dir: string, passphrase?: string): Buffer {
  const file = path.join(dir, passphrase ? 'seed-encrypted.parley' : 'seed.parley');
  const cf = CaseFile.create(file, { title: 'Export-control suspension order', status: 'received' }, 'Fuzzer', passphrase);
  cf.create('note', { body: 'The ministry hinted at an allied-nation carve-out.' }, 'Fuzzer');
  cf.create('issue', { title: 'Scope of the suspension', priority: 'high', status: 'open' }, 'Fuzzer');
  cf.create('deadline', { title: 'Response due', deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: '2026-04-01' }, 'Fuzzer');
  cf.close();
  return fs.readFileSync(file);
}

type Mutation = 'flip' | 'run' | 'truncate' | 'header';
const MUTATIONS: Mutation[] = ['flip', 'run', 'truncate', 'header'];

function mutate(original: Buffer, random: () => number): { bytes: Buffer; how: string } {
  const int = (n: number) => Math.floor(random() * n);
  const kind = MUTATIONS[int(MUTATIONS.length)]!;
  const bytes = Buffer.from(original);
  switch (kind) {
    case 'flip': {
      const at = int(bytes.length);
      bytes[at] = bytes[at]! ^ (1 << int(8));
      return { bytes, how: `flip a bit at ${at}` };
    }
    case 'run': {
      const at = int(bytes.length);
      const length = 1 + int(256);
      for (let i = at; i < Math.min(bytes.length, at + length); i++) bytes[i] = int(256);
      return { bytes, how: `${length} random bytes at ${at}` };
    }
    case 'truncate': {
      // Half the cuts fall on page boundaries (as a copy stopped between pages would), half anywhere.
      const length = random() < 0.5 ? int(bytes.length / 4096) * 4096 : int(bytes.length);
      return { bytes: bytes.subarray(0, length), how: `cut to ${length} bytes` };
    }
    case 'header': {
      const at = int(100);
      bytes[at] = int(256);
      return { bytes, how: `header byte ${at} set to ${bytes[at]}` };
    }
  }
}

/** Opens the file as the app would and reads it through; returns 'opened', or the code it was refused with. */
function openAndRead(file: string, opts: { readOnly: boolean; passphrase?: string }): string {
  let cf: CaseFile;
  try {
    cf = CaseFile.open(file, opts);
  } catch (err) {
    expect(err, `a refusal is a ParleyError: ${String(err)}`).toBeInstanceOf(ParleyError);
    return (err as ParleyError).code;
  }
  try {
    // A file opened read-only is not integrity-checked first: each read may meet damage, which must be reported
    // as such, never as something unexplained.
    let verified = false;
    for (const read of [() => cf.info(), () => (verified = cf.verify().ok), () => cf.list('note'), () => cf.search('carve'), () => cf.directive()]) {
      try {
        read();
      } catch (err) {
        const code = toParleyError(err).code;
        // An unexplained failure names the driver's own error, for whoever has to fix it.
        return code === 'internal' ? `read failed: internal (${String((err as Error).message)} ${String((err as { code?: string }).code)})` : `read failed: ${code}`;
      }
    }
    return verified ? 'opened' : 'opened, verify found damage';
  } finally {
    cf.close();
  }
}

describe('mutated case files', () => {
  it(`each open or are refused with a clear code (${PLAIN_CASES} plain, ${ENCRYPTED_CASES} encrypted, seeded)`, () => {
    const dir = tempDir('parley-fuzz-');
    const plain = seedFile(dir);
    const encrypted = seedFile(dir, PASSPHRASE);
    const random = seededRandom(SEED);
    const outcomes = new Map<string, number>();
    for (let n = 0; n < PLAIN_CASES + ENCRYPTED_CASES; n++) {
      const isEncrypted = n >= PLAIN_CASES;
      const { bytes, how } = mutate(isEncrypted ? encrypted : plain, random);
      const file = path.join(dir, `case-${n}.parley`);
      fs.writeFileSync(file, bytes);
      // Half are opened for editing (integrity-checked first), half read-only (read as they are).
      const readOnly = n % 2 === 1;
      const outcome = openAndRead(file, { readOnly, passphrase: isEncrypted ? PASSPHRASE : undefined });
      const label = `case ${n} (${isEncrypted ? 'encrypted' : 'plain'}, ${readOnly ? 'read-only' : 'editing'}): ${how} -> ${outcome}`;
      const code = outcome.replace('read failed: ', '');

      expect(outcome.startsWith('opened') || REFUSALS.has(code as ErrorCode), label).toBe(true);
      // Every page of an encrypted file is authenticated (HMAC-SHA512): no change to it can pass for the case.
      if (isEncrypted && !bytes.equals(encrypted)) expect(outcome, label).not.toBe('opened');
      const key = `${isEncrypted ? 'encrypted' : 'plain'} ${outcome}`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      for (const f of fs.readdirSync(dir)) if (f.startsWith(`case-${n}.`)) fs.rmSync(path.join(dir, f), { force: true });
    }
    // The mutations reach past the first checks: some files open, and damage is found by the deeper ones too.
    expect(outcomes.get('plain opened')).toBeGreaterThan(0);
    expect(outcomes.get('encrypted opened, verify found damage')).toBeGreaterThan(0);
    expect(outcomes.get('plain damaged')).toBeGreaterThan(0);
    expect(outcomes.get('encrypted wrong_passphrase')).toBeGreaterThan(0);
    expect(outcomes.get('encrypted damaged')).toBeGreaterThan(0);
    console.log(Object.fromEntries([...outcomes].sort()));
  }, 240_000);
});
