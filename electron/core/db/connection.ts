// The one place that opens case-file connections. It runs the opening checks in a fixed order, each with its own
// error, sets every pragma, and migrates older files after taking a consistent copy beside them.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { ParleyError, toParleyError } from '../errors.js';
import { applyKey, couldBeEncrypted, hasPlainHeader, passphraseRequired } from './encryption.js';
import { MIGRATIONS, LATEST_SCHEMA_VERSION, type Migration } from './migrations.js';
import { assertExpectedSchema } from './schema-check.js';

export type Db = Database.Database;

/** PRAGMA application_id of every Parley case file: the bytes "PRLY". */
export const PARLEY_APPLICATION_ID = 0x50524c59;
export const CASE_FILE_EXTENSION = '.parley';

/** The driver's native build to load; undefined for the one in node_modules (tests, command line, harness). */
let nativeBinding: string | undefined;

/** The desktop app points the core at the driver built for Electron's ABI (see electron/main/native-driver.ts). */
export function setNativeBinding(file: string | undefined): void {
  nativeBinding = file;
}

export function driverOptions(): { nativeBinding?: string } {
  return nativeBinding ? { nativeBinding } : {};
}

export interface OpenOptions {
  readOnly?: boolean;
  /** Skip the quick_check (only for files the caller has just checked or made itself). */
  skipIntegrityCheck?: boolean;
  /** Opens an encrypted file (ignored for a plain one). Kept by nobody: it keys the connections and is dropped. */
  passphrase?: string;
}

/** Settings that hold for one connection only: set on every connection, before anything else is read. */
export function setConnectionPragmas(db: Db): void {
  db.pragma('trusted_schema = OFF');
  db.pragma('cell_size_check = ON');
  db.pragma('mmap_size = 0');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  // better-sqlite3 leaves WAL connections at NORMAL, which can lose the last commits on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
}

/** The database header's first 100 bytes (or fewer, for a short file). */
function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(100);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

function assertFileExists(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ParleyError('not_found', `There is no file at ${file}.`);
  }
  if (!stat.isFile()) throw new ParleyError('not_a_sqlite_file', `${file} is not a file.`);
}

/**
 * Opens an existing case file. Checks, in order: a SQLite file at all; a Parley case file (application_id);
 * not from a newer Parley (user_version); not damaged (quick_check). A damaged file opens only read-only.
 * The checks run over a read-only connection, so that a refused file is left exactly as it was: a writable
 * connection would fold a pending WAL into the file when it closes.
 */
export function openCaseDatabase(file: string, opts: OpenOptions = {}): Db {
  assertFileExists(file);
  const header = readHeader(file);
  // An encrypted file has no readable header: it opens only with a passphrase, and its identity is checked once
  // the connection is keyed.
  let passphrase: string | undefined;
  if (!hasPlainHeader(header)) {
    if (!couldBeEncrypted(file)) {
      throw new ParleyError('not_a_sqlite_file', `${path.basename(file)} is not a Parley case file (it is not a SQLite database).`);
    }
    if (opts.passphrase === undefined) throw passphraseRequired(file);
    passphrase = opts.passphrase;
  } else if (header.length === 100) {
    // The header says who made the file before SQLite touches it, so a foreign or newer file is refused without a
    // journal file ever appearing beside it. (A WAL may still hold a newer page 1: the connection checks again.)
    checkIdentity(header.readUInt32BE(68), header.readUInt32BE(60), file);
    // Bytes 18-19 are the file format versions needed to write and to read (1 rollback journal, 2 WAL). Anything
    // else is damage (or a format from the future): SQLite would open it read-only, and every write would then fail.
    if (!opts.readOnly && (header[18]! > 2 || header[19]! > 2)) {
      throw new ParleyError('damaged', `${path.basename(file)} is damaged (its header names an unknown file format). Parley will not write to it; you can open it read-only to read or copy what it holds.`);
    }
  }
  // Keying a connection derives the key from the passphrase (PBKDF2, 256,000 iterations: nearly all the cost of an
  // encrypted open), once per connection. An encrypted file with neither a WAL nor a rollback journal beside it
  // (closed cleanly) holds every committed page in itself, so reading it through a writable connection writes
  // nothing: there the checks run on the editing connection, and a refused file is still left as it was.
  if (passphrase !== undefined && !opts.readOnly && journalBeside(file) === undefined) {
    const db = connect(file, false, passphrase);
    runOpeningChecks(db, file, opts);
    return readyForEditing(db, file);
  }
  const reader = connect(file, true, passphrase);
  runOpeningChecks(reader, file, opts);
  if (opts.readOnly) return reader;
  reader.close();
  return readyForEditing(connect(file, false, passphrase), file);
}

/** Checks, over `db`, that the file is a Parley case file this version reads, and (unless skipped) not damaged. */
function runOpeningChecks(db: Db, file: string, opts: OpenOptions): void {
  closeOnFailure(db, () => {
    checkIdentity(db.pragma('application_id', { simple: true }) as number, db.pragma('user_version', { simple: true }) as number, file);
    assertExpectedSchema(db, file, () => new Database(':memory:', driverOptions()));
    // A read-only open reads a damaged file too (verify reports the damage), so the check would decide nothing.
    if (!opts.skipIntegrityCheck && !opts.readOnly) checkIntegrity(db, file);
  }, (err) => (err instanceof ParleyError ? err : damagedError(file)));
}

/** Makes a checked, writable connection the editing one: WAL, and the file brought to the newest schema. */
function readyForEditing(db: Db, file: string): Db {
  closeOnFailure(db, () => {
    assertWritable(file);
    db.pragma('journal_mode = WAL');
    migrate(db, file);
  }, toParleyError);
  return db;
}

/** The WAL or rollback journal beside the file, if any: it was not closed cleanly, or a connection has it open. */
function journalBeside(file: string): string | undefined {
  return ['-wal', '-journal'].map((suffix) => file + suffix).find((f) => fs.existsSync(f));
}

/** SQLite opens a file it may not write read-only without a word, and every write then fails: say so at once. */
function assertWritable(file: string): void {
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch {
    throw new ParleyError('read_only', `${path.basename(file)} cannot be changed: the file or its disk is read-only. Open it read-only to read it.`);
  }
}

/** A connection with every pragma set; keyed first (before any other statement) when a passphrase is given. */
function connect(file: string, readonly: boolean, passphrase?: string): Db {
  let db: Db;
  try {
    db = new Database(file, { readonly, fileMustExist: true, ...driverOptions() });
  } catch {
    throw new ParleyError('not_a_sqlite_file', `${path.basename(file)} could not be opened as a SQLite database.`);
  }
  closeOnFailure(db, () => {
    if (passphrase !== undefined) applyKey(db, passphrase, file);
    setConnectionPragmas(db);
  }, (err) => (err instanceof ParleyError ? err : damagedError(file)));
  return db;
}

/** Runs `fn`; if it throws, closes the connection and throws what `translate` makes of the error. */
function closeOnFailure(db: Db, fn: () => void, translate: (err: unknown) => Error): void {
  try {
    fn();
  } catch (err) {
    db.close();
    throw translate(err);
  }
}

// The header looked right but SQLite could not read the schema: a damaged or foreign file.
function damagedError(file: string): ParleyError {
  return new ParleyError('damaged', `${path.basename(file)} is damaged and could not be read.`);
}

function checkIdentity(appId: number, version: number, file: string): void {
  const name = path.basename(file);
  if (appId !== PARLEY_APPLICATION_ID) {
    throw new ParleyError('not_a_case_file', `${name} is a SQLite database, but not a Parley case file.`);
  }
  if (version > LATEST_SCHEMA_VERSION) {
    throw new ParleyError(
      'newer_version',
      `${name} was made by a newer version of Parley (case file version ${version}; this Parley reads up to ${LATEST_SCHEMA_VERSION}). ` +
        'Update Parley to open it; the file was not changed.',
    );
  }
}

function checkIntegrity(db: Db, file: string): void {
  if (passesQuickCheck(db)) return;
  throw new ParleyError(
    'damaged',
    `${path.basename(file)} is damaged (its integrity check failed). Parley will not write to it; you can open it read-only to read or copy what it holds.`,
  );
}

/** quick_check lists what it finds, but on some damage (a page that is not a b-tree page at all) it throws. */
function passesQuickCheck(db: Db): boolean {
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    return rows.length === 1 && rows[0]!.quick_check === 'ok';
  } catch (err) {
    if (String((err as { code?: unknown }).code).startsWith('SQLITE_CORRUPT')) return false;
    throw err;
  }
}

/**
 * Brings a file to the newest of `migrations` (the app's list; tests pass a longer one). Before changing an existing
 * file, a consistent copy is kept beside it; returns that copy's path, or null if none was needed.
 */
export function migrate(db: Db, file: string, migrations: readonly Migration[] = MIGRATIONS): string | null {
  const from = db.pragma('user_version', { simple: true }) as number;
  const to = migrations[migrations.length - 1]!.version;
  if (from >= to) return null;
  const backup = from > 0 ? backupBeforeMigration(db, file, from) : null;
  applyMigrations(db, from, to, migrations);
  return backup;
}

/** Applies migrations after `from` up to `to`, each with its user_version in one transaction. */
export function applyMigrations(db: Db, from: number, to: number, migrations: readonly Migration[] = MIGRATIONS): void {
  for (const m of migrations) {
    if (m.version <= from || m.version > to) continue;
    db.transaction(() => {
      db.exec(m.sql);
      if (m.version === 1) db.pragma(`application_id = ${PARLEY_APPLICATION_ID}`);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

function backupBeforeMigration(db: Db, file: string, fromVersion: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const backup = `${file}.v${fromVersion}-${stamp}.backup${CASE_FILE_EXTENSION}`;
  db.prepare('VACUUM INTO ?').run(backup);
  return backup;
}

/**
 * Creates a new, empty case file at the latest schema. It is built under a temporary name and renamed into place
 * only when complete, so a crash never leaves a half-made file under the user's chosen name.
 */
export function createCaseDatabase(file: string, fill: (db: Db) => void, passphrase?: string): void {
  if (fs.existsSync(file)) throw new ParleyError('already_exists', `${file} already exists; Parley will not overwrite it.`);
  assertNoLeftoverJournal(file);
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) throw new ParleyError('not_found', `The folder ${dir} does not exist.`);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.creating`);
  const db = new Database(temp, driverOptions());
  try {
    if (passphrase !== undefined) applyKey(db, passphrase, file);
    setConnectionPragmas(db);
    db.pragma('journal_mode = WAL');
    applyMigrations(db, 0, LATEST_SCHEMA_VERSION);
    fill(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.close();
    moveIntoPlace(temp, file);
    fsyncDir(dir);
  } catch (err) {
    if (db.open) db.close();
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) fs.rmSync(f, { force: true });
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ParleyError('already_exists', `${file} already exists; Parley will not overwrite it.`);
    }
    throw err;
  }
}

/**
 * SQLite finds a file's WAL or rollback journal by name alone. One left behind by an earlier file of the same name
 * (deleted after a crash) would be applied to the new file when it is first opened, mixing another case into it.
 */
function assertNoLeftoverJournal(file: string): void {
  const leftover = journalBeside(file);
  if (leftover) {
    throw new ParleyError(
      'already_exists',
      `${path.basename(leftover)} is left over from an earlier file named ${path.basename(file)}; SQLite would apply it to a new case file. Move it away or choose another name.`,
    );
  }
}

/** Renames without ever overwriting: a hard link fails if the name is taken; file systems without links rename. */
export function moveIntoPlace(temp: string, file: string): void {
  try {
    fs.linkSync(temp, file);
    fs.unlinkSync(temp);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw err;
    if (fs.existsSync(file)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    fs.renameSync(temp, file);
  }
}

export function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
  } catch {
    // Not every platform lets a folder be synced (Windows); the rename itself is still atomic there.
  }
}
