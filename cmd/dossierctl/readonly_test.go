package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestReadOnlyCampaign: a campaign in a read-only folder, and a 444 file,
// opened by a user who cannot write them: every read command works (exit
// 0, nothing left beside the file), every write is refused in Chinese, and
// the file is unchanged.
func TestReadOnlyCampaign(t *testing.T) {
	base := t.TempDir()
	// The unprivileged user must reach the test's folders.
	os.Chmod(filepath.Dir(base), 0o755)
	os.Chmod(base, 0o755)
	out := filepath.Join(base, "out")
	os.Mkdir(out, 0o777)
	os.Chmod(out, 0o777)
	for _, c := range []struct {
		name            string
		dirMode, fileMo os.FileMode
		why             string
	}{
		{"folder", 0o555, 0o644, "所在文件夹"},
		{"file", 0o777, 0o444, "文件设为只读"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.name == "folder" && runtime.GOOS == "windows" {
				// A folder's read-only attribute does not stop writes
				// into it on Windows: such a folder cannot be made.
				t.Skip("Windows 没有只读文件夹")
			}
			dir := filepath.Join(base, c.name)
			os.Mkdir(dir, 0o755)
			db := filepath.Join(dir, "c.dossier")
			mustCtl(t, "demo", "--db", db)
			sheet := filepath.Join(out, c.name+"-赵丽.xlsx")
			tpl := filepath.Join(out, c.name+"-tpl.xlsx")
			mustCtl(t, "scoresheet", "--db", db, "--evaluator", "赵丽（示例）", "--out", sheet)
			mustCtl(t, "template", "--db", db, "--out", tpl)
			f, err := excelize.OpenFile(tpl)
			if err != nil {
				t.Fatal(err)
			}
			fillByLabel(t, f, "基本信息", "申报编号", "RO-01")
			fillByLabel(t, f, "基本信息", "单位名称", "只读测试单位")
			fillByLabel(t, f, "基本信息", "所属地区", "某市")
			fillByLabel(t, f, "基本信息", "事迹标题", "标题")
			fillByLabel(t, f, "基本信息", "事迹简介", "简介。")
			if err := f.SaveAs(tpl); err != nil {
				t.Fatal(err)
			}
			f.Close()
			os.Chmod(sheet, 0o644)
			os.Chmod(tpl, 0o644)
			if c.name == "folder" && os.Geteuid() == 0 {
				// The user owns the file but not the folder.
				os.Chown(db, 65534, 65534)
			}
			os.Chmod(db, c.fileMo)
			os.Chmod(dir, c.dirMode)
			defer os.Chmod(dir, 0o755)
			before := readBytes(t, db)
			listing := strings.Join(listDir(t, dir), " ")
			o := func(name string) string { return filepath.Join(out, c.name+"-"+name) }
			reads := [][]string{
				{"rank", "--db", db},
				{"rank", "--db", db, "--json"},
				{"units", "--db", db},
				{"units", "--db", db, "--json"},
				{"check", "--db", db},
				{"settings", "--db", db},
				{"export", "pdf", "--db", db, "--out", o("d.pdf")},
				{"export", "pdf", "--db", db, "--kind", "notice", "--out", o("n.pdf")},
				{"export", "pdf", "--db", db, "--unit", "HN2022-001", "--out", o("u.pdf")},
				{"export", "xlsx", "--db", db, "--out", o("s.xlsx")},
				{"template", "--db", db, "--out", o("t.xlsx")},
				{"scoresheet", "--db", db, "--evaluator", "李华（示例）", "--out", o("l.xlsx")},
				{"backup", "--db", db, "--out", o("b.dossier")},
			}
			for _, args := range reads {
				cmd := asUser(t, args...)
				var so, se bytes.Buffer
				cmd.Stdout, cmd.Stderr = &so, &se
				err := cmd.Run()
				if err != nil || english.MatchString(se.String()) || strings.Contains(se.String(), "错误") {
					t.Errorf("%s: %v\n%s%s", strings.Join(args[:1], " "), err, so.String(), se.String())
				}
				if args[0] == "check" && !strings.Contains(so.String(), "检查通过") {
					t.Errorf("check: %s", so.String())
				}
			}
			writes := [][]string{
				{"unit", "add", "--db", db, "--code", "X1", "--name", "新单位"},
				{"scores", "set", "--db", db, "--evaluator", "赵丽（示例）", "--unit", "HN2022-001", "--category", "优化扩充工程", "--value", "12"},
				{"settings", "--db", db, "--title", "改名"},
				{"scores", "import", "--db", db, sheet},
				{"import", "--db", db, tpl},
			}
			for _, args := range writes {
				cmd := asUser(t, args...)
				var se bytes.Buffer
				cmd.Stderr = &se
				err := cmd.Run()
				msg := se.String()
				if err == nil || cmd.ProcessState.ExitCode() != 1 || !strings.Contains(msg, "评选活动文件 "+db+" 为只读（") ||
					!strings.Contains(msg, c.why) || !strings.Contains(msg, "不能修改；可另存副本后修改") || english.MatchString(msg) {
					t.Errorf("%s: %v\n%s", strings.Join(args[:2], " "), err, msg)
				}
			}
			if !bytes.Equal(readBytes(t, db), before) {
				t.Error("the read-only file changed")
			}
			if got := strings.Join(listDir(t, dir), " "); got != listing {
				t.Errorf("beside the file: %q, was %q", got, listing)
			}
			if p := mustCtl(t, "check", "--db", o("b.dossier")); !strings.Contains(p, "检查通过") {
				t.Errorf("backup of a read-only campaign: %s", p)
			}
		})
	}
}
