package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/dossier-app/dossier/dossier"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// IsURL reports whether a --db value names a campaign on a server (a
// postgres:// or postgresql:// URL, libpq's syntax) rather than a file.
func IsURL(db string) bool {
	l := strings.ToLower(strings.TrimSpace(db))
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// Redact returns a server URL without its password (in the user part or a
// password= parameter), for display, the preferences and the recent
// campaigns: a password is never kept in plain text. Anything else is
// returned as it is.
func Redact(db string) string {
	if !IsURL(db) {
		return db
	}
	u, err := url.Parse(strings.TrimSpace(db))
	if err != nil {
		// Not a URL one can take apart: keep nothing that may be secret.
		if i := strings.Index(db, "://"); i >= 0 {
			return db[:i+3] + "…"
		}
		return "…"
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	if q.Has("password") {
		q.Del("password")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// PasswordFunc asks the user for a login's password on a server (the GUI's
// dialog); it is called only when neither the URL nor PGPASSWORD nor
// ~/.pgpass gives one. An error cancels the connection.
type PasswordFunc func(server, login string) (string, error)

// ConnectOptions say how to reach a server.
type ConnectOptions struct {
	// Password asks for the password when none is known; nil: none asked.
	Password PasswordFunc
	// Timeout bounds the first connection (default 10 s).
	Timeout time.Duration
	// onConnect learns the server process of each new connection.
	onConnect func(pid uint32)
}

// Config is a parsed server URL.
type Config struct {
	conn *pgx.ConnConfig
	// Server names the server and database in messages, without the
	// password: "db.example.cn:5432/评选2026" or "本机（/run/postgresql）/x".
	Server string
	// Login is the user name the connection logs in as.
	Login string
	// Database is the campaign's database.
	Database string
	// URL is the URL without its password (Redact), to show and remember.
	URL string
}

// HasPassword reports whether a password is known for the login: in the
// URL, PGPASSWORD or ~/.pgpass (else the GUI asks for one).
func (c *Config) HasPassword() bool { return c.conn.Password != "" }

// ParseURL reads a server URL (libpq syntax: sslmode and the other
// parameters are honoured; PGPASSWORD, PGSSLMODE… and ~/.pgpass fill what
// the URL leaves out).
func ParseURL(raw string) (*Config, error) {
	if !IsURL(raw) {
		return nil, dossier.Errorf(dossier.EINVALID, "“%s”不是数据库服务器地址（应以 postgres:// 开头）", Redact(raw))
	}
	c, err := pgx.ParseConfig(strings.TrimSpace(raw))
	if err != nil {
		return nil, &dossier.Error{Code: dossier.EINVALID, Err: err, Message: fmt.Sprintf(
			"数据库服务器地址 %s 无法识别；格式为 postgres://登录名@服务器:端口/数据库?sslmode=require", Redact(raw))}
	}
	if c.Database == "" {
		return nil, dossier.Errorf(dossier.EINVALID, "数据库服务器地址 %s 没有指明数据库（每个评选活动一个数据库，如 postgres://服务器/评选2026）", Redact(raw))
	}
	return &Config{conn: c, Server: serverName(c.Host, c.Port, c.Database), Login: c.User, Database: c.Database, URL: Redact(raw)}, nil
}

func serverName(host string, port uint16, database string) string {
	if strings.HasPrefix(host, "/") {
		return "本机（" + host + "）/" + database
	}
	return net.JoinHostPort(host, fmt.Sprint(port)) + "/" + database
}

// Connect opens a connection pool to the campaign's database and checks that
// the server answers and takes the login. Every failure is a Chinese
// message naming the server.
func Connect(ctx context.Context, raw string, opt ConnectOptions) (*sql.DB, *Config, error) {
	cfg, err := ParseURL(raw)
	if err != nil {
		return nil, nil, err
	}
	if cfg.conn.Password == "" && opt.Password != nil {
		pw, err := opt.Password(cfg.Server, cfg.Login)
		if err != nil {
			return nil, nil, err
		}
		cfg.conn.Password = pw
	}
	timeout := opt.Timeout
	if timeout == 0 {
		timeout = 10 * time.Second
	}
	if cfg.conn.ConnectTimeout == 0 || cfg.conn.ConnectTimeout > timeout {
		cfg.conn.ConnectTimeout = timeout
	}
	// Each connection gets the score log's capture tables once (capture.go).
	db := stdlib.OpenDB(*cfg.conn, stdlib.OptionAfterConnect(func(ctx context.Context, c *pgx.Conn) error {
		registerTypes(c.TypeMap())
		if opt.onConnect != nil {
			opt.onConnect(c.PgConn().PID())
		}
		_, err := c.Exec(ctx, tempTablesSQL)
		return err
	}))
	pctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		return nil, nil, connectError(cfg, err)
	}
	return db, cfg, nil
}

// connectError says in Chinese why the server could not be reached or
// refused the login.
func connectError(cfg *Config, err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "28P01", "28000":
			return &dossier.Error{Code: dossier.EINVALID, Err: err, Message: fmt.Sprintf("服务器 %s 拒绝了登录 %s：密码不对，或没有这个登录", cfg.Server, cfg.Login)}
		case "3D000":
			return &dossier.Error{Code: dossier.ENOTFOUND, Err: err, Message: fmt.Sprintf("服务器 %s 上没有数据库 %s；请先由数据库管理员创建它（每个评选活动一个数据库）", cfg.Server, cfg.Database)}
		case "42501":
			return &dossier.Error{Code: dossier.EREADONLY, Err: err, Message: fmt.Sprintf("服务器 %s 不允许登录 %s 连接数据库 %s", cfg.Server, cfg.Login, cfg.Database)}
		case "53300":
			return &dossier.Error{Code: dossier.EBUSY, Err: err, Message: fmt.Sprintf("服务器 %s 的连接数已满，请稍后再试", cfg.Server)}
		case "57P03":
			return &dossier.Error{Code: dossier.EBUSY, Err: err, Message: fmt.Sprintf("服务器 %s 正在启动或关闭，请稍后再试", cfg.Server)}
		}
	}
	if strings.Contains(err.Error(), "tls") || strings.Contains(err.Error(), "x509") || strings.Contains(err.Error(), "SSL") {
		return &dossier.Error{Code: dossier.EINVALID, Err: err, Message: fmt.Sprintf("无法与服务器 %s 建立加密连接（sslmode）：证书不被信任或服务器不支持加密", cfg.Server)}
	}
	return &dossier.Error{Code: dossier.EUNREACHABLE, Err: err, Message: fmt.Sprintf("无法连接数据库服务器 %s：请检查地址和端口、网络是否畅通、服务器是否已启动", cfg.Server)}
}
