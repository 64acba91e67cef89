package safefile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCleanLeavesATempInUse(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "d.pdf")
	busy, err := NewTemp(target)
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Discard()
	// Leftovers of a killed writer: nobody holds their lock.
	left := filepath.Join(dir, ".d.pdf.123.tmp")
	os.WriteFile(left, []byte("half"), 0o600)
	os.WriteFile(left+"-wal", []byte("journal"), 0o600)
	orphan := filepath.Join(dir, ".d.pdf.456.tmp-shm")
	os.WriteFile(orphan, nil, 0o600)
	other := filepath.Join(dir, ".e.pdf.789.tmp")
	os.WriteFile(other, nil, 0o600)
	if _, err := lockedByOther(busy.File); Unsupported(err) {
		// Without locks (Windows) a leftover is told from a live
		// writer's file by its age: the killed writer's are old. The
		// live one, old too, stays because it is open (Windows refuses
		// to delete an open file).
		old := time.Now().Add(-2 * staleAge)
		for _, p := range []string{busy.Name(), left, left + "-wal", orphan, other} {
			os.Chtimes(p, old, old)
		}
	}
	removed := Clean(target)
	if len(removed) != 3 {
		t.Errorf("removed %v", removed)
	}
	var names []string
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		names = append(names, e.Name())
	}
	got := strings.Join(names, " ")
	if got != filepath.Base(busy.Name())+" .e.pdf.789.tmp" {
		t.Errorf("left: %s", got)
	}
}

func TestPublishNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "b.dossier")
	os.WriteFile(target, []byte("earlier"), 0o644)
	tmp, err := NewTemp(target)
	if err != nil {
		t.Fatal(err)
	}
	tmp.WriteString("new")
	if err := tmp.Publish(); err != ErrExist {
		t.Errorf("Publish over a file = %v", err)
	}
	if b, _ := os.ReadFile(target); string(b) != "earlier" {
		t.Errorf("target = %q", b)
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Errorf("%d files left", len(es))
	}
	os.Remove(target)
	tmp, _ = NewTemp(target)
	tmp.WriteString("new")
	if err := tmp.Publish(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(target); string(b) != "new" {
		t.Errorf("target = %q", b)
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Errorf("%d files left", len(es))
	}
}
