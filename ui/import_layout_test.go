package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
)

// At 1024 × 768 the import preview's 说明 column ends inside the window
// (its fixed 560 px ran off the right edge); at 1920 px it takes the room.
func TestImportPreviewFitsTheScreen(t *testing.T) {
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	a.ShowScreen(ScreenImport)
	it := s.screen(ScreenImport).(*importTab)
	it.rows = []importRow{{file: "/tmp/焦作.xlsx", action: dossier.ImportRejected, name: "焦作市教育局",
		lines: []string{strings.Repeat("工作表“量化指标”，单元格 D2：“约27万”是约数，请填写确切数字。", 3)}}}
	var at1024 float32
	for _, size := range []fyne.Size{{Width: 1024, Height: 768}, {Width: 1920, Height: 1080}} {
		a.win.Resize(size)
		a.win.Content().Refresh()
		it.table.Refresh()
		var note *widget.Label
		for _, o := range objects(it.table) {
			if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "工作表“量化指标”") {
				note = l
			}
		}
		if note == nil {
			t.Fatalf("%v: the 说明 cell is not drawn", size)
		}
		if got := a.win.Canvas().Size(); got.Width > size.Width {
			t.Errorf("the window cannot be %v wide: the screen needs %v", size.Width, got.Width)
		}
		insideWindow(t, a, "说明", note)
		if size.Width == 1024 {
			at1024 = note.Size().Width
		} else if note.Size().Width < at1024+800 {
			t.Errorf("at 1920 px 说明 is %.0f wide, at 1024 %.0f: it does not take the room", note.Size().Width, at1024)
		}
	}
}
