// Encrypting, re-keying and decrypting a case file. Each writes a NEW file beside the old one through a consistent
// copy, checks it, syncs it, and only then renames it over the old one (an atomic step), so that an interruption at
// any moment leaves the old file or the new one, whole. The copy is written encrypted page by page: no plaintext of
// an encrypted case reaches the disk on the way (decrypting, of course, writes plaintext: that is what was asked).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { ParleyError } from '../errors.js';
import { fsyncFile } from '../files.js';
import { driverOptions, fsyncDir, openCaseDatabase, setConnectionPragmas, type Db } from './connection.js';
import { applyKey, couldBeEncrypted, isKeyed, isNotADatabase, passphraseRequired, selectCipher, wrongPassphrase } from './encryption.js';

/**
 * Writes a consistent copy of `source` to `target` (which must not exist), with the target encrypted under
 * `targetPassphrase`, or plain if that is null. `sourcePassphrase` opens the source (null for a plain one).
 *
 * How: VACUUM INTO writes its copy with the key of the connection's main database. So the main database here is a
 * keying stand-in: an empty file keyed with the target's passphrase (it stays empty: nothing is ever written to
 * it), or an in-memory database when the target is to be plain. The source is attached with its own key (a bound
 * parameter, never SQL text), and VACUUM src INTO reads one consistent snapshot of it, a WAL included.
 */
export function copyWithKey(source: string, sourcePassphrase: string | null, target: string, targetPassphrase: string | null): void {
  const standIn = targetPassphrase === null ? null : `${target}.keying`;
  const db = new Database(standIn ?? ':memory:', driverOptions());
  try {
    if (targetPassphrase !== null) applyKey(db, targetPassphrase, target);
    else selectCipher(db);
    // The same hardening as every case-file connection: above all temp_store = MEMORY, so that nothing the copy
    // sorts or spills reaches the disk in plaintext, and trusted_schema = OFF for the attached file.
    setConnectionPragmas(db);
    db.prepare('ATTACH ? AS src KEY ?').run(source, Buffer.from(sourcePassphrase ?? '', 'utf8'));
    db.prepare('VACUUM src INTO ?').run(target);
  } catch (err) {
    if (isNotADatabase(err)) throw sourcePassphrase === null ? passphraseRequired(source) : wrongPassphrase(source);
    throw err;
  } finally {
    db.close();
    if (standIn) fs.rmSync(standIn, { force: true });
  }
}

/** What must be equal in a file and its copy: identity, every table's row count, and the audit chain's head. */
interface Fingerprint {
  applicationId: number;
  userVersion: number;
  rows: Record<string, number>;
  auditHead: string | null;
}

function fingerprint(db: Db): Fingerprint {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    .pluck()
    .all() as string[];
  const rows: Record<string, number> = {};
  // Table names come from the file's own schema, quoted as identifiers; they are checked against the copy's.
  for (const t of tables) rows[t] = db.prepare(`SELECT count(*) FROM "${t.replace(/"/g, '""')}"`).pluck().get() as number;
  return {
    applicationId: db.pragma('application_id', { simple: true }) as number,
    userVersion: db.pragma('user_version', { simple: true }) as number,
    rows,
    auditHead: (db.prepare("SELECT value FROM case_meta WHERE key = 'audit_head'").pluck().get() as string | undefined) ?? null,
  };
}

/** Opens the copy as it will be opened from now on and requires it to be whole and to hold what the source holds. */
function verifyCopy(target: string, passphrase: string | null, expected: Fingerprint, original: string): void {
  const db = new Database(target, { readonly: true, fileMustExist: true, ...driverOptions() });
  try {
    if (passphrase !== null) applyKey(db, passphrase, target);
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


const REWRITE_MARK = '.rewrite-';

/** The temporary name of a new copy: hidden, beside the file (same disk, so the rename is atomic), and ours. */
function tempNameFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}${REWRITE_MARK}${process.pid}-${Date.now()}`);
}

/**
 * Removes copies an interrupted rewrite of this file left behind (their process is gone). They are never the case
 * file itself: until its rename, a copy is only a candidate.
 */
function removeLeftoverCopies(file: string): void {
  const prefix = `.${path.basename(file)}${REWRITE_MARK}`;
  const dir = path.dirname(file);
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (pid && pid !== process.pid && processAlive(pid)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type KeyChange = 'encrypt' | 'rekey' | 'decrypt';

/**
 * Replaces a closed case file by a copy under another key: `from` opens it (null: it is plain), `to` is the new
 * passphrase (null: the copy is plain). The file is checked as any file being opened (a foreign, newer or damaged
 * file is refused, a wrong passphrase too) before anything is written.
 */
export function rewriteWithKey(file: string, change: KeyChange, from: string | null, to: string | null): void {
  const name = path.basename(file);
  if (change === 'encrypt' && couldBeEncrypted(file)) {
    throw new ParleyError('invalid_input', `${name} is encrypted already (or is not a case file); to change its passphrase, use rekey.`);
  }
  const source = openCaseDatabase(file, { readOnly: true, passphrase: from ?? undefined });
  let expected: Fingerprint;
  try {
    if (change !== 'encrypt' && !isKeyed(source)) throw new ParleyError('invalid_input', `${name} is not encrypted.`);
    expected = fingerprint(source);
  } finally {
    source.close();
  }
  foldJournal(file, from);
  removeLeftoverCopies(file);
  const temp = tempNameFor(file);
  try {
    copyWithKey(file, from, temp, to);
    verifyCopy(temp, to, expected, file);
    fsyncFile(temp);
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  fsyncDir(path.dirname(file));
}

/**
 * A file with a WAL beside it is either open for editing elsewhere (another Parley window or program), or was left
 * so by a crash, with committed changes in the WAL. Open elsewhere, it must not be replaced (the other program would
 * go on writing to the old file, and its changes would be lost): leaving WAL mode needs the file to itself, so
 * failing to is the sign. Left by a crash, the WAL is folded in first: it belongs to the old file, and beside the new
 * one it would be applied to the wrong pages.
 */
function foldJournal(file: string, passphrase: string | null): void {
  if (!fs.existsSync(`${file}-wal`) && !fs.existsSync(`${file}-journal`)) return;
  const db = new Database(file, { fileMustExist: true, ...driverOptions() });
  try {
    if (passphrase !== null) applyKey(db, passphrase, file);
    setConnectionPragmas(db);
    db.pragma('busy_timeout = 0'); // in use elsewhere is an answer, not something to wait for
    // Leaving WAL mode checkpoints the WAL into the file, and only once no one else has the file open.
    let mode: unknown;
    try {
      mode = db.pragma('journal_mode = DELETE', { simple: true });
    } catch (err) {
      if (!String((err as { code?: unknown }).code).startsWith('SQLITE_BUSY')) throw err;
    }
    if (mode !== 'delete') {
      throw new ParleyError('already_open', `${path.basename(file)} is open in another Parley window or program; close it there first. Nothing was changed.`);
    }
  } finally {
    db.close();
  }
}
