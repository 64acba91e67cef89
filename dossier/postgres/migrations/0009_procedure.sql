-- Schema version 9 (as the file's 0009): quota caps, the 公示 and the
-- campaign's own additions to the shipped calendar.
ALTER TABLE campaign ADD COLUMN region_cap bigint NOT NULL DEFAULT 0 CHECK (region_cap >= 0);
ALTER TABLE campaign ADD COLUMN kind_quotas text NOT NULL DEFAULT '';
ALTER TABLE campaign ADD COLUMN notice_start text NOT NULL DEFAULT '';
ALTER TABLE campaign ADD COLUMN notice_days bigint NOT NULL DEFAULT 5 CHECK (notice_days BETWEEN 1 AND 100);
ALTER TABLE campaign ADD COLUMN objection_contact text NOT NULL DEFAULT '';

CREATE TABLE calendar_day (
	day  text PRIMARY KEY CHECK (length(day) = 10),
	kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
	note text NOT NULL DEFAULT ''
);
