-- Fixes to the community side (issue 4 review).
-- A submission removed by a curator stays as a tombstone: the paper cannot be submitted again, and the removed
-- submission still counts toward its submitter's daily limit. NULL while the submission stands.
ALTER TABLE submission ADD COLUMN removed_at BIGINT;
-- Search, profiles and digests drop hidden papers: the few hidden ids are read through this index.
CREATE INDEX feed_entry_hidden ON feed_entry (hidden);
-- New handles must not be an imported submitter's name (feed_entry.submitted_by).
CREATE INDEX feed_entry_submitted_by ON feed_entry (submitted_by);
