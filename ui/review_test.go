package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The 复核 screen, reached from the ranking screen, lists the demo's flags
// with the unresolved first; a review without a reviewer is refused with
// the typed note kept; with one, the store records it, the screen shows who
// and what, and the ranking screen's count goes down.
func TestResolveAFlagThroughTheReviewScreen(t *testing.T) {
	a, _ := newTestApp(t)
	if err := a.OpenDemo(filepath.Join(t.TempDir(), "demo.dossier")); err != nil {
		t.Fatal(err)
	}
	s := a.cur
	if !s.show(ScreenRanking) {
		t.Fatal("no ranking screen")
	}
	rt := s.screens[ScreenRanking].(*rankingTab)
	before := rt.review.Text
	if !strings.Contains(before, "项未复核") || rt.review.Importance != widget.DangerImportance {
		t.Fatalf("ranking screen's review button %q (importance %v)", before, rt.review.Importance)
	}
	test.Tap(rt.review)
	if got := s.tabs.Selected().Text; got != "复核" {
		t.Fatalf("the button went to %q, not the 复核 screen", got)
	}
	rv := s.screens[ScreenReview].(*reviewTab)
	if len(rv.flags) < 2 {
		t.Fatalf("the demo shows %d flags, want at least 2", len(rv.flags))
	}
	for _, f := range rv.flags {
		if f.Resolved != nil {
			t.Fatalf("the fresh demo has a resolved flag: %+v", f)
		}
	}
	// Choose the second flag by tapping its row.
	rv.table.OnSelected(widget.TableCellID{Row: 1, Col: rvDetail})
	flag := rv.flags[1]
	if rv.selID != flag.ID || !strings.Contains(rv.detail.Text, flag.Detail) || !strings.Contains(rv.state.Text, "未复核") {
		t.Fatalf("panel for %s: %q / %q", flag.ID, rv.detail.Text, rv.state.Text)
	}
	cell := widget.NewLabel("")
	rv.updateCell(widget.TableCellID{Row: 1, Col: rvState}, cell)
	if cell.Text != "未复核" || cell.Importance != widget.DangerImportance {
		t.Errorf("state cell %q (importance %v)", cell.Text, cell.Importance)
	}

	test.Type(rv.note, "已核实，该评委的评分按规则不计")
	test.Tap(rv.submit)
	if res, _ := s.store.Resolutions(s.ctx); len(res) != 0 {
		t.Fatalf("a review without a reviewer was recorded: %v", res)
	}
	if got := strings.Join(texts(s.view), "\n"); !strings.Contains(got, "请填写复核人") {
		t.Errorf("no message for the missing reviewer:\n%s", got)
	}
	if rv.note.Text != "已核实，该评委的评分按规则不计" {
		t.Errorf("the typed note was lost: %q", rv.note.Text)
	}

	test.Type(rv.by, "王主任")
	test.Tap(rv.submit)
	res, err := s.store.Resolutions(s.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := res[flag.ID]; !ok || r.By != "王主任" || r.Note != "已核实，该评委的评分按规则不计" || r.At == "" {
		t.Fatalf("store has %+v for %s", res, flag.ID)
	}
	// The list keeps the unresolved first: the resolved flag is last, and
	// the panel moved on to the next flag to review, the reviewer kept.
	last := rv.flags[len(rv.flags)-1]
	if last.ID != flag.ID || last.Resolved == nil {
		t.Fatalf("resolved flag not listed last as resolved: %+v", last)
	}
	if rv.selID == flag.ID || rv.by.Text != "王主任" || rv.note.Text != "" {
		t.Errorf("after recording: selected %s, by %q, note %q", rv.selID, rv.by.Text, rv.note.Text)
	}
	rv.updateCell(widget.TableCellID{Row: len(rv.flags) - 1, Col: rvState}, cell)
	if cell.Text != "已复核" {
		t.Errorf("resolved flag's state cell %q", cell.Text)
	}
	rv.table.OnSelected(widget.TableCellID{Row: len(rv.flags) - 1, Col: rvKind})
	if !strings.Contains(rv.state.Text, "已复核：复核人 王主任") || !strings.Contains(rv.state.Text, "意见：已核实，该评委的评分按规则不计") ||
		rv.submit.Text != "修改复核意见" || rv.note.Text != "已核实，该评委的评分按规则不计" {
		t.Errorf("resolved flag's panel: %q, button %q, note %q", rv.state.Text, rv.submit.Text, rv.note.Text)
	}

	s.show(ScreenRanking)
	if rt.review.Text == before || !strings.Contains(rt.review.Text, "项未复核") {
		t.Errorf("ranking screen's count did not follow: %q (was %q)", rt.review.Text, before)
	}
}

// The ranking screen's explanation says how robust the selected unit's
// place is: its range over leaving out each evaluator, whether the
// recommendation holds, and the normalised place, for information.
func TestRankingExplanationShowsStability(t *testing.T) {
	a, _ := newTestApp(t)
	if err := a.OpenDemo(filepath.Join(t.TempDir(), "demo.dossier")); err != nil {
		t.Fatal(err)
	}
	s := a.cur
	s.show(ScreenRanking)
	rt := s.screens[ScreenRanking].(*rankingTab)
	for i := range rt.rank.Standings {
		sd := &rt.rank.Standings[i]
		st := rt.stab[sd.Unit.ID]
		rt.table.OnSelected(widget.TableCellID{Row: i, Col: colName})
		got := strings.Join(texts(rt.explain), "\n")
		want := "名次范围 " + st.RangeText()
		if !strings.Contains(got, want) || !strings.Contains(got, "（仅供参考）") {
			t.Errorf("%s: explanation lacks %q:\n%s", sd.Unit.Code, want, got)
		}
		if unstable := strings.Contains(got, "推荐不稳"); unstable == st.Stable {
			t.Errorf("%s: stable %v but the explanation says %q", sd.Unit.Code, st.Stable, got)
		}
	}
}
