package sqlite_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/demo"
)

// TestHistoryActionsAreKnown: every entry the store writes carries one of
// dossier.Actions, so the history screen names it in Chinese (issue 12).
func TestHistoryActionsAreKnown(t *testing.T) {
	ctx := context.Background()
	s, err := demo.Create(ctx, filepath.Join(t.TempDir(), "d.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	u, err := s.UnitByCode(ctx, "HN2022-001")
	if err != nil {
		t.Fatal(err)
	}
	u.Summary = "改写的事迹简介"
	if err := s.UpdateUnit(ctx, &u); err != nil {
		t.Fatal(err)
	}
	if err := s.CloseScoring(ctx, ""); err != nil {
		t.Fatal(err)
	}
	hist, err := s.History(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RestoreEvent(ctx, hist[1].ID); err != nil { // the summary edit
		t.Fatal(err)
	}
	if hist, err = s.History(ctx, ""); err != nil {
		t.Fatal(err)
	}
	seen := map[dossier.Action]bool{}
	for _, e := range hist {
		a := dossier.Action(e.Action)
		if !slices.Contains(dossier.Actions, a) {
			t.Errorf("entry #%d has action %q, not one of dossier.Actions", e.ID, e.Action)
		}
		seen[a] = true
	}
	for _, a := range []dossier.Action{dossier.ActionCampaignCreate, dossier.ActionUnitUpdate, dossier.ActionUnitRestore, dossier.ActionScoringClose} {
		if !seen[a] {
			t.Errorf("history lacks %s", a)
		}
	}
}
