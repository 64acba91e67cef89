package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

// scoredStore is a campaign with two evaluators, one unit and three score
// writes: records 1 (genesis), 2 (the default categories), … as the log has
// them; it returns the path, closed.
func scoredStore(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	s, path := newStore(t)
	b, err := s.Book(ctx, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	u := fullUnit(b, "A-001", "郑州市教育局")
	if err := s.AddUnit(ctx, &u); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"张敏", "李强"} {
		if err := s.AddEvaluator(ctx, &dossier.Evaluator{Name: n}); err != nil {
			t.Fatal(err)
		}
	}
	for i, v := range []dossier.Tenths{185, 170, 160} {
		ev := []string{"张敏", "李强", "张敏"}[i]
		if err := s.SetScore(ctx, ScoreInput{Evaluator: ev, Unit: "A-001", Category: "优化扩充工程", Value: &v}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func verifyFile(t *testing.T, path string) *Verification {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	v, err := s.Verify(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// raw changes the file as another program would (sqlite3), bypassing the app.
func raw(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func logKinds(t *testing.T, path string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT kind FROM score_log ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k string
		rows.Scan(&k)
		out = append(out, k)
	}
	return out
}

func TestScoreLogIntactAndFirstScoreOpensScoring(t *testing.T) {
	path := scoredStore(t)
	v := verifyFile(t, path)
	if !v.OK || len(v.Head) != 64 || v.State != "open" {
		t.Fatalf("intact log not verified: %+v", v)
	}
	kinds := strings.Join(logKinds(t, path), ",")
	// genesis, the rule as created, the unit and evaluators (rule changes
	// while not open), the implicit open, then one record per score write.
	if !strings.HasSuffix(kinds, ",open,scores,scores,scores") || !strings.HasPrefix(kinds, "genesis,") {
		t.Fatalf("log kinds = %s", kinds)
	}
	db, _ := sql.Open("sqlite", path+"?mode=ro")
	defer db.Close()
	var content string
	db.QueryRow(`SELECT content FROM score_log WHERE kind = 'open'`).Scan(&content)
	if !strings.Contains(content, `"implicit":true`) {
		t.Fatalf("the first score's opening is not recorded as implicit: %s", content)
	}
	var detail string
	db.QueryRow(`SELECT detail FROM history WHERE action = 'scoring.open'`).Scan(&detail)
	if !strings.Contains(detail, "第一项评分") {
		t.Fatalf("history does not say scoring opened with the first score: %q", detail)
	}
}

func TestScoreLogCatchesEveryTampering(t *testing.T) {
	cases := []struct {
		name  string
		edit  []string
		bad   func(n int64) int64 // the record that must be named, from the record count
		words string
	}{
		{"edited", []string{`UPDATE score_log SET content = replace(content, '"new":160', '"new":200') WHERE seq = (SELECT max(seq) FROM score_log)`},
			func(n int64) int64 { return n }, "被改动"},
		{"deleted", []string{`DELETE FROM score_log WHERE seq = (SELECT max(seq) - 1 FROM score_log)`},
			func(n int64) int64 { return n - 1 }, "缺失"},
		{"deleted last", []string{`DELETE FROM score_log WHERE seq = (SELECT max(seq) FROM score_log)`},
			func(n int64) int64 { return n }, "缺失"},
		{"inserted", []string{`INSERT INTO score_log (seq, at, kind, content, prev, hash) SELECT seq + 1, at, kind, replace(content, '"seq":' || seq, '"seq":' || (seq + 1)), hash, hash FROM score_log WHERE seq = (SELECT max(seq) FROM score_log)`},
			func(n int64) int64 { return n + 1 }, ""},
		{"reordered", []string{
			`CREATE TEMP TABLE t AS SELECT * FROM score_log WHERE seq >= (SELECT max(seq) - 1 FROM score_log)`,
			`UPDATE score_log SET content = (SELECT content FROM t WHERE t.seq <> score_log.seq), hash = (SELECT hash FROM t WHERE t.seq <> score_log.seq) WHERE seq IN (SELECT seq FROM t)`},
			func(n int64) int64 { return n - 1 }, ""},
		{"score changed", []string{`UPDATE score SET tenths = 199 WHERE tenths = 160`},
			func(n int64) int64 { return n }, "被绕过软件改动"},
		{"score added", []string{`INSERT INTO score (evaluator_id, unit_id, category_id, tenths) SELECT evaluator_id, unit_id, (SELECT id FROM category WHERE name = '惠民暖心工程'), 150 FROM score LIMIT 1`},
			func(n int64) int64 { return 0 }, "没有任何评分记录写过该评分"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := scoredStore(t)
			n := verifyFile(t, path).Records
			raw(t, path, c.edit...)
			v := verifyFile(t, path)
			if v.OK {
				t.Fatalf("tampering (%s) not caught", c.name)
			}
			if v.BadRecord != c.bad(n) || !strings.Contains(v.Problem, c.words) {
				t.Fatalf("want record %d named (%q), got %d: %s", c.bad(n), c.words, v.BadRecord, v.Problem)
			}
		})
	}
}
