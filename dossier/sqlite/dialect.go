package sqlite

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/dossier-app/dossier/dossier/store"
	msqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// dialect is SQLite's side of store.Dialect.
type dialect struct{ state *fileState }

// Rebind keeps SQLite's own ? placeholders.
func (dialect) Rebind(q string) string { return q }

// Classify maps SQLite's failures to Chinese errors naming the file (the
// wrapping driver has already done so for every error it saw).
func (d dialect) Classify(err error) error { return d.state.userError(err) }

// IsUnique reports a UNIQUE constraint failure.
func (dialect) IsUnique(err error) bool {
	var se *msqlite.Error
	if errors.As(err, &se) {
		return se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	return strings.Contains(err.Error(), "UNIQUE constraint failed")
}

// SchemaVersion reads the header's user_version.
func (dialect) SchemaVersion(ctx context.Context, q store.Querier) (int, error) {
	var v int
	err := q.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v)
	return v, err
}

// SetSchemaVersion writes the header's user_version.
func (dialect) SetSchemaVersion(ctx context.Context, tx *store.Tx, v int) error {
	_, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, v))
	return err
}

// captureSQL creates, on the writing connection only, the temporary tables
// and triggers that note every change the transaction makes to scores,
// decisions and the tables the rule's fingerprint reads. A write from
// another program (sqlite3) fires none of them.
const captureSQL = `
CREATE TEMP TABLE IF NOT EXISTS log_score (seq INTEGER PRIMARY KEY, evaluator_id TEXT, unit_id TEXT, category_id TEXT, old INTEGER, new INTEGER);
CREATE TEMP TABLE IF NOT EXISTS log_decision (seq INTEGER PRIMARY KEY, unit_id TEXT, recommended INTEGER, reason TEXT);
CREATE TEMP TABLE IF NOT EXISTS log_dirty (tbl TEXT PRIMARY KEY);
CREATE TEMP TRIGGER IF NOT EXISTS log_score_i AFTER INSERT ON main.score BEGIN
	INSERT INTO log_score (evaluator_id, unit_id, category_id, old, new) VALUES (NEW.evaluator_id, NEW.unit_id, NEW.category_id, NULL, NEW.tenths); END;
CREATE TEMP TRIGGER IF NOT EXISTS log_score_u AFTER UPDATE ON main.score BEGIN
	INSERT INTO log_score (evaluator_id, unit_id, category_id, old, new) VALUES (OLD.evaluator_id, OLD.unit_id, OLD.category_id, OLD.tenths, NULL);
	INSERT INTO log_score (evaluator_id, unit_id, category_id, old, new) VALUES (NEW.evaluator_id, NEW.unit_id, NEW.category_id, NULL, NEW.tenths); END;
CREATE TEMP TRIGGER IF NOT EXISTS log_score_d AFTER DELETE ON main.score BEGIN
	INSERT INTO log_score (evaluator_id, unit_id, category_id, old, new) VALUES (OLD.evaluator_id, OLD.unit_id, OLD.category_id, OLD.tenths, NULL); END;
CREATE TEMP TRIGGER IF NOT EXISTS log_decision_i AFTER INSERT ON main.decision BEGIN
	INSERT INTO log_decision (unit_id, recommended, reason) VALUES (NEW.unit_id, NEW.recommended, NEW.reason); END;
CREATE TEMP TRIGGER IF NOT EXISTS log_decision_u AFTER UPDATE ON main.decision BEGIN
	INSERT INTO log_decision (unit_id, recommended, reason) VALUES (OLD.unit_id, NULL, NULL);
	INSERT INTO log_decision (unit_id, recommended, reason) VALUES (NEW.unit_id, NEW.recommended, NEW.reason); END;
CREATE TEMP TRIGGER IF NOT EXISTS log_decision_d AFTER DELETE ON main.decision BEGIN
	INSERT INTO log_decision (unit_id, recommended, reason) VALUES (OLD.unit_id, NULL, NULL); END;
CREATE TEMP TRIGGER IF NOT EXISTS log_dirty_campaign AFTER UPDATE ON main.campaign BEGIN
	INSERT INTO log_dirty VALUES ('rule') ON CONFLICT DO NOTHING; END;
CREATE TEMP TRIGGER IF NOT EXISTS log_dirty_cat_i AFTER INSERT ON main.category BEGIN INSERT INTO log_dirty VALUES ('rule') ON CONFLICT DO NOTHING; END;
CREATE TEMP TRIGGER IF NOT EXISTS log_dirty_cat_u AFTER UPDATE ON main.category BEGIN INSERT INTO log_dirty VALUES ('rule') ON CONFLICT DO NOTHING; END;
CREATE TEMP TRIGGER IF NOT EXISTS log_dirty_cat_d AFTER DELETE ON main.category BEGIN INSERT INTO log_dirty VALUES ('rule') ON CONFLICT DO NOTHING; END;
CREATE TEMP TRIGGER IF NOT EXISTS log_dirty_ev_i AFTER INSERT ON main.evaluator BEGIN INSERT INTO log_dirty VALUES ('rule') ON CONFLICT DO NOTHING; END;
CREATE TEMP TRIGGER IF NOT EXISTS log_dirty_ev_u AFTER UPDATE ON main.evaluator BEGIN INSERT INTO log_dirty VALUES ('rule') ON CONFLICT DO NOTHING; END;
CREATE TEMP TRIGGER IF NOT EXISTS log_dirty_ev_d AFTER DELETE ON main.evaluator BEGIN INSERT INTO log_dirty VALUES ('rule') ON CONFLICT DO NOTHING; END;
CREATE TEMP TRIGGER IF NOT EXISTS log_dirty_co_i AFTER INSERT ON main.conflict_override BEGIN INSERT INTO log_dirty VALUES ('rule') ON CONFLICT DO NOTHING; END;
CREATE TEMP TRIGGER IF NOT EXISTS log_dirty_co_u AFTER UPDATE ON main.conflict_override BEGIN INSERT INTO log_dirty VALUES ('rule') ON CONFLICT DO NOTHING; END;
CREATE TEMP TRIGGER IF NOT EXISTS log_dirty_co_d AFTER DELETE ON main.conflict_override BEGIN INSERT INTO log_dirty VALUES ('rule') ON CONFLICT DO NOTHING; END;
CREATE TEMP TRIGGER IF NOT EXISTS log_dirty_unit_i AFTER INSERT ON main.unit BEGIN INSERT INTO log_dirty VALUES ('unit') ON CONFLICT DO NOTHING; END;
CREATE TEMP TRIGGER IF NOT EXISTS log_dirty_unit_u AFTER UPDATE OF code, name, region, recommender ON main.unit
	WHEN OLD.code IS NOT NEW.code OR OLD.name IS NOT NEW.name OR OLD.region IS NOT NEW.region OR OLD.recommender IS NOT NEW.recommender
	BEGIN INSERT INTO log_dirty VALUES ('unit') ON CONFLICT DO NOTHING; END;
CREATE TEMP TRIGGER IF NOT EXISTS log_dirty_unit_d AFTER DELETE ON main.unit BEGIN INSERT INTO log_dirty VALUES ('unit') ON CONFLICT DO NOTHING; END;
`

// ArmCapture creates the capture triggers (once per connection; they
// stay for its life).
func (dialect) ArmCapture(ctx context.Context, tx *store.Tx) error {
	_, err := tx.ExecContext(ctx, captureSQL)
	return err
}

// Captured reads what the triggers noted, in the order noted, and clears
// it.
func (dialect) Captured(ctx context.Context, tx *store.Tx) (store.Capture, error) {
	return store.ReadCapture(ctx, tx)
}
