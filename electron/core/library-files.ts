// Managing the case files the library lists, on disk: renaming one, and duplicating one. Both act only on a file
// the library lists, and write only beside it (in its folder, under a bare file name), so they never reach a place
// the user did not already choose for a case file.
import fs from 'node:fs';
import path from 'node:path';
import { CaseFile } from './case-file.js';
import { refuseIfInUse, writeCheckedCopy } from './case-copy.js';
import { couldBeEncrypted } from './db/encryption.js';
import { ParleyError } from './errors.js';
import { fsyncDir } from './files.js';
import { onFile, type Session } from './session.js';

/**
 * Renames a case file in its folder; `name` may leave out the extension, which is kept. Refused while Parley has
 * the file open (its connection would go on writing under the old name), while another program has it open, and
 * when a file of the new name is there already (nothing is ever replaced).
 */
export function renameCaseFile(session: Session, file: string, name: string): { path: string } {
  const abs = session.library.requireListed(file);
  const base = path.basename(abs);
  if (session.byPath(abs)) throw new ParleyError('already_open', `${base} is open in Parley; close it before renaming it. Nothing was changed.`);
  const target = path.join(path.dirname(abs), withExtensionOf(abs, name));
  if (target === abs) return { path: abs };
  return onFile(abs, () => {
    if (!fs.existsSync(abs)) throw new ParleyError('not_found', `${base} is no longer where it was last opened; nothing was renamed.`);
    refuseIfInUse(abs, 'close it there first, then rename it');
    // A name differing only in capitals is the same file on a case-insensitive disk: that is a rename, not a clash.
    if (fs.existsSync(target) && !sameFile(abs, target)) {
      throw new ParleyError('invalid_input', `There is already a file named ${path.basename(target)} in that folder; choose another name. Nothing was changed.`);
    }
    session.library.release(abs);
    fs.renameSync(abs, target);
    fsyncDir(path.dirname(abs));
    session.library.moved(abs, target);
    return { path: target };
  });
}

/**
 * Duplicates a case file beside itself ("<name> copy.parley", "<name> copy 2.parley"…): another copy of the same
 * case, checked as Save a Copy As checks it, so that changes made in either can be merged into the other later.
 * It is not a new case. An encrypted file that is not open is refused: its passphrase is needed to copy it.
 */
export function duplicateCaseFile(session: Session, file: string): { path: string } {
  const abs = session.library.requireListed(file);
  const open = session.byPath(abs);
  return onFile(abs, () => {
    if (!open && couldBeEncrypted(abs)) {
      throw new ParleyError('invalid_input', `${path.basename(abs)} is encrypted: open it with its passphrase first, then duplicate it. Nothing was changed.`);
    }
    const source = open ?? CaseFile.open(abs, { readOnly: true, skipIntegrityCheck: true });
    try {
      const target = freeCopyName(abs);
      // Another program could take the name while the copy is made; nothing is ever renamed over a file.
      writeCheckedCopy(source, target, () => {
        if (fs.existsSync(target)) throw new ParleyError('invalid_input', `${path.basename(target)} appeared while the copy was made; try again. Nothing was changed.`);
      });
      session.library.addBeside(abs, target, source.caseId);
      return { path: target };
    } finally {
      if (!open) source.close();
    }
  });
}

/** The name given, with the file's own extension added unless the name already ends in it. */
function withExtensionOf(file: string, name: string): string {
  const ext = path.extname(file);
  return ext && name.toLowerCase().endsWith(ext.toLowerCase()) ? name : `${name}${ext}`;
}

function freeCopyName(file: string): string {
  const ext = path.extname(file);
  const stem = path.join(path.dirname(file), path.basename(file, ext));
  for (let n = 1; ; n++) {
    const candidate = `${stem} copy${n === 1 ? '' : ` ${n}`}${ext}`;
    if (!['', '-wal', '-shm', '-journal'].some((s) => fs.existsSync(candidate + s))) return candidate;
  }
}

function sameFile(a: string, b: string): boolean {
  const [sa, sb] = [fs.statSync(a), fs.statSync(b)];
  return sa.ino === sb.ino && sa.dev === sb.dev;
}
