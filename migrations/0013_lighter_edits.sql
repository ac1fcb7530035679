-- An edit writes fewer pages (each one more to write and sync in every change's commit; docs/PERFORMANCE.md).
-- - change_head keeps the heads only of records that have several (concurrent changes merged from another copy): a
--   record's single head is its last change, read from the audit trail and the change log (ChangeLog.heads,
--   electron/core/store/change-log.ts). Rows of single heads that are their record's last change go.
-- - The audit trail's hash is no longer a UNIQUE column. Each entry's hash covers its seq, the primary key, so two
--   equal hashes would be a SHA-256 collision: the index only cost every change a page. verify recomputes every
--   hash and the chain as before. SQLite cannot drop a column's UNIQUE, so the table is rebuilt, entries unchanged;
--   its index by record is made before the entries are copied, so that its pages fill as they did (an index made
--   after would be packed full, and the next entries would split its pages).
-- - Likewise a change's id is no longer a UNIQUE column of change_log (a random SHA-256: the index cost a page per
--   change). A merge reads the ids a copy holds once, as a set (hasChange); verify finds a change held twice.
DELETE FROM change_head WHERE record_id IN (
  SELECT h.record_id FROM change_head h GROUP BY h.record_id
  HAVING count(*) = 1 AND max(h.change_id) = (
    SELECT c.change_id FROM audit_log a JOIN change_log c ON c.seq = a.seq WHERE a.record_id = h.record_id ORDER BY a.seq DESC LIMIT 1));

DROP INDEX audit_log_record;
CREATE TABLE audit_log_rebuilt (
  seq INTEGER PRIMARY KEY NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  operation TEXT NOT NULL CHECK (operation IN ('create', 'update', 'delete', 'restore', 'purge')),
  record_kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
  after_json TEXT CHECK (after_json IS NULL OR json_valid(after_json)),
  reason TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_record ON audit_log_rebuilt(record_id, seq);
INSERT INTO audit_log_rebuilt (seq, at, actor, operation, record_kind, record_id, before_json, after_json, reason, prev_hash, hash)
  SELECT seq, at, actor, operation, record_kind, record_id, before_json, after_json, reason, prev_hash, hash FROM audit_log ORDER BY seq;
DROP TABLE audit_log;
ALTER TABLE audit_log_rebuilt RENAME TO audit_log;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

CREATE TABLE change_log_rebuilt (
  seq INTEGER PRIMARY KEY NOT NULL, -- the audit entry's (verify checks each entry has its change)
  change_id TEXT NOT NULL CHECK (length(change_id) = 64),
  parents TEXT NOT NULL CHECK (json_valid(parents)),
  copy_id TEXT,
  patch TEXT CHECK (patch IS NULL OR json_valid(patch))
) STRICT;
INSERT INTO change_log_rebuilt (seq, change_id, parents, copy_id, patch)
  SELECT seq, change_id, parents, copy_id, patch FROM change_log ORDER BY seq;
DROP TABLE change_log;
ALTER TABLE change_log_rebuilt RENAME TO change_log;
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
