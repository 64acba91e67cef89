-- Format version 3: an indicator may carry only a note (说明) when the unit
-- has no exact figure for it; value is then NULL. SQLite cannot drop a NOT
-- NULL constraint, so the table is rebuilt.
CREATE TABLE indicator_value_new (
	unit_id      TEXT NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
	indicator_id TEXT NOT NULL REFERENCES indicator (id) ON DELETE RESTRICT,
	value        REAL,
	note         TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (unit_id, indicator_id),
	CHECK (value IS NOT NULL OR note <> '')
);
INSERT INTO indicator_value_new (unit_id, indicator_id, value, note)
	SELECT unit_id, indicator_id, value, note FROM indicator_value;
DROP TABLE indicator_value;
ALTER TABLE indicator_value_new RENAME TO indicator_value;
