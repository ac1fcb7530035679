-- Whether a draft was prepared as the shareable variant of a meeting brief (no walk-away positions, no BATNA,
-- nothing marked internal), so that regenerating a section keeps to that variant and the Drafts screen shows it.
-- NULL on drafts made before this column: the app then judges by the brief itself (built shareable, it has no
-- BATNA section), as it did before.
ALTER TABLE draft ADD COLUMN shareable INTEGER CHECK (shareable IS NULL OR shareable IN (0, 1));
