package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/dossier-app/dossier/dossier"
)

// onScreenTabs are the tab labels drawn in root, by text, each checked to
// lie wholly inside the window.
func onScreenTabs(t *testing.T, a *App, root fyne.CanvasObject) map[string]*tabLabel {
	t.Helper()
	win := a.win.Canvas().Size()
	out := map[string]*tabLabel{}
	for _, o := range objects(root) {
		l, ok := o.(*tabLabel)
		if !ok {
			continue
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(l)
		end := pos.Add(l.Size())
		if pos.X < 0 || end.X > win.Width+0.5 || end.Y > win.Height+0.5 || l.Size().Width < l.MinSize().Width {
			t.Errorf("tab %q at %v–%v is not wholly inside the %v window", l.Text, pos, end, win)
		}
		out[l.Text] = l
	}
	return out
}

// TestTabsNeverFold is issue 11 item 12: at 1024 × 768 every tab of the
// unit editor (基本信息, each category, 图片) and every category of the
// settings screen is shown whole, none folded behind "…"; a click on one
// shows its page.
func TestTabsNeverFold(t *testing.T) {
	a, _ := newTestApp(t)
	a.win.Resize(fyne.NewSize(1024, 768))
	s := newTestCampaign(t, a)
	ctx := context.Background()
	cats, _ := s.store.Categories(ctx)
	if len(cats) < 5 {
		t.Fatalf("%d categories", len(cats))
	}

	a.ShowScreen(ScreenUnits)
	ut := s.screen(ScreenUnits).(*unitsTab)
	if _, err := ut.add(dossier.Unit{Code: "2022-0001", Name: "郑州市教育局"}); err != nil {
		t.Fatal(err)
	}
	ed := ut.editor
	a.win.Content().Refresh()
	tabs := onScreenTabs(t, a, a.win.Content())
	want := []string{"基本信息", "图片（0）"}
	for _, c := range cats {
		want = append(want, c.Name)
	}
	for _, w := range want {
		if tabs[w] == nil {
			t.Errorf("unit editor tab %q not on screen; shown: %v", w, tabNames(tabs))
		}
	}
	if l := tabs["图片（0）"]; l != nil {
		test.Tap(l)
		if got := ed.tabs.Selected(); got == nil || got != ed.photoTab {
			t.Fatal("a click on 图片 did not show the photos")
		}
		if !contains(texts(a.win.Content()), "添加图片…") {
			t.Error("the photos page is not shown")
		}
		if contains(texts(a.win.Content()), "申报编号") && ed.tabs.Selected().Content.Visible() && ed.tabs.Items[0].Content.Visible() {
			t.Error("the basic page is still shown under the photos")
		}
	}

	a.ShowScreen(ScreenSettings)
	st := s.screen(ScreenSettings).(*settingsTab)
	a.win.Content().Refresh()
	tabs = onScreenTabs(t, a, a.win.Content())
	for i, c := range cats {
		var found *tabLabel
		for text, l := range tabs {
			if strings.Contains(text, c.Name) {
				found = l
			}
		}
		if found == nil {
			t.Errorf("settings: category %q not shown whole; shown: %v", c.Name, tabNames(tabs))
			continue
		}
		if i == 3 {
			test.Tap(found)
			if st.sel != 3 || st.catEdit == nil || st.catEdit.name.Text != c.Name {
				t.Errorf("a click on %q did not open its editor", c.Name)
			}
		}
	}
}

func tabNames(m map[string]*tabLabel) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
