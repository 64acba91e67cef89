package sqlite

import (
	"context"
	"path/filepath"
	"time"
)

// open opens a raw writable store on path (created when missing) without
// the checks of Open, to build files as older versions wrote them.
func open(ctx context.Context, path string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	s := &Store{path: path, Now: time.Now, state: &fileState{path: path}}
	if err := s.connect(ctx, abs, modeWrite); err != nil {
		return nil, err
	}
	return s, nil
}
