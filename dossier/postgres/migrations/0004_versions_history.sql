-- Schema version 4 (as the file's 0004): record versions for the version
-- check, and history entries with their before/after text and undo.
ALTER TABLE campaign ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE category ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE indicator ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE evaluator ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE unit ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE history ADD COLUMN subject text NOT NULL DEFAULT '';
ALTER TABLE history ADD COLUMN before_text text NOT NULL DEFAULT '';
ALTER TABLE history ADD COLUMN after_text text NOT NULL DEFAULT '';
ALTER TABLE history ADD COLUMN undo text;
