package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

func scoreAll(t *testing.T, s *session, ev, code string, v dossier.Tenths) {
	t.Helper()
	var ins []store.ScoreInput
	for _, c := range s.campaignCategories(t) {
		v := v
		ins = append(ins, store.ScoreInput{Evaluator: ev, Unit: code, Category: c, Value: &v})
	}
	if err := s.store.SetScores(context.Background(), ins); err != nil {
		t.Fatal(err)
	}
}

// TestRankingTieAtRankOne is issue 11 item 10: a tie at rank 1 with quota 1
// draws a line under the group, the summary counts a committee decision,
// and the 公示名单 export reminds of a pending tie.
func TestRankingTieAtRankOne(t *testing.T) {
	a, s := scoringCampaign(t) // quota 1
	a.win.Resize(fyne.NewSize(1024, 768))
	scoreAll(t, s, "王评委", "A01", 190)
	scoreAll(t, s, "王评委", "A03", 190)
	a.ShowScreen(ScreenRanking)
	rt := s.screen(ScreenRanking).(*rankingTab)
	if rt.rank.CutAfter != 0 || !rt.rank.Standings[1].NeedsDecision {
		t.Fatalf("setup: cut %d", rt.rank.CutAfter)
	}
	if rt.cutLine(0) != nil || rt.cutLine(1) != colWarning || rt.cutLine(2) != nil {
		t.Errorf("lines %v %v %v, want one under the tied pair", rt.cutLine(0), rt.cutLine(1), rt.cutLine(2))
	}
	if !strings.Contains(rt.flags.Text, "2 个并列跨越名额线的单位尚待评委会决定") || !rt.flags.Visible() {
		t.Errorf("flags %q", rt.flags.Text)
	}

	t.Run("decision buttons in view at 1024 × 768", func(t *testing.T) {
		rt.table.Select(widget.TableCellID{Row: 0, Col: colName})
		d := fyne.CurrentApp().Driver()
		found := 0
		for _, o := range objects(rt.explain) {
			if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "记录决定") {
				found++
				if p := d.AbsolutePositionForObject(b); p.Y+b.Size().Height > 768 || p.X+b.Size().Width > 1024 {
					t.Errorf("%s at %v, outside the window", b.Text, p)
				}
			}
		}
		if found != 2 {
			t.Errorf("%d decision buttons shown", found)
		}
	})

	t.Run("key columns in view at 1024", func(t *testing.T) {
		var w float32
		for col := colRank; col <= colResult; col++ {
			w += rt.columnWidth(col) + 4
		}
		if w > rt.table.Size().Width {
			t.Errorf("名次…结果 need %.0f px, the table has %.0f", w, rt.table.Size().Width)
		}
		if rt.table.StickyColumnCount != colResult+1 {
			t.Errorf("key columns not frozen")
		}
	})

	t.Run("公示名单 with a pending tie asks", func(t *testing.T) {
		a.ShowScreen(ScreenExport)
		et := s.screen(ScreenExport).(*exportTab)
		out := filepath.Join(t.TempDir(), "公示名单.pdf")
		a.pick.(*stubPicker).save = out
		et.ask(docNotice)
		if msg := overlayTexts(a); !strings.Contains(msg, "有 2 个单位总分并列且跨越名额线，评委会尚未决定") {
			t.Fatalf("no reminder: %q", msg)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatal("exported before the answer")
		}
		test.Tap(dialogButton(t, a, "仍然导出"))
		s.jobs.Wait()
		if _, err := os.Stat(out); err != nil {
			t.Errorf("not exported after 仍然导出: %v", err)
		}
	})

	t.Run("summary counts the committee's decision", func(t *testing.T) {
		a.ShowScreen(ScreenRanking)
		rt.decide("A01", true, "评委会表决通过")
		if !strings.Contains(rt.summary.Text, "拟推荐 1 个（红线以上 0 个，评委会决定推荐 1 个）") {
			t.Errorf("summary %q", rt.summary.Text)
		}
	})
}

// TestRankingFlags: quota 0 and units ranked on fewer valid totals than
// the others are flagged above the table.
func TestRankingFlags(t *testing.T) {
	a, s := scoringCampaign(t)
	ctx := context.Background()
	c, err := s.store.Campaign(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c.Quota, c.TrimMin = 0, 3
	if err := s.store.UpdateCampaign(ctx, &c); err != nil {
		t.Fatal(err)
	}
	s.store.AddEvaluator(ctx, &dossier.Evaluator{Name: "赵评委"})
	for _, ev := range []string{"王评委", "李评委", "赵评委"} {
		scoreAll(t, s, ev, "A01", 170)
	}
	scoreAll(t, s, "王评委", "A03", 195) // one valid total, ranked first
	a.ShowScreen(ScreenRanking)
	rt := s.screen(ScreenRanking).(*rankingTab)
	f := rt.flags.Text
	for _, want := range []string{"尚未设置拟表彰名额", "1 个单位的有效评分少于 3 份，而其他单位有 3 份：洛阳市教育局（1 份）", "最少有效评分"} {
		if !strings.Contains(f, want) {
			t.Errorf("flags lack %q:\n%s", want, f)
		}
	}
	if got := rt.cellText(0, colValid); got != "1 份 ⚠" {
		t.Errorf("valid column %q", got)
	}
}
