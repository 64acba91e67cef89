package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that keeps the failure instead of stopping the
// test that checks Check itself.
type recorder struct {
	testing.TB
	failed string
}

func (r *recorder) Helper() {}
func (r *recorder) Fatalf(format string, args ...any) {
	if r.failed == "" { // Fatalf does not stop here: keep the first
		r.failed = fmt.Sprintf(format, args...)
	}
}
func (r *recorder) Fatal(args ...any) { r.failed = fmt.Sprint(args...) }

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "doc.golden.txt")
	if err := os.WriteFile(path, []byte("第一行\n第二行 \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, got, want string
	}{
		{"same", "第一行\n第二行 \n", ""},
		{"one character", "第一行\n第二仃 \n", "line 2"},
		{"a space", "第一行\n第二行\n", "line 2"},
		{"a line more", "第一行\n第二行 \n第三行\n", "line 3"},
		{"a line less", "第一行\n", "line 2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := &recorder{TB: t}
			Check(r, path, []byte(c.got))
			if c.want == "" && r.failed != "" || !strings.Contains(r.failed, c.want) {
				t.Fatalf("Check: %q, want a failure naming %q", r.failed, c.want)
			}
		})
	}
	r := &recorder{TB: t}
	Check(r, filepath.Join(t.TempDir(), "missing.txt"), nil)
	if !strings.Contains(r.failed, "-update") {
		t.Fatalf("a missing golden file: %q", r.failed)
	}
}
