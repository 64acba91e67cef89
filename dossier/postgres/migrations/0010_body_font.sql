-- Schema version 10 (as the file's 0010): the documents' body face, 'song'
-- for a campaign made before it (what it printed), 'fangsong' for a new one.
ALTER TABLE campaign ADD COLUMN body_font text NOT NULL DEFAULT 'song' CHECK (body_font IN ('fangsong', 'song'));
