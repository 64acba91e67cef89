// Package sqlite stores a campaign in one SQLite file through
// modernc.org/sqlite (pure Go): the schema, its embedded numbered
// migrations, and every read and write the app makes, each write in one
// transaction.
package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/dossier-app/dossier/dossier"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ApplicationID marks a SQLite file as a Dossier campaign ("DOSS").
const ApplicationID = dossier.ApplicationID

//go:embed migrations/*.sql
var migrationFS embed.FS

// Store is an open campaign file. Writes go through one connection so they
// never wait on each other's locks; reads use a separate pool.
type Store struct {
	path string
	w    *sql.DB // nil when the campaign is open read-only
	r    *sql.DB
	// Now gives the time recorded in history; tests may replace it.
	Now func() time.Time

	state    *fileState
	roReason string        // why the store is read-only, "" when writable
	reg      *registration // this store's line in the lock file
	others   []Holder      // who else had the file open when it was opened
	notices  []string      // what the user must be told about the opening
	wrote    atomic.Bool   // a transaction committed: Close must checkpoint
	touch    bool          // file_identity exists: every write touches it
	logged   bool          // the score log exists: every write is sealed into it
}

// Path returns the campaign file's path.
func (s *Store) Path() string { return s.path }

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() []migration {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		panic(err)
	}
	var out []migration
	for _, e := range entries {
		v, err := strconv.Atoi(strings.SplitN(e.Name(), "_", 2)[0])
		if err != nil {
			panic("migration without a number: " + e.Name())
		}
		b, _ := migrationFS.ReadFile("migrations/" + e.Name())
		out = append(out, migration{v, e.Name(), string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out
}

// SchemaVersion is the newest file format this build writes and reads.
func SchemaVersion() int {
	m := migrations()
	return m[len(m)-1].version
}

// CheckFile reads the file's header without opening it for writing and says
// whether it is a campaign file this build can open. It never modifies the
// file. The returned error is a *dossier.Error in Chinese.
func CheckFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return dossier.Errorf(dossier.ENOTFOUND, "文件 %s 不存在", path)
		}
		if errors.Is(err, fs.ErrPermission) {
			return &dossier.Error{Code: dossier.ENOTCAMPAIGN, Message: "没有读取文件 " + path + " 的权限", Err: err}
		}
		return &dossier.Error{Code: dossier.ENOTCAMPAIGN, Message: "无法读取文件 " + path, Err: err}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("stat %s: %w", path, err)
	}
	if st.IsDir() {
		return dossier.Errorf(dossier.ENOTCAMPAIGN, "%s 是文件夹，不是评选活动文件", path)
	}
	if st.Size() == 0 {
		return dossier.Errorf(dossier.ENOTCAMPAIGN, "文件 %s 是空文件，不是评选活动文件；文件未作任何改动", path)
	}
	hdr := make([]byte, 100)
	if _, err := io.ReadFull(f, hdr); err != nil || !bytes.HasPrefix(hdr, []byte("SQLite format 3\x00")) {
		return dossier.Errorf(dossier.ENOTCAMPAIGN, "文件 %s 不是评选活动文件（不是 SQLite 数据库）；文件未作任何改动", path)
	}
	if id := binary.BigEndian.Uint32(hdr[68:72]); id != ApplicationID {
		return dossier.Errorf(dossier.ENOTCAMPAIGN, "文件 %s 是 SQLite 数据库，但不是评选活动文件；文件未作任何改动", path)
	}
	if v := int(binary.BigEndian.Uint32(hdr[60:64])); v > SchemaVersion() {
		return dossier.Errorf(dossier.ENOTCAMPAIGN, "文件 %s 由更新版本的软件创建（文件格式 %d，本软件支持到 %d），请升级软件后再打开；文件未作任何改动", path, v, SchemaVersion())
	}
	return nil
}

func (s *Store) migrate(ctx context.Context) error {
	var current int
	if err := s.w.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&current); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if current > SchemaVersion() {
		return dossier.Errorf(dossier.ENOTCAMPAIGN, "文件 %s 由更新版本的软件创建，请升级软件后再打开", s.path)
	}
	for _, m := range migrations() {
		if m.version <= current {
			continue
		}
		err := s.tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migration (version, applied_at) VALUES (?, ?)`, m.version, s.stamp()); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA application_id = %d`, ApplicationID)); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, m.version))
			return err
		})
		if err != nil {
			return err
		}
		if _, err := s.w.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
			return fmt.Errorf("checkpoint after migration: %w", err)
		}
	}
	// The genesis record waits for the last migration: it reads the
	// campaign through today's queries, which may need newer columns.
	var records int
	if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM score_log`).Scan(&records); err != nil {
		return fmt.Errorf("read score log: %w", err)
	}
	if records == 0 {
		if err := s.tx(ctx, func(tx *sql.Tx) error { return s.genesis(ctx, tx) }); err != nil {
			return fmt.Errorf("score log genesis: %w", err)
		}
	}
	s.logged = true
	return nil
}

// tx runs fn in one immediate transaction, rolling back on error or panic.
func (s *Store) tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if err := s.writable(); err != nil {
		return err
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	var mark int64
	if s.logged {
		if mark, err = s.armLog(ctx, tx); err != nil {
			return err
		}
	}
	if err := fn(tx); err != nil {
		return err
	}
	if s.logged {
		if err := s.sealLog(ctx, tx, mark); err != nil {
			return err
		}
	}
	if s.touch {
		// Every commit rewrites the page holding the file's identity, so a
		// journal always carries the identity of the file it belongs to
		// (see foreignWAL).
		if _, err := tx.ExecContext(ctx, `UPDATE file_identity SET writes = writes + 1`); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	s.wrote.Store(true)
	return nil
}

func (s *Store) stamp() string {
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	return now().UTC().Format(time.RFC3339Nano)
}

func (s *Store) event(ctx context.Context, tx *sql.Tx, action, unitID, source, detail string) error {
	var uid any
	if unitID != "" {
		uid = unitID
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO history (at, action, unit_id, source, detail) VALUES (?, ?, ?, ?, ?)`,
		s.stamp(), action, uid, source, detail)
	return err
}

func parseStamp(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}
