package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"sync/atomic"

	"github.com/dossier-app/dossier/dossier"
	msqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// fileState is what every connection to one open campaign shares: the name
// the user gave (for messages) and whether SQLite has reported damage.
type fileState struct {
	path    string
	damaged atomic.Bool
	reason  atomic.Value // string: why the file counts as damaged
}

func (fs *fileState) markDamaged(reason string) {
	fs.reason.Store(reason)
	fs.damaged.Store(true)
}

func (fs *fileState) damageReason() string {
	r, _ := fs.reason.Load().(string)
	return r
}

// userError maps the SQLite failures a user can meet (damage, a lock held
// by another program, a full disk, a file that became read-only) to a
// Chinese *dossier.Error naming the file; the SQLite error stays its
// cause. Other errors pass unchanged.
func (fs *fileState) userError(err error) error {
	var se *msqlite.Error
	if err == nil || !errors.As(err, &se) {
		return err
	}
	var de *dossier.Error
	if errors.As(err, &de) {
		return err
	}
	p := fs.path
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		fs.markDamaged("SQLite 报告文件内容损坏")
		return &dossier.Error{Code: dossier.EDAMAGED, Message: damagedMessage(p, "读取时发现内容损坏"), Err: err}
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return &dossier.Error{Code: dossier.EBUSY, Message: "另一个程序正在修改此文件 " + p + "，请稍后再试", Err: err}
	case sqlite3.SQLITE_FULL:
		return &dossier.Error{Code: dossier.EDISKFULL, Message: "磁盘空间不足，未能保存到 " + p + "；请腾出空间后重试（此前已保存的内容不受影响）", Err: err}
	case sqlite3.SQLITE_IOERR:
		return &dossier.Error{Code: dossier.EDISKFULL, Message: "磁盘空间不足或磁盘读写出错，未能保存到 " + p + "；请检查磁盘、腾出空间后重试（此前已保存的内容不受影响）", Err: err}
	case sqlite3.SQLITE_READONLY:
		return &dossier.Error{Code: dossier.EREADONLY, Message: readOnlyMessage(p, "文件或所在文件夹不可写"), Err: err}
	case sqlite3.SQLITE_CANTOPEN:
		return &dossier.Error{Code: dossier.ENOTCAMPAIGN, Message: "无法打开文件 " + p + "（文件或其所在文件夹不可访问）", Err: err}
	}
	return err
}

func damagedMessage(path, why string) string {
	return "评选活动文件 " + path + " 已损坏（" + why + "），为免损坏扩大，不再写入；请用备份恢复（dossierctl backup 或“另存备份”生成的副本）"
}

func readOnlyMessage(path, why string) string {
	return "评选活动文件 " + path + " 为只读（" + why + "），不能修改；可另存副本后修改"
}

// connector opens modernc connections and wraps them so that every error
// from SQLite, wherever a store method meets it, reaches the user in
// Chinese through fileState.userError.
type connector struct {
	inner driver.Connector
	state *fileState
}

func openDB(dsn string, state *fileState) (*sql.DB, error) {
	inner, err := msqlite.NewConnector(dsn)
	if err != nil {
		return nil, err
	}
	return sql.OpenDB(&connector{inner: inner, state: state}), nil
}

func (c *connector) Connect(ctx context.Context) (driver.Conn, error) {
	cn, err := c.inner.Connect(ctx)
	if err != nil {
		return nil, c.state.userError(err)
	}
	return &conn{cn, c.state}, nil
}

func (c *connector) Driver() driver.Driver { return &msqlite.Driver{} }

type conn struct {
	driver.Conn
	st *fileState
}

func (c *conn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

func (c *conn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	s, err := c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, query)
	if err != nil {
		return nil, c.st.userError(err)
	}
	return &stmt{s, c.st}, nil
}

func (c *conn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

func (c *conn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	t, err := c.Conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
	if err != nil {
		return nil, c.st.userError(err)
	}
	return &tx{t, c.st}, nil
}

func (c *conn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	r, err := c.Conn.(driver.ExecerContext).ExecContext(ctx, query, args)
	return r, c.st.userError(err)
}

func (c *conn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	r, err := c.Conn.(driver.QueryerContext).QueryContext(ctx, query, args)
	if err != nil {
		return nil, c.st.userError(err)
	}
	return &rows{r, c.st}, nil
}

func (c *conn) Ping(ctx context.Context) error {
	return c.st.userError(c.Conn.(driver.Pinger).Ping(ctx))
}

func (c *conn) ResetSession(ctx context.Context) error {
	return c.Conn.(driver.SessionResetter).ResetSession(ctx)
}

func (c *conn) IsValid() bool { return c.Conn.(driver.Validator).IsValid() }

type stmt struct {
	driver.Stmt
	st *fileState
}

func (s *stmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	r, err := s.Stmt.(driver.StmtExecContext).ExecContext(ctx, args)
	return r, s.st.userError(err)
}

func (s *stmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	r, err := s.Stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
	if err != nil {
		return nil, s.st.userError(err)
	}
	return &rows{r, s.st}, nil
}

type rows struct {
	driver.Rows
	st *fileState
}

func (r *rows) Next(dest []driver.Value) error { return r.st.userError(r.Rows.Next(dest)) }

func (r *rows) Close() error { return r.st.userError(r.Rows.Close()) }

func (r *rows) ColumnTypeDatabaseTypeName(i int) string {
	if t, ok := r.Rows.(driver.RowsColumnTypeDatabaseTypeName); ok {
		return t.ColumnTypeDatabaseTypeName(i)
	}
	return ""
}

type tx struct {
	driver.Tx
	st *fileState
}

func (t *tx) Commit() error   { return t.st.userError(t.Tx.Commit()) }
func (t *tx) Rollback() error { return t.st.userError(t.Tx.Rollback()) }
