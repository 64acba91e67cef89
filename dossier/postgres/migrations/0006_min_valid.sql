-- Schema version 6 (as the file's 0006): the minimum number of valid totals.
ALTER TABLE campaign ADD COLUMN min_valid bigint NOT NULL DEFAULT 1 CHECK (min_valid >= 1);
