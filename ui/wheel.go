package ui

import (
	"reflect"
	"runtime"
	"sync"
	"weak"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// The mouse wheel (issue 11 item 14). Fyne's desktop driver moves a scroll
// container 25 px per wheel notch on Windows and Linux, where other
// programs move about three lines (some 60 px): reading a long page took
// a dozen notches. And a multi-line text box takes every wheel event over
// it, even when its text fits and it has nothing to scroll, so a page
// stopped scrolling whenever the pointer crossed a text box.
//
// Fyne gives a wheel event to the innermost Scrollable under the pointer
// and has no setting for the speed. So a page scroll made by newVScroll
// holds, behind its content, a catcher that takes the wheel wherever
// nothing inner scrolls and moves the page wheelFactor times as far; and a
// multi-line field lays a catcher over its text box that lets the box
// scroll and, when the box cannot move (its text fits, or it is at its top
// or bottom), scrolls the page the field is on instead.

// wheelFactor multiplies the wheel's step on page scrolls: 25 px a notch
// becomes 60, three lines of body text. macOS's driver already scales
// (and trackpads send fine steps), so there it stays 1.
var wheelFactor = func() float32 {
	if runtime.GOOS == "darwin" {
		return 1
	}
	return 2.4
}()

// newVScroll is container.NewVScroll with the faster wheel and the page
// that multi-line fields on it pass the wheel to.
func newVScroll(content fyne.CanvasObject) *container.Scroll {
	s := container.NewVScroll(nil)
	c := &wheelCatcher{page: s}
	c.ExtendBaseWidget(c)
	s.Content = container.NewStack(c, content)
	pagesMu.Lock()
	pages = append(pages, weak.Make(s))
	pagesMu.Unlock()
	return s
}

// wheelCatcher sits behind a page's content and scrolls the page.
type wheelCatcher struct {
	widget.BaseWidget
	page *container.Scroll
}

// Scrolled moves the page wheelFactor times the wheel's step.
func (c *wheelCatcher) Scrolled(ev *fyne.ScrollEvent) { scrollPage(c.page, ev) }

// CreateRenderer draws nothing: the catcher only takes the wheel.
func (c *wheelCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}

// scrollPage scrolls page by the event's step times wheelFactor.
func scrollPage(page *container.Scroll, ev *fyne.ScrollEvent) {
	fast := *ev
	fast.Scrolled = fyne.Delta{DX: ev.Scrolled.DX * wheelFactor, DY: ev.Scrolled.DY * wheelFactor}
	page.Scrolled(&fast)
}

// The page scrolls made by newVScroll, held weakly: a screen dropped with
// its campaign is not kept alive by this list.
var (
	pagesMu sync.Mutex
	pages   []weak.Pointer[container.Scroll]
)

// pageAround returns the innermost page scroll on screen that holds o,
// nil when o is on none.
func pageAround(o fyne.CanvasObject) *container.Scroll {
	app := fyne.CurrentApp()
	if app == nil {
		return nil
	}
	d := app.Driver()
	cv := d.CanvasForObject(o)
	at := d.AbsolutePositionForObject(o)
	pagesMu.Lock()
	defer pagesMu.Unlock()
	var best *container.Scroll
	live := pages[:0]
	for _, w := range pages {
		s := w.Value()
		if s == nil {
			continue
		}
		live = append(live, w)
		if !s.Visible() || d.CanvasForObject(s) != cv {
			continue
		}
		// Within the page's content, which may reach beyond the part in
		// view: a field half scrolled out is still on the page.
		p, sz := d.AbsolutePositionForObject(s.Content), s.Content.Size()
		if !shown(d, cv, s) || at.X < p.X || at.Y < p.Y || at.X >= p.X+sz.Width || at.Y >= p.Y+sz.Height {
			continue
		}
		if best == nil || sz.Width*sz.Height < best.Content.Size().Width*best.Content.Size().Height {
			best = s
		}
	}
	clear(pages[len(live):])
	pages = live
	return best
}

// shown reports whether o is in the visible tree of cv. Fyne has no call
// for it; its drivers answer AbsolutePositionForObject for an object they
// do not find with the origin less the canvas's inset, or with the origin
// when they know no canvas for it, and no page scroll sits at either.
func shown(d fyne.Driver, cv fyne.Canvas, o fyne.CanvasObject) bool {
	if cv == nil {
		return false
	}
	p := d.AbsolutePositionForObject(o)
	inset, _ := cv.InteractiveArea()
	return !p.IsZero() && p != fyne.Position{}.Subtract(inset)
}

// wheelPass lies over a multi-line field's text box.
type wheelPass struct {
	widget.BaseWidget
	field fyne.CanvasObject
	inner func() fyne.Scrollable // the text box's own scroll, nil if none
}

// Scrolled lets the text box scroll, and when it does not move, scrolls
// the page the field is on.
func (p *wheelPass) Scrolled(ev *fyne.ScrollEvent) {
	if in := p.inner(); in != nil {
		before, ok := scrollOffset(in)
		in.Scrolled(ev)
		if after, _ := scrollOffset(in); !ok || after != before {
			return
		}
	}
	if page := pageAround(p.field); page != nil {
		scrollPage(page, ev)
	}
}

// CreateRenderer draws nothing: the pass only takes the wheel.
func (p *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}

// scrollOffset reads the Offset of a Fyne scroll. An Entry's scroll is of
// an internal type, so its exported Offset field is read by reflection;
// ok is false if the type has none (then the box is let keep the wheel).
func scrollOffset(s fyne.Scrollable) (fyne.Position, bool) {
	v := reflect.ValueOf(s)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return fyne.Position{}, false
	}
	f := v.Elem().FieldByName("Offset")
	if !f.IsValid() || !f.CanInterface() {
		return fyne.Position{}, false
	}
	pos, ok := f.Interface().(fyne.Position)
	return pos, ok
}

// passRenderer is an Entry's renderer with a wheelPass over it.
type passRenderer struct {
	fyne.WidgetRenderer
	pass *wheelPass
}

func (r *passRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.pass.Resize(size)
	r.pass.Move(fyne.Position{})
}

// Objects are the Entry's, the pass last so that it is found on top.
func (r *passRenderer) Objects() []fyne.CanvasObject {
	return append(r.WidgetRenderer.Objects()[:len(r.WidgetRenderer.Objects()):len(r.WidgetRenderer.Objects())], r.pass)
}

// withWheelPass wraps the renderer of a multi-line entry (the widget o)
// with a wheelPass.
func withWheelPass(o fyne.CanvasObject, r fyne.WidgetRenderer) fyne.WidgetRenderer {
	p := &wheelPass{field: o}
	p.inner = func() fyne.Scrollable {
		for _, c := range r.Objects() {
			if s, ok := c.(fyne.Scrollable); ok && c.Visible() {
				return s
			}
		}
		return nil
	}
	p.ExtendBaseWidget(p)
	return &passRenderer{WidgetRenderer: r, pass: p}
}
