package export

import (
	"path/filepath"
	"testing"
)

func TestSideName(t *testing.T) {
	dir := filepath.Join("D:", "评选 2026")
	for _, c := range []struct {
		path string
		n    int
		want string
	}{
		{filepath.Join(dir, "评审材料汇编.pdf"), 1, filepath.Join(dir, "评审材料汇编（新）.pdf")},
		{filepath.Join(dir, "评审材料汇编.pdf"), 2, filepath.Join(dir, "评审材料汇编（新 2）.pdf")},
		{filepath.Join(dir, "汇总表.xlsx"), 3, filepath.Join(dir, "汇总表（新 3）.xlsx")},
		{filepath.Join(dir, "无扩展名"), 1, filepath.Join(dir, "无扩展名（新）")},
	} {
		if got := SideName(c.path, c.n); got != c.want {
			t.Errorf("SideName(%q, %d) = %q, want %q", c.path, c.n, got, c.want)
		}
	}
}
