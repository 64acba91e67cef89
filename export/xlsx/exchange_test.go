package xlsx

import (
	"errors"
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
