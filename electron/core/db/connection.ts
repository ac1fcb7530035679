// The one place that opens case-file connections. It runs the opening checks in a fixed order, each with its own
// error, sets every pragma, and migrates older files after taking a consistent copy beside them. Parley's own small
// files in the data folder (the review comments kept per case) are opened here too (openSideDatabase).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { inUseError, ParleyError, toParleyError } from '../errors.js';
import { fsyncDir, fsyncFile, releaseTemp, removeLeftoversIn, removeTemp, tempPathBeside } from '../files.js';
import { applyKey, couldBeEncrypted, FileKey, hasPlainHeader, passphraseRequired, wrongPassphrase } from './encryption.js';
import { applyMigrations, MIGRATIONS, LATEST_SCHEMA_VERSION, PARLEY_APPLICATION_ID, type Migration } from './migrations.js';
import { assertExpectedSchema } from './schema-check.js';
import { CASE_FILE_EXTENSION } from '../../../shared/file-names.js';

export type Db = Database.Database;
export { CASE_FILE_EXTENSION };

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
  /**
   * The key the file was written with, derived from `passphrase` already (a file just made or copied): used, instead
   * of deriving it again, if the file's salt is the one it was derived over.
   */
  key?: FileKey;
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
 *
 * Before that, what an interruption left is dealt with: Parley's own temporary files in the folder whose process is
 * gone are removed (files.ts), and a hot rollback journal (a crash in the middle of a rollback-mode write, such as
 * the switch out of WAL when a case closes) is rolled back, as SQLite itself would, once the header says the file
 * is a Parley case file this version reads.
 */
export function openCaseDatabase(file: string, opts: OpenOptions = {}): Db {
  // A key change elsewhere may rename a new file over this one while it is being opened (see openOnce): open again,
  // which then opens the new file. Each try waits for the key change's lock, so three tries (the first, and one for
  // each of two key changes in a row) are plenty.
  for (let attempt = 1; ; attempt++) {
    try {
      return openOnce(file, opts);
    } catch (err) {
      if (!(err instanceof FileReplaced) || attempt === 3) throw err instanceof FileReplaced ? inUse(file) : err;
    }
  }
}

/** The file at the path was replaced (renamed over) while this open was under way. */
class FileReplaced extends Error {}

function openOnce(file: string, opts: OpenOptions): Db {
  assertFileExists(file);
  removeLeftoversIn(path.dirname(file));
  const identity = fileIdentity(file);
  try {
    return openFile(file, opts, identity);
  } catch (err) {
    // Whatever went wrong, if the file was replaced meanwhile it was about the old file (plain, say, where the
    // new one is encrypted): open again.
    if (!(err instanceof FileReplaced) && !isSameFile(file, identity)) throw new FileReplaced();
    throw err;
  }
}

function openFile(file: string, opts: OpenOptions, identity: FileIdentity, rolledBack = false): Db {
  const header = readHeader(file);
  // An encrypted file has no readable header: it opens only with a passphrase, and its identity is checked once
  // the connection is keyed. The key is derived once per open (nearly all the cost of an encrypted open) and keys
  // every connection this open makes.
  let key: FileKey | undefined;
  if (!hasPlainHeader(header)) {
    if (!couldBeEncrypted(file)) {
      throw new ParleyError('not_a_sqlite_file', `${path.basename(file)} is not a Parley case file (it is not a SQLite database).`);
    }
    if (opts.passphrase === undefined) throw passphraseRequired(file);
    key = FileKey.reused(file, opts.passphrase, opts.key);
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
  if (hasHotJournal(file)) {
    // Still there after a rollback: another program holds the file's lock in the middle of that write (its journal
    // only looks hot: SQLite reads past it, and nothing may roll it back). That program's write is not ours to end.
    if (rolledBack) throw inUse(file);
    rollBackUnfinishedWrite(file, key);
    // The header may have been part of what was rolled back: check it again (the salt was not: the key still fits).
    return openFile(file, { ...opts, key }, identity, true);
  }
  // An encrypted file with neither a WAL nor a rollback journal beside it (closed cleanly) holds every committed
  // page in itself, so reading it through a writable connection writes nothing: there the checks run on the editing
  // connection (one connection fewer), and a refused file is still left as it was.
  if (key !== undefined && !opts.readOnly && journalBeside(file) === undefined) {
    const db = connect(file, false, key);
    runOpeningChecks(db, file, opts);
    return readyForEditing(db, file, identity);
  }
  const walFilesBefore = walFilesBeside(file);
  const reader = connect(file, true, key);
  runOpeningChecks(reader, file, opts);
  if (opts.readOnly) {
    closeOnFailure(reader, () => assertSameFile(file, identity), (err) => err as Error);
    // A read-only connection to a WAL-mode file (one copied while it was open, say) makes a -wal and a -shm beside
    // it; they are removed again when it closes, if nobody else has started using them (closeCaseDatabase).
    if (!walFilesBefore) readOnlyOpened.set(reader, { file, key });
    return reader;
  }
  reader.close();
  return readyForEditing(connect(file, false, key), file, identity);
}

/** Checks, over `db`, that the file is a Parley case file this version reads, and (unless skipped) not damaged. */
function runOpeningChecks(db: Db, file: string, opts: OpenOptions): void {
  closeOnFailure(db, () => {
    checkIdentity(db.pragma('application_id', { simple: true }) as number, db.pragma('user_version', { simple: true }) as number, file);
    assertExpectedSchema(db, file, () => new Database(':memory:', driverOptions()));
    // A read-only open reads a damaged file too (verify reports the damage), so the check would decide nothing.
    if (!opts.skipIntegrityCheck && !opts.readOnly) checkIntegrity(db, file);
  }, (err) => openingError(file, err, () => damagedError(file)));
}

/**
 * Makes a checked, writable connection the editing one: WAL, and the file brought to the newest schema.
 *
 * Why the identity check: a key change (rewrite.ts) holds the file with an exclusive lock from the moment it has
 * the file to itself until it has renamed the new file over it. An open that waited for that lock holds the old,
 * replaced file: switching it to WAL then fails (SQLite refuses to write a moved file, SQLITE_READONLY_DBMOVED), or,
 * if the connection reached the file by its path before the rename and no write was needed, the path no longer
 * names the file it holds. Either way nothing was written, and the open starts again on the new file. Once this
 * connection is in WAL mode, it holds the file's shared-memory lock, and no key change can start until it closes.
 */
function readyForEditing(db: Db, file: string, identity: FileIdentity): Db {
  closeOnFailure(db, () => {
    assertWritable(file);
    db.pragma('journal_mode = WAL');
    assertSameFile(file, identity);
    migrate(db, file);
  }, (err) => (err instanceof FileReplaced ? err : openingError(file, err, toParleyError)));
  return db;
}

/** A file's identity on its disk: what a rename over it changes. */
export interface FileIdentity {
  dev: number;
  ino: number;
}

export function fileIdentity(file: string): FileIdentity {
  const { dev, ino } = fs.statSync(file);
  return { dev, ino };
}

export function isSameFile(file: string, before: FileIdentity): boolean {
  try {
    const now = fileIdentity(file);
    return now.dev === before.dev && now.ino === before.ino;
  } catch {
    return false;
  }
}

function assertSameFile(file: string, before: FileIdentity): void {
  if (!isSameFile(file, before)) throw new FileReplaced();
}

/** The file is in use elsewhere: open for editing in another Parley or program, or held by a key change. */
export function inUse(file: string): ParleyError {
  return inUseError(path.basename(file));
}

/**
 * What a driver failure during opening means. A busy file is in use elsewhere, a moved one was replaced while we
 * waited (open again), and a disk that says no is a disk problem; anything else that stops a file being read is
 * damage (or a foreign file), for `otherwise` to say.
 */
function openingError(file: string, err: unknown, otherwise: (err: unknown) => Error): Error {
  if (err instanceof ParleyError || err instanceof FileReplaced) return err;
  const code = String((err as { code?: unknown })?.code ?? '');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return inUse(file);
  if (code === 'SQLITE_READONLY_DBMOVED') return new FileReplaced();
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_FULL' || code.startsWith('SQLITE_CANTOPEN')) return toParleyError(err);
  return otherwise(err);
}

/** The -wal or -shm of a WAL-mode file, beside it: the file is open in WAL mode somewhere, or was left so. */
function walFilesBeside(file: string): boolean {
  return fs.existsSync(`${file}-wal`) || fs.existsSync(`${file}-shm`);
}

/** Read-only connections whose opening made the -wal and -shm beside their file, to remove them at close. */
const readOnlyOpened = new WeakMap<Db, { file: string; key: FileKey | undefined }>();

/**
 * Closes a case-file connection, leaving the file as users expect of a document they copy, archive or open
 * elsewhere read-only: one self-contained file, nothing beside it.
 * - Editing: the WAL is folded in and the file returns to a rollback journal (it is WAL again at the next open).
 *   A crash in the middle of that switch leaves a hot rollback journal, which the next open rolls back
 *   (openCaseDatabase); another connection to the same file keeps it in WAL, which is fine.
 * - Read-only: if this connection's opening made a -wal and -shm beside the file, they are removed by a brief
 *   writable connection, which SQLite lets remove them only when no other connection uses them; the file's own
 *   bytes are not written (its WAL is empty).
 */
export function closeCaseDatabase(db: Db): void {
  if (!db.open) return;
  const readOnly = db.readonly;
  if (!readOnly) {
    try {
      db.pragma('optimize');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('journal_mode = DELETE');
    } catch {
      // Tidying is a nicety: a disk gone full or read-only, or a busy file, must not keep a case from closing.
    }
  }
  const opened = readOnlyOpened.get(db);
  db.close();
  if (opened && walFilesBeside(opened.file)) removeWalFilesIfUnused(opened.file, opened.key);
}

function removeWalFilesIfUnused(file: string, key: FileKey | undefined): void {
  let db: Db | undefined;
  try {
    db = new Database(file, { fileMustExist: true, ...driverOptions() });
    if (key !== undefined) applyKey(db, key, file);
    setConnectionPragmas(db);
    db.pragma('busy_timeout = 0');
    db.prepare('SELECT count(*) FROM sqlite_master').pluck().get(); // joins the WAL, so that closing may end it
  } catch {
    // In use elsewhere, or not writable here: the files stay, as SQLite would leave them.
  } finally {
    db?.close();
  }
}

/** A small SQLite file of Parley's own in the data folder (not a case file): its mark, version and schema. */
export interface SideFileKind {
  /** Its PRAGMA application_id, so that it is never mistaken for a case file, nor a case file for it. */
  applicationId: number;
  /** Its PRAGMA user_version; a file newer than this is refused. */
  version: number;
  /** The SQL that makes an empty file of this kind, at `version`. */
  schema: string;
  /** The error for a file at this path that is not of this kind, or from a newer Parley. */
  notOurs: (file: string) => ParleyError;
}

/**
 * Opens (or makes) one of Parley's own files in the data folder, with every pragma a case-file connection has and in
 * WAL mode; keyed first (before any other statement) with `passphrase` when it is not null. A file of another kind or
 * a newer version is refused before anything is written to it; an empty one is given the kind's schema, mark and
 * version in one transaction.
 */
export function openSideDatabase(file: string, kind: SideFileKind, passphrase: string | null): Db {
  const db = new Database(file, driverOptions());
  try {
    if (passphrase !== null) applyKey(db, passphrase, file);
    setConnectionPragmas(db);
    // Checked before anything is written (switching to WAL writes the header): a refused file is left as it was.
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== 0 && (appId !== kind.applicationId || version > kind.version)) throw kind.notOurs(file);
    db.pragma('journal_mode = WAL');
    if (version === 0) {
      db.transaction(() => {
        db.exec(kind.schema);
        db.pragma(`application_id = ${kind.applicationId}`);
        db.pragma(`user_version = ${kind.version}`);
      }).immediate();
    }
  } catch (err) {
    db.close();
    throw toParleyError(err);
  }
  return db;
}

/** A rollback journal beside the file whose header is written: a rollback-mode write was interrupted. */
function hasHotJournal(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(`${file}-journal`, 'r');
  } catch {
    return false;
  }
  try {
    const magic = Buffer.alloc(JOURNAL_MAGIC.length);
    return fs.readSync(fd, magic, 0, magic.length, 0) === magic.length && magic.equals(JOURNAL_MAGIC);
  } finally {
    fs.closeSync(fd);
  }
}

/** The first bytes of a rollback journal's header; a finished journal is deleted, or its header zeroed. */
const JOURNAL_MAGIC = Buffer.from('d9d505f920a163d7', 'hex');

/**
 * Rolls back an interrupted rollback-mode write, as any writable SQLite connection does when it first reads the
 * file: the file is returned to its last committed state. A read-only connection cannot do this, and would refuse
 * the file for good. If another program is in the middle of that write, SQLite does not roll it back: it waits for
 * that program's lock (then the file is reported in use), or reads past a journal that program still holds, which
 * openFile then finds still there and reports in use.
 */
function rollBackUnfinishedWrite(file: string, key: FileKey | undefined): void {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
  } catch {
    throw new ParleyError(
      'read_only',
      `${path.basename(file)} holds a change that was interrupted (a crash left ${path.basename(file)}-journal beside it). It must be rolled back before the file can be read, and that needs a folder Parley can write to: copy the file and its -journal file together to such a folder and open the copy there.`,
    );
  }
  // An encrypted file's journal is read with the key given. With a wrong one its pages read as noise, which SQLite
  // calls corrupt (or not a database) and stops at, before it writes anything: that is the wrong passphrase (the
  // encrypted test of "a hot rollback journal left by a crash" shows the file and journal left byte for byte).
  const unreadable = (err: unknown) => (key !== undefined && isUnreadable(err) ? wrongPassphrase(file) : damagedError(file));
  const db = connect(file, false, key, unreadable);
  try {
    closeOnFailure(db, () => db.prepare('SELECT count(*) FROM sqlite_master').pluck().get(), (err) => openingError(file, err, unreadable));
  } finally {
    if (db.open) db.close();
  }
}

/** SQLite could not make sense of the bytes it read (as with a wrong key). */
function isUnreadable(err: unknown): boolean {
  const code = String((err as { code?: unknown })?.code ?? '');
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
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

/**
 * A connection with every pragma set; keyed first (before any other statement) when a key is given.
 * `unreadable` says what a file SQLite cannot read means (by default, that it is damaged).
 */
function connect(file: string, readonly: boolean, key?: FileKey, unreadable: (err: unknown) => Error = () => damagedError(file)): Db {
  let db: Db;
  try {
    db = new Database(file, { readonly, fileMustExist: true, ...driverOptions() });
  } catch {
    throw new ParleyError('not_a_sqlite_file', `${path.basename(file)} could not be opened as a SQLite database.`);
  }
  closeOnFailure(db, () => {
    if (key !== undefined) applyKey(db, key, file);
    setConnectionPragmas(db);
  }, (err) => openingError(file, err, unreadable));
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
  // Parley makes a case file whole under a temporary name and renames it into place (createCaseDatabase), so a
  // file with Parley's mark and no schema at all was never a case file: migrating it would make an empty case out
  // of it, in place.
  if (version === 0) {
    throw new ParleyError('not_a_case_file', `${name} carries Parley's mark but holds no case (it has no tables). The file was not changed.`);
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

/** The copy is written under a temporary name and renamed when whole: a crash never leaves a partial "backup". */
function backupBeforeMigration(db: Db, file: string, fromVersion: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const backup = `${file}.v${fromVersion}-${stamp}.backup${CASE_FILE_EXTENSION}`;
  const temp = tempPathBeside(backup, 'copy');
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    fsyncFile(temp);
    moveIntoPlace(temp, backup);
    releaseTemp(temp);
    fsyncDir(path.dirname(file));
  } catch (err) {
    removeTemp(temp);
    throw err;
  }
  return backup;
}

/** A new case file's own facts, kept in its case_meta table. */
export interface NewCaseIdentity {
  caseId: string;
  /** Who made the file, and when. */
  actor: string;
  at: string;
}

/**
 * Creates a new case file at the latest schema, holding its identity (case_meta) and what `fill` writes: every case
 * file, new or imported, is made here. It is built under a temporary name and renamed into place only when complete,
 * so a crash never leaves a half-made file under the user's chosen name. Returns the key an encrypted file was made
 * with, for its first opening (OpenOptions.key).
 */
export function createCaseDatabase(file: string, identity: NewCaseIdentity, fill: (db: Db) => void, passphrase?: string): FileKey | undefined {
  if (fs.existsSync(file)) throw new ParleyError('already_exists', `${file} already exists; Parley will not overwrite it.`);
  assertNoLeftoverJournal(file);
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) throw new ParleyError('not_found', `The folder ${dir} does not exist.`);
  removeLeftoversIn(dir);
  const temp = tempPathBeside(file, 'creating');
  let db: Db | undefined;
  try {
    db = new Database(temp, driverOptions());
    const key = passphrase === undefined ? undefined : FileKey.of(temp, passphrase);
    if (key !== undefined) applyKey(db, key, file);
    setConnectionPragmas(db);
    db.pragma('journal_mode = WAL');
    applyMigrations(db, 0, LATEST_SCHEMA_VERSION);
    writeCaseMeta(db, identity);
    fill(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.close();
    moveIntoPlace(temp, file);
    releaseTemp(temp);
    fsyncDir(dir);
    return key;
  } catch (err) {
    if (db?.open) db.close();
    removeTemp(temp);
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ParleyError('already_exists', `${file} already exists; Parley will not overwrite it.`);
    }
    throw err;
  }
}

function writeCaseMeta(db: Db, { caseId, actor, at }: NewCaseIdentity): void {
  const setMeta = db.prepare('INSERT INTO case_meta (key, value) VALUES (?, ?)');
  setMeta.run('case_id', caseId);
  setMeta.run('created_at', at);
  setMeta.run('created_by', actor);
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
