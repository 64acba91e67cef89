// Package safefile holds what every writer of a user's file shares: a
// temporary file beside the target that other processes can tell is in use,
// publishing it under the final name only when whole (rename, or link for a
// name that must not exist yet), fsync of the file and of its folder, and
// the clean-up of temporary files an earlier kill left behind.
package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"time"
)

// Temp is a temporary file beside a target, locked for as long as it is
// open so that Clean in another process leaves it alone.
type Temp struct {
	*os.File
	target string
}

// tempPattern is how every temporary name starts and ends: ".NAME.123.tmp".
// SQLite may add -wal, -shm or -journal while a campaign is being built.
func tempPattern(target string) string { return "." + filepath.Base(target) + ".*.tmp" }

var tempName = regexp.MustCompile(`^\.(.+)\.[0-9]+\.tmp(-wal|-shm|-journal)?$`)

// NewTemp creates an empty temporary file in target's folder, named after
// target, and locks it.
func NewTemp(target string) (*Temp, error) {
	f, err := os.CreateTemp(filepath.Dir(target), tempPattern(target))
	if err != nil {
		return nil, err
	}
	if err := lockWrite(f); err != nil && !errors.Is(err, errUnsupported) {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return &Temp{File: f, target: target}, nil
}

// Discard closes and removes the temporary file and any SQLite journal
// beside it.
func (t *Temp) Discard() {
	t.File.Close()
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(t.Name() + suffix)
	}
}

// Replace makes the temporary file the target, replacing any file there:
// fsync, rename, fsync of the folder. The lock is held until the name is
// published, so no Clean can take the file away meanwhile. The Temp is
// closed afterwards.
func (t *Temp) Replace() error {
	_, err := t.ReplaceOrKeep(nil)
	return err
}

// ErrExist is returned by Publish when the target appeared meanwhile.
var ErrExist = fs.ErrExist

// Publish makes the temporary file the target only if no file has that
// name: fsync, then link(2) (atomic, fails when the name exists), unlink of
// the temporary name and fsync of the folder. Where the file system has no
// hard links it falls back to rename(2) without replace. The Temp is closed
// afterwards; on ErrExist nothing was changed and the temp is removed.
func (t *Temp) Publish() error {
	if err := t.Sync(); err != nil {
		t.Discard()
		return err
	}
	if err := t.publishTo(t.target); err != nil {
		t.Discard()
		return err
	}
	return nil
}

// publishTo links the (synced) temporary file at name unless name exists
// (ErrExist, the Temp left as it was), then removes the temporary name and
// closes it. The close comes first: Windows cannot delete a file that is
// still open.
func (t *Temp) publishTo(name string) error {
	err := os.Link(t.Name(), name)
	if err != nil && !errors.Is(err, fs.ErrExist) {
		err = renameNoReplace(t.Name(), name)
	}
	if errors.Is(err, fs.ErrExist) {
		return ErrExist
	} else if err != nil {
		return err
	}
	t.File.Close()
	os.Remove(t.Name())
	return SyncDir(filepath.Dir(name))
}

// ReplaceOrKeep is Replace, except where another program holds the target
// open so that it cannot be replaced (Windows: a PDF shown in WPS or
// Acrobat; see targetInUse): then the new file is published, never replacing
// anything, under the first free name of side(1), side(2), …, and kept is
// that name. The new content is never lost to a busy target.
func (t *Temp) ReplaceOrKeep(side func(n int) string) (kept string, err error) {
	if err := t.Sync(); err != nil {
		t.Discard()
		return "", err
	}
	if runtime.GOOS == "windows" {
		// Windows cannot rename a file that is open (Go opens without
		// FILE_SHARE_DELETE), and has no lock for Clean to respect.
		t.File.Close()
	}
	err = os.Rename(t.Name(), t.target)
	if err == nil {
		t.File.Close()
		return "", SyncDir(filepath.Dir(t.target))
	}
	if side == nil || !targetInUse(err) {
		t.Discard()
		return "", err
	}
	for n := 1; n <= 99; n++ {
		name := side(n)
		perr := t.publishTo(name)
		if perr == nil {
			return name, nil
		}
		if !errors.Is(perr, ErrExist) {
			t.Discard()
			return "", perr
		}
	}
	t.Discard()
	return "", err
}

// SyncDir fsyncs a folder so that a rename or link in it survives a power
// cut. File systems that cannot sync a folder are not an error.
func SyncDir(dir string) error {
	if runtime.GOOS == "windows" {
		// Windows cannot open a folder for flushing (FlushFileBuffers on
		// a directory handle is "Access is denied"); NTFS journals the
		// rename itself.
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOTSUP) {
		return err
	}
	return nil
}

// staleAge is how old a leftover must be to be removed where the file
// system cannot tell whether it is in use.
const staleAge = 24 * time.Hour

// Clean removes the temporary files of target that an earlier, killed
// process left behind, and returns their names. A temporary file still
// being written (its lock held) is left alone.
func Clean(target string) []string {
	dir := filepath.Dir(target)
	base := filepath.Base(target)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		m := tempName.FindStringSubmatch(e.Name())
		if m == nil || m[1] != base || e.IsDir() {
			continue
		}
		p := filepath.Join(dir, e.Name())
		main := strings.TrimSuffix(p, m[2])
		if !inUse(main) {
			if os.Remove(p) == nil {
				removed = append(removed, p)
			}
		}
	}
	return removed
}

// inUse reports whether the temporary file is held by a live writer. A
// journal whose main temporary file is gone belongs to no one.
func inUse(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	held, err := lockedByOther(f)
	if errors.Is(err, errUnsupported) {
		st, serr := f.Stat()
		return serr != nil || time.Since(st.ModTime()) < staleAge
	}
	return err != nil || held
}

// ErrLocked is returned by Lock without wait when another holder has the
// range.
var ErrLocked = errors.New("locked by another holder")

// Unsupported reports whether err says that this file system or system
// cannot lock.
func Unsupported(err error) bool { return errors.Is(err, errUnsupported) }
