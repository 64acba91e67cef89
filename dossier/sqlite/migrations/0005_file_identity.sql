-- The file's identity: a random token made when the file is created (and
-- anew in every backup), so that a journal (-wal) left beside a file can be
-- told to belong to it or not. Every write transaction bumps `writes`, so
-- the page holding this row is in every transaction a journal holds.
CREATE TABLE file_identity (
	singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
	token     TEXT NOT NULL,
	writes    INTEGER NOT NULL DEFAULT 0
);
INSERT INTO file_identity (singleton, token) VALUES (1, lower(hex(randomblob(16))));
