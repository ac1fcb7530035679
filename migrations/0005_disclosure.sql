-- Sharing choices: a person marks a record, or one field of it, shareable or internal (or back to the default the
-- registry gives, shared/records.ts), and every shareable brief, calendar and copy follows (shared/sharing.ts).
-- Append-only: the latest choice for a record or field is in force, the earlier ones are its history, and each is
-- audited like any record. record_id names a record of any kind, so it is checked by the core, not a foreign key.
CREATE TABLE disclosure (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  record_kind TEXT NOT NULL CHECK (record_kind IN ('directive', 'party', 'event', 'deadline', 'meeting', 'attendee', 'note', 'decision', 'actionItem', 'issue', 'positionChange', 'concession', 'batna', 'precedent', 'watchItem', 'draft', 'draftRevision', 'attachment', 'link')),
  record_id TEXT NOT NULL,
  field TEXT,
  level TEXT NOT NULL CHECK (level IN ('internal', 'shareable', 'default')),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
) STRICT;
CREATE INDEX disclosure_record_id ON disclosure(record_id);
CREATE INDEX disclosure_live ON disclosure(deleted_at) WHERE deleted_at IS NULL;
