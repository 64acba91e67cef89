package main

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/internal/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// outputs are what a user compares between two homes of one campaign: the
// ranking, the score-log check, the units, the history, the 复核 flags and
// the dossier's bytes.
func outputs(t *testing.T, db string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, args := range [][]string{
		{"rank", "--json", "--with-meta"}, {"verify", "--json"}, {"units", "--json"}, {"history", "--json"}, {"review", "--json"},
	} {
		out[args[0]] = mustCtl(t, append([]string{args[0], "--db", db}, args[1:]...)...)
	}
	pdf := filepath.Join(t.TempDir(), "dossier.pdf")
	mustCtl(t, "export", "pdf", "--db", db, "--out", pdf, "--kind", "dossier")
	b, err := os.ReadFile(pdf)
	if err != nil || len(b) < 1000 {
		t.Fatalf("dossier PDF: %v (%d bytes)", err, len(b))
	}
	out["pdf"] = string(b)
	return out
}

func sameOutputs(t *testing.T, what string, a, b map[string]string) {
	t.Helper()
	for k, v := range a {
		if b[k] != v {
			t.Errorf("%s: %s differs", what, k)
			if k != "pdf" {
				t.Logf("before:\n%.2000s\nafter:\n%.2000s", v, b[k])
			}
		}
	}
}

// A campaign copied to a server and back gives the same ranking, the same
// verify, the same history and units and the same dossier, byte for byte.
func TestCopyFileServerFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "demo.dossier")
	mustCtl(t, "demo", "--db", file)
	// Something of every kind: a decision, a resolved flag, a re-scored unit.
	mustCtl(t, "scores", "set", "--db", file, "--evaluator", "张敏（示例）", "--unit", "HN2022-002", "--category", "优化扩充工程", "--value", "17.5")
	mustCtl(t, "unit", "status", "--db", file, "--code", "HN2022-003", "--status", "材料待补")
	before := outputs(t, file)

	srv := pgtest.Database(t)
	out := mustCtl(t, "copy", "--from", file, "--to", srv)
	if !strings.Contains(out, "已复制评选活动") || strings.Contains(out, pgtest.Password) {
		t.Errorf("copy said %q", out)
	}
	sameOutputs(t, "file → server", before, outputs(t, srv))

	// Never over a campaign.
	if code, _, errs := ctl(t, "copy", "--from", file, "--to", srv); code != 1 || !strings.Contains(errs, "已有评选活动，不会覆盖") {
		t.Errorf("copy onto a campaign: %d %s", code, errs)
	}
	// backup of a server campaign is a file copy of it.
	bak := filepath.Join(dir, "bak.dossier")
	mustCtl(t, "backup", "--db", srv, "--out", bak)
	sameOutputs(t, "server backup", before, outputs(t, bak))
	back := filepath.Join(dir, "back.dossier")
	mustCtl(t, "copy", "--from", srv, "--to", back)
	sameOutputs(t, "server → file", before, outputs(t, back))
	if code, _, errs := ctl(t, "copy", "--from", srv, "--to", back); code != 1 || !strings.Contains(errs, "不会用导出的内容覆盖") {
		t.Errorf("copy onto a file: %d %s", code, errs)
	}
}

// The representative verbs on a server, and the roles as the command line
// meets them.
func TestServerVerbs(t *testing.T) {
	srv := pgtest.Database(t)
	mustCtl(t, "new", "--db", srv, "--title", "2026年服务器评选")
	mustCtl(t, "unit", "add", "--db", srv, "--code", "A-1", "--name", "郑州市教育局", "--region", "郑州市")
	mustCtl(t, "unit", "add", "--db", srv, "--code", "A-2", "--name", "开封市教育局", "--region", "开封市")
	mustCtl(t, "evaluator", "add", "--db", srv, "--name", "张三")
	mustCtl(t, "evaluator", "add", "--db", srv, "--name", "李四")
	if code, _, errs := ctl(t, "new", "--db", srv); code != 1 || !strings.Contains(errs, "不会覆盖") {
		t.Errorf("new over a campaign on the server: %d %s", code, errs)
	}

	out := mustCtl(t, "account", "add", "--db", srv, "--name", login(t, srv, "zhang"), "--role", "evaluator", "--evaluator", "张三")
	m := regexp.MustCompile(`密码：(\S+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no password printed: %s", out)
	}
	zhang := withLogin(t, srv, login(t, srv, "zhang"), m[1])
	mustCtl(t, "account", "add", "--db", srv, "--name", login(t, srv, "wang"), "--role", "chair", "--password", "Chair-pass-1")
	chair := withLogin(t, srv, login(t, srv, "wang"), "Chair-pass-1")

	for _, c := range []string{"优化扩充工程", "增效创优工程", "改革攻坚工程", "队伍提升工程", "惠民暖心工程"} {
		mustCtl(t, "scores", "set", "--db", zhang, "--evaluator", "张三", "--unit", "A-1", "--category", c, "--value", "18")
		mustCtl(t, "scores", "set", "--db", srv, "--evaluator", "李四", "--unit", "A-1", "--category", c, "--value", "15")
	}
	// The evaluator cannot write another evaluator's score, nor edit material.
	code, _, errs := ctl(t, "scores", "set", "--db", zhang, "--evaluator", "李四", "--unit", "A-1", "--category", "优化扩充工程", "--value", "1")
	if code != 1 || !strings.Contains(errs, "服务器") || !strings.Contains(errs, "权限") {
		t.Errorf("evaluator writing another's score: %d %s", code, errs)
	}
	if code, _, errs := ctl(t, "unit", "status", "--db", zhang, "--code", "A-2", "--status", "已撤回"); code != 1 || !strings.Contains(errs, "权限") {
		t.Errorf("evaluator editing a unit: %d %s", code, errs)
	}
	// Before scoring closes an evaluator gets no ranking and no document
	// made from it; after, everyone's scores count.
	for _, args := range [][]string{{"rank", "--db", zhang, "--json"}, {"export", "xlsx", "--db", zhang, "--out", filepath.Join(t.TempDir(), "s.xlsx")}} {
		if code, out, errs := ctl(t, args...); code != 1 || out != "" || !strings.Contains(errs, "评分结束前，评委登录看不到排名") {
			t.Errorf("%v before close: %d %q %s", args, code, out, errs)
		}
	}
	if rows := rankJSON(t, chair); rows[0].Evaluators != 2 {
		t.Errorf("chair sees %d totals, want 2", rows[0].Evaluators)
	}
	mustCtl(t, "scoring", "close", "--db", chair, "--reason", "评分结束")
	if rows := rankJSON(t, zhang); rows[0].Evaluators != 2 {
		t.Errorf("evaluator sees %d totals after close, want 2", rows[0].Evaluators)
	}
	if code, _, errs := ctl(t, "scores", "set", "--db", zhang, "--evaluator", "张三", "--unit", "A-1", "--category", "优化扩充工程", "--value", "1"); code != 1 || !strings.Contains(errs, "评分已结束，评分只读") {
		t.Errorf("score after close: %d %s", code, errs)
	}
	if out := mustCtl(t, "verify", "--db", srv); !strings.Contains(out, "完好") && !strings.Contains(out, "一致") {
		t.Logf("verify: %s", out)
	}
	// Every write carries its login, on the server.
	hist := mustCtl(t, "history", "--db", chair, "--json")
	if !strings.Contains(hist, "score.set") {
		t.Errorf("history: %.500s", hist)
	}

	// A wrong password: a Chinese message naming the server, no password.
	bad := withLogin(t, srv, login(t, srv, "wang"), "wrong-password")
	code, _, errs = ctl(t, "rank", "--db", bad)
	if code != 1 || !strings.Contains(errs, "拒绝了登录") || strings.Contains(errs, "wrong-password") {
		t.Errorf("wrong password: %d %s", code, errs)
	}
	// A server that is not there.
	code, _, errs = ctl(t, "rank", "--db", "postgres://clerk:secret@/x?host=/nonexistent&sslmode=disable")
	if code != 1 || !strings.Contains(errs, "无法连接数据库服务器") || strings.Contains(errs, "secret") {
		t.Errorf("unreachable: %d %s", code, errs)
	}
}

func login(t *testing.T, db, name string) string {
	u, _ := url.Parse(db)
	return name + "_" + u.Path[len(u.Path)-6:]
}

func withLogin(t *testing.T, db, user, password string) string {
	u, err := url.Parse(db)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(user, password)
	return u.String()
}

// demo --db URL puts the demo campaign on the server: the same ranking as
// the demo file's.
func TestDemoOnServer(t *testing.T) {
	srv := pgtest.Database(t)
	out := mustCtl(t, "demo", "--db", srv)
	if !strings.Contains(out, "已创建示例评选活动") || strings.Contains(out, pgtest.Password) {
		t.Errorf("demo said %q", out)
	}
	file := filepath.Join(t.TempDir(), "d.dossier")
	mustCtl(t, "demo", "--db", file)
	if a, b := mustCtl(t, "rank", "--db", file, "--json"), mustCtl(t, "rank", "--db", srv, "--json"); a != b {
		t.Errorf("demo ranking differs on the server:\n%s\n%s", a, b)
	}
	if code, _, errs := ctl(t, "demo", "--db", srv); code != 1 || !strings.Contains(errs, "不会覆盖") {
		t.Errorf("demo over a campaign: %d %s", code, errs)
	}
}
