-- Smaller copies of stored pictures (dossier.Rendition), made at import, that documents embed instead of the
-- picture itself: about 300 and 150 ppi of the largest size the dossier prints a photo at. Derived data, keyed
-- by the picture's hash and the copy's width; the picture in image stays as it was stored.
CREATE TABLE image_rendition (
	hash   TEXT NOT NULL REFERENCES image (hash) ON DELETE CASCADE,
	width  INTEGER NOT NULL CHECK (width > 0),
	height INTEGER NOT NULL CHECK (height > 0),
	format TEXT NOT NULL CHECK (format IN ('jpeg', 'png')),
	data   BLOB NOT NULL CHECK (length(data) > 0),
	PRIMARY KEY (hash, width)
);
