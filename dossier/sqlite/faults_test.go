package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

func names(t *testing.T, dir string) string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var n []string
	for _, e := range es {
		n = append(n, e.Name())
	}
	return strings.Join(n, " ")
}

func TestOpenReadOnlyOnRequest(t *testing.T) {
	ctx := context.Background()
	s, path := newStore(t)
	s.Close()
	ro, err := OpenWith(ctx, path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if !ro.ReadOnly() || ro.ReadOnlyReason() != "按要求以只读方式打开" {
		t.Errorf("ReadOnly = %v %q", ro.ReadOnly(), ro.ReadOnlyReason())
	}
	if _, err := ro.Book(ctx, LoadOptions{Material: true, Photos: true}); err != nil {
		t.Fatal(err)
	}
	err = ro.AddUnit(ctx, &dossier.Unit{Code: "R1", Name: "只读单位"})
	want := "评选活动文件 " + path + " 为只读（按要求以只读方式打开），不能修改；可另存副本后修改"
	if dossier.ErrorCode(err) != dossier.EREADONLY || err.Error() != want {
		t.Errorf("write = %v (%s)", err, dossier.ErrorCode(err))
	}
	if got := names(t, filepath.Dir(path)); got != filepath.Base(path) {
		t.Errorf("beside a read-only store: %s", got)
	}
	if h, _ := InUse(path); h != nil {
		t.Errorf("a read-only store is recorded as a holder: %v", h)
	}
	if err := ro.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestHolderRecordedWhileOpen(t *testing.T) {
	ctx := context.Background()
	s, path := newStore(t)
	s.Close()
	a, err := OpenWith(ctx, path, OpenOptions{Program: "dossier"})
	if err != nil {
		t.Fatal(err)
	}
	h, err := InUse(path)
	if err != nil || h == nil || h.Program != "dossier" || h.PID != os.Getpid() {
		t.Fatalf("InUse = %+v %v", h, err)
	}
	if !strings.HasPrefix(h.String(), "本机 dossier（进程 ") || !strings.HasSuffix(h.String(), " 起") {
		t.Errorf("String = %q", h.String())
	}
	b, err := OpenWith(ctx, path, OpenOptions{Program: "dossierctl"})
	if err != nil {
		t.Fatal(err)
	}
	if o := OtherHolders(b); len(o) != 1 || o[0].Program != "dossier" {
		t.Errorf("OtherHolders = %+v", o)
	}
	a.Close()
	if h, _ := InUse(path); h == nil || h.Program != "dossierctl" {
		t.Errorf("after the first closed: %+v", h)
	}
	b.Close()
	if h, _ := InUse(path); h != nil {
		t.Errorf("after both closed: %+v", h)
	}
	if got := names(t, filepath.Dir(path)); got != filepath.Base(path) {
		t.Errorf("left after clean closes: %s", got)
	}
}

func TestBackupGetsItsOwnIdentity(t *testing.T) {
	ctx := context.Background()
	s, path := newStore(t)
	defer s.Close()
	out := filepath.Join(filepath.Dir(path), "b.dossier")
	if err := s.Backup(ctx, out); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(path)
	tok, cid, err := readIdentity(ctx, fileOf(s).r)
	if err != nil || tok == "" {
		t.Fatal(tok, err)
	}
	btok, bcid, err := identity(ctx, out, modeImmutable)
	if err != nil || btok == "" || btok == tok || bcid != cid {
		t.Errorf("backup identity %q %q, original %q %q (%v)", btok, bcid, tok, cid, err)
	}
	if err := s.Backup(ctx, out); dossier.ErrorCode(err) != dossier.ECONFLICT {
		t.Errorf("backup over a file = %v", err)
	}
	if err := s.Backup(ctx, abs); dossier.ErrorCode(err) != dossier.ECONFLICT || !strings.Contains(err.Error(), "本身") {
		t.Errorf("backup over the campaign = %v", err)
	}
	if got := names(t, filepath.Dir(path)); strings.Contains(got, ".tmp") {
		t.Errorf("temporary files left: %s", got)
	}
}

func TestCreateIsWholeOrAbsent(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "n.dossier")
	boom := errors.New("fill failed")
	_, err := Create(ctx, path, CreateOptions{Title: "新活动", Categories: defaultCategories(t),
		Fill: func(ctx context.Context, s *Store) error {
			if err := s.AddUnit(ctx, &dossier.Unit{Code: "F1", Name: "填入单位"}); err != nil {
				return err
			}
			if _, err := os.Stat(path); err == nil {
				t.Error("the file appeared under its name before it was whole")
			}
			return boom
		}})
	if !errors.Is(err, boom) {
		t.Fatalf("Create = %v", err)
	}
	if got := names(t, dir); got != "" {
		t.Errorf("a failed Create left: %s", got)
	}
	s, err := Create(ctx, path, CreateOptions{Title: "新活动", Categories: defaultCategories(t),
		Fill: func(ctx context.Context, s *Store) error {
			return s.AddUnit(ctx, &dossier.Unit{Code: "F1", Name: "填入单位"})
		}})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := s.Book(ctx, LoadOptions{})
	if len(b.Units) != 1 {
		t.Errorf("filled units = %d", len(b.Units))
	}
	s.Close()
	if got := names(t, dir); got != "n.dossier" {
		t.Errorf("after Create: %s", got)
	}
}

// TestForeignProgramSeen: a connection of another program (no lock file
// record) is seen through SQLite's own lock on the -shm, so that its live
// journal is never taken for a leftover.
func TestForeignProgramSeen(t *testing.T) {
	s, path := newStore(t)
	s.Close()
	abs, _ := filepath.Abs(path)
	if shmInUse(abs) {
		t.Fatal("in use before anyone opened it")
	}
	raw, err := sql.Open("sqlite", "file:"+abs+"?_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`UPDATE campaign SET organiser = '另一个程序'`); err != nil {
		t.Fatal(err)
	}
	if !shmInUse(abs) || !walFrames(abs) {
		t.Fatalf("a live foreign connection not seen: shm %v, wal %v", shmInUse(abs), walFrames(abs))
	}
	s2, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if len(s2.Notices()) != 0 {
		t.Errorf("a live journal was set aside: %v", s2.Notices())
	}
	c, _ := s2.Campaign(context.Background())
	if c.Organiser != "另一个程序" {
		t.Errorf("the other program's write is not seen: %q", c.Organiser)
	}
}

// Poll sees another program's write (dossierctl on the same file): the
// generation moves once, and not for the store's own writes.
func TestPollSeesAnotherProgramsWrite(t *testing.T) {
	ctx := context.Background()
	s, path := newStore(t)
	g := s.Poll(ctx)
	if err := s.AddEvaluator(ctx, &dossier.Evaluator{Name: "张敏"}); err != nil {
		t.Fatal(err)
	}
	if got := s.Poll(ctx); got != g+1 {
		t.Fatalf("own write: generation %d, want %d", got, g+1)
	}
	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := other.AddEvaluator(ctx, &dossier.Evaluator{Name: "李强"}); err != nil {
		t.Fatal(err)
	}
	if got := s.Poll(ctx); got != g+2 {
		t.Fatalf("after another program's write: generation %d, want %d", got, g+2)
	}
	if got := s.Poll(ctx); got != g+2 {
		t.Fatalf("polled again with nothing new: generation %d, want %d", got, g+2)
	}
	// The other program writes, then this store writes before polling:
	// the other write is still seen.
	if err := other.AddEvaluator(ctx, &dossier.Evaluator{Name: "王芳"}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddEvaluator(ctx, &dossier.Evaluator{Name: "赵丽"}); err != nil {
		t.Fatal(err)
	}
	if got := s.Poll(ctx); got != g+4 {
		t.Fatalf("own write after another's: generation %d, want %d", got, g+4)
	}
	other.Close()
}
