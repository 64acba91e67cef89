package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// fontFamily is the face the workbooks ask for; spreadsheet programs fall
// back to a CJK face they have.
const fontFamily = "宋体"

// styles are the cell styles shared by the workbooks this package writes.
type styles struct {
	title, heading, label, required, header, text, hint, center, wrap int
	input, inputText, inputTop, inputWrap, fixed, fixedCenter, photo  int
	score, scoreShow, scoreLocked, scoreConflict, final, count        int
	unlockedText, lockedText, conflictText                            int
	dropped, excluded, droppedText, excludedText, totalFormula        int
	cut, cutFinal, cutCount, note, value, valueWrap                   int
}

func newStyles(f *excelize.File) (*styles, error) {
	var err error
	border := func(color string) []excelize.Border {
		return []excelize.Border{
			{Type: "left", Color: color, Style: 1}, {Type: "right", Color: color, Style: 1},
			{Type: "top", Color: color, Style: 1}, {Type: "bottom", Color: color, Style: 1},
		}
	}
	thin := border("A6A6A6")
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	font := func(size float64, bold bool, color string) *excelize.Font {
		return &excelize.Font{Family: fontFamily, Size: size, Bold: bold, Color: color}
	}
	locked, unlocked := &excelize.Protection{Locked: true}, &excelize.Protection{Locked: false}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	mid := &excelize.Alignment{Vertical: "center", WrapText: true}
	// line keeps a cell on one line: rows written by a stream writer do
	// not grow with wrapped text.
	line := &excelize.Alignment{Vertical: "center"}
	centered := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	oneDecimal, twoDecimals, text := "0.0", "0.00", "@"
	add := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	cutBorder := func(b []excelize.Border) []excelize.Border {
		out := append([]excelize.Border{}, b...)
		for i := range out {
			if out[i].Type == "bottom" {
				out[i] = excelize.Border{Type: "bottom", Color: "C00000", Style: 5}
			}
		}
		return out
	}
	s := &styles{}
	s.title = add(&excelize.Style{Font: font(16, true, ""), Alignment: centered})
	s.heading = add(&excelize.Style{Font: font(12, true, "")})
	s.label = add(&excelize.Style{Font: font(11, true, ""), Fill: fill("DDEBF7"), Border: thin, Alignment: mid})
	s.required = add(&excelize.Style{Font: font(11, true, "C00000"), Fill: fill("DDEBF7"), Border: thin, Alignment: mid})
	s.header = add(&excelize.Style{Font: font(11, true, ""), Fill: fill("DDEBF7"), Border: thin, Alignment: centered, Protection: locked})
	s.text = add(&excelize.Style{Font: font(11, false, ""), Alignment: mid})
	s.hint = add(&excelize.Style{Font: &excelize.Font{Family: fontFamily, Size: 10, Italic: true, Color: "7F7F7F"}, Alignment: mid})
	s.center = add(&excelize.Style{Font: font(11, false, ""), Border: thin, Alignment: centered})
	s.wrap = add(&excelize.Style{Font: font(11, false, ""), Border: thin, Alignment: top})
	s.input = add(&excelize.Style{Font: font(11, false, ""), Border: thin, Alignment: mid})
	// Text format keeps codes and phone numbers as typed (leading zeros).
	// Long text is not text-formatted: Excel shows a text-formatted cell of
	// more than 255 characters as ####.
	s.inputText = add(&excelize.Style{Font: font(11, false, ""), Border: thin, Alignment: mid, CustomNumFmt: &text})
	s.inputTop = add(&excelize.Style{Font: font(11, false, ""), Border: thin, Alignment: top})
	s.inputWrap = add(&excelize.Style{Font: font(11, false, ""), Border: thin, Alignment: top})
	s.fixed = add(&excelize.Style{Font: font(11, false, ""), Fill: fill("F2F2F2"), Border: thin, Alignment: mid})
	s.fixedCenter = add(&excelize.Style{Font: font(11, false, ""), Fill: fill("F2F2F2"), Border: thin, Alignment: centered})
	s.photo = add(&excelize.Style{Border: thin})
	s.score = add(&excelize.Style{Font: font(11, false, ""), Border: thin, Alignment: centered, CustomNumFmt: &oneDecimal, Protection: unlocked})
	s.scoreShow = add(&excelize.Style{Font: font(11, false, ""), Border: thin, Alignment: centered, CustomNumFmt: &oneDecimal})
	s.scoreLocked = add(&excelize.Style{Font: font(11, false, ""), Border: thin, Alignment: centered, CustomNumFmt: &oneDecimal, Protection: locked})
	s.scoreConflict = add(&excelize.Style{Font: font(11, false, "808080"), Fill: fill("D9D9D9"), Border: thin, Alignment: centered, CustomNumFmt: &oneDecimal, Protection: locked})
	s.unlockedText = add(&excelize.Style{Font: font(11, false, ""), Border: thin, Alignment: mid, Protection: unlocked})
	s.lockedText = add(&excelize.Style{Font: font(11, false, ""), Border: thin, Alignment: line, Protection: locked})
	s.conflictText = add(&excelize.Style{Font: font(11, false, "808080"), Fill: fill("D9D9D9"), Border: thin, Alignment: line, Protection: locked})
	s.final = add(&excelize.Style{Font: font(11, false, ""), Border: thin, Alignment: centered, CustomNumFmt: &twoDecimals})
	s.count = add(&excelize.Style{Font: font(11, false, ""), Border: thin, Alignment: centered})
	s.dropped = add(&excelize.Style{Font: &excelize.Font{Family: fontFamily, Size: 11, Italic: true, Color: "7F6000"}, Fill: fill("FFF2CC"), Border: thin, Alignment: centered, CustomNumFmt: &oneDecimal})
	s.excluded = add(&excelize.Style{Font: &excelize.Font{Family: fontFamily, Size: 11, Strike: true, Color: "808080"}, Fill: fill("E7E6E6"), Border: thin, Alignment: centered, CustomNumFmt: &oneDecimal})
	s.droppedText = add(&excelize.Style{Font: &excelize.Font{Family: fontFamily, Size: 11, Italic: true, Color: "7F6000"}, Fill: fill("FFF2CC"), Border: thin, Alignment: line})
	s.excludedText = add(&excelize.Style{Font: font(11, false, "808080"), Fill: fill("E7E6E6"), Border: thin, Alignment: line})
	s.totalFormula = add(&excelize.Style{Font: font(11, true, ""), Fill: fill("F2F2F2"), Border: thin, Alignment: centered, CustomNumFmt: &oneDecimal, Protection: locked})
	s.value = add(&excelize.Style{Font: font(11, false, ""), Border: thin, Alignment: line})
	s.valueWrap = add(&excelize.Style{Font: font(11, false, ""), Border: thin, Alignment: top})
	s.cut = add(&excelize.Style{Font: font(11, false, ""), Border: cutBorder(thin), Alignment: line})
	s.cutFinal = add(&excelize.Style{Font: font(11, false, ""), Border: cutBorder(thin), Alignment: centered, CustomNumFmt: &twoDecimals})
	s.cutCount = add(&excelize.Style{Font: font(11, false, ""), Border: cutBorder(thin), Alignment: centered})
	s.note = add(&excelize.Style{Font: &excelize.Font{Family: fontFamily, Size: 10, Italic: true, Color: "C00000"}, Alignment: mid})
	if err != nil {
		return nil, err
	}
	if err := f.SetDefaultFont(fontFamily); err != nil {
		return nil, err
	}
	return s, nil
}

// printSetup prints a sheet on A4, one page wide, repeating its first
// titleRows rows on every page (none when 0).
func printSetup(f *excelize.File, sheet string, landscape bool, titleRows int) error {
	size, orient, one, zero, fit := 9, "portrait", 1, 0, true
	if landscape {
		orient = "landscape"
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if titleRows == 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$%d", sheet, titleRows), Scope: sheet,
	})
}
