package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/dossier-app/dossier/dossier"
)

func TestSettings(t *testing.T) {
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	ctx := context.Background()
	a.ShowScreen(ScreenSettings)
	st := s.screen(ScreenSettings).(*settingsTab)

	t.Run("campaign fields save when left", func(t *testing.T) {
		st.title.SetText("")
		test.Type(st.title, "2023年义务教育先进单位评选")
		test.Type(st.quota, "")
		st.quota.SetText("3")
		st.title.FocusLost()
		c, _ := s.store.Campaign(ctx)
		if c.Title != "2023年义务教育先进单位评选" || c.Quota != 3 {
			t.Errorf("campaign %+v", c)
		}
		if !strings.Contains(a.win.Title(), "2023年义务教育先进单位评选") {
			t.Errorf("window title %q not updated", a.win.Title())
		}
	})

	t.Run("an invalid value is not saved and says why", func(t *testing.T) {
		st.trimMin.SetText("2")
		st.trimMin.FocusLost()
		if msg := s.errs.Message(); !strings.Contains(msg, "去高去低起点") {
			t.Errorf("error bar %q", msg)
		}
		c, _ := s.store.Campaign(ctx)
		if c.TrimMin != dossier.DefaultTrimMin {
			t.Errorf("trim threshold %d saved", c.TrimMin)
		}
		if st.trimMin.Text != "2" {
			t.Error("typed text lost")
		}
		st.trimMin.SetText("6")
		st.trimMin.FocusLost()
		if msg := s.errs.Message(); msg != "" {
			t.Errorf("error bar still shows %q", msg)
		}
	})

	t.Run("maxima that do not sum to 100 are flagged", func(t *testing.T) {
		if txt := st.sumText(); !strings.Contains(txt, "合计 100 分") {
			t.Errorf("sum label %q", txt)
		}
		st.catList.Select(1)
		ed := st.catEdit
		ed.max.SetText("25")
		ed.max.FocusLost()
		cats, _ := s.store.Categories(ctx)
		if cats[1].Max != dossier.Points(25) {
			t.Errorf("max %s", cats[1].Max)
		}
		if txt := st.sumText(); !strings.Contains(txt, "105") || !strings.Contains(txt, "不是 100") {
			t.Errorf("sum label %q", txt)
		}
		ed.name.SetText("增效创优工程（修订）")
		ed.name.FocusLost()
		cats, _ = s.store.Categories(ctx)
		if cats[1].Name != "增效创优工程（修订）" {
			t.Errorf("rename not saved: %s", cats[1].Name)
		}
	})

	t.Run("add, reorder and remove categories", func(t *testing.T) {
		if err := st.addCategory("特色创新工程", "创特色、树品牌", "10"); err != nil {
			t.Fatal(err)
		}
		cats, _ := s.store.Categories(ctx)
		if len(cats) != 6 || cats[5].Name != "特色创新工程" {
			t.Fatalf("categories %v", cats)
		}
		if st.sel != 5 {
			t.Errorf("new category not selected (%d)", st.sel)
		}
		st.moveCategory(-1)
		cats, _ = s.store.Categories(ctx)
		if cats[4].Name != "特色创新工程" {
			t.Errorf("not moved up: %s", cats[4].Name)
		}
		if err := st.addIndicator(cats[4].ID, "特色项目", "个", dossier.HigherBetter); err != nil {
			t.Fatal(err)
		}
		st.removeCategory(cats[4].ID)
		cats, _ = s.store.Categories(ctx)
		if len(cats) != 5 {
			t.Errorf("not removed: %d categories", len(cats))
		}
	})

	t.Run("a refusal from the file is shown", func(t *testing.T) {
		cats, _ := s.store.Categories(ctx)
		u := dossier.Unit{Code: "2022-0001", Name: "郑州市教育局"}
		s.store.AddUnit(ctx, &u)
		u.Achievements = []dossier.Achievement{{CategoryID: cats[0].ID, Heading: "标题", Body: "正文"}}
		s.store.SetMaterial(ctx, &u, "test")
		st.removeCategory(cats[0].ID)
		if msg := overlayTexts(a); !strings.Contains(msg, "不能删除") {
			t.Errorf("refusal not shown: %q", msg)
		}
		if got, _ := s.store.Categories(ctx); len(got) != 5 {
			t.Error("category removed")
		}
	})

	t.Run("tie-break order", func(t *testing.T) {
		st.refresh()
		st.tieAdd.SetSelected(st.cats[2].Name)
		st.tieAdd.SetSelected(st.cats[0].Name)
		c, _ := s.store.Campaign(ctx)
		if len(c.TieBreak) != 2 || c.TieBreak[0] != st.cats[2].ID || c.TieBreak[1] != st.cats[0].ID {
			t.Fatalf("tie-break %v", c.TieBreak)
		}
		st.moveTie(1, -1)
		c, _ = s.store.Campaign(ctx)
		if c.TieBreak[0] != st.cats[0].ID {
			t.Errorf("tie-break not reordered: %v", c.TieBreak)
		}
	})
}
