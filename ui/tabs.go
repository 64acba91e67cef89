package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Tabs whose labels are never folded away (issue 11 item 12). Fyne's
// AppTabs puts the labels that do not fit on one line behind "…", so at
// 1024 px the unit editor hid 图片 and the last categories, and the settings
// screen's category list cut every name to two characters. A tabStrip
// wraps its labels onto a second row instead: every label stays readable
// and one click away at any width, and no space is taken from the content
// beside it (vertical tabs would take a column from an editor that is
// already narrow at 1024 px).

// tabStrip is a row of tab labels that wraps onto further rows.
type tabStrip struct {
	widget.BaseWidget
	count func() int
	label func(i int) string
	sel   int
	// OnSelected runs when another tab is chosen (by a click or Select).
	OnSelected func(i int)
	tabs       []*tabLabel
}

func newTabStrip(count func() int, label func(int) string) *tabStrip {
	s := &tabStrip{count: count, label: label, sel: -1}
	s.ExtendBaseWidget(s)
	return s
}

// Select chooses tab i as widget.List.Select does: choosing the tab already
// chosen, or one that does not exist, does nothing.
func (s *tabStrip) Select(i int) {
	if i == s.sel || i < 0 || i >= s.count() {
		return
	}
	s.sel = i
	s.Refresh()
	if s.OnSelected != nil {
		s.OnSelected(i)
	}
}

// Selected is the chosen tab, -1 for none.
func (s *tabStrip) Selected() int { return s.sel }

// RefreshItem shows tab i's label anew.
func (s *tabStrip) RefreshItem(int) { s.Refresh() }

// heightFor is the strip's height when laid out width wide.
func (s *tabStrip) heightFor(width float32) float32 {
	s.sync()
	_, h := flowTabs(s.tabs, width, nil)
	return h
}

// sync makes one label per tab, with the tab's current text.
func (s *tabStrip) sync() {
	n := s.count()
	for len(s.tabs) < n {
		i := len(s.tabs)
		s.tabs = append(s.tabs, newTabLabel(func() { s.Select(i) }))
	}
	s.tabs = s.tabs[:n]
	if s.sel >= n {
		s.sel = n - 1
	}
	for i, t := range s.tabs {
		t.set(s.label(i), i == s.sel)
	}
}

// flowTabs places tabs left to right in rows width wide (each at least on
// its own row) and reports where the chosen one is (by at) and the height.
func flowTabs(tabs []*tabLabel, width float32, at func(t *tabLabel, pos fyne.Position, size fyne.Size)) (rows int, height float32) {
	var x, y, rowH float32
	for _, t := range tabs {
		sz := t.MinSize()
		rowH = max(rowH, sz.Height)
		if x > 0 && x+sz.Width > width {
			x, y = 0, y+rowH
			rows++
		}
		if at != nil {
			at(t, fyne.NewPos(x, y), sz)
		}
		x += sz.Width
	}
	if len(tabs) == 0 {
		return 0, 0
	}
	return rows + 1, y + rowH
}

// CreateRenderer draws the labels and a line under the chosen one.
func (s *tabStrip) CreateRenderer() fyne.WidgetRenderer {
	r := &tabStripRenderer{s: s, line: canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))}
	r.Refresh()
	return r
}

type tabStripRenderer struct {
	s    *tabStrip
	line *canvas.Rectangle
	objs []fyne.CanvasObject
}

func (r *tabStripRenderer) Layout(size fyne.Size) {
	r.line.Hide()
	flowTabs(r.s.tabs, size.Width, func(t *tabLabel, pos fyne.Position, sz fyne.Size) {
		t.Move(pos)
		t.Resize(sz)
		if t.on {
			r.line.Move(fyne.NewPos(pos.X+theme.Padding(), pos.Y+sz.Height-3))
			r.line.Resize(fyne.NewSize(sz.Width-2*theme.Padding(), 3))
			r.line.Show()
		}
	})
}

// MinSize is the widest label on one row; the strip's owner gives it the
// rows it needs at its width (heightFor).
func (r *tabStripRenderer) MinSize() fyne.Size {
	var w, h float32
	for _, t := range r.s.tabs {
		sz := t.MinSize()
		w, h = max(w, sz.Width), max(h, sz.Height)
	}
	return fyne.NewSize(w, h)
}

func (r *tabStripRenderer) Refresh() {
	r.s.sync()
	r.line.FillColor = theme.Color(theme.ColorNamePrimary)
	r.objs = r.objs[:0]
	for _, t := range r.s.tabs {
		r.objs = append(r.objs, t)
	}
	r.objs = append(r.objs, r.line)
	r.Layout(r.s.Size())
	for _, t := range r.s.tabs {
		t.Refresh()
	}
	r.line.Refresh()
}

func (r *tabStripRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *tabStripRenderer) Destroy()                     {}

// tabLabel is one tab: a label that chooses its tab when clicked.
type tabLabel struct {
	widget.Label
	on  bool
	tap func()
}

func newTabLabel(tap func()) *tabLabel {
	t := &tabLabel{tap: tap}
	t.ExtendBaseWidget(t)
	return t
}

func (t *tabLabel) set(text string, on bool) {
	t.on = on
	t.Text = text
	t.TextStyle.Bold = on
	t.Importance = widget.MediumImportance
	if on {
		t.Importance = widget.HighImportance
	}
}

// Tapped chooses the tab.
func (t *tabLabel) Tapped(*fyne.PointEvent) { t.tap() }

// Cursor is the hand, as over a button.
func (t *tabLabel) Cursor() desktop.Cursor { return desktop.PointerCursor }

// stripAbove lays a tabStrip over the content below it, giving the strip
// the rows its labels need at the width available.
type stripAbove struct{ strip *tabStrip }

func (l stripAbove) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	h := l.strip.heightFor(size.Width)
	l.strip.Move(fyne.NewPos(0, 0))
	l.strip.Resize(fyne.NewSize(size.Width, h))
	sep := objs[1]
	sep.Move(fyne.NewPos(0, h))
	sep.Resize(fyne.NewSize(size.Width, 1))
	top := h + theme.Padding()
	for _, o := range objs[2:] {
		o.Move(fyne.NewPos(0, top))
		o.Resize(fyne.NewSize(size.Width, max(0, size.Height-top)))
	}
}

func (l stripAbove) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := l.strip.MinSize()
	var w, h float32
	for _, o := range objs[2:] {
		m := o.MinSize()
		w, h = max(w, m.Width), max(h, m.Height)
	}
	return fyne.NewSize(max(s.Width, w), s.Height+theme.Padding()+h)
}

// withStrip is content under strip (stripAbove).
func withStrip(strip *tabStrip, content fyne.CanvasObject) *fyne.Container {
	return container.New(stripAbove{strip}, strip, widget.NewSeparator(), content)
}

// wrapTabs is a tab container (the subset of container.AppTabs the screens
// use) whose labels wrap instead of folding into "…".
type wrapTabs struct {
	widget.BaseWidget
	// Items are the tabs; their Text is shown, their Content when chosen.
	Items []*container.TabItem
	// OnSelected runs when another tab is chosen.
	OnSelected func(*container.TabItem)
	strip      *tabStrip
	pages      *fyne.Container
	view       *fyne.Container
}

func newWrapTabs(items ...*container.TabItem) *wrapTabs {
	t := &wrapTabs{Items: items}
	t.strip = newTabStrip(func() int { return len(t.Items) }, func(i int) string { return t.Items[i].Text })
	t.pages = container.NewStack()
	for _, it := range items {
		it.Content.Hide()
		t.pages.Add(it.Content)
	}
	t.strip.OnSelected = func(i int) {
		for k, it := range t.Items {
			if k == i {
				it.Content.Show()
			} else {
				it.Content.Hide()
			}
		}
		t.pages.Refresh()
		if t.OnSelected != nil {
			t.OnSelected(t.Items[i])
		}
	}
	t.view = withStrip(t.strip, t.pages)
	t.ExtendBaseWidget(t)
	if len(items) > 0 {
		t.strip.sel = 0
		items[0].Content.Show()
	}
	return t
}

// SelectIndex chooses tab i.
func (t *wrapTabs) SelectIndex(i int) { t.strip.Select(i) }

// SelectedIndex is the chosen tab, -1 for none.
func (t *wrapTabs) SelectedIndex() int { return t.strip.sel }

// Selected is the chosen tab's item, nil for none.
func (t *wrapTabs) Selected() *container.TabItem {
	if i := t.strip.sel; i >= 0 && i < len(t.Items) {
		return t.Items[i]
	}
	return nil
}

// Refresh shows the items' labels anew.
func (t *wrapTabs) Refresh() {
	t.strip.Refresh()
	t.view.Refresh()
	t.BaseWidget.Refresh()
}

// CreateRenderer shows the strip over the chosen page.
func (t *wrapTabs) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(t.view) }
