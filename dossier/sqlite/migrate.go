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
	"time"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

// ApplicationID marks a SQLite file as a Dossier campaign ("DOSS").
const ApplicationID = dossier.ApplicationID

//go:embed migrations/*.sql
var migrationFS embed.FS

func migrations() []store.Migration { return store.Migrations(migrationFS) }

// SchemaVersion is the newest file format this build writes and reads.
func SchemaVersion() int {
	m := migrations()
	return m[len(m)-1].Version
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

// migrate applies the migrations the file lacks, each in its own
// transaction, then starts the score log (its genesis record reads the
// campaign through today's queries, which may need newer columns) on the
// store it makes over the file.
func (s *file) migrate(ctx context.Context) error {
	d := dialect{s.state}
	current, err := d.SchemaVersion(ctx, s.w)
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if current > SchemaVersion() {
		return dossier.Errorf(dossier.ENOTCAMPAIGN, "文件 %s 由更新版本的软件创建，请升级软件后再打开", s.path)
	}
	for _, m := range migrations() {
		if m.Version <= current {
			continue
		}
		err := s.tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migration (version, applied_at) VALUES (?, ?)`, m.Version, time.Now().UTC().Format(time.RFC3339Nano)); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA application_id = %d`, ApplicationID)); err != nil {
				return err
			}
			return d.SetSchemaVersion(ctx, store.NewTx(tx, d), m.Version)
		})
		if err != nil {
			return err
		}
		if _, err := s.w.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
			return fmt.Errorf("checkpoint after migration: %w", err)
		}
	}
	s.st = s.newStore()
	return s.st.StartLog(ctx)
}

// tx runs fn in one plain transaction on the writing connection, for the
// migrations (which the score log does not see).
func (s *file) tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if err := s.Writable(); err != nil {
		return err
	}
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
	s.wrote.Store(true)
	return nil
}

// newStore makes the store over the file's pools.
func (s *file) newStore() *store.Store {
	return store.New(store.Config{Write: s.w, Read: s.r, Dialect: dialect{s.state}, Backend: s})
}
