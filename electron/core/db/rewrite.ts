// Encrypting, re-keying and decrypting a case file. Each writes a NEW file beside the old one through a consistent
// copy, checks it, syncs it, and only then renames it over the old one (an atomic step), so that an interruption at
// any moment leaves the old file or the new one, whole. The copy is written encrypted page by page: no plaintext of
// an encrypted case reaches the disk on the way (decrypting, of course, writes plaintext: that is what was asked).
//
// From the moment it has the file to itself until the rename, a key change holds the file with an exclusive lock
// that every SQLite connection respects: nobody can open it for editing meanwhile and go on writing to the old file
// after the rename (see connection.ts, readyForEditing, for how an open that waited for the lock then opens the new
// file), and no WAL of the old file can be left beside the new one. On Windows, which cannot rename over a file that
// is open, the lock is let go just before the rename instead, and Windows itself refuses the rename if another
// program has opened the file meanwhile (see SwapMode).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { ParleyError } from '../errors.js';
import { fsyncDir, fsyncFile, releaseTemp, removeTemp, tempPathBeside } from '../files.js';
import { closeCaseDatabase, driverOptions, fileIdentity, inUse, isSameFile, openCaseDatabase, setConnectionPragmas, type Db, type FileIdentity } from './connection.js';
import { applyKey, couldBeEncrypted, FileKey, isNotADatabase, keyOf, passphraseRequired, selectCipher, wrongPassphrase } from './encryption.js';

/**
 * A connection that copies `source` (attached as `src`) to files keyed with `targetPassphrase`, or plain if that is
 * null: VACUUM INTO writes its copy with the key of the connection's main database, salt included. So the main
 * database is a keying stand-in: an empty file keyed with the target's passphrase (it stays empty: nothing is ever
 * written to it), or an in-memory database when the target is to be plain; its key (`keyOf(db)`) is the copy's.
 * The source is attached with its own key (a bound parameter, never SQL text): its passphrase, or the key an open
 * connection to it holds. `close` also removes the stand-in.
 */
function copyingConnection(source: string, sourceSecret: string | FileKey | null, target: string, targetPassphrase: string | null): { db: Db; close: () => void } {
  const standIn = targetPassphrase === null ? null : `${target}.keying`;
  const db = new Database(standIn ?? ':memory:', driverOptions());
  const close = () => {
    db.close();
    if (standIn) removeTemp(standIn);
  };
  try {
    if (targetPassphrase !== null) applyKey(db, targetPassphrase, target);
    else selectCipher(db);
    // The same hardening as every case-file connection: above all temp_store = MEMORY, so that nothing the copy
    // sorts or spills reaches the disk in plaintext, and trusted_schema = OFF for the attached file.
    setConnectionPragmas(db);
    const sourceKey = typeof sourceSecret === 'string' ? FileKey.of(source, sourceSecret) : sourceSecret;
    db.prepare('ATTACH ? AS src KEY ?').run(source, sourceKey?.keying ?? Buffer.alloc(0));
    return { db, close };
  } catch (err) {
    close();
    throw keyError(err, source, sourceSecret);
  }
}

function keyError(err: unknown, source: string, sourceSecret: string | FileKey | null): unknown {
  if (isNotADatabase(err)) return sourceSecret === null ? passphraseRequired(source) : wrongPassphrase(source);
  return err;
}

/**
 * Writes a consistent copy of `source` to `target` (which must not exist), with the target encrypted under
 * `targetPassphrase`, or plain if that is null. `sourceSecret` opens the source: its passphrase, or the key of a
 * connection open on it (null for a plain one). Returns the key the copy was written with (undefined for a plain
 * copy), to open it with (OpenOptions.key). VACUUM src INTO reads one consistent snapshot of the source, a WAL
 * included; edits may go on meanwhile.
 */
export function copyWithKey(source: string, sourceSecret: string | FileKey | null, target: string, targetPassphrase: string | null): FileKey | undefined {
  const { db, close } = copyingConnection(source, sourceSecret, target, targetPassphrase);
  try {
    db.prepare('VACUUM src INTO ?').run(target);
    return keyOf(db);
  } catch (err) {
    throw keyError(err, source, sourceSecret);
  } finally {
    close();
  }
}

/** What must be equal in a file and its copy: identity, every table's row count, and the audit chain's head. */
interface Fingerprint {
  applicationId: number;
  userVersion: number;
  rows: Record<string, number>;
  auditHead: string | null;
}

function fingerprint(db: Db, schema = 'main'): Fingerprint {
  const tables = db
    .prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const rows: Record<string, number> = {};
  // Table names come from the file's own schema, quoted as identifiers; they are checked against the copy's.
  for (const t of tables) rows[t] = db.prepare(`SELECT count(*) FROM ${schema}."${t.replace(/"/g, '""')}"`).pluck().get() as number;
  return {
    applicationId: db.pragma(`${schema}.application_id`, { simple: true }) as number,
    userVersion: db.pragma(`${schema}.user_version`, { simple: true }) as number,
    rows,
    auditHead: (db.prepare(`SELECT value FROM ${schema}.case_meta WHERE key = 'audit_head'`).pluck().get() as string | undefined) ?? null,
  };
}

/**
 * Opens the copy as it will be opened from now on and requires it to be whole and to hold what the source holds.
 * `key` is the one the copy was written with, used if it fits the copy; else the key is derived from `passphrase`.
 */
function verifyCopy(target: string, passphrase: string | null, key: FileKey | undefined, expected: Fingerprint, original: string): void {
  const db = new Database(target, { readonly: true, fileMustExist: true, ...driverOptions() });
  try {
    if (passphrase !== null) applyKey(db, FileKey.reused(target, passphrase, key), target);
    setConnectionPragmas(db);
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const same = JSON.stringify(fingerprint(db)) === JSON.stringify(expected);
    if (integrity.length !== 1 || integrity[0] !== 'ok' || !same) {
      throw new ParleyError('io_error', `The new copy of ${path.basename(original)} did not read back the same; ${path.basename(original)} was left as it was.`);
    }
  } finally {
    db.close();
  }
}

export type KeyChange = 'encrypt' | 'rekey' | 'decrypt';

/**
 * How the new file takes the old one's place, which the operating system decides:
 * - 'posix': the file stays held (its connection open) through the rename, since POSIX renames over an open file;
 *   the zeroed journal that holding made is removed, and the journal kept in memory, while it is held, so that
 *   closing after the rename removes nothing beside the new file.
 * - 'windows': Windows renames over no file that is open, nor removes an open journal, so the connection is closed
 *   (SQLite removing its journal as it closes) before the rename. That is safe there because Windows refuses to
 *   replace a file another program has open: an open that came in between makes the rename fail, and the change
 *   is refused as in use, the old file kept.
 * Both run on every platform (the tests run each); `swapModeOf` picks the one the platform needs.
 */
export type SwapMode = 'posix' | 'windows';

export function swapModeOf(platform: NodeJS.Platform = process.platform): SwapMode {
  return platform === 'win32' ? 'windows' : 'posix';
}

/**
 * Replaces a closed case file by a copy under another key: `from` opens it (null: it is plain), `to` is the new
 * passphrase (null: the copy is plain). The file is checked as any file being opened (a foreign, newer or damaged
 * file is refused, a wrong passphrase too) before anything is written.
 */
export function rewriteWithKey(file: string, change: KeyChange, from: string | null, to: string | null, swap: SwapMode = swapModeOf()): void {
  const name = path.basename(file);
  if (change === 'encrypt' && couldBeEncrypted(file)) {
    throw new ParleyError('invalid_input', `${name} is encrypted already (or is not a case file); to change its passphrase, use rekey.`);
  }
  // The file as found: if another key change replaces it while this one starts, whatever this one then meets (the
  // new file read with the old key reads as noise, say) is reported as that, not as damage.
  const identity = fileIdentity(file);
  // The opening checks (and SQLite's own recovery of an interrupted write, and the removal of what an interrupted
  // key change left in the folder) run first, over a read-only connection.
  const source = openCaseDatabase(file, { readOnly: true, passphrase: from ?? undefined });
  // The key derived for that opening attaches the file below: a key change derives each key once.
  const sourceKey = keyOf(source) ?? null;
  try {
    if (change !== 'encrypt' && sourceKey === null) throw new ParleyError('invalid_input', `${name} is not encrypted.`);
  } finally {
    closeCaseDatabase(source);
  }
  if (!isSameFile(file, identity)) throw changedMeanwhile(file);
  const temp = tempPathBeside(file, 'rewrite');
  let copier: ReturnType<typeof copyingConnection> | undefined;
  let renamed = false;
  try {
    // Attaching reads the file, and can meet the same replacement: another key change renames its new file over
    // this one between the check above and the attach (the new file read with the old key reads as noise), or the
    // attach waited for that change's lock and reads the replaced file, taking the new file's rollback journal
    // beside it for its own (the old file with another file's pages played into it reads as damaged). Either is
    // "changed meanwhile", which the catch below says, not a wrong passphrase or a damaged file.
    copier = copyingConnection(file, sourceKey, temp, to);
    // Takes the file, or finds it replaced meanwhile (see holdExclusively).
    holdExclusively(copier.db, file, identity, swap);
    // Read under the lock: what is copied is exactly what was counted.
    const expected = fingerprint(copier.db, 'src');
    copier.db.prepare('VACUUM src INTO ?').run(temp);
    verifyCopy(temp, to, keyOf(copier.db), expected, file);
    fsyncFile(temp);
    if (swap === 'windows') {
      const copied = fileState(file);
      copier.close();
      copier = undefined;
      // Written between the close and here by a program that opened and closed it again at once: what was copied
      // is no longer all of it.
      if (fileState(file) !== copied) throw inUse(file);
      renameUnlessOpen(temp, file);
    } else {
      fs.renameSync(temp, file);
    }
    renamed = true;
    releaseTemp(temp);
    fsyncDir(path.dirname(file));
  } catch (err) {
    removeTemp(temp);
    if (!renamed && !isSameFile(file, identity)) throw changedMeanwhile(file);
    throw keyError(err, file, sourceKey);
  } finally {
    // Only now may anyone else have the file (on POSIX): the new one, by its name.
    copier?.close();
  }
}

/** What a write to a file changes, besides its content: its identity, size and time of change. */
function fileState(file: string): string {
  const { dev, ino, size, mtimeMs } = fs.statSync(file);
  return JSON.stringify([dev, ino, size, mtimeMs]);
}

/**
 * Renames `temp` over `file`, which Windows refuses while another program has `file` open (SQLite opens files
 * without letting them be deleted or replaced): that refusal means the file is in use, and nothing was changed.
 */
function renameUnlessOpen(temp: string, file: string): void {
  try {
    fs.renameSync(temp, file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY') throw inUse(file);
    throw err;
  }
}

function changedMeanwhile(file: string): ParleyError {
  return new ParleyError('already_open', `${path.basename(file)} was encrypted, re-keyed or decrypted by another program a moment ago; open it again to see how it is kept now. Nothing was changed.`);
}

/**
 * Takes the file attached as `src` for this connection alone, until it closes. With locking_mode = EXCLUSIVE a
 * connection keeps every lock it takes. Leaving WAL mode first folds any WAL into the file and succeeds only when no
 * other connection has the file open (a Parley that has it open for editing is in WAL mode and holds its shared
 * memory), so failing to is the sign that it is in use; a WAL left by a crash is folded in, and belongs to the old
 * file only. BEGIN EXCLUSIVE then takes the exclusive lock, which no reader or writer can pass. Leaving WAL made a
 * journal file (its header zeroed: nothing to roll back). On POSIX it is removed while the lock is held, and the
 * journal kept in memory from then on, so that closing this connection after the rename removes nothing of the new
 * file; on Windows the connection closes before the rename, and SQLite removes the journal as it closes.
 * Once the lock is held, the path must still name the file found at the start (`identity`), or the file was
 * replaced meanwhile: refused as that, before the journal at the path is touched.
 */
function holdExclusively(db: Db, file: string, identity: FileIdentity, swap: SwapMode): void {
  const busy = () => inUse(file);
  db.pragma('src.locking_mode = EXCLUSIVE');
  try {
    db.pragma('busy_timeout = 0'); // open for editing elsewhere is an answer, not something to wait for
    const mode = db.pragma('src.journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw busy();
    db.pragma('busy_timeout = 2000'); // a reader elsewhere (a dashboard, say) is done within moments
    // The stand-in is never written; with its journal in memory, SQLite counts src as the only database of the
    // transaction and writes no super-journal (a file a kill would leave beside the stand-in).
    db.pragma('main.journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
  } catch (err) {
    if (String((err as { code?: unknown }).code).startsWith('SQLITE_BUSY')) throw busy();
    throw err;
  }
  // Held now, so nobody can rename over the file until this connection closes. But another key change may have had
  // the lock first and renamed its new file over the one attached here: then what is held is the replaced file.
  // Copying it would put the old case (and the old key) back over the new one, and the journal at the path is the
  // new file's (a program writing to the new file may be using it), not this connection's to remove.
  if (!isSameFile(file, identity)) throw changedMeanwhile(file);
  if (swap === 'windows') return; // closed before the rename, which removes the journal: see SwapMode
  fs.rmSync(`${file}-journal`, { force: true });
  db.pragma('src.journal_mode = MEMORY');
}
