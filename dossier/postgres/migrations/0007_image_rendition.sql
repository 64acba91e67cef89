-- Schema version 7 (as the file's 0007): smaller copies of stored pictures.
CREATE TABLE image_rendition (
	hash   text NOT NULL REFERENCES image (hash) ON DELETE CASCADE,
	width  bigint NOT NULL CHECK (width > 0),
	height bigint NOT NULL CHECK (height > 0),
	format text NOT NULL CHECK (format IN ('jpeg', 'png')),
	data   bytea NOT NULL CHECK (length(data) > 0),
	PRIMARY KEY (hash, width)
);
