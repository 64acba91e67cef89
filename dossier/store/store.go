// Package store holds every read and write the app makes on a campaign,
// over database/sql, each write in one transaction. What differs between
// databases (placeholders, capture of score-log changes, error classes,
// the schema version) is a Dialect; what only the container knows (a file
// or a server: whether it can be written, what happens around a commit,
// its name in messages) is a Backend. dossier/sqlite opens a campaign file
// and returns a *Store over it.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/dossier-app/dossier/dossier"
)

// Store is an open campaign. Writes go through one pool (one connection
// for a file, so they never wait on each other's locks); reads use a
// separate pool.
type Store struct {
	w *db // nil when the campaign is open read-only
	r *db
	d Dialect
	b Backend
	// Now gives the time recorded in history; tests may replace it.
	Now func() time.Time

	logged atomic.Bool   // the score log exists: every write is sealed into it
	gen    atomic.Uint64 // committed write transactions, plus changes seen from elsewhere
}

// Config is what an adapter hands to New.
type Config struct {
	// Write is the pool writes go through; nil for a read-only campaign.
	Write *sql.DB
	// Read is the pool reads go through (may be Write).
	Read    *sql.DB
	Dialect Dialect
	Backend Backend
}

// New returns a store over the pools in c. The score log is not sealed
// into until StartLog.
func New(c Config) *Store {
	b := &binder{d: c.Dialect}
	s := &Store{d: c.Dialect, b: c.Backend, Now: time.Now}
	if c.Write != nil {
		s.w = &db{pool: c.Write, b: b}
	}
	if c.Read == nil {
		c.Read = c.Write
	}
	s.r = &db{pool: c.Read, b: b}
	if sn, ok := c.Backend.(Snapshotter); ok {
		s.r.snapshot = sn.ReadSnapshot()
	}
	return s
}

// Backend returns the container of the campaign, for adapter-specific
// functions (the file's lock holders, say).
func (s *Store) Backend() Backend { return s.b }

// Generation counts the write transactions this store committed, plus the
// changes its backend saw made elsewhere (BumpGeneration). A screen that
// remembers it knows, by comparing, whether anything changed since.
func (s *Store) Generation() uint64 { return s.gen.Load() }

// BumpGeneration notes a change made elsewhere (another program, another
// login on a server), so that Generation moves.
func (s *Store) BumpGeneration() { s.gen.Add(1) }

// Poll asks the backend whether the campaign was written elsewhere since
// it last asked (a Watcher backend), moves Generation if so, and returns
// Generation. A screen that calls it when it comes forward sees another
// program's writes too.
func (s *Store) Poll(ctx context.Context) uint64 {
	if w, ok := s.b.(Watcher); ok && w.ChangedElsewhere(ctx) {
		s.gen.Add(1)
	}
	return s.gen.Load()
}

// StartLog writes the score log's first record when the campaign has none
// (from the scores and decisions it holds) and from then on seals every
// write transaction into the log. An adapter calls it once its schema is
// up to date.
func (s *Store) StartLog(ctx context.Context) (err error) {
	defer s.wrap(&err, "建立评分记录")
	var records int
	// The head's sequence number, not count(*) FROM score_log: on a
	// server an evaluator's login sees no log record until scoring closes.
	if err := s.w.QueryRowContext(ctx, `SELECT head_seq FROM scoring`).Scan(&records); err != nil {
		return fmt.Errorf("read score log: %w", err)
	}
	if records == 0 {
		if err := s.tx(ctx, func(tx *Tx) error { return s.genesis(ctx, tx) }); err != nil {
			return fmt.Errorf("score log genesis: %w", err)
		}
	}
	s.logged.Store(true)
	return nil
}

// InitCampaign writes a new campaign's settings and categories (with their
// indicators; IDs are assigned) into an empty schema, in one transaction.
func (s *Store) InitCampaign(ctx context.Context, c dossier.Campaign, cats []dossier.Category) (err error) {
	defer s.wrap(&err, "创建评选活动")
	return s.tx(ctx, func(tx *Tx) error {
		c.ID = newID()
		if err := c.Validate(); err != nil {
			return err
		}
		// body_font's column default is 宋体, what older files printed; a
		// new campaign gets its own setting (仿宋 unless given).
		if _, err := tx.ExecContext(ctx, `INSERT INTO campaign (singleton, id, title, organiser, year, date, quota, trim_min, body_font) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.ID, c.Title, c.Organiser, c.Year, c.Date, c.Quota, c.TrimMin, string(c.BodyFont)); err != nil {
			return err
		}
		for i := range cats {
			cat := cats[i]
			cat.ID = ""
			cat.Position = i
			if err := insertCategory(ctx, tx, &cat); err != nil {
				return err
			}
		}
		return s.event(ctx, tx, dossier.ActionCampaignCreate, "", "", "创建评选活动“"+c.Title+"”")
	})
}

// tx runs fn in one write transaction, rolling back on error or panic.
func (s *Store) tx(ctx context.Context, fn func(tx *Tx) error) error {
	if err := s.b.Writable(); err != nil {
		return err
	}
	if s.w == nil {
		return dossier.Errorf(dossier.EREADONLY, "评选活动 %s 为只读，不能修改", s.b.Where())
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	logged := s.logged.Load()
	var mark int64
	if logged {
		if mark, err = s.armLog(ctx, tx); err != nil {
			return err
		}
	}
	if err := fn(tx); err != nil {
		return err
	}
	if logged {
		if err := s.sealLog(ctx, tx, mark); err != nil {
			return err
		}
	}
	if err := s.b.BeforeCommit(ctx, tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	s.gen.Add(1)
	s.b.AfterCommit()
	return nil
}

func (s *Store) stamp() string {
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	return now().UTC().Format(time.RFC3339Nano)
}

func (s *Store) event(ctx context.Context, tx *Tx, action dossier.Action, unitID, source, detail string) error {
	var uid any
	if unitID != "" {
		uid = unitID
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO history (at, action, unit_id, source, detail) VALUES (?, ?, ?, ?, ?)`,
		s.stamp(), string(action), uid, source, detail)
	return err
}

func parseStamp(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

// ReadOnly reports whether the campaign is open read-only.
func (s *Store) ReadOnly() bool { return s.b.ReadOnlyReason() != "" }

// ReadOnlyReason says in Chinese why the campaign is open read-only ("" when
// it is writable).
func (s *Store) ReadOnlyReason() string { return s.b.ReadOnlyReason() }

// Damaged reports whether the campaign was found damaged, on opening or by
// any read since; a damaged campaign refuses every write.
func (s *Store) Damaged() bool { return s.b.Damaged() }

// Notices are what the user must be told about the opening (a journal set
// aside), in Chinese.
func (s *Store) Notices() []string { return s.b.Notices() }

// Where names the campaign in messages: the file's path or the server's
// name and database.
func (s *Store) Where() string { return s.b.Where() }

// Path returns the campaign file's path, or "" for a campaign that is not
// a file.
func (s *Store) Path() string {
	if p, ok := s.b.(Pather); ok {
		return p.Path()
	}
	return ""
}

// Backup writes a consistent copy of the open campaign to the file out,
// refusing an existing one, while the campaign stays open.
func (s *Store) Backup(ctx context.Context, out string) (err error) {
	defer s.wrap(&err, "备份评选活动")
	if b, ok := s.b.(Backuper); ok {
		return b.Backup(ctx, out)
	}
	return dossier.Errorf(dossier.EINVALID, "评选活动 %s 不支持直接备份；请用 dossierctl copy 复制到文件", s.b.Where())
}

// Close closes the campaign (a file checkpoints its journal, so it stands
// alone when copied).
func (s *Store) Close() (err error) {
	defer s.wrap(&err, "关闭评选活动")
	if s == nil || s.b == nil {
		return nil
	}
	return s.b.Close()
}
