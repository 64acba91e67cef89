package store

import (
	"context"
	"database/sql"
)

// ReadCapture reads what a dialect's capture triggers noted in the
// transaction's log_score, log_decision and log_dirty tables, in the order
// noted, and empties them: the reading half of Dialect.Captured that the
// file's temporary tables and the server's session tables share.
func ReadCapture(ctx context.Context, tx *Tx) (Capture, error) {
	var c Capture
	rows, err := tx.QueryContext(ctx, `SELECT evaluator_id, unit_id, category_id, old, new FROM log_score ORDER BY seq`)
	if err != nil {
		return c, err
	}
	for rows.Next() {
		var sc ScoreChange
		var old, nw sql.NullInt64
		if err := rows.Scan(&sc.Evaluator, &sc.Unit, &sc.Category, &old, &nw); err != nil {
			rows.Close()
			return c, err
		}
		sc.Old, sc.New = nullInt(old), nullInt(nw)
		c.Scores = append(c.Scores, sc)
	}
	if err := rows.Close(); err != nil {
		return c, err
	}
	rows, err = tx.QueryContext(ctx, `SELECT unit_id, recommended, reason FROM log_decision ORDER BY seq`)
	if err != nil {
		return c, err
	}
	for rows.Next() {
		var d DecisionChange
		var rec sql.NullBool
		var reason sql.NullString
		if err := rows.Scan(&d.Unit, &rec, &reason); err != nil {
			rows.Close()
			return c, err
		}
		if rec.Valid {
			v := rec.Bool
			d.Recommended, d.Reason = &v, reason.String
		}
		c.Decisions = append(c.Decisions, d)
	}
	if err := rows.Close(); err != nil {
		return c, err
	}
	rows, err = tx.QueryContext(ctx, `SELECT tbl FROM log_dirty ORDER BY tbl`)
	if err != nil {
		return c, err
	}
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return c, err
		}
		c.Dirty = append(c.Dirty, t)
	}
	if err := rows.Close(); err != nil {
		return c, err
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM log_score; DELETE FROM log_decision; DELETE FROM log_dirty`)
	return c, err
}

func nullInt(v sql.NullInt64) *int64 {
	if !v.Valid {
		return nil
	}
	x := v.Int64
	return &x
}
