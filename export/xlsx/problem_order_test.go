package xlsx

import (
	"errors"
	"strings"
	"testing"
)

// A refused workbook's problems come sheet by sheet in the workbook's
// order and row by row, and the refusal still says whose workbook it is.
func TestRefusalListsProblemsInReadingOrderAndNamesTheUnit(t *testing.T) {
	b := testBook()
	fl := openFiller(t, templateBytes(t, b))
	fl.basic(LabelCode, "HN2022-009")
	fl.basic(LabelName, "郑州市教育局")
	fl.section("优化扩充工程", "坚持“增学位、补短板”", "完善学校布局规划。")
	fl.picture(1, "优化扩充工程", "新建的学校", testJPEG(t, 64, 48, 1))
	r := fl.find(SheetPhotos, 1, "1")
	fl.must(fl.f.SetCellFormula(SheetPhotos, cellName(3, r), "=\"新建\"&\"学校\""))
	vr := fl.value("累计投资", "很多", "")
	fl.set(SheetAchievements, "A9", "不存在的工程")
	fl.set(SheetAchievements, "C9", "正文")
	_, err := readBytes("郑州.xlsx", fl.bytes(), b)
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("not refused: %v", err)
	}
	if fe.Code != "HN2022-009" || fe.Name != "郑州市教育局" {
		t.Errorf("refusal names %q %q", fe.Code, fe.Name)
	}
	var sheets []string
	for _, p := range fe.Problems {
		if len(sheets) == 0 || sheets[len(sheets)-1] != p.Sheet {
			sheets = append(sheets, p.Sheet)
		}
	}
	if got := strings.Join(sheets, " "); got != "事迹材料 量化指标 图片" {
		t.Errorf("sheets in the order %q; problems:\n%s", got, fe.Error())
	}
	for _, p := range fe.Problems {
		if p.Sheet == SheetIndicators && p.Cell != cellName(4, vr) {
			t.Errorf("indicator problem at %s, want %s", p.Cell, cellName(4, vr))
		}
	}
}

func TestInReadingOrderByRowThenColumn(t *testing.T) {
	got := inReadingOrder([]Problem{
		{Sheet: SheetPhotos, Cell: "C3", Message: "a"},
		{Sheet: SheetBasic, Cell: "B10", Message: "b"},
		{Sheet: SheetBasic, Cell: "B2", Message: "c"},
		{Message: "d"},
		{Sheet: SheetBasic, Cell: "A10", Message: "e"},
		{Sheet: "别的表", Cell: "A1", Message: "f"},
	})
	var order string
	for _, p := range got {
		order += p.Message
	}
	if order != "dcebaf" {
		t.Errorf("order %q, want dcebaf", order)
	}
}
