package storetest

import (
	"context"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

// testSameScoreAgainWritesNothing: a score saved again with the value it
// has (a save retried after the server's answer was lost, a workbook
// imported twice) adds no history entry and no score-log record.
func testSameScoreAgainWritesNothing(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := ad.newStore(t)
	if err := s.AddEvaluator(ctx, &dossier.Evaluator{Name: "张敏"}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddUnit(ctx, &dossier.Unit{Code: "A-1", Name: "甲单位"}); err != nil {
		t.Fatal(err)
	}
	cats, err := s.Categories(ctx)
	if err != nil || len(cats) == 0 {
		t.Fatalf("categories: %v %v", cats, err)
	}
	v := dossier.Tenths(cats[0].Max / 2)
	in := store.ScoreInput{Evaluator: "张敏", Unit: "A-1", Category: cats[0].Name, Value: &v}
	if err := s.SetScore(ctx, in); err != nil {
		t.Fatal(err)
	}
	events, err := s.History(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	log, err := s.Verify(ctx)
	if err != nil || !log.OK {
		t.Fatalf("verify: %+v %v", log, err)
	}
	if err := s.SetScore(ctx, in); err != nil {
		t.Fatal(err)
	}
	again, err := s.History(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	log2, err := s.Verify(ctx)
	if err != nil || !log2.OK {
		t.Fatalf("verify: %+v %v", log2, err)
	}
	if len(again) != len(events) || log2.Records != log.Records {
		t.Fatalf("the same score again: history %d → %d entries, log %d → %d records", len(events), len(again), log.Records, log2.Records)
	}
	w := v + 1
	in.Value = &w
	if err := s.SetScore(ctx, in); err != nil {
		t.Fatal(err)
	}
	if changed, _ := s.History(ctx, ""); len(changed) != len(events)+1 {
		t.Fatalf("a changed score: %d history entries, want %d", len(changed), len(events)+1)
	}
}
