-- Parley case file, schema version 1: the whole domain of one directive.
-- Conventions: every record table is STRICT, keyed by a UUID, and carries version, created/updated time and
-- author, and a soft-delete stamp. Closed vocabularies are CHECK constraints so that a file edited with other
-- tools stays valid. Column names are the registry's field names in snake_case (shared/records.ts).

CREATE TABLE case_meta (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE directive (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  singleton INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1),
  title TEXT NOT NULL,
  reference_number TEXT,
  issuing_authority TEXT,
  legal_basis TEXT,
  authorities_cited TEXT CHECK (authorities_cited IS NULL OR json_valid(authorities_cited)),
  issued_on TEXT,
  received_on TEXT,
  subject TEXT,
  scope TEXT,
  our_organization TEXT,
  counterparty TEXT,
  summary TEXT,
  status TEXT NOT NULL CHECK (status IN ('received', 'under_review', 'contesting', 'negotiating', 'settled', 'complied', 'withdrawn', 'litigating')),
  risk TEXT CHECK (risk IS NULL OR risk IN ('low', 'medium', 'high', 'critical')),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
) STRICT;

CREATE TABLE party (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  name TEXT NOT NULL,
  party_kind TEXT NOT NULL CHECK (party_kind IN ('person', 'organization')),
  side TEXT NOT NULL CHECK (side IN ('ours', 'theirs', 'third_party')),
  role TEXT,
  organization TEXT,
  contact TEXT,
  notes TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
) STRICT;

CREATE TABLE event (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  title TEXT NOT NULL,
  event_kind TEXT NOT NULL CHECK (event_kind IN ('order_issued', 'order_received', 'statement', 'meeting_held', 'filing', 'correspondence', 'other')),
  occurred_on TEXT NOT NULL,
  occurred_time TEXT,
  time_zone TEXT,
  description TEXT,
  source TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
) STRICT;

CREATE TABLE deadline (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  title TEXT NOT NULL,
  deadline_kind TEXT NOT NULL CHECK (deadline_kind IN ('statutory', 'response', 'compliance', 'meeting', 'internal')),
  status TEXT NOT NULL CHECK (status IN ('open', 'done', 'waived', 'missed')),
  due_type TEXT NOT NULL CHECK (due_type IN ('date', 'datetime', 'tbd')),
  due_date TEXT,
  due_time TEXT,
  time_zone TEXT,
  due_at TEXT,
  window_start TEXT,
  window_end TEXT,
  confidence TEXT CHECK (confidence IS NULL OR confidence IN ('low', 'medium', 'high')),
  owner TEXT,
  owner_party_id TEXT REFERENCES party(id),
  rule TEXT CHECK (rule IS NULL OR json_valid(rule)),
  trigger_deadline_id TEXT REFERENCES deadline(id),
  trigger_event_id TEXT REFERENCES event(id),
  reminder_offsets_minutes TEXT CHECK (reminder_offsets_minutes IS NULL OR json_valid(reminder_offsets_minutes)),
  notes TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
) STRICT;
CREATE INDEX deadline_owner_party_id ON deadline(owner_party_id);
CREATE INDEX deadline_trigger_deadline_id ON deadline(trigger_deadline_id);
CREATE INDEX deadline_trigger_event_id ON deadline(trigger_event_id);

CREATE TABLE meeting (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  title TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned', 'held', 'cancelled', 'postponed')),
  meeting_date TEXT,
  start_time TEXT,
  end_time TEXT,
  time_zone TEXT,
  location TEXT,
  purpose TEXT,
  desired_outcome TEXT,
  agenda TEXT CHECK (agenda IS NULL OR json_valid(agenda)),
  summary TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
) STRICT;

CREATE TABLE attendee (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  meeting_id TEXT NOT NULL REFERENCES meeting(id),
  party_id TEXT REFERENCES party(id),
  name TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('ours', 'theirs', 'third_party')),
  role TEXT,
  attended INTEGER CHECK (attended IS NULL OR attended IN (0, 1)),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
) STRICT;
CREATE INDEX attendee_meeting_id ON attendee(meeting_id);
CREATE INDEX attendee_party_id ON attendee(party_id);

CREATE TABLE note (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  meeting_id TEXT REFERENCES meeting(id),
  body TEXT NOT NULL,
  taken_at TEXT,
  internal INTEGER CHECK (internal IS NULL OR internal IN (0, 1)),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
) STRICT;
CREATE INDEX note_meeting_id ON note(meeting_id);

CREATE TABLE decision (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  meeting_id TEXT NOT NULL REFERENCES meeting(id),
  issue_id TEXT REFERENCES negotiation_issue(id),
  text TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
) STRICT;
CREATE INDEX decision_meeting_id ON decision(meeting_id);
CREATE INDEX decision_issue_id ON decision(issue_id);

CREATE TABLE action_item (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  title TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
  meeting_id TEXT REFERENCES meeting(id),
  owner TEXT,
  owner_party_id TEXT REFERENCES party(id),
  due_date TEXT,
  is_commitment INTEGER CHECK (is_commitment IS NULL OR is_commitment IN (0, 1)),
  notes TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
) STRICT;
CREATE INDEX action_item_meeting_id ON action_item(meeting_id);
CREATE INDEX action_item_owner_party_id ON action_item(owner_party_id);

CREATE TABLE negotiation_issue (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  title TEXT NOT NULL,
  description TEXT,
  priority TEXT NOT NULL CHECK (priority IN ('critical', 'high', 'medium', 'low')),
  status TEXT NOT NULL CHECK (status IN ('open', 'proposed', 'agreed', 'rejected', 'parked')),
  our_interests TEXT,
  our_opening TEXT,
  our_target TEXT,
  our_walkaway TEXT,
  their_position TEXT,
  their_interests TEXT,
  sort_order INTEGER CHECK (sort_order IS NULL OR typeof(sort_order) = 'integer'),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
) STRICT;

CREATE TABLE position_change (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  issue_id TEXT NOT NULL REFERENCES negotiation_issue(id),
  side TEXT NOT NULL CHECK (side IN ('ours', 'theirs')),
  position TEXT NOT NULL CHECK (position IN ('opening', 'target', 'walkaway', 'stated')),
  previous_value TEXT,
  value TEXT,
  meeting_id TEXT REFERENCES meeting(id),
  reason TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
) STRICT;
CREATE INDEX position_change_issue_id ON position_change(issue_id);
CREATE INDEX position_change_meeting_id ON position_change(meeting_id);

CREATE TABLE concession (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  issue_id TEXT NOT NULL REFERENCES negotiation_issue(id),
  direction TEXT NOT NULL CHECK (direction IN ('given', 'received')),
  description TEXT NOT NULL,
  meeting_id TEXT REFERENCES meeting(id),
  made_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
) STRICT;
CREATE INDEX concession_issue_id ON concession(issue_id);
CREATE INDEX concession_meeting_id ON concession(meeting_id);

CREATE TABLE batna (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  side TEXT NOT NULL CHECK (side IN ('ours', 'theirs')),
  description TEXT NOT NULL,
  strength TEXT CHECK (strength IS NULL OR strength IN ('weak', 'moderate', 'strong')),
  notes TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
) STRICT;

CREATE TABLE precedent (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  title TEXT NOT NULL,
  precedent_type TEXT NOT NULL CHECK (precedent_type IN ('statute', 'regulation', 'court_decision', 'agency_action', 'earlier_directive', 'case_file', 'public_statement', 'other')),
  citation TEXT,
  decided_on TEXT,
  jurisdiction TEXT,
  summary TEXT,
  relevance TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
) STRICT;

CREATE TABLE watch_item (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  title TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('watching', 'triggered', 'closed')),
  description TEXT,
  indicators TEXT CHECK (indicators IS NULL OR json_valid(indicators)),
  implications TEXT,
  evidence TEXT,
  triggered_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
) STRICT;

CREATE TABLE draft (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  title TEXT NOT NULL,
  draft_type TEXT NOT NULL CHECK (draft_type IN ('meeting_brief', 'position_paper', 'letter', 'memo', 'other')),
  status TEXT NOT NULL CHECK (status IN ('working', 'final')),
  meeting_id TEXT REFERENCES meeting(id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
) STRICT;
CREATE INDEX draft_meeting_id ON draft(meeting_id);

CREATE TABLE draft_revision (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  draft_id TEXT NOT NULL REFERENCES draft(id),
  revision_number INTEGER NOT NULL CHECK (typeof(revision_number) = 'integer'),
  format TEXT NOT NULL CHECK (format IN ('markdown', 'html', 'prosemirror')),
  body TEXT NOT NULL,
  note TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
) STRICT;
CREATE INDEX draft_revision_draft_id ON draft_revision(draft_id);

CREATE TABLE link (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  from_kind TEXT NOT NULL CHECK (from_kind IN ('directive', 'party', 'event', 'deadline', 'meeting', 'attendee', 'note', 'decision', 'actionItem', 'issue', 'positionChange', 'concession', 'batna', 'precedent', 'watchItem', 'draft', 'draftRevision', 'attachment')),
  from_id TEXT NOT NULL,
  link_type TEXT NOT NULL CHECK (link_type IN ('supports', 'undermines', 'cites', 'analogous_to', 'responds_to')),
  to_kind TEXT NOT NULL CHECK (to_kind IN ('directive', 'party', 'event', 'deadline', 'meeting', 'attendee', 'note', 'decision', 'actionItem', 'issue', 'positionChange', 'concession', 'batna', 'precedent', 'watchItem', 'draft', 'draftRevision', 'attachment')),
  to_id TEXT NOT NULL,
  to_case_id TEXT,
  to_case_path TEXT,
  to_title TEXT,
  note TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
) STRICT;

CREATE TABLE attachment (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  description TEXT,
  size INTEGER NOT NULL CHECK (typeof(size) = 'integer'),
  sha256 TEXT NOT NULL,
  bytes BLOB NOT NULL DEFAULT x'',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
) STRICT;

CREATE INDEX deadline_due ON deadline(due_date) WHERE deleted_at IS NULL;
CREATE INDEX action_item_due ON action_item(status, due_date) WHERE deleted_at IS NULL;
CREATE INDEX meeting_date ON meeting(meeting_date) WHERE deleted_at IS NULL;
CREATE INDEX link_from ON link(from_id);
CREATE INDEX link_to ON link(to_id);
CREATE UNIQUE INDEX batna_one_per_side ON batna(side) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX draft_revision_number ON draft_revision(draft_id, revision_number);

-- The audit trail: one row per change, append-only, each row's hash covering the previous row's hash and a
-- canonical form of the row (see electron/core/audit.ts). The triggers stop ordinary edits; verify catches
-- anyone who drops them.
CREATE TABLE audit_log (
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
  hash TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX audit_log_record ON audit_log(record_id, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

-- Full-text search over every text field of every live record. search_doc maps a record to its FTS row.
CREATE TABLE search_doc (
  docid INTEGER PRIMARY KEY NOT NULL,
  record_kind TEXT NOT NULL,
  record_id TEXT NOT NULL UNIQUE
) STRICT;
CREATE VIRTUAL TABLE search_index USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2');
