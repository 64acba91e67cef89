package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// fillByLabel writes value into column B of the row whose column A is label.
func fillByLabel(t *testing.T, f *excelize.File, sheet, label, value string) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == label {
			cell, _ := excelize.CoordinatesToCellName(2, i+1)
			f.SetCellStr(sheet, cell, value)
			return
		}
	}
	t.Fatalf("label %s not found in %s", label, sheet)
}

// fillRow finds the row whose first columns equal keys and writes values
// into the columns named by header.
func fillRow(t *testing.T, f *excelize.File, sheet string, keys []string, values map[string]string) {
	t.Helper()
	rows, _ := f.GetRows(sheet)
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i + 1
	}
	for i, r := range rows[1:] {
		match := len(r) >= len(keys)
		for k := range keys {
			if match && r[k] != keys[k] {
				match = false
			}
		}
		if !match {
			continue
		}
		for h, v := range values {
			c, ok := col[h]
			if !ok {
				t.Fatalf("no column %s in %s", h, sheet)
			}
			cell, _ := excelize.CoordinatesToCellName(c, i+2)
			f.SetCellStr(sheet, cell, v)
		}
		return
	}
	t.Fatalf("row %v not found in %s", keys, sheet)
}

func TestTemplateImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.dossier")
	tpl := filepath.Join(dir, "模板.xlsx")
	mustCtl(t, "new", "--db", db, "--title", "导入测试")
	mustCtl(t, "template", "--db", db, "--out", tpl)

	fill := func(path, title, places string) {
		f, err := excelize.OpenFile(tpl)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		fillByLabel(t, f, "基本信息", "申报编号", "T-01")
		fillByLabel(t, f, "基本信息", "单位名称", "某市教育局")
		fillByLabel(t, f, "基本信息", "所属地区", "某市")
		fillByLabel(t, f, "基本信息", "事迹标题", title)
		fillByLabel(t, f, "基本信息", "事迹简介", "简介。")
		fillRow(t, f, "事迹材料", []string{"优化扩充工程"}, map[string]string{"标题": "增学位", "正文": "第一段。\n第二段。"})
		fillRow(t, f, "量化指标", []string{"优化扩充工程", "新增学位"}, map[string]string{"数值": places})
		fillRow(t, f, "量化指标", []string{"优化扩充工程", "大班额比例"}, map[string]string{"数值": "6.66%"})
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
	}
	sub := filepath.Join(dir, "submissions")
	os.MkdirAll(filepath.Join(sub, "nested"), 0o755)
	fill(filepath.Join(sub, "nested", "某市.xlsx"), "某市的事迹", "27.6万")
	os.WriteFile(filepath.Join(sub, "坏文件.xlsx"), []byte("这不是 Excel 文件"), 0o644)

	code, out, errs := ctl(t, "import", "--db", db, sub)
	if code != 1 || !strings.Contains(out, "新增 T-01 某市教育局") || !strings.Contains(errs, "坏文件.xlsx") {
		t.Fatalf("import: exit %d\n%s\n%s", code, out, errs)
	}
	var units []struct {
		Code, Name, Title string
		Revision          int
		Achievements      []struct{ Category, Heading, Body string }
		Indicators        []struct {
			Name  string
			Value float64
		}
	}
	json.Unmarshal([]byte(mustCtl(t, "units", "--db", db, "--json")), &units)
	if len(units) != 1 || units[0].Title != "某市的事迹" || units[0].Revision != 1 || len(units[0].Achievements) != 1 || units[0].Achievements[0].Body != "第一段。\n第二段。" {
		t.Fatalf("units = %+v", units)
	}
	vals := map[string]float64{}
	for _, in := range units[0].Indicators {
		vals[in.Name] = in.Value
	}
	if vals["新增学位"] != 276000 || vals["大班额比例"] != 6.66 {
		t.Errorf("indicators = %v", vals)
	}

	// Re-import with one change: a new revision, the change reported, a dry run first.
	v2 := filepath.Join(dir, "某市v2.xlsx")
	fill(v2, "某市的新事迹", "27.6万")
	out = mustCtl(t, "import", "--db", db, "--dry-run", v2)
	if !strings.Contains(out, "将更新 T-01") || !strings.Contains(out, "事迹标题：“某市的事迹”→“某市的新事迹”") {
		t.Errorf("dry run = %s", out)
	}
	out = mustCtl(t, "import", "--db", db, v2)
	if !strings.Contains(out, "更新 T-01") {
		t.Errorf("import = %s", out)
	}
	json.Unmarshal([]byte(mustCtl(t, "units", "--db", db, "--json")), &units)
	if units[0].Revision != 2 || units[0].Title != "某市的新事迹" {
		t.Errorf("after re-import = %+v", units[0])
	}
	// The same code under the name of another unit: refused in the dry run
	// already, with the cell named, and nothing written.
	mustCtl(t, "unit", "add", "--db", db, "--code", "T-02", "--name", "另一单位")
	clash := filepath.Join(dir, "clash.xlsx")
	fill(clash, "某市的新事迹", "27.6万")
	f, _ := excelize.OpenFile(clash)
	fillByLabel(t, f, "基本信息", "单位名称", "另一单位")
	f.SaveAs(clash)
	f.Close()
	for _, dry := range []bool{true, false} {
		args := []string{"import", "--db", db, clash}
		if dry {
			args = append(args, "--dry-run")
		}
		code, _, errs := ctl(t, args...)
		if code != 1 || !strings.Contains(errs, "工作表“基本信息”，单元格 B2：单位名称“另一单位”已属于申报编号为“T-02”的另一单位") {
			t.Errorf("clash (dry %v): exit %d\n%s", dry, code, errs)
		}
	}
	f, _ = excelize.OpenFile(clash)
	fillByLabel(t, f, "基本信息", "申报编号", "T-99")
	f.SaveAs(clash)
	f.Close()
	if code, _, errs := ctl(t, "import", "--db", db, clash); code != 1 || !strings.Contains(errs, "单元格 B1：申报编号“T-99”是新编号") {
		t.Errorf("ambiguous: exit %d\n%s", code, errs)
	}
	if code, _, errs := ctl(t, "import", "--db", db); code != 2 || !strings.Contains(errs, "请指定") {
		t.Errorf("import without paths: %d %s", code, errs)
	}
}

func TestScoreSheetRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.dossier")
	mustCtl(t, "demo", "--db", db)
	sheet := filepath.Join(dir, "赵丽.xlsx")
	mustCtl(t, "scoresheet", "--db", db, "--evaluator", "赵丽（示例）", "--out", sheet)
	before := rankJSON(t, db)

	f, err := excelize.OpenFile(sheet)
	if err != nil {
		t.Fatal(err)
	}
	fillRow(t, f, "评分", []string{"HN2022-003"}, map[string]string{"优化扩充工程(20)": "20"})
	f.SaveAs(sheet)
	f.Close()
	out := mustCtl(t, "scores", "import", "--db", db, sheet)
	if !strings.Contains(out, "1 项评分") {
		t.Errorf("scores import = %s", out)
	}
	after := rankJSON(t, db)
	if before[3].Code != "HN2022-003" || after[3].Code != "HN2022-003" || *after[3].Total == *before[3].Total {
		t.Errorf("ranking did not change: %v → %v", *before[3].Total, *after[3].Total)
	}

	// One bad cell rejects the whole workbook: nothing changes.
	f, _ = excelize.OpenFile(sheet)
	fillRow(t, f, "评分", []string{"HN2022-001"}, map[string]string{"优化扩充工程(20)": "15"})
	fillRow(t, f, "评分", []string{"HN2022-002"}, map[string]string{"增效创优工程(20)": "18.55"})
	f.SaveAs(sheet)
	f.Close()
	code, _, errs := ctl(t, "scores", "import", "--db", db, sheet)
	if code != 1 || !strings.Contains(errs, "D3") {
		t.Errorf("bad sheet: exit %d, %s", code, errs)
	}
	if again := rankJSON(t, db); *again[0].Total != *after[0].Total {
		t.Error("a rejected workbook changed scores")
	}
	// Another evaluator's workbook with a forged name: the 校验码 refuses it.
	f, _ = excelize.OpenFile(sheet)
	fillRow(t, f, "评分", []string{"HN2022-002"}, map[string]string{"增效创优工程(20)": "18.5"})
	f.SetCellStr("评委信息", "B1", "李华（示例）")
	f.SaveAs(sheet)
	f.Close()
	if code, _, errs := ctl(t, "scores", "import", "--db", db, sheet); code != 1 || !strings.Contains(errs, "校验码") {
		t.Errorf("forged sheet: exit %d, %s", code, errs)
	}
}

func TestExportDocuments(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.dossier")
	mustCtl(t, "demo", "--db", db)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "pdf", "--db", db, "--out", filepath.Join(dir, "d.pdf")}, "%PDF"},
		{[]string{"export", "pdf", "--db", db, "--kind", "notice", "--out", filepath.Join(dir, "n.pdf")}, "%PDF"},
		{[]string{"export", "pdf", "--db", db, "--kind", "unit", "--unit", "HN2022-002", "--out", filepath.Join(dir, "u.pdf")}, "%PDF"},
		{[]string{"export", "xlsx", "--db", db, "--out", filepath.Join(dir, "s.xlsx")}, "PK"},
	} {
		mustCtl(t, c.args...)
		data, _ := os.ReadFile(c.args[len(c.args)-1])
		if !strings.HasPrefix(string(data), c.want) {
			t.Errorf("%v: not a %s file", c.args, c.want)
		}
	}
	// The unit PDF names the evaluators only with --with-scores.
	mustCtl(t, "export", "pdf", "--db", db, "--kind", "unit", "--unit", "HN2022-002", "--with-scores", "--out", filepath.Join(dir, "us.pdf"))
	if _, err := exec.LookPath("pdftotext"); err == nil {
		for name, want := range map[string]bool{"u.pdf": false, "us.pdf": true} {
			out, err := exec.Command("pdftotext", filepath.Join(dir, name), "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(string(out), "评分情况"); got != want {
				t.Errorf("%s: score box %v, want %v", name, got, want)
			}
		}
	}
	if code, _, errs := ctl(t, "export", "pdf", "--db", db, "--with-scores", "--out", filepath.Join(dir, "x.pdf")); code != 2 || !strings.Contains(errs, "--with-scores") {
		t.Errorf("--with-scores on the dossier: exit %d, %s", code, errs)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "s.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("排名", "C2"); v != "郑州市教育局" {
		rows, _ := f.GetRows("排名")
		t.Errorf("排名 row 2 = %v", rows[:2])
	}
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"export", "pdf", "--db", db, "--kind", "unit", "--out", filepath.Join(dir, "x.pdf")}, 2},
		{[]string{"export", "pdf", "--db", db, "--kind", "poster", "--out", filepath.Join(dir, "x.pdf")}, 2},
		{[]string{"export", "pdf", "--db", db, "--kind", "unit", "--unit", "NOPE", "--out", filepath.Join(dir, "x.pdf")}, 1},
		{[]string{"export", "docx", "--db", db, "--out", filepath.Join(dir, "x.docx")}, 2},
	} {
		if code, _, errs := ctl(t, c.args...); code != c.code {
			t.Errorf("%v: exit %d want %d (%s)", c.args, code, c.code, errs)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("failed export left a file")
	}
}

// TestImportHandMadeWorkbook imports a workbook built from the contract
// alone (no template): labels in another order, no 填报说明 and no 图片
// sheet, numbers as numeric cells and as text.
func TestImportHandMadeWorkbook(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.dossier")
	mustCtl(t, "new", "--db", db)
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "基本信息")
	for i, kv := range [][2]string{{"事迹简介", "简介"}, {"单位名称", "外部测试局"}, {"申报编号", "EXT-1"}, {"所属地区", "南阳市"}, {"事迹标题", "外部标题"}} {
		f.SetCellStr("基本信息", "A"+string(rune('2'+i)), kv[0])
		f.SetCellStr("基本信息", "B"+string(rune('2'+i)), kv[1])
	}
	f.NewSheet("事迹材料")
	f.SetSheetRow("事迹材料", "A1", &[]any{"类别", "标题", "正文"})
	f.SetSheetRow("事迹材料", "A2", &[]any{"优化扩充工程", "节一", "正文一"})
	f.SetSheetRow("事迹材料", "A3", &[]any{"优化扩充工程", "节二", "正文二"})
	f.NewSheet("量化指标")
	f.SetSheetRow("量化指标", "A1", &[]any{"类别", "指标", "计量单位", "数值", "说明"})
	f.SetSheetRow("量化指标", "A2", &[]any{"优化扩充工程", "新增学位", "个", 1200, ""})
	f.SetSheetRow("量化指标", "A3", &[]any{"优化扩充工程", "累计投资", "亿元", "1.5亿", "五年合计"})
	f.SetSheetRow("量化指标", "A4", &[]any{"优化扩充工程", "大班额比例", "%", "", "约7%，无确切统计"})
	f.NewSheet("图片") // present but empty: no pictures
	path := filepath.Join(dir, "外部.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	out := mustCtl(t, "import", "--db", db, path)
	if !strings.Contains(out, "新增 EXT-1 外部测试局") {
		t.Fatalf("import = %s", out)
	}
	var units []struct {
		Achievements []struct{ Heading string }
		Indicators   []struct {
			Name  string
			Value float64
		}
	}
	json.Unmarshal([]byte(mustCtl(t, "units", "--db", db, "--json")), &units)
	// The note without a figure is kept but, having no value, not listed.
	if len(units) != 1 || len(units[0].Achievements) != 2 || units[0].Achievements[1].Heading != "节二" || len(units[0].Indicators) != 2 || units[0].Indicators[1].Value != 1.5 {
		t.Errorf("units = %+v", units)
	}
	out = mustCtl(t, "export", "pdf", "--db", db, "--unit", "EXT-1", "--out", filepath.Join(dir, "u.pdf"))
	if !strings.Contains(out, "PDF") {
		t.Errorf("export = %s", out)
	}
}

// TestScoreSheetKeepsUnusualCodes: a code that looks like an OOXML escape
// survives the trip through our own score workbook.
func TestScoreSheetKeepsUnusualCodes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.dossier")
	mustCtl(t, "new", "--db", db)
	mustCtl(t, "unit", "add", "--db", db, "--code", "E_x0041_1", "--name", "=甲单位_x000D_")
	mustCtl(t, "evaluator", "add", "--db", db, "--name", "评委")
	sheet := filepath.Join(dir, "s.xlsx")
	mustCtl(t, "scoresheet", "--db", db, "--evaluator", "评委", "--out", sheet)
	f, _ := excelize.OpenFile(sheet)
	fillRow(t, f, "评分", []string{"E_x0041_1"}, map[string]string{"优化扩充工程(20)": "12"})
	f.SaveAs(sheet)
	f.Close()
	out := mustCtl(t, "scores", "import", "--db", db, sheet)
	if !strings.Contains(out, "1 项评分") {
		t.Errorf("import = %s", out)
	}
}

// TestScoreSheetConflictRowIgnored: whatever a 回避 row holds, even an
// out-of-range value, it is ignored with a warning and the rest is taken.
func TestScoreSheetConflictRowIgnored(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.dossier")
	mustCtl(t, "demo", "--db", db)
	sheet := filepath.Join(dir, "陈志强.xlsx")
	mustCtl(t, "scoresheet", "--db", db, "--evaluator", "陈志强（示例）", "--out", sheet)
	f, _ := excelize.OpenFile(sheet)
	fillRow(t, f, "评分", []string{"HN2022-003"}, map[string]string{"优化扩充工程(20)": "25"})
	fillRow(t, f, "评分", []string{"HN2022-001"}, map[string]string{"优化扩充工程(20)": "16"})
	f.SaveAs(sheet)
	f.Close()
	code, out, errs := ctl(t, "scores", "import", "--db", db, sheet)
	if code != 0 || !strings.Contains(errs, "HN2022-003") || !strings.Contains(errs, "忽略") || !strings.Contains(out, "1 项评分") {
		t.Errorf("exit %d\n%s\n%s", code, out, errs)
	}
}

// TestSummaryCarriesMaterial checks that the Excel summary holds each unit's
// material: the 量化指标 figures and the counts in 单位名单.
func TestSummaryCarriesMaterial(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.dossier")
	out := filepath.Join(dir, "s.xlsx")
	mustCtl(t, "demo", "--db", db)
	mustCtl(t, "export", "xlsx", "--db", db, "--out", out)
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("单位名单")
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	// assets/demo/demo.json: HN2022-002 has 3 sections, 8 values, 10 photos.
	want := map[string][3]string{"HN2022-001": {"5", "18", "0"}, "HN2022-002": {"3", "8", "10"}}
	for _, r := range rows[1:] {
		w, ok := want[r[0]]
		if !ok {
			continue
		}
		got := [3]string{r[col["事迹节数"]], r[col["量化指标数"]], r[col["图片数"]]}
		if got != w {
			t.Errorf("单位名单 %s: 事迹节数/量化指标数/图片数 = %v, want %v", r[0], got, w)
		}
		delete(want, r[0])
	}
	if len(want) > 0 {
		t.Errorf("units missing from 单位名单: %v", want)
	}
	ind, _ := f.GetRows("量化指标")
	found := false
	for _, r := range ind {
		if len(r) > 2 && r[0] == "HN2022-001" {
			for _, v := range r[2:] {
				found = found || v == "276000"
			}
		}
	}
	if !found {
		t.Errorf("量化指标 has no 新增学位 276000 for HN2022-001: %v", ind)
	}
}
