-- Schema version 2 (as the file's 0002): an edit keeps what it replaced.
ALTER TABLE history ADD COLUMN before text;
