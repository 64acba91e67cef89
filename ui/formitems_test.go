package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// The add dialogs (单位, 评委, 类别, 指标) stay open when the store refuses
// what was typed, say why inside the dialog and keep every field; a good
// entry then adds and closes.
func TestAddDialogsKeepInputOnError(t *testing.T) {
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	ctx := context.Background()

	t.Run("unit with a code in use", func(t *testing.T) {
		a.ShowScreen(ScreenUnits)
		ut := s.screen(ScreenUnits).(*unitsTab)
		ut.askAdd()
		es := overlayEntries(a)
		es[0].SetText("HN-01")
		es[1].SetText("郑州市教育局")
		test.Tap(dialogButton(t, a, "添加"))
		if units, _ := s.store.Units(ctx); len(units) != 1 {
			t.Fatalf("%d units", len(units))
		}
		ut.askAdd()
		es = overlayEntries(a)
		es[0].SetText("HN-01")
		es[1].SetText("洛阳市教育局")
		es[2].SetText("洛阳市")
		test.Tap(dialogButton(t, a, "添加"))
		if a.win.Canvas().Overlays().Top() == nil {
			t.Fatal("the dialog closed on a refused code")
		}
		if msg := overlayTexts(a); !strings.Contains(msg, "HN-01") {
			t.Errorf("no reason in the dialog: %q", msg)
		}
		if es[1].Text != "洛阳市教育局" || es[2].Text != "洛阳市" {
			t.Errorf("typed text lost: %q %q", es[1].Text, es[2].Text)
		}
		es[0].SetText("HN-02")
		es[0].OnSubmitted(es[0].Text) // Enter confirms
		if units, _ := s.store.Units(ctx); len(units) != 2 {
			t.Fatalf("%d units after the fix", len(units))
		}
		if a.win.Canvas().Overlays().Top() != nil {
			t.Error("the dialog stayed open after a good entry")
		}
	})

	t.Run("evaluator without a name", func(t *testing.T) {
		a.ShowScreen(ScreenEvaluators)
		et := s.screen(ScreenEvaluators).(*evaluatorsTab)
		et.askAdd()
		es := overlayEntries(a)
		es[1].SetText("河南省教育厅")
		test.Tap(dialogButton(t, a, "添加"))
		if a.win.Canvas().Overlays().Top() == nil || es[1].Text != "河南省教育厅" {
			t.Fatal("the dialog closed or lost the affiliation")
		}
		if msg := overlayTexts(a); !strings.Contains(msg, "姓名") {
			t.Errorf("no reason in the dialog: %q", msg)
		}
		es[0].SetText("李华")
		test.Tap(dialogButton(t, a, "添加"))
		if evs, _ := s.store.Evaluators(ctx); len(evs) != 1 || evs[0].Affiliation != "河南省教育厅" {
			t.Errorf("evaluators %+v", evs)
		}
	})

	t.Run("category with a bad maximum", func(t *testing.T) {
		a.ShowScreen(ScreenSettings)
		st := s.screen(ScreenSettings).(*settingsTab)
		st.askAddCategory()
		es := overlayEntries(a)
		es[0].SetText("信息化建设工程")
		es[2].SetText("二十")
		test.Tap(dialogButton(t, a, "添加"))
		if a.win.Canvas().Overlays().Top() == nil || es[0].Text != "信息化建设工程" {
			t.Fatal("the dialog closed or lost the name")
		}
		if msg := overlayTexts(a); !strings.Contains(msg, "二十") {
			t.Errorf("no reason in the dialog: %q", msg)
		}
		es[2].SetText("20")
		test.Tap(dialogButton(t, a, "添加"))
		if cats, _ := s.store.Categories(ctx); len(cats) != 6 {
			t.Errorf("%d categories", len(cats))
		}
	})
}
