package ui

import (
	"context"
	"image/color"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
)

// TestCampaignMenuNeedsCampaign: 保存副本… and 修改记录… are disabled on the
// start screen and enabled with a campaign open (issue 11 item 14).
func TestCampaignMenuNeedsCampaign(t *testing.T) {
	a, _ := newTestApp(t)
	item := func(label string) bool {
		for _, m := range a.win.MainMenu().Items {
			for _, it := range m.Items {
				if it.Label == label {
					return it.Disabled
				}
			}
		}
		t.Fatalf("no menu item %s", label)
		return false
	}
	if !item("保存副本…") || !item("修改记录…") || !item("关闭当前活动") {
		t.Error("campaign items enabled with no campaign")
	}
	newTestCampaign(t, a)
	if item("保存副本…") || item("修改记录…") {
		t.Error("campaign items disabled with a campaign open")
	}
	a.ShowStart()
	if !item("保存副本…") {
		t.Error("enabled again after closing")
	}
}

// TestFocusNotErrorColour: the focus ring is not the error (or seal) red
// (issue 11 item 12).
func TestFocusNotErrorColour(t *testing.T) {
	th := Theme{}
	f := color.NRGBAModel.Convert(th.Color(theme.ColorNameFocus, theme.VariantLight)).(color.NRGBA)
	for _, c := range []color.NRGBA{colError, colSeal} {
		if f.R == c.R && f.G == c.G && f.B == c.B {
			t.Errorf("focus colour %v is the red %v", f, c)
		}
	}
	if f.B <= f.R {
		t.Errorf("focus colour %v is reddish", f)
	}
}

// TestNextCodeInAppFollowsCampaign: the unit dialog suggests the next code
// in the campaign's own numbering (issue 11 item 13).
func TestNextCodeInAppFollowsCampaign(t *testing.T) {
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	for _, u := range []dossier.Unit{{Code: "HN2022-001", Name: "甲"}, {Code: "HN2022-002", Name: "乙"}} {
		if err := s.store.AddUnit(context.Background(), &u); err != nil {
			t.Fatal(err)
		}
	}
	a.ShowScreen(ScreenUnits)
	ut := s.screen(ScreenUnits).(*unitsTab)
	ut.refresh()
	if got := ut.nextCode(); got != "HN2022-003" {
		t.Errorf("suggested %q, want HN2022-003", got)
	}
}

// TestExplanationNoZeroTotal: an evaluator who gave no score shows "—" as
// the total, not 0.0 (issue 11 item 14).
func TestExplanationNoZeroTotal(t *testing.T) {
	a, s := scoringCampaign(t)
	scoreAll(t, s, "王评委", "A01", 180)
	a.ShowScreen(ScreenRanking)
	rt := s.screen(ScreenRanking).(*rankingTab)
	rt.table.Select(widget.TableCellID{Row: 0, Col: colName})
	got := strings.Join(texts(rt.explain), "|")
	if strings.Contains(got, "|0.0|") {
		t.Errorf("a total of 0.0 for 李评委, who scored nothing: %s", got)
	}
	if !strings.Contains(got, "|—|") {
		t.Errorf("no dash total: %s", got)
	}
}

// TestExportToast: a finished document is announced in a toast with 打开,
// not only in the grey status line (issue 11 item 14).
func TestExportToast(t *testing.T) {
	a, s := scoringCampaign(t)
	a.ShowScreen(ScreenExport)
	et := s.screen(ScreenExport).(*exportTab)
	out := t.TempDir() + "/汇总.xlsx"
	et.start(docSummary, out, "")
	s.jobs.Wait()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) && !strings.Contains(overlayTexts(a), "已生成评审结果汇总表：汇总.xlsx") {
		time.Sleep(20 * time.Millisecond)
	}
	if msg := overlayTexts(a); !strings.Contains(msg, "已生成评审结果汇总表：汇总.xlsx") || !strings.Contains(msg, "打开") {
		t.Errorf("no toast: %q", msg)
	}
}

// TestUnitExportPartialName: part of a name that only one unit has picks
// it; a part several share says which (issue 11 item 14).
func TestUnitExportPartialName(t *testing.T) {
	a, s := scoringCampaign(t)
	a.ShowScreen(ScreenExport)
	et := s.screen(ScreenExport).(*exportTab)
	et.unitSel.SetText("洛阳")
	if _, name, err := et.unitCode(); err != nil || name != "洛阳市教育局" {
		t.Errorf("洛阳: %q %v", name, err)
	}
	et.unitSel.SetText("教育局")
	if _, _, err := et.unitCode(); err == nil || !strings.Contains(dossier.ErrorMessage(err), "有 3 个单位含“教育局”") {
		t.Errorf("教育局: %v", err)
	}
}
