package xlsx

import (
	"fmt"
	"sort"

	"github.com/xuri/excelize/v2"

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
	list := inReadingOrder(ps.list)
	if ps.extra > 0 {
		list = append(list, Problem{File: ps.file, Message: fmt.Sprintf("另有 %d 处问题未列出，请先修改以上问题后重新导入", ps.extra)})
	}
	return &FileError{File: ps.file, Problems: list}
}

// fileError is a FileError holding one problem.
func fileError(file, sheet, cell, format string, args ...any) *FileError {
	return &FileError{File: file, Problems: []Problem{{File: file, Sheet: sheet, Cell: cell, Message: fmt.Sprintf(format, args...)}}}
}

// sheetOrder is the order of the contract's sheets in the template and the
// score workbook, the order in which a clerk reads them.
var sheetOrder = map[string]int{SheetGuide: 1, SheetBasic: 2, SheetAchievements: 3, SheetIndicators: 4, SheetPhotos: 5,
	SheetEvaluator: 1, SheetScores: 2}

// inReadingOrder sorts problems as the clerk will look for them: problems
// of the whole file first, then sheet by sheet in the workbook's order, and
// in each sheet by row, then column. The reader finds them in another order
// (every sheet's cells are checked before any sheet's content is read), and
// a list that jumped from 图片 back to 基本信息 was hard to work through.
// Problems of the same place keep the order they were found in.
func inReadingOrder(list []Problem) []Problem {
	out := append([]Problem(nil), list...)
	first := map[string]int{}
	for i, p := range out {
		if _, ok := first[p.Sheet]; !ok {
			first[p.Sheet] = i
		}
	}
	sheetKey := func(p Problem) (int, int) {
		if p.Sheet == "" {
			return 0, 0
		}
		if n, ok := sheetOrder[p.Sheet]; ok {
			return n, 0
		}
		return len(sheetOrder) + 1, first[p.Sheet]
	}
	cellKey := func(p Problem) (int, int) {
		if p.Cell == "" {
			return 0, 0
		}
		c, r, err := excelize.CellNameToCoordinates(p.Cell)
		if err != nil {
			return 0, 0
		}
		return r, c
	}
	sort.SliceStable(out, func(i, j int) bool {
		a1, a2 := sheetKey(out[i])
		b1, b2 := sheetKey(out[j])
		if a1 != b1 || a2 != b2 {
			return a1 < b1 || (a1 == b1 && a2 < b2)
		}
		ar, ac := cellKey(out[i])
		br, bc := cellKey(out[j])
		if ar != br {
			return ar < br
		}
		return ac < bc
	})
	return out
}
