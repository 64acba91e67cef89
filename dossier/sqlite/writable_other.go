//go:build !unix

package sqlite

import "os"

// notWritable says in Chinese why the campaign at path cannot be written,
// or "" (this system only knows the file's own mode).
func notWritable(path string) string {
	if st, err := os.Stat(path); err == nil && st.Mode().Perm()&0o200 == 0 {
		return "文件设为只读"
	}
	return ""
}
