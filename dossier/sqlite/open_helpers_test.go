package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store/storetest"
	"github.com/google/uuid"
)

// open opens a raw writable file on path (created when missing) without
// the checks of Open, to build files as older versions wrote them; its tx
// is a plain transaction that the score log does not see.
func open(ctx context.Context, path string) (*file, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	f := &file{path: path, state: &fileState{path: path}}
	if err := f.connect(ctx, abs, modeWrite); err != nil {
		return nil, err
	}
	return f, nil
}

// fileOf is the file under a store sqlite opened.
func fileOf(s *Store) *file { return s.Backend().(*file) }

func newID() string { return uuid.NewString() }

func defaultCategories(t testing.TB) []dossier.Category { return storetest.Categories(t) }

func fullUnit(b *dossier.Book, code, name string) dossier.Unit {
	return storetest.FullUnit(b, code, name)
}

func tinyPNG(seed byte) dossier.Photo { return storetest.TinyPhoto(seed) }

// newStore creates the suite's campaign in a temporary file.
func newStore(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "c.dossier")
	s, err := Create(context.Background(), path, CreateOptions{Title: "测试评选", Organiser: "某某省教育厅", Year: 2022, Date: "2022-03-15", Quota: 2, Categories: defaultCategories(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}
