// The key of an encrypted file is derived once per open (PBKDF2, 256,000 iterations: nearly all the cost of the open),
// however many connections the open makes, and the key derived here is exactly the one SQLite derives itself. Real
// files in temp folders, through the real dispatcher; keyDerivationCount counts the derivations (encryption.ts).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { keyDerivationCount } from '../../electron/core/db/encryption.js';
import { testApi, type TestApi } from '../helpers.js';

const PASSPHRASE = 'correct horse battery staple';
const OTHER = 'a different passphrase';

/** How many keys `fn` derived. */
function derivationsOf(fn: () => void): number {
  const before = keyDerivationCount();
  fn();
  return keyDerivationCount() - before;
}

function closedEncryptedCase(api: TestApi, name = 'secret.parley'): { path: string; caseId: string } {
  const info = api.call('case.create', { path: path.join(api.dir, name), directive: { title: 'Sealed directive', status: 'received' }, passphrase: PASSPHRASE });
  api.call('case.close', { caseId: info.caseId });
  return info;
}

/** A connection keyed as any SQLite3MultipleCiphers program keys one: with the passphrase, SQLite deriving the key. */
function keyedBySqlite(file: string, passphrase = PASSPHRASE): Database.Database {
  const db = new Database(file);
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.key(Buffer.from(passphrase, 'utf8'));
  return db;
}

/** Leaves an encrypted file as a crash in the middle of editing would: committed changes in a WAL beside it. */
function leaveWalBeside(file: string, title: string): void {
  const crashed = keyedBySqlite(file);
  crashed.pragma('journal_mode = WAL');
  crashed.pragma('wal_autocheckpoint = 0');
  crashed.prepare('UPDATE directive SET title = ?').run(title);
  const wal = fs.readFileSync(`${file}-wal`);
  const bytes = fs.readFileSync(file);
  crashed.close(); // folds the WAL in and removes it: put both back as the crash left them
  fs.writeFileSync(file, bytes);
  fs.writeFileSync(`${file}-wal`, wal);
}

describe('the key of an encrypted file', () => {
  it('is derived once to open a file with a WAL beside it, for editing or read-only, though each open makes two connections', () => {
    for (const readOnly of [false, true]) {
      const api = testApi();
      const info = closedEncryptedCase(api);
      leaveWalBeside(info.path, 'Renamed before the crash');
      let caseId = '';
      expect(derivationsOf(() => (caseId = api.call('case.open', { path: info.path, readOnly, passphrase: PASSPHRASE }).caseId))).toBe(1);
      expect(api.call('directive.get', { caseId }).title).toBe('Renamed before the crash');
      // Closing a read-only open removes the -wal and -shm its opening made, through one more connection: no derivation.
      expect(derivationsOf(() => api.call('case.close', { caseId }))).toBe(0);
    }
  });

  it('is derived once to open a file closed cleanly, and once to make a new file and open it', () => {
    const api = testApi();
    let info = { path: '', caseId: '' };
    expect(derivationsOf(() => (info = closedEncryptedCase(api)))).toBe(1);
    expect(derivationsOf(() => api.call('case.close', { caseId: api.call('case.open', { path: info.path, passphrase: PASSPHRASE }).caseId }))).toBe(1);
  });

  it('is derived once per key in a key change, and once to save a copy under the case\'s own key', () => {
    const api = testApi();
    const info = closedEncryptedCase(api);
    expect(derivationsOf(() => api.call('case.rekey', { path: info.path, passphrase: PASSPHRASE, newPassphrase: OTHER }))).toBe(2);
    expect(derivationsOf(() => api.call('case.decrypt', { path: info.path, passphrase: OTHER }))).toBe(1);
    expect(derivationsOf(() => api.call('case.encrypt', { path: info.path, passphrase: PASSPHRASE }))).toBe(1);
    const { caseId } = api.call('case.open', { path: info.path, passphrase: PASSPHRASE });
    const copy = path.join(api.dir, 'copy.parley');
    expect(derivationsOf(() => api.call('case.saveCopy', { caseId, path: copy }))).toBe(1);
    api.call('case.close', { caseId });
    expect(api.call('case.open', { path: copy, readOnly: true, passphrase: PASSPHRASE }).encrypted).toBe(true);
  });

  it('is the key SQLite derives from the passphrase: files keyed either way open the other way', () => {
    const api = testApi();
    // Made by Parley (the key derived here, over a salt chosen here), read by SQLite deriving the key itself.
    const info = closedEncryptedCase(api);
    const db = keyedBySqlite(info.path);
    try {
      expect(db.prepare('SELECT title FROM directive').pluck().get()).toBe('Sealed directive');
    } finally {
      db.close();
    }
    // Changed by SQLite keyed with the passphrase, opened by Parley.
    leaveWalBeside(info.path, 'Renamed by another program');
    const { caseId } = api.call('case.open', { path: info.path, passphrase: PASSPHRASE });
    expect(api.call('directive.get', { caseId }).title).toBe('Renamed by another program');
  });

  it('is left to the library for a passphrase that starts like its raw keys ("raw:", "x\'"): such a file opens here and in SQLite alike', () => {
    // "raw:" and 32 bytes is one of SQLite3MultipleCiphers' raw-key forms: it takes those bytes as the key. "x'" and
    // no hex is not one: the library derives a key from it as from any passphrase.
    for (const passphrase of [`raw:${'k'.repeat(32)}`, "x'not hex, so a passphrase after all'"]) {
      const api = testApi();
      const file = path.join(api.dir, 'raw.parley');
      const { caseId } = api.call('case.create', { path: file, directive: { title: 'Sealed directive', status: 'received' }, passphrase });
      api.call('case.close', { caseId });
      expect(api.call('case.open', { path: file, passphrase }).encrypted).toBe(true);
      api.session.closeAll();
      const db = keyedBySqlite(file, passphrase);
      try {
        expect(db.prepare('SELECT title FROM directive').pluck().get()).toBe('Sealed directive');
      } finally {
        db.close();
      }
    }
  });

  it('derived from a wrong passphrase is refused as before, the file left byte-identical and the passphrase in no message', () => {
    const api = testApi();
    const info = closedEncryptedCase(api);
    leaveWalBeside(info.path, 'Renamed before the crash');
    const bytes = fs.readFileSync(info.path);
    const wal = fs.readFileSync(`${info.path}-wal`);
    for (const readOnly of [false, true]) {
      const err = api.fail('case.open', { path: info.path, readOnly, passphrase: OTHER }, 'wrong_passphrase');
      expect(err.message).toMatch(/could not be opened with that passphrase/);
      expect(err.message).not.toContain(OTHER);
    }
    expect(fs.readFileSync(info.path).equals(bytes)).toBe(true);
    expect(fs.readFileSync(`${info.path}-wal`).equals(wal)).toBe(true);
  });
});
