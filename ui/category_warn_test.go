package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

// TestCategoryChangeWarnsWithScores is issue 11 item 4: once scores exist,
// adding a category says how many would become incomplete and waits for
// confirmation; re-scaling a scored category asks too.
func TestCategoryChangeWarnsWithScores(t *testing.T) {
	a, s := scoringCampaign(t)
	ctx := context.Background()
	v := dossier.Points(18)
	b, _ := s.store.Book(ctx, store.LoadOptions{})
	for _, code := range []string{"A01", "A03"} {
		for _, c := range b.Categories {
			if err := s.store.SetScore(ctx, store.ScoreInput{Evaluator: "王评委", Unit: code, Category: c.Name, Value: &v}); err != nil {
				t.Fatal(err)
			}
		}
	}
	a.ShowScreen(ScreenSettings)
	st := s.screen(ScreenSettings).(*settingsTab)
	// The scores opened scoring: category changes need the bar's reason.
	s.scoring.reason.SetText("评审委员会决定调整类别")

	t.Run("add", func(t *testing.T) {
		st.askAddCategory()
		es := overlayEntries(a)
		es[0].SetText("信息化建设工程")
		test.Tap(dialogButton(t, a, "添加"))
		if msg := overlayTexts(a); !strings.Contains(msg, "已有 2 份评分将因缺少该类别而不完整，排名将全部失效") {
			t.Fatalf("no warning: %q", msg)
		}
		if cats, _ := s.store.Categories(ctx); len(cats) != 5 {
			t.Fatalf("added before confirmation: %d categories", len(cats))
		}
		test.Tap(dialogButton(t, a, "仍然新增"))
		if cats, _ := s.store.Categories(ctx); len(cats) != 6 {
			t.Errorf("not added after confirmation: %d categories", len(cats))
		}
	})

	t.Run("re-scale", func(t *testing.T) {
		st.catList.Select(0)
		e := st.catEdit
		e.max.SetText("25")
		st.saveCategory(e)
		if msg := overlayTexts(a); !strings.Contains(msg, "已有 2 个评分") || !strings.Contains(msg, "由 20 改为 25") {
			t.Fatalf("no warning: %q", msg)
		}
		if cats, _ := s.store.Categories(ctx); cats[0].Max != dossier.Points(20) {
			t.Fatalf("saved before confirmation: %s", cats[0].Max)
		}
		test.Tap(dialogButton(t, a, "修改满分"))
		if cats, _ := s.store.Categories(ctx); cats[0].Max != dossier.Points(25) {
			t.Errorf("not saved after confirmation: %s", cats[0].Max)
		}
		if e.max.Text != "25" {
			t.Errorf("field shows %q", e.max.Text)
		}
	})
}

// TestSettingsMinValid: the minimum number of valid totals is a campaign
// setting in the app too, and un-ranks a unit below it.
func TestSettingsMinValid(t *testing.T) {
	a, s := scoringCampaign(t)
	ctx := context.Background()
	a.ShowScreen(ScreenSettings)
	st := s.screen(ScreenSettings).(*settingsTab)
	if st.minValid.Text != "1" {
		t.Fatalf("default shows %q", st.minValid.Text)
	}
	st.minValid.SetText("2")
	st.minValid.FocusLost()
	if c, _ := s.store.Campaign(ctx); c.MinValid != 2 {
		t.Fatalf("saved %d", c.MinValid)
	}
	scoreAll(t, s, "王评委", "A01", 180)
	a.ShowScreen(ScreenRanking)
	rt := s.screen(ScreenRanking).(*rankingTab)
	for row, st := range rt.rank.Standings {
		if st.Unit.Code != "A01" {
			continue
		}
		if st.Rank != 0 || !strings.Contains(rt.cellText(row, colResult), "有效评分仅 1 份，少于本活动要求的 2 份") {
			t.Errorf("A01 rank %d, result %q", st.Rank, rt.cellText(row, colResult))
		}
	}
}
