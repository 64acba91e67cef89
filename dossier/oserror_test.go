package dossier

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOSErrorsInChinese(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.dossier")
	os.WriteFile(p, nil, 0o644)
	_, exist := os.OpenFile(p, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	_, missing := os.Open(filepath.Join(dir, "无.xlsx"))
	for _, c := range []struct {
		name string
		got  string
		want string
	}{
		{"ErrorMessage of a raw open error", ErrorMessage(exist), "无法打开 " + p + "：文件已存在"},
		{"Errorf naming the path already", Errorf(ECONFLICT, "无法创建文件 %s：%v", p, exist).Message, "无法创建文件 " + p + "：文件已存在"},
		{"Errorf without the path", Errorf(EINVALID, "保存失败：%v", missing).Message, "保存失败：无法打开 " + filepath.Join(dir, "无.xlsx") + "：文件或文件夹不存在"},
	} {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.name, c.got, c.want)
		}
		if strings.Contains(c.got, "file exists") || strings.Contains(c.got, "no such file") {
			t.Errorf("%s: English left in %q", c.name, c.got)
		}
	}
}
