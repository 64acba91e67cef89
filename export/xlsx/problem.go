package xlsx

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong in a file, named precisely: the file, the
// sheet and the cell when there is one, and a Chinese message that says
// what is wrong and what to do.
type Problem struct {
	File string
	// Sheet is the sheet's name, empty for a problem with the whole file.
	// Cell is a cell ("D5") or a range ("B5:C7"), empty when no cell is
	// at fault.
	Sheet   string
	Cell    string
	Message string
}

// String renders the problem as one line, for example
// 文件 a.xlsx，工作表“量化指标”，单元格 D5：“约27万”是约数，请填写确切数字，约数等说明写在“说明”列
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString("文件 ")
	b.WriteString(p.File)
	if p.Sheet != "" {
		b.WriteString("，工作表“")
		b.WriteString(p.Sheet)
		b.WriteString("”")
	}
	if p.Cell != "" {
		if strings.Contains(p.Cell, ":") {
			b.WriteString("，单元格区域 ")
		} else {
			b.WriteString("，单元格 ")
		}
		b.WriteString(p.Cell)
	}
	b.WriteString("：")
	b.WriteString(p.Message)
	return b.String()
}

// FileError is the error of a file that was refused: every problem found in
// it, in reading order.
type FileError struct {
	File     string
	Problems []Problem
}

// Error joins the problems, one line each.
func (e *FileError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// maxProblems bounds the problems listed for one file: past it a last line
// says how many more there are.
const maxProblems = 100

// problems collects the problems of one file.
type problems struct {
	file  string
	list  []Problem
	extra int
}

func (ps *problems) add(sheet, cell, format string, args ...any) {
	if len(ps.list) >= maxProblems {
		ps.extra++
		return
	}
	ps.list = append(ps.list, Problem{File: ps.file, Sheet: sheet, Cell: cell, Message: fmt.Sprintf(format, args...)})
}

func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	list := ps.list
	if ps.extra > 0 {
		list = append(list, Problem{File: ps.file, Message: fmt.Sprintf("另有 %d 处问题未列出，请先修改以上问题后重新导入", ps.extra)})
	}
	return &FileError{File: ps.file, Problems: list}
}

// fileError is a FileError holding one problem.
func fileError(file, sheet, cell, format string, args ...any) *FileError {
	return &FileError{File: file, Problems: []Problem{{File: file, Sheet: sheet, Cell: cell, Message: fmt.Sprintf(format, args...)}}}
}
