package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// wheelPage is a page as the screens build them: labels, a multi-line
// field with text, more labels, taller than the window.
func wheelPage(scroll func(fyne.CanvasObject) *container.Scroll, text string) (fyne.Window, *container.Scroll, fyne.CanvasObject) {
	box := container.NewVBox()
	for i := 0; i < 20; i++ {
		box.Add(widget.NewLabel("说明文字"))
	}
	f := newField(true)
	f.SetMinRowsVisible(3)
	f.SetText(text)
	box.Add(f)
	for i := 0; i < 40; i++ {
		box.Add(widget.NewLabel("说明文字"))
	}
	s := scroll(box)
	w := test.NewWindow(s)
	w.Resize(fyne.NewSize(500, 400))
	return w, s, f
}

// TestWheelScrollsPageFaster: one wheel notch (Fyne's 25 px) moves a page
// 60 px, three lines, where Fyne's own scroll moves 25 (issue 11 item 14).
func TestWheelScrollsPageFaster(t *testing.T) {
	newTestApp(t)
	for _, c := range []struct {
		name   string
		scroll func(fyne.CanvasObject) *container.Scroll
		want   float32
	}{{"Fyne", container.NewVScroll, 25}, {"newVScroll", newVScroll, 25 * wheelFactor}} {
		w, s, _ := wheelPage(c.scroll, "短")
		test.Scroll(w.Canvas(), fyne.NewPos(100, 40), 0, -25)
		if s.Offset.Y != c.want {
			t.Errorf("%s: one notch scrolled %.0f px, want %.0f", c.name, s.Offset.Y, c.want)
		}
		w.Close()
	}
	if wheelFactor*25 < 55 {
		t.Errorf("a notch is %.0f px, less than three lines", wheelFactor*25)
	}
}

// TestWheelPassesOverTextBox: the wheel over a multi-line box whose text
// fits scrolls the page (Fyne's box keeps it and the page stops); over a
// box with more text than it shows, it scrolls the box until the box's end,
// then the page (issue 11 item 14).
func TestWheelPassesOverTextBox(t *testing.T) {
	newTestApp(t)
	overBox := func(w fyne.Window, f fyne.CanvasObject) fyne.Position {
		p := fyne.CurrentApp().Driver().AbsolutePositionForObject(f)
		return p.Add(fyne.NewPos(20, f.Size().Height/2))
	}

	// Fyne's page: the box takes the wheel and the page does not move.
	w, s, f := wheelPage(container.NewVScroll, "一行字。")
	s.ScrollToOffset(fyne.NewPos(0, f.Position().Y-100))
	before := s.Offset.Y
	test.Scroll(w.Canvas(), overBox(w, f), 0, -25)
	if s.Offset.Y != before {
		t.Fatalf("Fyne's own page moved over the box (%.0f → %.0f): the fault this fixes is gone", before, s.Offset.Y)
	}
	w.Close()

	w, s, f = wheelPage(newVScroll, "一行字。")
	defer w.Close()
	s.ScrollToOffset(fyne.NewPos(0, f.Position().Y-100))
	before = s.Offset.Y
	test.Scroll(w.Canvas(), overBox(w, f), 0, -25)
	if s.Offset.Y != before+25*wheelFactor {
		t.Errorf("over a box whose text fits the page moved %.0f px, want %.0f", s.Offset.Y-before, 25*wheelFactor)
	}

	long := strings.Repeat("评审材料汇编的事迹简介较长，一个框里显示不下。\n", 30)
	w2, s2, f2 := wheelPage(newVScroll, long)
	defer w2.Close()
	s2.ScrollToOffset(fyne.NewPos(0, f2.Position().Y-100))
	start := s2.Offset.Y
	pos := overBox(w2, f2)
	test.Scroll(w2.Canvas(), pos, 0, -25)
	if s2.Offset.Y != start {
		t.Errorf("over a box with more text the page moved (%.0f → %.0f); the box should scroll", start, s2.Offset.Y)
	}
	moved := false
	for i := 0; i < 200 && !moved; i++ {
		test.Scroll(w2.Canvas(), pos, 0, -25)
		moved = s2.Offset.Y != start
	}
	if !moved {
		t.Error("at the end of the box's text the wheel never went on to the page")
	}
}
