package ui

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Fyne's tables (the score grid, the ranking, the units list)
// scroll inside themselves and take the wheel before anything around them,
// so a page's catcher (newVScroll) never sees it there and they moved
// 25 px a notch: a 300-row grid took a hundred notches. fastTable lays
// over a table a catcher that takes only the wheel (it is no
// Tappable, Hoverable or Draggable, so clicks, hovering and the scroll
// bars go through to the table below) and moves them wheelFactor times
// as far.

// fastTable is t with the faster wheel. A Table has ScrollToOffset but no
// getter for its offset; the catcher reads the offset Table keeps, and
// where a Fyne version no longer has that field the table is returned as
// it is, with Fyne's own speed, rather than a catcher that could not
// scroll it.
func fastTable(t *widget.Table) fyne.CanvasObject {
	if _, ok := tableOffset(t); !ok {
		return t
	}
	c := &tableWheel{table: t}
	c.ExtendBaseWidget(c)
	return container.NewStack(t, c)
}

// tableOffset reads the table's scroll offset (Table.offset, kept in step
// with its scroller by every ScrollTo and scroll-bar drag).
func tableOffset(t *widget.Table) (fyne.Position, bool) {
	f := reflect.ValueOf(t).Elem().FieldByName("offset")
	if !f.IsValid() || f.Type() != reflect.TypeOf(fyne.Position{}) {
		return fyne.Position{}, false
	}
	return fyne.NewPos(float32(f.Field(0).Float()), float32(f.Field(1).Float())), true
}

type tableWheel struct {
	widget.BaseWidget
	table *widget.Table
}

// Scrolled moves the table wheelFactor times the wheel's step; Fyne's
// scroller keeps the offset inside the content.
func (c *tableWheel) Scrolled(ev *fyne.ScrollEvent) {
	off, _ := tableOffset(c.table)
	c.table.ScrollToOffset(fyne.NewPos(max(0, off.X-ev.Scrolled.DX*wheelFactor), max(0, off.Y-ev.Scrolled.DY*wheelFactor)))
}

// CreateRenderer draws nothing: the catcher only takes the wheel.
func (c *tableWheel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}
