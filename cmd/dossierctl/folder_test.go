package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/internal/testprog"
	"github.com/xuri/excelize/v2"
)

// filledWorkbook writes a filled submission for code and name from the
// campaign's template.
func filledWorkbook(t *testing.T, db, path, code, name string) {
	t.Helper()
	tpl := filepath.Join(t.TempDir(), "模板.xlsx")
	mustCtl(t, "template", "--db", db, "--out", tpl)
	f, err := excelize.OpenFile(tpl)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fillByLabel(t, f, "基本信息", "申报编号", code)
	fillByLabel(t, f, "基本信息", "单位名称", name)
	fillRow(t, f, "事迹材料", []string{"优化扩充工程"}, map[string]string{"标题": "增学位", "正文": "正文。"})
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// TestImportFolderListsEverySpreadsheet imports a folder holding a good
// workbook and the same workbook saved by LibreOffice as .ods, .xls and
// .csv, a WPS-named .et, a macro workbook, a workbook without an
// extension, temporary and hidden files, and a photo: every spreadsheet is
// listed, each one not read says why (the same message as when it is given
// alone), the temporary files are counted, and the exit status is 1.
func TestImportFolderListsEverySpreadsheet(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.dossier")
	mustCtl(t, "new", "--db", db, "--title", "文件夹导入")
	in := filepath.Join(dir, "收到的申报表")
	os.MkdirAll(in, 0o755)
	good := filepath.Join(in, "甲.xlsx")
	filledWorkbook(t, db, good, "F-01", "甲单位")
	conv := t.TempDir()
	src := filepath.Join(conv, "乙.xlsx")
	filledWorkbook(t, db, src, "F-02", "乙单位")
	for _, to := range []string{"ods", "xls", "csv:Text - txt - csv (StarCalc):44,34,76"} {
		out := testprog.LibreOffice(t, src, conv, to)
		os.Rename(out, filepath.Join(in, filepath.Base(out)))
	}
	xls, _ := os.ReadFile(filepath.Join(in, "乙.xls"))
	os.WriteFile(filepath.Join(in, "丙.et"), xls, 0o644)
	data, _ := os.ReadFile(good)
	filledWorkbook(t, db, filepath.Join(in, "丁.xlsm"), "F-04", "丁单位")
	filledWorkbook(t, db, filepath.Join(conv, "戊.xlsx"), "F-05", "戊单位")
	os.Rename(filepath.Join(conv, "戊.xlsx"), filepath.Join(in, "戊申报表")) // no extension: found by content
	os.WriteFile(filepath.Join(in, "~$甲.xlsx"), []byte("\x06owner"), 0o644)
	os.WriteFile(filepath.Join(in, ".~lock.甲.xlsx#"), []byte("lock"), 0o644)
	os.WriteFile(filepath.Join(in, ".隐藏.xlsx"), data, 0o644)
	os.WriteFile(filepath.Join(in, "照片.jpg"), []byte("\xFF\xD8\xFF\xE0"), 0o644)

	want := map[string]string{
		"乙.ods": "这是 OpenDocument 表格（.ods），请在 WPS 或 LibreOffice 中“另存为”Excel 工作簿（.xlsx）后再导入",
		"乙.xls": "旧版 Excel 97-2003 工作簿（.xls）",
		"丙.et":  "这是 WPS 表格文件（.et），请在 WPS 中“另存为”Excel 工作簿（.xlsx）后再导入",
		"乙.csv": "这是 CSV 文本文件",
	}
	for _, dry := range []bool{true, false} {
		args := []string{"import", "--db", db, in}
		if dry {
			args = append(args, "--dry-run")
		}
		code, out, errs := ctl(t, args...)
		if code != 1 {
			t.Errorf("dry %v: exit %d, want 1\n%s%s", dry, code, out, errs)
		}
		for name, msg := range want {
			line := "拒绝 " + filepath.Join(in, name) + "："
			if !strings.Contains(errs, line) || !strings.Contains(errs, msg) {
				t.Errorf("dry %v: %s not refused with %q:\n%s", dry, name, msg, errs)
			}
			// Given alone, the same reason.
			_, _, alone := ctl(t, "import", "--db", db, "--dry-run", filepath.Join(in, name))
			if !strings.Contains(alone, msg) {
				t.Errorf("%s alone: %s", name, alone)
			}
		}
		for _, ok := range []string{"F-01 甲单位", "F-04 丁单位", "F-05 戊单位"} {
			if !strings.Contains(out, ok) {
				t.Errorf("dry %v: %s not imported:\n%s", dry, ok, out)
			}
		}
		if !strings.Contains(out, "拒绝 4 个") || !strings.Contains(out, "跳过临时文件 3 个") || !strings.Contains(out, "不是电子表格的文件 1 个未列入") {
			t.Errorf("dry %v: summary %s", dry, out)
		}
		if strings.Contains(errs+out, "隐藏") || strings.Contains(errs+out, "照片.jpg") || strings.Contains(errs+out, "lock") {
			t.Errorf("dry %v: hidden, temporary or other files listed:\n%s%s", dry, out, errs)
		}
	}
}
