package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

// overlayButton finds a button by its text in the dialogs on screen.
func overlayButton(a *App, text string) *widget.Button {
	for _, o := range a.win.Canvas().Overlays().List() {
		for _, obj := range objects(o) {
			if b, ok := obj.(*widget.Button); ok && b.Text == text {
				return b
			}
		}
	}
	return nil
}

// tapOverlayButton taps a button of the dialog on screen, failing the test
// if there is none.
func tapOverlayButton(t testing.TB, a *App, text string) {
	t.Helper()
	b := overlayButton(a, text)
	if b == nil {
		t.Fatalf("no button %q on screen; dialogs say:\n%s", text, overlayTexts(a))
	}
	test.Tap(b)
}

// viewButton finds a button by its text in the window's content.
func viewButton(a *App, text string) *widget.Button {
	for _, obj := range objects(a.win.Content()) {
		if b, ok := obj.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	return nil
}

// menuItem finds an item of the window's menu by its label.
func menuItem(a *App, label string) *fyne.MenuItem {
	for _, m := range a.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	return nil
}

// unsavedCampaign opens a campaign with two units and leaves an edit of
// the first unsaved: its code is changed to the second unit's code, which
// the file refuses. It returns the units tab and the two units.
func unsavedCampaign(t *testing.T, a *App) (*session, *unitsTab, dossier.Unit, dossier.Unit) {
	t.Helper()
	s := newTestCampaign(t, a)
	a.ShowScreen(ScreenUnits)
	ut := s.screen(ScreenUnits).(*unitsTab)
	first, err := ut.add(dossier.Unit{Code: "2022-0001", Name: "郑州市教育局", Region: "郑州市"})
	if err != nil {
		t.Fatal(err)
	}
	second, err := ut.add(dossier.Unit{Code: "2022-0002", Name: "开封市教育局", Region: "开封市"})
	if err != nil {
		t.Fatal(err)
	}
	ut.open(first.ID)
	if ut.editor.unit.ID != first.ID {
		t.Fatal("editor not on the first unit")
	}
	ed := ut.editor
	ed.code.SetText("2022-0002")
	ed.code.FocusLost()
	if !s.errs.hasPrefix("unit:" + first.ID + ":") {
		t.Fatalf("the refused code is not listed as unsaved; bar %q", s.errs.Message())
	}
	return s, ut, first, second
}

// leaveEnv is what a leave action of TestUnsavedEditIsNeverDropped acts on.
type leaveEnv struct {
	a     *App
	s     *session
	ut    *unitsTab
	other dossier.Unit // another unit of the campaign
	file  string       // another campaign file
}

func TestUnsavedEditIsNeverDropped(t *testing.T) {
	ctx := context.Background()
	closed := func(e leaveEnv) bool { return e.a.cur == nil }
	opened := func(e leaveEnv) bool { return e.a.cur != nil && e.a.cur.store.Path() == e.file }
	leaves := []struct {
		name  string
		leave func(e leaveEnv)
		left  func(e leaveEnv) bool
	}{
		{"window close", func(e leaveEnv) { e.a.closeRequested() }, closed},
		{"首页", func(e leaveEnv) { test.Tap(viewButton(e.a, "首页")) }, closed},
		{"文件 > 关闭当前活动", func(e leaveEnv) { menuItem(e.a, "关闭当前活动").Action() }, closed},
		{"文件 > 打开评选活动", func(e leaveEnv) {
			e.a.pick.(*stubPicker).open = e.file
			menuItem(e.a, "打开评选活动…").Action()
		}, opened},
		{"open a file", func(e leaveEnv) {
			if err := e.a.Open(e.file); err != ErrAsking {
				t.Errorf("Open did not wait for the answer: %v", err)
			}
		}, opened},
		{"open the demo", func(e leaveEnv) {
			if err := e.a.OpenDemo(e.file); err != ErrAsking {
				t.Errorf("OpenDemo did not wait for the answer: %v", err)
			}
		}, opened},
		{"select another unit", func(e leaveEnv) { e.ut.open(e.other.ID) },
			func(e leaveEnv) bool { return e.ut.editor.unit.ID == e.other.ID }},
	}
	for _, l := range leaves {
		t.Run(l.name, func(t *testing.T) {
			a, _ := newTestApp(t)
			file := filepath.Join(t.TempDir(), "另一个.dossier")
			if err := a.NewCampaign(file, "另一个评选", "", 2022); err != nil {
				t.Fatal(err)
			}
			s, ut, first, second := unsavedCampaign(t, a)
			env := leaveEnv{a, s, ut, second, file}
			ed := ut.editor
			// Dismissing the error bar hides the message, not the edit.
			test.Tap(s.errs.close)
			if s.errs.box.Visible() {
				t.Error("× did not hide the error bar")
			}
			if !s.errs.marker.Visible() || !strings.Contains(s.errs.marker.Text, "未保存 1 处") {
				t.Errorf("no 未保存 marker after ×: %q", s.errs.marker.Text)
			}

			l.leave(env)
			got := overlayTexts(a)
			for _, want := range []string{"有未保存的修改", "单位“郑州市教育局”的申报编号", "已被", "保存重试", "放弃这些修改", "取消"} {
				if !strings.Contains(got, want) {
					t.Errorf("the question lacks %q:\n%s", want, got)
				}
			}
			if l.left(env) {
				t.Fatal("left before the user answered")
			}
			tapOverlayButton(t, a, "取消")
			if a.cur != s || ut.editor != ed || ed.code.Text != "2022-0002" {
				t.Fatal("取消 did not keep the campaign, the editor and the typed code")
			}
			// 保存重试 while the file still refuses: asked again.
			l.leave(env)
			tapOverlayButton(t, a, "保存重试")
			if l.left(env) || !strings.Contains(overlayTexts(a), "单位“郑州市教育局”的申报编号") {
				t.Fatal("a retry that failed again left without asking")
			}
			tapOverlayButton(t, a, "放弃这些修改")
			if !l.left(env) {
				t.Fatal("放弃这些修改 did not leave")
			}
			// What was given up is not in the file; nothing else changed.
			if a.cur == s {
				if u, err := s.store.Unit(ctx, first.ID); err != nil || u.Code != "2022-0001" {
					t.Errorf("code %s stored (%v)", u.Code, err)
				}
			}
		})
	}
}

func TestUnsavedRetrySavesAndLeaves(t *testing.T) {
	a, _ := newTestApp(t)
	s, ut, first, second := unsavedCampaign(t, a)
	ctx := context.Background()
	// Meanwhile the other unit gives its code up: a retry now saves.
	sec, _ := s.store.Unit(ctx, second.ID)
	sec.Code = "2022-0009"
	sec.Achievements, sec.Values, sec.Photos = nil, nil, nil
	if err := s.store.UpdateUnit(ctx, &sec); err != nil {
		t.Fatal(err)
	}
	ut.open(second.ID)
	tapOverlayButton(t, a, "保存重试")
	if ut.editor.unit.ID != second.ID {
		t.Error("a retry that saved did not move on")
	}
	if u, _ := s.store.Unit(ctx, first.ID); u.Code != "2022-0002" {
		t.Errorf("retried code not stored: %s", u.Code)
	}
	if s.errs.hasPrefix("") || s.errs.marker.Visible() {
		t.Errorf("still unsaved: %q", s.errs.Message())
	}
}

func TestPendingEditIsSavedOnLeaving(t *testing.T) {
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	a.ShowScreen(ScreenUnits)
	ut := s.screen(ScreenUnits).(*unitsTab)
	u, err := ut.add(dossier.Unit{Code: "2022-0001", Name: "郑州市教育局"})
	if err != nil {
		t.Fatal(err)
	}
	path := s.store.Path()
	// Typed, not yet saved (the pause before saving is an hour in tests).
	test.Type(ut.editor.summary, "全省率先实现义务教育优质均衡。")
	test.Tap(viewButton(a, "首页"))
	if a.cur != nil {
		t.Fatalf("a pending edit that saves should not stop leaving: %s", overlayTexts(a))
	}
	if err := a.Open(path); err != nil {
		t.Fatal(err)
	}
	got, _ := a.cur.store.Unit(context.Background(), u.ID)
	if got.Summary != "全省率先实现义务教育优质均衡。" {
		t.Errorf("pending summary lost: %q", got.Summary)
	}
}

func TestOneInvalidFieldDoesNotStopTheOthers(t *testing.T) {
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	ctx := context.Background()
	a.ShowScreen(ScreenSettings)
	st := s.screen(ScreenSettings).(*settingsTab)

	t.Run("campaign", func(t *testing.T) {
		st.trimMin.SetText("2")
		st.organiser.SetText("河南省教育厅基础教育处")
		st.organiser.FocusLost()
		c, _ := s.store.Campaign(ctx)
		if c.Organiser != "河南省教育厅基础教育处" {
			t.Errorf("valid 主办单位 not saved beside an invalid 去高去低起点: %q", c.Organiser)
		}
		if c.TrimMin != dossier.DefaultTrimMin {
			t.Errorf("invalid 去高去低起点 %d stored", c.TrimMin)
		}
		if msg := s.errs.Message(); !strings.Contains(msg, "去高去低起点") || strings.Contains(msg, "主办单位") {
			t.Errorf("error bar %q", msg)
		}
		if st.trimMin.Text != "2" {
			t.Error("typed 去高去低起点 lost")
		}
		// Leaving the campaign asks about the invalid field only.
		test.Tap(viewButton(a, "首页"))
		got := overlayTexts(a)
		if !strings.Contains(got, "评选设置的去高去低起点") || strings.Contains(got, "评选设置的主办单位") {
			t.Errorf("question:\n%s", got)
		}
		tapOverlayButton(t, a, "取消")
		st.trimMin.SetText("5")
		st.trimMin.FocusLost()
		if c, _ := s.store.Campaign(ctx); c.TrimMin != 5 || s.errs.hasPrefix("") {
			t.Errorf("fixed 去高去低起点 %d, bar %q", c.TrimMin, s.errs.Message())
		}
	})

	t.Run("category", func(t *testing.T) {
		st.catList.Select(0)
		ed := st.catEdit
		ed.max.SetText("二十")
		ed.slogan.SetText("增学位、补短板、扩资源")
		ed.slogan.FocusLost()
		cats, _ := s.store.Categories(ctx)
		if cats[0].Slogan != "增学位、补短板、扩资源" {
			t.Errorf("valid 口号 not saved beside an invalid 满分: %q", cats[0].Slogan)
		}
		// Another category cannot be selected over the invalid 满分.
		st.catList.Select(1)
		if st.catEdit != ed || !strings.Contains(overlayTexts(a), "的满分") {
			t.Fatalf("moved on from an unsaved 满分: %s", overlayTexts(a))
		}
		tapOverlayButton(t, a, "取消")
		if st.catEdit != ed || ed.max.Text != "二十" || st.sel != 0 {
			t.Error("取消 did not stay on the category with its text")
		}
		st.catList.Select(1)
		tapOverlayButton(t, a, "放弃这些修改")
		if st.catEdit == ed || st.sel != 1 {
			t.Error("放弃 did not move on")
		}
		if s.errs.hasPrefix("") {
			t.Errorf("given-up edit still listed: %q", s.errs.Message())
		}
	})

	t.Run("evaluator", func(t *testing.T) {
		a.ShowScreen(ScreenEvaluators)
		et := s.screen(ScreenEvaluators).(*evaluatorsTab)
		for _, n := range []string{"张三", "李四"} {
			if err := et.add(dossier.Evaluator{Name: n}); err != nil {
				t.Fatal(err)
			}
		}
		zhang := et.book.Evaluators[0].ID
		li := et.book.Evaluators[1].ID
		et.open(zhang)
		et.ed.name.SetText("李四") // taken
		et.ed.affiliation.SetText("郑州大学")
		et.ed.affiliation.FocusLost()
		b, _ := s.store.Book(ctx, store.LoadOptions{})
		if e := b.Evaluator(zhang); e.Name != "张三" || e.Affiliation != "郑州大学" {
			t.Errorf("evaluator %+v: the valid 工作单位 must save, the taken name must not", *e)
		}
		et.open(li)
		if et.selID != zhang || !strings.Contains(overlayTexts(a), "评委“张三”的姓名") {
			t.Fatalf("moved on from an unsaved name: %s", overlayTexts(a))
		}
		tapOverlayButton(t, a, "放弃这些修改")
		if et.selID != li {
			t.Error("放弃 did not open the other evaluator")
		}
	})

	t.Run("unit", func(t *testing.T) {
		a.ShowScreen(ScreenUnits)
		ut := s.screen(ScreenUnits).(*unitsTab)
		if _, err := ut.add(dossier.Unit{Code: "2022-0001", Name: "郑州市教育局"}); err != nil {
			t.Fatal(err)
		}
		u, err := ut.add(dossier.Unit{Code: "2022-0002", Name: "开封市教育局"})
		if err != nil {
			t.Fatal(err)
		}
		ed := ut.editor
		ed.code.SetText("2022-0001") // taken
		ed.name.SetText("开封市教育体育局")
		ed.name.FocusLost()
		got, _ := s.store.Unit(ctx, u.ID)
		if got.Name != "开封市教育体育局" || got.Code != "2022-0002" {
			t.Errorf("unit %s %s: the new name must save, the taken code must not", got.Code, got.Name)
		}
		if !s.errs.has("unit:"+u.ID+":basic:申报编号") || s.errs.has("unit:"+u.ID+":basic:单位名称") {
			t.Errorf("unsaved: %q", s.errs.Message())
		}
	})
}

func TestRemovedRecordTakesItsUnsavedEdits(t *testing.T) {
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	a.ShowScreen(ScreenEvaluators)
	et := s.screen(ScreenEvaluators).(*evaluatorsTab)
	for _, n := range []string{"张三", "李四"} {
		if err := et.add(dossier.Evaluator{Name: n}); err != nil {
			t.Fatal(err)
		}
	}
	zhang := et.book.Evaluators[0].ID
	et.open(zhang)
	et.ed.name.SetText("李四") // taken
	et.ed.name.FocusLost()
	if !s.errs.hasPrefix("evaluator:" + zhang + ":") {
		t.Fatal("the taken name is not listed")
	}
	et.remove(zhang)
	if s.errs.hasPrefix("") {
		t.Errorf("an edit of the removed evaluator is still listed: %q", s.errs.Message())
	}
	test.Tap(viewButton(a, "首页"))
	if a.cur != nil {
		t.Errorf("leaving asked about a removed record:\n%s", overlayTexts(a))
	}
}
