package sqlite

import (
	"context"
	"database/sql"
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
func (s *Store) Backup(ctx context.Context, out string) error {
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

// Check runs SQLite's integrity and foreign-key checks and the campaign's own
// consistency rules. It returns one Chinese line per problem found.
func (s *Store) Check(ctx context.Context) ([]string, error) {
	var problems []string
	if n, err := s.integrityProblems(ctx); err != nil {
		return nil, err
	} else if n != 0 {
		// SQLite's own lines are English and name pages: the user needs
		// to know that the file is damaged and what to do.
		what := fmt.Sprintf("发现 %d 处问题", n)
		if n < 0 {
			what = "文件无法完整读取"
		}
		problems = append(problems, fmt.Sprintf("数据库完整性检查：评选活动文件 %s 已损坏（%s）；请用备份恢复，在此之前不要再修改它", s.path, what))
		return problems, nil
	}
	var rows *sql.Rows
	var err error
	rows, err = s.r.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return nil, err
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
		return nil, err
	}
	if err := s.r.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migration`).Scan(&recorded); err != nil {
		return nil, err
	}
	if version != recorded || version != SchemaVersion() {
		problems = append(problems, fmt.Sprintf("文件格式版本不一致：文件头 %d，迁移记录 %d，本软件 %d", version, recorded, SchemaVersion()))
	}
	checks := []struct{ q, msg string }{
		{`SELECT count(*) FROM campaign`, ""},
		{`SELECT count(*) FROM score s JOIN category c ON c.id = s.category_id WHERE s.tenths > c.max_tenths`, "%d 个评分超过类别满分"},
		{`SELECT count(*) FROM photo p LEFT JOIN image m ON m.hash = p.image_hash WHERE m.hash IS NULL`, "%d 张图片缺少图像数据"},
		{`SELECT count(*) FROM image WHERE length(data) = 0`, "%d 个图像数据为空"},
		{`SELECT count(*) FROM unit WHERE trim(code) = '' OR trim(name) = ''`, "%d 个单位缺少申报编号或名称"},
		{`SELECT count(*) FROM (SELECT name FROM unit GROUP BY name HAVING count(*) > 1)`, "%d 个单位名称重复"},
		{`SELECT count(*) FROM revision r JOIN unit u ON u.id = r.unit_id WHERE r.revision >= u.revision`, "%d 个历史版本号不早于当前版本"},
	}
	for i, c := range checks {
		var k int
		if err := s.r.QueryRowContext(ctx, c.q).Scan(&k); err != nil {
			return nil, err
		}
		if i == 0 {
			if k != 1 {
				problems = append(problems, fmt.Sprintf("评选活动记录应为 1 条，实有 %d 条", k))
			}
			continue
		}
		if k > 0 {
			problems = append(problems, fmt.Sprintf(c.msg, k))
		}
	}
	return problems, nil
}

// integrityProblems runs PRAGMA integrity_check: the number of problems,
// -1 when SQLite could not even read the file through, 0 when sound.
func (s *Store) integrityProblems(ctx context.Context) (int, error) {
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
