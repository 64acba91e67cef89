package sqlite

import "os"

// dropLockFile removes the lock file f, which the caller found to hold no
// other live holder, and closes it. Windows refuses to delete a file that
// is open (Go opens files without FILE_SHARE_DELETE), so it is emptied
// first, closed, and only then removed: should another program have
// opened it in between, the removal fails, the empty file records nobody
// and that program's own line goes into it. The emptying matters most: a
// line left behind would name a process that is still running (this
// one), and without byte-range locks here (see safefile.Lock) a holder's
// liveness is its process's, so it would be taken for a holder.
func dropLockFile(f *os.File) {
	rewrite(f, nil)
	f.Close()
	os.Remove(f.Name())
}
