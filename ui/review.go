package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
)

// reviewTab is the 复核 screen: every 复核 flag (kind, unit, evaluator,
// detail, status), the unresolved first so that none is missed, and for
// the selected flag the form that records who reviewed it and what they
// decided (store.Store.ResolveFlag). A resolved flag shows who, when and
// what; resolving it again replaces the record, which the history keeps.
// Flags never change a score or a rank, and the screen says so.
type reviewTab struct {
	s    *session
	view fyne.CanvasObject

	flags []dossier.Flag // the unresolved first, then the resolved
	selID string

	summary *zhLabel
	table   *widget.Table

	// The selected flag's panel.
	title  *widget.Label
	detail *zhLabel
	state  *zhLabel
	by     *widget.Entry
	note   *field
	submit *widget.Button
	form   *fyne.Container
}

// Columns of the flag table.
const (
	rvState = iota
	rvKind
	rvUnit
	rvEvaluator
	rvDetail
	rvColumns
)

func newReviewTab(s *session) *reviewTab {
	t := &reviewTab{s: s}
	t.summary = newZhLabel("")
	t.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(t.flags), rvColumns },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		t.updateCell)
	t.table.ShowHeaderColumn = false
	t.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText([]string{"状态", "标记", "申报单位", "评委", "情况"}[id.Col])
	}
	var fixed float32
	for col, w := range reviewColumnWidths {
		t.table.SetColumnWidth(col, w)
		fixed += w
	}
	t.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(t.flags) {
			t.choose(t.flags[id.Row].ID)
		}
		t.table.UnselectAll()
	}

	t.title = heading("")
	t.title.Truncation = fyne.TextTruncateEllipsis
	t.detail = newZhLabel("")
	t.state = newZhLabel("")
	t.by = widget.NewEntry()
	t.by.SetPlaceHolder("复核人姓名")
	t.note = newField(true) // multi-line, passes the wheel to the page
	t.note.SetPlaceHolder("复核意见：核实了什么，作出什么决定")
	t.note.Wrapping = fyne.TextWrapBreak
	t.note.SetMinRowsVisible(2)
	t.submit = widget.NewButtonWithIcon("记录复核", theme.ConfirmIcon(), t.resolve)
	t.submit.Importance = widget.HighImportance
	// The button beside the reviewer's name: in view at 1024 × 768
	// without scrolling the panel.
	t.form = container.NewVBox(widget.NewForm(
		widget.NewFormItem("复核人", container.NewBorder(nil, nil, nil, t.submit, t.by)),
		widget.NewFormItem("复核意见", t.note)))
	panel := container.NewVBox(t.title, t.detail, t.state, t.form)
	top := container.NewBorder(container.NewVBox(t.summary,
		muted("复核标记由软件按财政部令第87号第六十四条所列复核情形自动提出，不改变任何评分和排名；逐项复核后记录复核人和复核意见，导出的评审材料汇编在附录中列出全部标记及处理情况。")),
		nil, nil, nil, container.New(&fillColumn{table: t.table, col: rvDetail, others: fixed, min: 240}, t.table))
	split := container.NewVSplit(top, container.NewPadded(newVScroll(panel)))
	split.Offset = 0.55
	t.view = split
	t.showSelected()
	return t
}

func (t *reviewTab) content() fyne.CanvasObject { return t.view }

// reviewColumnWidths are the widths of the columns before 情况, which
// takes the rest (fillColumn).
var reviewColumnWidths = []float32{88, 104, 220, 120}

// fillColumn lays a table out at its container's size and gives column col
// the width the other columns leave, so the table never runs off the right
// edge (at 1024 px the 情况 column did): a long 情况 is cut with "…" in the
// table and shown whole in the panel below it.
type fillColumn struct {
	table  *widget.Table
	col    int
	others float32 // the other columns' widths
	min    float32
	w      float32 // the width given last
}

func (l *fillColumn) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	// Room for the vertical scroll bar, which is drawn over the cells.
	w := max(l.min, size.Width-l.others-theme.ScrollBarSize()-2*theme.Padding())
	if w != l.w {
		l.w = w
		l.table.SetColumnWidth(l.col, w)
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *fillColumn) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

// refresh recomputes the flags from the campaign as it now stands.
func (t *reviewTab) refresh() {
	b, r, err := t.s.store.Rank(t.s.ctx)
	if err != nil {
		t.s.a.alert("无法计算复核标记", dossier.ErrorMessage(err))
		return
	}
	flags, err := t.s.reviewFlags(b, r)
	if err != nil {
		t.s.a.alert("无法计算复核标记", dossier.ErrorMessage(err))
		return
	}
	t.flags = unresolvedFirst(flags)
	t.summary.SetText(reviewSummary(flags))
	if t.selID == "" || t.find(t.selID) == nil {
		t.selID = ""
		if len(t.flags) > 0 {
			t.selID = t.flags[0].ID
		}
		t.by.SetText("")
		t.note.SetText("")
	}
	t.table.Refresh()
	t.showSelected()
}

// reviewFlags computes the 复核 flags of ranking r of book b with the
// campaign's threshold and recorded resolutions.
func (s *session) reviewFlags(b *dossier.Book, r *dossier.Ranking) ([]dossier.Flag, error) {
	return s.reviewFlagsWith(b, r, dossier.Stabilities(b, r))
}

// reviewFlagsWith is reviewFlags with the stabilities already computed.
func (s *session) reviewFlagsWith(b *dossier.Book, r *dossier.Ranking, stab map[string]*dossier.Stability) ([]dossier.Flag, error) {
	pct, err := s.store.OutlierPct(s.ctx)
	if err != nil {
		return nil, err
	}
	res, err := s.store.Resolutions(s.ctx)
	if err != nil {
		return nil, err
	}
	return dossier.ReviewFlags(b, r, stab, pct, res), nil
}

// unresolvedFirst orders flags for the screen: those still to review on
// top, each group in the review's own order.
func unresolvedFirst(flags []dossier.Flag) []dossier.Flag {
	out := make([]dossier.Flag, 0, len(flags))
	for _, f := range flags {
		if f.Resolved == nil {
			out = append(out, f)
		}
	}
	for _, f := range flags {
		if f.Resolved != nil {
			out = append(out, f)
		}
	}
	return out
}

// reviewSummary counts the flags, and the ones still to review.
func reviewSummary(flags []dossier.Flag) string {
	if len(flags) == 0 {
		return "未发现需要复核的情形。"
	}
	open := 0
	for _, f := range flags {
		if f.Resolved == nil {
			open++
		}
	}
	if open == 0 {
		return fmt.Sprintf("复核标记共 %d 项，均已复核。", len(flags))
	}
	return fmt.Sprintf("复核标记共 %d 项，其中 %d 项尚未复核（列在最前）。", len(flags), open)
}

func (t *reviewTab) find(id string) *dossier.Flag {
	for i := range t.flags {
		if t.flags[i].ID == id {
			return &t.flags[i]
		}
	}
	return nil
}

// flagUnit is the 申报单位 of a flag as shown: code and name, or — for a
// flag about an evaluator alone.
func flagUnit(f *dossier.Flag) string {
	if u := strings.TrimSpace(f.UnitCode + " " + f.UnitName); u != "" {
		return u
	}
	return "—"
}

func (t *reviewTab) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row >= len(t.flags) {
		return
	}
	f := &t.flags[id.Row]
	text, imp, bold := "", widget.MediumImportance, false
	switch id.Col {
	case rvState:
		text = "已复核"
		if f.Resolved == nil {
			text, imp, bold = "未复核", widget.DangerImportance, true
		}
	case rvKind:
		text = dossier.FlagLabel(f.Kind)
	case rvUnit:
		text = flagUnit(f)
	case rvEvaluator:
		text = f.Evaluator
		if text == "" {
			text = "—"
		}
	case rvDetail:
		text = f.Detail
	}
	if f.ID == t.selID && id.Col != rvState {
		bold = true
	}
	if l.Text != text || l.Importance != imp || l.TextStyle.Bold != bold {
		l.Text, l.Importance, l.TextStyle.Bold = text, imp, bold
		l.Refresh()
	}
}

// choose selects a flag; the form takes its recorded review, if any.
func (t *reviewTab) choose(id string) {
	if id == t.selID {
		return
	}
	t.s.flush()
	t.selID = id
	t.by.SetText("")
	t.note.SetText("")
	if f := t.find(id); f != nil && f.Resolved != nil {
		t.by.SetText(f.Resolved.By)
		t.note.SetText(f.Resolved.Note)
	}
	t.table.Refresh()
	t.showSelected()
}

// showSelected fills the panel for the selected flag.
func (t *reviewTab) showSelected() {
	f := t.find(t.selID)
	if f == nil {
		t.title.SetText("")
		t.detail.SetText("")
		t.state.SetText("在上方列表中选择一项复核标记，记录复核人和复核意见。")
		t.state.Importance = widget.LowImportance
		t.state.Refresh()
		t.form.Hide()
		return
	}
	what := dossier.FlagLabel(f.Kind) + " · " + flagUnit(f)
	if f.Evaluator != "" {
		what += " · 评委 " + f.Evaluator
	}
	t.title.SetText(what)
	t.detail.SetText(f.Detail + "（标记编号 " + f.ID + "）")
	if r := f.Resolved; r != nil {
		t.state.SetText("已复核：复核人 " + r.By + "，" + reviewTime(r.At) + "。意见：" + r.Note)
		t.state.Importance = widget.SuccessImportance
		t.state.TextStyle.Bold = false
		t.submit.SetText("修改复核意见")
	} else {
		t.state.SetText("未复核：请核实后填写复核人和复核意见。")
		t.state.Importance = widget.DangerImportance
		t.state.TextStyle.Bold = true
		t.submit.SetText("记录复核")
	}
	t.state.Refresh()
	t.form.Show()
	if t.s.readOnly() {
		t.by.Disable()
		t.note.Disable()
		t.submit.Disable()
	}
}

// reviewTime is when a review was recorded, in the machine's time zone.
func reviewTime(at string) string {
	tm, err := time.Parse(time.RFC3339Nano, at)
	if err != nil {
		return at
	}
	return localTime(tm, "2006-01-02 15:04")
}

// resolve records the review typed for the selected flag. A refusal (no
// reviewer or no note, a read-only file) stays in the error bar and the
// typed text stays in the form.
func (t *reviewTab) resolve() {
	f := t.find(t.selID)
	if f == nil {
		return
	}
	flag := *f
	by, note := t.by.Text, t.note.Text
	what := "复核意见（" + dossier.FlagLabel(flag.Kind) + " " + flagUnit(&flag) + "）"
	if !t.s.save("review:"+flag.ID, what, func() error { return t.s.store.ResolveFlag(t.s.ctx, flag, by, note) }) {
		return
	}
	t.refresh()
	// On to the next flag still to review, the reviewer's name kept.
	for _, g := range t.flags {
		if g.Resolved == nil {
			t.choose(g.ID)
			t.by.SetText(by)
			break
		}
	}
}
