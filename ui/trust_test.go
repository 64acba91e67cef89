package ui

import (
	"database/sql"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/sqlite"
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
	if err := s.store.SetScore(s.ctx, sqlite.ScoreInput{Evaluator: "张敏", Unit: "A-001", Category: "优化扩充工程", Value: &v}); err != nil {
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
