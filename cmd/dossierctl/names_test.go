package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestNamesThatLookTheSame checks every command folds names and codes the
// same way: a code typed in lower case, a name with a zero-width space,
// an LRM or a no-break space is the unit already there, and control
// characters are refused with a message.
func TestNamesThatLookTheSame(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.dossier")
	mustCtl(t, "demo", "--db", db)

	// --unit flags and scores set: hn2022-001 is HN2022-001.
	mustCtl(t, "scores", "set", "--db", db, "--evaluator", "李华（示例）", "--unit", "hn2022-001", "--category", "优化扩充工程", "--value", "18")
	mustCtl(t, "export", "pdf", "--db", db, "--unit", "hn2022-002", "--out", filepath.Join(dir, "u.pdf"))
	mustCtl(t, "unit", "status", "--db", db, "--code", "hn2022-004", "--status", "材料待补")
	// The evaluator's name with a zero-width space is the same evaluator.
	mustCtl(t, "scores", "set", "--db", db, "--evaluator", "李华\u200b（示例）", "--unit", "HN2022-001", "--category", "增效创优工程", "--value", "17")

	// unit add: a name that only looks new, a code in lower case.
	for _, args := range [][]string{
		{"--code", "HN2022-099", "--name", "郑州市\u200b教育局"},
		{"--code", "HN2022-099", "--name", "\u200e郑州市教育局"},
		{"--code", "hn2022-001", "--name", "新单位"},
	} {
		code, out, errs := ctl(t, append([]string{"unit", "add", "--db", db}, args...)...)
		if code != 1 {
			t.Errorf("unit add %q: exit %d, %s%s", args, code, out, errs)
		}
	}
	code, _, errs := ctl(t, "unit", "add", "--db", db, "--code", "HN2022-098", "--name", "新\x1b[31m单位\a")
	if code != 1 || !strings.Contains(errs, "单位名称中有控制字符（U+001B ESC）") || strings.Contains(errs, "\x1b") {
		t.Errorf("control characters: exit %d, %q", code, errs)
	}
	// NBSP in a new name is stored as a plain space.
	mustCtl(t, "unit", "add", "--db", db, "--code", "hn2022-010", "--name", "新乡市\u00a0第一中学")
	var units []struct{ Code, Name string }
	json.Unmarshal([]byte(mustCtl(t, "units", "--db", db, "--json")), &units)
	found := false
	for _, u := range units {
		if u.Code == "hn2022-010" && u.Name == "新乡市 第一中学" { // the code as typed; compared without case
			found = true
		}
	}
	if !found || len(units) != 5 {
		t.Errorf("units = %+v", units)
	}

	// A score workbook whose code was retyped in lower case.
	sheet := filepath.Join(dir, "评分表.xlsx")
	mustCtl(t, "scoresheet", "--db", db, "--evaluator", "李华（示例）", "--out", sheet)
	f, _ := excelize.OpenFile(sheet)
	if v, _ := f.GetCellValue("评分", "A2"); v != "HN2022-001" {
		t.Fatalf("评分!A2 = %q", v)
	}
	f.SetCellStr("评分", "A2", "hn2022-001")
	f.SetCellStr("评分", "C2", "15")
	f.SaveAs(sheet)
	f.Close()
	if out := mustCtl(t, "scores", "import", "--db", db, sheet); !strings.Contains(out, "1 项评分") {
		t.Errorf("score workbook with a lower-case code: %s", out)
	}

	// import: a workbook naming 郑州市教育局 with a zero-width space and no
	// code updates the unit; one whose name holds ESC is refused, naming
	// the cell.
	tpl := filepath.Join(dir, "t.xlsx")
	mustCtl(t, "template", "--db", db, "--out", tpl)
	write := func(name, value string) string {
		f, err := excelize.OpenFile(tpl)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		fillByLabel(t, f, "基本信息", "单位名称", value)
		p := filepath.Join(dir, name)
		if err := f.SaveAs(p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	same := write("same.xlsx", "\u202a郑州市\u200b教育局\u202c")
	out := mustCtl(t, "import", "--db", db, "--dry-run", same)
	if !strings.Contains(out, "将更新 HN2022-001 郑州市教育局") {
		t.Errorf("zero-width name: %s", out)
	}
	// Excel stores ESC in a cell as _x001B_ (excelize writes the text as
	// given, so this is the file Excel writes).
	esc := write("esc.xlsx", "郑州市_x001B_教育局")
	code, _, errs = ctl(t, "import", "--db", db, "--dry-run", esc)
	if code != 1 || !strings.Contains(errs, "工作表“基本信息”，单元格 B2：单元格中有控制字符（U+001B ESC）") || strings.Contains(errs, "\x1b") {
		t.Errorf("ESC in a workbook: exit %d, %q", code, errs)
	}
}
