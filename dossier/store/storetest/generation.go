package storetest

import (
	"context"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

// testGenerationCountsCommits: every committed write moves Generation by
// one; reads, refused writes and writes that change nothing do not.
func testGenerationCountsCommits(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := ad.newStore(t)
	g0 := s.Generation()
	if _, err := s.Book(ctx, store.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	if g := s.Generation(); g != g0 {
		t.Fatalf("a read moved the generation %d → %d", g0, g)
	}
	if err := s.AddEvaluator(ctx, &dossier.Evaluator{Name: "张敏"}); err != nil {
		t.Fatal(err)
	}
	if g := s.Generation(); g != g0+1 {
		t.Fatalf("after one write: generation %d, want %d", g, g0+1)
	}
	// A duplicate name is refused: nothing committed.
	if err := s.AddEvaluator(ctx, &dossier.Evaluator{Name: "张敏"}); err == nil {
		t.Fatal("duplicate evaluator accepted")
	}
	if g := s.Generation(); g != g0+1 {
		t.Fatalf("a refused write moved the generation to %d", g)
	}
	u := dossier.Unit{Code: "A-001", Name: "郑州市教育局"}
	if err := s.AddUnit(ctx, &u); err != nil {
		t.Fatal(err)
	}
	v := dossier.Tenths(150)
	if err := s.SetScore(ctx, store.ScoreInput{Evaluator: "张敏", Unit: "A-001", Category: "优化扩充工程", Value: &v}); err != nil {
		t.Fatal(err)
	}
	if g := s.Generation(); g != g0+3 {
		t.Fatalf("after three writes: generation %d, want %d", g, g0+3)
	}
	s.BumpGeneration()
	if g := s.Generation(); g != g0+4 {
		t.Fatalf("BumpGeneration: %d, want %d", g, g0+4)
	}
}
