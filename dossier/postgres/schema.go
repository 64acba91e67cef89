// Package postgres keeps a campaign in a PostgreSQL database (one database
// per campaign) for a committee that scores at the same time from several
// machines: the schema (numbered migrations that mirror the file's, so both
// carry the same SchemaVersion), the server-enforced roles (security.sql,
// roles.go) and the logins (AddAccount).
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/jackc/pgx/v5/pgconn"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

//go:embed security.sql
var securitySQL string

func migrations() []store.Migration { return store.Migrations(migrationFS) }

// SchemaVersion is the newest schema this build writes and reads: the same
// number as the file's (sqlite.SchemaVersion), migration for migration.
func SchemaVersion() int {
	m := migrations()
	return m[len(m)-1].Version
}

// schemaVersion reads the database's schema version: 0 for an empty
// database, -1 for one that holds tables but no campaign.
func schemaVersion(ctx context.Context, q querier) (int, error) {
	var reg sql.NullString
	if err := q.QueryRowContext(ctx, `SELECT to_regclass('public.schema_migration')::text`).Scan(&reg); err != nil {
		return 0, err
	}
	if !reg.Valid {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`).Scan(&n); err != nil {
			return 0, err
		}
		if n > 0 {
			return -1, nil
		}
		return 0, nil
	}
	var v sql.NullInt64
	if err := q.QueryRowContext(ctx, `SELECT max(version) FROM schema_migration`).Scan(&v); err != nil {
		return 0, err
	}
	return int(v.Int64), nil
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// Migrate brings the campaign's schema in database db up to date, each
// migration in its own transaction, as the clerks' group role (which then
// owns every table), and applies security.sql with the last. It refuses a
// database whose schema is newer than this build, one that holds other
// tables, and a login that may not create the campaign's roles. server
// names the server in messages.
func Migrate(ctx context.Context, db *sql.DB, server string) error {
	current, err := schemaVersion(ctx, db)
	if err != nil {
		return serverError(server, "读取数据库结构版本", err)
	}
	switch {
	case current < 0:
		return dossier.Errorf(dossier.ENOTCAMPAIGN, "服务器 %s 上的这个数据库已有其他表，不是评选活动数据库；未作任何改动", server)
	case current > SchemaVersion():
		return dossier.Errorf(dossier.ENOTCAMPAIGN, "服务器 %s 上的评选活动由更新版本的软件创建（数据库结构版本 %d，本软件支持到 %d），请升级软件后再连接；数据库未作任何改动", server, current, SchemaVersion())
	case current == SchemaVersion():
		return nil
	}
	r, err := ensureRoles(ctx, db, server)
	if err != nil {
		return err
	}
	for _, m := range migrations() {
		if m.Version <= current {
			continue
		}
		if err := applyMigration(ctx, db, r, m, m.Version == SchemaVersion()); err != nil {
			return serverError(server, "升级数据库结构（"+m.Name+"）", err)
		}
	}
	return nil
}

// applyMigration applies one migration and, with the last (secure), the
// rights of security.sql in the same transaction: until then no one but the
// clerks may read or write anything.
func applyMigration(ctx context.Context, db *sql.DB, r roles, m store.Migration, secure bool) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Objects belong to the role that creates them: the clerks' group, so
	// that every clerk login owns them alike.
	if _, err := tx.ExecContext(ctx, "SET LOCAL ROLE "+quoteIdent(r.clerk)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migration (version, applied_at) VALUES ($1, $2)`,
		m.Version, time.Now().UTC().Format(time.RFC3339Nano)); err != nil {
		return err
	}
	if secure {
		if _, err := tx.ExecContext(ctx, r.expand(securitySQL)); err != nil {
			return fmt.Errorf("security.sql: %w", err)
		}
		if _, err := tx.ExecContext(ctx, captureSQL); err != nil {
			return fmt.Errorf("capture.sql: %w", err)
		}
	}
	return tx.Commit()
}

// serverError turns a server's failure into a Chinese message naming the
// server; a *dossier.Error passes through.
func serverError(server, doing string, err error) error {
	var de *dossier.Error
	if errors.As(err, &de) {
		return err
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "42501":
			return &dossier.Error{Code: dossier.EREADONLY, Message: fmt.Sprintf("服务器 %s 拒绝了%s：当前登录没有这项权限", server, doing), Err: err}
		case pe.Code == "23505":
			return &dossier.Error{Code: dossier.ECONFLICT, Message: fmt.Sprintf("服务器 %s 拒绝了%s：与已有记录重复", server, doing), Err: err}
		case strings.HasPrefix(pe.Code, "23"):
			return &dossier.Error{Code: dossier.EINVALID, Message: fmt.Sprintf("服务器 %s 拒绝了%s：数据不符合约束", server, doing), Err: err}
		}
	}
	return &dossier.Error{Code: dossier.EINTERNAL, Message: fmt.Sprintf("内部错误（%s，服务器 %s）", doing, server), Err: err}
}
