-- Schema version 5 (as the file's 0005). A server has no journal to tell
-- apart, but the table is kept so that both schemas have the same tables and
-- a copy needs no special case.
CREATE TABLE file_identity (
	singleton bigint PRIMARY KEY CHECK (singleton = 1),
	token     text NOT NULL,
	writes    bigint NOT NULL DEFAULT 0
);
INSERT INTO file_identity (singleton, token) VALUES (1, replace(gen_random_uuid()::text, '-', ''));
