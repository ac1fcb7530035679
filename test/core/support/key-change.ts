// What the key-change tests share: a closed case with some weight to it, and a check that a file is whole and
// complete under whichever of two keys opens it.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { TestApi } from '../../helpers.js';
import { FIRST_PASSPHRASE, SECOND_PASSPHRASE } from './passphrases.js';

export type Key = string | null;

export interface Pristine {
  file: string;
  auditHead: string;
  counts: Record<string, number>;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The key changes the writer process makes (case-writer.ts), and the keys before and after each. */
export const KEY_CHANGES: { mode: 'encrypt' | 'rekey' | 'decrypt'; from: Key; to: Key }[] = [
  { mode: 'encrypt', from: null, to: FIRST_PASSPHRASE },
  { mode: 'rekey', from: FIRST_PASSPHRASE, to: SECOND_PASSPHRASE },
  { mode: 'decrypt', from: FIRST_PASSPHRASE, to: null },
];

/** A closed case with some weight to it (attachments make the copy take a while), plain or under `passphrase`. */
export function pristineCase(api: TestApi, name: string, passphrase: Key): Pristine {
  const file = path.join(api.dir, name);
  const info = api.call('case.create', { path: file, directive: { title: 'Export-control suspension order', status: 'received' }, passphrase: passphrase ?? undefined });
  for (let i = 0; i < 6; i++) {
    api.call('attachment.add', { caseId: info.caseId, name: `scan-${i}.png`, mediaType: 'image/png', dataBase64: Buffer.alloc(512 * 1024, i).toString('base64') });
    api.call('note.create', { caseId: info.caseId, fields: { body: `Note ${i} on the allied-supplier carve-out` } });
  }
  const done = api.call('case.info', { caseId: info.caseId });
  api.call('case.close', { caseId: info.caseId });
  return { file, auditHead: done.auditHead, counts: done.counts as Record<string, number> };
}

export function isPlain(file: string): boolean {
  return fs.readFileSync(file).subarray(0, 16).equals(SQLITE_HEADER);
}

/**
 * Opens `file` with whichever of the keys opens it, checks it whole (verify passes), runs `check` on it if given
 * (else requires the pristine case's history and counts), and says which key it was.
 */
export function openWithEither(api: TestApi, file: string, keys: Key[], label: string, check: Pristine | ((caseId: string) => void)): Key {
  const plain = isPlain(file);
  for (const key of keys.filter((k) => (k === null) === plain)) {
    const res = api.raw('case.open', { path: file, passphrase: key ?? undefined });
    if (!res.ok) continue;
    const { caseId } = res.data as { caseId: string };
    const info = api.call('case.info', { caseId });
    expect(info.encrypted, label).toBe(key !== null);
    if (typeof check === 'function') check(caseId);
    else {
      expect(info.auditHead, label).toBe(check.auditHead);
      expect(info.counts, label).toEqual(check.counts);
    }
    expect(api.call('case.verify', { caseId }), label).toMatchObject({ ok: true, integrity: ['ok'], auditChain: { problems: [] } });
    api.call('case.close', { caseId });
    return key;
  }
  throw new Error(`${label}: none of the keys opens the file (it is ${plain ? 'plain' : 'encrypted'})`);
}
