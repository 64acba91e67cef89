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
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-app/dossier/dossier"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ApplicationID marks a SQLite file as a Dossier campaign ("DOSS").
const ApplicationID = 0x444F5353

//go:embed migrations/*.sql
var migrationFS embed.FS

// Store is an open campaign file. Writes go through one connection so they
// never wait on each other's locks; reads use a separate pool.
type Store struct {
	path string
	w    *sql.DB
	r    *sql.DB
	// Now gives the time recorded in history; tests may replace it.
	Now func() time.Time
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

func dsn(path string, readOnly bool) string {
	u := url.URL{Scheme: "file", Path: path, OmitHost: true}
	q := []string{
		"_pragma=foreign_keys(1)",
		"_pragma=busy_timeout(10000)",
		"_pragma=journal_mode(WAL)",
		"_pragma=synchronous(FULL)",
		"_pragma=cache_size(-32768)",   // 32 MB: a campaign's scores stay in memory
		"_pragma=mmap_size(268435456)", // reads without a syscall per page
	}
	if readOnly {
		q = append(q, "_pragma=query_only(1)", "_txlock=deferred")
	} else {
		q = append(q, "_txlock=immediate")
	}
	return u.String() + "?" + strings.Join(q, "&")
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
		return dossier.Errorf(dossier.ENOTCAMPAIGN, "无法读取文件 %s：%v", path, err)
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

// Open opens an existing campaign file, first checking its header read-only,
// and brings its schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	if err := CheckFile(path); err != nil {
		return nil, err
	}
	s, err := open(ctx, path)
	if err != nil {
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		if dossier.ErrorCode(err) == dossier.EINTERNAL {
			return nil, dossier.Errorf(dossier.ENOTCAMPAIGN, "无法打开评选活动文件 %s，文件可能已损坏（%v）；请用备份恢复", path, err)
		}
		return nil, err
	}
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM campaign`).Scan(&n); err != nil || n != 1 {
		s.Close()
		return nil, dossier.Errorf(dossier.ENOTCAMPAIGN, "文件 %s 中没有评选活动记录，文件可能已损坏；请用备份恢复", path)
	}
	return s, nil
}

func open(ctx context.Context, path string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	w, err := sql.Open("sqlite", dsn(abs, false))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, dossier.Errorf(dossier.ENOTCAMPAIGN, "无法打开文件 %s：%v", path, err)
	}
	r, err := sql.Open("sqlite", dsn(abs, true))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	r.SetMaxOpenConns(4)
	return &Store{path: path, w: w, r: r, Now: time.Now}, nil
}

// CreateOptions describe a new campaign.
type CreateOptions struct {
	Title      string
	Organiser  string
	Year       int
	Date       string
	Quota      int
	TrimMin    int
	Categories []dossier.Category // with Indicators; IDs are assigned
}

// Create makes a new campaign file at path. It refuses an existing file:
// nothing is ever overwritten.
func Create(ctx context.Context, path string, opt CreateOptions) (*Store, error) {
	if _, err := os.Stat(path); err == nil {
		return nil, dossier.Errorf(dossier.ECONFLICT, "文件 %s 已存在，不会覆盖；请换一个文件名", path)
	}
	if strings.TrimSpace(opt.Title) == "" {
		return nil, dossier.Errorf(dossier.EINVALID, "评选活动名称不能为空")
	}
	if opt.TrimMin == 0 {
		opt.TrimMin = dossier.DefaultTrimMin
	}
	// Create exclusively so two processes cannot both create the same file.
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, dossier.Errorf(dossier.ECONFLICT, "无法创建文件 %s：%v", path, err)
	}
	f.Close()
	s, err := open(ctx, path)
	if err == nil {
		err = s.migrate(ctx)
	}
	if err == nil {
		err = s.tx(ctx, func(tx *sql.Tx) error {
			c := dossier.Campaign{ID: newID(), Title: strings.TrimSpace(opt.Title), Organiser: opt.Organiser,
				Year: opt.Year, Date: opt.Date, Quota: opt.Quota, TrimMin: opt.TrimMin}
			if err := validateCampaign(&c); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO campaign (singleton, id, title, organiser, year, date, quota, trim_min) VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
				c.ID, c.Title, c.Organiser, c.Year, c.Date, c.Quota, c.TrimMin); err != nil {
				return err
			}
			for i := range opt.Categories {
				cat := opt.Categories[i]
				cat.ID = ""
				cat.Position = i
				if err := insertCategory(ctx, tx, &cat); err != nil {
					return err
				}
			}
			return s.event(ctx, tx, "campaign.create", "", "", "创建评选活动“"+c.Title+"”")
		})
	}
	if err == nil {
		// Write the header (application id, format version) into the main
		// file now, so the file is recognisable even before it is closed.
		_, err = s.w.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	}
	if err != nil {
		if s != nil {
			s.Close()
		}
		os.Remove(path)
		os.Remove(path + "-wal")
		os.Remove(path + "-shm")
		return nil, err
	}
	return s, nil
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
	return nil
}

// Close checkpoints the write-ahead log into the file, so that the campaign
// file stands alone when copied or e-mailed, and closes it.
func (s *Store) Close() error {
	if s == nil {
		return nil
	}
	var err error
	if s.r != nil {
		s.r.Close()
	}
	if s.w != nil {
		if _, cerr := s.w.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); cerr != nil {
			err = fmt.Errorf("checkpoint %s: %w", s.path, cerr)
		}
		if cerr := s.w.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}
	return err
}

// tx runs fn in one immediate transaction, rolling back on error or panic.
func (s *Store) tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
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
