package ui

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/postgres"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/dossier-app/dossier/internal/pgtest"
	"github.com/dossier-app/dossier/ops"
)

// demoOnServer puts the demo campaign on a throwaway server database and
// returns its URL and the store open on it (ops.CreateDemoOn, as the CLI's
// demo --db URL does).
func demoOnServer(t *testing.T) (string, *store.Store) {
	t.Helper()
	full := pgtest.Database(t)
	st, err := ops.CreateDemoOn(context.Background(), full, postgres.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return full, st
}

// A campaign on a server opens from its URL: the app asks for the password
// (none in the URL, PGPASSWORD or ~/.pgpass), and keeps the URL among the
// recent campaigns without it.
func TestOpenServerAsksPassword(t *testing.T) {
	full, s := demoOnServer(t)
	s.Close()
	t.Setenv("PGPASSWORD", "")
	t.Setenv("PGPASSFILE", "/nonexistent")
	u, _ := url.Parse(full)
	u.User = url.User(pgtest.Superuser)
	bare := u.String()

	a, _ := newTestApp(t)
	a.ShowStart()
	test.Tap(findButton(t, a.start.view, "连接服务器…"))
	var addr *widget.Entry
	for _, o := range objects(a.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*widget.Entry); ok {
			addr = e
		}
	}
	if addr == nil {
		t.Fatalf("no address field: %q", overlayTexts(a))
	}
	test.Type(addr, bare)
	test.Tap(dialogButton(t, a, "连接"))
	a.opening.Wait()
	for i, try := range []struct{ password, want string }{{"wrong", "拒绝了登录"}, {pgtest.Password, ""}} {
		if i > 0 {
			if err := a.Open(bare); err != ErrAsking {
				t.Fatalf("open without a password: %v, want the password asked", err)
			}
		}
		if got := overlayTexts(a); !strings.Contains(got, "连接数据库服务器") || !strings.Contains(got, pgtest.Superuser) {
			t.Fatalf("password dialog: %q", got)
		}
		var entry *widget.Entry
		for _, o := range objects(a.win.Canvas().Overlays().Top()) {
			if e, ok := o.(*widget.Entry); ok && e.Password {
				entry = e
			}
		}
		if entry == nil {
			t.Fatal("no password field")
		}
		test.Type(entry, try.password)
		test.Tap(dialogButton(t, a, "连接"))
		a.opening.Wait() // it connects off the UI thread
		if try.want != "" {
			if got := overlayTexts(a); !strings.Contains(got, try.want) {
				t.Fatalf("wrong password: %q", got)
			}
			a.win.Canvas().Overlays().Top().Hide()
			a.win.Canvas().Overlays().Remove(a.win.Canvas().Overlays().Top())
			continue
		}
	}
	if a.cur == nil {
		t.Fatalf("not opened: %q", overlayTexts(a))
	}
	if title := a.win.Title(); !strings.Contains(title, "河南") && !strings.Contains(title, "postgres://") {
		t.Errorf("title %q", title)
	}
	if r := a.prefs.Recent(); len(r) == 0 || r[0] != postgres.Redact(bare) || strings.Contains(r[0], pgtest.Password) {
		t.Errorf("recent = %v", r)
	}
}

func findButton(t *testing.T, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, o := range objects(root) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// An evaluator's login sees no ranking in the app before scoring closes
// (as dossierctl rank refuses it): the ranking screen says why and lists
// no unit, and once the chair closes scoring it ranks as usual.
func TestEvaluatorLoginSeesNoRankingUntilClosed(t *testing.T) {
	ctx := context.Background()
	full, owner := demoOnServer(t)
	defer owner.Close()
	conn, cfg, err := postgres.Connect(ctx, full, postgres.ConnectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var dbname string
	if err := conn.QueryRowContext(ctx, `SELECT current_database()`).Scan(&dbname); err != nil {
		t.Fatal(err)
	}
	login := "pj_" + dbname[len(dbname)-6:]
	pw, err := postgres.AddAccount(ctx, conn, cfg.Server, postgres.AccountOptions{Login: login, Role: postgres.RoleEvaluator, Evaluator: "李华（示例）"})
	conn.Close()
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(full)
	u.User = url.UserPassword(login, pw)

	a, _ := newTestApp(t)
	if err := a.Open(u.String()); err != nil {
		t.Fatal(err)
	}
	a.ShowScreen(ScreenRanking)
	rt := a.cur.screen(ScreenRanking).(*rankingTab)
	rt.refresh()
	if got := rt.summary.Text; !strings.Contains(got, "评分结束前") {
		t.Fatalf("ranking screen for an evaluator before closing: %q", got)
	}
	if n := len(rt.rank.Standings); n != 0 {
		t.Fatalf("evaluator sees %d ranked units before scoring closes", n)
	}
	if err := owner.CloseScoring(ctx, "评分结束"); err != nil {
		t.Fatal(err)
	}
	rt.refresh()
	if n := len(rt.rank.Standings); n != 4 || strings.Contains(rt.summary.Text, "评分结束前") {
		t.Fatalf("after closing: %d units, summary %q", n, rt.summary.Text)
	}
}

// A score typed while the server is down stays in its cell, marked unsaved,
// and is written once the server is back, by itself and once (issue 16
// item 5).
func TestScoreTypedWhileServerDownIsSavedWhenBack(t *testing.T) {
	pgtest.Shared(t) // skips without PostgreSQL
	own, err := pgtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer own.Stop()
	ctx := context.Background()
	name, err := own.CreateDatabase(ctx, "retry")
	if err != nil {
		t.Fatal(err)
	}
	addr := own.URL(name, pgtest.Superuser, pgtest.Password)
	st, err := postgres.Create(ctx, addr, postgres.CreateOptions{
		Campaign: dossier.Campaign{Title: "断线评分"}, Categories: []dossier.Category{{Name: "优化扩充工程", Max: 200}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.AddEvaluator(ctx, &dossier.Evaluator{Name: "王评委"}); err != nil {
		t.Fatal(err)
	}
	if err := st.AddUnit(ctx, &dossier.Unit{Code: "A-1", Name: "甲单位"}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	old := retryEvery
	retryEvery = 100 * time.Millisecond
	defer func() { retryEvery = old }()

	a, _ := newTestApp(t)
	if err := a.Open(addr); err != nil {
		t.Fatal(err)
	}
	s := a.cur
	a.ShowScreen(ScreenScoring)
	sc := s.screen(ScreenScoring).(*scoringTab)
	if err := own.Pause(); err != nil {
		t.Fatal(err)
	}
	c := sc.cell(t, 0, 2)
	a.win.Canvas().Focus(c.entry)
	test.Type(c.entry, "18")
	c.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	uiMu.Lock()
	msg, kept := "", len(s.offline)
	if len(s.errs.items) > 0 {
		msg = s.errs.items[0].msg
	}
	uiMu.Unlock()
	if kept != 1 || !strings.Contains(msg, "连接恢复后会自动保存") || c.entry.Text != "18" {
		t.Fatalf("with the server down: %d kept, bar %q, cell %q", kept, msg, c.entry.Text)
	}
	if err := own.Resume(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		uiMu.Lock()
		left, bar := len(s.offline), len(s.errs.items)
		uiMu.Unlock()
		if left == 0 && bar == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("score not saved after the server came back: %d kept, %d on the bar", left, bar)
		}
		time.Sleep(50 * time.Millisecond)
	}
	check, err := postgres.Open(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	defer check.Close()
	b, err := check.Book(ctx, store.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Scores) != 1 || b.Scores[0].Value.Short() != "18" {
		t.Fatalf("scores on the server: %+v", b.Scores)
	}
	v, err := check.Verify(ctx)
	if err != nil || !v.OK {
		t.Fatalf("verify: %+v %v", v, err)
	}
}

// A score saved from another login shows on the ranking screen by itself
// within 2 s (issue 16 item 4): the server's notification moves the store's
// generation, and the session's watch refreshes the ranking.
func TestRankingFollowsAnotherLogin(t *testing.T) {
	ctx := context.Background()
	full, other := demoOnServer(t)
	defer other.Close()
	a, _ := newTestApp(t)
	watchEvery = 200 * time.Millisecond
	if err := a.Open(full); err != nil {
		t.Fatal(err)
	}
	a.ShowScreen(ScreenRanking)
	rt := a.cur.screen(ScreenRanking).(*rankingTab)
	uiMu.Lock()
	before := rt.rank
	uiMu.Unlock()

	b, err := other.Book(ctx, store.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sc := b.Scores[0]
	v := dossier.Tenths(10)
	if sc.Value == v {
		v = 20
	}
	in := store.ScoreInput{Evaluator: b.Evaluator(sc.EvaluatorID).Name, Unit: b.Unit(sc.UnitID).Code, Category: b.Category(sc.CategoryID).Name, Value: &v}
	if err := other.SetScore(ctx, in); err != nil {
		t.Fatal(err)
	}
	saved := time.Now()
	for {
		uiMu.Lock()
		now := rt.rank
		uiMu.Unlock()
		if now != before {
			break
		}
		if time.Since(saved) > 2*time.Second {
			t.Fatal("the ranking screen did not follow another login's score within 2 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
