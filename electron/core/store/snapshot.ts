// A read of a case file whose state is exactly the one the file's own bytes hold (see readAsStored).
import fs from 'node:fs';
import { basename } from 'node:path';
import type { Db } from '../db/connection.js';
import { ParleyError } from '../errors.js';

/**
 * Runs `read` in one read transaction whose state is exactly the one the file's own bytes hold, so that what it
 * reads and a hash of the file taken inside it describe one and the same case (a custody certificate).
 *
 * SQLite keeps committed changes in the WAL beside the file until a checkpoint copies them in; a connection reads
 * file and WAL together. So a case open here for editing has its WAL folded in first (TRUNCATE, which leaves the
 * WAL empty), and that must be complete: another program's read that began before our latest changes keeps them
 * out of the file (PRAGMA wal_checkpoint then reports busy). Inside the transaction the WAL must still be empty:
 * our snapshot is then the file alone, and no checkpoint (ours or another program's) can write into the file
 * while we hold it, since SQLite never overwrites pages a reader of the file alone may still read.
 *
 * A file open read-only with a non-empty WAL beside it (another program has it open for editing, or a crash left
 * committed changes there) is refused rather than described by its main file alone: the file alone is not what
 * anyone opening it reads (SQLite applies the WAL), it may not even be a consistent state (a checkpoint cut short
 * by a crash leaves a transaction half copied in, made whole only by the WAL), and folding the WAL in would write
 * to a file we promised to leave untouched. Parley folds it in when it closes a file it has open for editing.
 */
export function readAsStored<T>(db: Db, file: string, readOnly: boolean, read: () => T): T {
  const name = basename(file);
  if (!readOnly) {
    // A reader elsewhere is an answer, not something to wait for: the window would hang for the busy timeout.
    const timeout = db.pragma('busy_timeout', { simple: true }) as number;
    let result: { busy: number } | undefined;
    try {
      db.pragma('busy_timeout = 0');
      [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    } finally {
      db.pragma(`busy_timeout = ${timeout}`);
    }
    if (result?.busy) {
      throw new ParleyError(
        'pending_changes',
        `Another program is reading ${name}, so the latest changes to it cannot be written into the file itself yet, and a certificate of its bytes would not include them. Close it in the other program (or let it finish) and try again.`,
      );
    }
  }
  return db.transaction(() => {
    db.prepare("SELECT value FROM case_meta WHERE key = 'case_id'").get(); // the first read starts the snapshot
    if (walBytes(file) > 0) {
      throw new ParleyError(
        'pending_changes',
        readOnly
          ? `${name} has changes that are not yet written into the file itself (they are in ${name}-wal beside it): another program has it open, or it was not closed cleanly. A certificate must describe the very bytes it hashes, so Parley will not certify it as it is. Close it in the other program, or open it in Parley for editing and close it, then try again.`
          : `Another program is writing to ${name}, so its bytes are not the whole case at this moment. Close it in the other program and try again.`,
      );
    }
    return read();
  }).deferred();
}

/** The size of the WAL beside a file (0 when there is none). */
function walBytes(file: string): number {
  try {
    return fs.statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}
