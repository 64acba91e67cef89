package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/sqlite"
	"github.com/dossier-app/dossier/dossier/store"
)

// reimported opens a campaign with one unit in the editor, then imports a
// new workbook of the unit underneath the editor, as another window or
// dossierctl would: new 事迹简介, new 所属地区, a section in the first
// category.
func reimported(t *testing.T, a *App) (*session, *unitsTab, dossier.Unit) {
	t.Helper()
	s := newTestCampaign(t, a)
	ctx := context.Background()
	a.ShowScreen(ScreenUnits)
	ut := s.screen(ScreenUnits).(*unitsTab)
	u, err := ut.add(dossier.Unit{Code: "2022-0001", Name: "郑州市教育局", Region: "郑州", Summary: "旧简介。"})
	if err != nil {
		t.Fatal(err)
	}
	if ut.editor == nil || ut.editor.unit.ID != u.ID {
		t.Fatal("editor not on the unit")
	}
	cats, _ := s.store.Categories(ctx)
	sub := dossier.Submission{File: "郑州市教育局-补充.xlsx", Unit: dossier.Unit{
		Code: "2022-0001", Name: "郑州市教育局", Region: "郑州市", Summary: "导入的事迹简介：全市新增学位 27.6 万个。",
		Achievements: []dossier.Achievement{{CategoryID: cats[0].ID, Heading: "导入的标题", Body: "导入的正文。"}},
	}}
	if _, err := s.store.Import(ctx, []dossier.Submission{sub}, false); err != nil {
		t.Fatal(err)
	}
	return s, ut, u
}

func TestStaleUnitEditorAsks(t *testing.T) {
	ctx := context.Background()
	imported := "导入的事迹简介：全市新增学位 27.6 万个。"

	t.Run("保留我的修改", func(t *testing.T) {
		a, _ := newTestApp(t)
		s, ut, u := reimported(t, a)
		ed := ut.editor
		ed.summary.SetText("我在编辑器里写的简介。")
		ed.summary.FocusLost()

		got := overlayTexts(a)
		for _, want := range []string{"内容已在别处被修改", "事迹简介", "我在编辑器里写的简介。", imported, "保留我的修改", "采用最新内容"} {
			if !strings.Contains(got, want) {
				t.Errorf("conflict dialog lacks %q:\n%s", want, got)
			}
		}
		// Nothing is written until the user chooses.
		stored, _ := s.store.Unit(ctx, u.ID)
		if stored.Summary != imported || stored.Region != "郑州市" || len(stored.Achievements) != 1 {
			t.Fatalf("the import was overwritten before the user chose: %+v", stored)
		}
		if !s.errs.has(staleKey(ed.prefix())) {
			t.Error("the stale edit is not listed as unsaved")
		}
		// Leaving asks about it too.
		ut.refresh()
		if ut.editor != ed || ed.summary.Text != "我在编辑器里写的简介。" {
			t.Fatal("a refresh replaced the editor holding the stale edit")
		}
		tapOverlayButton(t, a, "保留我的修改")
		stored, _ = s.store.Unit(ctx, u.ID)
		if stored.Summary != "我在编辑器里写的简介。" {
			t.Errorf("kept summary %q", stored.Summary)
		}
		// Fields the user did not touch, and the material, keep the import.
		if stored.Region != "郑州市" || len(stored.Achievements) != 1 || stored.Achievements[0].Body != "导入的正文。" {
			t.Errorf("keeping mine overwrote the newer content: %+v", stored)
		}
		if s.errs.hasPrefix("") {
			t.Errorf("still unsaved: %q", s.errs.Message())
		}
		if ut.editor.region.Text != "郑州市" || ut.editor.summary.Text != "我在编辑器里写的简介。" {
			t.Errorf("editor shows %q / %q", ut.editor.region.Text, ut.editor.summary.Text)
		}
		// The editor is on the new version: the next edit saves.
		ut.editor.phone.SetText("0371-12345678")
		ut.editor.phone.FocusLost()
		if stored, _ = s.store.Unit(ctx, u.ID); stored.Phone != "0371-12345678" || s.errs.hasPrefix("") {
			t.Errorf("next edit: phone %q, bar %q", stored.Phone, s.errs.Message())
		}
	})

	t.Run("采用最新内容", func(t *testing.T) {
		a, _ := newTestApp(t)
		s, ut, u := reimported(t, a)
		ed := ut.editor
		test.Type(ed.panes[0].sections[0].body, "我写的正文。")
		ed.panes[0].sections[0].body.FocusLost()
		got := overlayTexts(a)
		if !strings.Contains(got, "我写的正文。") || !strings.Contains(got, "导入的正文。") {
			t.Errorf("material conflict not shown side by side:\n%s", got)
		}
		if stored, _ := s.store.Unit(ctx, u.ID); stored.Achievements[0].Body != "导入的正文。" {
			t.Fatal("the imported material was overwritten before the user chose")
		}
		tapOverlayButton(t, a, "采用最新内容")
		stored, _ := s.store.Unit(ctx, u.ID)
		if stored.Summary != imported || stored.Achievements[0].Body != "导入的正文。" {
			t.Errorf("taking the newer content changed the file: %+v", stored)
		}
		if ut.editor == ed || ut.editor.summary.Text != imported || ut.editor.panes[0].sections[0].body.Text != "导入的正文。" {
			t.Error("the editor does not show the newer content")
		}
		if s.errs.hasPrefix("") {
			t.Errorf("still unsaved: %q", s.errs.Message())
		}
	})

	t.Run("leaving while undecided asks", func(t *testing.T) {
		a, _ := newTestApp(t)
		s, ut, u := reimported(t, a)
		ut.editor.title.SetText("我的标题")
		ut.editor.title.FocusLost()
		tapOverlayButton(t, a, "稍后决定")
		test.Tap(viewButton(a, "首页"))
		if a.cur == nil || !strings.Contains(overlayTexts(a), "与文件中的最新内容不一致") {
			t.Fatalf("closed with an undecided stale edit: %s", overlayTexts(a))
		}
		tapOverlayButton(t, a, "放弃这些修改")
		if a.cur != nil {
			t.Fatal("放弃 did not close")
		}
		st, err := sqlite.Open(ctx, s.store.Path())
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if stored, _ := st.Unit(ctx, u.ID); stored.Title != "" || stored.Summary != imported {
			t.Errorf("file after giving up: %+v", stored)
		}
	})
}

func TestStaleSettingsAsk(t *testing.T) {
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	ctx := context.Background()
	a.ShowScreen(ScreenSettings)
	st := s.screen(ScreenSettings).(*settingsTab)
	// dossierctl changes the settings while the form is open.
	c, _ := s.store.Campaign(ctx)
	c.Organiser = "河南省教育厅（命令行）"
	c.Quota = 7
	if err := s.store.UpdateCampaign(ctx, &c); err != nil {
		t.Fatal(err)
	}
	st.title.SetText("我改的活动名称")
	st.title.FocusLost()
	if got := overlayTexts(a); !strings.Contains(got, "我改的活动名称") || !strings.Contains(got, "河南省教育厅（命令行）") {
		t.Fatalf("conflict dialog:\n%s", got)
	}
	if c, _ := s.store.Campaign(ctx); c.Title == "我改的活动名称" {
		t.Fatal("written before the user chose")
	}
	tapOverlayButton(t, a, "保留我的修改")
	c, _ = s.store.Campaign(ctx)
	if c.Title != "我改的活动名称" || c.Organiser != "河南省教育厅（命令行）" || c.Quota != 7 {
		t.Errorf("campaign %+v", c)
	}
	if st.organiser.Text != "河南省教育厅（命令行）" || st.quota.Text != "7" {
		t.Errorf("form shows %q %q", st.organiser.Text, st.quota.Text)
	}
	if s.errs.hasPrefix("") {
		t.Errorf("still unsaved: %q", s.errs.Message())
	}
}

func TestEditorFollowsAnEditElsewhere(t *testing.T) {
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	ctx := context.Background()
	a.ShowScreen(ScreenUnits)
	ut := s.screen(ScreenUnits).(*unitsTab)
	u, err := ut.add(dossier.Unit{Code: "2022-0001", Name: "郑州市教育局"})
	if err != nil {
		t.Fatal(err)
	}
	// dossierctl changes the phone; the revision stays, the version moves.
	cur, _ := s.store.Unit(ctx, u.ID)
	cur.Phone = "0371-66668888"
	cur.Achievements, cur.Values, cur.Photos = nil, nil, nil
	if err := s.store.UpdateUnit(ctx, &cur); err != nil {
		t.Fatal(err)
	}
	a.ShowScreen(ScreenSettings)
	a.ShowScreen(ScreenUnits)
	if ut.editor.phone.Text != "0371-66668888" {
		t.Errorf("editor still shows %q after an edit elsewhere", ut.editor.phone.Text)
	}
	// And the editor's next edit is based on that version.
	ut.editor.contact.SetText("王老师")
	ut.editor.contact.FocusLost()
	if got, _ := s.store.Unit(ctx, u.ID); got.Contact != "王老师" || got.Phone != "0371-66668888" || s.errs.hasPrefix("") {
		t.Errorf("unit %+v, bar %q", got, s.errs.Message())
	}
}

func TestStaleCategoryAndEvaluatorAsk(t *testing.T) {
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	ctx := context.Background()

	t.Run("category", func(t *testing.T) {
		a.ShowScreen(ScreenSettings)
		st := s.screen(ScreenSettings).(*settingsTab)
		st.catList.Select(0)
		ed := st.catEdit
		cats, _ := s.store.Categories(ctx)
		c := cats[0]
		c.Description = "命令行写的说明。"
		if err := s.store.UpdateCategory(ctx, &c); err != nil {
			t.Fatal(err)
		}
		ed.slogan.SetText("我写的口号")
		ed.slogan.FocusLost()
		if got := overlayTexts(a); !strings.Contains(got, "我写的口号") || !strings.Contains(got, "命令行写的说明。") {
			t.Fatalf("conflict dialog:\n%s", got)
		}
		if cats, _ := s.store.Categories(ctx); cats[0].Slogan == "我写的口号" {
			t.Fatal("written before the user chose")
		}
		tapOverlayButton(t, a, "采用最新内容")
		cats, _ = s.store.Categories(ctx)
		if cats[0].Description != "命令行写的说明。" || cats[0].Slogan == "我写的口号" {
			t.Errorf("category %+v", cats[0])
		}
		if ed.desc.Text != "命令行写的说明。" || ed.slogan.Text != cats[0].Slogan || s.errs.hasPrefix("") {
			t.Errorf("form %q %q, bar %q", ed.desc.Text, ed.slogan.Text, s.errs.Message())
		}
		// The form is on the newer version now: an edit saves.
		ed.slogan.SetText("新口号")
		ed.slogan.FocusLost()
		if cats, _ = s.store.Categories(ctx); cats[0].Slogan != "新口号" {
			t.Errorf("slogan %q after taking the newer content", cats[0].Slogan)
		}
	})

	t.Run("evaluator", func(t *testing.T) {
		a.ShowScreen(ScreenEvaluators)
		et := s.screen(ScreenEvaluators).(*evaluatorsTab)
		if err := et.add(dossier.Evaluator{Name: "张敏", Region: "郑州市"}); err != nil {
			t.Fatal(err)
		}
		b, _ := s.store.Book(ctx, store.LoadOptions{})
		e := *b.Evaluator(et.selID)
		e.Region = "开封市"
		if err := s.store.UpdateEvaluator(ctx, &e); err != nil {
			t.Fatal(err)
		}
		et.ed.affiliation.SetText("河南大学")
		et.ed.affiliation.FocusLost()
		if got := overlayTexts(a); !strings.Contains(got, "河南大学") || !strings.Contains(got, "开封市") {
			t.Fatalf("conflict dialog:\n%s", got)
		}
		tapOverlayButton(t, a, "保留我的修改")
		b, _ = s.store.Book(ctx, store.LoadOptions{})
		if got := b.Evaluator(e.ID); got.Affiliation != "河南大学" || got.Region != "开封市" {
			t.Errorf("evaluator %+v", *got)
		}
		if et.ed.region.Text != "开封市" || s.errs.hasPrefix("") {
			t.Errorf("form region %q, bar %q", et.ed.region.Text, s.errs.Message())
		}
	})
}
