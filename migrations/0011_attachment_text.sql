-- An attachment's place and its text (shared/records.ts, attachment). attached_to_kind and attached_to_id name the
-- record it is attached to, both NULL for the case itself; like a link's ends, a kind and an id rather than a foreign
-- key, since the record may be of any kind a link may reach. text_status says where the reading of its text stands
-- ('pending', 'extracted', 'none' for a type whose text is not read, 'failed'), extracted_text is what was read (for
-- search), text_error why it failed, in a sentence. Only the core writes these three, from the bytes, in a worker
-- thread (electron/core/attachments/). NULL text_status: an attachment made before this; the core reads its text the
-- next time the case is opened for editing.
ALTER TABLE attachment ADD COLUMN attached_to_kind TEXT CHECK (attached_to_kind IS NULL OR attached_to_kind IN ('directive', 'party', 'event', 'deadline', 'meeting', 'attendee', 'note', 'decision', 'actionItem', 'issue', 'positionChange', 'concession', 'batna', 'precedent', 'watchItem', 'draft', 'draftRevision', 'attachment'));
ALTER TABLE attachment ADD COLUMN attached_to_id TEXT CHECK ((attached_to_id IS NULL) = (attached_to_kind IS NULL));
ALTER TABLE attachment ADD COLUMN text_status TEXT CHECK (text_status IS NULL OR text_status IN ('pending', 'extracted', 'none', 'failed'));
ALTER TABLE attachment ADD COLUMN extracted_text TEXT;
ALTER TABLE attachment ADD COLUMN text_error TEXT;
CREATE INDEX attachment_attached_to ON attachment(attached_to_id) WHERE attached_to_id IS NOT NULL;
CREATE INDEX attachment_text_pending ON attachment(text_status) WHERE text_status = 'pending' OR text_status IS NULL;
