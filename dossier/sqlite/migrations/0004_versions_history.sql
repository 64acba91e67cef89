-- Format version 4: every record the app edits carries a version, bumped by
-- each committed write, so a write based on an older copy is refused; and
-- every history entry keeps, as display text, what it replaced and what it
-- became, with what is needed to restore it.
ALTER TABLE campaign ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE category ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE indicator ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE evaluator ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE unit ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
-- subject names what changed; before_text and after_text are the full
-- replaced and new content in Chinese; undo is a JSON description of how to
-- bring back what the entry replaced (NULL: nothing to restore).
ALTER TABLE history ADD COLUMN subject TEXT NOT NULL DEFAULT '';
ALTER TABLE history ADD COLUMN before_text TEXT NOT NULL DEFAULT '';
ALTER TABLE history ADD COLUMN after_text TEXT NOT NULL DEFAULT '';
ALTER TABLE history ADD COLUMN undo TEXT;
