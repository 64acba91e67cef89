//go:build unix

package sqlite

import (
	"errors"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// notWritable says in Chinese why the campaign at path cannot be written
// (read-only medium, read-only file, read-only folder), or "". A writable
// folder is needed too: SQLite keeps its journal beside the file.
func notWritable(path string) string {
	if err := unix.Access(path, unix.W_OK); err != nil {
		if errors.Is(err, unix.EROFS) {
			return "所在磁盘为只读"
		}
		if st, serr := os.Stat(path); serr == nil && st.Mode().Perm()&0o222 == 0 {
			return "文件设为只读"
		}
		return "没有修改此文件的权限"
	}
	dir := filepath.Dir(path)
	if err := unix.Access(dir, unix.W_OK|unix.X_OK); err != nil {
		if errors.Is(err, unix.EROFS) {
			return "所在磁盘为只读"
		}
		return "所在文件夹 " + dir + " 不可写"
	}
	return ""
}

// processAlive reports whether a process with this id runs on this machine.
func processAlive(pid int) bool {
	err := unix.Kill(pid, 0)
	return err == nil || errors.Is(err, unix.EPERM)
}
