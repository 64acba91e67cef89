package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/dossier-app/dossier/dossier"
)

// Sheet names and labels of the score workbook (DESIGN.md, "The score
// workbook").
const (
	SheetEvaluator  = "评委信息"
	SheetScores     = "评分"
	LabelEvaluator  = "评委姓名"
	LabelCampaign   = "评选活动"
	LabelCheck      = "校验码"
	HeaderTotal     = "合计"
	HeaderComment   = "备注"
	headerScoreNote = "说明"
)

// WriteScoreSheet writes the score workbook (评分表) of one evaluator: the
// 评委信息 sheet (name, campaign, 校验码, instructions) and the 评分 sheet,
// one row per unit that is not withdrawn, in code order, with the
// evaluator's scores and comments so far. Rows of units the evaluator must
// not score (回避) are grey and locked; the score and comment cells of the
// others are unlocked and validated from 0 to the category's maximum. The
// sheets are protected without a password, against slips, not people.
func WriteScoreSheet(w io.Writer, b *dossier.Book, evaluatorID string) error {
	e := b.Evaluator(evaluatorID)
	if e == nil {
		return dossier.Errorf(dossier.ENOTFOUND, "评委不存在（%s）", evaluatorID)
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("score sheet: %w", err)
	}
	if err := scoreInfo(f, st, b, e); err != nil {
		return fmt.Errorf("score sheet: %w", err)
	}
	if err := scoreGrid(f, st, b, e); err != nil {
		return fmt.Errorf("score sheet: %w", err)
	}
	f.SetActiveSheet(1)
	if err := setDocProps(f, b, "评分表 "+cleanText(e.Name)); err != nil {
		return fmt.Errorf("score sheet: %w", err)
	}
	full := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return fmt.Errorf("score sheet: %w", err)
	}
	if err := writeWorkbook(f, w, nil, true); err != nil {
		return fmt.Errorf("score sheet: write: %w", err)
	}
	return nil
}

func scoreInfo(f *excelize.File, st *styles, b *dossier.Book, e *dossier.Evaluator) error {
	sh := SheetEvaluator
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	w := newCellWriter(f, sh)
	w.str("A1", LabelEvaluator, st.label)
	w.str("B1", cleanText(e.Name), st.lockedText)
	w.str("A2", LabelCampaign, st.label)
	w.str("B2", cleanText(b.Campaign.Title), st.lockedText)
	w.str("A3", LabelCheck, st.label)
	w.str("B3", dossier.CheckCode(b.Campaign.ID, e.ID), st.lockedText)
	w.str("A5", "填写说明", st.heading)
	var maxima []string
	for _, c := range b.Categories {
		maxima = append(maxima, fmt.Sprintf("%s %s 分", c.Name, c.Max.Short()))
	}
	steps := []string{
		"请在“评分”工作表中为每个单位的每个类别打分：分值从 0 到该类别的满分（见表头括号内：" + strings.Join(maxima, "，") + "），最多保留一位小数。",
		"灰色的行是您需要回避的单位，不能评分（“说明”列写明了回避原因）。",
		"不打分的单元格请留空；导入时留空的分数保持原样，已有分数不会被清除。",
		"“合计”列自动计算，导入时不读取；“备注”列可填写您对该单位的意见。",
		"请不要修改申报编号、表头和本页的校验码，不要增删行列；填好后保存为 .xlsx 文件交回工作人员。",
	}
	for i, s := range steps {
		r := 6 + i
		w.str(cellName(1, r), strconv.Itoa(i+1), st.center)
		w.str(cellName(2, r), s, st.wrap)
		_ = f.SetRowHeight(sh, r, float64(18*max(1, (len([]rune(s))+39)/40)))
	}
	_ = f.SetColWidth(sh, "A", "A", 12)
	_ = f.SetColWidth(sh, "B", "B", 80)
	if w.err != nil {
		return w.err
	}
	if err := printSetup(f, sh, false, 0); err != nil {
		return err
	}
	return f.ProtectSheet(sh, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true})
}

func scoreGrid(f *excelize.File, st *styles, b *dossier.Book, e *dossier.Evaluator) error {
	sh := SheetScores
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	nc := len(b.Categories)
	totalCol, commentCol, noteCol := 3+nc, 4+nc, 5+nc
	w := newCellWriter(f, sh)
	headers := []string{LabelCode, LabelName}
	for _, c := range b.Categories {
		headers = append(headers, c.Header())
	}
	headers = append(headers, HeaderTotal, HeaderComment, headerScoreNote)
	for i, h := range headers {
		w.str(cellName(i+1, 1), h, st.header)
	}
	scores := map[[2]string]dossier.Tenths{}
	for _, s := range b.Scores {
		if s.EvaluatorID == e.ID {
			scores[[2]string{s.UnitID, s.CategoryID}] = s.Value
		}
	}
	comments := map[string]string{}
	for _, c := range b.Comments {
		if c.EvaluatorID == e.ID {
			comments[c.UnitID] = c.Text
		}
	}
	r := 1
	for i := range b.Units {
		u := &b.Units[i]
		if u.Status == dossier.StatusWithdrawn {
			continue
		}
		r++
		_ = f.SetRowHeight(sh, r, 24)
		conflict := b.Conflict(e, u)
		text, score := st.lockedText, st.score
		if conflict != "" {
			text, score = st.conflictText, st.scoreConflict
		}
		w.str(cellName(1, r), cleanText(u.Code), text)
		w.str(cellName(2, r), cleanText(u.Name), text)
		var sum dossier.Tenths
		given := 0
		for j, c := range b.Categories {
			cell := cellName(3+j, r)
			if v, ok := scores[[2]string{u.ID, c.ID}]; ok && conflict == "" {
				w.num(cell, v.Float(), score)
				sum += v
				given++
			} else {
				w.style(cell, score)
			}
		}
		if conflict != "" {
			w.style(cellName(totalCol, r), st.scoreConflict)
			w.style(cellName(commentCol, r), st.conflictText)
			w.str(cellName(noteCol, r), "回避："+cleanText(conflict), st.conflictText)
			continue
		}
		if nc > 0 {
			// The sum is also written as the formula's cached value, so
			// that viewers that do not recalculate (previews, phones)
			// show it; the formula keeps it current as scores are typed.
			if given > 0 && w.err == nil {
				w.err = f.SetCellFloat(sh, cellName(totalCol, r), sum.Float(), -1, 64)
			}
			if w.err == nil {
				w.err = f.SetCellFormula(sh, cellName(totalCol, r), fmt.Sprintf("IF(COUNT(%s:%s)=0,\"\",SUM(%s:%s))",
					cellName(3, r), cellName(2+nc, r), cellName(3, r), cellName(2+nc, r)))
			}
			w.style(cellName(totalCol, r), st.totalFormula)
		}
		if c, ok := comments[u.ID]; ok {
			w.str(cellName(commentCol, r), cleanText(c), st.unlockedText)
		} else {
			w.style(cellName(commentCol, r), st.unlockedText)
		}
		w.style(cellName(noteCol, r), st.lockedText)
	}
	if w.err != nil {
		return w.err
	}
	_ = f.SetColWidth(sh, "A", "A", 14)
	_ = f.SetColWidth(sh, "B", "B", 30)
	if nc > 0 {
		_ = f.SetColWidth(sh, cellCol(3), cellCol(2+nc), 15)
	}
	_ = f.SetColWidth(sh, cellCol(totalCol), cellCol(totalCol), 9)
	_ = f.SetColWidth(sh, cellCol(commentCol), cellCol(commentCol), 40)
	_ = f.SetColWidth(sh, cellCol(noteCol), cellCol(noteCol), 46)
	_ = f.SetRowHeight(sh, 1, 32)
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2", ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: "C2", ActiveCell: "C2", Pane: "bottomRight"}}}); err != nil {
		return err
	}
	if r > 1 {
		for j, c := range b.Categories {
			dv := excelize.NewDataValidation(true)
			dv.Sqref = fmt.Sprintf("%s2:%s%d", cellCol(3+j), cellCol(3+j), r)
			if err := dv.SetRange(0, c.Max.Float(), excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
				return err
			}
			msg := fmt.Sprintf("请填写 0 到 %s 之间的分数，最多一位小数。", c.Max.Short())
			dv.SetError(excelize.DataValidationErrorStyleStop, c.Name, msg)
			dv.SetInput(c.Name, msg+"不评分请留空。")
			if err := f.AddDataValidation(sh, dv); err != nil {
				return err
			}
		}
	}
	if err := printSetup(f, sh, true, 1); err != nil {
		return err
	}
	return f.ProtectSheet(sh, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true})
}

func cellCol(col int) string {
	n, _ := excelize.ColumnNumberToName(col)
	return n
}

// scoreHeaderRE splits a category header: name, then its maximum in half-
// or full-width brackets.
var scoreHeaderRE = regexp.MustCompile(`^(.*?)\s*[(（]\s*([0-9０-９.．]+)\s*(?:分)?\s*[)）]$`)

// ReadScoreSheet reads an evaluator's score workbook back. It reads the
// evaluator's name, the campaign title and the 校验码 as they stand (the
// store checks them), and every filled score cell. Category columns are
// matched by the category name in their header, with its maximum in half-
// or full-width brackets or without it; 合计 is ignored; a blank cell is
// absent. The workbook is taken whole or not at all: a score out of range,
// with more than one decimal or unreadable, a formula in a score cell, an
// unknown or repeated 申报编号 all give a *FileError naming every such cell.
func ReadScoreSheet(path string, b *dossier.Book) (*dossier.ScoreSheet, error) {
	data, fe := readFile(path)
	if fe != nil {
		return nil, fe
	}
	return readScoreSheet(path, bytes.NewReader(data), int64(len(data)), b)
}

func readScoreSheet(name string, r io.ReaderAt, size int64, b *dossier.Book) (*dossier.ScoreSheet, error) {
	a, fe := openArchive(name, r, size)
	if fe != nil {
		return nil, fe
	}
	wb, fe := openWorkbook(a)
	if fe != nil {
		return nil, fe
	}
	ps := &problems{file: name}
	sr := &subReader{b: b, wb: wb, ps: ps}
	out := &dossier.ScoreSheet{File: name}
	if si, ok := wb.sheet(SheetEvaluator); !ok {
		ps.add("", "", "缺少工作表“%s”；请使用工作人员下发的评分表，不要删除或重命名工作表", SheetEvaluator)
	} else if sh, ok := wb.readSheet(si, ps); ok {
		found := map[string]bool{}
		for i := range sh.Rows {
			row := &sh.Rows[i]
			label := normLabel(sr.text(sh, row.at(1)))
			var dst *string
			switch label {
			case LabelEvaluator:
				dst = &out.Evaluator
			case LabelCampaign:
				dst = &out.Campaign
			case LabelCheck:
				dst = &out.Check
			default:
				continue
			}
			if !found[label] {
				found[label] = true
				*dst = oneLine(sr.text(sh, row.at(2)))
			}
		}
		for _, l := range []string{LabelEvaluator, LabelCheck} {
			if !found[l] {
				ps.add(sh.Name, "", "找不到“%s”一栏（应在 A 列）；请使用工作人员下发的评分表", l)
			}
		}
	}
	if si, ok := wb.sheet(SheetScores); !ok {
		ps.add("", "", "缺少工作表“%s”；请使用工作人员下发的评分表，不要删除或重命名工作表", SheetScores)
	} else if sh, ok := wb.readSheet(si, ps); ok {
		readScores(sr, sh, out)
	}
	if fe := a.finish(); fe != nil {
		return nil, fe
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return out, nil
}

func readScores(sr *subReader, sh *sheet, out *dossier.ScoreSheet) {
	ps, b := sr.ps, sr.b
	header := 0
	codeCol, commentCol := 0, 0
	cats := map[int]*dossier.Category{}
	for i := range sh.Rows {
		r := &sh.Rows[i]
		if r.N > 20 {
			break
		}
		cols := map[string]int{}
		for j := range r.Cells {
			cols[normHeader(r.Cells[j].String())] = r.Cells[j].Col
		}
		if cols[LabelCode] == 0 || cols[LabelName] == 0 {
			continue
		}
		header, codeCol, commentCol = r.N, cols[LabelCode], cols[HeaderComment]
		seen := map[string]string{}
		for j := range r.Cells {
			c := &r.Cells[j]
			h := normHeader(c.String())
			name, hasMax := h, false
			if m := scoreHeaderRE.FindStringSubmatch(h); m != nil {
				name, hasMax = m[1], true
			}
			cat := b.CategoryByName(name)
			switch {
			case cat != nil && seen[cat.ID] != "":
				ps.add(sh.Name, c.Ref(), "类别“%s”有两列（%s 和 %s）；请只保留一列", cat.Name, seen[cat.ID], c.Ref())
			case cat != nil:
				seen[cat.ID] = c.Ref()
				cats[c.Col] = cat
			case hasMax:
				ps.add(sh.Name, c.Ref(), "表头“%s”不是本次评选的类别；请使用工作人员下发的评分表，不要修改表头", clipText(h, 30))
			}
		}
		break
	}
	if header == 0 {
		ps.add(sh.Name, "", "找不到表头行（应有“申报编号”“单位名称”和各类别的列）；请使用工作人员下发的评分表，不要修改表头")
		return
	}
	rows := map[string]int{}
	for i := range sh.Rows {
		r := &sh.Rows[i]
		if r.N <= header {
			continue
		}
		row := dossier.ScoreRow{Cell: ref(codeCol, r.N)}
		codeCell := r.at(codeCol)
		if codeCell != nil && codeCell.HasF {
			ps.add(sh.Name, codeCell.Ref(), "申报编号单元格含有公式；请不要修改申报编号")
			continue
		}
		row.Code = dossier.NormCode(oneLine(sr.text(sh, codeCell)))
		// A row the evaluator must avoid is ignored (with a warning, by the
		// store) whatever it holds: its cells are not judged.
		cellPS := ps
		if e, u := b.EvaluatorByName(out.Evaluator), b.UnitByCode(row.Code); e != nil && u != nil && b.Conflict(e, u) != "" {
			cellPS = &problems{file: ps.file}
		}
		for j := range r.Cells {
			c := &r.Cells[j]
			cat := cats[c.Col]
			if cat == nil || c.Blank() {
				continue
			}
			row.Filled = true
			if v, ok := scoreValue(sh, c, cat, cellPS); ok {
				row.Values = append(row.Values, dossier.ScoreCell{Cell: c.Ref(), CategoryID: cat.ID, Value: v})
			}
		}
		if commentCol != 0 {
			if c := r.at(commentCol); c != nil && c.HasF {
				ps.add(sh.Name, c.Ref(), "备注单元格含有公式；请直接填写文字")
			} else if c != nil && c.Bad {
				ps.add(sh.Name, c.Ref(), "单元格中有无法识别的字符（文字编码已损坏）；请重新输入")
			} else {
				row.Comment = strings.TrimSpace(strings.ReplaceAll(sr.text(sh, c), "\r\n", "\n"))
				row.HasComment = row.Comment != ""
			}
		}
		if row.Code == "" {
			if len(row.Values) > 0 || row.HasComment {
				ps.add(sh.Name, row.Cell, "第 %d 行填写了分数或备注，但没有申报编号；请不要修改或删除申报编号", r.N)
			}
			continue
		}
		if b.UnitByCode(row.Code) == nil {
			ps.add(sh.Name, row.Cell, "申报编号“%s”不是本次评选的单位；请不要修改申报编号", clipText(row.Code, 30))
			continue
		}
		if prev, dup := rows[row.Code]; dup {
			ps.add(sh.Name, row.Cell, "申报编号“%s”出现了两次（第 %d 行和第 %d 行）；请只保留一行", row.Code, prev, r.N)
			continue
		}
		rows[row.Code] = r.N
		out.Rows = append(out.Rows, row)
	}
}

// scoreValue reads one score cell: a number cell from its raw value, text
// as typed (full-width digits, a trailing 分); at most one decimal, from 0
// to the category's maximum.
func scoreValue(sh *sheet, c *cell, cat *dossier.Category, ps *problems) (dossier.Tenths, bool) {
	rangeHint := fmt.Sprintf("“%s”的分数应在 0 到 %s 之间，最多一位小数", cat.Name, cat.Max.Short())
	switch {
	case c.HasF:
		ps.add(sh.Name, c.Ref(), "评分%s；请直接填写分数", sh.formulaNote(c))
		return 0, false
	case c.Bad:
		ps.add(sh.Name, c.Ref(), "单元格中有无法识别的字符（文字编码已损坏）；请重新输入分数")
		return 0, false
	case c.T == "e" || c.T == "b" || c.T == "d":
		ps.add(sh.Name, c.Ref(), "“%s”不是分数；%s", clipText(c.String(), 20), rangeHint)
		return 0, false
	}
	var v dossier.Tenths
	var err error
	shown := strings.TrimSpace(c.String())
	if c.IsNumber() {
		f, perr := strconv.ParseFloat(strings.TrimSpace(c.V), 64)
		if perr != nil {
			ps.add(sh.Name, c.Ref(), "“%s”不是分数；%s", clipText(shown, 20), rangeHint)
			return 0, false
		}
		shown = strconv.FormatFloat(f, 'f', -1, 64)
		v, err = dossier.TenthsFromFloat(f)
	} else {
		v, err = dossier.ParseTenths(strings.TrimSuffix(strings.TrimSpace(dossier.FoldWidth(shown)), "分"))
	}
	switch {
	case err == dossier.ErrPrecision:
		ps.add(sh.Name, c.Ref(), "“%s”超过一位小数；%s（不会自动四舍五入）", clipText(shown, 20), rangeHint)
		return 0, false
	case err != nil:
		ps.add(sh.Name, c.Ref(), "“%s”不是分数；%s", clipText(shown, 20), rangeHint)
		return 0, false
	case cat.CheckScore(v) != nil:
		ps.add(sh.Name, c.Ref(), "%s", dossier.ErrorMessage(cat.CheckScore(v)))
		return 0, false
	}
	return v, true
}
