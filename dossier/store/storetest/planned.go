package storetest

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

// testImportPlannedWritesThePlan: ImportPlanned writes what a dry run
// planned without planning again, and still decides inside each write: a
// new unit whose code was taken after the plan is refused naming the clash,
// an update is compared with the unit as it is when written.
func testImportPlannedWritesThePlan(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := ad.newStore(t)
	b, _ := s.Book(ctx, store.LoadOptions{})
	importOne(t, s, "甲.xlsx", FullUnit(b, "A-1", "单位甲"))

	u2 := FullUnit(b, "A-1", "单位甲")
	u2.Title = "新的标题"
	plan, err := s.Import(ctx, []dossier.Submission{
		{File: "甲v2.xlsx", Unit: u2},
		{File: "乙.xlsx", Unit: FullUnit(b, "B-1", "单位乙")},
		{File: "丙.xlsx", Unit: FullUnit(b, "C-1", "单位丙")},
	}, true)
	if err != nil || plan[0].Action != dossier.ImportUpdate || plan[1].Action != dossier.ImportNew || plan[2].Action != dossier.ImportNew {
		t.Fatalf("plan %+v %v", plan, err)
	}
	// Between the plan and the write another import takes 乙's code.
	importOne(t, s, "乙-另一份.xlsx", FullUnit(b, "B-1", "单位乙二"))

	out, err := s.ImportPlanned(ctx, plan, nil)
	if err != nil || len(out) != 3 {
		t.Fatalf("write %+v %v", out, err)
	}
	if out[0].Action != dossier.ImportUpdate || !strings.Contains(strings.Join(out[0].Changes, "；"), "事迹标题：“单位甲的事迹”→“新的标题”") {
		t.Errorf("update: %+v", out[0])
	}
	if cur, _ := s.UnitByCode(ctx, "A-1"); cur.Title != "新的标题" || cur.Revision != 2 {
		t.Errorf("A-1 after the write: title %q revision %d", cur.Title, cur.Revision)
	}
	if out[1].Action != dossier.ImportRejected || len(out[1].Problems) != 1 ||
		!strings.Contains(out[1].Problems[0].String(), "乙.xlsx") || !strings.Contains(out[1].Problems[0].Message, "申报编号“B-1”已被单位“单位乙二”使用") {
		t.Errorf("new unit whose code was taken meanwhile: %+v", out[1])
	}
	if cur, _ := s.UnitByCode(ctx, "B-1"); cur.Name != "单位乙二" {
		t.Errorf("B-1 is now %q: the earlier import was overwritten", cur.Name)
	}
	if out[2].Action != dossier.ImportNew || out[2].UnitID == "" {
		t.Errorf("new unit: %+v", out[2])
	}
	if units, _ := s.Units(ctx); len(units) != 3 {
		t.Errorf("%d units, want 3 (甲, 乙二, 丙)", len(units))
	}
	if plan[1].Action != dossier.ImportNew || plan[2].UnitID != "" {
		t.Error("ImportPlanned changed the plan it was given")
	}
}
