package storetest

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

// scored is a campaign with two evaluators, one unit and three score
// writes (the first opened scoring).
func scored(t *testing.T, ad Adapter) *store.Store {
	t.Helper()
	ctx := context.Background()
	s := ad.newStore(t)
	b, err := s.Book(ctx, store.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	u := FullUnit(b, "A-001", "郑州市教育局")
	if err := s.AddUnit(ctx, &u); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"张敏", "李强"} {
		if err := s.AddEvaluator(ctx, &dossier.Evaluator{Name: n}); err != nil {
			t.Fatal(err)
		}
	}
	for i, v := range []dossier.Tenths{185, 170, 160} {
		ev := []string{"张敏", "李强", "张敏"}[i]
		if err := s.SetScore(ctx, store.ScoreInput{Evaluator: ev, Unit: "A-001", Category: "优化扩充工程", Value: &v}); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func testRuleLockedOnceScoringOpen(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := scored(t, ad)
	before, _ := s.Scoring(ctx)
	c, err := s.Campaign(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c.Quota = 9
	err = s.UpdateCampaign(ctx, &c)
	if dossier.ErrorCode(err) != dossier.EINVALID || dossier.ErrorMessage(err) != dossier.ErrRuleLocked {
		t.Fatalf("quota change after scoring opened: %v", err)
	}
	if got, _ := s.Campaign(ctx); got.Quota == 9 {
		t.Fatal("a refused rule change was written")
	}
	// A title is no rule: free.
	c, _ = s.Campaign(ctx)
	c.Title = "新标题"
	if err := s.UpdateCampaign(ctx, &c); err != nil {
		t.Fatalf("title change refused: %v", err)
	}
	c, _ = s.Campaign(ctx)
	c.Quota = 9
	if err := s.UpdateCampaign(dossier.WithReason(ctx, "名额调整经批准"), &c); err != nil {
		t.Fatal(err)
	}
	after, _ := s.Scoring(ctx)
	if after.Fingerprint == before.Fingerprint {
		t.Fatal("fingerprint unchanged by a quota change")
	}
	h, err := s.History(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range h {
		if e.Action == "rule.change" && strings.Contains(e.Before, before.Fingerprint) && strings.Contains(e.After, after.Fingerprint) && strings.Contains(e.Detail, "名额调整经批准") {
			found = true
		}
	}
	if !found {
		t.Fatal("history lacks the rule change with both fingerprints and the reason")
	}
	// Closed: scores read-only; reopening needs a reason.
	if err := s.CloseScoring(ctx, ""); err != nil {
		t.Fatal(err)
	}
	v := dossier.Tenths(100)
	if err := s.SetScore(ctx, store.ScoreInput{Evaluator: "李强", Unit: "A-001", Category: "优化扩充工程", Value: &v}); dossier.ErrorCode(err) != dossier.EINVALID || !strings.Contains(dossier.ErrorMessage(err), "评分已结束") {
		t.Fatalf("score written after close: %v", err)
	}
	if err := s.OpenScoring(ctx, ""); err == nil {
		t.Fatal("reopened without a reason")
	}
	if err := s.OpenScoring(ctx, "补录一项评分"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetScore(ctx, store.ScoreInput{Evaluator: "李强", Unit: "A-001", Category: "优化扩充工程", Value: &v}); err != nil {
		t.Fatal(err)
	}
	if vv, err := s.Verify(ctx); err != nil || !vv.OK {
		t.Fatalf("verify after legitimate changes: %+v %v", vv, err)
	}
}
