package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// A failed save shows the error bar without moving anything under the
// mouse: the tabs keep their place and size.
func TestErrorBarDoesNotMoveTheScreen(t *testing.T) {
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	a.win.Resize(fyne.NewSize(1024, 768))
	a.ShowScreen(ScreenUnits)
	pos := func() (fyne.Position, fyne.Size) {
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(s.tabs), s.tabs.Size()
	}
	p0, z0 := pos()
	s.errs.set("unit:x:name", "单位名称", "未能保存：磁盘已满", nil)
	if !s.errs.box.Visible() {
		t.Fatal("the error bar is not shown")
	}
	p1, z1 := pos()
	if p0 != p1 || z0 != z1 {
		t.Errorf("the tabs moved when the error bar appeared: %v %v → %v %v", p0, z0, p1, z1)
	}
	if bp := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.errs.box); bp.Y < p1.Y || bp.Y+s.errs.box.Size().Height > p1.Y+z1.Height+1 {
		t.Errorf("the bar at %v (%v) is not over the foot of the screen (tabs %v %v)", bp, s.errs.box.Size(), p1, z1)
	}
	s.errs.clear("unit:x:name")
	if p2, z2 := pos(); p2 != p0 || z2 != z0 {
		t.Errorf("the tabs moved when the error bar went: %v %v", p2, z2)
	}
}
