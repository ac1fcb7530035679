// Review comments on a case opened for review. A reviewer reads a case file read-only and may not change it (the
// file must stay byte-identical to what counsel sent, so its SHA-256 still matches the custody certificate);
// the comments therefore live in a small SQLite file of their own in the user's data folder, one per case.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ReviewComment } from '../../shared/api-types.js';
import type { ReviewableKind } from '../../shared/enums.js';
import { openSideDatabase, type Db, type SideFileKind } from './db/connection.js';
import { ParleyError } from './errors.js';

/** The sidecar's own application_id ("PRLR"), so that neither file can be mistaken for the other. */
const REVIEW_APPLICATION_ID = 0x50524c52;
const REVIEW_SCHEMA_VERSION = 1;
export const REVIEW_FILE_EXTENSION = '.parley-review';

const REVIEW_SCHEMA = `
CREATE TABLE review_comment (
  id TEXT PRIMARY KEY,
  record_kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  text TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by TEXT
) STRICT;
CREATE INDEX review_comment_record ON review_comment(record_kind, record_id);
`;

const REVIEW_FILE: SideFileKind = {
  applicationId: REVIEW_APPLICATION_ID,
  version: REVIEW_SCHEMA_VERSION,
  schema: REVIEW_SCHEMA,
  notOurs: (file) => new ParleyError('damaged', `The review comments kept for this case (${path.basename(file)}) are not in a form this Parley reads.`),
};

interface CommentRow {
  id: string;
  record_kind: ReviewableKind;
  record_id: string;
  text: string;
  author: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

/** Where the comments on a case live: named by a hash of its case id, so the file name says nothing about it. */
export function reviewFilePath(dataDir: string, caseId: string): string {
  const name = createHash('sha256').update(caseId).digest('hex').slice(0, 32);
  return path.join(dataDir, 'reviews', `${name}${REVIEW_FILE_EXTENSION}`);
}

export class ReviewNotes {
  private constructor(
    readonly file: string,
    private readonly db: Db,
  ) {}

  /**
   * Opens (or makes) the review file of a case. The comments of an encrypted case are as secret as the case:
   * `passphrase` encrypts their file the same way (null for a plain case).
   */
  static open(dataDir: string, caseId: string, passphrase: string | null): ReviewNotes {
    const file = reviewFilePath(dataDir, caseId);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = openSideDatabase(file, REVIEW_FILE, passphrase);
    return new ReviewNotes(file, db);
  }

  list(filter: { recordKind?: ReviewableKind; recordId?: string } = {}): ReviewComment[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM review_comment WHERE (@kind IS NULL OR record_kind = @kind) AND (@id IS NULL OR record_id = @id)
         ORDER BY created_at, rowid`,
      )
      .all({ kind: filter.recordKind ?? null, id: filter.recordId ?? null }) as CommentRow[];
    return rows.map(toComment);
  }

  add(recordKind: ReviewableKind, recordId: string, text: string, author: string): ReviewComment {
    const row: CommentRow = {
      id: randomUUID(), record_kind: recordKind, record_id: recordId, text, author, created_at: new Date().toISOString(), resolved_at: null, resolved_by: null,
    };
    this.db
      .prepare('INSERT INTO review_comment VALUES (@id, @record_kind, @record_id, @text, @author, @created_at, @resolved_at, @resolved_by)')
      .run(row);
    return toComment(row);
  }

  /** Marks a comment dealt with (or open again); it stays in the list. */
  resolve(id: string, resolved: boolean, actor: string): ReviewComment {
    this.find(id);
    this.db
      .prepare('UPDATE review_comment SET resolved_at = ?, resolved_by = ? WHERE id = ?')
      .run(resolved ? new Date().toISOString() : null, resolved ? actor : null, id);
    return this.find(id);
  }

  remove(id: string): void {
    this.find(id);
    this.db.prepare('DELETE FROM review_comment WHERE id = ?').run(id);
  }

  private find(id: string): ReviewComment {
    const row = this.db.prepare('SELECT * FROM review_comment WHERE id = ?').get(id) as CommentRow | undefined;
    if (!row) throw new ParleyError('not_found', 'There is no review comment with that id for this case.');
    return toComment(row);
  }

  close(): void {
    if (!this.db.open) return;
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // The comments are committed either way; folding the WAL in only tidies the folder.
    }
    this.db.close();
  }
}

function toComment(row: CommentRow): ReviewComment {
  return {
    id: row.id,
    recordKind: row.record_kind,
    recordId: row.record_id,
    text: row.text,
    author: row.author,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
  };
}
