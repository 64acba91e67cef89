-- Dossier campaign on PostgreSQL, schema version 1: the twin of the file's
-- dossier/sqlite/migrations/0001_init.sql, table for table and column for
-- column, so that a campaign copies both ways unchanged. Integers are bigint,
-- pictures bytea, history's rowid an identity column. Written by the
-- clerks' group role (see security.sql), which owns every table.
-- The file compares 申报编号 and names with SQLite's NOCASE; the store's
-- queries say COLLATE NOCASE, which PostgreSQL reads as this collation.
CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
-- SQLite adds a comparison to a number as 0 or 1 (version + (position <> ?)).
CREATE FUNCTION dossier_plus_bool(bigint, boolean) RETURNS bigint LANGUAGE sql IMMUTABLE
	AS 'SELECT $1 + $2::int';
CREATE OPERATOR + (LEFTARG = bigint, RIGHTARG = boolean, FUNCTION = dossier_plus_bool);

CREATE TABLE schema_migration (
	version    bigint PRIMARY KEY,
	applied_at text NOT NULL
);

CREATE TABLE campaign (
	singleton bigint PRIMARY KEY CHECK (singleton = 1),
	id        text NOT NULL CHECK (length(id) = 36),
	title     text NOT NULL CHECK (title <> ''),
	organiser text NOT NULL DEFAULT '',
	year      bigint NOT NULL DEFAULT 0 CHECK (year = 0 OR year BETWEEN 1900 AND 2200),
	date      text NOT NULL DEFAULT '' CHECK (date = '' OR date ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
	quota     bigint NOT NULL DEFAULT 0 CHECK (quota >= 0),
	trim_min  bigint NOT NULL DEFAULT 5 CHECK (trim_min >= 3)
);

CREATE TABLE category (
	id          text PRIMARY KEY CHECK (length(id) = 36),
	name        text NOT NULL UNIQUE CHECK (name <> ''),
	slogan      text NOT NULL DEFAULT '',
	description text NOT NULL DEFAULT '',
	max_tenths  bigint NOT NULL CHECK (max_tenths BETWEEN 1 AND 10000),
	position    bigint NOT NULL,
	tie_break   bigint CHECK (tie_break IS NULL OR tie_break >= 0)
);

CREATE TABLE indicator (
	id          text PRIMARY KEY CHECK (length(id) = 36),
	category_id text NOT NULL REFERENCES category (id) ON DELETE RESTRICT,
	name        text NOT NULL CHECK (name <> ''),
	unit        text NOT NULL DEFAULT '',
	direction   text NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower')),
	position    bigint NOT NULL,
	UNIQUE (category_id, name)
);

CREATE TABLE unit (
	id          text PRIMARY KEY CHECK (length(id) = 36),
	code        text NOT NULL UNIQUE CHECK (code <> ''),
	name        text NOT NULL CHECK (name <> ''),
	region      text NOT NULL DEFAULT '',
	kind        text NOT NULL DEFAULT '',
	recommender text NOT NULL DEFAULT '',
	contact     text NOT NULL DEFAULT '',
	phone       text NOT NULL DEFAULT '',
	title       text NOT NULL DEFAULT '',
	summary     text NOT NULL DEFAULT '',
	status      text NOT NULL DEFAULT '已受理' CHECK (status IN ('已受理', '材料待补', '已撤回')),
	revision    bigint NOT NULL DEFAULT 1 CHECK (revision >= 1),
	created_at  text NOT NULL,
	updated_at  text NOT NULL
);
CREATE INDEX unit_name ON unit (name);

CREATE TABLE achievement (
	unit_id     text NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
	position    bigint NOT NULL,
	category_id text NOT NULL REFERENCES category (id) ON DELETE RESTRICT,
	heading     text NOT NULL DEFAULT '',
	body        text NOT NULL DEFAULT '',
	PRIMARY KEY (unit_id, position)
);

CREATE TABLE indicator_value (
	unit_id      text NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
	indicator_id text NOT NULL REFERENCES indicator (id) ON DELETE RESTRICT,
	value        double precision NOT NULL,
	note         text NOT NULL DEFAULT '',
	PRIMARY KEY (unit_id, indicator_id)
);

CREATE TABLE image (
	hash   text PRIMARY KEY CHECK (length(hash) = 64),
	format text NOT NULL CHECK (format IN ('jpeg', 'png')),
	width  bigint NOT NULL CHECK (width > 0),
	height bigint NOT NULL CHECK (height > 0),
	data   bytea NOT NULL
);

CREATE TABLE photo (
	id          text PRIMARY KEY CHECK (length(id) = 36),
	unit_id     text NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
	category_id text REFERENCES category (id) ON DELETE RESTRICT,
	position    bigint NOT NULL,
	caption     text NOT NULL DEFAULT '',
	image_hash  text NOT NULL REFERENCES image (hash) ON DELETE RESTRICT
);
CREATE INDEX photo_unit ON photo (unit_id, position);

CREATE TABLE evaluator (
	id          text PRIMARY KEY CHECK (length(id) = 36),
	name        text NOT NULL UNIQUE CHECK (name <> ''),
	affiliation text NOT NULL DEFAULT '',
	region      text NOT NULL DEFAULT '',
	role        text NOT NULL DEFAULT '',
	position    bigint NOT NULL
);

CREATE TABLE conflict_override (
	evaluator_id text NOT NULL REFERENCES evaluator (id) ON DELETE CASCADE,
	unit_id      text NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
	conflict     bigint NOT NULL CHECK (conflict IN (0, 1)),
	reason       text NOT NULL CHECK (reason <> ''),
	at           text NOT NULL,
	PRIMARY KEY (evaluator_id, unit_id)
);

CREATE TABLE decision (
	unit_id     text PRIMARY KEY REFERENCES unit (id) ON DELETE CASCADE,
	recommended bigint NOT NULL CHECK (recommended IN (0, 1)),
	reason      text NOT NULL CHECK (reason <> ''),
	at          text NOT NULL
);

CREATE TABLE score (
	evaluator_id text NOT NULL REFERENCES evaluator (id) ON DELETE RESTRICT,
	unit_id      text NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
	category_id  text NOT NULL REFERENCES category (id) ON DELETE RESTRICT,
	tenths       bigint NOT NULL CHECK (tenths BETWEEN 0 AND 10000),
	PRIMARY KEY (unit_id, evaluator_id, category_id)
);
CREATE INDEX score_evaluator ON score (evaluator_id);

CREATE TABLE comment (
	evaluator_id text NOT NULL REFERENCES evaluator (id) ON DELETE RESTRICT,
	unit_id      text NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
	text         text NOT NULL,
	PRIMARY KEY (unit_id, evaluator_id)
);

CREATE TABLE revision (
	unit_id  text NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
	revision bigint NOT NULL,
	at       text NOT NULL,
	source   text NOT NULL DEFAULT '',
	snapshot text NOT NULL,
	PRIMARY KEY (unit_id, revision)
);

-- login: the server's record of who made each entry (session_user, forced
-- by a trigger for everyone but the clerks; see security.sql). The file has
-- no such column: a copy to a file leaves it behind.
CREATE TABLE history (
	id      bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	at      text NOT NULL,
	action  text NOT NULL,
	unit_id text,
	source  text NOT NULL DEFAULT '',
	detail  text NOT NULL DEFAULT '',
	login   text NOT NULL DEFAULT session_user
);
CREATE INDEX history_unit ON history (unit_id);

-- Who may log in to this campaign and as what (see security.sql); the
-- server's roles carry the rights, this table ties an evaluator login to
-- its 评委.
CREATE TABLE account (
	login        text PRIMARY KEY,
	role         text NOT NULL CHECK (role IN ('clerk', 'chair', 'evaluator')),
	evaluator_id text REFERENCES evaluator (id) ON DELETE RESTRICT,
	created_at   text NOT NULL,
	CHECK ((role = 'evaluator') = (evaluator_id IS NOT NULL))
);
