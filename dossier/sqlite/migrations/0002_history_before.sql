-- Format version 2: an edit made in the app keeps what it replaced.
-- history.before holds a JSON snapshot of the unit (material included,
-- photos by image hash) taken just before the edit; NULL for other events.
ALTER TABLE history ADD COLUMN before TEXT;
