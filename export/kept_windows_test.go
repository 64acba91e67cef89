package export

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/windows"

	"github.com/dossier-app/dossier/dossier"
)

// holdOpen opens path the way a PDF viewer does (sharing read only, not
// delete), so that Windows refuses to replace it.
func holdOpen(t *testing.T, path string) windows.Handle {
	t.Helper()
	p, _ := windows.UTF16PtrFromString(path)
	h, err := windows.CreateFile(p, windows.GENERIC_READ, windows.FILE_SHARE_READ, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func writeText(path, s string, protect ...string) error {
	return WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, s); return err }, protect...)
}

// A document written over a file another program holds open is kept in
// full under （新）, then （新 2）; the open file is left as it was; once it is
// closed the next export replaces it.
func TestWriteFileOverOpenFileKeepsSideName(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "评选 材料")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "评审材料汇编.pdf")
	if err := writeText(path, "旧版本"); err != nil {
		t.Fatal(err)
	}
	h := holdOpen(t, path)
	for i, side := range []string{"评审材料汇编（新）.pdf", "评审材料汇编（新 2）.pdf"} {
		err := writeText(path, "新版本")
		var kept *KeptError
		if !errors.As(err, &kept) {
			t.Fatalf("write %d over an open file: %v, want a KeptError", i+1, err)
		}
		if kept.Kept != filepath.Join(dir, side) {
			t.Errorf("kept as %q, want %q", kept.Kept, side)
		}
		msg := dossier.ErrorMessage(err)
		if !strings.Contains(msg, path) || !strings.Contains(msg, side) || !strings.Contains(msg, "正被其他程序打开") {
			t.Errorf("message does not name both files: %s", msg)
		}
		if dossier.ErrorCode(err) != dossier.ECONFLICT {
			t.Errorf("code %q", dossier.ErrorCode(err))
		}
		if b, _ := os.ReadFile(kept.Kept); string(b) != "新版本" {
			t.Errorf("side file holds %q", b)
		}
	}
	windows.CloseHandle(h)
	if b, _ := os.ReadFile(path); string(b) != "旧版本" {
		t.Errorf("the open file changed: %q", b)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*"))
	hidden, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(names) != 3 || len(hidden) != 0 {
		t.Errorf("folder holds %q %q, want the file and two side files, no temporary file", names, hidden)
	}
	if err := writeText(path, "第三版"); err != nil {
		t.Fatalf("write after the viewer closed: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "第三版" {
		t.Errorf("file holds %q after the viewer closed", b)
	}
}

// Paths longer than 260 characters, with Chinese and spaces, are written
// and replaced like any other.
func TestWriteFileLongChinesePath(t *testing.T) {
	dir := t.TempDir()
	for len(dir) < 300 {
		dir = filepath.Join(dir, "先进单位 评选材料 汇编文件夹")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "评审材料 汇编.pdf")
	for _, s := range []string{"一", "二"} {
		if err := writeText(path, s); err != nil {
			t.Fatalf("write %d-character path: %v", len(path), err)
		}
		if b, err := os.ReadFile(path); err != nil || string(b) != s {
			t.Fatalf("read back %q, %v", b, err)
		}
	}
}
