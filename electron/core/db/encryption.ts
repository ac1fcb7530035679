// Encryption at rest, through SQLite3MultipleCiphers (built into better-sqlite3-multiple-ciphers). Every encrypted
// file Parley makes uses one scheme, SQLCipher 4 (see docs/SECURITY.md for why):
//   AES-256-CBC per 4096-byte page, each page authenticated with HMAC-SHA512, and the key derived from the
//   passphrase with PBKDF2-HMAC-SHA512, 256,000 iterations, over a random 16-byte salt kept at the start of the file.
// The passphrase reaches SQLite as bytes through sqlite3_key (Database#key) or as a bound parameter of ATTACH ... KEY:
// it is never part of any SQL text, so it can be neither interpolated nor logged with a statement.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { ParleyError } from '../errors.js';

type Db = Database.Database;

/** The scheme's name in SQLite3MultipleCiphers, and its "legacy" level: 4 selects SQLCipher 4's parameters. */
export const CIPHER = { name: 'sqlcipher', legacy: 4, kdfIterations: 256_000, pageSize: 4096 } as const;

/** The shortest passphrase a file may be encrypted with (the contract enforces it too). */
export const MIN_PASSPHRASE_LENGTH = 8;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Connections opened with a key: the rest of the core asks `isKeyed` rather than carry a flag around. */
const keyed = new WeakSet<Db>();

/**
 * Selects the cipher for this connection and every database it attaches from now on. Constant SQL: it carries no
 * secret. Needed before keying and before ATTACH ... KEY, since the library's default cipher is another one.
 */
export function selectCipher(db: Db): void {
  db.pragma(`cipher = '${CIPHER.name}'`);
  db.pragma(`legacy = ${CIPHER.legacy}`);
}

/**
 * Keys a fresh connection with a passphrase. Must be the first thing done on the connection (before any pragma
 * that reads the file) and outside any transaction. A wrong key is only noticed when a page is read, so the schema
 * is read at once: a file the passphrase does not open is refused here with `wrong_passphrase`.
 * `file` names the file in the error message; the passphrase never appears in any message.
 */
export function applyKey(db: Db, passphrase: string, file: string = db.name): void {
  if (db.inTransaction) throw new Error('applyKey: a connection is keyed outside any transaction');
  selectCipher(db);
  db.key(Buffer.from(passphrase, 'utf8'));
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
  } catch (err) {
    if (isNotADatabase(err)) throw wrongPassphrase(file);
    throw err;
  }
  keyed.add(db);
}

/** Whether the connection was opened with a key (its file is encrypted). */
export function isKeyed(db: Db): boolean {
  return keyed.has(db);
}

export function isNotADatabase(err: unknown): boolean {
  return (err as { code?: unknown })?.code === 'SQLITE_NOTADB';
}

/**
 * Honest wording: the key check cannot tell a wrong passphrase from a file that was never an encrypted case file
 * (both read as noise), nor from a damaged first page.
 */
export function wrongPassphrase(file: string): ParleyError {
  return new ParleyError(
    'wrong_passphrase',
    `${path.basename(file)} could not be opened with that passphrase: the passphrase is wrong, or the file is not an encrypted Parley case file. The file was not changed.`,
  );
}

export function passphraseRequired(file: string): ParleyError {
  return new ParleyError(
    'passphrase_required',
    `${path.basename(file)} is encrypted: enter its passphrase. (A file Parley did not encrypt is not a case file at all.)`,
  );
}

/** The file starts with SQLite's plain header. */
export function hasPlainHeader(header: Buffer): boolean {
  return header.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER);
}

/**
 * Whether a file could be an encrypted case file. Encrypted files read as random bytes from the first one (the KDF
 * salt), so nothing in them says "encrypted"; but every file this scheme writes is whole pages of 4096 bytes.
 * Anything else (a text file, a truncated copy) is certainly not one.
 */
export function couldBeEncrypted(file: string): boolean {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return false;
  }
  if (size === 0 || size % CIPHER.pageSize !== 0) return false;
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    fs.readSync(fd, header, 0, header.length, 0);
    return !hasPlainHeader(header);
  } finally {
    fs.closeSync(fd);
  }
}
