package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A table scrolls wheelFactor times Fyne's step under the wheel, and a
// click still reaches its cells through the catcher.
func TestWheelScrollsTablesFaster(t *testing.T) {
	test.NewTempApp(t)
	var tapped widget.TableCellID
	tbl := widget.NewTable(func() (int, int) { return 300, 3 },
		func() fyne.CanvasObject { return widget.NewLabel("第000行") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(fmt.Sprintf("第%d行", id.Row))
		})
	tbl.OnSelected = func(id widget.TableCellID) { tapped = id }
	w := test.NewTempWindow(t, fastTable(tbl))
	w.Resize(fyne.NewSize(400, 300))
	off, ok := tableOffset(tbl)
	if !ok || off.Y != 0 {
		t.Fatalf("offset %v (%v)", off, ok)
	}
	test.Scroll(w.Canvas(), fyne.NewPos(100, 100), 0, -25) // one notch down
	off, _ = tableOffset(tbl)
	if off.Y != 25*wheelFactor {
		t.Errorf("one notch moved the table %v px, want %v", off.Y, 25*wheelFactor)
	}
	test.Scroll(w.Canvas(), fyne.NewPos(100, 100), 0, 1000) // far up: stops at the top
	if off, _ = tableOffset(tbl); off.Y != 0 {
		t.Errorf("scrolled past the top to %v", off.Y)
	}
	test.TapCanvas(w.Canvas(), fyne.NewPos(20, 60))
	if tapped.Row != 1 {
		t.Errorf("a click on the second row selected %+v", tapped)
	}
}
