package xlsx

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/dossier-app/dossier/dossier"
)

// Sheet names of the Excel summary.
const (
	SheetRanking    = "排名"
	SheetDetail     = "评分明细"
	SheetIndicatorT = "量化指标"
	SheetUnits      = "单位名单"
	SheetChart      = "总分图"
)

// Marks in the 拟推荐 and 并列 columns of the ranking; the recommendation
// marks are dossier.Verdict's.
var (
	MarkRecommended = dossier.VerdictRecommended.Mark()
	MarkDecision    = dossier.VerdictPending.Mark()
	MarkDecidedYes  = dossier.VerdictDecidedFor.Mark()
	MarkDecidedNo   = dossier.VerdictDecidedAgainst.Mark()
)

// MarkTie is the 并列 column's mark.
const MarkTie = "并列"

// chartUnits is the most units the chart of totals shows.
const chartUnits = 30

// RankMark is the 拟推荐 column of a standing: 拟推荐, 待评委会决定 (a tie
// group across the cut line with no decision yet), the committee's recorded
// decision, or "".
func RankMark(s *dossier.Standing) string { return s.Verdict().Mark() }

// WriteSummary writes the Excel summary of a ranking (r is dossier.Rank(b);
// nil ranks b): 排名 (rank, code, unit, region, one column per category,
// total, number of valid totals, 拟推荐, 并列, with a thick red line under
// the last recommended unit and a note), 评分明细 (every evaluator's scores
// of every unit, dropped and excluded ones marked by a status column and a
// cell style), 量化指标 (units × indicators), 单位名单 (every unit with its
// basic fields and status) and 总分图 (a bar chart of the leading totals).
// Header rows are frozen and filtered; finals have two decimals, scores
// one. Text that came from users is written as string cells, never as
// formulas. The same book gives the same cells. The large sheets are
// streamed.
func WriteSummary(w io.Writer, b *dossier.Book, r *dossier.Ranking) error {
	if r == nil {
		r = dossier.Rank(b)
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	if err := f.SetSheetName("Sheet1", SheetRanking); err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	for _, n := range []string{SheetChart, SheetDetail, SheetIndicatorT, SheetUnits} {
		if _, err := f.NewSheet(n); err != nil {
			return fmt.Errorf("summary: %w", err)
		}
	}
	s := &summary{f: f, st: st, b: b, r: r, stab: dossier.Stabilities(b, r)}
	for _, step := range []func() error{s.ranking, s.chart, s.detail, s.indicators, s.units} {
		if err := step(); err != nil {
			return fmt.Errorf("summary: %w", err)
		}
	}
	// 排名, the first sheet, is active from the start. SetActiveSheet here
	// would parse every streamed sheet back into memory.
	if err := setDocProps(f, b, "评审结果汇总"); err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	if err := writeWorkbook(f, w, s.cache, false); err != nil {
		return fmt.Errorf("summary: write: %w", err)
	}
	return nil
}

type summary struct {
	f     *excelize.File
	st    *styles
	b     *dossier.Book
	r     *dossier.Ranking
	stab  map[string]*dossier.Stability // by unit ID, for the columns after 说明
	cache *chartCache                   // the values the chart shows, cached in its part
}

// stream starts a streamed sheet with its widths, frozen panes and a
// filter over the header row hdr and the n rows below it.
func (s *summary) stream(sheet string, widths []float64, hdr, n, freezeCols int) (*excelize.StreamWriter, error) {
	last := cellName(len(widths), hdr+max(n, 1))
	if err := s.f.AutoFilter(sheet, cellName(1, hdr)+":"+last, nil); err != nil {
		return nil, err
	}
	// Before the stream starts: it writes the sheet's settings first.
	if err := printSetup(s.f, sheet, true, hdr); err != nil {
		return nil, err
	}
	sw, err := s.f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return nil, err
		}
	}
	panes := &excelize.Panes{Freeze: true, XSplit: freezeCols, YSplit: hdr, TopLeftCell: cellName(freezeCols+1, hdr+1), ActivePane: "bottomRight"}
	if freezeCols == 0 {
		panes.ActivePane = "bottomLeft"
	}
	panes.Selection = []excelize.Selection{{SQRef: panes.TopLeftCell, ActiveCell: panes.TopLeftCell, Pane: panes.ActivePane}}
	if err := sw.SetPanes(panes); err != nil {
		return nil, err
	}
	return sw, nil
}

// strCell is a string cell (a styled blank for ""): user text as it is,
// never a formula.
func strCell(v string, style int) excelize.Cell {
	if v == "" {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{Value: cleanText(v), StyleID: style}
}

// numCell is a number cell, or an empty styled cell when ok is false.
func numCell(v any, ok bool, style int) excelize.Cell {
	if !ok {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{Value: v, StyleID: style}
}

func (s *summary) header(sw *excelize.StreamWriter, row int, titles []string) error {
	cells := make([]any, len(titles))
	for i, t := range titles {
		cells[i] = strCell(t, s.st.header)
	}
	return sw.SetRow(cellName(1, row), cells, excelize.RowOpts{Height: 30})
}

func (s *summary) ranking() error {
	r, st := s.r, s.st
	nc := len(r.Categories)
	titles := []string{"排名", LabelCode, LabelName, LabelRegion}
	widths := []float64{7, 14, 30, 16}
	for _, c := range r.Categories {
		titles = append(titles, c.Header())
		widths = append(widths, 13)
	}
	titles = append(titles, "总分(100)", "有效评分数", "拟推荐", "并列", "说明")
	widths = append(widths, 11, 11, 18, 7, 34)
	// Appended after the contract's columns, which keep their places.
	titles = append(titles, LabelRankRange, LabelStable, LabelZRank)
	widths = append(widths, 11, 10, 14)
	var full dossier.Tenths
	for _, c := range r.Categories {
		full += c.Max
	}
	titles[4+nc] = "总分(" + full.Short() + ")"
	sw, err := s.stream(SheetRanking, widths, 1, len(r.Standings), 3)
	if err != nil {
		return err
	}
	if err := s.header(sw, 1, titles); err != nil {
		return err
	}
	for i := range r.Standings {
		sd := &r.Standings[i]
		u := sd.Unit
		// 拟推荐 on the cut row is styled like every other 拟推荐: only
		// the red line under the row marks the cut.
		txt, fin, cnt := st.value, st.final, st.count
		if r.CutAfter > 0 && i == r.CutAfter-1 {
			txt, fin, cnt = st.cut, st.cutFinal, st.cutCount
		}
		row := []any{numCell(sd.Rank, sd.Rank > 0, cnt), strCell(u.Code, txt), strCell(u.Name, txt), strCell(u.Region, txt)}
		for ci := 0; ci < nc; ci++ {
			m := sd.Categories[ci]
			row = append(row, numCell(m.Float(), m.Valid() && sd.Unranked == "", fin))
		}
		row = append(row, numCell(sd.Total.Float(), sd.Total.Valid() && sd.Unranked == "", fin))
		row = append(row, numCell(sd.Explanation.Valid, true, cnt))
		row = append(row, strCell(RankMark(sd), cnt))
		tie := ""
		if sd.Tie {
			tie = MarkTie
		}
		row = append(row, strCell(tie, cnt))
		note := sd.Unranked
		if sd.Decision != nil {
			note = "评委会决定：" + sd.Decision.Reason
		}
		row = append(row, strCell(note, txt))
		row = append(row, s.stabilityCells(sd, cnt)...)
		if err := sw.SetRow(cellName(1, i+2), row); err != nil {
			return err
		}
	}
	noteRow := len(r.Standings) + 3
	if err := sw.SetRow(cellName(1, noteRow), []any{strCell(s.cutNote(), st.note)}, excelize.RowOpts{Height: 48}); err != nil {
		return err
	}
	if err := sw.MergeCell(cellName(1, noteRow), cellName(len(titles), noteRow)); err != nil {
		return err
	}
	return sw.Flush()
}

// cutNote explains the cut line under the ranking.
func (s *summary) cutNote() string {
	r := s.r
	var parts []string
	switch {
	case r.Quota <= 0:
		parts = append(parts, "注：未设拟表彰名额，未标注拟推荐单位。")
	case r.CutAfter > 0:
		parts = append(parts, fmt.Sprintf("注：红色粗线以上 %d 个单位为拟推荐单位（拟表彰名额 %d 个）。", r.RecommendedCount(), r.Quota))
		if len(r.Caps) > 0 {
			parts = append(parts, "推荐名额限制："+strings.Join(r.Caps, "；")+"；线上标“受名额限制”的单位未列入。")
		}
	default:
		parts = append(parts, fmt.Sprintf("注：拟表彰名额 %d 个，暂无按规则拟推荐的单位。", r.Quota))
	}
	// Only the ties still waiting are counted as waiting: one decided
	// already is said to be decided.
	pending, decided := 0, 0
	for i := range r.Standings {
		if st := &r.Standings[i]; st.NeedsDecision {
			if st.Decision == nil {
				pending++
			} else {
				decided++
			}
		}
	}
	if pending > 0 {
		parts = append(parts, fmt.Sprintf("红线下标注“%s”的 %d 个单位得分并列且跨越名额线，须由评委会决定，决定前不列入公示名单。", MarkDecision, pending))
	}
	if decided > 0 {
		parts = append(parts, fmt.Sprintf("%d 个并列跨越名额线的单位已由评委会决定（见拟推荐栏）。", decided))
	}
	rule := fmt.Sprintf("有效评分达到 %d 份时去掉一个最高分和一个最低分后取平均；", r.TrimMin)
	parts = append(parts, rule+"各项得分保留两位小数（四舍五入），排名按未舍入的得分计算。")
	parts = append(parts, stabilityNote)
	return strings.Join(parts, "")
}

func (s *summary) chart() error {
	f, r := s.f, s.r
	n := 0
	for n < len(r.Standings) && n < chartUnits && r.Standings[n].Rank > 0 {
		n++
	}
	title := fmt.Sprintf("总分（排名前 %d 的单位）", n)
	if err := f.SetCellStr(SheetChart, "A1", title); err != nil {
		return err
	}
	if err := f.SetCellStyle(SheetChart, "A1", "A1", s.st.heading); err != nil {
		return err
	}
	if err := printSetup(f, SheetChart, true, 0); err != nil {
		return err
	}
	if n == 0 {
		return f.SetCellStr(SheetChart, "A2", "暂无可排名的单位。")
	}
	totalCol := cellCol(5 + len(r.Categories))
	var full dossier.Tenths
	for _, c := range r.Categories {
		full += c.Max
	}
	s.cache = &chartCache{Name: "总分(" + full.Short() + ")", Format: "0.00"}
	for i := 0; i < n; i++ {
		sd := &r.Standings[i]
		s.cache.Categories = append(s.cache.Categories, cleanText(sd.Unit.Name))
		s.cache.Values = append(s.cache.Values, sd.Total.Float())
	}
	gap, zero := uint(40), 0.0 // bars start at 0: a cut axis exaggerates gaps
	return f.AddChart(SheetChart, "A3", &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name:       fmt.Sprintf("'%s'!$%s$1", SheetRanking, totalCol),
			Categories: fmt.Sprintf("'%s'!$C$2:$C$%d", SheetRanking, n+1),
			Values:     fmt.Sprintf("'%s'!$%s$2:$%s$%d", SheetRanking, totalCol, totalCol, n+1),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}},
		}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Family: fontFamily, Size: 14, Bold: true}}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: excelize.Font{Family: fontFamily, Size: 10, Color: "404040"}},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Minimum: &zero, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0"}, Font: excelize.Font{Family: fontFamily, Size: 10, Color: "404040"}},
		Dimension: excelize.ChartDimension{Width: 900, Height: uint(120 + 26*n)},
		GapWidth:  &gap,
	})
}

func (s *summary) detail() error {
	r, st := s.r, s.st
	nc := len(r.Categories)
	titles := []string{LabelCode, LabelName, "评委"}
	widths := []float64{14, 30, 12}
	for _, c := range r.Categories {
		titles = append(titles, c.Header())
		widths = append(widths, 13)
	}
	titles = append(titles, HeaderTotal, "状态", "原因", HeaderComment)
	widths = append(widths, 9, 12, 36, 40)
	rows := 0
	for i := range r.Standings {
		rows += len(r.Standings[i].Explanation.Lines)
	}
	sw, err := s.stream(SheetDetail, widths, 1, rows, 3)
	if err != nil {
		return err
	}
	if err := s.header(sw, 1, titles); err != nil {
		return err
	}
	n := 1
	row := make([]any, 0, len(titles))
	for i := range r.Standings {
		sd := &r.Standings[i]
		for _, ln := range sd.Explanation.Lines {
			txt, sc := st.value, st.scoreShow
			switch ln.Status {
			case dossier.DroppedHigh, dossier.DroppedLow:
				txt, sc = st.droppedText, st.dropped
			case dossier.ExcludedConflict, dossier.ExcludedIncomplete:
				txt, sc = st.excludedText, st.excluded
			}
			row = append(row[:0], strCell(sd.Unit.Code, txt), strCell(sd.Unit.Name, txt), strCell(ln.Evaluator.Name, txt))
			given := false
			for ci := 0; ci < nc; ci++ {
				has := ci < len(ln.Has) && ln.Has[ci]
				given = given || has
				v := 0.0
				if has {
					v = ln.Scores[ci].Float()
				}
				row = append(row, numCell(v, has, sc))
			}
			row = append(row, numCell(ln.Total.Float(), given, sc), strCell(ln.Status.Short(), txt), strCell(ln.Reason, txt), strCell(ln.Comment, txt))
			n++
			if err := sw.SetRow(cellName(1, n), row); err != nil {
				return err
			}
		}
	}
	return sw.Flush()
}

func (s *summary) indicators() error {
	b, st := s.b, s.st
	var inds []dossier.Indicator
	titles := []string{LabelCode, LabelName}
	widths := []float64{14, 30}
	for _, c := range b.Categories {
		for _, ind := range c.Indicators {
			inds = append(inds, ind)
			h := ind.Name
			if ind.Unit != "" {
				h += "（" + ind.Unit + "）"
			}
			titles = append(titles, h)
			widths = append(widths, 14)
		}
	}
	sw, err := s.stream(SheetIndicatorT, widths, 2, len(b.Units), 2)
	if err != nil {
		return err
	}
	top := make([]any, len(titles))
	top[0], top[1] = strCell(LabelCode, st.header), strCell(LabelName, st.header)
	col := 3
	for _, c := range b.Categories {
		if len(c.Indicators) == 0 {
			continue
		}
		top[col-1] = strCell(c.Name, st.header)
		for k := 1; k < len(c.Indicators); k++ {
			top[col-1+k] = strCell("", st.header)
		}
		col += len(c.Indicators)
	}
	if err := sw.SetRow("A1", top, excelize.RowOpts{Height: 22}); err != nil {
		return err
	}
	second := make([]any, len(titles))
	second[0], second[1] = strCell("", st.header), strCell("", st.header)
	for i := 2; i < len(titles); i++ {
		second[i] = strCell(titles[i], st.header)
	}
	if err := sw.SetRow("A2", second, excelize.RowOpts{Height: 36}); err != nil {
		return err
	}
	index := make(map[string]int, len(inds))
	for i, ind := range inds {
		index[ind.ID] = i
	}
	row := make([]any, len(titles))
	for i := range b.Units {
		u := &b.Units[i]
		row[0], row[1] = strCell(u.Code, st.value), strCell(u.Name, st.value)
		for k := range inds {
			row[2+k] = excelize.Cell{StyleID: st.value}
		}
		for _, v := range u.Values {
			if k, ok := index[v.IndicatorID]; ok && !v.NoValue {
				row[2+k] = excelize.Cell{Value: v.Value, StyleID: st.value}
			}
		}
		if err := sw.SetRow(cellName(1, i+3), row); err != nil {
			return err
		}
	}
	if err := sw.MergeCell("A1", "A2"); err != nil {
		return err
	}
	if err := sw.MergeCell("B1", "B2"); err != nil {
		return err
	}
	col = 3
	for _, c := range b.Categories {
		if n := len(c.Indicators); n > 1 {
			if err := sw.MergeCell(cellName(col, 1), cellName(col+n-1, 1)); err != nil {
				return err
			}
		}
		col += len(c.Indicators)
	}
	return sw.Flush()
}

func (s *summary) units() error {
	b, st := s.b, s.st
	titles := append(append([]string{}, basicLabels...), "状态", "版本", "事迹节数", "量化指标数", "图片数")
	widths := []float64{14, 30, 16, 16, 22, 10, 16, 40, 60, 10, 7, 9, 11, 8}
	sw, err := s.stream(SheetUnits, widths, 1, len(b.Units), 2)
	if err != nil {
		return err
	}
	if err := s.header(sw, 1, titles); err != nil {
		return err
	}
	for i := range b.Units {
		u := &b.Units[i]
		// Long text wraps: a streamed row does not grow by itself, so
		// its height is set from the longest wrapped cell.
		lines := 1
		wrapped := func(v string, col int) excelize.Cell {
			lines = max(lines, wrappedLines(v, widths[col]))
			return strCell(v, st.valueWrap)
		}
		row := []any{
			strCell(u.Code, st.value), wrapped(u.Name, 1), strCell(u.Region, st.value), strCell(u.Kind, st.value),
			wrapped(u.Recommender, 4), strCell(u.Contact, st.value), strCell(u.Phone, st.value), wrapped(u.Title, 7),
			wrapped(u.Summary, 8), strCell(string(u.Status), st.value), numCell(u.Revision, true, st.count),
			numCell(len(u.Achievements), true, st.count), numCell(len(u.Values), true, st.count), numCell(len(u.Photos), true, st.count),
		}
		if err := sw.SetRow(cellName(1, i+2), row, excelize.RowOpts{Height: min(maxRowHeight, max(20, 15*float64(lines)+4))}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// maxRowHeight is the tallest row Excel allows, in points.
const maxRowHeight = 409

// wrappedLines estimates how many lines text takes in a column width
// characters wide (a CJK character is two wide, as Excel counts).
func wrappedLines(text string, width float64) int {
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		w := 0.0
		for _, r := range para {
			if r < 0x1100 {
				w++
			} else {
				w += 2
			}
		}
		lines += max(1, int(math.Ceil(w/math.Max(1, width-1))))
	}
	return lines
}
