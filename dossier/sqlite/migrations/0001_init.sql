-- Dossier campaign file, format version 1.
CREATE TABLE schema_migration (
	version    INTEGER PRIMARY KEY,
	applied_at TEXT NOT NULL
);

CREATE TABLE campaign (
	singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
	id        TEXT NOT NULL CHECK (length(id) = 36),
	title     TEXT NOT NULL CHECK (title <> ''),
	organiser TEXT NOT NULL DEFAULT '',
	year      INTEGER NOT NULL DEFAULT 0 CHECK (year = 0 OR year BETWEEN 1900 AND 2200),
	date      TEXT NOT NULL DEFAULT '' CHECK (date = '' OR date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	quota     INTEGER NOT NULL DEFAULT 0 CHECK (quota >= 0),
	trim_min  INTEGER NOT NULL DEFAULT 5 CHECK (trim_min >= 3)
);

CREATE TABLE category (
	id          TEXT PRIMARY KEY CHECK (length(id) = 36),
	name        TEXT NOT NULL UNIQUE CHECK (name <> ''),
	slogan      TEXT NOT NULL DEFAULT '',
	description TEXT NOT NULL DEFAULT '',
	max_tenths  INTEGER NOT NULL CHECK (max_tenths BETWEEN 1 AND 10000),
	position    INTEGER NOT NULL,
	tie_break   INTEGER CHECK (tie_break IS NULL OR tie_break >= 0)
);

CREATE TABLE indicator (
	id          TEXT PRIMARY KEY CHECK (length(id) = 36),
	category_id TEXT NOT NULL REFERENCES category (id) ON DELETE RESTRICT,
	name        TEXT NOT NULL CHECK (name <> ''),
	unit        TEXT NOT NULL DEFAULT '',
	direction   TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower')),
	position    INTEGER NOT NULL,
	UNIQUE (category_id, name)
);

CREATE TABLE unit (
	id          TEXT PRIMARY KEY CHECK (length(id) = 36),
	code        TEXT NOT NULL UNIQUE CHECK (code <> ''),
	name        TEXT NOT NULL CHECK (name <> ''),
	region      TEXT NOT NULL DEFAULT '',
	kind        TEXT NOT NULL DEFAULT '',
	recommender TEXT NOT NULL DEFAULT '',
	contact     TEXT NOT NULL DEFAULT '',
	phone       TEXT NOT NULL DEFAULT '',
	title       TEXT NOT NULL DEFAULT '',
	summary     TEXT NOT NULL DEFAULT '',
	status      TEXT NOT NULL DEFAULT '已受理' CHECK (status IN ('已受理', '材料待补', '已撤回')),
	revision    INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL
);
CREATE INDEX unit_name ON unit (name);

CREATE TABLE achievement (
	unit_id     TEXT NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
	position    INTEGER NOT NULL,
	category_id TEXT NOT NULL REFERENCES category (id) ON DELETE RESTRICT,
	heading     TEXT NOT NULL DEFAULT '',
	body        TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (unit_id, position)
);

CREATE TABLE indicator_value (
	unit_id      TEXT NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
	indicator_id TEXT NOT NULL REFERENCES indicator (id) ON DELETE RESTRICT,
	value        REAL NOT NULL,
	note         TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (unit_id, indicator_id)
);

-- Images are stored once by content hash: photos and revision snapshots refer to them.
CREATE TABLE image (
	hash   TEXT PRIMARY KEY CHECK (length(hash) = 64),
	format TEXT NOT NULL CHECK (format IN ('jpeg', 'png')),
	width  INTEGER NOT NULL CHECK (width > 0),
	height INTEGER NOT NULL CHECK (height > 0),
	data   BLOB NOT NULL
);

CREATE TABLE photo (
	id          TEXT PRIMARY KEY CHECK (length(id) = 36),
	unit_id     TEXT NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
	category_id TEXT REFERENCES category (id) ON DELETE RESTRICT,
	position    INTEGER NOT NULL,
	caption     TEXT NOT NULL DEFAULT '',
	image_hash  TEXT NOT NULL REFERENCES image (hash) ON DELETE RESTRICT
);
CREATE INDEX photo_unit ON photo (unit_id, position);

CREATE TABLE evaluator (
	id          TEXT PRIMARY KEY CHECK (length(id) = 36),
	name        TEXT NOT NULL UNIQUE CHECK (name <> ''),
	affiliation TEXT NOT NULL DEFAULT '',
	region      TEXT NOT NULL DEFAULT '',
	role        TEXT NOT NULL DEFAULT '',
	position    INTEGER NOT NULL
);

CREATE TABLE conflict_override (
	evaluator_id TEXT NOT NULL REFERENCES evaluator (id) ON DELETE CASCADE,
	unit_id      TEXT NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
	conflict     INTEGER NOT NULL CHECK (conflict IN (0, 1)),
	reason       TEXT NOT NULL CHECK (reason <> ''),
	at           TEXT NOT NULL,
	PRIMARY KEY (evaluator_id, unit_id)
);

CREATE TABLE decision (
	unit_id     TEXT PRIMARY KEY REFERENCES unit (id) ON DELETE CASCADE,
	recommended INTEGER NOT NULL CHECK (recommended IN (0, 1)),
	reason      TEXT NOT NULL CHECK (reason <> ''),
	at          TEXT NOT NULL
);

CREATE TABLE score (
	evaluator_id TEXT NOT NULL REFERENCES evaluator (id) ON DELETE RESTRICT,
	unit_id      TEXT NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
	category_id  TEXT NOT NULL REFERENCES category (id) ON DELETE RESTRICT,
	tenths       INTEGER NOT NULL CHECK (tenths BETWEEN 0 AND 10000),
	PRIMARY KEY (unit_id, evaluator_id, category_id)
);

CREATE TABLE comment (
	evaluator_id TEXT NOT NULL REFERENCES evaluator (id) ON DELETE RESTRICT,
	unit_id      TEXT NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
	text         TEXT NOT NULL,
	PRIMARY KEY (unit_id, evaluator_id)
);

-- A unit's earlier states: a JSON snapshot of the unit and its material,
-- photos by image hash.
CREATE TABLE revision (
	unit_id  TEXT NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
	revision INTEGER NOT NULL,
	at       TEXT NOT NULL,
	source   TEXT NOT NULL DEFAULT '',
	snapshot TEXT NOT NULL,
	PRIMARY KEY (unit_id, revision)
);

CREATE TABLE history (
	id      INTEGER PRIMARY KEY AUTOINCREMENT,
	at      TEXT NOT NULL,
	action  TEXT NOT NULL,
	unit_id TEXT,
	source  TEXT NOT NULL DEFAULT '',
	detail  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX history_unit ON history (unit_id);
