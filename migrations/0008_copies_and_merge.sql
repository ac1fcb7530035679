-- Copies of one case that merge (docs/ARCHITECTURE.md, "Copies and merging"). Every audit entry is also a change
-- with an id that is the same in every copy: the SHA-256 of what it did (its kind, record, operation, the fields it
-- wrote, the changes of the record it was made on, author, time, copy and reason). A change merged from another copy
-- is appended to this copy's audit trail with its original author and time, and keeps its id.
-- - change_log: one row per audit entry. `parents` are the record's changes it was made on (the record's heads then);
--   `copy_id` the copy it was made in (NULL before copies were told apart); `patch` the fields it wrote, kept only
--   where this copy's before and after do not show them (a merged change; a conflict resolved by keeping the shown
--   value). Rows of entries made before this migration are filled in by the core when the file is first opened for
--   editing, deterministically, so that two copies of an old file upgraded apart give their shared changes one id.
-- - change_head: each record's newest changes (more than one after concurrent changes were merged).
-- - case_copy: the copies changes were made in, by id, with a label people recognise.
-- - merge_conflict: a field two copies changed concurrently to different values, each value kept with who and
--   when (`sides`), until a change made on all of them resolves it. `field` '(deleted)' is a record deleted in one
--   copy and changed in another: brought back, flagged.
CREATE TABLE change_log (
  seq INTEGER PRIMARY KEY NOT NULL, -- the audit entry's (verify checks each entry has its change)
  change_id TEXT NOT NULL UNIQUE CHECK (length(change_id) = 64),
  parents TEXT NOT NULL CHECK (json_valid(parents)),
  copy_id TEXT,
  patch TEXT CHECK (patch IS NULL OR json_valid(patch))
) STRICT;
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;

CREATE TABLE change_head (
  record_id TEXT NOT NULL,
  change_id TEXT NOT NULL,
  PRIMARY KEY (record_id, change_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE case_copy (
  id TEXT PRIMARY KEY NOT NULL,
  label TEXT NOT NULL
) STRICT;

CREATE TABLE merge_conflict (
  id INTEGER PRIMARY KEY NOT NULL,
  record_kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  field TEXT NOT NULL,
  sides TEXT NOT NULL CHECK (json_valid(sides)),
  found_at TEXT NOT NULL,
  UNIQUE (record_id, field)
) STRICT;

-- A draft written in two copies at once gets revisions of the same number, one from each copy (merge/draft-revisions.ts
-- merges them into the next): the number no longer names one revision; revisions are ordered by number, time and id.
DROP INDEX draft_revision_number;
CREATE INDEX draft_revision_number ON draft_revision(draft_id, revision_number);

-- Records made before migration 0007 without their time of record, found through these at every opening for editing
-- (catch-up.ts): without them, finding that none is left read every note (75 ms for 20,000).
CREATE INDEX note_time_of_record_unfilled ON note(id) WHERE recorded_on IS NULL;
CREATE INDEX decision_time_of_record_unfilled ON decision(id) WHERE recorded_on IS NULL;
CREATE INDEX position_change_time_of_record_unfilled ON position_change(id) WHERE recorded_on IS NULL;
CREATE INDEX concession_time_of_record_unfilled ON concession(id) WHERE made_on IS NULL;
