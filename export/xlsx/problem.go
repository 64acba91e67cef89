package xlsx

import (
	"fmt"

	"github.com/dossier-app/dossier/dossier"
)

// Problem is one thing wrong in a file: dossier.Problem, the one typed
// problem the readers, the import and the score workbooks share.
type Problem = dossier.Problem

// FileError is the error of a file that was refused: dossier.FileError.
type FileError = dossier.FileError

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
