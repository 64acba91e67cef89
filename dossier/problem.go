package dossier

import (
	"strconv"
	"strings"
)

// Problem is one thing wrong (or worth a note) in a file the user gave,
// named precisely: the file, the sheet, the cell or row when there is one,
// and a Chinese message that says what is wrong and what to do. The
// workbook readers, the import planner and the score-workbook planner all
// report through it, so a message is worded in one place (String) and a
// screen can show the parts it needs without parsing text.
type Problem struct {
	File string
	// Sheet is the sheet's name, empty for a problem with the whole file.
	Sheet string
	// Cell is a cell ("D5") or a range ("B5:C7"), empty when no cell is
	// at fault. Row is a whole row (1-based) when no one cell is, else 0.
	Cell string
	Row  int
	// Message is the complete Chinese text after the location.
	Message string
}

// String renders the problem as one line, for example
// 文件 a.xlsx，工作表“量化指标”，单元格 D5：“约27万”是约数，请填写确切数字，约数等说明写在“说明”列
func (p Problem) String() string {
	if p.File == "" {
		return p.Place()
	}
	return "文件 " + p.File + p.where("，") + "：" + p.Message
}

// Place renders the problem without its file, for a row that already
// names the file: 工作表“量化指标”，单元格 D5：…
func (p Problem) Place() string {
	w := p.where("")
	if w == "" {
		return p.Message
	}
	return strings.TrimPrefix(w, "，") + "：" + p.Message
}

// where is the location after the file: ，工作表“S”，单元格 C.
func (p Problem) where(sep string) string {
	var b strings.Builder
	if p.Sheet != "" {
		b.WriteString(sep + "工作表“" + p.Sheet + "”")
		sep = "，"
	}
	switch {
	case strings.Contains(p.Cell, ":"):
		b.WriteString(sep + "单元格区域 " + p.Cell)
	case p.Cell != "":
		b.WriteString(sep + "单元格 " + p.Cell)
	case p.Row > 0:
		b.WriteString(sep + "第 " + strconv.Itoa(p.Row) + " 行")
	}
	return b.String()
}

// Error makes a Problem usable as an error on its own.
func (p Problem) Error() string { return p.String() }

// FileError is the error of a file that was refused as a whole: every
// problem found in it, in reading order. Its code is EINVALID.
type FileError struct {
	File     string
	Problems []Problem
	// Code and Name are what the refused file says the unit is, where its
	// 基本信息 could be read (else empty), so that a list of refusals can
	// say whose workbook each one is.
	Code, Name string
}

// Error joins the problems, one line each.
func (e *FileError) Error() string {
	return strings.Join(ProblemLines(e.Problems), "\n")
}

// Unwrap gives the refusal as an *Error, so that ErrorCode says EINVALID
// and ErrorMessage the problems.
func (e *FileError) Unwrap() error {
	return &Error{Code: EINVALID, Message: e.Error()}
}

// ProblemLines renders problems one line each.
func ProblemLines(ps []Problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

// RowOfCell is the row number of a cell reference ("C12" → 12), 0 when
// there is none.
func RowOfCell(cell string) int {
	n, err := strconv.Atoi(strings.TrimLeft(cell, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz$"))
	if err != nil {
		return 0
	}
	return n
}
