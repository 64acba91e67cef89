package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/sqlite"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

var driverBadConn = driver.ErrBadConn

func isNetError(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		strings.Contains(err.Error(), "conn closed") || strings.Contains(err.Error(), "connection reset")
}

// OpenOptions say how to open a campaign on a server.
type OpenOptions struct {
	// Password asks for the login's password when none is known (the
	// GUI's dialog); nil: none is asked.
	Password PasswordFunc
	// Timeout bounds connecting (default 10 s).
	Timeout time.Duration
	// NoListen leaves out listening for other sessions' changes (a
	// command that reads or writes once and quits has no screen to
	// refresh, and spares the server a connection).
	NoListen bool
}

// Open connects to the campaign in the database the URL names and brings
// its schema up to date. A database whose schema is newer than this build
// is refused, as a newer file is; so is an empty database (a campaign is put
// on a server with Create or dossierctl copy).
func Open(ctx context.Context, url string) (*store.Store, error) {
	return OpenWith(ctx, url, OpenOptions{})
}

// OpenWith opens a campaign on a server as opt says.
func OpenWith(ctx context.Context, url string, opt OpenOptions) (*store.Store, error) {
	srv, err := connectServer(ctx, url, opt)
	if err != nil {
		return nil, err
	}
	v, err := schemaVersion(ctx, srv.db)
	if err != nil {
		srv.Close()
		return nil, connectError(srv.cfg, err)
	}
	if v == 0 {
		srv.Close()
		return nil, dossier.Errorf(dossier.ENOTFOUND, "服务器 %s 上的数据库 %s 中还没有评选活动；请用 dossierctl copy 把评选活动文件复制上去，或用 dossierctl new 新建", srv.cfg.Server, srv.cfg.Database)
	}
	if err := Migrate(ctx, srv.db, srv.cfg.Server); err != nil {
		srv.Close()
		return nil, err
	}
	var n int
	if err := srv.db.QueryRowContext(ctx, `SELECT count(*) FROM campaign`).Scan(&n); err != nil || n != 1 {
		srv.Close()
		if err != nil {
			return nil, serverError(srv.cfg.Server, "读取评选活动", err)
		}
		return nil, dossier.Errorf(dossier.ENOTFOUND, "服务器 %s 上的数据库 %s 中还没有评选活动；请用 dossierctl copy 把评选活动文件复制上去，或用 dossierctl new 新建", srv.cfg.Server, srv.cfg.Database)
	}
	st := srv.newStore()
	if err := st.StartLog(ctx); err != nil {
		st.Close()
		return nil, err
	}
	if !opt.NoListen {
		srv.listen(st)
	}
	return st, nil
}

// Location is where an open campaign lives, to show and to remember among
// the recent campaigns: a file's path, or a server's URL without its
// password.
func Location(st *store.Store) string {
	if s, ok := st.Backend().(*server); ok {
		return s.cfg.URL
	}
	return st.Path()
}

// Role is the role of the store's login in its campaign on a server
// (RoleClerk, RoleChair or RoleEvaluator; "" for a file, whose user may do
// everything).
func Role(ctx context.Context, st *store.Store) (string, error) {
	s, ok := st.Backend().(*server)
	if !ok {
		return "", nil
	}
	var r sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT dossier_role()`).Scan(&r); err != nil {
		return "", serverError(s.cfg.Server, "读取登录的角色", err)
	}
	return r.String, nil
}

// CreateOptions describe a new campaign on a server.
type CreateOptions struct {
	Campaign   dossier.Campaign
	Categories []dossier.Category // with Indicators; IDs are assigned
	// Fill, when set, adds content after the campaign is made; should it
	// fail, the database is emptied again.
	Fill func(ctx context.Context, s *store.Store) error
	// Copy, when set, replaces the new campaign by this one, whole (see
	// store.CopyTo), before the score log starts.
	Copy *store.Store
	Open OpenOptions
}

// Create makes a new campaign in the database the URL names, which must be
// empty (a database administrator creates it; one database per campaign):
// an existing campaign is never overwritten.
func Create(ctx context.Context, url string, opt CreateOptions) (*store.Store, error) {
	if opt.Copy == nil && strings.TrimSpace(opt.Campaign.Title) == "" {
		return nil, dossier.Errorf(dossier.EINVALID, "评选活动名称不能为空")
	}
	srv, err := connectServer(ctx, url, opt.Open)
	if err != nil {
		return nil, err
	}
	v, err := schemaVersion(ctx, srv.db)
	if err != nil {
		srv.Close()
		return nil, connectError(srv.cfg, err)
	}
	if v > 0 {
		var n int
		srv.db.QueryRowContext(ctx, `SELECT count(*) FROM campaign`).Scan(&n)
		if n > 0 {
			srv.Close()
			return nil, dossier.Errorf(dossier.ECONFLICT, "服务器 %s 上的数据库 %s 中已有评选活动，不会覆盖；请为新的评选活动另建一个数据库", srv.cfg.Server, srv.cfg.Database)
		}
	}
	if err := Migrate(ctx, srv.db, srv.cfg.Server); err != nil {
		srv.Close()
		return nil, err
	}
	st := srv.newStore()
	fail := func(err error) (*store.Store, error) {
		if rerr := resetCampaign(ctx, srv.db); rerr != nil {
			err = errors.Join(err, rerr)
		}
		st.Close()
		return nil, err
	}
	if opt.Copy != nil {
		if err := opt.Copy.CopyTo(ctx, st); err != nil {
			return fail(err)
		}
	} else {
		c := opt.Campaign
		c.Title = strings.TrimSpace(c.Title)
		if c.TrimMin == 0 {
			c.TrimMin = dossier.DefaultTrimMin
		}
		if err := st.InitCampaign(ctx, c, opt.Categories); err != nil {
			return fail(err)
		}
	}
	if err := st.StartLog(ctx); err != nil {
		return fail(err)
	}
	if opt.Fill != nil {
		if err := opt.Fill(ctx, st); err != nil {
			return fail(err)
		}
	}
	if !opt.Open.NoListen {
		srv.listen(st)
	}
	return st, nil
}

// resetCampaign empties a campaign that Create could not finish, so that it
// can be made again.
func resetCampaign(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	tables := store.CopyTables()
	for i := len(tables) - 1; i >= 0; i-- {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+quoteIdent(tables[i])); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO scoring (singleton) VALUES (1)`); err != nil {
		return err
	}
	return tx.Commit()
}

// server is a campaign's database on a server: the store.Backend of its
// Store.
type server struct {
	cfg *Config
	db  *sql.DB
	st  *store.Store
	own sync.Map // server process IDs of this store's connections: their changes are counted already

	mu     sync.Mutex
	cancel context.CancelFunc
	done   chan struct{}
}

func connectServer(ctx context.Context, url string, opt OpenOptions) (*server, error) {
	s := &server{}
	db, cfg, err := Connect(ctx, url, ConnectOptions{Password: opt.Password, Timeout: opt.Timeout,
		onConnect: func(pid uint32) { s.own.Store(pid, true) }})
	if err != nil {
		return nil, err
	}
	// A committee of 30 scores at once, each through its own login and
	// store: a few connections each is plenty, and spares the server's
	// max_connections.
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s.cfg, s.db = cfg, db
	return s, nil
}

func (s *server) newStore() *store.Store {
	s.st = store.New(store.Config{Write: s.db, Read: s.db, Dialect: dialect{s.cfg.Server}, Backend: s})
	return s.st
}

// Backup writes the campaign to a new campaign file at out (the GUI's
// "save a copy", dossierctl backup): a copy of everything, as dossierctl
// copy makes it.
func (s *server) Backup(ctx context.Context, out string) error {
	c, err := s.st.Campaign(ctx)
	if err != nil {
		return err
	}
	f, err := sqlite.Create(ctx, out, sqlite.CreateOptions{Title: c.Title,
		Fill: func(ctx context.Context, dst *store.Store) error { return s.st.CopyTo(ctx, dst) }})
	if err != nil {
		return err
	}
	return f.Close()
}

// Where names the server and the database.
func (s *server) Where() string { return "服务器 " + s.cfg.Server }

// Writable is always nil: what a login may write is the server's to say.
func (s *server) Writable() error { return nil }

// BeforeCommit has nothing to add.
func (s *server) BeforeCommit(context.Context, *store.Tx) error { return nil }

// AfterCommit has nothing to note.
func (s *server) AfterCommit() {}

// ReadOnlyReason is "": a server campaign is never opened read-only.
func (s *server) ReadOnlyReason() string { return "" }

// Damaged is false: the server looks after its own pages.
func (s *server) Damaged() bool { return false }

// Notices has nothing to tell.
func (s *server) Notices() []string { return nil }

// ReadSnapshot makes a copy read one consistent state of every table.
func (s *server) ReadSnapshot() *sql.TxOptions {
	return &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
}

// BeforeCopy switches the campaign's own triggers off for the copy's
// transaction (capture, login stamps, notifications: the copied rows are no
// change to log, and each history entry keeps the login column's default,
// the copier). Only the clerks, who own the tables, may; the server's
// foreign-key checks stay on.
func (s *server) BeforeCopy(ctx context.Context, tx *store.Tx) error {
	for _, t := range store.CopyTables() {
		if _, err := tx.ExecContext(ctx, "ALTER TABLE "+quoteIdent(t)+" DISABLE TRIGGER USER"); err != nil {
			return err
		}
	}
	return nil
}

// AfterCopy switches the triggers on again and moves history's identity
// past the copied ids.
func (s *server) AfterCopy(ctx context.Context, tx *store.Tx) error {
	for _, t := range store.CopyTables() {
		if _, err := tx.ExecContext(ctx, "ALTER TABLE "+quoteIdent(t)+" ENABLE TRIGGER USER"); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `NOTIFY dossier_changed`); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('history', 'id'), coalesce((SELECT max(id) FROM history), 0) + 1, false)`)
	return err
}

// Close stops listening and closes the connections.
func (s *server) Close() error {
	s.mu.Lock()
	cancel, done := s.cancel, s.done
	s.cancel = nil
	s.mu.Unlock()
	if cancel != nil {
		cancel()
		<-done
	}
	return s.db.Close()
}

// listen bumps st's generation whenever another session commits a change
// to the campaign (capture.sql notifies dossier_changed), so that screens
// refresh; a lost connection is made again, every second at most, and
// counts as a change (what happened meanwhile is unknown).
func (s *server) listen(st *store.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	s.mu.Lock()
	s.cancel, s.done = cancel, make(chan struct{})
	done := s.done
	s.mu.Unlock()
	// Open returns once the first LISTEN is in place (or failed), so
	// that no change made after it is missed.
	ready := make(chan struct{})
	var once sync.Once
	go func() {
		defer close(done)
		for ctx.Err() == nil {
			c, err := pgx.ConnectConfig(ctx, s.cfg.conn.Copy())
			if err == nil {
				_, err = c.Exec(ctx, `LISTEN dossier_changed`)
			}
			once.Do(func() { close(ready) })
			for err == nil {
				var n *pgconn.Notification
				n, err = c.WaitForNotification(ctx)
				if err == nil {
					if _, mine := s.own.Load(n.PID); !mine {
						st.BumpGeneration()
					}
				}
			}
			if c != nil {
				c.Close(context.Background())
			}
			select {
			case <-ctx.Done():
				return
			case <-time.After(time.Second):
			}
			st.BumpGeneration()
		}
	}()
	select {
	case <-ready:
	case <-time.After(10 * time.Second):
	}
}
