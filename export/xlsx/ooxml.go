package xlsx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// This file reads the parts of a workbook that an import needs, straight
// from the checked archive, with a streaming XML decoder: the workbook and
// its relationships, the worksheets (every cell with its type, style,
// formula and value; hidden rows and columns; merged ranges; the drawing),
// shared strings, number formats, drawings and WPS's cell images. It sees
// what excelize's row iterator hides (formulas, styles, types) and never
// writes a temporary file.

// Limits on what one worksheet may hold.
const (
	maxCellsPerSheet = 20_000 // cells with content
	maxHiddenRows    = 10_000 // hidden rows remembered
	maxRow           = excelize.TotalRows
	maxCol           = excelize.MaxColumns
)

// rel is one relationship of a part.
type rel struct {
	Type, Target string // Target resolved to a part name
	External     bool
}

// sheetInfo is a worksheet as the workbook lists it.
type sheetInfo struct {
	Name, Part string
}

// book is a workbook open for reading.
type book struct {
	a          *archive
	sheets     []sheetInfo
	sst        string // part names, "" when absent
	styles     string
	cellImages string

	sstLoaded bool
	strs      []string
	strBad    map[int]bool
	sstErr    error

	stylesLoaded bool
	xfFmt        []int
	fmtCode      map[int]string
}

// structErr is a structural fault of a worksheet, described in Chinese.
type structErr string

func (e structErr) Error() string { return string(e) }

// openBook reads the workbook's structure. A file that is not a
// spreadsheet, or whose structure cannot be read, gives a FileError naming
// what it is.
func openBook(a *archive) (*book, *FileError) {
	fail := func(format string, args ...any) (*book, *FileError) {
		return nil, fileError(a.name, "", "", format, args...)
	}
	bk := &book{a: a}
	main := ""
	if rels, err := bk.rels("_rels/.rels", ""); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.Type, "/officeDocument") && !r.External {
				main = r.Target
			}
		}
	}
	if main == "" && a.has("xl/workbook.xml") {
		main = "xl/workbook.xml"
	}
	switch {
	case strings.HasPrefix(main, "word/") || (main == "" && a.has("word/document.xml")):
		return fail("文件是 Word 文档（.docx），只是扩展名为 .xlsx，不是 Excel 工作簿；请使用下发的申报表模板填写")
	case strings.HasPrefix(main, "ppt/") || (main == "" && a.has("ppt/presentation.xml")):
		return fail("文件是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿；请使用下发的申报表模板填写")
	case main == "" || !a.has(main) || !strings.HasSuffix(strings.ToLower(main), ".xml"):
		switch zipSpreadsheet(a.zr) {
		case "ods":
			return fail("%s", msgODS)
		case "xlsb":
			return fail("%s", msgXLSB)
		case "numbers":
			return fail("%s", msgNumbers)
		}
		return fail("文件是 zip 压缩包，但不是 Excel 工作簿（缺少工作簿部件）；请使用下发的申报表模板填写并保存为 .xlsx")
	}
	data, err := a.read(main, maxXMLBytes)
	if a.fail != nil {
		return nil, a.fail
	} else if err != nil {
		return fail("文件结构已损坏（无法读取“%s”）；请用 Excel/WPS 打开后重新保存", main)
	}
	type sheetRef struct{ name, rid string }
	var refs []sheetRef
	err = scanXML(data, func(d *xml.Decoder, se xml.StartElement) error {
		if se.Name.Local == "sheet" {
			refs = append(refs, sheetRef{attr(se, "name"), relID(se)})
		}
		return nil
	})
	if err != nil {
		return fail("文件结构已损坏（“%s”无法解析）；请用 Excel/WPS 打开后重新保存", main)
	}
	rels, err := bk.rels(relsOf(main), main)
	if a.fail != nil {
		return nil, a.fail
	} else if err != nil {
		return fail("文件结构已损坏（“%s”无法解析）；请用 Excel/WPS 打开后重新保存", relsOf(main))
	}
	for _, ref := range refs {
		r, ok := rels[ref.rid]
		if !ok || r.External || !strings.HasSuffix(r.Type, "/worksheet") {
			continue // chart sheets, dialog sheets, dangling references
		}
		bk.sheets = append(bk.sheets, sheetInfo{Name: ref.name, Part: r.Target})
	}
	ids := make([]string, 0, len(rels))
	for id := range rels {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		r := rels[id]
		switch {
		case r.External:
		case strings.HasSuffix(r.Type, "/sharedStrings"):
			bk.sst = r.Target
		case strings.HasSuffix(r.Type, "/styles"):
			bk.styles = r.Target
		case strings.Contains(strings.ToLower(r.Type), "cellimage"):
			bk.cellImages = r.Target
		}
	}
	if bk.cellImages == "" && a.has("xl/cellimages.xml") {
		bk.cellImages = "xl/cellimages.xml"
	}
	return bk, nil
}

// sheet returns the worksheet named name (surrounding spaces ignored).
func (bk *book) sheet(name string) (sheetInfo, bool) {
	for _, s := range bk.sheets {
		if strings.TrimSpace(s.Name) == name {
			return s, true
		}
	}
	return sheetInfo{}, false
}

// rels reads a relationships part; targets are resolved against owner.
func (bk *book) rels(part, owner string) (map[string]rel, error) {
	out := map[string]rel{}
	data, err := bk.a.read(part, maxXMLBytes)
	if errors.Is(err, errNoPart) {
		return out, nil
	} else if err != nil {
		return nil, err
	}
	err = scanXML(data, func(d *xml.Decoder, se xml.StartElement) error {
		if se.Name.Local == "Relationship" {
			r := rel{Type: attr(se, "Type"), External: strings.EqualFold(attr(se, "TargetMode"), "External")}
			if r.External {
				r.Target = attr(se, "Target")
			} else {
				r.Target = resolve(owner, attr(se, "Target"))
			}
			out[attr(se, "Id")] = r
		}
		return nil
	})
	return out, err
}

// scanXML calls fn for every start element of an XML document. fn may
// consume the element's content from d.
func scanXML(data []byte, fn func(d *xml.Decoder, se xml.StartElement) error) error {
	d := newDecoder(data)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok {
			if err := fn(d, se); err != nil {
				return err
			}
		}
	}
}

func newDecoder(data []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	return d
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// relID returns an element's r:id (or r:embed) attribute: a relationship
// reference in the transitional or the strict namespace.
func relID(se xml.StartElement) string {
	for _, a := range se.Attr {
		if (a.Name.Local == "id" || a.Name.Local == "embed") && strings.Contains(a.Name.Space, "relationships") {
			return a.Value
		}
	}
	return ""
}

// text reads the character data of the element just started, up to its
// end: the value of a <v> or <f>.
func text(d *xml.Decoder) (string, error) {
	var b strings.Builder
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			depth--
		case xml.CharData:
			b.Write(t)
		}
	}
}

// richText reads a string item (<si>, <is>) up to its end: the text of its
// <t> elements, plain or in rich-text runs, without the phonetic runs
// (<rPh>) and without the white space between elements.
func richText(d *xml.Decoder) (string, error) {
	var b strings.Builder
	depth, inT, phonetic := 0, 0, 0
	for {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "t":
				inT++
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			depth--
			switch t.Name.Local {
			case "t":
				inT--
			case "rPh":
				phonetic--
			}
		case xml.CharData:
			if inT > 0 && phonetic == 0 {
				b.Write(t)
			}
		}
	}
}

// unescapeX decodes the _xHHHH_ escapes of OOXML strings (ST_Xstring):
// "_x000D_" is a carriage return, "_x005F_" an underscore.
func unescapeX(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if v, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil {
				b.WriteRune(rune(v))
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// sanitize replaces, byte for byte, what an XML decoder refuses (invalid
// UTF-8, control characters, U+FFFE and U+FFFF) with '?', and returns the
// offsets it replaced, so that the cells holding them can be named.
func sanitize(data []byte) ([]byte, []int) {
	var bad []int
	var out []byte
	mark := func(i, n int) {
		if out == nil {
			out = append([]byte(nil), data...)
		}
		for k := 0; k < n; k++ {
			out[i+k] = '?'
		}
		bad = append(bad, i)
	}
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				mark(i, 1)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
			mark(i, n)
		}
		i += n
	}
	if out == nil {
		return data, nil
	}
	return out, bad
}

// badIn reports whether some offset of bad (sorted) lies in [from, to).
func badIn(bad []int, from, to int64) bool {
	i := sort.SearchInts(bad, int(from))
	return i < len(bad) && int64(bad[i]) < to
}

// loadSST reads the shared strings once.
func (bk *book) loadSST() error {
	if bk.sstLoaded {
		return bk.sstErr
	}
	bk.sstLoaded = true
	if bk.sst == "" {
		return nil
	}
	data, err := bk.a.read(bk.sst, maxXMLBytes)
	if errors.Is(err, errNoPart) {
		return nil
	} else if err != nil {
		bk.sstErr = err
		return err
	}
	data, bad := sanitize(data)
	d := newDecoder(data)
	for {
		before := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		} else if err != nil {
			bk.sstErr = err
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "si" {
			continue
		}
		s, err := richText(d)
		if err != nil {
			bk.sstErr = err
			return err
		}
		if badIn(bad, before, d.InputOffset()) {
			if bk.strBad == nil {
				bk.strBad = map[int]bool{}
			}
			bk.strBad[len(bk.strs)] = true
		}
		bk.strs = append(bk.strs, unescapeX(s))
	}
	return nil
}

// loadStyles reads the number format of every cell style once.
func (bk *book) loadStyles() {
	if bk.stylesLoaded {
		return
	}
	bk.stylesLoaded = true
	bk.fmtCode = map[int]string{}
	if bk.styles == "" {
		return
	}
	data, err := bk.a.read(bk.styles, maxXMLBytes)
	if err != nil {
		return
	}
	data, _ = sanitize(data)
	in := ""
	d := newDecoder(data)
	for {
		tok, err := d.Token()
		if err != nil {
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "fonts", "fills", "borders", "cellStyleXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst":
				// Not needed: skip without building tokens.
				if err := d.Skip(); err != nil {
					return
				}
			case "cellXfs":
				in = t.Name.Local
			case "numFmt":
				id, err := strconv.Atoi(attr(t, "numFmtId"))
				if err == nil {
					bk.fmtCode[id] = attr(t, "formatCode")
				}
			case "xf":
				if in == "cellXfs" {
					id, _ := strconv.Atoi(attr(t, "numFmtId"))
					bk.xfFmt = append(bk.xfFmt, id)
				}
			}
		case xml.EndElement:
			if t.Name.Local == in {
				in = ""
			}
		}
	}
}

// numFmt returns the number format (built-in ID and custom code) of a cell
// style.
func (bk *book) numFmt(style int) (int, string) {
	bk.loadStyles()
	if style < 0 || style >= len(bk.xfFmt) {
		return 0, ""
	}
	id := bk.xfFmt[style]
	return id, bk.fmtCode[id]
}

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

// emuPerPixel and emuPerPoint convert drawing offsets (EMU) to the units of
// column widths and row heights.
const (
	emuPerPixel = 9525
	emuPerPoint = 12700
)

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
func (bk *book) readSheet(si sheetInfo, ps *problems) (*sheet, bool) {
	sh := &sheet{Name: si.Name, Part: si.Part}
	data, err := bk.a.read(si.Part, maxXMLBytes)
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
				if err := bk.loadSST(); err != nil {
					ps.add(si.Name, "", "共享字符串表已损坏，无法读取（%s）；请用 Excel/WPS 打开后重新保存", xmlErr(err))
					return nil, false
				}
				i, err := strconv.Atoi(strings.TrimSpace(c.V))
				if err != nil || i < 0 || i >= len(bk.strs) {
					ps.add(si.Name, c.Ref(), "单元格引用的文字不存在（文件已损坏）；请用 Excel/WPS 打开后重新保存")
					continue
				}
				c.Text, c.Bad = bk.strs[i], c.Bad || bk.strBad[i]
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
		if rels, err := bk.rels(relsOf(si.Part), si.Part); err == nil {
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

// xmlErr describes an XML error briefly, in Chinese, with its line when
// known.
func xmlErr(err error) string {
	var se *xml.SyntaxError
	var st structErr
	switch {
	case errors.As(err, &st):
		return string(st)
	case errors.As(err, &se):
		return "第 " + strconv.Itoa(se.Line) + " 行 XML 无效"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "内容不完整"
	case strings.Contains(err.Error(), "CharsetReader"):
		return "使用了不支持的文字编码"
	}
	return "XML 格式无效"
}

// picture is a picture placed on a worksheet.
type picture struct {
	Col, Row int    // the cell of its top-left corner
	Media    string // the image part
	Linked   bool   // a link to an outside file, not embedded
	Absolute bool   // not anchored to a cell
}

// partWithRels reads an optional XML part that refers to images, with its
// relationships; data is nil when the part is named nowhere or absent.
func (bk *book) partWithRels(part string) (data []byte, rels map[string]rel, err error) {
	if part == "" {
		return nil, nil, nil
	}
	data, err = bk.a.read(part, maxXMLBytes)
	if errors.Is(err, errNoPart) {
		return nil, nil, nil
	} else if err != nil {
		return nil, nil, err
	}
	if rels, err = bk.rels(relsOf(part), part); err != nil {
		return nil, nil, err
	}
	data, _ = sanitize(data)
	return data, rels, nil
}

// pictures returns the pictures of a worksheet's drawing, in drawing order.
func (bk *book) pictures(sh *sheet) ([]picture, error) {
	data, rels, err := bk.partWithRels(sh.Drawing)
	if data == nil || err != nil {
		return nil, err
	}
	var out []picture
	d := newDecoder(data)
	type anchor struct {
		col, row       int
		colOff, rowOff int64
		absolute       bool
	}
	var cur *anchor
	inFrom, inPic, fallback := false, 0, 0
	var fromElem string
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			name := t.Name.Local
			if fallback > 0 {
				fallback++
				continue
			}
			switch name {
			case "Fallback":
				// mc:Fallback repeats what mc:Choice holds.
				fallback = 1
			case "twoCellAnchor", "oneCellAnchor":
				cur = &anchor{}
			case "absoluteAnchor":
				cur = &anchor{absolute: true}
			case "from":
				inFrom = cur != nil
			case "col", "row", "colOff", "rowOff":
				if inFrom {
					fromElem = name
				}
			case "pic":
				inPic++
			case "blip":
				if inPic > 0 && cur != nil {
					col, row := sh.resolveAnchor(cur.col+1, cur.row+1, cur.colOff, cur.rowOff)
					p := picture{Col: col, Row: row, Absolute: cur.absolute}
					id := relID(t)
					if id == "" {
						for _, a := range t.Attr {
							if a.Name.Local == "link" {
								p.Linked = true
							}
						}
					} else if r, ok := rels[id]; ok {
						p.Media, p.Linked = r.Target, r.External
					}
					if p.Media != "" || p.Linked {
						out = append(out, p)
					}
				}
			}
		case xml.CharData:
			if inFrom && fromElem != "" && cur != nil {
				v, err := strconv.ParseInt(strings.TrimSpace(string(t)), 10, 64)
				if err == nil && v >= 0 {
					switch {
					case fromElem == "col" && v < maxRow:
						cur.col = int(v)
					case fromElem == "row" && v < maxRow:
						cur.row = int(v)
					case fromElem == "colOff":
						cur.colOff = v
					case fromElem == "rowOff":
						cur.rowOff = v
					}
				}
			}
		case xml.EndElement:
			depth--
			if fallback > 0 {
				fallback--
				continue
			}
			switch t.Name.Local {
			case "from":
				inFrom = false
			case "col", "row", "colOff", "rowOff":
				fromElem = ""
			case "pic":
				inPic--
			case "twoCellAnchor", "oneCellAnchor", "absoluteAnchor":
				cur = nil
			}
		}
	}
	return out, nil
}

// cellImageMedia maps the names of WPS's in-cell pictures (the ID in
// =DISPIMG("ID_…",1)) to their image parts, from xl/cellimages.xml.
func (bk *book) cellImageMedia() (map[string]string, error) {
	out := map[string]string{}
	data, rels, err := bk.partWithRels(bk.cellImages)
	if err != nil {
		return nil, err
	} else if data == nil {
		return out, nil
	}
	name := ""
	err = scanXML(data, func(d *xml.Decoder, se xml.StartElement) error {
		switch se.Name.Local {
		case "cellImage":
			name = ""
		case "cNvPr":
			name = attr(se, "name")
		case "blip":
			if r, ok := rels[relID(se)]; ok && !r.External && name != "" {
				out[name] = r.Target
			}
		}
		return nil
	})
	return out, err
}
