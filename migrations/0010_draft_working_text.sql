-- The text of a draft typed since its last revision (shared/records.ts, draft.workingBody): an editor document as
-- JSON, or NULL when the newest revision holds all of it. The editor saves it within a second of each pause; a new
-- revision takes it over (and clears it, in the same transaction) after a longer pause or when the writer leaves the
-- draft, so the draft's history holds one revision per pause in writing rather than one per second. One column, not
-- a body and a format: the editor only ever writes editor documents, and one field merges as one value.
ALTER TABLE draft ADD COLUMN working_body TEXT;
