import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Temporary files Parley writes beside a file it is making or replacing, so that the final rename stays on one disk
 * (and so atomic). Each is hidden and named `.<file>.<purpose>-<host>-<pid>-<n>`, so that one left by a killed
 * process is recognised as Parley's own, with the machine and the process that made it, and removed at the next
 * opening or atomic write in that folder (removeLeftoversIn). Until it is renamed into place, such a file is only a
 * candidate: never the user's data.
 */
const TEMP_PURPOSES = ['creating', 'rewrite', 'transfer', 'copy', 'tmp'] as const;
export type TempPurpose = (typeof TEMP_PURPOSES)[number];

/**
 * This machine, in temporary names: the first 8 hex digits of the SHA-256 of its host name. A folder may be shared
 * or synced between machines, and a process number says nothing about another machine's processes.
 */
export const HOST_TAG = createHash('sha256').update(os.hostname()).digest('hex').slice(0, 8);

/**
 * How old another machine's temporary file must be (by its last change) before it is taken for a leftover: its
 * process cannot be asked whether it still runs, and no operation of Parley's leaves its file unchanged this long.
 */
export const OTHER_HOST_TEMP_GRACE_MS = 24 * 60 * 60 * 1000;

// The host tag is absent from names an earlier Parley made: those are taken for another machine's. The suffixes are
// what SQLite may make beside a database (its WAL, shared memory, journal and super-journal) and the keying stand-in
// of a key change (db/rewrite.ts).
const TEMP_NAME = new RegExp(`^\\.(.+)\\.(?:${TEMP_PURPOSES.join('|')})-(?:([0-9a-f]{8})-)?(\\d+)-(\\d+)(\\.keying)?(-wal|-shm|-journal|-mj[0-9A-F]+)?$`);

/** Temporary files this process is writing now: never removed as leftovers, whatever their name says. */
const active = new Set<string>();
let counter = 0;

/** A new temporary name beside `file`; the caller must `releaseTemp` it once renamed or removed. */
export function tempPathBeside(file: string, purpose: TempPurpose): string {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${purpose}-${HOST_TAG}-${process.pid}-${Date.now()}${++counter}`);
  active.add(temp);
  return temp;
}

/** Removes a temporary file and the journal files SQLite may have made beside it, and forgets it. */
export function removeTemp(temp: string): void {
  for (const f of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`]) fs.rmSync(f, { force: true });
  active.delete(temp);
}

/** Forgets a temporary name that has been renamed into place. */
export function releaseTemp(temp: string): void {
  active.delete(temp);
}

/**
 * Removes what interrupted operations left in `dir`: Parley's temporary files whose process is gone (a crash, a
 * kill, a power cut in the middle of creating, importing, encrypting, decrypting or copying a case, or of writing an
 * export or the library). Some of them hold a whole case in plaintext (an interrupted decrypt), so they must not
 * outlive the operation that made them. A file this machine made is removed as soon as its process is gone; one
 * another machine made (a shared or synced folder), or one without a machine in its name, only once it is older
 * than OTHER_HOST_TEMP_GRACE_MS. Returns the names removed. Never throws: a folder that cannot be read or cleaned
 * is left as it is.
 */
export function removeLeftoversIn(dir: string): string[] {
  let names: string[];
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(dir).mtimeMs;
    // A folder holding none of our temporary files when last read holds none still if no entry came or went since.
    if (foldersWithoutTemps.get(dir) === mtimeMs) return [];
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  let kept = false;
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    kept = true;
    const full = path.join(dir, name);
    const base = full.replace(/(\.keying)?(-wal|-shm|-journal|-mj[0-9A-F]+)?$/, '');
    if (active.has(base)) continue;
    if (m[2] === HOST_TAG ? processAlive(Number(m[3])) : !olderThanGrace(full)) continue;
    try {
      fs.rmSync(full, { force: true });
      removed.push(name);
    } catch {
      // Someone else's file, or a disk gone read-only: it stays, and is tried again at the next opening.
    }
  }
  if (kept) foldersWithoutTemps.delete(dir);
  else foldersWithoutTemps.set(dir, mtimeMs);
  return removed;
}

/** Folders found without temporary files, with their modification time then (opening many cases of one folder,
 *  as the dashboard does, then reads the folder once). */
const foldersWithoutTemps = new Map<string, number>();

function processAlive(pid: number): boolean {
  if (pid === process.pid) return false; // ours, and not in `active`: left by an operation of ours that failed
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function olderThanGrace(file: string): boolean {
  try {
    return Date.now() - fs.statSync(file).mtimeMs > OTHER_HOST_TEMP_GRACE_MS;
  } catch {
    return false; // gone already, or not ours to read
  }
}

/**
 * Writes a small file so that a crash leaves the old content or the new, never a mix: temp, fsync, rename. What
 * an interrupted write left in the folder is removed first (removeLeftoversIn), so that the temporary files of
 * exports and of the library's own files are cleaned up as those of case folders are.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  removeLeftoversIn(path.dirname(file));
  const temp = tempPathBeside(file, 'tmp');
  try {
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
    releaseTemp(temp);
  } catch (err) {
    removeTemp(temp);
    throw err;
  }
  fsyncDir(path.dirname(file)); // the rename itself reaches the disk
}

export function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
  } catch {
    // Not every platform lets a folder be synced (Windows); the rename itself is still atomic there.
  }
}

/** Flushes a file's bytes to the disk (before it is renamed into place, so the rename never exposes a hollow file). */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
