package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

// scoringCampaign is a campaign with three units and two evaluators, one of
// whom must avoid 开封市教育局 (same region).
func scoringCampaign(t *testing.T) (*App, *session) {
	t.Helper()
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	ctx := context.Background()
	for _, u := range []dossier.Unit{
		{Code: "A01", Name: "郑州市教育局", Region: "郑州市"},
		{Code: "A02", Name: "开封市教育局", Region: "开封市"},
		{Code: "A03", Name: "洛阳市教育局", Region: "洛阳市"},
	} {
		if err := s.store.AddUnit(ctx, &u); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range []dossier.Evaluator{{Name: "王评委", Region: "信阳市"}, {Name: "李评委", Region: "开封市"}} {
		if err := s.store.AddEvaluator(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	c := s.campaign
	c.Quota = 1
	if err := s.store.UpdateCampaign(ctx, &c); err != nil {
		t.Fatal(err)
	}
	return a, s
}

// cell returns the rendered grid cell at row, col (the row as shown).
func (t *scoringTab) cell(tb testing.TB, row, col int) *scoreCell {
	tb.Helper()
	t.table.ScrollTo(widget.TableCellID{Row: row, Col: col})
	c, ok := t.byKey[cellKey{row, col}]
	if !ok {
		tb.Fatalf("cell %d,%d not rendered", row, col)
	}
	return c
}

func tableLabels(tb *widget.Table) []string {
	return texts(tb)
}

func TestScoringAndRanking(t *testing.T) {
	a, s := scoringCampaign(t)
	ctx := context.Background()
	a.ShowScreen(ScreenScoring)
	sc := s.screen(ScreenScoring).(*scoringTab)
	if sc.evalSel.Selected != "王评委" {
		t.Fatalf("evaluator %q", sc.evalSel.Selected)
	}
	if len(sc.rows) != 3 {
		t.Fatalf("%d rows", len(sc.rows))
	}
	canvas := a.win.Canvas()

	t.Run("typing, Tab and Enter move on and save", func(t *testing.T) {
		c := sc.cell(t, 0, 2)
		canvas.Focus(c.entry)
		for i, v := range []string{"18", "17.5", "19", "16", "18.5"} {
			cur := canvas.Focused().(*scoreEntry)
			test.Type(cur, v)
			key := fyne.KeyTab
			if i%2 == 1 {
				key = fyne.KeyReturn
			}
			cur.TypedKey(&fyne.KeyEvent{Name: key})
		}
		b, _ := s.store.Book(ctx, store.LoadOptions{})
		if n := len(b.Scores); n != 5 {
			t.Fatalf("%d scores saved, want 5", n)
		}
		if got := sc.rowTotal(sc.rows[0]); got != "89.0" {
			t.Errorf("row total %q", got)
		}
		// After the last category Tab went to the comment, then on.
		if f, ok := canvas.Focused().(*scoreEntry); !ok || f != sc.byKey[cellKey{0, sc.commentCol()}].entry {
			t.Errorf("focus not on the comment cell")
		}
	})

	t.Run("an invalid cell is red and not saved", func(t *testing.T) {
		c := sc.cell(t, 2, 2)
		canvas.Focus(c.entry)
		test.Type(c.entry, "25")
		if c.bg.FillColor != colError {
			t.Error("out-of-range cell not framed in red")
		}
		if !strings.Contains(sc.info.Text, "超出范围") {
			t.Errorf("info %q", sc.info.Text)
		}
		c.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		b, _ := s.store.Book(ctx, store.LoadOptions{})
		for _, x := range b.Scores {
			if x.UnitID == sc.rows[2].unit.ID {
				t.Fatalf("invalid score saved: %+v", x)
			}
		}
		c.entry.SetText("18.55")
		if !strings.Contains(sc.info.Text, "一位小数") {
			t.Errorf("info %q", sc.info.Text)
		}
		// Leaving the screen and coming back keeps the refused text.
		a.ShowScreen(ScreenRanking)
		a.ShowScreen(ScreenScoring)
		if got := sc.rows[2].text[0]; got != "18.55" || sc.rows[2].bad[0] == "" {
			t.Errorf("after coming back: %q (%q)", got, sc.rows[2].bad[0])
		}
		c = sc.cell(t, 2, 2)
		if got := sc.rowTotal(sc.rows[2]); !strings.Contains(got, "有误") {
			t.Errorf("total %q", got)
		}
		c.entry.SetText("")
		if c.bg.FillColor == colError {
			t.Error("still red when cleared")
		}
	})

	t.Run("conflicted cells are closed", func(t *testing.T) {
		sc.selectEvaluator("李评委")
		if sc.ev.Name != "李评委" {
			t.Fatal("evaluator not switched")
		}
		row := -1
		for i, k := range sc.shown {
			if sc.rows[k].unit.Code == "A02" {
				row = i
			}
		}
		if sc.rows[sc.shown[row]].conflict == "" {
			t.Fatal("no 回避 for the same region")
		}
		c := sc.cell(t, row, 2)
		if c.entry.Visible() || c.label.Text != "回避" {
			t.Errorf("conflicted cell shows entry=%v label=%q", c.entry.Visible(), c.label.Text)
		}
		// Tab from the row above skips the closed row.
		above := sc.cell(t, row-1, sc.commentCol())
		canvas.Focus(above.entry)
		above.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		if f := canvas.Focused(); f != sc.byKey[cellKey{row + 1, 2}].entry {
			t.Errorf("Tab did not skip the closed row")
		}
	})

	t.Run("the ranking changes", func(t *testing.T) {
		a.ShowScreen(ScreenRanking)
		rt := s.screen(ScreenRanking).(*rankingTab)
		if got := rt.cellText(0, colCode); got != "A01" {
			t.Fatalf("first row %q", got)
		}
		if got := rt.cellText(0, colTotal); got != "89.00" {
			t.Errorf("total %q", got)
		}
		if got := rt.cellText(0, colResult); got != "拟推荐" {
			t.Errorf("result %q", got)
		}
		labels := tableLabels(rt.table)
		if !contains(labels, "89.00") || !contains(labels, "拟推荐") || !contains(labels, "无有效评分，不参与排名") {
			t.Errorf("ranking table shows %q", labels)
		}
		// Score 洛阳市教育局 higher as 王评委 in the grid: it moves to the top.
		a.ShowScreen(ScreenScoring)
		sc.selectEvaluator("王评委")
		c := sc.cell(t, 2, 2)
		canvas.Focus(c.entry)
		for _, v := range []string{"20", "20", "20", "20", "19"} {
			cur := canvas.Focused().(*scoreEntry)
			cur.SetText(v)
			cur.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		}
		a.ShowScreen(ScreenRanking)
		if got := rt.cellText(0, colName); got != "洛阳市教育局" {
			t.Errorf("first row now %q", got)
		}
		labels = tableLabels(rt.table)
		if !contains(labels, "99.00") {
			t.Errorf("ranking table shows %q", labels)
		}
		// The explanation of the selected unit.
		rt.table.Select(widget.TableCellID{Row: 0, Col: colName})
		ex := strings.Join(texts(rt.explain), "\n")
		for _, want := range []string{"洛阳市教育局", "王评委", "计入", "李评委", "未评分", "有效总分不足", "99.00"} {
			if !strings.Contains(ex, want) {
				t.Errorf("explanation lacks %q:\n%s", want, ex)
			}
		}
	})

	t.Run("a tie across the cut line awaits the committee", func(t *testing.T) {
		ctx := context.Background()
		var ins []store.ScoreInput
		for i, v := range []dossier.Tenths{200, 200, 200, 200, 190} {
			v := v
			ins = append(ins, store.ScoreInput{Evaluator: "王评委", Unit: "A01", Category: s.campaignCategories(t)[i], Value: &v})
		}
		if err := s.store.SetScores(ctx, ins); err != nil {
			t.Fatal(err)
		}
		rt := s.screen(ScreenRanking).(*rankingTab)
		rt.refresh()
		if got := rt.cellText(0, colRank); got != "1 并列" {
			t.Errorf("rank %q", got)
		}
		if got := rt.cellText(0, colResult); got != "待评委会决定" {
			t.Errorf("result %q", got)
		}
		if !strings.Contains(rt.summary.Text, "需评委会决定") {
			t.Errorf("summary %q", rt.summary.Text)
		}
		rt.decide(rt.rank.Standings[0].Unit.Code, true, "评委会表决通过")
		if got := rt.cellText(0, colResult); got != "评委会决定推荐" {
			t.Errorf("result after decision %q", got)
		}
	})
}

func (s *session) campaignCategories(t *testing.T) []string {
	cats, err := s.store.Categories(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range cats {
		out = append(out, c.Name)
	}
	return out
}
