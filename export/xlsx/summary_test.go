package xlsx

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/dossier-app/dossier/dossier"
)

// rankedBook has hand-computed results (quota 2, trim from 5 totals):
//
//	郑州市教育局   e1 回避; e2–e5 totals 90 85 95 80, four valid, no trim: 87.50, rank 1, 拟推荐
//	洛阳市教育局   totals 80 85 90 95 75, five valid: drop 95 (e4) and 75 (e5), (80+85+90)/3 = 85.00
//	郑州市金水区   e1 回避; e2–e5 85 each: 85.00
//	开封市人社局   e1–e4 85 each; e5 scored three categories only (不完整): 85.00
//
// The last three tie for rank 2 across the cut: 待评委会决定, 并列.
func rankedBook() *dossier.Book {
	b := testBook()
	set := func(e, u string, per ...float64) {
		for i, v := range per {
			b.Scores = append(b.Scores, dossier.Score{EvaluatorID: e, UnitID: u, CategoryID: b.Categories[i].ID, Value: dossier.Tenths(v * 10)})
		}
	}
	all := func(v float64) []float64 { return []float64{v, v, v, v, v} }
	set("e1", "u1", all(20)...) // ignored: 回避
	set("e2", "u1", all(18)...)
	set("e3", "u1", all(17)...)
	set("e4", "u1", all(19)...)
	set("e5", "u1", all(16)...)
	for i, v := range []float64{16, 17, 18, 19, 15} {
		set(b.Evaluators[i].ID, "u2", all(v)...)
	}
	for _, e := range []string{"e2", "e3", "e4", "e5"} {
		set(e, "u3", all(17)...)
	}
	for _, e := range []string{"e1", "e2", "e3", "e4"} {
		set(e, "u4", all(17)...)
	}
	set("e5", "u4", 17, 17, 17)
	b.Units[3].Region = "=1+1"
	b.Units[1].Title = "@SUM(A1)"
	b.Units[2].Summary = "\t以制表符开头\r\n第二行"
	b.Comments = append(b.Comments, dossier.Comment{EvaluatorID: "e2", UnitID: "u1", Text: "+很好 -1"})
	b.Units[0].Values = []dossier.IndicatorValue{{IndicatorID: "c1-i1", Value: 276000}, {IndicatorID: "c1-i4", Value: 6.66}}
	return b
}

func summaryBytes(t testing.TB, b *dossier.Book) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteSummary(&buf, b, dossier.Rank(b)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// allCells returns every sheet's raw cell values.
func allCells(t testing.TB, data []byte) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		out[s] = rows
	}
	return out
}

func TestWriteSummary(t *testing.T) {
	b := rankedBook()
	data := summaryBytes(t, b)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{SheetRanking, SheetChart, SheetDetail, SheetIndicatorT, SheetUnits}; !reflect.DeepEqual(got, want) {
		t.Errorf("sheets %q, want %q", got, want)
	}
	shown, _ := f.GetRows(SheetRanking)
	wantHeader := []string{"排名", "申报编号", "单位名称", "所属地区", "优化扩充工程(20)", "增效创优工程(20)", "改革攻坚工程(20)", "队伍提升工程(20)", "惠民暖心工程(20)", "总分(100)", "有效评分数", "拟推荐", "并列", "说明"}
	// The contract's columns keep their order and labels; the stability
	// columns come after them.
	wantHeader = append(wantHeader, LabelRankRange, LabelStable, LabelZRank)
	if !reflect.DeepEqual(shown[0], wantHeader) {
		t.Errorf("header %q", shown[0])
	}
	want := [][]string{
		{"1", "HN2022-001", "郑州市教育局", "郑州市", "17.50", "17.50", "17.50", "17.50", "17.50", "87.50", "4", "拟推荐"},
		{"2", "HN2022-002", "洛阳市教育局", "洛阳市", "17.00", "17.00", "17.00", "17.00", "17.00", "85.00", "5", "待评委会决定", "并列"},
		{"2", "HN2022-003", "郑州市金水区教育局", "郑州市金水区", "17.00", "17.00", "17.00", "17.00", "17.00", "85.00", "4", "待评委会决定", "并列"},
		{"2", "HN2022-004", "开封市人力资源和社会保障局", "=1+1", "17.00", "17.00", "17.00", "17.00", "17.00", "85.00", "4", "待评委会决定", "并列"},
	}
	for i, w := range want {
		if got := shown[i+1]; len(got) < len(w) || !reflect.DeepEqual(got[:len(w)], w) {
			t.Errorf("排名 row %d\n got %q\nwant %q", i+2, got, w)
		}
	}
	if note := strings.Join(shown[len(shown)-1], ""); !strings.Contains(note, "红色粗线以上 1 个单位为拟推荐单位（拟表彰名额 2 个）") || !strings.Contains(note, "“待评委会决定”的 3 个单位") {
		t.Errorf("note row %q", note)
	}
	style := func(sheet, cell string) *excelize.Style {
		id, _ := f.GetCellStyle(sheet, cell)
		s, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	thick := func(s *excelize.Style) bool {
		for _, b := range s.Border {
			if b.Type == "bottom" && b.Style == 5 {
				return true
			}
		}
		return false
	}
	for _, c := range []string{"A2", "C2", "J2", "L2", "N2", "O2", "Q2"} {
		if !thick(style(SheetRanking, c)) {
			t.Errorf("no cut line under %s", c)
		}
	}
	if thick(style(SheetRanking, "C3")) {
		t.Error("cut line under row 3")
	}
	if s := style(SheetRanking, "J2"); s.CustomNumFmt == nil || *s.CustomNumFmt != "0.00" {
		t.Errorf("total format %v", s.CustomNumFmt)
	}
	raw, _ := f.GetCellValue(SheetRanking, "J2", excelize.Options{RawCellValue: true})
	if raw != "87.5" {
		t.Errorf("total raw value %q", raw)
	}

	t.Run("user text stays text", func(t *testing.T) {
		for _, c := range []struct{ sheet, cell, want string }{
			{SheetRanking, "D5", "=1+1"},
			{SheetUnits, "C5", "=1+1"},
			{SheetUnits, "H3", "@SUM(A1)"},
			{SheetUnits, "I4", "\t以制表符开头\r\n第二行"},
		} {
			v, _ := f.GetCellValue(c.sheet, c.cell)
			fm, _ := f.GetCellFormula(c.sheet, c.cell)
			typ, _ := f.GetCellType(c.sheet, c.cell)
			if v != c.want || fm != "" || (typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString) {
				t.Errorf("%s!%s = %q, formula %q, type %v; want the string %q", c.sheet, c.cell, v, fm, typ, c.want)
			}
		}
		detail, _ := f.GetRows(SheetDetail)
		found := false
		for _, r := range detail {
			if len(r) > 11 && r[0] == "HN2022-001" && r[2] == "李评委" && r[11] == "+很好 -1" {
				found = true
			}
		}
		if !found {
			t.Error("comment \"+很好 -1\" not found in 评分明细")
		}
	})
	t.Run("评分明细 marks dropped and excluded scores", func(t *testing.T) {
		detail, _ := f.GetRows(SheetDetail)
		if got := detail[0][:11]; !reflect.DeepEqual(got, []string{"申报编号", "单位名称", "评委", "优化扩充工程(20)", "增效创优工程(20)", "改革攻坚工程(20)", "队伍提升工程(20)", "惠民暖心工程(20)", "合计", "状态", "原因"}) {
			t.Errorf("header %q", got)
		}
		status := map[string]string{}
		row := map[string]int{}
		for i, r := range detail[1:] {
			status[r[0]+"/"+r[2]] = r[9]
			row[r[0]+"/"+r[2]] = i + 2
		}
		for key, want := range map[string]string{
			"HN2022-001/张评委": "回避", "HN2022-001/李评委": "计入",
			"HN2022-002/赵评委": "去掉最高分", "HN2022-002/钱评委": "去掉最低分", "HN2022-002/张评委": "计入",
			"HN2022-004/钱评委": "不完整", "HN2022-003/张评委": "回避",
		} {
			if status[key] != want {
				t.Errorf("%s: %q, want %q", key, status[key], want)
			}
		}
		high := style(SheetDetail, cellName(4, row["HN2022-002/赵评委"]))
		excl := style(SheetDetail, cellName(4, row["HN2022-001/张评委"]))
		kept := style(SheetDetail, cellName(4, row["HN2022-001/李评委"]))
		if len(high.Fill.Color) == 0 || high.Fill.Color[0] != "FFF2CC" || high.Font == nil || !high.Font.Italic {
			t.Errorf("dropped score style %+v %+v", high.Fill, high.Font)
		}
		if excl.Font == nil || !excl.Font.Strike || len(excl.Fill.Color) == 0 {
			t.Errorf("excluded score style %+v %+v", excl.Fill, excl.Font)
		}
		if len(kept.Fill.Color) != 0 || kept.CustomNumFmt == nil || *kept.CustomNumFmt != "0.0" {
			t.Errorf("kept score style %+v %v", kept.Fill, kept.CustomNumFmt)
		}
		if v, _ := f.GetCellValue(SheetDetail, cellName(4, row["HN2022-002/赵评委"])); v != "19.0" {
			t.Errorf("score shown as %q, want 19.0", v)
		}
	})
	t.Run("量化指标 and 单位名单", func(t *testing.T) {
		rows, _ := f.GetRows(SheetIndicatorT, excelize.Options{RawCellValue: true})
		if rows[0][2] != "优化扩充工程" || rows[1][2] != "新增学位（个）" || rows[1][5] != "大班额比例（%）" {
			t.Errorf("headers %q / %q", rows[0], rows[1])
		}
		if rows[2][0] != "HN2022-001" || rows[2][2] != "276000" || rows[2][5] != "6.66" {
			t.Errorf("values %q", rows[2])
		}
		units, _ := f.GetRows(SheetUnits)
		if len(units) != 5 || units[1][1] != "郑州市教育局" || units[1][9] != "已受理" {
			t.Errorf("unit list %q", units)
		}
	})
	t.Run("frozen headers, filters, chart", func(t *testing.T) {
		for _, s := range []string{SheetRanking, SheetDetail, SheetUnits} {
			p, err := f.GetPanes(s)
			if err != nil || !p.Freeze || p.YSplit != 1 {
				t.Errorf("%s panes %+v %v", s, p, err)
			}
		}
		if p, _ := f.GetPanes(SheetIndicatorT); !p.Freeze || p.YSplit != 2 {
			t.Errorf("量化指标 panes %+v", p)
		}
		filters := map[string]bool{}
		for _, d := range f.GetDefinedName() {
			if d.Name == "_xlnm._FilterDatabase" {
				filters[strings.Split(strings.Trim(d.RefersTo, "="), "!")[0]] = true
			}
		}
		for _, s := range []string{SheetRanking, SheetDetail, SheetIndicatorT, SheetUnits} {
			if !filters["'"+s+"'"] {
				t.Errorf("no filter on %s: %v", s, filters)
			}
		}
		if x := string(partOf(t, data, "xl/worksheets/sheet1.xml")); !strings.Contains(x, `<autoFilter ref="$A$1:$Q$5"`) {
			t.Errorf("排名 sheet has no autoFilter element")
		}
		chart := strings.ReplaceAll(string(partOf(t, data, "xl/charts/chart1.xml")), "&#39;", "'")
		if !strings.Contains(chart, `<barDir val="bar">`) || !strings.Contains(chart, "'排名'!$J$2:$J$5") || !strings.Contains(chart, "'排名'!$C$2:$C$5") {
			t.Errorf("chart does not plot the totals: %.400s", chart)
		}
		if w, _ := f.GetColWidth(SheetRanking, "C"); w < 20 {
			t.Errorf("unit name column width %v", w)
		}
	})
	t.Run("same book, same cells", func(t *testing.T) {
		if a, b2 := allCells(t, data), allCells(t, summaryBytes(t, rankedBook())); !reflect.DeepEqual(a, b2) {
			t.Error("two runs give different cells")
		}
	})
	t.Run("control characters and bad bytes do not break the file", func(t *testing.T) {
		b := rankedBook()
		b.Units[0].Name = "郑州\x01市\xff教育局"
		cells := allCells(t, summaryBytes(t, b))
		if got := cells[SheetRanking][1][2]; got != "郑州\uFFFD市\uFFFD教育局" {
			t.Errorf("name %q", got)
		}
	})
}

func TestCleanText(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "=1+1", "\t\r\n": "\t\r\n", "a\x00b": "a\uFFFDb", "\xff": "\uFFFD", "a\uFFFEb": "a\uFFFDb",
	} {
		if got := cleanText(in); got != want {
			t.Errorf("cleanText(%q) = %q, want %q", in, got, want)
		}
	}
	long := cleanText(strings.Repeat("长", 40000))
	if n := len([]rune(long)); n > maxCellUnits || !strings.HasSuffix(long, truncMark) {
		t.Errorf("long text: %d runes", n)
	}
}
