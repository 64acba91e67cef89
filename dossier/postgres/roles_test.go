package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/internal/pgtest"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

const (
	evA = "aaaaaaaa-0000-0000-0000-00000000000a"
	evB = "bbbbbbbb-0000-0000-0000-00000000000b"
	u1  = "11111111-0000-0000-0000-000000000001"
	cat = "cccccccc-0000-0000-0000-00000000000c"
)

// fixture is a migrated campaign database with two evaluators who have each
// scored unit 2022-0001, and one login per role.
type fixture struct {
	owner  *sql.DB
	url    string            // the superuser's
	logins map[string]string // role or "evaluatorB" → URL with password
	suffix string            // makes this test's logins unique on the server
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{url: pgtest.Database(t), logins: map[string]string{}}
	db, err := sql.Open("pgx", f.url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	f.owner = db
	if err := Migrate(ctx, db, "测试服务器"); err != nil {
		t.Fatalf("migrate: %v (%v)", err, errors.Unwrap(err))
	}
	for _, q := range []string{
		`INSERT INTO campaign (singleton, id, title) VALUES (1, '` + strings.Repeat("d", 36) + `', '测试评选')`,
		`INSERT INTO category (id, name, max_tenths, position) VALUES ('` + cat + `', '优化扩充工程', 200, 0)`,
		`INSERT INTO unit (id, code, name, created_at, updated_at) VALUES ('` + u1 + `', '2022-0001', '郑州市教育局', '', '')`,
		`INSERT INTO evaluator (id, name, position) VALUES ('` + evA + `', '张评委', 0), ('` + evB + `', '李评委', 1)`,
		`INSERT INTO score (evaluator_id, unit_id, category_id, tenths) VALUES ('` + evA + `', '` + u1 + `', '` + cat + `', 150), ('` + evB + `', '` + u1 + `', '` + cat + `', 180)`,
		`INSERT INTO decision (unit_id, recommended, reason, at) VALUES ('` + u1 + `', 1, '评委会决定', '')`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	var dbname string
	db.QueryRow(`SELECT current_database()`).Scan(&dbname)
	suffix := dbname[len(dbname)-6:]
	f.suffix = suffix
	for _, a := range []struct{ key, role, evaluator string }{
		{"clerk", RoleClerk, ""}, {"chair", RoleChair, ""}, {"evaluator", RoleEvaluator, "张评委"}, {"evaluatorB", RoleEvaluator, "李评委"},
	} {
		login := "u" + a.key + "_" + suffix
		pw, err := AddAccount(ctx, db, "测试服务器", AccountOptions{Login: login, Role: a.role, Evaluator: a.evaluator})
		if err != nil {
			t.Fatalf("account %s: %v", login, err)
		}
		if len(pw) != 16 {
			t.Fatalf("made-up password %q", pw)
		}
		f.logins[a.key] = withUser(t, f.url, login, pw)
	}
	return f
}

func withUser(t *testing.T, raw, user, password string) string {
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(user, password)
	return u.String()
}

func connect(t *testing.T, u string) *pgx.Conn {
	t.Helper()
	c, err := pgx.Connect(context.Background(), u)
	if err != nil {
		t.Fatalf("log in: %v", err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

func count(t *testing.T, c *pgx.Conn, q string) int {
	t.Helper()
	var n int
	if err := c.QueryRow(context.Background(), q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// refused asserts the server refuses q for lack of rights.
func refused(t *testing.T, c *pgx.Conn, q string) {
	t.Helper()
	_, err := c.Exec(context.Background(), q)
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "42501" {
		t.Fatalf("%s: want the server to refuse it (42501), got %v", q, err)
	}
}

func affected(t *testing.T, c *pgx.Conn, q string) int64 {
	t.Helper()
	tag, err := c.Exec(context.Background(), q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return tag.RowsAffected()
}

func (f *fixture) scoreOf(t *testing.T, ev string) int {
	t.Helper()
	var v int
	if err := f.owner.QueryRow(`SELECT tenths FROM score WHERE evaluator_id = $1`, ev).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestEvaluatorRightsEnforcedByServer(t *testing.T) {
	f := newFixture(t)
	c := connect(t, f.logins["evaluator"])
	if n := count(t, c, `SELECT count(*) FROM score`); n != 1 {
		t.Errorf("evaluator sees %d scores, want only their own 1", n)
	}
	if n := count(t, c, `SELECT count(*) FROM score WHERE evaluator_id = '`+evB+`'`); n != 0 {
		t.Errorf("evaluator reads another evaluator's score")
	}
	if n := count(t, c, `SELECT count(*) FROM decision`) + count(t, c, `SELECT count(*) FROM score_log`); n != 0 {
		t.Errorf("evaluator reads decisions or the score log before scoring closes")
	}
	if n := count(t, c, `SELECT count(*) FROM unit`) + count(t, c, `SELECT count(*) FROM category`); n != 2 {
		t.Errorf("evaluator cannot read the material")
	}
	if n := affected(t, c, `UPDATE score SET tenths = 0 WHERE evaluator_id = '`+evB+`'`); n != 0 {
		t.Errorf("UPDATE of another evaluator's score changed %d rows", n)
	}
	if v := f.scoreOf(t, evB); v != 180 {
		t.Errorf("another evaluator's score is now %d, want 180 unchanged", v)
	}
	refused(t, c, `INSERT INTO score (evaluator_id, unit_id, category_id, tenths) VALUES ('`+evB+`', '`+u1+`', '`+cat+`', 1) ON CONFLICT DO NOTHING`)
	refused(t, c, `DELETE FROM unit`)
	refused(t, c, `UPDATE unit SET name = 'x'`)
	refused(t, c, `INSERT INTO decision (unit_id, recommended, reason, at) VALUES ('`+u1+`', 0, 'x', '')`)
	refused(t, c, `UPDATE scoring SET state = 'closed'`)
	refused(t, c, `DELETE FROM score_log`)
	refused(t, c, `CREATE TABLE mine (x int)`)
	if n := affected(t, c, `UPDATE score SET tenths = 160 WHERE evaluator_id = '`+evA+`'`); n != 1 {
		t.Errorf("own score update changed %d rows, want 1", n)
	}
	if v := f.scoreOf(t, evA); v != 160 {
		t.Errorf("own score is %d, want 160", v)
	}
	// The login is the server's, whatever the client claims.
	affected(t, c, `INSERT INTO history (at, action, login) VALUES ('', 'score.set', 'someone_else')`)
	var login string
	f.owner.QueryRow(`SELECT login FROM history WHERE action = 'score.set'`).Scan(&login)
	if !strings.HasPrefix(login, "uevaluator_") {
		t.Errorf("history records login %q, want the evaluator's own", login)
	}

	// Scoring closed by the chair: the evaluator reads everything and writes nothing.
	chair := connect(t, f.logins["chair"])
	affected(t, chair, `UPDATE scoring SET state = 'closed'`)
	if n := count(t, c, `SELECT count(*) FROM score`); n != 2 {
		t.Errorf("after close the evaluator sees %d scores, want 2", n)
	}
	if n := count(t, c, `SELECT count(*) FROM decision`); n != 1 {
		t.Errorf("after close the evaluator sees %d decisions, want 1", n)
	}
	refused(t, c, `UPDATE score SET tenths = 0 WHERE evaluator_id = '`+evA+`'`)
	if v := f.scoreOf(t, evA); v != 160 {
		t.Errorf("after close the evaluator's score is %d, want 160", v)
	}
}

func TestChairAndClerkRights(t *testing.T) {
	f := newFixture(t)
	chair := connect(t, f.logins["chair"])
	if n := count(t, chair, `SELECT count(*) FROM score`); n != 2 {
		t.Errorf("chair sees %d scores, want all 2", n)
	}
	refused(t, chair, `UPDATE score SET tenths = 0`)
	refused(t, chair, `DELETE FROM unit`)
	refused(t, chair, `UPDATE campaign SET quota = 3`)
	refused(t, chair, `UPDATE scoring SET outlier_pct = 20`)
	if n := affected(t, chair, `UPDATE decision SET recommended = 0, reason = '复议'`); n != 1 {
		t.Errorf("chair could not record a decision")
	}
	affected(t, chair, `INSERT INTO review_resolution (flag_id, "by", note, at) VALUES ('f1', '王主任', '已核实', '')`)

	clerk := connect(t, f.logins["clerk"])
	if n := affected(t, clerk, `UPDATE score SET tenths = 10`); n != 2 {
		t.Errorf("clerk changed %d scores, want 2", n)
	}
	affected(t, clerk, `UPDATE campaign SET quota = 3`)
	affected(t, clerk, `INSERT INTO history (at, action, login) VALUES ('', 'copy', 'from_file')`)
	var login string
	f.owner.QueryRow(`SELECT login FROM history WHERE action = 'copy'`).Scan(&login)
	if login != "from_file" {
		t.Errorf("a clerk's copied history keeps login %q, want from_file", login)
	}
}

// The same refusals through psql, the client a user would try.
func TestEvaluatorRightsThroughPsql(t *testing.T) {
	if _, err := exec.LookPath("psql"); err != nil {
		if os.Getenv("DOSSIER_REQUIRE_PROGRAMS") != "" {
			t.Fatal("psql is required (DOSSIER_REQUIRE_PROGRAMS) but not installed")
		}
		t.Skip("psql not installed")
	}
	f := newFixture(t)
	psql := func(q string) (string, error) {
		out, err := exec.Command("psql", "-X", "-At", "-v", "ON_ERROR_STOP=1", "-c", q, f.logins["evaluator"]).CombinedOutput()
		return strings.TrimSpace(string(out)), err
	}
	if out, err := psql(`SELECT evaluator_id FROM score`); err != nil || out != evA {
		t.Errorf("SELECT the score table: %q %v, want only the evaluator's own row", out, err)
	}
	if out, err := psql(`UPDATE score SET tenths = 0 WHERE evaluator_id = '` + evB + `'`); err != nil || out != "UPDATE 0" {
		t.Errorf("UPDATE another evaluator's score: %q %v, want UPDATE 0", out, err)
	}
	if v := f.scoreOf(t, evB); v != 180 {
		t.Errorf("another evaluator's score is now %d", v)
	}
	for _, q := range []string{`DELETE FROM unit`, `SELECT * FROM score_log FOR UPDATE`, `TRUNCATE score`, `UPDATE scoring SET state = 'closed'`} {
		out, err := psql(q)
		if err == nil || !(strings.Contains(out, "permission denied") || strings.Contains(out, "无权")) {
			t.Errorf("%s: %q %v, want refused", q, out, err)
		}
	}
	var units int
	f.owner.QueryRow(`SELECT count(*) FROM unit`).Scan(&units)
	if units != 1 {
		t.Errorf("units left: %d", units)
	}
}

func TestAddAccountRefusals(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		opt  AccountOptions
		code string
		want string
	}{
		{"bad role", AccountOptions{Login: "x1", Role: "boss"}, dossier.EINVALID, "角色“boss”无效"},
		{"evaluator without name", AccountOptions{Login: "x2", Role: RoleEvaluator}, dossier.EINVALID, "--evaluator"},
		{"unknown evaluator", AccountOptions{Login: "x3", Role: RoleEvaluator, Evaluator: "王五"}, dossier.ENOTFOUND, "评委“王五”不存在"},
		{"reserved name", AccountOptions{Login: "pg_x", Role: RoleChair}, dossier.EINVALID, "pg_"},
		{"taken", AccountOptions{Login: "dossier", Role: RoleChair}, dossier.ECONFLICT, "已有登录 dossier"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := AddAccount(ctx, f.owner, "测试服务器", tc.opt)
			if dossier.ErrorCode(err) != tc.code || !strings.Contains(dossier.ErrorMessage(err), tc.want) {
				t.Fatalf("got %v (%s), want %s containing %q", err, dossier.ErrorCode(err), tc.code, tc.want)
			}
		})
	}
	// A given password is the one that logs in (plain ASCII: hashed here;
	// other: hashed by the server), and an evaluator cannot add logins.
	for i, pw := range []string{"Given-pass_word.1", "口令 with space'"} {
		login := fmt.Sprintf("given%d_%s", i, f.suffix)
		got, err := AddAccount(ctx, f.owner, "测试服务器", AccountOptions{Login: login, Role: RoleChair, Password: pw})
		if err != nil || got != pw {
			t.Fatalf("given password: %q %v", got, err)
		}
		connect(t, withUser(t, f.url, login, pw))
		if c, err := pgx.Connect(ctx, withUser(t, f.url, login, pw+"x")); err == nil {
			c.Close(ctx)
			t.Fatalf("login %s accepted a wrong password", login)
		}
	}
	var stored string
	f.owner.QueryRow(`SELECT rolpassword FROM pg_authid WHERE rolname = $1`, "given0_"+f.suffix).Scan(&stored)
	if !strings.HasPrefix(stored, "SCRAM-SHA-256$4096:") || strings.Contains(stored, "Given") {
		t.Fatalf("stored password %q, want a SCRAM verifier", stored)
	}
	ev, err := sql.Open("pgx", f.logins["evaluator"])
	if err != nil {
		t.Fatal(err)
	}
	defer ev.Close()
	_, err = AddAccount(ctx, ev, "测试服务器", AccountOptions{Login: "sneaky", Role: RoleClerk})
	if dossier.ErrorCode(err) != dossier.EREADONLY || !strings.Contains(dossier.ErrorMessage(err), "CREATEROLE") {
		t.Fatalf("an evaluator adding a clerk: %v", err)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	f := newFixture(t)
	if _, err := f.owner.Exec(`INSERT INTO schema_migration (version, applied_at) VALUES ($1, '')`, SchemaVersion()+1); err != nil {
		t.Fatal(err)
	}
	err := Migrate(context.Background(), f.owner, "db.example.cn")
	if dossier.ErrorCode(err) != dossier.ENOTCAMPAIGN || !strings.Contains(err.Error(), "db.example.cn") || !strings.Contains(err.Error(), "更新版本") {
		t.Fatalf("newer schema: %v", err)
	}
}
