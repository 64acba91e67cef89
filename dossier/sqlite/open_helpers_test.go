package sqlite

import (
	"context"
	"path/filepath"

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
