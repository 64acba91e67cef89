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
	wb, fe := openWorkbook(a)
	if fe != nil {
		return nil, fe
	}
	sr := &subReader{b: b, wb: wb, ps: &problems{file: name}}
	sheets := map[string]*sheet{}
	var absent dossier.Absent
	for _, n := range []string{SheetBasic, SheetAchievements, SheetIndicators, SheetPhotos} {
		si, ok := wb.sheet(n)
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
		if sh, ok := wb.readSheet(si, sr.ps); ok {
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
		if fe, ok := err.(*FileError); ok {
			fe.Code, fe.Name = dossier.NormCode(sr.unit.Code), dossier.NormName(sr.unit.Name)
		}
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
		for _, si := range sr.wb.sheets {
			if known[strings.TrimSpace(si.Name)] {
				continue
			}
			sh, ok := sr.wb.readSheet(si, &problems{file: sr.ps.file})
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
	wb   *workbook
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

func normLabel(s string) string {
	s = strings.TrimSpace(dossier.FoldWidth(s))
	s = strings.Trim(s, "*:： ")
	return strings.Join(strings.Fields(s), "")
}

func (sr *subReader) hiddenRow(sh *sheet, r *row) {
	sr.ps.add(sh.Name, ref(1, r.N), "第 %d 行被隐藏，但其中有将要导入的内容；请取消隐藏、确认内容后重新提交（不需要的内容请直接删除）", r.N)
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
