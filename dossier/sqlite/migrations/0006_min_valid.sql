-- Format version 6: the campaign's minimum number of valid totals for a unit
-- to be ranked (DESIGN.md "Command line", settings --min-valid; default 1).
ALTER TABLE campaign ADD COLUMN min_valid INTEGER NOT NULL DEFAULT 1 CHECK (min_valid >= 1);
