// Encryption at rest, through SQLite3MultipleCiphers (built into better-sqlite3-multiple-ciphers). Every encrypted
// file Parley makes uses one scheme, SQLCipher 4 (see docs/SECURITY.md for why):
//   AES-256-CBC per 4096-byte page, each page authenticated with HMAC-SHA512, and the key derived from the
//   passphrase with PBKDF2-HMAC-SHA512, 256,000 iterations, over a random 16-byte salt kept at the start of the file.
// The passphrase reaches SQLite as bytes through sqlite3_key (Database#key) or as a bound parameter of ATTACH ... KEY:
// it is never part of any SQL text, so it can be neither interpolated nor logged with a statement.
//
// The key derivation is nearly all the cost of opening an encrypted file, and SQLite would run it again for every
// connection keyed with the passphrase. So it is run here, once per file opened (FileKey), and every connection to
// that file is keyed with the derived key itself, which SQLite3MultipleCiphers takes without deriving anything.
import crypto from 'node:crypto';
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

const SALT_LENGTH = 16;
const KEY_LENGTH = 32;

/**
 * What SQLite3MultipleCiphers reads as a raw key rather than a passphrase: "raw:" and then the key's 32 bytes and the
 * salt's 16 (used only by a file being made; an existing file's salt is read from the file). Its other raw form is
 * SQLCipher's x'<hex>'.
 */
const RAW_KEY_PREFIX = Buffer.from('raw:', 'latin1');

let derivations = 0;

/** How many keys this process has derived from passphrases: tests count the derivations an operation costs. */
export function keyDerivationCount(): number {
  return derivations;
}

/**
 * An encrypted file's key, derived from its passphrase over its salt: what SQLite would derive when a connection is
 * keyed with the passphrase. Connections keyed with it skip the derivation. Held in memory only, as the passphrase
 * is, and only for as long as a connection to the file is open.
 */
export class FileKey {
  private constructor(
    /** The file's salt (its first 16 bytes), or the one a new file will be given. */
    readonly salt: Buffer,
    /** What keys a connection: the raw key and salt, or, for a passphrase SQLite reads as a raw key itself, that. */
    readonly keying: Buffer,
  ) {}

  /**
   * The key of `file` (the file that exists at that path now), or of a file about to be made there, with a new salt.
   * The one place a key is derived: PBKDF2-HMAC-SHA512 with the scheme's iterations, as SQLCipher 4 does.
   */
  static of(file: string, passphrase: string): FileKey {
    const salt = saltOf(file) ?? crypto.randomBytes(SALT_LENGTH);
    const bytes = Buffer.from(passphrase, 'utf8');
    // A passphrase in one of the library's raw-key forms is taken by it as given (it derives nothing from it), so it
    // is passed on as given: files encrypted under such a passphrase keep opening as they did.
    if (readAsRawKey(bytes)) return new FileKey(salt, bytes);
    derivations++;
    const key = crypto.pbkdf2Sync(bytes, salt, CIPHER.kdfIterations, KEY_LENGTH, 'sha512');
    return new FileKey(salt, Buffer.concat([RAW_KEY_PREFIX, key, salt]));
  }

  /** This key if it was derived over `file`'s salt, else a key derived for it now. */
  static reused(file: string, passphrase: string, known: FileKey | undefined): FileKey {
    const salt = saltOf(file);
    return known && salt && known.salt.equals(salt) ? known : FileKey.of(file, passphrase);
  }
}

/** The salt of an existing encrypted file (its first 16 bytes); null for a file that is empty or missing. */
function saltOf(file: string): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const salt = Buffer.alloc(SALT_LENGTH);
    return fs.readSync(fd, salt, 0, SALT_LENGTH, 0) === SALT_LENGTH ? salt : null;
  } finally {
    fs.closeSync(fd);
  }
}

function readAsRawKey(passphrase: Buffer): boolean {
  const start = passphrase.subarray(0, 2).toString('latin1').toLowerCase();
  return passphrase.subarray(0, RAW_KEY_PREFIX.length).equals(RAW_KEY_PREFIX) || start === "x'";
}

/** Each keyed connection's key: the rest of the core asks `isKeyed` rather than carry a flag around. */
const keys = new WeakMap<Db, FileKey>();

/**
 * Selects the cipher for this connection and every database it attaches from now on. Constant SQL: it carries no
 * secret. Needed before keying and before ATTACH ... KEY, since the library's default cipher is another one.
 */
export function selectCipher(db: Db): void {
  db.pragma(`cipher = '${CIPHER.name}'`);
  db.pragma(`legacy = ${CIPHER.legacy}`);
}

/**
 * Keys a fresh connection with a passphrase (the key is derived for the connection's file) or a key derived already
 * for that file. Must be the first thing done on the connection (before any pragma that reads the file) and outside
 * any transaction. A wrong key is only noticed when a page is read, so the schema is read at once: a file the key
 * does not open is refused here with `wrong_passphrase`. `file` names the file in the error message; neither the
 * passphrase nor the key appears in any message.
 */
export function applyKey(db: Db, secret: string | FileKey, file: string = db.name): void {
  if (db.inTransaction) throw new Error('applyKey: a connection is keyed outside any transaction');
  const key = typeof secret === 'string' ? FileKey.of(db.name, secret) : secret;
  selectCipher(db);
  db.key(key.keying);
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
  } catch (err) {
    if (isNotADatabase(err)) throw wrongPassphrase(file);
    throw err;
  }
  keys.set(db, key);
}

/** Whether the connection was opened with a key (its file is encrypted). */
export function isKeyed(db: Db): boolean {
  return keys.has(db);
}

/** The key a connection was opened with (undefined for a plain file): a second connection to its file reuses it. */
export function keyOf(db: Db): FileKey | undefined {
  return keys.get(db);
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
