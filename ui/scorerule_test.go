package ui

import (
	"bytes"
	"context"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/dossier-app/dossier/export/xlsx"
	"github.com/xuri/excelize/v2"
)

// TestScoreRuleOnce: the scoring grid refuses an out-of-range score with the
// words the store (and so dossierctl scores set) uses, and titles its
// columns as the score workbook does (issue 12: four messages, four
// headers).
func TestScoreRuleOnce(t *testing.T) {
	a, s := scoringCampaign(t)
	ctx := context.Background()
	a.ShowScreen(ScreenScoring)
	sc := s.screen(ScreenScoring).(*scoringTab)

	v := dossier.Points(25)
	storeErr := s.store.SetScore(ctx, store.ScoreInput{Evaluator: "王评委", Unit: "A01", Category: sc.cats[0].Name, Value: &v})
	want := "分值 25 超出范围，“优化扩充工程”应在 0 到 20 之间"
	if got := dossier.ErrorMessage(storeErr); got != want {
		t.Errorf("store says %q, want %q", got, want)
	}
	if got := sc.check(0, "25"); got != want {
		t.Errorf("grid says %q, want %q", got, want)
	}

	b, err := s.store.Book(ctx, store.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := xlsx.WriteScoreSheet(&buf, b, b.Evaluators[0].ID); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i := range sc.cats {
		cell, _ := excelize.CoordinatesToCellName(3+i, 1)
		inBook, _ := f.GetCellValue(xlsx.SheetScores, cell)
		if got := sc.header(2 + i); got != inBook || got != sc.cats[i].Header() {
			t.Errorf("column %d: grid %q, workbook %s %q", i, got, cell, inBook)
		}
	}
}
