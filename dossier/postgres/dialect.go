package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/jackc/pgx/v5/pgconn"
)

// dialect is PostgreSQL's side of store.Dialect.
type dialect struct{ server string }

// Rebind turns the store's placeholders into PostgreSQL's: ? into $1, $2…
// in order, and SQLite's numbered ?N into $N; quoted text and identifiers
// are left alone.
func (dialect) Rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 8)
	n := 0
	var quote byte
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?':
			j := i + 1
			for j < len(q) && q[j] >= '0' && q[j] <= '9' {
				j++
			}
			if j > i+1 {
				b.WriteString("$" + q[i+1:j])
				i = j - 1
				continue
			}
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// writeLock serialises the campaign's write transactions, as a file's one
// writing connection does: each appends to the score log's hash chain,
// which must never fork. Its key is arbitrary and the same in every
// database; an advisory lock is per database.
const writeLock = 0x444f5353 // "DOSS"

// ArmCapture takes the campaign's write lock. The triggers are the
// schema's (capture.sql); the session's tables they fill are made when the
// connection is (Connect).
func (dialect) ArmCapture(ctx context.Context, tx *store.Tx) error {
	_, err := tx.ExecContext(ctx, fmt.Sprintf("SELECT pg_advisory_xact_lock(%d)", writeLock))
	return err
}

// Captured reads what the triggers noted, in the order noted, and clears
// it.
func (dialect) Captured(ctx context.Context, tx *store.Tx) (store.Capture, error) {
	return store.ReadCapture(ctx, tx)
}

// Classify says in Chinese, naming the server, what the user can act on:
// the connection lost, a right the login lacks, a server too busy.
func (d dialect) Classify(err error) error {
	if err == nil {
		return nil
	}
	var de *dossier.Error
	if errors.As(err, &de) {
		return err
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "42501":
			return &dossier.Error{Code: dossier.EREADONLY, Err: err, Message: fmt.Sprintf("服务器 %s 拒绝了这项修改：当前登录没有这项权限（%s）", d.server, roleHint(pe))}
		case pe.Code == "40001" || pe.Code == "40P01" || pe.Code == "55P03" || pe.Code == "53300":
			return &dossier.Error{Code: dossier.EBUSY, Err: err, Message: fmt.Sprintf("服务器 %s 正忙，修改未保存；请稍后再试", d.server)}
		case strings.HasPrefix(pe.Code, "08") || pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03":
			return unreachable(d.server, err)
		case pe.Code == "53100":
			return &dossier.Error{Code: dossier.EDISKFULL, Err: err, Message: fmt.Sprintf("服务器 %s 的磁盘已满，修改未保存；请联系数据库管理员", d.server)}
		}
		return err
	}
	if pgconn.Timeout(err) || errors.Is(err, driverBadConn) || isNetError(err) {
		return unreachable(d.server, err)
	}
	return err
}

func roleHint(pe *pgconn.PgError) string {
	if strings.Contains(pe.Message, "row-level security") {
		return "评委只能修改自己的评分"
	}
	if pe.Message != "" && !strings.HasPrefix(pe.Message, "permission denied") {
		return pe.Message // our own triggers speak Chinese
	}
	return "评委只能录入自己的评分和评语，主任可以记录评委会决定和复核意见"
}

func unreachable(server string, err error) error {
	return &dossier.Error{Code: dossier.EUNREACHABLE, Err: err, Message: fmt.Sprintf("与数据库服务器 %s 的连接中断，修改未保存；请检查网络，连接恢复后再保存一次", server)}
}

// IsUnique reports a unique or primary-key violation.
func (dialect) IsUnique(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}

// SchemaVersion reads the newest migration recorded (0 for an empty
// database).
func (dialect) SchemaVersion(ctx context.Context, q store.Querier) (int, error) {
	var reg sql.NullString
	if err := q.QueryRowContext(ctx, `SELECT to_regclass('public.schema_migration')::text`).Scan(&reg); err != nil || !reg.Valid {
		return 0, err
	}
	var v sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT max(version) FROM schema_migration`).Scan(&v)
	return int(v.Int64), err
}

// SetSchemaVersion does nothing: schema_migration, which each migration
// writes, is the version.
func (dialect) SetSchemaVersion(context.Context, *store.Tx, int) error { return nil }
