// The header tables of the 事迹材料, 量化指标 and 图片 sheets: finding the
// header row, and refusing merges and hidden rows or columns that would
// hide what a unit entered.

package xlsx

import (
	"fmt"
	"strings"

	"github.com/dossier-app/dossier/dossier"
)

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
