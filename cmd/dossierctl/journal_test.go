package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/sqlite"
)

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	out.Close()
}

// TestForeignJournalSetAside: a crashed campaign's journal is replayed
// into the campaign (committed work kept), but never into an older backup
// restored under its name: that journal is set aside under a name the user
// is told, and the restored file opens as it is.
func TestForeignJournalSetAside(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "c.dossier")
	mustCtl(t, "demo", "--db", db)
	old := filepath.Join(dir, "old.dossier")
	mustCtl(t, "backup", "--db", db, "--out", old)

	// Work after the backup, then a crash: the file and its journal as a
	// kill -9 leaves them (copied while the store is still open).
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"X1", "X2", "X3"} {
		if err := s.AddUnit(ctx, &dossier.Unit{Code: code, Name: "崩溃前新增" + code}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Backup(ctx, filepath.Join(dir, "during.dossier")); err != nil {
		t.Fatal(err)
	}
	crash := filepath.Join(dir, "crash")
	own := filepath.Join(dir, "own")
	os.Mkdir(crash, 0o755)
	os.Mkdir(own, 0o755)
	for _, d := range []string{crash, own} {
		copyFile(t, db, filepath.Join(d, "c.dossier"))
		copyFile(t, db+"-wal", filepath.Join(d, "c.dossier-wal"))
	}
	s.Close()

	// The crash's own journal: replayed, nothing set aside.
	ownDB := filepath.Join(own, "c.dossier")
	code, out, errs := ctl(t, "units", "--db", ownDB)
	if code != 0 || !strings.Contains(out, "崩溃前新增X3") || errs != "" {
		t.Fatalf("own journal: exit %d\n%s%s", code, out, errs)
	}
	if got := strings.Join(listDir(t, own), " "); got != "c.dossier" {
		t.Errorf("after replaying its own journal: %s", got)
	}

	// An older backup restored under the crashed file's name.
	crashDB := filepath.Join(crash, "c.dossier")
	wal := readBytes(t, crashDB+"-wal")
	copyFile(t, old, crashDB)
	restored := readBytes(t, old)
	code, out, errs = ctl(t, "units", "--db", crashDB)
	if code != 0 || strings.Contains(out, "崩溃前新增") || !strings.Contains(out, "HN2022-004") {
		t.Fatalf("restored file: exit %d\n%s%s", code, out, errs)
	}
	var aside string
	for _, n := range listDir(t, crash) {
		if strings.HasPrefix(n, "c.dossier-wal.未应用-") {
			aside = filepath.Join(crash, n)
		}
	}
	if aside == "" || !strings.Contains(errs, "没有应用") || !strings.Contains(errs, aside) {
		t.Fatalf("journal not set aside or not named: %v\n%s", listDir(t, crash), errs)
	}
	if !bytes.Equal(readBytes(t, aside), wal) {
		t.Error("the set-aside journal is not the journal")
	}
	if p := mustCtl(t, "check", "--db", crashDB); !strings.Contains(p, "检查通过") {
		t.Error(p)
	}
	if !bytes.Equal(readBytes(t, crashDB), restored) {
		t.Error("the restored file changed on opening")
	}
}
