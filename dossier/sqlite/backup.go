package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/internal/safefile"
)

// Backup writes a consistent copy of the open campaign to out (VACUUM INTO),
// while the campaign stays open. It refuses to overwrite an existing file.
// The copy is written under a temporary name beside out, given its own file
// identity (so no journal of the original is ever replayed into it),
// fsynced and linked into place only when whole.
func (s *file) Backup(ctx context.Context, out string) error {
	if a, err := os.Stat(out); err == nil {
		if b, err := os.Stat(s.path); err == nil && os.SameFile(a, b) {
			return dossier.Errorf(dossier.ECONFLICT, "备份文件 %s 就是评选活动文件 %s 本身，不能覆盖；请换一个文件名。文件未作任何改动", out, s.path)
		}
	}
	if _, err := os.Lstat(out); err == nil {
		return dossier.Errorf(dossier.ECONFLICT, "文件 %s 已存在，不会覆盖；请换一个文件名。文件未作任何改动", out)
	}
	safefile.Clean(out)
	t, err := safefile.NewTemp(out)
	if err != nil {
		return dossier.DiskError(out, err)
	}
	db := s.w
	if db == nil {
		db = s.r
	}
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, t.Name()); err != nil {
		t.Discard()
		switch dossier.ErrorCode(err) {
		case dossier.EDISKFULL:
			return &dossier.Error{Code: dossier.EDISKFULL, Err: err, Message: "磁盘空间不足，无法写入备份文件 " + out + "；没有留下不完整的备份，请腾出空间后重试"}
		case dossier.EINTERNAL:
			return &dossier.Error{Code: dossier.EINVALID, Err: err, Message: "无法写入备份文件 " + out + "（请检查文件夹是否存在、是否有写入权限、磁盘空间是否足够）；没有留下不完整的备份"}
		}
		return err
	}
	if err := renewIdentity(ctx, t.Name()); err != nil {
		t.Discard()
		return dossier.DiskError(out, err)
	}
	if err := t.Chmod(0o644); err != nil {
		t.Discard()
		return dossier.DiskError(out, err)
	}
	if err := t.Publish(); errors.Is(err, safefile.ErrExist) {
		return dossier.Errorf(dossier.ECONFLICT, "文件 %s 已存在，不会覆盖；请换一个文件名。文件未作任何改动", out)
	} else if err != nil {
		return dossier.DiskError(out, err)
	}
	return nil
}

// renewIdentity gives a copy its own identity token and merges the
// change into the file, leaving no journal.
func renewIdentity(ctx context.Context, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	db, err := openDB(dsn(abs, modeWrite), &fileState{path: path})
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, `UPDATE file_identity SET token = lower(hex(randomblob(16))), writes = 0`); err != nil {
		db.Close()
		return err
	}
	if _, err := db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		db.Close()
		return err
	}
	return db.Close()
}

// Integrity runs SQLite's integrity and foreign-key checks and compares
// the file's format version with its migration records; damaged reports a
// file the rest of Check need not look at.
func (s *file) Integrity(ctx context.Context) (problems []string, damaged bool, err error) {
	if n, err := s.integrityProblems(ctx); err != nil {
		return nil, false, err
	} else if n != 0 {
		// SQLite's own lines are English and name pages: the user needs
		// to know that the file is damaged and what to do.
		what := fmt.Sprintf("发现 %d 处问题", n)
		if n < 0 {
			what = "文件无法完整读取"
		}
		return []string{fmt.Sprintf("数据库完整性检查：评选活动文件 %s 已损坏（%s）；请用备份恢复，在此之前不要再修改它", s.path, what)}, true, nil
	}
	rows, err := s.r.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return nil, false, err
	}
	n := 0
	for rows.Next() {
		n++
	}
	rows.Close()
	if n > 0 {
		problems = append(problems, fmt.Sprintf("外键检查：%d 行引用了不存在的记录", n))
	}
	var version, recorded int
	if err := s.r.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return nil, false, err
	}
	if err := s.r.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migration`).Scan(&recorded); err != nil {
		return nil, false, err
	}
	if version != recorded || version != SchemaVersion() {
		problems = append(problems, fmt.Sprintf("文件格式版本不一致：文件头 %d，迁移记录 %d，本软件 %d", version, recorded, SchemaVersion()))
	}
	return problems, false, nil
}

// integrityProblems runs PRAGMA integrity_check: the number of problems,
// -1 when SQLite could not even read the file through, 0 when sound.
func (s *file) integrityProblems(ctx context.Context) (int, error) {
	rows, err := s.r.QueryContext(ctx, `PRAGMA integrity_check`)
	if dossier.ErrorCode(err) == dossier.EDAMAGED {
		return -1, nil
	} else if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			return 0, err
		}
		if msg != "ok" {
			n++
		}
	}
	if err := rows.Err(); dossier.ErrorCode(err) == dossier.EDAMAGED {
		return -1, nil
	} else if err != nil {
		return 0, err
	}
	if n > 0 {
		s.state.markDamaged("完整性检查发现问题")
	}
	return n, nil
}
