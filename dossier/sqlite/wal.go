package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/internal/safefile"
)

// A journal (-wal) beside a campaign holds committed work that SQLite
// replays into the file on the next open. Nothing in the journal names the
// file it belongs to, so SQLite replays any journal it finds: a backup
// restored under the name of a crashed campaign would be overwritten with
// pages of the crashed file. Before SQLite sees a journal that no one has
// open, setAsideForeignWAL replays it into a scratch copy and keeps it only
// when the copy passes quick_check and carries the file's own identity
// (file_identity: every transaction in a journal rewrites it, and every
// backup gets a new one).

// setAsideForeignWAL checks the journal beside abs (display is the name
// the user gave) and renames it aside when it does not belong to the file.
// It returns what to tell the user, or "".
func setAsideForeignWAL(ctx context.Context, abs, display string) (string, error) {
	if !walFrames(abs) || shmInUse(abs) {
		return "", nil
	}
	mainTok, mainCID, err := identity(ctx, abs, modeImmutable)
	if err != nil || mainTok == "" {
		// An unreadable main file: quick_check on opening says so. A file
		// of a format before 5 has no identity to compare: SQLite's own
		// behaviour, as before.
		return "", nil
	}
	ok, err := walBelongs(ctx, abs, mainTok, mainCID)
	if err != nil || ok {
		// A scratch copy could not be made (no space for it): let SQLite
		// do what it always does rather than refuse to open.
		return "", nil
	}
	aside := fmt.Sprintf("%s-wal.未应用-%s", abs, time.Now().Format("20060102-150405"))
	if err := os.Rename(abs+"-wal", aside); err != nil {
		return "", &dossier.Error{Code: dossier.EINVALID, Err: err, Message: "文件 " + display + " 旁的日志文件 " + display + "-wal 不属于此文件，但无法把它移开；为免损坏文件，未打开。请把该日志文件移到别处后再打开"}
	}
	os.Remove(abs + "-shm")
	safefile.SyncDir(filepath.Dir(abs))
	shown := filepath.Join(filepath.Dir(display), filepath.Base(aside))
	return fmt.Sprintf("文件 %s 旁的日志文件 %s-wal 不属于这个文件（可能是用备份替换文件后留下的旧日志），没有应用；它已改名为 %s。文件按现有内容打开", display, display, shown), nil
}

// identity reads the file's identity token and campaign id.
func identity(ctx context.Context, abs string, mode connMode) (token, campaignID string, err error) {
	db, err := openDB(dsn(abs, mode), &fileState{path: abs})
	if err != nil {
		return "", "", err
	}
	defer db.Close()
	return readIdentity(ctx, db)
}

func readIdentity(ctx context.Context, db *sql.DB) (token, campaignID string, err error) {
	var has int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = 'file_identity'`).Scan(&has); err != nil {
		return "", "", err
	}
	if has == 1 {
		if err := db.QueryRowContext(ctx, `SELECT token FROM file_identity`).Scan(&token); err != nil {
			return "", "", err
		}
	}
	if err := db.QueryRowContext(ctx, `SELECT id FROM campaign`).Scan(&campaignID); err != nil {
		return "", "", err
	}
	return token, campaignID, nil
}

// walBelongs replays the journal into a scratch copy of the file and says
// whether the result is sound and is the same file.
func walBelongs(ctx context.Context, abs, token, campaignID string) (bool, error) {
	dir, err := os.MkdirTemp("", "dossier-wal-check-")
	if err != nil {
		return false, err
	}
	defer os.RemoveAll(dir)
	scratch := filepath.Join(dir, "check.dossier")
	if err := copyFile(abs, scratch); err != nil {
		return false, err
	}
	if err := copyFile(abs+"-wal", scratch+"-wal"); err != nil {
		return false, err
	}
	db, err := openDB(dsn(scratch, modeWrite), &fileState{path: scratch})
	if err != nil {
		return false, err
	}
	defer db.Close()
	var res string
	if err := db.QueryRowContext(ctx, `PRAGMA quick_check(1)`).Scan(&res); err != nil || res != "ok" {
		return false, nil
	}
	tok, cid, err := readIdentity(ctx, db)
	if err != nil {
		return false, nil
	}
	return tok == token && cid == campaignID, nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
