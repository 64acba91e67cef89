-- Format 9: the official procedure (DESIGN.md "Official procedure"). Quota
-- caps: at most region_cap recommended units per 地市 (0: no cap) and the
-- caps per unit kind, one per line as written (基层学校>=30%). The 公示:
-- its first day (YYYY-MM-DD, '' until set), its length in working days and
-- who takes objections. calendar_day holds the campaign's own additions to
-- the shipped calendar of official holidays and 调休 working days.
ALTER TABLE campaign ADD COLUMN region_cap INTEGER NOT NULL DEFAULT 0 CHECK (region_cap >= 0);
ALTER TABLE campaign ADD COLUMN kind_quotas TEXT NOT NULL DEFAULT '';
ALTER TABLE campaign ADD COLUMN notice_start TEXT NOT NULL DEFAULT '';
ALTER TABLE campaign ADD COLUMN notice_days INTEGER NOT NULL DEFAULT 5 CHECK (notice_days BETWEEN 1 AND 100);
ALTER TABLE campaign ADD COLUMN objection_contact TEXT NOT NULL DEFAULT '';

CREATE TABLE calendar_day (
	day  TEXT PRIMARY KEY CHECK (length(day) = 10),
	kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
	note TEXT NOT NULL DEFAULT ''
);
