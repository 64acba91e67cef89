//go:build linux

package safefile

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// Open-file-description locks (F_OFD_*) belong to one open file, not to the
// process: two stores in one process exclude each other, closing another
// descriptor of the same file keeps them, and the kernel drops them when
// the holder dies, which is what makes a leftover tell itself apart from a
// file in use. They also conflict with SQLite's own POSIX locks.

var errUnsupported = errors.New("locking not supported")

func flock(typ int16, start, n int64) *unix.Flock_t {
	return &unix.Flock_t{Type: typ, Whence: 0, Start: start, Len: n}
}

func ofdErr(err error) error {
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOLCK) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EOPNOTSUPP) {
		return errUnsupported
	}
	return err
}

// Lock takes an exclusive (write) or shared lock on bytes [start, start+n)
// of f; with wait it blocks until it gets it, else it fails with
// ErrLocked when another holder has it.
func Lock(f *os.File, start, n int64, write, wait bool) error {
	typ := int16(unix.F_RDLCK)
	if write {
		typ = unix.F_WRLCK
	}
	cmd := unix.F_OFD_SETLK
	if wait {
		cmd = unix.F_OFD_SETLKW
	}
	err := unix.FcntlFlock(f.Fd(), cmd, flock(typ, start, n))
	if errors.Is(err, unix.EAGAIN) || errors.Is(err, unix.EACCES) {
		return ErrLocked
	}
	return ofdErr(err)
}

// Unlock releases bytes [start, start+n) of f.
func Unlock(f *os.File, start, n int64) error {
	return ofdErr(unix.FcntlFlock(f.Fd(), unix.F_OFD_SETLK, flock(unix.F_UNLCK, start, n)))
}

// Locked reports whether anyone else (another open file, in this process
// or another, by OFD or POSIX lock) holds any lock on bytes
// [start, start+n) of f.
func Locked(f *os.File, start, n int64) (bool, error) {
	lk := flock(unix.F_WRLCK, start, n)
	if err := unix.FcntlFlock(f.Fd(), unix.F_OFD_GETLK, lk); err != nil {
		return false, ofdErr(err)
	}
	return lk.Type != unix.F_UNLCK, nil
}

func lockWrite(f *os.File) error { return Lock(f, 0, 1, true, false) }

func lockedByOther(f *os.File) (bool, error) { return Locked(f, 0, 1) }

func renameNoReplace(from, to string) error {
	err := unix.Renameat2(unix.AT_FDCWD, from, unix.AT_FDCWD, to, unix.RENAME_NOREPLACE)
	if errors.Is(err, unix.EEXIST) {
		return os.ErrExist
	}
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) {
		// No RENAME_NOREPLACE here: check, then rename (a narrow race
		// on file systems that have neither links nor this flag).
		if _, serr := os.Lstat(to); serr == nil {
			return os.ErrExist
		}
		return os.Rename(from, to)
	}
	return err
}
