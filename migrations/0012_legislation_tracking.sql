-- A watch item that tracks a bill or an agency's rule (shared/records.ts, shared/legislation.ts): what it is, its
-- number, the body it is before, its stage, sponsors, a source, when to check it again and how likely it seems; and
-- the times the core keeps of its last stage change and of its being marked triggered. An issue keeps when it was
-- last reviewed and by whom: an issue linked to a watch item that moved since needs a review
-- (electron/core/review-prompts.ts). Plain columns, each merging per field like any other.
ALTER TABLE watch_item ADD COLUMN measure TEXT CHECK (measure IS NULL OR measure IN ('bill', 'rule', 'other'));
ALTER TABLE watch_item ADD COLUMN bill_or_rule_number TEXT;
ALTER TABLE watch_item ADD COLUMN jurisdiction TEXT;
ALTER TABLE watch_item ADD COLUMN stage TEXT CHECK (stage IS NULL OR stage IN (
  'introduced', 'in_committee', 'passed_one_chamber', 'passed_both_chambers', 'enacted', 'failed',
  'proposed_rule', 'comment_period_closed', 'final_rule', 'withdrawn'));
ALTER TABLE watch_item ADD COLUMN sponsors TEXT CHECK (sponsors IS NULL OR json_valid(sponsors));
ALTER TABLE watch_item ADD COLUMN source_reference TEXT;
ALTER TABLE watch_item ADD COLUMN check_by TEXT;
ALTER TABLE watch_item ADD COLUMN likelihood TEXT CHECK (likelihood IS NULL OR likelihood IN ('low', 'medium', 'high'));
ALTER TABLE watch_item ADD COLUMN stage_changed_at TEXT;
ALTER TABLE watch_item ADD COLUMN triggered_at TEXT;
ALTER TABLE negotiation_issue ADD COLUMN reviewed_at TEXT;
ALTER TABLE negotiation_issue ADD COLUMN reviewed_by TEXT;
-- The dashboard's checks due read watch items by their check-by date.
CREATE INDEX watch_item_check_by ON watch_item(check_by) WHERE deleted_at IS NULL AND check_by IS NOT NULL;
