-- The scenario's own loop: a meeting is its date, the directive's dates are events, records keep their time of record.
-- - deadline.trigger_meeting_id: a rule-built deadline may count from a meeting (as from an event or a deadline);
-- - deadline.meeting_id: the "meeting" deadline of a meeting, dated by that meeting (one live one per meeting);
-- - event.directive_date: the event that is the directive's issued or received date, kept in step with it (one live
--   one each);
-- - recorded_on on notes, decisions and position changes: the day they record (the meeting's, unless the user sets
--   another), not the day they were typed. Concessions already have made_on. Existing rows are filled in by the core
--   through its write path when the file is first opened for editing, so that each fill is audited.
ALTER TABLE deadline ADD COLUMN trigger_meeting_id TEXT REFERENCES meeting(id);
ALTER TABLE deadline ADD COLUMN meeting_id TEXT REFERENCES meeting(id);
CREATE INDEX deadline_trigger_meeting_id ON deadline(trigger_meeting_id);
CREATE INDEX deadline_meeting_id ON deadline(meeting_id);
CREATE UNIQUE INDEX deadline_one_per_meeting ON deadline(meeting_id) WHERE deleted_at IS NULL AND meeting_id IS NOT NULL;
ALTER TABLE event ADD COLUMN directive_date TEXT CHECK (directive_date IS NULL OR directive_date IN ('issuedOn', 'receivedOn'));
CREATE UNIQUE INDEX event_one_per_directive_date ON event(directive_date) WHERE deleted_at IS NULL AND directive_date IS NOT NULL;
ALTER TABLE note ADD COLUMN recorded_on TEXT;
ALTER TABLE decision ADD COLUMN recorded_on TEXT;
ALTER TABLE position_change ADD COLUMN recorded_on TEXT;
