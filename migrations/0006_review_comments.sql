-- Review comments that travelled back to the case: a reviewer exports the comments made in review mode (kept in
-- their own data folder, never in the case file) and the case's owner imports them here, each written with its
-- audit entry like any record. A comment names the record it is about by kind, id and the title it had, without
-- a foreign key: the record may have been deleted since. comment_id is the id the reviewer's Parley gave the
-- comment; its unique index is what makes importing the same comments again add nothing.
CREATE TABLE review_comment (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  comment_id TEXT NOT NULL CHECK (length(comment_id) = 36),
  record_kind TEXT NOT NULL CHECK (record_kind IN ('directive', 'party', 'event', 'deadline', 'meeting', 'attendee', 'note', 'decision', 'actionItem', 'issue', 'positionChange', 'concession', 'batna', 'precedent', 'watchItem', 'draft', 'draftRevision', 'link', 'attachment')),
  record_id TEXT NOT NULL,
  record_title TEXT NOT NULL,
  text TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  reviewed_at TEXT NOT NULL,
  reviewed_audit_head TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by TEXT,
  comments_sha256 TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
) STRICT;
CREATE UNIQUE INDEX review_comment_comment_id ON review_comment(comment_id);
CREATE INDEX review_comment_record_id ON review_comment(record_id);
CREATE INDEX review_comment_live ON review_comment(deleted_at) WHERE deleted_at IS NULL;
