package ui

import (
	"database/sql"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
	_ "modernc.org/sqlite"
)

func TestRedBannerWhenScoresWereChangedBehindTheApp(t *testing.T) {
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	path := s.store.Path()
	u := dossier.Unit{Code: "A-001", Name: "郑州市教育局", Status: dossier.StatusAccepted}
	if err := s.store.AddUnit(s.ctx, &u); err != nil {
		t.Fatal(err)
	}
	if err := s.store.AddEvaluator(s.ctx, &dossier.Evaluator{Name: "张敏"}); err != nil {
		t.Fatal(err)
	}
	v := dossier.Tenths(185)
	if err := s.store.SetScore(s.ctx, store.ScoreInput{Evaluator: "张敏", Unit: "A-001", Category: "优化扩充工程", Value: &v}); err != nil {
		t.Fatal(err)
	}
	if err := a.Open(path); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(texts(a.cur.view), "\n"); strings.Contains(got, "评分记录校验未通过") {
		t.Fatal("banner on an intact campaign")
	}
	a.ShowStart()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE score SET tenths = 200`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	if err := a.Open(path); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(texts(a.cur.view), "\n"); !strings.Contains(got, "评分记录校验未通过") || !strings.Contains(got, "评分被绕过软件改动") {
		t.Fatalf("no red banner on a tampered campaign:\n%s", got)
	}
}

// Once scoring is open, a rule change from the settings screen is refused
// until a reason is typed in the scoring bar; then it is saved with it.
func TestRuleChangeInTheAppNeedsTheReasonOfTheScoringBar(t *testing.T) {
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	if s.scoring.reason.Visible() {
		t.Fatal("reason field shown before scoring opened")
	}
	s.scoring.open.OnTapped()
	if st, _ := s.store.Scoring(s.ctx); st.State != "open" || !s.scoring.reason.Visible() || !s.scoring.close.Visible() {
		t.Fatalf("scoring not opened from the bar: %+v", st)
	}
	c, _ := s.store.Campaign(s.ctx)
	c.Quota = 7
	if err := s.store.UpdateCampaign(s.ruleCtx(), &c); dossier.ErrorMessage(err) != dossier.ErrRuleLocked {
		t.Fatalf("rule change without a reason: %v", err)
	}
	s.scoring.reason.SetText("经评审委员会同意调整名额")
	c, _ = s.store.Campaign(s.ctx)
	c.Quota = 7
	if err := s.store.UpdateCampaign(s.ruleCtx(), &c); err != nil {
		t.Fatal(err)
	}
	h, _ := s.store.History(s.ctx, "")
	if len(h) == 0 || !strings.Contains(h[0].Detail+h[1].Detail, "经评审委员会同意调整名额") {
		t.Fatal("the reason is not in the history")
	}
}
