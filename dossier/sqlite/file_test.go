package sqlite

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

func TestNonCampaignFilesUntouched(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	random := make([]byte, 8192)
	rand.Read(random)
	_, campaign := newStore(t)
	newer, _ := os.ReadFile(campaign)
	// A campaign written by a future version: user_version 99 in the header.
	newer = append([]byte(nil), newer...)
	copy(newer[60:64], []byte{0, 0, 0, 99})
	otherDB := append([]byte(nil), newer...)
	copy(otherDB[68:72], []byte{0, 0, 0, 0})
	cases := []struct {
		name, want string
		data       []byte
	}{
		{"empty", "空文件", nil},
		{"random", "不是评选活动文件", random},
		{"text", "不是评选活动文件", []byte("申报编号,单位名称\n")},
		{"other sqlite", "是 SQLite 数据库，但不是评选活动文件", otherDB},
		{"newer", "更新版本", newer},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.name+".dossier")
			if err := os.WriteFile(path, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Open(ctx, path)
			if err == nil {
				s.Close()
				t.Fatal("opened a non-campaign file")
			}
			if dossier.ErrorCode(err) != dossier.ENOTCAMPAIGN || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %v (%s), want it to say %q", err, dossier.ErrorCode(err), c.want)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, c.data) {
				t.Errorf("file modified: %d bytes → %d bytes", len(c.data), len(after))
			}
			for _, ext := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(path + ext); err == nil {
					t.Errorf("%s created", ext)
				}
			}
		})
	}
	if _, err := Open(ctx, filepath.Join(dir, "missing.dossier")); dossier.ErrorCode(err) != dossier.ENOTFOUND {
		t.Errorf("missing file: %v", err)
	}
}

func TestCreateRefusesExistingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.dossier")
	os.WriteFile(path, []byte("keep me"), 0o644)
	if _, err := Create(context.Background(), path, CreateOptions{Title: "x"}); err == nil || !strings.Contains(err.Error(), "已存在") {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "keep me" {
		t.Error("existing file overwritten")
	}
}

func TestCloseLeavesStandaloneFile(t *testing.T) {
	ctx := context.Background()
	s, path := newStore(t)
	b, _ := s.Book(ctx, LoadOptions{})
	u := fullUnit(b, "A-1", "单位甲")
	if err := s.AddUnit(ctx, &u); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Error("-wal left after close")
	}
	// Copy the file alone elsewhere: it must hold everything.
	data, _ := os.ReadFile(path)
	cp := filepath.Join(t.TempDir(), "copy.dossier")
	os.WriteFile(cp, data, 0o644)
	s2, err := Open(ctx, cp)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	units, _ := s2.Units(ctx)
	if len(units) != 1 || units[0].Name != "单位甲" {
		t.Errorf("copy holds %+v", units)
	}
}

func TestBackupPassesCheck(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	b, _ := s.Book(ctx, LoadOptions{})
	u := fullUnit(b, "A-1", "单位甲")
	s.AddUnit(ctx, &u)
	out := filepath.Join(t.TempDir(), "backup.dossier")
	if err := s.Backup(ctx, out); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, out); err == nil {
		t.Error("backup overwrote an existing file")
	}
	s2, err := Open(ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if p, err := s2.Check(ctx); err != nil || len(p) > 0 {
		t.Fatalf("check backup: %v %v", p, err)
	}
	got, _ := s2.Unit(ctx, u.ID)
	if len(got.Photos) != 2 || len(got.Achievements) != 6 {
		t.Errorf("backup unit = %+v", got)
	}
}

func TestOpenWhileAnotherProcessWrites(t *testing.T) {
	if os.Getenv("DOSSIER_CHILD") != "" {
		return
	}
	ctx := context.Background()
	s, path := newStore(t)
	b, _ := s.Book(ctx, LoadOptions{})
	cmd := childCommand(t, "TestChildWriter", path)
	cmd.Env = append(cmd.Env, "DOSSIER_CHILD_UNITS=40")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 40; i++ {
		u := fullUnit(b, fmt.Sprintf("P-%03d", i), fmt.Sprintf("父进程单位%03d", i))
		if err := s.AddUnit(ctx, &u); err != nil {
			t.Fatalf("parent write %d: %v", i, err)
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child: %v", err)
	}
	units, _ := s.Units(ctx)
	if len(units) != 80 {
		t.Errorf("units = %d, want 80", len(units))
	}
}

func TestMigrationFromVersion1(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.dossier")
	// A file as version 1 wrote it: only the first migration applied.
	s, err := open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	m := migrations()[0]
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return err
		}
		tx.ExecContext(ctx, `INSERT INTO schema_migration (version, applied_at) VALUES (1, '2022-01-01T00:00:00Z')`)
		tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA application_id = %d`, ApplicationID))
		tx.ExecContext(ctx, `INSERT INTO campaign (singleton, id, title, trim_min) VALUES (1, '00000000-0000-0000-0000-000000000001', '旧版活动', 5)`)
		tx.ExecContext(ctx, `INSERT INTO history (at, action, detail) VALUES ('2022-01-01T00:00:00Z', 'campaign.create', '创建')`)
		_, err := tx.ExecContext(ctx, `PRAGMA user_version = 1`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var v, recorded int
	fileOf(st).r.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v)
	fileOf(st).r.QueryRowContext(ctx, `SELECT count(*) FROM schema_migration`).Scan(&recorded)
	// Migration numbers are taken per feature, so they need not be
	// contiguous: every one is recorded.
	if v != SchemaVersion() || recorded != len(migrations()) {
		t.Errorf("after migration: user_version %d, %d migrations recorded, want %d and %d", v, recorded, SchemaVersion(), len(migrations()))
	}
	c, _ := st.Campaign(ctx)
	hist, _ := st.History(ctx, "")
	if c.Title != "旧版活动" || len(hist) != 1 {
		t.Errorf("data lost in migration: %+v %+v", c, hist)
	}
	if p, _ := st.Check(ctx); len(p) > 0 {
		t.Errorf("check: %v", p)
	}
}
