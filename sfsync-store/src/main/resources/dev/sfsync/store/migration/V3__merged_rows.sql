-- Merge syncs end a group's child rows as MERGED (issue 17); runs count them like the other outcomes.
ALTER TABLE runs ADD COLUMN merged_rows BIGINT;
