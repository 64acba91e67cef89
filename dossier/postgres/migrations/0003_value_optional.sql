-- Schema version 3 (as the file's 0003): an indicator may carry only a note.
ALTER TABLE indicator_value ALTER COLUMN value DROP NOT NULL;
ALTER TABLE indicator_value ADD CHECK (value IS NOT NULL OR note <> '');
