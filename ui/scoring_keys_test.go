package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/dossier-app/dossier/dossier/store"
)

// keyboard types into whatever has the focus and counts the keystrokes.
type keyboard struct {
	t    *testing.T
	c    fyne.Canvas
	keys int
}

func (k *keyboard) focused() *scoreEntry {
	k.t.Helper()
	e, ok := k.c.Focused().(*scoreEntry)
	if !ok {
		k.t.Fatalf("focus on %T, not a score cell", k.c.Focused())
	}
	return e
}

func (k *keyboard) typeText(s string) {
	for _, r := range s {
		k.c.Focused().(fyne.Focusable).TypedRune(r)
		k.keys++
	}
}

func (k *keyboard) press(name fyne.KeyName) {
	k.keys++
	f := k.c.Focused()
	if tab, ok := f.(fyne.Tabbable); name == fyne.KeyTab && (!ok || !tab.AcceptsTab()) {
		k.c.FocusNext() // what the window does with Tab
		return
	}
	f.TypedKey(&fyne.KeyEvent{Name: name})
}

// TestKeyboardScoring is issue 11 item 3: from the evaluator picker, Tab
// reaches the grid, then digits and Enter score every unit (past the
// comment and the 回避 row) at digits + 1 keystrokes per score; a filled
// cell's text is replaced when typed over.
func TestKeyboardScoring(t *testing.T) {
	a, s := scoringCampaign(t)
	a.win.Resize(fyne.NewSize(1024, 768))
	a.ShowScreen(ScreenScoring)
	sc := s.screen(ScreenScoring).(*scoringTab)
	sc.selectEvaluator("李评委") // in 回避 with A02
	k := &keyboard{t: t, c: a.win.Canvas()}
	k.c.Focus(sc.evalSel)
	for i := 0; i < 3 && k.c.Focused() != nil; i++ {
		if _, ok := k.c.Focused().(*scoreEntry); ok {
			break
		}
		k.press(fyne.KeyTab)
	}
	if e := k.focused(); e != sc.byKey[cellKey{0, 2}].entry {
		t.Fatal("Tab from the picker did not reach A01's first score")
	}
	if k.keys > 2 {
		t.Errorf("%d Tabs to reach the grid", k.keys)
	}
	k.keys = 0
	scores := []string{"18", "17.5", "19", "16", "20", "15", "14", "13", "12", "11"}
	digits := 0
	for _, v := range scores {
		k.typeText(v)
		digits += len(v)
		k.press(fyne.KeyReturn)
	}
	if per, limit := float64(k.keys)/float64(len(scores)), float64(digits)/float64(len(scores))+1; per > limit {
		t.Errorf("%.2f keystrokes per score, goal ≤ %.2f", per, limit)
	}
	b, _ := s.store.Book(context.Background(), store.LoadOptions{})
	ev := b.EvaluatorByName("李评委")
	byUnit := map[string]int{}
	for _, x := range b.Scores {
		if x.EvaluatorID == ev.ID {
			byUnit[b.Unit(x.UnitID).Code]++
		}
	}
	if byUnit["A01"] != 5 || byUnit["A03"] != 5 || byUnit["A02"] != 0 {
		t.Fatalf("scores per unit %v, want A01 and A03 complete, A02 (回避) none", byUnit)
	}
	if got := sc.rowTotal(sc.rows[2]); got != "65.0" {
		t.Errorf("A03 total %q", got)
	}

	t.Run("typing over a filled cell replaces it", func(t *testing.T) {
		c := sc.cell(t, 0, 2)
		k.c.Focus(c.entry)
		k.typeText("16")
		if c.entry.Text != "16" {
			t.Errorf("cell reads %q, want 16", c.entry.Text)
		}
		k.press(fyne.KeyReturn)
	})

	t.Run("invalid cells stay listed until fixed", func(t *testing.T) {
		c1 := sc.cell(t, 0, 3)
		k.c.Focus(c1.entry)
		k.typeText("25")
		k.press(fyne.KeyReturn)
		c2 := sc.cell(t, 2, 4)
		k.c.Focus(c2.entry)
		k.typeText("9.55")
		k.press(fyne.KeyReturn)
		k.typeText("12") // a valid edit elsewhere
		k.press(fyne.KeyReturn)
		info := sc.info.Text
		if !strings.Contains(info, "2 处") || !strings.Contains(info, "A01") || !strings.Contains(info, "A03") || !strings.Contains(info, "超出范围") {
			t.Errorf("info %q", info)
		}
		if c := sc.cell(t, 0, 3); c.bg.FillColor != colError {
			t.Error("A01's refused cell not red any more")
		}
		// Leaving asks; 返回修改 brings the grid back.
		a.ShowScreen(ScreenRanking)
		if msg := overlayTexts(a); !strings.Contains(msg, "2 处输入有误") {
			t.Fatalf("leaving did not ask: %q", msg)
		}
		test.Tap(dialogButton(t, a, "返回修改"))
		if s.tabs.Selected().Content != s.slots[ScreenScoring] {
			t.Error("返回修改 did not bring the grid back")
		}
		sc.cell(t, 0, 3).entry.SetText("15")
		sc.cell(t, 2, 4).entry.SetText("9.5")
		if strings.Contains(sc.info.Text, "有误") {
			t.Errorf("fixed, still listed: %q", sc.info.Text)
		}
	})
}

// TestFocusedCellNeverUnderFrozenColumns is issue 11 item 2: after Tab to
// the comment scrolled the grid, moving on to the next unit's first
// category brings that column out from under 申报编号/单位名称.
func TestFocusedCellNeverUnderFrozenColumns(t *testing.T) {
	a, s := scoringCampaign(t)
	a.win.Resize(fyne.NewSize(1024, 768))
	a.ShowScreen(ScreenScoring)
	sc := s.screen(ScreenScoring).(*scoringTab)
	k := &keyboard{t: t, c: a.win.Canvas()}
	k.c.Focus(sc.cell(t, 0, 2).entry)
	d := fyne.CurrentApp().Driver()
	frozenEnd := d.AbsolutePositionForObject(sc.table).X + 100 + 200
	for i := 0; i < 2*(len(sc.cats)+2); i++ { // two rows: five scores, the comment, then on
		e := k.focused()
		x := d.AbsolutePositionForObject(e).X
		if x < frozenEnd {
			t.Fatalf("step %d: focused cell at x=%.0f, under the frozen columns (end %.0f)", i, x, frozenEnd)
		}
		if right := d.AbsolutePositionForObject(sc.table).X + sc.table.Size().Width; x+e.Size().Width > right+1 {
			t.Fatalf("step %d: focused cell past the right edge", i)
		}
		k.press(fyne.KeyTab)
	}
}
