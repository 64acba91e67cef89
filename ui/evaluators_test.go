package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

func TestEvaluators(t *testing.T) {
	a, s := scoringCampaign(t)
	ctx := context.Background()
	a.ShowScreen(ScreenEvaluators)
	et := s.screen(ScreenEvaluators).(*evaluatorsTab)
	if len(et.book.Evaluators) != 2 {
		t.Fatalf("%d evaluators", len(et.book.Evaluators))
	}

	t.Run("add and edit", func(t *testing.T) {
		if err := et.add(dossier.Evaluator{Name: "赵评委", Affiliation: "洛阳市教育局"}); err != nil {
			t.Fatal(err)
		}
		if et.ed == nil || et.ed.ev.Name != "赵评委" {
			t.Fatal("new evaluator not selected")
		}
		// Working at the unit itself: automatic 回避 with its reason.
		rows := et.conflicts(et.ed.ev)
		if len(rows) != 1 || rows[0].unit.Code != "A03" || rows[0].kind != "自动回避" || !strings.Contains(rows[0].reason, "本单位") {
			t.Errorf("conflicts %+v", rows)
		}
		et.ed.role.SetText("评委")
		et.ed.region.SetText("郑州市")
		et.ed.role.FocusLost()
		evs, _ := s.store.Evaluators(ctx)
		if evs[2].Role != "评委" || evs[2].Region != "郑州市" {
			t.Errorf("evaluator %+v", evs[2])
		}
		if err := et.add(dossier.Evaluator{Name: "赵评委"}); err == nil {
			t.Error("a duplicate name was accepted")
		}
	})

	t.Run("manual 回避 and lifting", func(t *testing.T) {
		et.open(et.book.EvaluatorByName("王评委").ID)
		et.avoid("王评委", "A01", "曾在该单位挂职")
		e := et.book.EvaluatorByName("王评委")
		rows := et.conflicts(e)
		if len(rows) != 1 || rows[0].kind != "手动回避" || rows[0].reason != "曾在该单位挂职" {
			t.Fatalf("conflicts %+v", rows)
		}
		if !contains(texts(et.slot), "曾在该单位挂职") {
			t.Errorf("detail does not show the reason: %q", texts(et.slot))
		}
		et.lift("王评委", "A01", "经核实已无利害关系")
		if rows := et.conflicts(et.book.EvaluatorByName("王评委")); len(rows) != 0 {
			t.Errorf("still %+v", rows)
		}
		et.lift("李评委", "A02", "评委会同意")
		rows = et.conflicts(et.book.EvaluatorByName("李评委"))
		if len(rows) != 1 || rows[0].kind != "已解除自动回避" || rows[0].active {
			t.Errorf("lifted automatic: %+v", rows)
		}
		et.lift("李评委", "A01", "x")
		if !strings.Contains(overlayTexts(a), "没有回避关系") {
			t.Errorf("refusal not shown: %q", overlayTexts(a))
		}
	})

	t.Run("score workbook out and back", func(t *testing.T) {
		e := et.book.EvaluatorByName("王评委")
		path := filepath.Join(t.TempDir(), "评分表-王评委.xlsx")
		if err := et.exportSheet(e.ID, path); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows("评分")
		for i, r := range rows {
			if len(r) > 0 && r[0] == "A01" {
				for c := 0; c < 5; c++ {
					cell, _ := excelize.CoordinatesToCellName(3+c, i+1)
					f.SetCellFloat("评分", cell, 18.5, 1, 64)
				}
			}
		}
		f.Save()
		f.Close()
		title, lines := et.importSheet(path)
		if title != "已导入评分表" || !strings.Contains(lines[0], "5 项评分") {
			t.Fatalf("%s %q", title, lines)
		}
		b, _ := s.store.Book(ctx, store.LoadOptions{})
		n := 0
		for _, sc := range b.Scores {
			if sc.EvaluatorID == e.ID && sc.Value == 185 {
				n++
			}
		}
		if n != 5 {
			t.Errorf("%d scores of 18.5", n)
		}
		// Another campaign's workbook is refused whole.
		f, _ = excelize.OpenFile(path)
		f.SetCellStr("评委信息", "B3", "0000000000")
		f.Save()
		f.Close()
		title, lines = et.importSheet(path)
		if title != "评分表未导入" || !strings.Contains(strings.Join(lines, ""), "校验码") {
			t.Errorf("%s %q", title, lines)
		}
	})

	t.Run("remove", func(t *testing.T) {
		et.remove(et.book.EvaluatorByName("王评委").ID)
		if !strings.Contains(overlayTexts(a), "不能删除") {
			t.Errorf("refusal not shown")
		}
		// Scores exist, so scoring is open: the evaluator list is part of
		// the locked rule and its change needs the scoring bar's reason.
		s.scoring.reason.SetText("赵评委因故退出评审")
		et.remove(et.book.EvaluatorByName("赵评委").ID)
		if evs, _ := s.store.Evaluators(ctx); len(evs) != 2 {
			t.Errorf("%d evaluators", len(evs))
		}
	})
}
