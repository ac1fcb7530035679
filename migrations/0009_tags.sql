-- Tags on issues, precedents and watch items: the team's own short labels, a JSON array of distinct texts per record
-- (shared/records.ts). One column rather than a table of tags, so that a tag travels with its record through the
-- generic write path, the audit trail, search and export; a merge combines two copies' tags item by item
-- (merge/record-state.ts), so tags added in two copies at once are both kept without a conflict.
ALTER TABLE negotiation_issue ADD COLUMN tags TEXT CHECK (tags IS NULL OR json_valid(tags));
ALTER TABLE precedent ADD COLUMN tags TEXT CHECK (tags IS NULL OR json_valid(tags));
ALTER TABLE watch_item ADD COLUMN tags TEXT CHECK (tags IS NULL OR json_valid(tags));
