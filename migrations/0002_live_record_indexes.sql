-- Each kind's live records as a small partial index: counting them (the case summary that case.open and case.info
-- return) then reads these indexes instead of every row of every table.
CREATE INDEX directive_live ON directive(deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX party_live ON party(deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX event_live ON event(deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX deadline_live ON deadline(deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX meeting_live ON meeting(deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX attendee_live ON attendee(deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX note_live ON note(deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX decision_live ON decision(deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX action_item_live ON action_item(deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX negotiation_issue_live ON negotiation_issue(deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX position_change_live ON position_change(deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX concession_live ON concession(deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX batna_live ON batna(deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX precedent_live ON precedent(deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX watch_item_live ON watch_item(deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX draft_live ON draft(deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX draft_revision_live ON draft_revision(deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX link_live ON link(deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX attachment_live ON attachment(deleted_at) WHERE deleted_at IS NULL;
