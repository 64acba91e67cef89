package ui

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/ops"
)

// rankingTab shows the ranking with its cut line and, for the selected
// unit, how its score came about: every evaluator's scores, what was
// excluded and why, what was dropped as highest and lowest, the arithmetic,
// and for a tie across the cut line the committee's decision.
type rankingTab struct {
	s    *session
	view fyne.CanvasObject

	book  *dossier.Book
	rank  *dossier.Ranking
	selID string
	// maxValid is the most valid totals any ranked unit has.
	maxValid int

	summary *zhLabel
	flags   *zhLabel       // what needs the committee's attention
	review  *widget.Button // to the 复核 screen, with the count of flags
	// stab is every unit's rank stability and normalised place, by unit ID.
	stab    map[string]*dossier.Stability
	table   *widget.Table
	explain *fyne.Container
}

// Fixed columns of the ranking table; category columns follow colRegion.
// The columns a committee reads (name, total, valid totals, result) come
// first, so that they stay in view at 1024 px; the per-category figures
// scroll beside them.
const (
	colRank = iota
	colCode
	colName
	colTotal
	colValid
	colResult
	colRegion
	colFirstCategory
)

func newRankingTab(s *session) *rankingTab {
	t := &rankingTab{s: s}
	t.summary = newZhLabel("")
	t.table = widget.NewTableWithHeaders(
		func() (int, int) {
			if t.rank == nil {
				return 0, 0
			}
			return len(t.rank.Standings), t.columns()
		},
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			line := canvas.NewRectangle(colSeal)
			line.SetMinSize(fyne.NewSize(0, 2))
			return container.NewStack(canvas.NewRectangle(nil), container.NewBorder(nil, line, nil, nil, l))
		},
		t.updateCell)
	t.table.ShowHeaderColumn = false
	t.table.StickyColumnCount = colResult + 1
	t.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(t.header(id.Col))
	}
	t.table.OnSelected = func(id widget.TableCellID) {
		if t.rank != nil && id.Row >= 0 && id.Row < len(t.rank.Standings) {
			t.selID = t.rank.Standings[id.Row].Unit.ID
			t.showExplanation()
			t.table.Refresh()
		}
		t.table.UnselectAll()
	}
	t.explain = container.NewStack(muted("在上方表格中选择一个单位，查看其得分的由来。"))
	t.flags = newZhLabel("")
	t.flags.Importance = widget.WarningImportance
	t.flags.Hide()
	t.review = widget.NewButtonWithIcon("复核标记", theme.WarningIcon(), func() { t.s.show(ScreenReview) })
	// Beside the summary line, so that the table keeps its height.
	head := container.NewBorder(nil, nil, nil, container.NewVBox(t.review), t.summary)
	top := container.NewBorder(container.NewVBox(head, t.flags), nil, nil, nil, fastTable(t.table))
	split := container.NewVSplit(top, container.NewPadded(t.explain))
	split.Offset = 0.46
	t.view = split
	return t
}

func (t *rankingTab) content() fyne.CanvasObject { return t.view }

func (t *rankingTab) columns() int {
	return colFirstCategory + len(t.rank.Categories)
}

func (t *rankingTab) header(col int) string {
	if t.rank == nil {
		return ""
	}
	nc := len(t.rank.Categories)
	switch {
	case col == colRank:
		return "名次"
	case col == colCode:
		return "申报编号"
	case col == colName:
		return "单位名称"
	case col == colRegion:
		return "所属地区"
	case col == colTotal:
		return "总分"
	case col == colValid:
		return "有效评分"
	case col == colResult:
		return "结果"
	case col < colFirstCategory+nc:
		return t.rank.Categories[col-colFirstCategory].Name
	}
	return ""
}

// cellText is what the ranking table shows at row, col.
func (t *rankingTab) cellText(row, col int) string {
	st := &t.rank.Standings[row]
	nc := len(t.rank.Categories)
	switch {
	case col == colRank:
		if st.Rank == 0 {
			return "—"
		}
		if st.Tie {
			return strconv.Itoa(st.Rank) + " 并列"
		}
		return strconv.Itoa(st.Rank)
	case col == colCode:
		return st.Unit.Code
	case col == colName:
		return st.Unit.Name
	case col == colRegion:
		return st.Unit.Region
	case col == colTotal:
		return st.Total.String()
	case col == colValid:
		if few := t.fewValid(st); few {
			return fmt.Sprintf("%d 份 ⚠", st.Explanation.Valid)
		}
		return fmt.Sprintf("%d 份", st.Explanation.Valid)
	case col == colResult:
		return resultText(st)
	case col < colFirstCategory+nc:
		return st.Categories[col-colFirstCategory].String()
	}
	return ""
}

// resultText says where a unit stands against the quota; an unranked unit
// shows why it is not ranked.
func resultText(st *dossier.Standing) string {
	if st.Unranked != "" {
		return st.Unranked
	}
	return st.Verdict().Label()
}

func (t *rankingTab) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	bg := c.Objects[0].(*canvas.Rectangle)
	inner := c.Objects[1].(*fyne.Container)
	l := inner.Objects[0].(*widget.Label)
	line := inner.Objects[1].(*canvas.Rectangle)
	if t.rank == nil || id.Row >= len(t.rank.Standings) {
		return
	}
	st := &t.rank.Standings[id.Row]
	text := t.cellText(id.Row, id.Col)
	imp := widget.MediumImportance
	bold := false
	switch {
	case st.Unranked != "":
		imp = widget.LowImportance
	case id.Col == colResult && st.NeedsDecision:
		imp = widget.WarningImportance
		bold = true
	case id.Col == colResult && st.Recommended:
		imp = widget.HighImportance
		bold = true
	case id.Col == colValid && t.fewValid(st):
		imp = widget.WarningImportance
	case id.Col == colTotal:
		bold = true
	}
	if l.Text != text || l.Importance != imp || l.TextStyle.Bold != bold {
		l.Text, l.Importance, l.TextStyle.Bold = text, imp, bold
		l.Refresh()
	}
	var fill = theme.Color(theme.ColorNameBackground)
	switch {
	case st.Unit.ID == t.selID:
		fill = colSealSoft
	case st.NeedsDecision:
		fill = colWarnSoft
	case st.Recommended:
		fill = colPaper
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	// The cut line runs under the last unit above it; where a tie group
	// straddles it (even at rank 1, with nobody above), a line in the
	// warning colour runs under the group, which the committee decides.
	if c := t.cutLine(id.Row); c != nil {
		line.FillColor = c
		line.Show()
	} else {
		line.Hide()
	}
	line.Refresh()
}

// cutLine is the colour of the line drawn under row, or nil for none.
func (t *rankingTab) cutLine(row int) color.Color {
	ss := t.rank.Standings
	switch {
	case t.rank.CutAfter > 0 && row == t.rank.CutAfter-1:
		return colSeal
	case ss[row].NeedsDecision && (row+1 == len(ss) || !ss[row+1].NeedsDecision):
		return colWarning
	}
	return nil
}

// columnWidth is the width of one of the fixed columns.
func (t *rankingTab) columnWidth(col int) float32 {
	return map[int]float32{colRank: 64, colCode: 96, colName: 220, colTotal: 72, colValid: 84, colResult: 168, colRegion: 104}[col]
}

// fewValid reports a ranked unit whose valid totals are fewer than the
// trimming threshold while another ranked unit reaches it: its figure
// rests on fewer evaluators than its neighbours'.
func (t *rankingTab) fewValid(st *dossier.Standing) bool {
	return st.Unranked == "" && st.Explanation.Valid < t.rank.TrimMin && t.maxValid >= t.rank.TrimMin
}

func (t *rankingTab) refresh() {
	if err := ops.MayRank(t.s.ctx, t.s.store); err != nil {
		// An evaluator's login on a server sees no ranking before scoring
		// closes: what it may read (its own scores) would rank wrongly.
		t.book, t.rank = &dossier.Book{}, &dossier.Ranking{}
		t.selID = ""
		t.summary.SetText(dossier.ErrorMessage(err))
		t.flags.Hide()
		t.table.Refresh()
		return
	}
	b, r, err := t.s.store.Rank(t.s.ctx)
	if err != nil {
		t.s.a.alert("无法计算排名", dossier.ErrorMessage(err))
		return
	}
	t.book, t.rank = b, r
	t.maxValid = 0
	for _, st := range r.Standings {
		if st.Unranked == "" {
			t.maxValid = max(t.maxValid, st.Explanation.Valid)
		}
	}
	for i := range r.Categories {
		t.table.SetColumnWidth(colFirstCategory+i, 106)
	}
	for col := colRank; col <= colRegion; col++ {
		t.table.SetColumnWidth(col, t.columnWidth(col))
	}
	if t.selID == "" && len(r.Standings) > 0 {
		t.selID = r.Standings[0].Unit.ID
	}
	t.summary.SetText(rankingSummary(r))
	if f := t.attention(); f != "" {
		t.flags.SetText(f)
		t.flags.Show()
	} else {
		t.flags.Hide()
	}
	t.showReviewCount(b, r)
	t.table.Refresh()
	t.showExplanation()
}

// stabilityFacts are what the explanation's fact line says of a unit's
// stability: its leave-one-out rank range, whether its recommendation
// holds without any one evaluator, and its normalised place (for
// information only).
func stabilityFacts(st *dossier.Stability) []string {
	if st == nil || st.RangeText() == "" {
		return nil
	}
	out := []string{"名次范围 " + st.RangeText()}
	if !st.Stable {
		out = append(out, "推荐不稳")
	}
	if st.ZRank > 0 {
		out = append(out, fmt.Sprintf("标准化名次 %d（仅供参考）", st.ZRank))
	}
	return out
}

// showReviewCount puts the number of 复核 flags, and of those still to
// review, on the button to the 复核 screen: red while any is unresolved.
func (t *rankingTab) showReviewCount(b *dossier.Book, r *dossier.Ranking) {
	t.stab = dossier.Stabilities(b, r)
	flags, err := t.s.reviewFlagsWith(b, r, t.stab)
	if err != nil {
		t.review.SetText("复核标记")
		return
	}
	open := 0
	for _, f := range flags {
		if f.Resolved == nil {
			open++
		}
	}
	switch {
	case open > 0:
		t.review.SetText(fmt.Sprintf("复核标记 %d 项，%d 项未复核：去复核", len(flags), open))
		t.review.Importance = widget.DangerImportance
	case len(flags) > 0:
		t.review.SetText(fmt.Sprintf("复核标记 %d 项，均已复核", len(flags)))
		t.review.Importance = widget.LowImportance
	default:
		t.review.SetText("复核：未发现需要复核的情形")
		t.review.Importance = widget.LowImportance
	}
	t.review.Refresh()
}

// tieWhere says what the ties needing a decision straddle: the cut line,
// a declared quota cap (推荐名额限制), or some of each, so a clerk looking
// for the red line is not sent to the wrong place when a cap is the cause.
func tieWhere(capTies, all int) string {
	switch capTies {
	case 0:
		return "跨越名额线"
	case all:
		return "受推荐名额限制"
	}
	return "跨越名额线或受推荐名额限制"
}

// rankingSummary is the line above the table: quota, how many are
// recommended, ties across the cut line.
func rankingSummary(r *dossier.Ranking) string {
	var ranked, decide, pending, unranked, capTies int
	for _, st := range r.Standings {
		switch {
		case st.Unranked != "":
			unranked++
		default:
			ranked++
		}
		if st.NeedsDecision {
			decide++
			if st.CapTie != "" {
				capTies++
			}
			if st.Decision == nil {
				pending++
			}
		}
	}
	listed := 0
	for _, st := range r.Standings {
		if st.Listed() {
			listed++
		}
	}
	rec := fmt.Sprintf("拟推荐 %d 个", listed)
	if above := r.RecommendedCount(); listed != above {
		rec += fmt.Sprintf("（红线以上 %d 个，评委会决定推荐 %d 个）", above, listed-above)
	} else {
		rec += "（红线以上）"
	}
	parts := []string{fmt.Sprintf("拟表彰名额 %d 个，参与排名 %d 个单位，%s", r.Quota, ranked, rec)}
	if decide > 0 {
		parts = append(parts, fmt.Sprintf("%d 个单位总分并列且%s，需评委会决定（尚待决定 %d 个）", decide, tieWhere(capTies, decide), pending))
	}
	if unranked > 0 {
		parts = append(parts, fmt.Sprintf("%d 个单位不参与排名", unranked))
	}
	parts = append(parts, fmt.Sprintf("有效总分达到 %d 份时去掉一个最高分和一个最低分", r.TrimMin))
	if len(r.Caps) > 0 {
		skipped := 0
		for _, st := range r.Standings {
			if st.SkippedBy != "" {
				skipped++
			}
		}
		parts = append(parts, fmt.Sprintf("推荐名额限制：%s（%d 个单位因此未列入）", strings.Join(r.Caps, "、"), skipped))
	}
	for _, u := range r.Unmet {
		parts = append(parts, strings.TrimSuffix(u, "。"))
	}
	return strings.Join(parts, "；") + "。"
}

func (t *rankingTab) selected() *dossier.Standing {
	if t.rank == nil {
		return nil
	}
	for i := range t.rank.Standings {
		if t.rank.Standings[i].Unit.ID == t.selID {
			return &t.rank.Standings[i]
		}
	}
	return nil
}

// showExplanation fills the lower panel for the selected unit.
func (t *rankingTab) showExplanation() {
	st := t.selected()
	if st == nil {
		t.explain.Objects = []fyne.CanvasObject{container.NewCenter(fixedWidth(360, muted("在上方表格中选择一个单位，查看其得分的由来。")))}
		t.explain.Refresh()
		return
	}
	title := heading(fmt.Sprintf("%s（%s）", st.Unit.Name, st.Unit.Code))
	var facts []string
	if st.Rank > 0 {
		r := fmt.Sprintf("名次 %d", st.Rank)
		if st.Tie {
			r += "（并列）"
		}
		facts = append(facts, r)
	}
	facts = append(facts, "总分 "+st.Total.String())
	if res := resultText(st); res != "" {
		facts = append(facts, res)
	}
	facts = append(facts, stabilityFacts(t.stab[st.Unit.ID])...)
	factLbl := widget.NewLabel(strings.Join(facts, " · "))
	factLbl.Truncation = fyne.TextTruncateEllipsis

	lines := st.Explanation.Lines
	cats := t.rank.Categories
	nc := len(cats)
	grid := widget.NewTableWithHeaders(
		func() (int, int) { return len(lines), nc + 4 },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			ln := lines[id.Row]
			imp := widget.MediumImportance
			if !ln.Status.Valid() {
				imp = widget.LowImportance
			} else if ln.Status != dossier.Kept {
				imp = widget.WarningImportance
			}
			var text string
			switch {
			case id.Col == 0:
				text = ln.Evaluator.Name
			case id.Col <= nc:
				text = "—"
				if ln.Has[id.Col-1] {
					text = ln.Scores[id.Col-1].String()
				}
			case id.Col == nc+1:
				text = "—" // no score given: not a total of 0.0
				for _, h := range ln.Has {
					if h {
						text = ln.Total.String()
						break
					}
				}
			case id.Col == nc+2:
				text = ln.Status.Label()
			default:
				text = ln.Reason
				if ln.Comment != "" {
					text = strings.TrimSpace(text + " 评语：" + ln.Comment)
				}
			}
			l.Text, l.Importance = text, imp
			l.Refresh()
		})
	grid.ShowHeaderColumn = false
	grid.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	grid.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		var text string
		switch {
		case id.Col == 0:
			text = "评委"
		case id.Col <= nc:
			text = cats[id.Col-1].Name
		case id.Col == nc+1:
			text = "合计"
		case id.Col == nc+2:
			text = "处理"
		default:
			text = "说明"
		}
		o.(*widget.Label).SetText(text)
	}
	grid.SetColumnWidth(0, 116)
	for i := 1; i <= nc; i++ {
		grid.SetColumnWidth(i, 104)
	}
	grid.SetColumnWidth(nc+1, 64)
	grid.SetColumnWidth(nc+2, 100)
	grid.SetColumnWidth(nc+3, 420)

	steps := container.NewVBox()
	if st.NeedsDecision {
		// First, so that the buttons are in view without scrolling.
		steps.Add(t.decisionBox(st))
		steps.Add(widget.NewSeparator())
	}
	steps.Add(boldLabel("计算过程"))
	for i, s := range st.Explanation.Steps {
		steps.Add(wrapped(fmt.Sprintf("%d. %s", i+1, s)))
	}
	body := container.NewHSplit(grid, newVScroll(steps))
	body.Offset = 0.68
	t.explain.Objects = []fyne.CanvasObject{container.NewBorder(container.NewBorder(nil, nil, title, nil, factLbl), nil, nil, nil, body)}
	t.explain.Refresh()
}

// decisionBox records the committee's decision on a tie across the cut line.
func (t *rankingTab) decisionBox(st *dossier.Standing) fyne.CanvasObject {
	msg := "该单位与其他单位总分并列，并列组跨越名额线，按规则不自动推荐，需评委会决定。决定记录前不列入公示名单。"
	if st.CapTie != "" {
		msg = "该单位与其他单位总分并列，受“" + st.CapTie + "”所限不能都列入拟推荐名单，按规则不自动推荐，需评委会决定。决定记录前不列入公示名单。"
	}
	state := "尚未记录评委会决定。"
	if d := st.Decision; d != nil {
		verdict := "不推荐"
		if d.Recommended {
			verdict = "推荐"
		}
		state = "评委会已决定：" + verdict + "。依据：" + d.Reason
	}
	code := st.Unit.Code
	yes := widget.NewButtonWithIcon("记录决定：推荐", theme.ConfirmIcon(), func() {
		t.s.a.ask("评委会决定：推荐", "记录评委会推荐 "+st.Unit.Name+" 的决定。", "决定的依据，例如：2022年3月15日评委会表决通过", func(reason string) {
			t.decide(code, true, reason)
		})
	})
	no := widget.NewButtonWithIcon("记录决定：不推荐", theme.CancelIcon(), func() {
		t.s.a.ask("评委会决定：不推荐", "记录评委会不推荐 "+st.Unit.Name+" 的决定。", "决定的依据", func(reason string) {
			t.decide(code, false, reason)
		})
	})
	stateLbl := wrapped(state)
	stateLbl.TextStyle.Bold = true
	return container.NewVBox(wrapped(msg), stateLbl, container.NewHBox(yes, no))
}

// decide records the committee's decision and shows the new ranking.
func (t *rankingTab) decide(code string, recommended bool, reason string) {
	if err := t.s.store.SetDecision(t.s.ctx, code, recommended, reason); err != nil {
		t.s.a.alert("未能记录决定", dossier.ErrorMessage(err))
		return
	}
	t.s.note("已记录评委会决定：" + code)
	t.refresh()
}

// attention lists what the committee should look at before trusting the
// ranking: no quota set, units ranked on fewer valid totals than others,
// ties still waiting for a decision.
func (t *rankingTab) attention() string {
	r := t.rank
	var out []string
	if r.Quota == 0 {
		out = append(out, "尚未设置拟表彰名额，因此没有单位拟推荐：请在“评选设置”中填写拟表彰名额。")
	}
	var few []string
	for i := range r.Standings {
		if st := &r.Standings[i]; t.fewValid(st) {
			few = append(few, fmt.Sprintf("%s（%d 份）", st.Unit.Name, st.Explanation.Valid))
		}
	}
	if len(few) > 0 {
		shown := few
		if len(shown) > 3 {
			shown = shown[:3]
		}
		msg := fmt.Sprintf("%d 个单位的有效评分少于 %d 份，而其他单位有 %d 份：%s", len(few), r.TrimMin, t.maxValid, strings.Join(shown, "、"))
		if len(few) > 3 {
			msg += "等"
		}
		msg += fmt.Sprintf("。这些得分只由少数评委给出，与其他单位不完全可比；请补齐评分，或在“评选设置”中设定参与排名所需的最少有效评分（当前为 %d 份）。", r.MinValid)
		out = append(out, msg)
	}
	pending, capTies := 0, 0
	for _, st := range r.Standings {
		if st.Verdict() == dossier.VerdictPending {
			pending++
			if st.CapTie != "" {
				capTies++
			}
		}
	}
	if pending > 0 {
		out = append(out, fmt.Sprintf("%d 个并列%s的单位尚待评委会决定，决定前不列入公示名单。", pending, tieWhere(capTies, pending)))
	}
	return strings.Join(out, "\n")
}
