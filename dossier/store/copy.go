package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/dossier-app/dossier/dossier"
)

// copyTables are the campaign's tables in the order a copy writes them,
// each before the tables that refer to it. schema_migration and
// file_identity belong to the container (its schema version, a file's
// identity) and are not copied; neither is what exists in one container
// only (a server's account table, its login columns).
var copyTables = []string{
	"campaign", "calendar_day", "category", "indicator", "unit", "achievement", "indicator_value", "image", "image_rendition",
	"photo", "evaluator", "conflict_override", "decision", "score", "comment", "revision", "history", "score_log",
	"scoring", "review_resolution",
}

// CopyTables lists the tables CopyTo copies, parents first.
func CopyTables() []string { return append([]string(nil), copyTables...) }

// Snapshotter is a Backend whose reads need options to see one consistent
// state across tables (a server: repeatable read).
type Snapshotter interface {
	ReadSnapshot() *sql.TxOptions
}

// CopyFinisher is a Backend with work to do around a copy into it: before
// the rows come (a server switches its triggers off) and after they came
// with their ids (it moves its identity sequences past them).
type CopyFinisher interface {
	BeforeCopy(ctx context.Context, tx *Tx) error
	AfterCopy(ctx context.Context, tx *Tx) error
}

// copyBatch is how many rows one INSERT carries: under both SQLite's and
// PostgreSQL's limit on parameters for the widest table.
const copyBatch = 200

// CopyTo replaces everything in dst, a campaign just created, by s's
// content, row for row with the same ids (units, scores, history entries,
// score-log records, revisions, pictures…), in one transaction of dst, from
// one consistent read of s. The copy is verbatim: it is neither logged nor
// recorded in the history, so the score log still replays and the ranking
// and documents come out the same byte for byte.
func (s *Store) CopyTo(ctx context.Context, dst *Store) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("copy to %s: %w", dst.b.Where(), dst.d.Classify(err))
		}
	}()
	if dst.w == nil {
		return dossier.Errorf(dossier.EREADONLY, "%s 为只读，不能复制到这里", dst.b.Where())
	}
	src, err := s.r.pool.BeginTx(ctx, s.r.readOptions())
	if err != nil {
		return err
	}
	defer src.Rollback()
	tx, err := dst.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// The capture triggers see the copied rows; what they note is dropped
	// below: a verbatim copy is no change to log.
	if err := dst.d.ArmCapture(ctx, tx); err != nil {
		return err
	}
	fin, _ := dst.b.(CopyFinisher)
	if fin != nil {
		if err := fin.BeforeCopy(ctx, tx); err != nil {
			return err
		}
	}
	for i := len(copyTables) - 1; i >= 0; i-- {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+copyTables[i]); err != nil {
			return fmt.Errorf("empty %s: %w", copyTables[i], err)
		}
	}
	for _, t := range copyTables {
		if err := copyTable(ctx, src, tx, t); err != nil {
			return fmt.Errorf("copy %s: %w", t, err)
		}
	}
	if _, err := dst.d.Captured(ctx, tx); err != nil {
		return err
	}
	if fin != nil {
		if err := fin.AfterCopy(ctx, tx); err != nil {
			return err
		}
	}
	if err := dst.b.BeforeCommit(ctx, tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	dst.gen.Add(1)
	dst.b.AfterCommit()
	return nil
}

// columns lists a table's columns as a query sees them.
func columns(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, table string) ([]string, error) {
	rows, err := q.QueryContext(ctx, "SELECT * FROM "+table+" WHERE 1 = 0")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return rows.Columns()
}

// copyTable copies the columns both sides have, in the source's own order
// of rows (which queries without ORDER BY then see alike), a batch of rows
// per INSERT.
func copyTable(ctx context.Context, src *sql.Tx, tx *Tx, table string) error {
	have, err := columns(ctx, src, table)
	if err != nil {
		return err
	}
	want, err := columns(ctx, tx, table)
	if err != nil {
		return err
	}
	in := map[string]bool{}
	for _, c := range want {
		in[c] = true
	}
	var cols []string
	for _, c := range have {
		if in[c] {
			cols = append(cols, c)
		}
	}
	for _, c := range want {
		if !contains(have, c) && !dstOnly[table+"."+c] {
			return fmt.Errorf("column %s.%s missing in the source", table, c)
		}
	}
	rows, err := src.QueryContext(ctx, "SELECT "+quoteCols(cols)+" FROM "+table)
	if err != nil {
		return err
	}
	defer rows.Close()
	var batch []any
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		n := len(batch) / len(cols)
		one := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
		q := "INSERT INTO " + table + " (" + quoteCols(cols) + ") VALUES " + strings.TrimSuffix(strings.Repeat(one+", ", n), ", ")
		_, err := tx.ExecContext(ctx, q, batch...)
		batch = batch[:0]
		return err
	}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		batch = append(batch, vals...)
		if len(batch) >= copyBatch*len(cols) {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return flush()
}

// dstOnly are the columns only a server has (the login that wrote a history
// entry or a score-log record: filled by the server on the way in).
var dstOnly = map[string]bool{"history.login": true, "score_log.login": true}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// quoteCols quotes each column ("by" is a reserved word in PostgreSQL).
func quoteCols(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = `"` + c + `"`
	}
	return strings.Join(q, ", ")
}
