package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

// scoringTab is score entry for one evaluator: a grid of units ×
// categories, validated as typed (0 to the category's maximum, one decimal
// at most), with a total per row. Cells of units the evaluator must avoid
// (回避) are closed. Tab or Enter moves to the next cell, Shift+Tab back,
// ↑/↓ to the row above or below; a valid cell is saved when it is left, an
// invalid one is framed in red and not saved.
type scoringTab struct {
	s    *session
	view fyne.CanvasObject

	evalSel *widget.Select
	search  *gateEntry
	info    *widget.Label
	hint    *zhLabel
	table   *widget.Table

	book  *dossier.Book
	ev    *dossier.Evaluator
	cats  []dossier.Category
	rows  []*scoreRow
	shown []int

	cells map[*fyne.Container]*scoreCell
	byKey map[cellKey]*scoreCell
	// asking is the leave-with-errors question while it is open.
	asking dialog.Dialog
}

// gateEntry is the grid's search box: Tab from it goes into the grid
// (Fyne's focus order would not reach the cells), Shift+Tab back.
type gateEntry struct {
	widget.Entry
	onTab func()
}

func newGateEntry(onTab func()) *gateEntry {
	e := &gateEntry{onTab: onTab}
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab takes Tab to send it into the grid.
func (e *gateEntry) AcceptsTab() bool { return true }

// TypedKey sends Tab and ↓ into the grid.
func (e *gateEntry) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyTab && shiftHeld():
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			c.FocusPrevious()
		}
	case k.Name == fyne.KeyTab, k.Name == fyne.KeyDown:
		e.onTab()
	default:
		e.Entry.TypedKey(k)
	}
}

// scoreRow is one unit's row for the evaluator: what is typed, what the
// file holds and what is wrong, per category.
type scoreRow struct {
	unit     *dossier.Unit
	conflict string
	text     []string
	saved    []string // normalised value in the file, "" for none
	bad      []string // why the typed text is refused, "" when it is fine
	comment  string
	savedCom string
}

type cellKey struct{ row, col int }

// scoreCell is one reusable cell of the grid: a label (code, name, total,
// 回避) or an entry (a score, the comment), over a background that frames
// an invalid entry in red.
type scoreCell struct {
	box     *fyne.Container
	bg      *canvas.Rectangle
	label   *widget.Label
	entry   *scoreEntry
	key     cellKey
	bound   bool
	binding bool
}

// scoreEntry is the entry of a score cell: it takes Tab, Enter and the
// arrow keys to move through the grid.
type scoreEntry struct {
	widget.Entry
	onMove func(dRow, dCol int)
	onNext func() // Enter: the next score
	onBlur func()
}

func newScoreEntry() *scoreEntry {
	e := &scoreEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab keeps Tab for the grid rather than the window's focus order.
func (e *scoreEntry) AcceptsTab() bool { return true }

// TypedKey moves on Tab, Enter and ↑/↓; other keys edit.
func (e *scoreEntry) TypedKey(k *fyne.KeyEvent) {
	if e.onMove == nil {
		e.Entry.TypedKey(k)
		return
	}
	switch k.Name {
	case fyne.KeyTab:
		if shiftHeld() {
			e.onMove(0, -1)
		} else {
			e.onMove(0, 1)
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.onNext != nil {
			e.onNext()
		} else {
			e.onMove(0, 1)
		}
	case fyne.KeyUp:
		e.onMove(-1, 0)
	case fyne.KeyDown:
		e.onMove(1, 0)
	default:
		e.Entry.TypedKey(k)
	}
}

// FocusGained selects the text, so that typing replaces a score rather
// than appending to it.
func (e *scoreEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.Text != "" {
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// FocusLost saves the cell.
func (e *scoreEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onBlur != nil {
		e.onBlur()
	}
}

func shiftHeld() bool {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return false
}

func newScoringTab(s *session) *scoringTab {
	t := &scoringTab{s: s, cells: map[*fyne.Container]*scoreCell{}, byKey: map[cellKey]*scoreCell{}}
	s.onFlush(t.commitAll)
	t.evalSel = widget.NewSelect(nil, func(string) { t.commitAll(); t.load() })
	t.evalSel.PlaceHolder = "选择评委"
	t.search = newGateEntry(func() { t.focusFirst() })
	t.search.SetPlaceHolder("按名称或申报编号查找")
	t.search.OnChanged = func(string) { t.filter() }
	t.info = widget.NewLabel("")
	// One line, cut with an ellipsis: a message that wrapped would change the
	// grid's height under the mouse (every problem is listed in full when
	// the screen is left).
	t.info.Truncation = fyne.TextTruncateEllipsis
	t.hint = muted("输入分数后按回车：下一类别，一行评完转到下一单位；Tab：下一格（含评语），Shift+Tab：上一格；↑↓：上一行、下一行。分值 0 到该类别满分，最多一位小数；输入时即检查，离开单元格即保存。")
	t.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(t.shown), t.columns() },
		t.newCell,
		t.updateCell)
	t.table.ShowHeaderColumn = false
	t.table.StickyColumnCount = 2
	t.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(t.header(id.Col))
	}
	t.table.OnSelected = func(widget.TableCellID) { t.table.UnselectAll() }
	// The picker comes before the search box in the tree, so that Tab goes
	// from the one to the other and on into the grid.
	picker := container.NewHBox(widget.NewLabel("评委"), container.New(&columnsLayout{widths: []float32{220}}, t.evalSel))
	bar := container.New(layout.NewBorderLayout(nil, nil, picker, nil), picker, t.search)
	t.view = container.NewBorder(container.NewVBox(bar, t.hint), t.info, nil, nil, fastTable(t.table))
	return t
}

func (t *scoringTab) content() fyne.CanvasObject { return t.view }

// columns counts the grid's columns: code, name, one per category, total,
// comment, and a blank margin as wide as the scroll bar, without which the
// comment's right edge stays under the bar when scrolled fully right.
func (t *scoringTab) columns() int { return 2 + len(t.cats) + 3 }

func (t *scoringTab) marginCol() int { return 4 + len(t.cats) }

func (t *scoringTab) totalCol() int   { return 2 + len(t.cats) }
func (t *scoringTab) commentCol() int { return 3 + len(t.cats) }

func (t *scoringTab) header(col int) string {
	switch {
	case col == 0:
		return "申报编号"
	case col == 1:
		return "单位名称"
	case col < t.totalCol():
		return t.cats[col-2].Header()
	case col == t.totalCol():
		return "合计"
	}
	if col == t.commentCol() {
		return "评语（备注）"
	}
	return ""
}

func (t *scoringTab) refresh() {
	if t.asking != nil { // back on the grid by other means: the question is moot
		d := t.asking
		t.asking = nil
		d.Hide()
	}
	evs, err := t.s.store.Evaluators(t.s.ctx)
	if err != nil {
		t.s.a.alert("读取失败", dossier.ErrorMessage(err))
		return
	}
	names := make([]string, len(evs))
	for i, e := range evs {
		names[i] = e.Name
	}
	cur := t.evalSel.Selected
	t.evalSel.Options = names
	t.evalSel.Refresh()
	if len(names) == 0 {
		t.book, t.ev, t.rows, t.shown = nil, nil, nil, nil
		// The headers still name the categories, each in a column wide
		// enough to read it (not "… … …" at the default width).
		if cats, err := t.s.store.Categories(t.s.ctx); err == nil {
			t.cats = cats
		}
		for col := 0; col < t.columns(); col++ {
			t.table.SetColumnWidth(col, t.colWidth(col))
		}
		t.info.SetText("还没有评委。请先在“评委与回避”中添加评委。")
		t.table.Refresh()
		return
	}
	found := false
	for _, n := range names {
		found = found || n == cur
	}
	if !found {
		t.evalSel.SetSelected(names[0]) // loads
		return
	}
	t.load()
}

// selectEvaluator shows the grid of the named evaluator.
func (t *scoringTab) selectEvaluator(name string) {
	if t.evalSel.Selected == name {
		t.load()
		return
	}
	t.evalSel.SetSelected(name)
}

// load reads the campaign and fills the grid for the selected evaluator.
// What is typed and not saved (refused, or its write failed) stays.
func (t *scoringTab) load() {
	type pending struct{ unit, cat, text string }
	var keep []pending
	keepCom := map[string]string{}
	if t.ev != nil && t.ev.Name == t.evalSel.Selected {
		for _, r := range t.rows {
			for ci, c := range t.cats {
				if normScore(r.text[ci]) != r.saved[ci] {
					keep = append(keep, pending{r.unit.ID, c.ID, r.text[ci]})
				}
			}
			if strings.TrimSpace(r.comment) != strings.TrimSpace(r.savedCom) {
				keepCom[r.unit.ID] = r.comment
			}
		}
	}
	b, err := t.s.store.Book(t.s.ctx, store.LoadOptions{})
	if err != nil {
		t.s.a.alert("读取失败", dossier.ErrorMessage(err))
		return
	}
	t.book = b
	t.ev = b.EvaluatorByName(t.evalSel.Selected)
	t.cats = b.Categories
	t.rows = nil
	// Widths first: an empty grid's headers must read whole too.
	for col := 0; col < t.columns(); col++ {
		t.table.SetColumnWidth(col, t.colWidth(col))
	}
	if t.ev == nil {
		t.filter()
		return
	}
	idx := map[[2]string]dossier.Tenths{}
	for _, sc := range b.Scores {
		if sc.EvaluatorID == t.ev.ID {
			idx[[2]string{sc.UnitID, sc.CategoryID}] = sc.Value
		}
	}
	comments := map[string]string{}
	for _, c := range b.Comments {
		if c.EvaluatorID == t.ev.ID {
			comments[c.UnitID] = c.Text
		}
	}
	nc := len(t.cats)
	for i := range b.Units {
		u := &b.Units[i]
		if u.Status == dossier.StatusWithdrawn {
			continue
		}
		r := &scoreRow{unit: u, conflict: b.Conflict(t.ev, u), text: make([]string, nc), saved: make([]string, nc), bad: make([]string, nc)}
		for ci, c := range t.cats {
			if v, ok := idx[[2]string{u.ID, c.ID}]; ok {
				r.text[ci], r.saved[ci] = v.Short(), v.Short()
			}
		}
		r.comment, r.savedCom = comments[u.ID], comments[u.ID]
		if c, ok := keepCom[u.ID]; ok {
			r.comment = c
		}
		for _, p := range keep {
			if p.unit != u.ID {
				continue
			}
			for ci, c := range t.cats {
				if c.ID == p.cat {
					r.text[ci] = p.text
					r.bad[ci] = t.check(ci, p.text)
				}
			}
		}
		t.rows = append(t.rows, r)
	}
	t.filter()
}

func (t *scoringTab) filter() {
	q := searchKey(strings.TrimSpace(t.search.Text))
	t.shown = t.shown[:0]
	for i, r := range t.rows {
		if q == "" || strings.Contains(searchKey(r.unit.Code+"\x00"+r.unit.Name), q) {
			t.shown = append(t.shown, i)
		}
	}
	t.byKey = map[cellKey]*scoreCell{}
	for _, c := range t.cells {
		c.bound = false
	}
	t.table.Refresh()
	t.updateInfo("")
}

// updateInfo shows msg, or else the evaluator's progress; every cell that
// is refused stays listed with its reason until it is fixed.
func (t *scoringTab) updateInfo(msg string) {
	bad := t.badCells()
	if msg == "" && len(bad) > 0 {
		msg = fmt.Sprintf("有 %d 处输入有误，未保存：", len(bad))
		shown := bad
		if len(shown) > 3 {
			shown = shown[:3]
		}
		msg += strings.Join(shown, "；")
		if len(bad) > 3 {
			msg += fmt.Sprintf("；等 %d 处", len(bad))
		}
	}
	if msg != "" {
		t.info.Importance = widget.DangerImportance
		t.info.SetText(msg)
		return
	}
	t.info.Importance = widget.MediumImportance
	if t.ev == nil {
		return
	}
	done, avoid := 0, 0
	for _, r := range t.rows {
		if r.conflict != "" {
			avoid++
			continue
		}
		full := true
		for _, s := range r.saved {
			full = full && s != ""
		}
		if full {
			done++
		}
	}
	t.info.SetText(fmt.Sprintf("评委 %s：已完整评分 %d / %d 个单位；回避 %d 个单位。", t.ev.Name, done, len(t.rows)-avoid, avoid))
}

// badCells describes every refused cell: unit, category and why.
func (t *scoringTab) badCells() []string {
	var out []string
	for _, r := range t.rows {
		for ci, why := range r.bad {
			if why != "" && ci < len(t.cats) {
				out = append(out, fmt.Sprintf("%s %s，%s：%s", r.unit.Code, r.unit.Name, t.cats[ci].Name, why))
			}
		}
	}
	return out
}

func (t *scoringTab) newCell() fyne.CanvasObject {
	c := &scoreCell{bg: canvas.NewRectangle(nil), label: widget.NewLabel(""), entry: newScoreEntry()}
	c.label.Truncation = fyne.TextTruncateEllipsis
	c.entry.onMove = func(dr, dc int) { t.move(c, dr, dc) }
	c.entry.onNext = func() { t.next(c) }
	c.entry.onBlur = func() {
		if c.bound {
			t.commit(c.key)
		}
	}
	c.entry.OnChanged = func(s string) {
		if !c.binding && c.bound {
			t.typed(c, s)
		}
	}
	c.box = container.NewStack(c.bg, c.label, container.New(&insetLayout{2}, c.entry))
	t.cells[c.box] = c
	return c.box
}

func (t *scoringTab) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := t.cells[o.(*fyne.Container)]
	if c == nil || id.Row >= len(t.shown) {
		return
	}
	key := cellKey{id.Row, id.Col}
	if c.bound && c.key != key {
		// A cell that keeps the focus while it scrolls away saves first.
		if t.s.a.win.Canvas().Focused() == c.entry {
			t.s.a.win.Canvas().Unfocus()
		}
		if t.byKey[c.key] == c {
			delete(t.byKey, c.key)
		}
	}
	c.key, c.bound = key, true
	t.byKey[key] = c
	r := t.rows[t.shown[id.Row]]
	entryText, label := "", ""
	useEntry := false
	fill := theme.Color(theme.ColorNameBackground)
	imp := widget.MediumImportance
	switch {
	case id.Col == 0:
		label = r.unit.Code
	case id.Col == 1:
		label = r.unit.Name
	case id.Col < t.totalCol() && r.conflict != "":
		label, imp, fill = "回避", widget.LowImportance, colDisabledBg
	case id.Col < t.totalCol():
		useEntry = true
		entryText = r.text[id.Col-2]
		if r.bad[id.Col-2] != "" {
			fill = colError
		}
	case id.Col == t.marginCol():
		label = ""
	case id.Col == t.totalCol():
		label = t.rowTotal(r)
		if r.conflict != "" {
			imp = widget.LowImportance
		}
	case r.conflict != "":
		label, imp = "回避："+r.conflict, widget.LowImportance
	default:
		useEntry = true
		entryText = r.comment
	}
	if useEntry {
		c.label.Hide()
		c.entry.Show()
		if c.entry.Text != entryText {
			c.binding = true
			c.entry.SetText(entryText)
			c.binding = false
		}
		if id.Col == t.commentCol() {
			c.entry.SetPlaceHolder("")
		} else {
			c.entry.SetPlaceHolder("0–" + t.cats[id.Col-2].Max.Short())
		}
	} else {
		c.entry.Hide()
		c.label.Show()
		if c.label.Text != label || c.label.Importance != imp {
			c.label.Text, c.label.Importance = label, imp
			c.label.Refresh()
		}
	}
	if c.bg.FillColor != fill {
		c.bg.FillColor = fill
		c.bg.Refresh()
	}
}

// rowTotal is the total column's text: the sum, and what is missing.
func (t *scoringTab) rowTotal(r *scoreRow) string {
	if r.conflict != "" {
		return "回避"
	}
	var sum dossier.Tenths
	filled, bad := 0, 0
	for ci := range t.cats {
		if r.bad[ci] != "" {
			bad++
			continue
		}
		if v, err := dossier.ParseTenths(r.text[ci]); err == nil {
			sum += v
			filled++
		}
	}
	switch {
	case filled == 0 && bad == 0:
		return ""
	case bad > 0:
		return sum.String() + "（有误）"
	case filled < len(t.cats):
		return fmt.Sprintf("%s（缺 %d 项）", sum, len(t.cats)-filled)
	}
	return sum.String()
}

// check validates a typed score for category ci: "" when it may be saved.
func (t *scoringTab) check(ci int, text string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return ""
	}
	v, err := dossier.ParseTenths(text)
	if err != nil {
		return dossier.ErrorMessage(err)
	}
	if err := t.cats[ci].CheckScore(v); err != nil {
		return dossier.ErrorMessage(err)
	}
	return ""
}

// typed takes what was typed into the model and validates it.
func (t *scoringTab) typed(c *scoreCell, s string) {
	r := t.rows[t.shown[c.key.row]]
	if c.key.col == t.commentCol() {
		r.comment = s
		if _, err := dossier.ParseTenths(s); err == nil {
			t.updateInfo(fmt.Sprintf("注意：%s %s 的评语是一个数字“%s”。分数应填在各类别的格中；评语照常保存。", r.unit.Code, r.unit.Name, strings.TrimSpace(s)))
		}
		return
	}
	ci := c.key.col - 2
	if ci < 0 || ci >= len(t.cats) {
		return
	}
	r.text[ci] = s
	r.bad[ci] = t.check(ci, s)
	fill := theme.Color(theme.ColorNameBackground)
	if r.bad[ci] != "" {
		fill = colError
	}
	t.updateInfo("")
	c.bg.FillColor = fill
	c.bg.Refresh()
	t.table.RefreshItem(widget.TableCellID{Row: c.key.row, Col: t.totalCol()})
}

func normScore(s string) string {
	v, err := dossier.ParseTenths(s)
	if err != nil {
		return strings.TrimSpace(s)
	}
	return v.Short()
}

// commit saves the cell at key if it changed and is valid.
func (t *scoringTab) commit(key cellKey) {
	if t.ev == nil || key.row >= len(t.shown) {
		return
	}
	t.commitRow(t.rows[t.shown[key.row]], key.col)
}

func (t *scoringTab) commitRow(r *scoreRow, col int) {
	if r.conflict != "" {
		return
	}
	ev := t.ev.Name
	if col == t.commentCol() {
		if strings.TrimSpace(r.comment) == strings.TrimSpace(r.savedCom) {
			return
		}
		text := strings.TrimSpace(r.comment)
		t.s.save("comment:"+t.ev.ID+":"+r.unit.ID, "评语", func() error {
			if err := t.s.store.SetComment(t.s.ctx, ev, r.unit.Code, text); err != nil {
				return err
			}
			r.savedCom = text
			return nil
		})
		return
	}
	ci := col - 2
	if ci < 0 || ci >= len(t.cats) {
		return
	}
	if r.bad[ci] != "" || normScore(r.text[ci]) == r.saved[ci] {
		return
	}
	cat := t.cats[ci]
	text := strings.TrimSpace(r.text[ci])
	in := store.ScoreInput{Evaluator: ev, Unit: r.unit.Code, Category: cat.Name}
	if text != "" {
		v, _ := dossier.ParseTenths(text)
		in.Value = &v
	}
	what := fmt.Sprintf("评分（%s，%s）", r.unit.Name, cat.Name)
	if t.s.save("score:"+t.ev.ID+":"+r.unit.ID+":"+cat.ID, what, func() error {
		if err := t.s.store.SetScore(t.s.ctx, in); err != nil {
			return err
		}
		r.saved[ci] = normScore(text)
		return nil
	}) {
		t.updateInfo("")
	}
}

// commitAll saves every changed, valid cell (before the screen changes);
// when the screen is being left with refused cells, it asks.
func (t *scoringTab) commitAll() {
	if t.ev == nil {
		return
	}
	defer t.askIfLeaving()
	for _, r := range t.rows {
		for ci := range t.cats {
			if r.bad[ci] == "" && normScore(r.text[ci]) != r.saved[ci] {
				t.commitRow(r, 2+ci)
			}
		}
		if strings.TrimSpace(r.comment) != strings.TrimSpace(r.savedCom) {
			t.commitRow(r, t.commentCol())
		}
	}
}

// askIfLeaving asks, once the tabs show another screen, what to do with
// refused cells: go back and fix them, or drop what was typed.
func (t *scoringTab) askIfLeaving() {
	bad := t.badCells()
	if len(bad) == 0 || t.asking != nil || t.s.tabs == nil || t.s.tabs.Selected() == nil ||
		t.s.tabs.Selected().Content == t.s.slots[ScreenScoring] {
		return
	}
	msg := fmt.Sprintf("评委 %s 的评分中有 %d 处输入有误，没有保存：\n%s", t.ev.Name, len(bad), strings.Join(bad, "\n"))
	var d *dialog.ConfirmDialog
	d = dialog.NewCustomConfirm("评分有误，未保存", "返回修改", "放弃这些输入", fixedWidth(520, wrapped(msg)), func(back bool) {
		if t.asking != d {
			return // closed because the user came back to the grid
		}
		t.asking = nil
		if back {
			t.s.show(ScreenScoring)
			return
		}
		t.discardBad()
	}, t.s.a.win)
	d.Resize(fyne.NewSize(560, 0))
	t.asking = d
	d.Show()
}

// discardBad puts every refused cell back to what the file holds.
func (t *scoringTab) discardBad() {
	for _, r := range t.rows {
		for ci := range r.bad {
			if r.bad[ci] != "" {
				r.text[ci], r.bad[ci] = r.saved[ci], ""
			}
		}
	}
	t.table.Refresh()
	t.updateInfo("")
}

// next is Enter in a cell: the next category of the unit, after its last
// the first category of the next unit that is not in 回避 (the comment is
// reached with Tab).
func (t *scoringTab) next(c *scoreCell) {
	t.commit(c.key)
	row, col := c.key.row, c.key.col+1
	if col >= t.totalCol() {
		row, col = row+1, 2
	}
	for ; row < len(t.shown); row++ {
		if t.rows[t.shown[row]].conflict == "" {
			t.focusCell(row, col)
			return
		}
		col = 2
	}
}

// focusFirst puts the cursor in the first empty score of the grid, or in
// its first score when all are filled (Tab from the search box).
func (t *scoringTab) focusFirst() {
	if len(t.cats) == 0 {
		return
	}
	first := -1
	for i, ri := range t.shown {
		r := t.rows[ri]
		if r.conflict != "" {
			continue
		}
		if first < 0 {
			first = i
		}
		for ci := range t.cats {
			if strings.TrimSpace(r.text[ci]) == "" {
				t.focusCell(i, 2+ci)
				return
			}
		}
	}
	if first >= 0 {
		t.focusCell(first, 2)
	}
}

// move leaves cell c for the next editable cell in the direction given.
func (t *scoringTab) move(c *scoreCell, dr, dc int) {
	t.commit(c.key)
	row, col := c.key.row, c.key.col
	first, last := 2, t.commentCol()
	for steps := 0; steps < len(t.shown)*(last-first+1)+1; steps++ {
		if dc != 0 {
			col += dc
			if col > last {
				col, row = first, row+1
			} else if col < first {
				col, row = last, row-1
			}
		} else {
			row += dr
		}
		if row < 0 || row >= len(t.shown) {
			return
		}
		if col == t.totalCol() {
			continue
		}
		if t.rows[t.shown[row]].conflict != "" {
			if dc == 0 {
				continue
			}
			col = last // skip the closed row
			continue
		}
		t.focusCell(row, col)
		return
	}
}

// focusCell scrolls a cell into view and puts the cursor in it.
func (t *scoringTab) focusCell(row, col int) {
	t.reveal(row, col)
	if c, ok := t.byKey[cellKey{row, col}]; ok && c.entry.Visible() {
		t.s.a.win.Canvas().Focus(c.entry)
	}
}

// reveal scrolls the grid so that the cell is wholly visible, right of the
// frozen 申报编号/单位名称 columns. Fyne v2.7's Table.ScrollTo does the rows,
// but never scrolls for the first column after the frozen ones and stops
// short at the right edge, so the column offset is corrected here from
// where the cell is actually drawn.
func (t *scoringTab) reveal(row, col int) {
	if col <= t.table.StickyColumnCount {
		t.table.ScrollToLeading() // ScrollTo below keeps this X
	}
	t.table.ScrollTo(widget.TableCellID{Row: row, Col: col})
	// Rebind the cells now, so that the cell found below is the one on
	// screen and not one Fyne has just put back in its pool.
	t.table.Refresh()
	c, ok := t.byKey[cellKey{row, col}]
	if !ok {
		return
	}
	d := fyne.CurrentApp().Driver()
	rel := d.AbsolutePositionForObject(c.box).Subtract(d.AbsolutePositionForObject(t.table))
	pad := theme.Padding()
	frozen := t.table.StickyColumnCount
	var frozenW float32
	for i := 0; i < frozen; i++ {
		frozenW += t.colWidth(i) + pad
	}
	headH := t.table.CreateHeader().MinSize().Height
	// The scroll offset now, from where the cell is drawn: content
	// coordinates start right of the frozen columns and below the header.
	off := fyne.NewPos(frozenW+c.box.Position().X-rel.X, headH+c.box.Position().Y-rel.Y)
	left, right := rel.X, rel.X+c.box.Size().Width
	viewW := t.table.Size().Width - theme.ScrollBarSize()
	switch {
	case left < frozenW:
		off.X -= frozenW - left
	case right > viewW && right-left <= viewW-frozenW:
		off.X += right - viewW
	default:
		return
	}
	t.table.ScrollToOffset(fyne.NewPos(max(0, off.X), max(0, off.Y)))
	t.table.Refresh()
}

// colWidth is the width the grid gives column col.
func (t *scoringTab) colWidth(col int) float32 {
	switch {
	case col == 0:
		return 100
	case col == 1:
		return 200
	case col == t.totalCol():
		return 148 // "18.5（缺 4 项）" whole
	case col == t.commentCol():
		return 260
	case col == t.marginCol():
		return 64 // measured: Fyne v2.7 stops 44 px short of the last column at 1024 px
	}
	return 128
}
