// When a case file's WAL is folded back into the file (a checkpoint). SQLite's own rule runs it inside the commit that
// takes the WAL past `wal_autocheckpoint` pages (1,000 by default): every sixty-odd edits of a big case, one edit also
// copied hundreds of pages into the file and synced it, ten to thirty times the cost of an edit. Here the threshold
// is high and the checkpoint runs once the writes pause, off any change's path. Durability is the WAL's: every commit
// is synced there (synchronous=FULL) whenever the checkpoint runs, and closing the case folds the WAL in as before.
import type { Db } from './connection.js';

/** The WAL's size at which a commit checkpoints after all, if writes never pause that long (about 40 MB). */
export const WAL_CHECKPOINT_PAGES = 10_000;

/** How long after the last write the checkpoint runs. */
export const IDLE_CHECKPOINT_MS = 1_000;

export class IdleCheckpoint {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly db: Db) {
    db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  }

  /** A change was committed: checkpoint once writes have paused. */
  wrote(): void {
    if (this.timer) {
      this.timer.refresh();
      return;
    }
    this.timer = setTimeout(() => this.run(), IDLE_CHECKPOINT_MS);
    // Never what keeps a process alive: the command line ends, and closing the case checkpoints anyway.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): void {
    this.timer = null;
    if (!this.db.open || this.db.inTransaction) return;
    try {
      // PASSIVE: copies what no reader still needs, waits for nobody; what is left goes at the next pause.
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // A busy or failing disk: the commits are safe in the WAL; the next pause, the threshold or the close retries.
    }
  }
}
