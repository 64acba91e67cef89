package xlsx

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/internal/testprog"
	"github.com/xuri/excelize/v2"
)

// problemsOf reads data and returns its problems, failing when it is read.
func problemsOf(t *testing.T, name string, data []byte) []Problem {
	t.Helper()
	sub, err := readBytes(name, data, testBook())
	var fe *FileError
	if sub != nil || !errors.As(err, &fe) {
		t.Fatalf("read: %+v, %v; want a *FileError", sub, err)
	}
	return fe.Problems
}

// hasProblem reports whether ps holds a problem at sheet and cell whose
// message contains want.
func hasProblem(ps []Problem, sheet, cell, want string) bool {
	for _, p := range ps {
		if p.Sheet == sheet && p.Cell == cell && strings.Contains(p.Message, want) {
			return true
		}
	}
	return false
}

// TestSharedFormulaNamed fills 数值 down with a shared formula, as Excel's
// fill-down stores it (excelize writes the same <f t="shared" ref si>
// master and <f t="shared" si/> children): each cell names the master.
func TestSharedFormulaNamed(t *testing.T) {
	b := testBook()
	good := filledWorkbook(t, b, testJPEG(t, 200, 150, 1), testJPEG(t, 100, 80, 2))
	shared := excelize.STCellFormulaTypeShared
	ref := "D2:D4"
	data := edit(t, good, func(f *excelize.File) error {
		return f.SetCellFormula(SheetIndicators, "D2", "SUM(100000,176000)", excelize.FormulaOpts{Type: &shared, Ref: &ref})
	})
	part := string(partOf(t, data, sheetPart(t, data, SheetIndicators)))
	if !strings.Contains(part, `t="shared"`) {
		t.Fatalf("no shared formula written: %s", part)
	}
	ps := problemsOf(t, "shared.xlsx", data)
	for _, c := range []struct{ cell, want string }{
		{"D2", "单元格含有共享公式（=SUM(100000,176000)，由此向下或向右填充）"},
		{"D3", "单元格含有共享公式（由 D2 的公式 =SUM(100000,176000) 填充而来）"},
		{"D4", "单元格含有共享公式（由 D2 的公式 =SUM(100000,176000) 填充而来）"},
	} {
		if !hasProblem(ps, SheetIndicators, c.cell, c.want) {
			t.Errorf("no %q at %s; got %v", c.want, c.cell, ps)
		}
	}
	for _, p := range ps {
		if strings.Contains(p.Message, "（=）") {
			t.Errorf("formula left unnamed: %s", p)
		}
	}
}

// TestWorkbooksAsExcelWritesThem checks the parts other programs read the
// way Excel writes them: core properties with the cp: prefix (ExcelJS
// fails on a default namespace), a 2-D chart without 3-D elements, with
// 0/1 booleans, zh-CN and cached values, the score workbook's 合计 with
// cached sums, 拟推荐 styled alike on every recommended row, and long text
// in 单位名单 wrapped in a row tall enough for it.
func TestWorkbooksAsExcelWritesThem(t *testing.T) {
	b := rankedBook()
	b.Campaign.Quota = 4 // every unit 拟推荐; the cut row is the last
	b.Units[0].Summary = strings.Repeat("郑州市推进义务教育优质均衡发展。", 20)
	sum := summaryBytes(t, b)
	var sc bytes.Buffer
	if err := WriteScoreSheet(&sc, b, "e2"); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"template": templateBytes(t, b), "score": sc.Bytes(), "summary": sum} {
		core := string(partOf(t, data, "docProps/core.xml"))
		if !strings.Contains(core, "<cp:coreProperties xmlns:cp=") || !strings.Contains(core, "<cp:lastModifiedBy>") ||
			strings.Contains(core, ` xmlns="`) || !strings.Contains(core, "<dc:title>") {
			t.Errorf("%s: core.xml %s", name, core)
		}
	}
	chart := string(partOf(t, sum, "xl/charts/chart1.xml"))
	for _, bad := range []string{"<view3D>", "<floor>", "<sideWall>", "<backWall>", `="true"`, `="false"`, "en-US"} {
		if strings.Contains(chart, bad) {
			t.Errorf("chart holds %s", bad)
		}
	}
	if !strings.Contains(chart, `<lang val="zh-CN">`) || !strings.Contains(chart, `<pt idx="0"><v>87.5</v></pt>`) ||
		!strings.Contains(chart, `<pt idx="0"><v>郑州市教育局</v></pt>`) {
		t.Errorf("chart without zh-CN or cached values: %s", chart)
	}

	// 合计 of 郑州市教育局 for e2: 5 × 18 = 90, cached as a number.
	sheet := string(partOf(t, sc.Bytes(), sheetPart(t, sc.Bytes(), SheetScores)))
	if !regexp.MustCompile(`<c r="H2" s="[0-9]+"><f>[^<]*SUM\(C2:G2\)\)</f><v>90</v></c>`).MatchString(sheet) {
		t.Errorf("合计 H2 has no cached 90: %s", regexp.MustCompile(`<c r="H2".{0,120}`).FindString(sheet))
	}

	f, err := excelize.OpenReader(bytes.NewReader(sum))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	markCol := cellCol(5 + len(b.Categories) + 2)
	var styles []int
	for r := 2; r <= 5; r++ {
		if v, _ := f.GetCellValue(SheetRanking, fmt.Sprintf("%s%d", markCol, r)); v != MarkRecommended {
			t.Fatalf("%s%d = %q, want %s", markCol, r, v, MarkRecommended)
		}
		st, _ := f.GetCellStyle(SheetRanking, fmt.Sprintf("%s%d", markCol, r))
		s, _ := f.GetStyle(st)
		styles = append(styles, boolInt(s.Font != nil && s.Font.Bold))
		if s.Font != nil && s.Font.Color != "" && s.Font.Color != "000000" {
			t.Errorf("拟推荐 in row %d coloured %s", r, s.Font.Color)
		}
	}
	for i := range styles {
		if styles[i] != styles[0] {
			t.Errorf("拟推荐 styled differently across rows: bold %v", styles)
		}
	}
	st, _ := f.GetCellStyle(SheetUnits, "I2")
	s, _ := f.GetStyle(st)
	if s.Alignment == nil || !s.Alignment.WrapText {
		t.Errorf("单位名单 事迹简介 not wrapped: %+v", s.Alignment)
	}
	if h, _ := f.GetRowHeight(SheetUnits, 2); h < 60 {
		t.Errorf("单位名单 row 2 is %v pt tall for a 320-character summary", h)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestHiddenContentUnderMerges saves, with LibreOffice, workbooks in which
// a merged 类别 covers a cell that still holds another value (LibreOffice's
// "merge, keep hidden contents"): refused, naming the range and the hidden
// cell. Where the hidden value is the one shown, the sheet is read as it
// shows; a merged 图片说明 over two photos gives both photos the caption,
// as a merged 类别 gives both its category.
func TestHiddenContentUnderMerges(t *testing.T) {
	b := testBook()
	base := templateBytes(t, b)

	fl := openFiller(t, base)
	fl.section("优化扩充工程", "第一节", "正文一。")
	fl.section("增效创优工程", "第二节", "正文二。")
	r1, r2 := fl.find(SheetAchievements, 1, "优化扩充工程"), fl.find(SheetAchievements, 1, "增效创优工程")
	if r2 != r1+1 {
		t.Fatalf("rows %d %d", r1, r2)
	}
	fl.basic(LabelName, "郑州市教育局")
	// The merge is added in the sheet's XML: excelize clears what a merge
	// covers, LibreOffice keeps it and writes it back.
	hidden := libreOfficeResave(t, withMerges(t, fl.bytes(), SheetAchievements, cellName(1, r1)+":"+cellName(1, r2)))
	if !strings.Contains(string(partOf(t, hidden, sheetPart(t, hidden, SheetAchievements))), "mergeCell ref=\"A2:A3\"") {
		t.Fatal("LibreOffice did not keep the merge")
	}
	ps := problemsOf(t, "hidden.xlsx", hidden)
	if !hasProblem(ps, SheetAchievements, "A2:A3", "合并单元格下有隐藏内容：显示的是 A2 的“优化扩充工程”，但合并区域中还有 A3“增效创优工程”") {
		t.Errorf("hidden category not refused: %v", ps)
	}

	// The same merge where the hidden value is the one shown, and a merged
	// caption over two photos.
	fl = openFiller(t, base)
	fl.basic(LabelName, "郑州市教育局")
	fl.section("优化扩充工程", "第一节", "正文一。")
	r := fl.firstEmpty(SheetAchievements)
	fl.set(SheetAchievements, cellName(1, r-1), "优化扩充工程")
	fl.set(SheetAchievements, cellName(1, r), "优化扩充工程")
	fl.set(SheetAchievements, cellName(2, r), "第二节")
	fl.set(SheetAchievements, cellName(3, r), "正文二。")
	fl.picture(1, "优化扩充工程", "新校区", testJPEG(t, 120, 90, 1))
	fl.picture(2, "", "", testJPEG(t, 120, 90, 2))
	p1, p2 := fl.find(SheetPhotos, 1, "1"), fl.find(SheetPhotos, 1, "2")
	data := withMerges(t, fl.bytes(), SheetAchievements, cellName(1, r-1)+":"+cellName(1, r))
	data = withMerges(t, data, SheetPhotos, cellName(2, p1)+":"+cellName(2, p2), cellName(3, p1)+":"+cellName(3, p2))
	data = libreOfficeResave(t, data)
	sub, err := readBytes("merged.xlsx", data, b)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range sub.Unit.Achievements {
		got = append(got, b.Category(a.CategoryID).Name+"/"+a.Heading)
	}
	if strings.Join(got, " ") != "优化扩充工程/第一节 优化扩充工程/第二节" {
		t.Errorf("sections %v", got)
	}
	if len(sub.Unit.Photos) != 2 {
		t.Fatalf("%d photos", len(sub.Unit.Photos))
	}
	for i, p := range sub.Unit.Photos {
		if p.Caption != "新校区" || p.CategoryID != "c1" {
			t.Errorf("photo %d: caption %q, category %q (merged over both rows)", i+1, p.Caption, p.CategoryID)
		}
	}
}

// withMerges adds merged ranges to a sheet's XML, leaving the cells they
// cover as they are (LibreOffice's "keep hidden contents").
func withMerges(t *testing.T, data []byte, sheet string, refs ...string) []byte {
	t.Helper()
	part := sheetPart(t, data, sheet)
	var add strings.Builder
	for _, r := range refs {
		fmt.Fprintf(&add, `<mergeCell ref="%s"/>`, r)
	}
	return rewriteZip(t, data, func(name string, content []byte) []byte {
		if name != part {
			return content
		}
		s := string(content)
		if m := regexp.MustCompile(`<mergeCells count="([0-9]+)">`).FindStringSubmatchIndex(s); m != nil {
			return []byte(s[:m[1]] + add.String() + s[m[1]:])
		}
		return []byte(strings.Replace(s, "</sheetData>", "</sheetData><mergeCells>"+add.String()+"</mergeCells>", 1))
	}, nil)
}

// TestGnumericAnchorOffsets reads a workbook Gnumeric writes with its
// picture anchored as "the cell above-left plus an offset the size of that
// cell": Gnumeric keeps anchors as a cell and a fraction of it, and a
// picture at D2 bounded by C1 at fraction 1 comes out as C1 + the width
// of C and the height of row 1. The anchor is resolved against column
// widths and row heights: the picture is in D2, not in the header row.
func TestGnumericAnchorOffsets(t *testing.T) {
	ssconvert := testprog.Need(t, "ssconvert")
	b := testBook()
	fl := openFiller(t, templateBytes(t, b))
	fl.basic(LabelName, "郑州市教育局")
	fl.picture(1, "优化扩充工程", "新校区", testJPEG(t, 160, 120, 1))
	r := fl.find(SheetPhotos, 1, "1")
	dir := t.TempDir()
	run := func(in, out string) {
		t.Helper()
		cmd := exec.Command(ssconvert, in, out)
		cmd.Env = append(os.Environ(), "HOME="+dir)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("ssconvert %s: %v\n%s", out, err, msg)
		}
	}
	src, native, out := filepath.Join(dir, "in.xlsx"), filepath.Join(dir, "book.gnumeric"), filepath.Join(dir, "gnumeric.xlsx")
	os.WriteFile(src, fl.bytes(), 0o644)
	run(src, native)
	gz, _ := os.ReadFile(native)
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := io.ReadAll(zr)
	// Bound by the cell above-left (C of the row above) at fraction 1 1.
	at := regexp.MustCompile(`ObjectBound="` + cellName(4, r) + `[^"]*" ObjectOffset="0 0 ([0-9.]+) ([0-9.]+)"`)
	if !at.Match(doc) {
		t.Fatalf("no picture at %s in Gnumeric's file", cellName(4, r))
	}
	doc = at.ReplaceAll(doc, []byte(`ObjectBound="`+cellName(3, r-1)+":"+cellName(4, r)+`" ObjectOffset="1 1 $1 $2"`))
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(doc)
	zw.Close()
	os.WriteFile(native, buf.Bytes(), 0o644)
	run(native, out)
	data, _ := os.ReadFile(out)
	drawing := ""
	for _, n := range partNames(t, data) {
		if strings.HasPrefix(n, "xl/drawings/drawing") && strings.HasSuffix(n, ".xml") {
			drawing = string(partOf(t, data, n))
		}
	}
	if !regexp.MustCompile(`<xdr:from>\s*<xdr:col>2</xdr:col>\s*<xdr:colOff>[1-9][0-9]*</xdr:colOff>`).MatchString(drawing) {
		t.Fatalf("Gnumeric did not anchor the picture in C with an offset: %s", drawing)
	}
	sub, err := readBytes("gnumeric.xlsx", data, b)
	if err != nil {
		t.Fatalf("refused: %v", err)
	}
	if len(sub.Unit.Photos) != 1 || sub.Unit.Photos[0].Caption != "新校区" {
		t.Errorf("photos %+v", sub.Unit.Photos)
	}
}
