package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestFlagErrorsInChinese checks that a mistyped flag is named in Chinese
// with the value given and what is expected, and nothing English is left.
func TestFlagErrorsInChinese(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.dossier")
	mustCtl(t, "new", "--db", db, "--title", "参数测试")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"settings", "--db", db, "--quota", "1e3"}, "参数 --quota 的取值“1e3”无效：应为整数"},
		{[]string{"settings", "--db", db, "--quota=-"}, "参数 --quota 的取值“-”无效：应为整数"},
		{[]string{"settings", "--db", db, "--year", "99999999999999999999"}, "参数 --year 的取值“99999999999999999999”无效：超出可以填写的范围，应为整数"},
		{[]string{"settings", "--db", db, "--trim-min"}, "参数 --trim-min 缺少取值"},
		{[]string{"import", "--db", db, "--dry-run=maybe", "x.xlsx"}, "参数 --dry-run 的取值“maybe”无效：应为 true 或 false"},
		{[]string{"units", "--db", db, "--jsn"}, "未知参数 --jsn"},
		{[]string{"units", "--db", db, "---json"}, "参数写法有误：---json"},
	} {
		code, _, errs := ctl(t, c.args...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, %q; want exit 2 and %q", c.args, code, errs, c.want)
		}
		for _, en := range []string{"invalid", "flag", "parse error", "out of range", "syntax"} {
			if strings.Contains(errs, en) {
				t.Errorf("%v: English %q in %q", c.args, en, errs)
			}
		}
	}
}

// TestOSErrorsInChinese checks that a failed write is told in Chinese,
// naming the folder, with no English system text.
func TestOSErrorsInChinese(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.dossier")
	mustCtl(t, "new", "--db", db, "--title", "系统错误测试")
	out := filepath.Join(dir, "没有这个文件夹", "模板.xlsx")
	code, _, errs := ctl(t, "template", "--db", db, "--out", out)
	if code != 1 || !strings.Contains(errs, "不存在") || !strings.Contains(errs, filepath.Dir(out)) {
		t.Errorf("exit %d, %q", code, errs)
	}
	if strings.Contains(errs, "no such file") || strings.Contains(errs, "open ") {
		t.Errorf("English left: %q", errs)
	}
}
