//go:build !linux

package safefile

import (
	"errors"
	"os"
)

var errUnsupported = errors.New("locking not supported")

// Lock is not available on this system: it always fails with an error
// callers treat as "cannot tell".
func Lock(f *os.File, start, n int64, write, wait bool) error { return errUnsupported }

// Unlock is not available on this system.
func Unlock(f *os.File, start, n int64) error { return errUnsupported }

// Locked is not available on this system.
func Locked(f *os.File, start, n int64) (bool, error) { return false, errUnsupported }

func lockWrite(f *os.File) error { return errUnsupported }

func lockedByOther(f *os.File) (bool, error) { return false, errUnsupported }

func renameNoReplace(from, to string) error {
	if _, err := os.Lstat(to); err == nil {
		return os.ErrExist
	}
	return os.Rename(from, to)
}
