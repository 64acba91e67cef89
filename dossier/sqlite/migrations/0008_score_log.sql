-- Format 8: the tamper-evident score log (a hash chain of every score write,
-- decision, conflict change and rule change), the scoring state with the
-- locked rule's fingerprint, and the 复核 resolutions. The genesis record,
-- from the scores already in the file, is written by the program right
-- after this script (it needs SHA-256).
CREATE TABLE score_log (
	seq     INTEGER PRIMARY KEY CHECK (seq >= 1),
	at      TEXT NOT NULL,
	kind    TEXT NOT NULL,
	content TEXT NOT NULL,
	prev    TEXT NOT NULL,
	hash    TEXT NOT NULL
);

CREATE TABLE scoring (
	singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
	state       TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed')),
	fingerprint TEXT NOT NULL DEFAULT '',
	head_seq    INTEGER NOT NULL DEFAULT 0,
	head        TEXT NOT NULL DEFAULT '',
	outlier_pct INTEGER NOT NULL DEFAULT 15 CHECK (outlier_pct BETWEEN 1 AND 100)
);
INSERT INTO scoring (singleton) VALUES (1);

CREATE TABLE review_resolution (
	flag_id TEXT PRIMARY KEY,
	by      TEXT NOT NULL CHECK (by <> ''),
	note    TEXT NOT NULL CHECK (note <> ''),
	at      TEXT NOT NULL
);
