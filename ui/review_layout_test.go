package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
)

// insideWindow fails when o does not lie wholly inside the window.
func insideWindow(t *testing.T, a *App, what string, o fyne.CanvasObject) {
	t.Helper()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	end := pos.Add(o.Size())
	win := a.win.Canvas().Size()
	if pos.X < 0 || end.X > win.Width+0.5 || end.Y > win.Height+0.5 || o.Size().Width <= 0 {
		t.Errorf("%s at %v–%v is not wholly inside the %v window", what, pos, end, win)
	}
}

// TestReviewFitsTheScreen is the dialogs brief item 4: at 1024 × 768 the
// 复核 screen's table (its 情况 column) and the review form (reviewer,
// opinion, 记录复核) lie inside the window; at 1920 px 情况 takes the room.
func TestReviewFitsTheScreen(t *testing.T) {
	a, _ := newTestApp(t)
	if err := a.OpenDemo(filepath.Join(t.TempDir(), "demo.dossier")); err != nil {
		t.Fatal(err)
	}
	var detail1024 float32
	for _, size := range []fyne.Size{{Width: 1024, Height: 768}, {Width: 1920, Height: 1080}} {
		a.win.Resize(size)
		a.cur.show(ScreenReview)
		rv := a.cur.screens[ScreenReview].(*reviewTab)
		a.win.Content().Refresh()
		if len(rv.flags) == 0 {
			t.Fatal("the demo has no flags")
		}
		var cols float32
		for _, w := range reviewColumnWidths {
			cols += w
		}
		fill := rv.table.Size().Width - cols
		detail := fill // what 情况 may take without running off the table
		got := float32(0)
		// The table's own idea of the 情况 column is where its last cell ends.
		for _, o := range objects(rv.table) {
			if pos := o.Position(); o.Size().Width > got && pos.X >= cols-1 {
				got = o.Size().Width
			}
		}
		if got > detail+0.5 || got < 240 {
			t.Errorf("%v: 情况 column %.0f wide, the table leaves %.0f", size, got, detail)
		}
		insideWindow(t, a, "the table", rv.table)
		insideWindow(t, a, "复核人", rv.by)
		insideWindow(t, a, "复核意见", rv.note)
		insideWindow(t, a, "记录复核", rv.submit)
		if size.Width == 1024 {
			detail1024 = got
		} else if got < detail1024+800 {
			t.Errorf("at 1920 px 情况 is %.0f wide, at 1024 %.0f: it does not take the room", got, detail1024)
		}
	}
}
