package storetest

import (
	"context"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

// testCodesIgnoreCase: 申报编号 are matched without regard to (ASCII)
// case, in every adapter: a lookup, a score, a second unit.
func testCodesIgnoreCase(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := ad.newStore(t)
	u := dossier.Unit{Code: "HN2022-001", Name: "郑州市教育局"}
	if err := s.AddUnit(ctx, &u); err != nil {
		t.Fatal(err)
	}
	if got, err := s.UnitByCode(ctx, "hn2022-001"); err != nil || got.ID != u.ID {
		t.Fatalf("lookup by lower-case code: %+v %v", got, err)
	}
	if err := s.AddEvaluator(ctx, &dossier.Evaluator{Name: "张敏"}); err != nil {
		t.Fatal(err)
	}
	v := dossier.Tenths(150)
	if err := s.SetScore(ctx, store.ScoreInput{Evaluator: "张敏", Unit: "hn2022-001", Category: "优化扩充工程", Value: &v}); err != nil {
		t.Fatalf("score by lower-case code: %v", err)
	}
	dup := dossier.Unit{Code: "hn2022-001", Name: "开封市教育局"}
	if err := s.AddUnit(ctx, &dup); dossier.ErrorCode(err) != dossier.ECONFLICT {
		t.Fatalf("a code differing only in case: %v", err)
	}
}
