package postgres

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/demo"
	"github.com/dossier-app/dossier/dossier/sqlite"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/dossier-app/dossier/internal/pgtest"
)

// demoOnServer copies the demo campaign file to a new database.
func demoOnServer(t *testing.T) (file, srv *store.Store, url string) {
	t.Helper()
	ctx := context.Background()
	f, err := demo.Create(ctx, filepath.Join(t.TempDir(), "demo.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	url = pgtest.Database(t)
	s, err := Create(ctx, url, CreateOptions{Copy: f})
	if err != nil {
		t.Fatalf("copy to server: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return f, s, url
}

func rankJSON(t *testing.T, s *store.Store) string {
	t.Helper()
	_, r, err := s.Rank(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(r)
	return string(b)
}

func TestCopyFileToServerAndBack(t *testing.T) {
	ctx := context.Background()
	f, s, url := demoOnServer(t)
	if a, b := rankJSON(t, f), rankJSON(t, s); a != b {
		t.Fatalf("ranking differs on the server:\n%s\n%s", a, b)
	}
	v, err := s.Verify(ctx)
	if err != nil || !v.OK {
		t.Fatalf("verify on server: %+v %v", v, err)
	}
	fu, _ := f.Units(ctx)
	su, _ := s.Units(ctx)
	if !reflect.DeepEqual(fu, su) {
		t.Fatalf("units differ")
	}
	// Every setting, the body face too (仿宋 in the file; the server's
	// column default is 宋体, so a copy that dropped it would show).
	fc, _ := f.Campaign(ctx)
	sc, _ := s.Campaign(ctx)
	if !reflect.DeepEqual(fc, sc) || sc.BodyFont != dossier.BodyFangsong {
		t.Fatalf("settings differ on the server:\n%+v\n%+v", fc, sc)
	}
	s.Close()
	s2, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	back := filepath.Join(t.TempDir(), "back.dossier")
	b, err := sqlite.Create(ctx, back, sqlite.CreateOptions{Title: "x", Fill: func(ctx context.Context, dst *store.Store) error { return s2.CopyTo(ctx, dst) }})
	if err != nil {
		t.Fatalf("copy back: %v", err)
	}
	defer b.Close()
	if a, c := rankJSON(t, f), rankJSON(t, b); a != c {
		t.Fatalf("ranking differs after the round trip")
	}
	v, err = b.Verify(ctx)
	if err != nil || !v.OK {
		t.Fatalf("verify after the round trip: %+v %v", v, err)
	}
	h1, _ := f.History(ctx, "")
	h2, _ := b.History(ctx, "")
	if len(h1) != len(h2) || len(h1) == 0 || h1[0].ID != h2[0].ID {
		t.Fatalf("history differs: %d vs %d", len(h1), len(h2))
	}
}

func TestServerWritesAndGeneration(t *testing.T) {
	ctx := context.Background()
	_, s, url := demoOnServer(t)
	other, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	b, _, err := s.Rank(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CloseScoring(ctx, "测试"); err != nil {
		t.Fatalf("close: %v", err)
	}
	if err := s.OpenScoring(ctx, "重开"); err != nil {
		t.Fatalf("reopen: %v", err)
	}
	g := other.Generation()
	ev, unit, cat := b.Evaluators[0].Name, b.Units[0].Code, b.Categories[0].Name
	v := dossier.Tenths(155)
	if err := s.SetScore(ctx, store.ScoreInput{Evaluator: ev, Unit: unit, Category: cat, Value: &v}); err != nil {
		t.Fatalf("set score: %v", err)
	}
	deadline := time.Now().Add(2 * time.Second)
	for other.Generation() == g && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if other.Generation() == g {
		t.Fatal("the other store did not see the change within 2 s")
	}
	ver, err := other.Verify(ctx)
	if err != nil || !ver.OK {
		t.Fatalf("verify: %+v %v", ver, err)
	}
	if !strings.Contains(s.Where(), "服务器") {
		t.Errorf("Where = %q", s.Where())
	}
}
