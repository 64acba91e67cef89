package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

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
