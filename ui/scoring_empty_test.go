package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// A new campaign's score grid, before any evaluator exists, names its
// columns whole ("优化扩充工程(20)"), not "… … …" at Fyne's default width.
func TestEmptyScoreGridHeadersReadWhole(t *testing.T) {
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	a.win.Resize(fyne.NewSize(1920, 1080))
	a.ShowScreen(ScreenScoring)
	st := s.screen(ScreenScoring).(*scoringTab)
	st.table.Refresh()
	want := map[string]bool{"申报编号": false, "单位名称": false, "合计": false}
	for _, c := range st.cats {
		want[c.Header()] = false
	}
	if len(want) != 8 {
		t.Fatalf("the grid knows %d categories", len(st.cats))
	}
	for _, o := range objects(st.table) {
		l, ok := o.(*widget.Label)
		if !ok {
			continue
		}
		if _, ok := want[l.Text]; !ok {
			continue
		}
		want[l.Text] = true
		text := fyne.MeasureText(l.Text, l.Theme().Size("text"), l.TextStyle)
		if l.Size().Width < text.Width {
			t.Errorf("header %q is %v wide, its text %v: cut", l.Text, l.Size().Width, text.Width)
		}
	}
	for h, seen := range want {
		if !seen {
			t.Errorf("header %q not shown", h)
		}
	}
}
