//go:build !windows

package sqlite

import "os"

// dropLockFile removes the lock file f, which the caller found to hold no
// other live holder, and closes it. The removal comes first, while f still
// holds the guard byte: an opener waiting on the guard then finds its file
// gone and makes a new one (register), rather than writing its line into
// a file no longer in the folder.
func dropLockFile(f *os.File) {
	os.Remove(f.Name())
	f.Close()
}
