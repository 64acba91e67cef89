package ui

import (
	"context"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/sqlite"
)

// A unit editor shows a category added elsewhere once the units screen
// comes forward again: through another screen's store call, and through
// another program on the same file (dossierctl), which the store's
// generation sees by polling. Nothing written, nothing rebuilt.
func TestUnitEditorFollowsGeneration(t *testing.T) {
	ctx := context.Background()
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	a.ShowScreen(ScreenUnits)
	ut := s.screen(ScreenUnits).(*unitsTab)
	if _, err := ut.add(dossier.Unit{Code: "2022-0001", Name: "郑州市教育局"}); err != nil {
		t.Fatal(err)
	}
	cats, _ := s.store.Categories(ctx)
	n := len(cats)
	if len(ut.editor.panes) != n {
		t.Fatalf("editor has %d category panes, want %d", len(ut.editor.panes), n)
	}

	// Nothing changed: coming back keeps the very same editor.
	ed := ut.editor
	a.ShowScreen(ScreenSettings)
	a.ShowScreen(ScreenUnits)
	if ut.editor != ed {
		t.Error("editor built again although nothing was written")
	}
	// The editor's own save is no reason to build it again either.
	ut.editor.contact.SetText("王老师")
	ut.editor.contact.FocusLost()
	a.ShowScreen(ScreenSettings)
	a.ShowScreen(ScreenUnits)
	if ut.editor != ed || ut.editor.contact.Text != "王老师" {
		t.Error("editor built again after its own save")
	}

	// Another screen's write, straight through the store.
	c := dossier.Category{Name: "新增类别甲", Max: 100}
	if err := s.store.AddCategory(ctx, &c); err != nil {
		t.Fatal(err)
	}
	a.ShowScreen(ScreenSettings)
	a.ShowScreen(ScreenUnits)
	if len(ut.editor.panes) != n+1 {
		t.Fatalf("after a category added by another screen: %d panes, want %d", len(ut.editor.panes), n+1)
	}

	// Another program on the same file.
	other, err := sqlite.Open(ctx, s.store.Path())
	if err != nil {
		t.Fatal(err)
	}
	c2 := dossier.Category{Name: "新增类别乙", Max: 100}
	if err := other.AddCategory(ctx, &c2); err != nil {
		t.Fatal(err)
	}
	if err := other.Close(); err != nil {
		t.Fatal(err)
	}
	a.ShowScreen(ScreenSettings)
	a.ShowScreen(ScreenUnits)
	if len(ut.editor.panes) != n+2 {
		t.Fatalf("after a category added by another program: %d panes, want %d", len(ut.editor.panes), n+2)
	}
	if got, _ := s.store.UnitByCode(ctx, "2022-0001"); got.Contact != "王老师" {
		t.Errorf("the editor's save was lost: %+v", got)
	}
}
