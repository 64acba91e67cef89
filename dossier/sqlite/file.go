// Package sqlite keeps a campaign in one SQLite file through
// modernc.org/sqlite (pure Go): creating and opening the file (its header
// checked first, read-only), the lock file of who has it open, the journal
// that must belong to it, its embedded numbered migrations, damage, backup
// and checkpoint. Open and Create return a *store.Store over the file; the
// reads and writes themselves are in dossier/store.
package sqlite

import (
	"database/sql"
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
}
