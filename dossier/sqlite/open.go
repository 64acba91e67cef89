package sqlite

import (
	"context"
	"errors"
	"fmt"
	"github.com/dossier-app/dossier/dossier/store"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/internal/netpath"
	"github.com/dossier-app/dossier/internal/safefile"
)

// BusyTimeout is how long a write waits for another program's lock before
// it fails with "另一个程序正在修改此文件".
var BusyTimeout = 10 * time.Second

// OpenOptions say how to open a campaign.
type OpenOptions struct {
	// ReadOnly opens the campaign for reading only: every write is
	// refused with dossier.EREADONLY. A campaign that cannot be written
	// (read-only medium, file or folder) opens read-only anyway.
	ReadOnly bool
	// Program names the opener in the lock file (Holder.Program); the
	// executable's name when empty.
	Program string
}

type connMode int

const (
	modeWrite     connMode = iota // the one writing connection
	modeRead                      // the reading pool of a writable store
	modeReadOnly                  // read-only store sharing the journal of live writers
	modeImmutable                 // read-only store of a file nobody writes: no -wal, no -shm, no locks
)

func dsn(path string, mode connMode) string {
	u := url.URL{Scheme: "file", Path: path, OmitHost: true}
	var q []string
	switch mode {
	case modeReadOnly:
		q = append(q, "mode=ro")
	case modeImmutable:
		q = append(q, "mode=ro", "immutable=1")
	}
	q = append(q, "_pragma=foreign_keys(1)",
		fmt.Sprintf("_pragma=busy_timeout(%d)", BusyTimeout.Milliseconds()))
	if mode == modeWrite || mode == modeRead {
		q = append(q, "_pragma=journal_mode(WAL)", "_pragma=synchronous(FULL)")
	}
	q = append(q,
		"_pragma=cache_size(-32768)",   // 32 MB: a campaign's scores stay in memory
		"_pragma=mmap_size(268435456)", // reads without a syscall per page
	)
	switch mode {
	case modeWrite:
		q = append(q, "_txlock=immediate")
	case modeRead:
		q = append(q, "_pragma=query_only(1)", "_txlock=deferred")
	default:
		// mode=ro already refuses writes to the file; query_only would
		// also refuse VACUUM INTO, which a backup of it needs.
		q = append(q, "_txlock=deferred")
	}
	return u.String() + "?" + strings.Join(q, "&")
}

// Open opens an existing campaign file, first checking its header read-only,
// and brings its schema up to date. A campaign that cannot be written opens
// read-only (see OpenWith).
func Open(ctx context.Context, path string) (*Store, error) {
	return OpenWith(ctx, path, OpenOptions{})
}

// OpenWith opens an existing campaign file as opt says.
//
// Opened for writing, it records the opener in the lock file (see InUse),
// sets aside a journal (-wal) left beside the file that does not belong to
// it (Notices says so), and checks the file (PRAGMA quick_check): a damaged
// file opens, but refuses every write with dossier.EDAMAGED.
//
// Opened read-only, nothing is created beside the file.
func OpenWith(ctx context.Context, path string, opt OpenOptions) (*Store, error) {
	if err := CheckFile(path); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	s := &file{path: path, state: &fileState{path: path}}
	if opt.ReadOnly {
		s.roReason = "按要求以只读方式打开"
	} else if why := notWritable(abs); why != "" {
		s.roReason = why
	}
	if s.roReason == "" {
		program := opt.Program
		if program == "" {
			program = filepath.Base(os.Args[0])
		}
		err = s.openWritable(ctx, abs, program)
		if dossier.ErrorCode(err) == dossier.EDISKFULL {
			// SQLite could not make room for its journal or shared
			// memory: still let the user read, rank and export.
			s.Close()
			removeEmptyJournal(abs)
			s = &file{path: path, state: &fileState{path: path}, roReason: "所在磁盘空间不足"}
			err = nil
		}
	}
	if s.roReason != "" {
		err = s.openReadOnly(ctx, abs)
	}
	if err != nil {
		s.Close()
		removeEmptyJournal(abs)
		return nil, err
	}
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM campaign`).Scan(&n); err != nil || n != 1 {
		s.Close()
		if dossier.ErrorCode(err) == dossier.EDAMAGED {
			return nil, err
		}
		return nil, dossier.Errorf(dossier.ENOTCAMPAIGN, "文件 %s 中没有评选活动记录，文件可能已损坏；请用备份恢复", path)
	}
	if err := s.quickCheck(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if s.st == nil {
		s.st = s.newStore()
	}
	s.sawWrites(ctx)
	return s.st, nil
}

func (s *file) openWritable(ctx context.Context, abs, program string) error {
	reg, others, err := register(abs, program)
	if err == nil {
		s.reg, s.others = reg, others
		// Until this store's connections are open, no other opener may
		// look at or set aside the journal.
		defer reg.openDone()
	}
	if len(others) == 0 {
		note, err := setAsideForeignWAL(ctx, abs, s.path)
		if err != nil {
			return err
		}
		if note != "" {
			s.notices = append(s.notices, note)
		}
	}
	if w := netpath.Warning(abs); w != "" {
		s.notices = append(s.notices, w)
	}
	if err := s.connect(ctx, abs, modeWrite); err != nil {
		return err
	}
	if err := s.migrate(ctx); err != nil {
		if c := dossier.ErrorCode(err); c == dossier.EINTERNAL {
			return &dossier.Error{Code: dossier.ENOTCAMPAIGN, Message: "无法打开评选活动文件 " + s.path + "，文件可能已损坏；请用备份恢复", Err: err}
		}
		return err
	}
	s.touch = true
	return nil
}

// connect opens the writing connection (modeWrite) and the reading pool,
// or only a read-only pool.
func (s *file) connect(ctx context.Context, abs string, mode connMode) error {
	if mode == modeWrite {
		w, err := openDB(dsn(abs, modeWrite), s.state)
		if err != nil {
			return err
		}
		w.SetMaxOpenConns(1)
		w.SetConnMaxIdleTime(0)
		s.w = w
		if err := w.PingContext(ctx); err != nil {
			if dossier.ErrorCode(err) == dossier.EINTERNAL {
				return &dossier.Error{Code: dossier.ENOTCAMPAIGN, Message: "无法打开文件 " + s.path, Err: err}
			}
			return err
		}
		mode = modeRead
	}
	r, err := openDB(dsn(abs, mode), s.state)
	if err != nil {
		return err
	}
	r.SetMaxOpenConns(4)
	s.r = r
	return nil
}

// openReadOnly opens a campaign that will not be written. A file nobody
// writes and that has no journal is opened immutable, which reads without
// creating -wal or -shm beside it; a journal still to be read (committed
// work of a crash, or of a live writer) needs SQLite's shared memory.
func (s *file) openReadOnly(ctx context.Context, abs string) error {
	mode := modeImmutable
	if walFrames(abs) || shmInUse(abs) {
		mode = modeReadOnly
	}
	if err := s.connect(ctx, abs, mode); err != nil {
		return err
	}
	if mode == modeReadOnly {
		if err := s.r.PingContext(ctx); err != nil {
			s.r.Close()
			// The -shm cannot be created (read-only folder or medium):
			// read the file as it stands and say what is not shown.
			if err := s.connect(ctx, abs, modeImmutable); err != nil {
				return err
			}
			s.roReason += "；旁边的日志文件 " + s.path + "-wal 中尚未并入的修改未能读取"
		}
	}
	var v int
	if err := s.r.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		if dossier.ErrorCode(err) != dossier.EINTERNAL {
			return err
		}
		return dossier.Errorf(dossier.ENOTCAMPAIGN, "无法打开评选活动文件 %s，文件可能已损坏；请用备份恢复", s.path)
	}
	if v < SchemaVersion() {
		return dossier.Errorf(dossier.EREADONLY, "评选活动文件 %s 是旧版本的文件格式（%d），需要先升级才能打开，但文件为只读（%s）；请把它复制到可写的位置后再打开", s.path, v, s.roReason)
	}
	return nil
}

// quickCheck looks for damage on opening, as cheaply as it can: SQLite's
// quick_check on every table but two, whose full check costs more than
// the opening itself on a 1,000-unit campaign (30 evaluators, two 150 KB
// photos per unit; BenchmarkOpenQuickCheck): the pictures (their blobs are
// most of the file: 0.66 s) and the scores (150,000 rows whose CHECK
// constraints quick_check evaluates: 0.35 s). The scores' b-trees are
// walked page by page instead (dbstat: 40 ms), which finds a damaged page
// header or cell layout; a damaged picture page is caught when it is read
// (any SQLITE_CORRUPT marks the store damaged), and by Check. A damaged file
// stays readable for what can be read, but every write is refused.
func (s *file) quickCheck(ctx context.Context) error {
	rows, err := s.r.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('image', 'score') AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		return s.damagedOr(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return s.damagedOr(err)
		}
		tables = append(tables, n)
	}
	if err := rows.Close(); err != nil {
		return s.damagedOr(err)
	}
	for _, t := range tables {
		var res string
		if err := s.r.QueryRowContext(ctx, `PRAGMA quick_check("`+t+`")`).Scan(&res); err != nil {
			return s.damagedOr(err)
		}
		if res != "ok" {
			s.state.markDamaged("完整性检查发现问题")
			return nil
		}
	}
	// dbstat reports a page it cannot decode as "corrupted" rather than
	// failing.
	var bad int
	err = s.r.QueryRowContext(ctx, `SELECT count(*) FROM dbstat WHERE name IN (SELECT name FROM sqlite_master WHERE tbl_name = 'score') AND pagetype NOT IN ('internal', 'leaf', 'overflow')`).Scan(&bad)
	if err == nil && bad > 0 {
		s.state.markDamaged("完整性检查发现问题")
		return nil
	}
	if err != nil && dossier.ErrorCode(err) != dossier.EDAMAGED {
		// No dbstat in this SQLite: the full check, slower.
		var res string
		if err := s.r.QueryRowContext(ctx, `PRAGMA quick_check("score")`).Scan(&res); err != nil {
			return s.damagedOr(err)
		} else if res != "ok" {
			s.state.markDamaged("完整性检查发现问题")
		}
		return nil
	}
	return s.damagedOr(err)
}

// damagedOr returns nil for damage SQLite reported (the file is marked
// damaged and opens for reading), err otherwise.
func (s *file) damagedOr(err error) error {
	if dossier.ErrorCode(err) == dossier.EDAMAGED {
		return nil
	}
	return err
}

// ReadOnlyReason says in Chinese why the campaign is open read-only ("" when
// it is writable).
func (s *file) ReadOnlyReason() string { return s.roReason }

// Damaged reports whether the file was found damaged, on opening or by any
// read since; a damaged campaign refuses every write.
func (s *file) Damaged() bool { return s.state.damaged.Load() }

// Notices are what the user must be told about the opening (a journal set
// aside), in Chinese.
func (s *file) Notices() []string { return s.notices }

// Where is the file's path as the user gave it.
func (s *file) Where() string { return s.path }

// Path is the file's path as the user gave it.
func (s *file) Path() string { return s.path }

// OtherHolders lists who else had the campaign file open for writing when
// s opened it (see InUse); nil for a campaign that is not a file.
func OtherHolders(s *Store) []Holder {
	if f, ok := s.Backend().(*file); ok {
		return f.others
	}
	return nil
}

// Writable says why the file must not be written, or nil.
func (s *file) Writable() error {
	if s.roReason != "" || s.w == nil {
		return dossier.Errorf(dossier.EREADONLY, "%s", readOnlyMessage(s.path, s.roReason))
	}
	if s.state.damaged.Load() {
		return dossier.Errorf(dossier.EDAMAGED, "%s", damagedMessage(s.path, s.state.damageReason()))
	}
	return nil
}

// BeforeCommit rewrites the page holding the file's identity in every
// write transaction, so a journal always carries the identity of the file
// it belongs to (see setAsideForeignWAL).
func (s *file) BeforeCommit(ctx context.Context, tx *store.Tx) error {
	if !s.touch {
		return nil
	}
	var n int64
	if err := tx.QueryRowContext(ctx, `UPDATE file_identity SET writes = writes + 1 RETURNING writes`).Scan(&n); err != nil {
		return err
	}
	s.mu.Lock()
	s.pending = n
	s.mu.Unlock()
	return nil
}

// AfterCommit notes that Close must checkpoint, and that the write count
// the commit reached is this store's own.
func (s *file) AfterCommit() {
	s.wrote.Store(true)
	s.mu.Lock()
	if s.pending-1 > s.writes {
		s.elsewhere = true // another program committed just before
	}
	s.writes = max(s.writes, s.pending)
	s.mu.Unlock()
}

// Close checkpoints the write-ahead log into the file, so that the campaign
// file stands alone when copied or e-mailed, and closes it. A store that
// wrote nothing does not checkpoint (it never waits on another program);
// while another Dossier process has the file open, the checkpoint does not
// wait either: the last one to close completes it. When the file cannot be
// made to stand alone, Close says so (dossier.EBUSY or EDISKFULL): the work
// is saved, in the journal beside the file.
func (s *file) Close() error {
	if s == nil {
		return nil
	}
	if s.r != nil {
		s.r.Close()
	}
	var ckErr error
	if s.w != nil {
		if s.wrote.Load() {
			ckErr = s.checkpoint()
		}
		s.w.Close()
		s.w = nil
	}
	s.reg.release()
	s.reg = nil
	if dossier.ErrorCode(ckErr) == dossier.EBUSY {
		if !walFrames(s.path) {
			return nil // closing the last connection merged it after all
		}
		if h, _ := InUse(s.path); h != nil {
			return nil // that Dossier process merges it when it closes
		}
	}
	return ckErr
}

func (s *file) checkpoint() error {
	others, _ := liveHolders(s.path, s.reg)
	mode := "TRUNCATE"
	if len(others) > 0 {
		mode = "PASSIVE"
	}
	var busy, logFrames, done int
	err := s.w.QueryRow(`PRAGMA wal_checkpoint(`+mode+`)`).Scan(&busy, &logFrames, &done)
	if mode == "PASSIVE" {
		return nil
	}
	var de *dossier.Error
	switch {
	case err == nil && busy == 0:
		return nil
	case err == nil, errors.As(err, &de) && de.Code == dossier.EBUSY:
		return &dossier.Error{Code: dossier.EBUSY, Err: err, Message: "修改已保存，但另一个程序正在使用 " + s.path +
			"，未能把修改并入文件本身：它们暂存在旁边的 " + filepath.Base(s.path) + "-wal 中。在那个程序关闭、并再次打开和关闭本文件之前，请不要单独复制或发送 " + s.path}
	case errors.As(err, &de) && de.Code == dossier.EDISKFULL:
		return &dossier.Error{Code: dossier.EDISKFULL, Err: err, Message: "磁盘空间不足，未能把修改并入 " + s.path +
			"：修改暂存在旁边的 " + filepath.Base(s.path) + "-wal 中，请勿删除它；腾出空间后再打开并关闭一次本文件即可并入"}
	}
	return err
}

// removeEmptyJournal removes the empty -wal and the -shm that a failed
// open left, when no one else has the file open.
func removeEmptyJournal(abs string) {
	if shmInUse(abs) {
		return
	}
	if st, err := os.Stat(abs + "-wal"); err == nil && st.Size() == 0 {
		os.Remove(abs + "-wal")
		os.Remove(abs + "-shm")
	} else if err != nil {
		os.Remove(abs + "-shm")
	}
}

// walFrames reports whether a journal with content lies beside path.
func walFrames(path string) bool {
	st, err := os.Stat(path + "-wal")
	return err == nil && st.Size() > 32
}

// shmInUse reports whether any SQLite connection, in any program, has the
// file open: each holds a shared lock on the -shm's "DMS" byte (offset 128
// in SQLite's unix VFS) for as long as it is open.
func shmInUse(path string) bool {
	f, err := os.Open(path + "-shm")
	if err != nil {
		return false
	}
	defer f.Close()
	held, err := safefile.Locked(f, 128, 1)
	return err != nil || held
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
	// Fill, when set, adds content (units, evaluators…) before the file
	// appears under its name, so that a new file is whole or absent.
	Fill func(ctx context.Context, s *store.Store) error
}

// Create makes a new campaign file at path. It refuses an existing file:
// nothing is ever overwritten. The campaign is built under a temporary name
// beside path and linked into place only when whole, so a kill leaves
// either the whole new file or none (and a temporary file the next Create
// removes).
func Create(ctx context.Context, path string, opt CreateOptions) (*Store, error) {
	if _, err := os.Lstat(path); err == nil {
		return nil, dossier.Errorf(dossier.ECONFLICT, "文件 %s 已存在，不会覆盖；请换一个文件名", path)
	}
	if strings.TrimSpace(opt.Title) == "" {
		return nil, dossier.Errorf(dossier.EINVALID, "评选活动名称不能为空")
	}
	if opt.TrimMin == 0 {
		opt.TrimMin = dossier.DefaultTrimMin
	}
	safefile.Clean(path)
	t, err := safefile.NewTemp(path)
	if err != nil {
		return nil, dossier.DiskError(path, err)
	}
	if err := build(ctx, t.Name(), path, opt); err != nil {
		t.Discard()
		return nil, err
	}
	if err := t.Chmod(0o644); err != nil {
		t.Discard()
		return nil, dossier.DiskError(path, err)
	}
	if err := t.Publish(); errors.Is(err, safefile.ErrExist) {
		return nil, dossier.Errorf(dossier.ECONFLICT, "文件 %s 已存在，不会覆盖；请换一个文件名", path)
	} else if err != nil {
		return nil, dossier.DiskError(path, err)
	}
	return Open(ctx, path)
}

// build writes the whole campaign into the temporary file tmp and closes it
// with its journal merged.
func build(ctx context.Context, tmp, path string, opt CreateOptions) error {
	abs, err := filepath.Abs(tmp)
	if err != nil {
		return err
	}
	f := &file{path: path, state: &fileState{path: path}}
	err = f.connect(ctx, abs, modeWrite)
	if err == nil {
		err = f.migrate(ctx)
	}
	if err == nil {
		f.touch = true
		err = f.st.InitCampaign(ctx, dossier.Campaign{Title: strings.TrimSpace(opt.Title), Organiser: opt.Organiser,
			Year: opt.Year, Date: opt.Date, Quota: opt.Quota, TrimMin: opt.TrimMin}, opt.Categories)
	}
	if err == nil && opt.Fill != nil {
		err = opt.Fill(ctx, f.st)
	}
	if err == nil {
		err = f.Close()
	} else {
		f.Close()
	}
	// SQLite's failures already speak Chinese (fileState.userError).
	return err
}
