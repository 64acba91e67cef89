package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/export/photo"
)

// ReadSubmission reads one filled submission workbook (申报表) and resolves
// its categories and indicators against the campaign. The file is read
// whole into memory (at most MaxFileBytes) and checked before it is parsed.
//
// 基本信息 is read by the labels in column A, the other sheets by their
// header rows. Sections come grouped by category in campaign order, each
// category's sections in sheet order. Indicator values are in the
// indicator's unit of measure: text through ParseNumber, number cells from
// their raw value (a percentage-formatted 0.0666 is 6.66 for a % indicator;
// a date-formatted cell is refused). Pictures are those whose top-left
// corner lies in column D or to its right on a row of 图片, or WPS
// =DISPIMG cells there, one per row, each through photo.Normalize.
//
// When anything is wrong the error is a *FileError listing every problem
// found (at most 100), each naming the file, sheet and cell: formulas
// (DISPIMG aside), approximate or unreadable numbers, unknown categories
// and indicators, a missing 单位名称, text over its length limit, hidden
// rows and columns holding content, merged cells that make content
// ambiguous, pictures out of place or unreadable. A file that fails the
// archive checks gets that one problem.
func ReadSubmission(path string, b *dossier.Book) (*dossier.Submission, error) {
	data, fe := readFile(path)
	if fe != nil {
		return nil, fe
	}
	return ReadSubmissionReader(path, bytes.NewReader(data), int64(len(data)), b)
}

// readFile reads a workbook file of at most MaxFileBytes.
func readFile(path string) ([]byte, *FileError) {
	f, err := os.Open(path)
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, fileError(path, "", "", "文件不存在")
		case errors.Is(err, fs.ErrPermission):
			return nil, fileError(path, "", "", "没有读取该文件的权限")
		}
		return nil, fileError(path, "", "", "无法打开文件（%v）", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fileError(path, "", "", "无法读取文件（%v）", err)
	}
	if st.IsDir() {
		return nil, fileError(path, "", "", "这是一个文件夹，不是文件")
	}
	if st.Size() > MaxFileBytes {
		return nil, fileError(path, "", "", "文件过大（%.1f MB），超过 %d MB 的上限；请压缩或删除过大的图片后重新保存", float64(st.Size())/(1<<20), MaxFileBytes>>20)
	}
	data := make([]byte, st.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, fileError(path, "", "", "无法读取文件（%v）", err)
	}
	return data, nil
}

// ReadSubmissionReader is ReadSubmission for a workbook held by r; name
// names it in messages.
func ReadSubmissionReader(name string, r io.ReaderAt, size int64, b *dossier.Book) (*dossier.Submission, error) {
	a, fe := openArchive(name, r, size)
	if fe != nil {
		return nil, fe
	}
	bk, fe := openBook(a)
	if fe != nil {
		return nil, fe
	}
	sr := &subReader{b: b, bk: bk, ps: &problems{file: name}}
	sheets := map[string]*sheet{}
	var absent dossier.Absent
	for _, n := range []string{SheetBasic, SheetAchievements, SheetIndicators, SheetPhotos} {
		si, ok := bk.sheet(n)
		if !ok && n != SheetBasic {
			// A missing sheet is not an empty sheet: the import keeps what
			// is stored for it (see materialSheetsAbsent).
			switch n {
			case SheetAchievements:
				absent.Achievements = true
			case SheetIndicators:
				absent.Values = true
			case SheetPhotos:
				absent.Photos = true
			}
			continue
		}
		if !ok {
			sr.ps.add("", "", "缺少工作表“%s”；请使用本次评选下发的申报表模板填写，不要删除或重命名工作表", n)
			continue
		}
		if sh, ok := bk.readSheet(si, sr.ps); ok {
			if n != SheetBasic && sheetEmpty(sh) {
				continue // an empty sheet says: nothing of that kind
			}
			sr.checkCells(sh, n == SheetPhotos)
			sheets[n] = sh
		}
	}
	warnings := sr.absentSheets(absent)
	if sh := sheets[SheetBasic]; sh != nil {
		sr.basic(sh)
	}
	if sh := sheets[SheetAchievements]; sh != nil {
		sr.achievements(sh)
	}
	if sh := sheets[SheetIndicators]; sh != nil {
		sr.indicators(sh)
	}
	if sh := sheets[SheetPhotos]; sh != nil {
		sr.photos(sh)
	}
	if fe := a.finish(); fe != nil {
		return nil, fe // integrity first: content problems may be its echoes
	}
	if err := sr.ps.err(); err != nil {
		return nil, err
	}
	// Sections grouped by category in campaign order, each category's
	// sections in the order they were written.
	pos := map[string]int{}
	for i, c := range b.Categories {
		pos[c.ID] = i
	}
	sort.SliceStable(sr.unit.Achievements, func(i, j int) bool {
		return pos[sr.unit.Achievements[i].CategoryID] < pos[sr.unit.Achievements[j].CategoryID]
	})
	return &dossier.Submission{File: name, Unit: sr.unit, CodeCell: sr.codeCell, NameCell: sr.nameCell, Absent: absent, Warnings: warnings}, nil
}

// materialHeaders are the header cells that identify each material sheet.
var materialHeaders = []struct {
	sheet  string
	header []string
}{
	{SheetAchievements, []string{HeaderCategory, HeaderHeading, HeaderBody}},
	{SheetIndicators, []string{HeaderCategory, HeaderIndicator, HeaderValue}},
	{SheetPhotos, []string{HeaderCategory, HeaderCaption}},
}

// absentSheets looks at the material sheets the workbook lacks. A sheet of
// another name that carries a missing sheet's header row was most likely
// renamed: reading past it would take its content for nothing, so the file
// is refused, naming the sheet. Otherwise the absence is a warning, and the
// import keeps what is stored for that sheet.
func (sr *subReader) absentSheets(a dossier.Absent) []string {
	missing := map[string]bool{SheetAchievements: a.Achievements, SheetIndicators: a.Values, SheetPhotos: a.Photos}
	known := map[string]bool{SheetGuide: true, SheetBasic: true, SheetAchievements: true, SheetIndicators: true, SheetPhotos: true}
	var warnings []string
	for _, m := range materialHeaders {
		if !missing[m.sheet] {
			continue
		}
		found := false
		for _, si := range sr.bk.sheets {
			if known[strings.TrimSpace(si.Name)] {
				continue
			}
			sh, ok := sr.bk.readSheet(si, &problems{file: sr.ps.file})
			if ok && hasHeader(sh, m.header) {
				sr.ps.add(si.Name, "", "工作表“%s”的表头像是“%s”，请把工作表改名为“%s”后重新导入；本文件未导入，已有内容未作改动", si.Name, m.sheet, m.sheet)
				found = true
				break
			}
		}
		if !found {
			warnings = append(warnings, fmt.Sprintf("文件 %s：没有工作表“%s”，该部分按未提交处理：已有的%s保留不变，不会被清除", sr.ps.file, m.sheet, m.sheet))
		}
	}
	return warnings
}

// hasHeader reports whether one of the first rows of sh holds every header
// of want, as findTable would find it.
func hasHeader(sh *sheet, want []string) bool {
	for i := range sh.Rows {
		r := &sh.Rows[i]
		if r.N > 50 {
			break
		}
		cols := map[string]bool{}
		for j := range r.Cells {
			cols[normHeader(r.Cells[j].String())] = true
		}
		all := true
		for _, w := range want {
			all = all && cols[w]
		}
		if all {
			return true
		}
	}
	return false
}

type subReader struct {
	b    *dossier.Book
	bk   *book
	ps   *problems
	unit dossier.Unit
	// where 申报编号 and 单位名称 were read, for the import's messages
	codeCell, nameCell string
	reported           map[string]bool // cells already reported by text
}

// dispImg matches WPS's picture-in-cell formula, =DISPIMG("ID_…",1).
var dispImg = regexp.MustCompile(`(?i)^=?\s*(?:_xlfn\.)?DISPIMG\(\s*"([^"]+)"\s*,\s*-?\d+\s*\)\s*$`)

// checkCells reports what no cell of a submission may hold: formulas (but
// WPS's DISPIMG pictures on the 图片 sheet), characters that are not valid
// text, and Excel's pictures placed in cells.
func (sr *subReader) checkCells(sh *sheet, photos bool) {
	for _, r := range sh.Rows {
		for i := range r.Cells {
			c := &r.Cells[i]
			switch {
			case c.HasF && photos && dispImg.MatchString(c.F):
			case c.HasF:
				sr.ps.add(sh.Name, c.Ref(), "%s；请改为直接填写内容（可复制后“选择性粘贴—仅粘贴数值”）", sh.formulaNote(c))
			case c.VM:
				sr.ps.add(sh.Name, c.Ref(), "单元格中是 Excel“放在单元格中”的图片或特殊数据，无法读取；图片请改为浮动图片（“放在单元格上”），左上角放在 D 列")
			case c.Bad:
				sr.ps.add(sh.Name, c.Ref(), "单元格中有无法识别的字符（文字编码已损坏）；请删除后重新输入该单元格的内容")
			}
		}
	}
}

// text returns a cell's content as text: strings as they are, numbers in
// plain decimal (a phone number stored as 1.38E+10 is 13800000000), ""
// for a missing cell, a formula or a cell already reported.
func (sr *subReader) text(sh *sheet, c *cell) string {
	if c == nil || c.Bad || c.VM || (c.HasF && !dispImg.MatchString(c.F)) {
		return ""
	}
	if r, bad := dossier.ControlChar(c.String(), true); bad {
		// Written as _x001B_ in the file, a control character would be
		// stored and act on a terminal instead of showing.
		key := sh.Name + "!" + c.Ref()
		if !sr.reported[key] {
			if sr.reported == nil {
				sr.reported = map[string]bool{}
			}
			sr.reported[key] = true
			sr.ps.add(sh.Name, c.Ref(), "单元格中有控制字符（%s），这类字符看不见，会扰乱显示；请删除后重新输入该单元格的内容", dossier.ControlName(r))
		}
		return ""
	}
	switch c.T {
	case "e":
		sr.ps.add(sh.Name, c.Ref(), "单元格显示错误值 %s；请改为直接填写内容", clipText(c.V, 20))
		return ""
	case "", "n":
		v := strings.TrimSpace(c.V)
		if f, err := strconv.ParseFloat(v, 64); err == nil && !math.IsInf(f, 0) {
			return strconv.FormatFloat(f, 'f', -1, 64)
		}
		return v
	}
	return c.String()
}

// oneLine turns line breaks and tabs into spaces and trims the ends.
func oneLine(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ", "\t", " ").Replace(s)
	return strings.TrimSpace(s)
}

// paragraphs keeps the non-empty paragraphs, trimmed, one a line.
func paragraphs(s string) string {
	return strings.Join(dossier.Paragraphs(s), "\n")
}

// checkLength reports text longer than limit characters.
func (sr *subReader) checkLength(sh *sheet, at, what, s string, limit int, advice string) {
	if n := utf8.RuneCountInString(s); n > limit {
		sr.ps.add(sh.Name, at, "“%s”有 %d 字，超过 %d 字的上限；%s", what, n, limit, advice)
	}
}

// at returns the cell of r in column col, or nil.
func (r *row) at(col int) *cell {
	for i := range r.Cells {
		if r.Cells[i].Col == col {
			return &r.Cells[i]
		}
		if r.Cells[i].Col > col {
			break
		}
	}
	return nil
}

// cellAt returns the cell at col, row, or nil.
func (sh *sheet) cellAt(col, rowN int) *cell {
	for i := range sh.Rows {
		if sh.Rows[i].N == rowN {
			return sh.Rows[i].at(col)
		}
	}
	return nil
}

// mergedValue returns the cell of col in row r, or, when it lies inside a
// merged range, the range's top-left cell.
//
// The top-left cell is what the sheet shows over the whole range, even
// where a cell under it still holds a value (LibreOffice's "merge, keep
// hidden contents"); checkHiddenUnderMerges refuses such hidden values
// when they differ from what is shown.
func (sh *sheet) mergedValue(r *row, col int) *cell {
	for _, m := range sh.Merges {
		if m.contains(col, r.N) && (m.Col1 != col || m.Row1 != r.N) {
			return sh.cellAt(m.Col1, m.Row1)
		}
	}
	return r.at(col)
}

// checkHiddenUnderMerges reports merged ranges below the header, in the
// table's columns, under which a cell other than the top-left one holds a
// value that differs from the one shown: the sheet shows one thing while
// the file holds another, and nobody can tell which was meant.
func (sr *subReader) checkHiddenUnderMerges(t *table, want []string) {
	for _, m := range t.sh.Merges {
		if m.Row2 <= t.header {
			continue
		}
		in := false
		for _, w := range want {
			if c := t.cols[w]; c >= m.Col1 && c <= m.Col2 {
				in = true
			}
		}
		if !in {
			continue
		}
		shown := ""
		if c := t.sh.cellAt(m.Col1, m.Row1); c != nil {
			shown = oneLine(c.String())
		}
		var hidden []string
		for i := range t.sh.Rows {
			r := &t.sh.Rows[i]
			if r.N < m.Row1 || r.N > m.Row2 {
				continue
			}
			for j := range r.Cells {
				c := &r.Cells[j]
				if !m.contains(c.Col, c.Row) || (c.Col == m.Col1 && c.Row == m.Row1) || c.Blank() {
					continue
				}
				if v := oneLine(c.String()); v != shown {
					hidden = append(hidden, fmt.Sprintf("%s“%s”", c.Ref(), clipText(v, 20)))
				}
			}
		}
		if len(hidden) > 0 {
			sr.ps.add(t.sh.Name, m.String(), "合并单元格下有隐藏内容：显示的是 %s 的“%s”，但合并区域中还有 %s；请取消合并，确认每一格的内容后重新提交",
				ref(m.Col1, m.Row1), clipText(shown, 20), strings.Join(hidden, "、"))
		}
	}
}

func (sh *sheet) colHidden(col int) bool {
	for _, a := range sh.HiddenCols {
		if col >= a.Col1 && col <= a.Col2 {
			return true
		}
	}
	return false
}

func normLabel(s string) string {
	s = strings.TrimSpace(dossier.FoldWidth(s))
	s = strings.Trim(s, "*:： ")
	return strings.Join(strings.Fields(s), "")
}

func (sr *subReader) hiddenRow(sh *sheet, r *row) {
	sr.ps.add(sh.Name, ref(1, r.N), "第 %d 行被隐藏，但其中有将要导入的内容；请取消隐藏、确认内容后重新提交（不需要的内容请直接删除）", r.N)
}

func (sr *subReader) basic(sh *sheet) {
	type field struct {
		row  int
		cell *cell
	}
	found := map[string]field{}
	for i := range sh.Rows {
		r := &sh.Rows[i]
		a := r.at(1)
		if a == nil {
			continue
		}
		label := normLabel(sr.text(sh, a))
		known := false
		for _, l := range basicLabels {
			known = known || l == label
		}
		if !known {
			continue
		}
		if prev, dup := found[label]; dup {
			sr.ps.add(sh.Name, a.Ref(), "“%s”出现了两次（第 %d 行和第 %d 行），请只保留一行", label, prev.row, r.N)
			continue
		}
		v := r.at(2)
		found[label] = field{r.N, v}
		if r.Hidden && v != nil && !v.Blank() {
			sr.hiddenRow(sh, r)
		}
	}
	for _, m := range sh.Merges {
		if m.Col1 <= 1 && m.Col2 >= 2 {
			sr.ps.add(sh.Name, m.String(), "项目名称与填写内容所在的单元格被合并；请取消合并，在 B 列填写")
			continue
		}
		if m.Col1 <= 2 && m.Col2 >= 2 && m.Row2 > m.Row1 {
			labels := 0
			for _, f := range found {
				if f.row >= m.Row1 && f.row <= m.Row2 {
					labels++
				}
			}
			if labels > 1 {
				sr.ps.add(sh.Name, m.String(), "几个项目的填写内容被合并成一个单元格；请取消合并，每项分别填写")
			}
		}
	}
	if sh.colHidden(2) {
		sr.ps.add(sh.Name, "B1", "B 列（填写内容）被隐藏；请取消隐藏、确认内容后重新提交")
	}
	get := func(label string) (string, string) {
		f, ok := found[label]
		if !ok {
			return "", ""
		}
		return sr.text(sh, f.cell), ref(2, f.row)
	}
	u := &sr.unit
	single := func(label string, limit int, dst *string) {
		v, at := get(label)
		*dst = oneLine(v)
		sr.checkLength(sh, at, label, *dst, limit, "请精简")
	}
	code, at := get(LabelCode)
	u.Code = dossier.NormCode(oneLine(code))
	sr.checkLength(sh, at, LabelCode, u.Code, 50, "请核对申报编号")
	sr.codeCell = at
	_, sr.nameCell = get(LabelName)
	single(LabelName, MaxFieldChars, &u.Name)
	u.Name = dossier.NormName(u.Name)
	single(LabelRegion, MaxFieldChars, &u.Region)
	single(LabelKind, MaxFieldChars, &u.Kind)
	single(LabelRecommender, MaxFieldChars, &u.Recommender)
	single(LabelContact, MaxFieldChars, &u.Contact)
	single(LabelPhone, MaxFieldChars, &u.Phone)
	single(LabelTitle, MaxHeadingChars, &u.Title)
	summary, at := get(LabelSummary)
	u.Summary = paragraphs(summary)
	sr.checkLength(sh, at, LabelSummary, u.Summary, MaxSummaryChars, "请精简，详细内容写在“事迹材料”中")
	if _, ok := found[LabelName]; !ok {
		sr.ps.add(sh.Name, "", "找不到“单位名称”一栏（应在 A 列）；请使用本次评选下发的模板，不要修改 A 列的项目名称")
	} else if u.Name == "" {
		f := found[LabelName]
		if f.cell == nil || !f.cell.HasF {
			sr.ps.add(sh.Name, ref(2, f.row), "“单位名称”为必填项，请填写单位全称")
		}
	}
}

// table is a sheet's table: its header row and the columns found by their
// header text.
type table struct {
	sh     *sheet
	header int
	cols   map[string]int
}

func normHeader(s string) string {
	return strings.Join(strings.Fields(strings.Trim(dossier.FoldWidth(s), "*")), "")
}

// present returns those of the headers the table has (optional columns
// such as 计量单位, 说明 and 序号 may be left out).
func (t *table) present(headers ...string) []string {
	var out []string
	for _, h := range headers {
		if _, ok := t.cols[h]; ok {
			out = append(out, h)
		}
	}
	return out
}

// findTable locates the header row holding every header of want, among the
// first rows of the sheet.
func (sr *subReader) findTable(sh *sheet, want []string) (*table, bool) {
	for i := range sh.Rows {
		r := &sh.Rows[i]
		if r.N > 50 {
			break
		}
		cols := map[string]int{}
		for j := range r.Cells {
			h := normHeader(r.Cells[j].String())
			if _, dup := cols[h]; !dup && h != "" {
				cols[h] = r.Cells[j].Col
			}
		}
		ok := true
		for _, w := range want {
			_, has := cols[w]
			ok = ok && has
		}
		if ok {
			return &table{sh: sh, header: r.N, cols: cols}, true
		}
	}
	sr.ps.add(sh.Name, "", "找不到表头行（应有“%s”几列）；请使用本次评选下发的模板，不要修改表头", strings.Join(want, "”“"))
	return nil, false
}

// checkMerges reports merged ranges below the header that join two columns
// of the table, or join rows in a column where that makes the content
// ambiguous (vertical merges of 类别 are read as repeating the value).
func (sr *subReader) checkMerges(t *table, want []string, verticalOK map[string]bool) {
	for _, m := range t.sh.Merges {
		if m.Row2 <= t.header {
			continue
		}
		var covered []string
		for _, w := range want {
			if c := t.cols[w]; c >= m.Col1 && c <= m.Col2 {
				covered = append(covered, w)
			}
		}
		switch {
		case len(covered) >= 2:
			sr.ps.add(t.sh.Name, m.String(), "合并单元格跨越了“%s”几列；请取消合并，每列分别填写", strings.Join(covered, "”“"))
		case len(covered) == 1 && m.Row2 > m.Row1 && !verticalOK[covered[0]]:
			sr.ps.add(t.sh.Name, m.String(), "“%s”列有几行被合并成一个单元格；请取消合并，每行分别填写", covered[0])
		}
	}
}

// checkHiddenCols reports hidden table columns that hold content below the
// header.
func (sr *subReader) checkHiddenCols(t *table, want []string) {
	for _, w := range want {
		col := t.cols[w]
		if !t.sh.colHidden(col) {
			continue
		}
		for i := range t.sh.Rows {
			r := &t.sh.Rows[i]
			if c := r.at(col); r.N > t.header && c != nil && !c.Blank() {
				sr.ps.add(t.sh.Name, ref(col, t.header), "“%s”列被隐藏，但其中有内容；请取消隐藏、确认内容后重新提交", w)
				break
			}
		}
	}
}

// category resolves a category name as typed, tolerating a slogan in
// brackets after it.
func (sr *subReader) category(name string) *dossier.Category {
	if c := sr.b.CategoryByName(name); c != nil {
		return c
	}
	n := dossier.FoldWidth(strings.TrimSpace(name))
	if i := strings.IndexAny(n, "(（"); i > 0 {
		n = n[:i]
	}
	for i := range sr.b.Categories {
		if dossier.FoldWidth(sr.b.Categories[i].Name) == strings.TrimSpace(n) {
			return &sr.b.Categories[i]
		}
	}
	return nil
}

func (sr *subReader) categoryNames() string {
	names := make([]string, len(sr.b.Categories))
	for i, c := range sr.b.Categories {
		names[i] = c.Name
	}
	return strings.Join(names, "、")
}

func (sr *subReader) achievements(sh *sheet) {
	want := []string{HeaderCategory, HeaderHeading, HeaderBody}
	t, ok := sr.findTable(sh, want)
	if !ok {
		return
	}
	sr.checkMerges(t, want, map[string]bool{HeaderCategory: true})
	sr.checkHiddenUnderMerges(t, want)
	sr.checkHiddenCols(t, want)
	cc, hc, bc := t.cols[HeaderCategory], t.cols[HeaderHeading], t.cols[HeaderBody]
	for i := range sh.Rows {
		r := &sh.Rows[i]
		if r.N <= t.header {
			continue
		}
		heading := oneLine(sr.text(sh, r.at(hc)))
		body := paragraphs(sr.text(sh, r.at(bc)))
		if heading == "" && body == "" {
			continue
		}
		if r.Hidden {
			sr.hiddenRow(sh, r)
		}
		sr.checkLength(sh, ref(hc, r.N), HeaderHeading, heading, MaxHeadingChars, "请精简标题")
		sr.checkLength(sh, ref(bc, r.N), HeaderBody, body, MaxBodyChars, "请分成同一类别的几行填写")
		name := oneLine(sr.text(sh, sh.mergedValue(r, cc)))
		cat := sr.category(name)
		switch {
		case name == "":
			sr.ps.add(sh.Name, ref(cc, r.N), "这一行填写了事迹，但没有选择类别；请从下拉列表中选择（%s）", sr.categoryNames())
			continue
		case cat == nil:
			sr.ps.add(sh.Name, ref(cc, r.N), "类别“%s”不是本次评选的类别（%s）；请从下拉列表中选择", clipText(name, 30), sr.categoryNames())
			continue
		}
		sr.unit.Achievements = append(sr.unit.Achievements, dossier.Achievement{CategoryID: cat.ID, Heading: heading, Body: body})
	}
}

func (sr *subReader) indicators(sh *sheet) {
	t, ok := sr.findTable(sh, []string{HeaderCategory, HeaderIndicator, HeaderValue})
	if !ok {
		return
	}
	want := t.present(HeaderCategory, HeaderIndicator, HeaderUnit, HeaderValue, HeaderNote)
	sr.checkMerges(t, want, map[string]bool{HeaderCategory: true})
	sr.checkHiddenUnderMerges(t, want)
	sr.checkHiddenCols(t, want)
	cc, ic, uc, vc, nc := t.cols[HeaderCategory], t.cols[HeaderIndicator], t.cols[HeaderUnit], t.cols[HeaderValue], t.cols[HeaderNote]
	seen := map[string]int{}
	for i := range sh.Rows {
		r := &sh.Rows[i]
		if r.N <= t.header {
			continue
		}
		vcell := r.at(vc)
		note := paragraphs(sr.text(sh, r.at(nc)))
		if (vcell == nil || vcell.Blank()) && note == "" {
			continue
		}
		if r.Hidden {
			sr.hiddenRow(sh, r)
		}
		sr.checkLength(sh, ref(nc, r.N), HeaderNote, note, MaxNoteChars, "请精简")
		catName := oneLine(sr.text(sh, sh.mergedValue(r, cc)))
		indName := oneLine(sr.text(sh, r.at(ic)))
		ind := sr.indicator(catName, indName)
		if ind == nil {
			switch {
			case indName == "":
				sr.ps.add(sh.Name, ref(ic, r.N), "这一行填写了数值或说明，但没有指标名称；请只在预填的指标行填写")
			case catName != "" && sr.category(catName) == nil:
				sr.ps.add(sh.Name, ref(cc, r.N), "类别“%s”不是本次评选的类别（%s）；请不要修改预填的类别", clipText(catName, 30), sr.categoryNames())
			default:
				sr.ps.add(sh.Name, ref(ic, r.N), "指标“%s”不是本次评选规定的指标；请只在预填的指标行填写，不要修改指标名称", clipText(indName, 30))
			}
			continue
		}
		if prev, dup := seen[ind.ID]; dup {
			sr.ps.add(sh.Name, ref(vc, r.N), "指标“%s”填写了两次（第 %d 行和第 %d 行），请只保留一行", ind.Name, prev, r.N)
			continue
		}
		seen[ind.ID] = r.N
		if vcell == nil || vcell.Blank() {
			// No exact figure, only wording in 说明: kept as a note.
			sr.unit.Values = append(sr.unit.Values, dossier.IndicatorValue{IndicatorID: ind.ID, NoValue: true, Note: note})
			continue
		}
		v, ok := sr.value(sh, vcell, r.at(uc), ind)
		if !ok {
			continue
		}
		sr.unit.Values = append(sr.unit.Values, dossier.IndicatorValue{IndicatorID: ind.ID, Value: v, Note: note})
	}
}

// indicator finds an indicator by category and name; with no category, by
// a name that is unique in the campaign.
func (sr *subReader) indicator(catName, name string) *dossier.Indicator {
	if name == "" {
		return nil
	}
	var found *dossier.Indicator
	n := 0
	for i := range sr.b.Categories {
		c := &sr.b.Categories[i]
		if catName != "" && sr.category(catName) != c {
			continue
		}
		for j := range c.Indicators {
			if c.Indicators[j].Name == name {
				found = &c.Indicators[j]
				n++
			}
		}
	}
	if n != 1 {
		return nil
	}
	return found
}

// value reads an indicator value in the indicator's unit of measure.
func (sr *subReader) value(sh *sheet, c, unitCell *cell, ind *dossier.Indicator) (float64, bool) {
	at := c.Ref()
	unit := ind.Unit
	scale := 0
	if u := oneLine(sr.text(sh, unitCell)); u != "" && dossier.FoldWidth(u) != dossier.FoldWidth(ind.Unit) {
		ue, ub := dossier.SplitUnit(u)
		ie, ib := dossier.SplitUnit(ind.Unit)
		if ub != ib {
			sr.ps.add(sh.Name, unitCell.Ref(), "计量单位被改成了“%s”，与本指标规定的“%s”不一致；请改回“%s”并按此填写数值", clipText(u, 20), ind.Unit, ind.Unit)
			return 0, false
		}
		unit, scale = u, ue-ie
	}
	if c.Bad || c.VM || c.HasF {
		return 0, false // reported by checkCells
	}
	var v float64
	switch {
	case c.T == "e":
		sr.ps.add(sh.Name, at, "单元格显示错误值 %s；请填写确切数字", clipText(c.V, 20))
		return 0, false
	case c.T == "b":
		sr.ps.add(sh.Name, at, "“%s”不是数字；请填写确切数字", c.String())
		return 0, false
	case c.T == "d":
		sr.ps.add(sh.Name, at, "单元格是日期（%s），不是数字；请把单元格格式改为“常规”后重新填写", clipText(c.V, 20))
		return 0, false
	case c.IsNumber():
		f, err := strconv.ParseFloat(strings.TrimSpace(c.V), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			sr.ps.add(sh.Name, at, "“%s”不是数字；请填写确切数字", clipText(c.V, 20))
			return 0, false
		}
		id, code := sr.bk.numFmt(c.S)
		switch {
		case isDateFormat(id, code):
			sr.ps.add(sh.Name, at, "单元格被设置成了日期或时间格式，输入的数字会被当成日期；请把单元格格式改为“常规”后重新填写数字")
			return 0, false
		case isPercentFormat(id, code):
			if _, base := dossier.SplitUnit(unit); base != "%" {
				sr.ps.add(sh.Name, at, "单元格是百分比格式（显示为 %s%%），但本指标的计量单位是“%s”；请把单元格格式改为“常规”，按“%s”填写数字",
					dossier.FormatNumber(percentOf(f)), ind.Unit, ind.Unit)
				return 0, false
			}
			f = percentOf(f)
		}
		v = f
	default:
		f, err := ParseNumber(c.String(), unit)
		if err != nil {
			var ne *NumberError
			if errors.As(err, &ne) && ne.Kind == Empty {
				return 0, false
			}
			sr.ps.add(sh.Name, at, "%s", err.Error())
			return 0, false
		}
		v = f
	}
	if scale != 0 {
		v = dossier.ScaleDecimal(v, scale)
	}
	if math.IsInf(v, 0) || math.IsNaN(v) || math.Abs(v) >= maxNumber {
		sr.ps.add(sh.Name, at, "数值超出可填写的范围，请核对")
		return 0, false
	}
	if v == 0 {
		v = 0 // no negative zero
	}
	return v, true
}

// stripFormat removes from a number format code its quoted text, escaped
// characters and bracketed sections (colours, locales, conditions).
func stripFormat(code string) string {
	var b strings.Builder
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return b.String()
			}
			i += j + 1
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(code[i+1:], ']')
			if j < 0 {
				return b.String()
			}
			inner := strings.ToLower(code[i+1 : i+1+j])
			if inner == "h" || inner == "hh" || inner == "m" || inner == "mm" || inner == "s" || inner == "ss" {
				b.WriteString(inner) // elapsed time
			}
			i += j + 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// isPercentFormat reports whether a number format shows a percentage.
func isPercentFormat(id int, code string) bool {
	if id == 9 || id == 10 {
		return true
	}
	return strings.Contains(stripFormat(code), "%")
}

// isDateFormat reports whether a number format shows a date or a time.
func isDateFormat(id int, code string) bool {
	switch {
	case id >= 14 && id <= 22, id >= 27 && id <= 36, id >= 45 && id <= 47, id >= 50 && id <= 58:
		return true
	case code == "" || strings.EqualFold(code, "general"):
		return false
	}
	s := strings.ToLower(stripFormat(code))
	return strings.ContainsAny(s, "ymdhs") || strings.ContainsAny(s, "年月日时分秒")
}

// maxDecodePixels bounds the pixels decoded for one workbook's pictures
// (pictures kept as they are do not count): about 16 phone photos of 12
// megapixels.
const maxDecodePixels = 200_000_000

// maxKeptPictureBytes bounds the picture data held between the first look
// at a workbook's pictures and their normalisation (only pictures kept as
// they are); past it, pictures are inflated again.
const maxKeptPictureBytes = 64 << 20

// photoCell is a picture found on the 图片 sheet.
type photoCell struct {
	at    string // the cell of its top-left corner, or its DISPIMG cell
	media string
}

func (sr *subReader) photos(sh *sheet) {
	t, ok := sr.findTable(sh, []string{HeaderCategory, HeaderCaption})
	if !ok {
		return
	}
	want := t.present(HeaderNumber, HeaderCategory, HeaderCaption)
	sr.checkMerges(t, want, map[string]bool{HeaderCategory: true, HeaderCaption: true, HeaderNumber: true})
	sr.checkHiddenUnderMerges(t, want)
	sr.checkHiddenCols(t, want)
	const firstPicCol = 4 // D
	byRow := map[int][]photoCell{}
	misplaced := map[int]bool{} // rows whose picture was reported out of place
	pics, err := sr.bk.pictures(sh)
	if err != nil {
		sr.ps.add(sh.Name, "", "图片的位置信息已损坏，无法读取（%s）；请用 Excel/WPS 打开后重新保存", xmlErr(err))
		return
	}
	for _, p := range pics {
		at := ref(p.Col, p.Row)
		switch {
		case p.Absolute:
			sr.ps.add(sh.Name, "", "有一张图片没有固定在单元格上，无法确定属于哪一行；请把图片的左上角放在对应行的 D 列")
		case p.Linked:
			sr.ps.add(sh.Name, at, "图片是指向外部文件的链接，没有保存在工作簿中；请用“插入—图片”重新插入")
		case p.Row <= t.header:
			sr.ps.add(sh.Name, at, "图片放在了表头行或其上方（左上角位于 %s）；请把图片移到对应行的 D 列", at)
		case p.Col < firstPicCol:
			sr.ps.add(sh.Name, at, "图片左上角位于 %s，应放在该行的 D 列或其右侧；请移动图片", at)
			misplaced[p.Row] = true
		default:
			byRow[p.Row] = append(byRow[p.Row], photoCell{at, p.Media})
		}
	}
	var cellImages map[string]string
	for i := range sh.Rows {
		r := &sh.Rows[i]
		for j := range r.Cells {
			c := &r.Cells[j]
			formula := c.F
			if !c.HasF {
				formula = c.Text
			}
			m := dispImg.FindStringSubmatch(formula)
			if m == nil || (!c.HasF && !strings.HasPrefix(strings.TrimSpace(formula), "=")) {
				continue
			}
			if cellImages == nil {
				if cellImages, err = sr.bk.cellImageMedia(); err != nil {
					sr.ps.add(sh.Name, "", "WPS 嵌入单元格的图片信息已损坏，无法读取（%s）；请重新插入图片", xmlErr(err))
					return
				}
			}
			media, ok := cellImages[m[1]]
			switch {
			case !ok:
				sr.ps.add(sh.Name, c.Ref(), "找不到 WPS 嵌入单元格的图片（%s）；请重新插入图片", clipText(m[1], 40))
			case r.N <= t.header:
				sr.ps.add(sh.Name, c.Ref(), "图片放在了表头行或其上方；请把图片移到对应行的 D 列")
			case c.Col < firstPicCol:
				sr.ps.add(sh.Name, c.Ref(), "图片位于 %s，应放在该行的 D 列或其右侧", c.Ref())
				misplaced[r.N] = true
			default:
				byRow[r.N] = append(byRow[r.N], photoCell{c.Ref(), media})
			}
		}
	}
	cc, capc := t.cols[HeaderCategory], t.cols[HeaderCaption]
	// Rows in order: those with a caption or a category, and those with a
	// picture.
	rows := map[int]*row{}
	var order []int
	for i := range sh.Rows {
		r := &sh.Rows[i]
		if r.N > t.header {
			rows[r.N] = r
			order = append(order, r.N)
		}
	}
	for n := range byRow {
		if _, ok := rows[n]; !ok {
			rows[n] = &row{N: n}
			order = append(order, n)
		}
	}
	sort.Ints(order)
	type pending struct {
		p              photoCell
		catID, caption string
		data           []byte
	}
	var todo []pending
	var pixels int64
	kept := 0
	for _, n := range order {
		r := rows[n]
		pcs := byRow[n]
		// A merged 图片说明 repeats over its rows, like a merged 类别.
		caption := oneLine(sr.text(sh, sh.mergedValue(r, capc)))
		catName := oneLine(sr.text(sh, sh.mergedValue(r, cc)))
		if len(pcs) == 0 {
			own := r.at(capc) != nil && !r.at(capc).Blank()
			if !misplaced[n] && ((caption != "" && own) || (catName != "" && r.at(cc) != nil)) {
				sr.ps.add(sh.Name, ref(capc, n), "第 %d 行填写了图片说明或类别，但这一行没有图片；请把图片的左上角放在本行 D 列，或删除这一行的说明", n)
			}
			continue
		}
		if sh.rowHidden(n) {
			sr.hiddenRow(sh, r)
		}
		if len(pcs) > 1 {
			cells := make([]string, len(pcs))
			for i, p := range pcs {
				cells[i] = p.at
			}
			sr.ps.add(sh.Name, pcs[0].at, "第 %d 行有 %d 张图片（%s），每行只能放一张；请把其他图片移到下面的行，并分别填写说明", n, len(pcs), strings.Join(cells, "、"))
			continue
		}
		sr.checkLength(sh, ref(capc, n), HeaderCaption, caption, MaxNoteChars, "请精简")
		var catID string
		if catName != "" {
			cat := sr.category(catName)
			if cat == nil {
				sr.ps.add(sh.Name, ref(cc, n), "类别“%s”不是本次评选的类别（%s）；请从下拉列表中选择，或留空", clipText(catName, 30), sr.categoryNames())
				continue
			}
			catID = cat.ID
		}
		p := pcs[0]
		data, err := sr.bk.a.read(p.media, photo.MaxBytes)
		switch {
		case errors.Is(err, errPartTooBig):
			sr.ps.add(sh.Name, p.at, "图片文件过大，单张不能超过 %d MB；请压缩后重新插入", photo.MaxBytes>>20)
			continue
		case err != nil:
			sr.ps.add(sh.Name, p.at, "图片数据缺失或已损坏，无法读取；请重新插入图片")
			continue
		}
		px := photo.DecodePixels(data)
		pixels += px
		if px > 0 || kept+len(data) > maxKeptPictureBytes {
			// Read again when its turn comes: decoding costs far more
			// than inflating, and holding large pictures costs memory.
			data = nil
		}
		kept += len(data)
		todo = append(todo, pending{p, catID, caption, data})
	}
	// Bound the work before doing it: decoding is what costs, about a
	// second per 20 megapixels.
	if pixels > maxDecodePixels {
		sr.ps.add(sh.Name, "", "图片总量过大：需要重新处理的图片共约 %d 万像素，超过 %d 万像素的上限；请在 Excel/WPS 中选中图片使用“压缩图片”，或换用较小的图片后重新保存",
			pixels/10_000, maxDecodePixels/10_000)
		return
	}
	for i := range todo {
		t := &todo[i]
		data := t.data
		t.data = nil
		if data == nil {
			var err error
			if data, err = sr.bk.a.read(t.p.media, photo.MaxBytes); err != nil {
				return // the archive failed its check: finish reports it
			}
		}
		ph, err := photo.Normalize(data)
		if err != nil {
			sr.ps.add(sh.Name, t.p.at, "%s", dossier.ErrorMessage(err))
			continue
		}
		ph.CategoryID, ph.Caption = t.catID, t.caption
		sr.unit.Photos = append(sr.unit.Photos, ph)
	}
}

// sheetEmpty reports whether a sheet holds no content at all: no non-blank
// cell and no drawing (pictures).
func sheetEmpty(sh *sheet) bool {
	if sh.Drawing != "" {
		return false
	}
	for i := range sh.Rows {
		for j := range sh.Rows[i].Cells {
			if !sh.Rows[i].Cells[j].Blank() {
				return false
			}
		}
	}
	return true
}
