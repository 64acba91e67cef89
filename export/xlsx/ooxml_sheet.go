// xl/worksheets/*.xml: every cell with its type, style, formula and
// value, hidden rows and columns, merged ranges, column widths and row
// heights, and the drawing.

package xlsx

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Limits on what one worksheet may hold.
const (
	maxCellsPerSheet = 20_000 // cells with content
	maxHiddenRows    = 10_000 // hidden rows remembered
	maxRow           = excelize.TotalRows
	maxCol           = excelize.MaxColumns
)

// cell is one cell of a worksheet as stored.
type cell struct {
	Col, Row int
	T        string // type: "", n, s, str, inlineStr, b, e, d
	S        int    // style index
	F        string // formula text ("" in a cell of a shared formula's range)
	HasF     bool
	FShared  string // the shared formula's index (si) when the formula is shared
	V        string // <v>
	Text     string // the string of an s, inlineStr or str cell
	VM       bool   // a value-metadata reference (Excel's pictures in cells)
	Bad      bool   // held characters that are not valid text
}

// Ref is the cell's reference, e.g. "D5".
func (c *cell) Ref() string { return ref(c.Col, c.Row) }

// Blank reports whether the cell holds nothing.
func (c *cell) Blank() bool {
	return !c.HasF && !c.VM && strings.TrimSpace(c.String()) == ""
}

// String returns the cell's content as text: the string for string cells,
// the stored value for the others.
func (c *cell) String() string {
	switch c.T {
	case "s", "inlineStr", "str":
		return c.Text
	case "b":
		if c.V == "1" {
			return "TRUE"
		}
		return "FALSE"
	}
	return c.V
}

// IsNumber reports whether the cell holds a number.
func (c *cell) IsNumber() bool { return (c.T == "" || c.T == "n") && strings.TrimSpace(c.V) != "" }

// row is one row of a worksheet.
type row struct {
	N      int
	Hidden bool
	Cells  []cell // in column order
}

// sheet is a worksheet read whole: only the rows that hold cells.
type sheet struct {
	Name       string
	Part       string
	Rows       []row
	Merges     []area
	HiddenRows []int  // the first maxHiddenRows hidden rows, with or without cells
	HiddenCols []area // Col1..Col2 only
	Drawing    string // drawing part, "" when none
	// SharedF maps a shared formula's index to the cell holding its text
	// (Excel's fill-down stores the formula once, in the first cell).
	SharedF map[string]*cell
	// Column widths (characters, as stored) and row heights (points), to
	// resolve a picture anchored in one cell with an offset that reaches
	// into the next (Gnumeric writes D2 as C1 plus the size of C1).
	ColWidths        []colWidth
	RowHeights       map[int]float64
	DefaultColWidth  float64 // 0: Excel's default, 64 pixels
	DefaultRowHeight float64 // 0: 15 points
}

// colWidth is the stored width of columns Min..Max.
type colWidth struct {
	Min, Max int
	Width    float64
}

// colEMU returns the width of column col (1-based) in EMU, as Excel lays
// it out: a stored width w is trunc((256w + 18) / 256 × 7) pixels.
func (sh *sheet) colEMU(col int) int64 {
	w := sh.DefaultColWidth
	for _, c := range sh.ColWidths {
		if col >= c.Min && col <= c.Max {
			w = c.Width
		}
	}
	if w <= 0 {
		return 64 * emuPerPixel
	}
	return int64(math.Trunc((256*w+18)/256*7)) * emuPerPixel
}

// rowEMU returns the height of row n (1-based) in EMU.
func (sh *sheet) rowEMU(n int) int64 {
	h, ok := sh.RowHeights[n]
	if !ok {
		h = sh.DefaultRowHeight
	}
	if h <= 0 {
		h = 15
	}
	return int64(math.Round(h * emuPerPoint))
}

// resolveAnchor moves an anchor cell (1-based) right and down while its
// offset reaches past the cell's width or height, so that "C1 plus the
// size of C1" is D2. A hidden (zero-size) cell is stepped over only when
// the offset reaches into the next one.
func (sh *sheet) resolveAnchor(col, row int, colOff, rowOff int64) (int, int) {
	for i := 0; i < 1000 && colOff > 0 && col < maxCol; i++ {
		w := sh.colEMU(col)
		if colOff < w {
			break
		}
		colOff -= w
		col++
	}
	for i := 0; i < 1000 && rowOff > 0 && row < maxRow; i++ {
		h := sh.rowEMU(row)
		if rowOff < h {
			break
		}
		rowOff -= h
		row++
	}
	return col, row
}

// formulaNote says, in Chinese, what formula a cell holds: its text, or
// for a cell of a shared formula (Excel's fill-down) the cell whose
// formula it repeats.
func (sh *sheet) formulaNote(c *cell) string {
	if c.FShared == "" {
		return fmt.Sprintf("单元格含有公式（=%s）", clipText(strings.TrimPrefix(c.F, "="), 30))
	}
	m := sh.SharedF[c.FShared]
	switch {
	case m == nil:
		return "单元格含有共享公式（Excel 向下填充的公式）"
	case m.Col == c.Col && m.Row == c.Row:
		return fmt.Sprintf("单元格含有共享公式（=%s，由此向下或向右填充）", clipText(strings.TrimPrefix(m.F, "="), 30))
	}
	return fmt.Sprintf("单元格含有共享公式（由 %s 的公式 =%s 填充而来）", m.Ref(), clipText(strings.TrimPrefix(m.F, "="), 30))
}

// area is a cell range.
type area struct{ Col1, Row1, Col2, Row2 int }

func (a area) String() string {
	if a.Col1 == a.Col2 && a.Row1 == a.Row2 {
		return ref(a.Col1, a.Row1)
	}
	return ref(a.Col1, a.Row1) + ":" + ref(a.Col2, a.Row2)
}

// rowHidden reports whether row n is hidden.
func (sh *sheet) rowHidden(n int) bool {
	i := sort.SearchInts(sh.HiddenRows, n)
	return i < len(sh.HiddenRows) && sh.HiddenRows[i] == n
}

func (a area) contains(col, row int) bool {
	return col >= a.Col1 && col <= a.Col2 && row >= a.Row1 && row <= a.Row2
}

func ref(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}

// readSheet reads a worksheet. Problems (content that is not text, too
// many cells) go to ps; ok is false when the sheet cannot be read at all.
func (wb *workbook) readSheet(si sheetInfo, ps *problems) (*sheet, bool) {
	sh := &sheet{Name: si.Name, Part: si.Part}
	data, err := wb.a.read(si.Part, maxXMLBytes)
	switch {
	case errors.Is(err, errNoPart):
		ps.add(si.Name, "", "工作表内容缺失（文件结构已损坏）；请用 Excel/WPS 打开后重新保存")
		return nil, false
	case errors.Is(err, errPartTooBig):
		ps.add(si.Name, "", "工作表内容过大（超过 %d MB），不是正常的申报表；请删除多余内容后重新保存", maxXMLBytes>>20)
		return nil, false
	case err != nil: // failed its integrity check: the archive reports it
		ps.add(si.Name, "", "工作表无法读取（文件已损坏）；请用 Excel/WPS 打开后重新保存")
		return nil, false
	}
	data, bad := sanitize(data)
	d := newDecoder(data)
	drawingRID := ""
	rowN, count := 0, 0
	var cur *row
	flush := func() {
		if cur != nil && len(cur.Cells) > 0 {
			sh.Rows = append(sh.Rows, *cur)
		}
		cur = nil
	}
	broken := func(err error) (*sheet, bool) {
		ps.add(si.Name, "", "工作表内容已损坏，无法读取（%s）；请用 Excel/WPS 打开后重新保存", xmlErr(err))
		return nil, false
	}
	for {
		before := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		} else if err != nil {
			return broken(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "row":
			n := rowN + 1
			if r := attr(se, "r"); r != "" {
				if n, err = strconv.Atoi(r); err != nil || n < 1 || n > maxRow {
					return broken(structErr("行号无效"))
				}
			}
			rowN = n
			hidden := boolAttr(attr(se, "hidden"))
			if ht := attr(se, "ht"); ht != "" && boolAttr(attr(se, "customHeight")) {
				if h, err := strconv.ParseFloat(ht, 64); err == nil && h == 0 {
					hidden = true
				}
			}
			flush()
			if ht := attr(se, "ht"); ht != "" {
				if h, err := strconv.ParseFloat(ht, 64); err == nil && h >= 0 && len(sh.RowHeights) < maxHiddenRows {
					if sh.RowHeights == nil {
						sh.RowHeights = map[int]float64{}
					}
					sh.RowHeights[n] = h
				}
			}
			if hidden {
				if sh.RowHeights == nil {
					sh.RowHeights = map[int]float64{}
				}
				sh.RowHeights[n] = 0
			}
			cur = &row{N: n, Hidden: hidden}
			if hidden && len(sh.HiddenRows) < maxHiddenRows {
				sh.HiddenRows = append(sh.HiddenRows, n)
			}
		case "c":
			if cur == nil {
				return broken(structErr("单元格不在行内"))
			}
			c := cell{Row: cur.N, Col: 1, T: attr(se, "t"), VM: attr(se, "vm") != ""}
			if n := len(cur.Cells); n > 0 {
				c.Col = cur.Cells[n-1].Col + 1
			}
			if r := attr(se, "r"); r != "" {
				col, rw, err := excelize.CellNameToCoordinates(r)
				if err != nil || rw != cur.N {
					return broken(structErr("单元格位置无效"))
				}
				c.Col = col
			}
			if c.Col > maxCol {
				return broken(structErr("单元格位置无效"))
			}
			if s := attr(se, "s"); s != "" {
				c.S, _ = strconv.Atoi(s)
			}
			if err := readCell(d, &c); err != nil {
				return broken(err)
			}
			c.Bad = badIn(bad, before, d.InputOffset())
			if c.FShared != "" && strings.TrimSpace(c.F) != "" {
				if sh.SharedF == nil {
					sh.SharedF = map[string]*cell{}
				}
				if _, dup := sh.SharedF[c.FShared]; !dup {
					m := c
					sh.SharedF[c.FShared] = &m
				}
			}
			if c.T == "s" {
				if err := wb.loadSST(); err != nil {
					ps.add(si.Name, "", "共享字符串表已损坏，无法读取（%s）；请用 Excel/WPS 打开后重新保存", xmlErr(err))
					return nil, false
				}
				i, err := strconv.Atoi(strings.TrimSpace(c.V))
				if err != nil || i < 0 || i >= len(wb.strs) {
					ps.add(si.Name, c.Ref(), "单元格引用的文字不存在（文件已损坏）；请用 Excel/WPS 打开后重新保存")
					continue
				}
				c.Text, c.Bad = wb.strs[i], c.Bad || wb.strBad[i]
			}
			if c.Blank() && !c.Bad {
				continue
			}
			if count++; count > maxCellsPerSheet {
				ps.add(si.Name, "", "工作表内容过多（超过 %d 个单元格），不是本模板的内容；请删除多余内容后重新保存", maxCellsPerSheet)
				return nil, false
			}
			cur.Cells = append(cur.Cells, c)
		case "mergeCell":
			if a, ok := parseArea(attr(se, "ref")); ok {
				sh.Merges = append(sh.Merges, a)
			}
		case "col":
			lo, err1 := strconv.Atoi(attr(se, "min"))
			hi, err2 := strconv.Atoi(attr(se, "max"))
			if err1 == nil && err2 == nil && boolAttr(attr(se, "hidden")) {
				sh.HiddenCols = append(sh.HiddenCols, area{Col1: lo, Col2: hi})
			}
			if w, err := strconv.ParseFloat(attr(se, "width"), 64); err1 == nil && err2 == nil && err == nil && w >= 0 && len(sh.ColWidths) < 1000 {
				if boolAttr(attr(se, "hidden")) {
					w = 0
				}
				sh.ColWidths = append(sh.ColWidths, colWidth{Min: lo, Max: hi, Width: w})
			}
		case "sheetFormatPr":
			if w, err := strconv.ParseFloat(attr(se, "defaultColWidth"), 64); err == nil && w > 0 {
				sh.DefaultColWidth = w
			} else if b, err := strconv.ParseFloat(attr(se, "baseColWidth"), 64); err == nil && b > 0 {
				sh.DefaultColWidth = b + 5.0/7 // the padding Excel adds to the base width
			}
			if h, err := strconv.ParseFloat(attr(se, "defaultRowHeight"), 64); err == nil && h > 0 {
				sh.DefaultRowHeight = h
			}
		case "drawing":
			drawingRID = relID(se)
		}
	}
	flush()
	for _, r := range sh.Rows {
		sort.SliceStable(r.Cells, func(i, j int) bool { return r.Cells[i].Col < r.Cells[j].Col })
	}
	sort.SliceStable(sh.Rows, func(i, j int) bool { return sh.Rows[i].N < sh.Rows[j].N })
	sort.Ints(sh.HiddenRows)
	if drawingRID != "" {
		if rels, err := wb.rels(relsOf(si.Part), si.Part); err == nil {
			if r, ok := rels[drawingRID]; ok && !r.External {
				sh.Drawing = r.Target
			}
		}
	}
	return sh, true
}

// readCell reads the content of a <c> element.
func readCell(d *xml.Decoder, c *cell) error {
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "v":
				if c.V, err = text(d); err != nil {
					return err
				}
				if c.T == "str" {
					c.Text = unescapeX(c.V)
				}
			case "f":
				c.HasF = true
				if attr(t, "t") == "shared" {
					c.FShared = attr(t, "si")
				}
				if c.F, err = text(d); err != nil {
					return err
				}
			case "is":
				s, err := richText(d)
				if err != nil {
					return err
				}
				c.Text = unescapeX(s)
			default:
				if err := d.Skip(); err != nil {
					return err
				}
			}
		case xml.EndElement:
			return nil
		}
	}
}

func boolAttr(v string) bool { return v == "1" || strings.EqualFold(v, "true") }

func parseArea(s string) (area, bool) {
	a, b, ok := strings.Cut(s, ":")
	if !ok {
		b = a
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(a)
	c2, r2, err2 := excelize.CellNameToCoordinates(b)
	if err1 != nil || err2 != nil {
		return area{}, false
	}
	return area{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)}, true
}
