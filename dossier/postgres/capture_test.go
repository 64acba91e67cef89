package postgres

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// The server notes an evaluator's score change in the session's log tables,
// in order, and a session without them writes unnoted; every committed
// change notifies dossier_changed.
func TestCaptureAndNotify(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	listener := connect(t, f.url)
	if _, err := listener.Exec(ctx, `LISTEN dossier_changed`); err != nil {
		t.Fatal(err)
	}
	c := connect(t, f.logins["evaluator"])
	if _, err := c.Exec(ctx, tempTablesSQL); err != nil {
		t.Fatal(err)
	}
	tx, err := c.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE score SET tenths = 170 WHERE evaluator_id = '` + evA + `'`,
		`DELETE FROM score WHERE evaluator_id = '` + evA + `'`,
	} {
		if _, err := tx.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	rows, _ := tx.Query(ctx, `SELECT coalesce(old, -1), coalesce(new, -1) FROM log_score ORDER BY seq`)
	got, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) ([2]int64, error) {
		var p [2]int64
		return p, r.Scan(&p[0], &p[1])
	})
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]int64{{150, -1}, {-1, 170}, {170, -1}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("log_score = %v, want %v", got, want)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if n, err := listener.WaitForNotification(wctx); err != nil || n.Channel != "dossier_changed" {
		t.Fatalf("no notification within 2 s: %v", err)
	}
	// Another session without the log tables (psql, say) is not captured.
	other := connect(t, f.logins["evaluatorB"])
	if _, err := other.Exec(ctx, `UPDATE score SET tenths = 1 WHERE evaluator_id = '`+evB+`'`); err != nil {
		t.Fatal(err)
	}
}
