package xlsx

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/dossier-app/dossier/dossier/demo"
)

// TestTemplateGuideRowsHoldTheirText: every wrapped row of 填报说明 (the
// steps, merged across B:D, and the categories' 评价重点 in D) is tall
// enough for its text as Excel and WPS set it in 宋体 11 pt: a Chinese
// character is two character widths, so B:D (98 widths, about 700 px)
// holds 47 a line and D (60) 29, at 18 pt a line. Row 11, the 图片 step,
// was given two lines for three and lost its last (issue 11 item 14).
func TestTemplateGuideRowsHoldTheirText(t *testing.T) {
	b, err := demo.Book()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, b); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	// Lines in Excel: characters filled in one by one, full-width ones
	// counting two half-widths.
	excelLines := func(s string, perLine int) int {
		lines, used := 1, 0
		for _, r := range s {
			w := 1
			if r >= 0x2000 {
				w = 2
			}
			if used+w > 2*perLine {
				lines++
				used = 0
			}
			used += w
		}
		return lines
	}
	check := func(cell string, perLine int) {
		t.Helper()
		text, err := f.GetCellValue(SheetGuide, cell)
		if err != nil || text == "" {
			t.Fatalf("%s!%s: %q %v", SheetGuide, cell, text, err)
		}
		_, row, _ := excelize.CellNameToCoordinates(cell)
		h, err := f.GetRowHeight(SheetGuide, row)
		if err != nil {
			t.Fatal(err)
		}
		if need := float64(18 * excelLines(text, perLine)); h < need {
			t.Errorf("%s!%s is %.0f pt high, its text needs %.0f (%d lines): %s", SheetGuide, cell, h, need, excelLines(text, perLine), text)
		}
	}
	for r := 7; r <= 13; r++ {
		check(cellName(2, r), 47)
	}
	if h, _ := f.GetRowHeight(SheetGuide, 11); h < 54 {
		t.Errorf("row 11 (图片) is %.0f pt high, want at least three lines", h)
	}
	rows, _ := f.GetRows(SheetGuide)
	for i, r := range rows {
		if len(r) >= 4 && r[0] != "" && r[0] != "序号" && r[2] != "" && i > 13 {
			check(cellName(4, i+1), 29)
		}
	}
}
