// Save a Copy As: a copy of an open case file, whole and checked, at a place the user chose, kept as the case is
// kept (an encrypted case's copy is encrypted under the same passphrase).
import fs from 'node:fs';
import path from 'node:path';
import type { CaseFile } from './case-file.js';
import { ParleyError } from './errors.js';
import { fsyncDir, fsyncFile, releaseTemp, removeTemp, tempPathBeside } from './files.js';
import type { Session } from './session.js';

/**
 * Writes a consistent copy of the open case `caseId` to `target`, replacing a file there. The copy is one snapshot
 * of the case (VACUUM INTO; edits may go on meanwhile) made under a temporary name beside the target, under the
 * case's own key. It is then opened as anyone will open it and must pass verify (integrity, references, deadline
 * triggers, the audit chain) and hold the same case, history and record counts as the original; only then is it
 * synced and renamed over the target, so a failure never leaves a half-written or unchecked file under the chosen
 * name. The original is only read.
 *
 * Refused: a target this session has open (renaming over a live database would corrupt it), and a target with a
 * WAL, shared memory or journal beside it: another program has it open (and would go on writing to the replaced
 * file, losing its changes), or a crash left changes there. That is checked before the copy and again just before
 * the rename, since another program may open the target while the copy is made.
 */
export function saveCopyOf(session: Session, caseId: string, target: string): { path: string } {
  const file = path.resolve(target);
  if (session.byPath(file)) throw new ParleyError('invalid_input', `${path.basename(file)} is open in Parley; choose another name for the copy.`);
  const inUse = 'choose another name for the copy, or close it there first';
  refuseIfInUse(file, inUse);
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) throw new ParleyError('not_found', `The folder ${dir} does not exist; nothing was saved.`);
  writeCheckedCopy(session.get(caseId), file, () => refuseIfInUse(file, inUse));
  return { path: file };
}

/**
 * Writes the checked copy of `source` under a temporary name beside `file`, then (after `beforeRename`, the last
 * chance to refuse) renames it to `file`. A failure leaves nothing under either name.
 */
export function writeCheckedCopy(source: CaseFile, file: string, beforeRename: () => void): void {
  const temp = tempPathBeside(file, 'copy');
  try {
    source.copyUnderOwnKey(temp, (copy) => requireSameCase(source, copy));
    fsyncFile(temp);
    beforeRename();
    fs.renameSync(temp, file);
    releaseTemp(temp);
    fsyncDir(path.dirname(file));
  } catch (err) {
    removeTemp(temp);
    throw err;
  }
}

/**
 * The -wal, -shm or -journal beside a file: SQLite's sign that it is open, or was not closed cleanly. `remedy`
 * says what the user can do instead.
 */
export function refuseIfInUse(file: string, remedy: string): void {
  const journal = ['-wal', '-shm', '-journal'].map((s) => file + s).find((f) => fs.existsSync(f));
  if (journal) {
    throw new ParleyError(
      'invalid_input',
      `${path.basename(file)} is open in another program, or was not closed cleanly (${path.basename(journal)} is beside it); ${remedy}. Nothing was changed.`,
    );
  }
}

function requireSameCase(original: CaseFile, copy: CaseFile): void {
  const report = copy.verify();
  const was = original.info();
  const is = copy.info();
  const same = is.caseId === was.caseId && is.auditHead === was.auditHead && JSON.stringify(is.counts) === JSON.stringify(was.counts) && is.encrypted === was.encrypted;
  if (!report.ok || !same) {
    throw new ParleyError('io_error', 'The copy did not read back the same as the case, so it was not saved. Try another disk or folder.');
  }
}
