// Package sqlite keeps a campaign in one SQLite file through
// modernc.org/sqlite (pure Go): creating and opening the file (its header
// checked first, read-only), the lock file of who has it open, the journal
// that must belong to it, its embedded numbered migrations, damage, backup
// and checkpoint. Open and Create return a *store.Store over the file; the
// reads and writes themselves are in dossier/store.
package sqlite

import (
	"context"
	"database/sql"
	"sync"
	"sync/atomic"

	"github.com/dossier-app/dossier/dossier/store"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Store is the store of an open campaign (see dossier/store); sqlite.Open
// returns one over a file.
type Store = store.Store

// file is an open campaign file: the store.Backend of its Store. Writes go
// through one connection so they never wait on each other's locks; reads
// use a separate pool.
type file struct {
	path string
	w    *sql.DB // nil when the campaign is open read-only
	r    *sql.DB
	st   *store.Store

	state    *fileState
	roReason string        // why the store is read-only, "" when writable
	reg      *registration // this store's line in the lock file
	others   []Holder      // who else had the file open when it was opened
	notices  []string      // what the user must be told about the opening
	wrote    atomic.Bool   // a transaction committed: Close must checkpoint
	touch    bool          // file_identity exists: every write touches it

	// writes is the file_identity write count this store has seen: its
	// own commits raise it, a higher one in the file is another program's.
	mu              sync.Mutex
	writes, pending int64
	elsewhere       bool // another program's commit was seen by an own one
}

// ChangedElsewhere reports whether another program committed to the file
// since the last call (or the opening): every Dossier write transaction,
// in any process, raises file_identity.writes.
func (s *file) ChangedElsewhere(ctx context.Context) bool {
	if s.r == nil {
		return false
	}
	var n int64
	if err := s.r.QueryRowContext(ctx, `SELECT writes FROM file_identity`).Scan(&n); err != nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	changed := s.elsewhere || n > s.writes
	s.elsewhere = false
	s.writes = max(s.writes, n)
	return changed
}

// sawWrites takes the file's write count as seen, on opening.
func (s *file) sawWrites(ctx context.Context) {
	var n int64
	if err := s.r.QueryRowContext(ctx, `SELECT writes FROM file_identity`).Scan(&n); err == nil {
		s.mu.Lock()
		s.writes = max(s.writes, n)
		s.mu.Unlock()
	}
}
