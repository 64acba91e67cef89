-- Format 10: the documents' body face (正文字体), 'fangsong' (仿宋) or 'song'
-- (宋体). A file made before has printed its documents in 宋体, so it keeps
-- 宋体 (the column's default) and a reprint matches the copies already
-- handed out; a new campaign is written with 仿宋 (store.InitCampaign).
ALTER TABLE campaign ADD COLUMN body_font TEXT NOT NULL DEFAULT 'song' CHECK (body_font IN ('fangsong', 'song'));
