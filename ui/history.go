package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
)

// The campaign's history (修改记录): every import and edit, newest first,
// campaign-wide (from the 文件 menu or the header) or for one unit (from
// its editor), where the unit's earlier revisions can be read too.

// localTime formats a stored time in the machine's time zone.
func localTime(t time.Time, layout string) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format(layout)
}

// baseName is a file's name without its folder, whichever system wrote
// the path.
func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// linesLayout gives its object the height of n lines of body text, so that
// a wrapping, truncating label shows at most n lines and ends with "…".
type linesLayout struct{ h float32 }

func newLinesLayout(n int) linesLayout {
	probe := widget.NewLabel(strings.TrimSuffix(strings.Repeat("一\n", n), "\n"))
	return linesLayout{probe.MinSize().Height}
}

// MinSize is n lines of text high.
func (l linesLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, l.h) }

// Layout gives each object the whole space.
func (l linesLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// tightRows stacks its objects, each as tall as it needs, with the labels'
// padding between them overlapping: one line of a list row close under the
// other.
type tightRows struct{}

// MinSize is the widest object by the stacked heights.
func (tightRows) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
		if i > 0 {
			s.Height -= theme.InnerPadding()
		}
	}
	return s
}

// Layout places the objects top to bottom; the last takes what is left.
func (tightRows) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for i, o := range objs {
		h := o.MinSize().Height
		if i == len(objs)-1 {
			h = max(h, size.Height-y)
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - theme.InnerPadding()
	}
}

// historyList is a virtualised list of history entries, each with its
// time, action, unit (campaign-wide), source file and up to two lines of
// detail; the selected entry is shown whole below the list.
type historyList struct {
	units  map[string]dossier.Unit // by ID, for the unit column; nil for one unit's history
	all    []dossier.Event
	keys   []string // what search matches, per entry
	shown  []int    // indexes into all
	sel    int      // index into all, or -1
	list   *widget.List
	detail *widget.Label
	count  *widget.Label
	search *widget.Entry
	view   fyne.CanvasObject
	// before shows what an edit in the app replaced (its history entry
	// keeps a snapshot); it is visible for such entries only.
	before   *widget.Button
	onBefore func(e dossier.Event)
	// restore brings back what the selected entry replaced; it is visible
	// for entries the file can restore.
	restore   *widget.Button
	onRestore func(e dossier.Event)
}

func newHistoryList(campaignWide bool) *historyList {
	h := &historyList{sel: -1}
	two := newLinesLayout(2)
	widths := []float32{136, 116}
	if campaignWide {
		widths = append(widths, 250)
	}
	h.list = widget.NewList(
		func() int { return len(h.shown) },
		func() fyne.CanvasObject {
			at := widget.NewLabel("")
			at.Importance = widget.LowImportance
			act := boldLabel("")
			act.Truncation = fyne.TextTruncateEllipsis
			cols := []fyne.CanvasObject{at, act}
			if campaignWide {
				unit := widget.NewLabel("")
				unit.Truncation = fyne.TextTruncateEllipsis
				cols = append(cols, unit)
			}
			src := widget.NewLabel("")
			src.Importance = widget.LowImportance
			src.Truncation = fyne.TextTruncateEllipsis
			detail := widget.NewLabel("")
			detail.Wrapping = fyne.TextWrapBreak
			detail.Truncation = fyne.TextTruncateEllipsis
			top := container.NewBorder(nil, nil, container.New(&columnsLayout{widths: widths}, cols...), nil, src)
			return container.New(tightRows{}, top, container.New(two, detail))
		},
		h.updateItem)
	h.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(h.shown) {
			h.sel = h.shown[i]
		}
		h.showDetail()
	}
	h.detail = widget.NewLabel("")
	h.detail.Wrapping = fyne.TextWrapBreak
	h.detail.Selectable = true
	h.count = widget.NewLabel("正在读取…")
	h.count.Importance = widget.LowImportance
	h.showDetail()

	h.search = widget.NewEntry()
	h.search.SetPlaceHolder("按操作、文件或内容查找")
	if campaignWide {
		h.search.SetPlaceHolder("按单位、操作、文件或内容查找")
	}
	h.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	h.search.OnChanged = func(string) { h.filter() }
	top := container.NewBorder(nil, nil, nil, h.count, h.search)
	h.before = widget.NewButtonWithIcon("查看修改前的内容", theme.VisibilityIcon(), func() {
		if h.onBefore != nil && h.sel >= 0 && h.sel < len(h.all) {
			h.onBefore(h.all[h.sel])
		}
	})
	h.before.Hide()
	h.restore = widget.NewButtonWithIcon("恢复此内容", theme.ContentUndoIcon(), func() {
		if h.onRestore != nil && h.sel >= 0 && h.sel < len(h.all) {
			h.onRestore(h.all[h.sel])
		}
	})
	h.restore.Importance = widget.HighImportance
	h.restore.Hide()
	split := container.NewVSplit(h.list, container.NewBorder(nil, container.NewHBox(h.before, h.restore), nil, nil,
		newVScroll(container.NewPadded(h.detail))))
	split.Offset = 0.7
	h.view = container.NewBorder(top, nil, nil, nil, split)
	return h
}

func (h *historyList) updateItem(i widget.ListItemID, o fyne.CanvasObject) {
	if i < 0 || i >= len(h.shown) {
		return
	}
	e := &h.all[h.shown[i]]
	box := o.(*fyne.Container)
	top := box.Objects[0].(*fyne.Container)
	detail := box.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
	src := top.Objects[0].(*widget.Label)
	cols := top.Objects[1].(*fyne.Container).Objects
	cols[0].(*widget.Label).SetText(localTime(e.At, "2006-01-02 15:04"))
	cols[1].(*widget.Label).SetText(dossier.Action(e.Action).Label())
	if len(cols) > 2 {
		cols[2].(*widget.Label).SetText(h.unitName(e.UnitID))
	}
	src.SetText(baseName(e.Source))
	detail.SetText(e.Detail)
}

// unitName is the code and name of a unit, for the unit column.
func (h *historyList) unitName(id string) string {
	if id == "" {
		return ""
	}
	if u, ok := h.units[id]; ok {
		return u.Code + " " + u.Name
	}
	return "（已不存在的单位）"
}

// set shows the entries (newest first).
func (h *historyList) set(events []dossier.Event, units map[string]dossier.Unit) {
	h.all, h.units, h.sel = events, units, -1
	h.keys = make([]string, len(events))
	for i, e := range events {
		h.keys[i] = searchKey(strings.Join([]string{dossier.Action(e.Action).Label(), h.unitName(e.UnitID), baseName(e.Source), e.Detail, e.Subject, e.Before, e.After}, "\x00"))
	}
	h.filter()
}

// filter applies the search text, if any.
func (h *historyList) filter() {
	q := searchKey(strings.TrimSpace(h.search.Text))
	h.shown = h.shown[:0]
	for i := range h.all {
		if q == "" || strings.Contains(h.keys[i], q) {
			h.shown = append(h.shown, i)
		}
	}
	switch {
	case len(h.all) == 0:
		h.count.SetText("还没有记录")
	case len(h.shown) == len(h.all):
		h.count.SetText(fmt.Sprintf("共 %d 条", len(h.all)))
	default:
		h.count.SetText(fmt.Sprintf("显示 %d 条，共 %d 条", len(h.shown), len(h.all)))
	}
	h.list.UnselectAll()
	h.sel = -1
	h.list.Refresh()
	h.showDetail()
}

// fail says the history could not be read.
func (h *historyList) fail(err error) {
	h.count.Importance = widget.DangerImportance
	h.count.SetText("读取失败")
	h.detail.Importance = widget.DangerImportance
	h.detail.SetText("未能读取修改记录：" + dossier.ErrorMessage(err))
}

// showDetail shows the selected entry whole.
func (h *historyList) showDetail() {
	if h.before != nil {
		if h.sel >= 0 && h.sel < len(h.all) && dossier.Action(h.all[h.sel].Action) == dossier.ActionUnitMaterial && h.onBefore != nil {
			h.before.Show()
		} else {
			h.before.Hide()
		}
	}
	if h.restore != nil {
		if h.sel >= 0 && h.sel < len(h.all) && h.all[h.sel].Restorable && h.onRestore != nil {
			h.restore.Show()
		} else {
			h.restore.Hide()
		}
	}
	if h.sel < 0 || h.sel >= len(h.all) {
		h.detail.Importance = widget.LowImportance
		h.detail.SetText("记录按时间排列，最新的在前。选择一条记录，在这里查看全文。")
		return
	}
	h.detail.Importance = widget.MediumImportance
	e := &h.all[h.sel]
	var b strings.Builder
	b.WriteString(localTime(e.At, "2006-01-02 15:04:05") + "　" + dossier.Action(e.Action).Label())
	if h.units != nil && e.UnitID != "" {
		b.WriteString("　" + h.unitName(e.UnitID))
	}
	b.WriteString("\n")
	if e.Source != "" {
		b.WriteString("来源文件：" + e.Source + "\n")
	}
	if e.Subject != "" {
		b.WriteString("对象：" + e.Subject + "\n")
	}
	b.WriteString(e.Detail)
	// The whole content the entry replaced, and what it became, so that
	// nothing overwritten is out of sight (the pane scrolls).
	if e.Before != "" {
		b.WriteString("\n\n【修改前的内容】\n" + e.Before)
	}
	if e.After != "" {
		b.WriteString("\n\n【修改后的内容】\n" + e.After)
	}
	if e.Restorable {
		b.WriteString("\n\n可点“恢复此内容”恢复修改前的内容；恢复本身也记入修改记录。")
	}
	h.detail.SetText(b.String())
}

// historySize is the size of the history dialogs: most of the window.
func historySize(w fyne.Window) fyne.Size {
	s := w.Canvas().Size()
	return fyne.NewSize(max(720, s.Width*0.86), max(480, s.Height*0.86))
}

// campaignHistory is the campaign-wide history dialog.
type campaignHistory struct {
	list *historyList
	dlg  dialog.Dialog
}

// showHistory opens the campaign's whole history, read in the background.
func (s *session) showHistory() *campaignHistory {
	s.flush()
	h := &campaignHistory{list: newHistoryList(true)}
	h.list.onBefore = s.showEditBefore
	h.dlg = dialog.NewCustom("修改记录："+s.campaign.Title, "关闭", h.list.view, s.a.win)
	h.dlg.Resize(historySize(s.a.win))
	s.history = h
	h.dlg.SetOnClosed(func() {
		if s.history == h {
			s.history = nil
		}
	})
	h.dlg.Show()
	s.a.win.Canvas().Focus(h.list.search)
	if !s.readOnly() {
		h.list.onRestore = func(ev dossier.Event) { s.restoreEvent(ev, func() { h.load(s) }) }
	}
	h.load(s)
	return h
}

// load reads the campaign's history in the background.
func (h *campaignHistory) load(s *session) {
	s.goJob(func() {
		units, err := s.store.Units(s.ctx)
		var events []dossier.Event
		if err == nil {
			events, err = s.store.History(s.ctx, "")
		}
		byID := make(map[string]dossier.Unit, len(units))
		for _, u := range units {
			byID[u.ID] = u
		}
		onUI(func() {
			if err != nil {
				h.list.fail(err)
				return
			}
			h.list.set(events, byID)
		})
	})
}

// restoreEvent asks, then brings back what history entry ev replaced; the
// screens then show the file as it is, and after runs (to list the
// restore). Unsaved edits are settled first: the restore would make them
// stale.
func (s *session) restoreEvent(ev dossier.Event, after func()) {
	what := ev.Subject
	if what == "" {
		what = dossier.Action(ev.Action).Label()
	}
	msg := fmt.Sprintf("恢复 %s 这次修改（%s）之前的内容？\n\n%s\n\n现在的内容会记入修改记录，可以再恢复。", localTime(ev.At, "2006-01-02 15:04"), what, clip(ev.Before, 600))
	s.a.confirm("恢复此内容", msg, "恢复", func() {
		s.leave("", func() {
			if err := s.store.RestoreEvent(s.ctx, ev.ID); err != nil {
				s.a.alert("未能恢复", dossier.ErrorMessage(err))
				return
			}
			s.restored("已恢复" + what + "修改前的内容")
			after()
		}, nil)
	})
}

// restored shows the file as it is after a restore, on every built screen.
func (s *session) restored(note string) {
	if c, err := s.store.Campaign(s.ctx); err == nil {
		s.campaignChanged(c)
	}
	s.bring(s.tabs.SelectedIndex())
	s.note(note)
}

// clip shortens a long text for a question; the history pane shows it
// whole.
func clip(text string, n int) string {
	if r := []rune(text); len(r) > n {
		return string(r[:n]) + "……"
	}
	return text
}

// unitHistory is one unit's history dialog: its earlier revisions, which
// can be opened read-only, and its history entries.
type unitHistory struct {
	e      *unitEditor
	list   *historyList
	revs   []dossier.Revision
	from   []string // the file each revision was imported from, if known
	revL   *widget.List
	revBox *fyne.Container
	tabs   *container.AppTabs
	revTab *container.TabItem
	dlg    dialog.Dialog
	shown  dialog.Dialog     // the revision being read, if any
	page   fyne.CanvasObject // its content
}

// showHistory opens the unit's history and revisions, read in the
// background. Pending edits are saved first, so that they are listed.
func (e *unitEditor) showHistory() *unitHistory {
	e.flush()
	s := e.s
	h := &unitHistory{e: e, list: newHistoryList(false)}
	h.list.onBefore = s.showEditBefore
	h.revBox = container.NewStack(muted("正在读取…"))
	intro := fmt.Sprintf("当前为第 %d 版。单位每次重新导入前，原有内容都保存为一个历史版本，可以查看，也可以恢复。", e.unit.Revision)
	h.revTab = container.NewTabItemWithIcon("历史版本", theme.DocumentIcon(), container.NewBorder(muted(intro), nil, nil, nil, h.revBox))
	h.tabs = container.NewAppTabs(container.NewTabItemWithIcon("修改记录", theme.HistoryIcon(), h.list.view), h.revTab)
	h.dlg = dialog.NewCustom("修改记录："+e.unit.Code+" "+e.unit.Name, "关闭", h.tabs, s.a.win)
	h.dlg.Resize(historySize(s.a.win))
	h.dlg.Show()
	if !s.readOnly() {
		h.list.onRestore = func(ev dossier.Event) { s.restoreEvent(ev, h.load) }
	}
	h.load()
	return h
}

// load reads the unit's history and revisions in the background.
func (h *unitHistory) load() {
	s, id := h.e.s, h.e.unit.ID
	s.goJob(func() {
		events, err := s.store.History(s.ctx, id)
		var revs []dossier.Revision
		if err == nil {
			revs, err = s.store.Revisions(s.ctx, id)
		}
		onUI(func() {
			if err != nil {
				h.list.fail(err)
				h.revBox.Objects = []fyne.CanvasObject{muted("未能读取历史版本。")}
				h.revBox.Refresh()
				return
			}
			h.list.set(events, nil)
			h.setRevisions(revs, events)
			h.tabs.Items[0].Text = fmt.Sprintf("修改记录（%d）", len(events))
			h.revTab.Text = fmt.Sprintf("历史版本（%d）", len(revs))
			h.tabs.Refresh()
		})
	})
}

// restoreRevision asks, then brings back revision i (in the list's order)
// as the unit's current content; the content it replaces is kept as a
// revision too.
func (h *unitHistory) restoreRevision(i int) {
	if i < 0 || i >= len(h.revs) {
		return
	}
	r := h.revs[i]
	s := h.e.s
	msg := fmt.Sprintf("用第 %d 版（%s 保存）替换 %s %s 的当前内容？\n\n当前内容会另存为一个历史版本，可以再恢复。单位的状态不变。", r.Revision, localTime(r.At, "2006-01-02 15:04"), r.Unit.Code, r.Unit.Name)
	s.a.confirm("恢复此版本", msg, "恢复", func() {
		s.leave("", func() {
			if err := s.store.RestoreRevision(s.ctx, r.UnitID, r.Revision); err != nil {
				s.a.alert("未能恢复", dossier.ErrorMessage(err))
				return
			}
			if h.shown != nil {
				h.shown.Hide()
			}
			s.restored(fmt.Sprintf("已恢复 %s 的第 %d 版", r.Unit.Code, r.Revision))
			h.load()
		}, nil)
	})
}

// setRevisions lists the earlier revisions, newest first. A revision row
// records when it was replaced and by which file; the file a revision came
// from is the one that replaced the revision before it, or for the first
// the file of the unit's first import.
func (h *unitHistory) setRevisions(revs []dossier.Revision, events []dossier.Event) {
	h.revs = make([]dossier.Revision, len(revs))
	for i, r := range revs {
		h.revs[len(revs)-1-i] = r
	}
	byNumber := map[int]dossier.Revision{}
	for _, r := range revs {
		byNumber[r.Revision] = r
	}
	first := ""
	for _, ev := range events { // the unit's import.new, if it was imported
		if dossier.Action(ev.Action) == dossier.ActionImportNew {
			first = ev.Source
		}
	}
	h.from = make([]string, len(h.revs))
	for i, r := range h.revs {
		if r.Revision == 1 {
			h.from[i] = first
		} else if prev, ok := byNumber[r.Revision-1]; ok {
			h.from[i] = prev.Source
		}
	}
	if len(h.revs) == 0 {
		h.revBox.Objects = []fyne.CanvasObject{muted("还没有历史版本。重新导入本单位的申报表后，导入前的内容会保存在这里。")}
		h.revBox.Refresh()
		return
	}
	h.revL = widget.NewList(
		func() int { return len(h.revs) },
		func() fyne.CanvasObject {
			num := boldLabel("")
			from := widget.NewLabel("")
			from.Truncation = fyne.TextTruncateEllipsis
			when := widget.NewLabel("")
			when.Importance = widget.LowImportance
			when.Truncation = fyne.TextTruncateEllipsis
			view := widget.NewButtonWithIcon("查看", theme.VisibilityIcon(), nil)
			restore := widget.NewButtonWithIcon("恢复此版本", theme.ContentUndoIcon(), nil)
			return container.NewBorder(nil, nil, container.New(&columnsLayout{widths: []float32{84, 300}}, num, from), container.NewHBox(view, restore), when)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := &h.revs[i]
			box := o.(*fyne.Container)
			when := box.Objects[0].(*widget.Label)
			cols := box.Objects[1].(*fyne.Container).Objects
			btns := box.Objects[2].(*fyne.Container).Objects
			view, restore := btns[0].(*widget.Button), btns[1].(*widget.Button)
			cols[0].(*widget.Label).SetText(fmt.Sprintf("第 %d 版", r.Revision))
			from := "来源：" + baseName(h.from[i])
			if h.from[i] == "" {
				from = "来源：在应用中新增"
			}
			cols[1].(*widget.Label).SetText(from)
			saved := localTime(r.At, "2006-01-02 15:04") + " 保存"
			if r.Source != "" {
				saved = localTime(r.At, "2006-01-02 15:04") + " 重新导入 " + baseName(r.Source) + " 前保存"
			}
			when.SetText(saved)
			view.OnTapped = func() { h.openRevision(i) }
			restore.OnTapped = func() { h.restoreRevision(i) }
			if h.e.s.readOnly() {
				restore.Hide()
			}
		})
	h.revL.OnSelected = func(i widget.ListItemID) {
		h.revL.UnselectAll()
		h.openRevision(i)
	}
	h.revBox.Objects = []fyne.CanvasObject{h.revL}
	h.revBox.Refresh()
}

// showEditBefore opens, read-only, a unit's material as it was before the
// edit recorded in history entry e.
func (s *session) showEditBefore(e dossier.Event) {
	s.goJob(func() {
		u, err := s.store.EditBefore(s.ctx, e.ID)
		var cats []dossier.Category
		if err == nil {
			cats, err = s.store.Categories(s.ctx)
		}
		onUI(func() {
			if err != nil {
				s.a.alert("无法查看修改前的内容", dossier.ErrorMessage(err))
				return
			}
			r := &dossier.Revision{UnitID: u.ID, Revision: u.Revision, At: e.At, Unit: u}
			note := fmt.Sprintf("这是 %s 修改（%s）之前的内容", localTime(e.At, "2006-01-02 15:04"), e.Detail)
			scroll := newVScroll(revisionViewNote(r, note, cats))
			size := historySize(s.a.win)
			scroll.SetMinSize(fyne.NewSize(size.Width*0.9, size.Height*0.8))
			dialog.NewCustom("修改前的内容（只读）："+u.Code+" "+u.Name, "关闭", scroll, s.a.win).Show()
		})
	})
}

// openRevision shows revision i (in the list's order) read-only.
func (h *unitHistory) openRevision(i int) {
	if i < 0 || i >= len(h.revs) {
		return
	}
	r := &h.revs[i]
	win := h.e.s.a.win
	h.page = revisionView(r, h.from[i], h.e.cats)
	scroll := newVScroll(h.page)
	size := historySize(win)
	scroll.SetMinSize(fyne.NewSize(size.Width*0.9, size.Height*0.8))
	restore := widget.NewButtonWithIcon("恢复此版本", theme.ContentUndoIcon(), func() { h.restoreRevision(i) })
	restore.Importance = widget.HighImportance
	if h.e.s.readOnly() {
		restore.Hide()
	}
	var d *dialog.CustomDialog
	closeBtn := widget.NewButton("关闭", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(fmt.Sprintf("第 %d 版（只读）：%s %s", r.Revision, r.Unit.Code, r.Unit.Name), scroll, win)
	d.SetButtons([]fyne.CanvasObject{closeBtn, restore})
	h.shown = d
	h.shown.Show()
}

// revisionView lays out a revision's basic information, achievements by
// category, indicator values and photo captions, as text to read and copy.
func revisionView(r *dossier.Revision, from string, cats []dossier.Category) fyne.CanvasObject {
	note := fmt.Sprintf("这是 %s 重新导入前保存的内容", localTime(r.At, "2006-01-02 15:04"))
	if r.Source != "" {
		note += "（其后由 " + baseName(r.Source) + " 替换）"
	}
	if from != "" {
		note += "；本版来源：" + baseName(from)
	}
	return revisionViewNote(r, note, cats)
}

// revisionViewNote is revisionView with its own opening note.
func revisionViewNote(r *dossier.Revision, note string, cats []dossier.Category) fyne.CanvasObject {
	u := &r.Unit
	text := selectableText
	box := container.NewVBox(muted(note + "。只读，修改请在单位编辑页进行。"))

	form := widget.NewForm()
	for _, f := range []struct{ label, value string }{
		{"申报编号", u.Code}, {"单位名称", u.Name}, {"所属地区", u.Region}, {"单位类型", u.Kind},
		{"推荐单位", u.Recommender}, {"联系人", u.Contact}, {"联系电话", u.Phone},
		{"状态", string(u.Status)}, {"事迹标题", u.Title}, {"事迹简介", u.Summary},
	} {
		form.Append(f.label, text(f.value))
	}
	box.Add(heading("基本信息"))
	box.Add(form)

	// Sections by category in the campaign's current order; sections of a
	// category since removed come last.
	known := map[string]bool{}
	type group struct {
		name     string
		sections []dossier.Achievement
	}
	var groups []group
	for _, c := range cats {
		known[c.ID] = true
		g := group{name: c.Name}
		for _, a := range u.Achievements {
			if a.CategoryID == c.ID {
				g.sections = append(g.sections, a)
			}
		}
		groups = append(groups, g)
	}
	gone := group{name: "（已删除的类别）"}
	for _, a := range u.Achievements {
		if !known[a.CategoryID] {
			gone.sections = append(gone.sections, a)
		}
	}
	if len(gone.sections) > 0 {
		groups = append(groups, gone)
	}
	box.Add(widget.NewSeparator())
	box.Add(heading("事迹材料"))
	for _, g := range groups {
		cat := boldLabel(g.name)
		cat.Importance = widget.HighImportance
		box.Add(cat)
		if len(g.sections) == 0 {
			box.Add(muted("（本类别没有材料）"))
		}
		for _, a := range g.sections {
			if a.Heading != "" {
				h := text(a.Heading)
				h.TextStyle = fyne.TextStyle{Bold: true}
				box.Add(h)
			}
			for _, p := range a.Paragraphs() {
				box.Add(text("　　" + p))
			}
		}
	}

	inds := map[string]dossier.Indicator{}
	for _, c := range cats {
		for _, in := range c.Indicators {
			inds[in.ID] = in
		}
	}
	if len(u.Values) > 0 {
		box.Add(widget.NewSeparator())
		box.Add(heading("量化指标"))
		for _, v := range u.Values {
			name, unit := "（已删除的指标）", ""
			if in, ok := inds[v.IndicatorID]; ok {
				name, unit = in.Name, in.Unit
			}
			line := fmt.Sprintf("%s：%s %s", name, v.Display(), unit)
			if v.Note != "" {
				line += "（" + v.Note + "）"
			}
			box.Add(text(strings.TrimSpace(line)))
		}
	}
	if len(u.Photos) > 0 {
		box.Add(widget.NewSeparator())
		box.Add(heading(fmt.Sprintf("图片（%d）", len(u.Photos))))
		var caps []string
		for i, p := range u.Photos {
			c := p.Caption
			if c == "" {
				c = "（无说明）"
			}
			caps = append(caps, fmt.Sprintf("%d. %s", i+1, c))
		}
		box.Add(text(strings.Join(caps, "\n")))
	}
	return container.NewPadded(box)
}
