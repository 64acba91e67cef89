package postgres

import _ "embed"

//go:embed capture.sql
var captureSQL string

// tempTablesSQL creates, once per session, the temporary tables the capture
// triggers of capture.sql fill during a write transaction (the same tables,
// and the same seq order column, as the file's armLogSQL creates).
const tempTablesSQL = `
CREATE TEMP TABLE IF NOT EXISTS log_score (evaluator_id text, unit_id text, category_id text, old bigint, new bigint, seq bigint GENERATED ALWAYS AS IDENTITY) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS log_decision (unit_id text, recommended bigint, reason text, seq bigint GENERATED ALWAYS AS IDENTITY) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS log_dirty (tbl text PRIMARY KEY) ON COMMIT DELETE ROWS;
`
