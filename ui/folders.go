package ui

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	"github.com/dossier-app/dossier/dossier"
)

// DocumentsDir is the user's documents folder, where new campaigns and
// documents go by default: XDG DOCUMENTS (from xdg-user-dir, else
// ~/.config/user-dirs.dirs, even when the folder is yet to be made), else an
// existing ~/Documents or ~/文档, else the home folder. It is never a
// hidden folder; callers create it when it is missing (ensureDir).
func DocumentsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return os.TempDir()
	}
	if dir := userDir(home, "DOCUMENTS", "Documents", "文档"); dir != "" {
		return dir
	}
	return home
}

// userDir is the user folder XDG calls name (even when it is yet to be
// made), else the first of the usual folder names under home that exists;
// "" when there is neither. The documents default and the file picker's
// places both find their folders so.
func userDir(home, name string, usual ...string) string {
	if dir := xdgUserDir(home, name); dir != "" {
		return dir
	}
	for _, n := range usual {
		if st, err := os.Stat(filepath.Join(home, n)); err == nil && st.IsDir() {
			return filepath.Join(home, n)
		}
	}
	return ""
}

// xdgUserDir is the XDG user folder called name (DOCUMENTS, DESKTOP,
// DOWNLOAD), from xdg-user-dir, else ~/.config/user-dirs.dirs; "" when none
// is defined (xdg-user-dir answers the home folder then).
func xdgUserDir(home, name string) string {
	if p, err := exec.LookPath("xdg-user-dir"); err == nil {
		if out, err := exec.Command(p, name).Output(); err == nil {
			dir := strings.TrimSpace(string(out))
			if filepath.IsAbs(dir) && filepath.Clean(dir) != filepath.Clean(home) {
				return dir
			}
		}
	}
	cfg := os.Getenv("XDG_CONFIG_HOME")
	if cfg == "" {
		cfg = filepath.Join(home, ".config")
	}
	f, err := os.Open(filepath.Join(cfg, "user-dirs.dirs"))
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		v, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "XDG_"+name+"_DIR=")
		if !ok {
			continue
		}
		v = strings.Trim(v, `"`)
		v = strings.Replace(v, "$HOME", home, 1)
		if filepath.IsAbs(v) && filepath.Clean(v) != filepath.Clean(home) {
			return v
		}
	}
	return ""
}

// ensureDir makes dir (and its parents) when it does not exist; the error
// is in Chinese and names the folder.
func ensureDir(dir string) error {
	if st, err := os.Stat(dir); err == nil {
		if !st.IsDir() {
			return dossier.Errorf(dossier.EINVALID, "%s", "“"+dir+"”是一个文件，不是文件夹，请换一个保存位置。")
		}
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return dossier.Errorf(dossier.EINVALID, "%s", "无法创建文件夹“"+dir+"”："+osReason(err)+"。请换一个保存位置。")
	}
	return nil
}

// osReason says in Chinese why a file operation failed.
func osReason(err error) string {
	switch {
	case os.IsPermission(err):
		return "没有权限"
	case os.IsNotExist(err):
		return "路径不存在"
	case os.IsExist(err):
		return "已存在同名文件"
	}
	return "系统报告错误（" + err.Error() + "）"
}

// QuietLog wraps the standard logger's output and drops the messages Fyne
// logs about nothing a user can act on: a home folder without an XDG
// VIDEOS (or other) folder when a file dialog lists its favourites, and
// "Preferences load error: EOF" from Fyne's own preferences store, which
// rewrites its file in place at exit while its watcher reads it. The app
// keeps nothing there (see FilePreferences), so the half-read file costs
// nothing; any other cause is still logged.
func QuietLog(w io.Writer) io.Writer { return &quietLog{w: w} }

type quietLog struct {
	mu   sync.Mutex
	w    io.Writer
	skip int    // lines still to drop of a dropped message
	held []byte // a line kept back until the next says whether to drop it
}

// Write takes one log line per call, as the log package writes them.
func (q *quietLog) Write(p []byte) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	switch {
	case bytes.Contains(p, []byte("Getting favorite locations")):
		q.skip = 2 // its Cause and At lines follow
		return len(p), nil
	case bytes.Contains(p, []byte("Preferences load error")):
		q.held = append(q.held[:0], p...) // dropped if its cause is EOF
		q.skip = 0
		return len(p), nil
	case len(q.held) > 0:
		held := q.held
		q.held = nil
		if bytes.Contains(p, []byte("  Cause: EOF")) {
			q.skip = 1 // and its At line
			return len(p), nil
		}
		if _, err := q.w.Write(held); err != nil {
			return 0, err
		}
	case q.skip > 0 && (bytes.Contains(p, []byte("  Cause:")) || bytes.Contains(p, []byte("  At:"))):
		q.skip--
		return len(p), nil
	}
	q.skip = 0
	return q.w.Write(p)
}
