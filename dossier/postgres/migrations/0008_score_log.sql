-- Schema version 8 (as the file's 0008): the score log, the scoring state,
-- the 复核 resolutions. "by" is a reserved word in PostgreSQL: quoted here,
-- and in every statement the store makes (SQLite reads "by" the same).
CREATE TABLE score_log (
	seq     bigint PRIMARY KEY CHECK (seq >= 1),
	at      text NOT NULL,
	kind    text NOT NULL,
	content text NOT NULL,
	prev    text NOT NULL,
	hash    text NOT NULL,
	login   text NOT NULL DEFAULT session_user
);

CREATE TABLE scoring (
	singleton   bigint PRIMARY KEY CHECK (singleton = 1),
	state       text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed')),
	fingerprint text NOT NULL DEFAULT '',
	head_seq    bigint NOT NULL DEFAULT 0,
	head        text NOT NULL DEFAULT '',
	outlier_pct bigint NOT NULL DEFAULT 15 CHECK (outlier_pct BETWEEN 1 AND 100)
);
INSERT INTO scoring (singleton) VALUES (1);

CREATE TABLE review_resolution (
	flag_id text PRIMARY KEY,
	"by"    text NOT NULL CHECK ("by" <> ''),
	note    text NOT NULL CHECK (note <> ''),
	at      text NOT NULL
);
