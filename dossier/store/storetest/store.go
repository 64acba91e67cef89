package storetest

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

// TinyPhoto is a photo whose bytes differ by seed (the store keeps bytes
// as given, so distinct bytes give distinct image hashes).
func TinyPhoto(seed byte) dossier.Photo {
	// A valid 1×1 PNG is not needed by the store, which keeps bytes as given;
	// distinct bytes give distinct image hashes.
	return dossier.Photo{Format: "png", Width: 10, Height: 8, Data: []byte{0x89, 'P', 'N', 'G', seed, seed, seed}}
}

// FullUnit is a unit with every field, a section in every category (two
// in the fourth), indicator values (one without a value) and two photos.
func FullUnit(b *dossier.Book, code, name string) dossier.Unit {
	u := dossier.Unit{Code: code, Name: name, Region: "郑州市", Kind: "教育行政部门", Recommender: "郑州市人民政府",
		Contact: "王老师", Phone: "0371-1", Title: name + "的事迹", Summary: "简介第一段\n简介第二段"}
	for i, c := range b.Categories {
		u.Achievements = append(u.Achievements, dossier.Achievement{CategoryID: c.ID, Heading: fmt.Sprintf("标题%d", i), Body: "第一段。\n第二段，27.6万个。"})
		u.Values = append(u.Values, dossier.IndicatorValue{IndicatorID: c.Indicators[0].ID, Value: float64(i) + 0.5, Note: "说明"})
	}
	u.Achievements = append(u.Achievements, dossier.Achievement{CategoryID: b.Categories[3].ID, Heading: "同类第二节", Body: "正文"})
	u.Values = append(u.Values, dossier.IndicatorValue{IndicatorID: b.Categories[0].Indicators[1].ID, NoValue: true, Note: "约数，无确切统计"})
	p1, p2 := TinyPhoto(1), TinyPhoto(2)
	p1.Caption, p1.CategoryID = "图一", b.Categories[0].ID
	p2.Caption = "图二"
	u.Photos = []dossier.Photo{p1, p2}
	return u
}

func testRoundTripEveryEntity(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := ad.newStore(t)
	b, err := s.Book(ctx, store.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Categories) != 5 || b.Categories[0].Name != "优化扩充工程" || b.Categories[0].Max != 200 || len(b.Categories[0].Indicators) < 3 {
		t.Fatalf("default categories not stored: %+v", b.Categories)
	}
	c := b.Campaign
	c.Quota, c.TrimMin, c.TieBreak = 3, 4, []string{b.Categories[2].ID, b.Categories[0].ID}
	if err := s.UpdateCampaign(ctx, &c); err != nil {
		t.Fatal(err)
	}
	u := FullUnit(b, "A-001", "郑州市教育局")
	if err := s.AddUnit(ctx, &u); err != nil {
		t.Fatal(err)
	}
	ev := dossier.Evaluator{Name: "李华", Affiliation: "河南大学", Region: "郑州市金水区", Role: "评委"}
	if err := s.AddEvaluator(ctx, &ev); err != nil {
		t.Fatal(err)
	}
	ev2 := dossier.Evaluator{Name: "张敏", Affiliation: "某大学"}
	if err := s.AddEvaluator(ctx, &ev2); err != nil {
		t.Fatal(err)
	}
	v := dossier.Tenths(185)
	if err := s.SetScore(ctx, store.ScoreInput{Evaluator: "张敏", Unit: "A-001", Category: "优化扩充工程", Value: &v}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetComment(ctx, "张敏", "A-001", "很好"); err != nil {
		t.Fatal(err)
	}
	// 李华 (郑州市金水区) and the unit (郑州市) conflict automatically; lift it.
	if err := s.RemoveConflict(ctx, "李华", "A-001", "评委会同意"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetDecision(ctx, "A-001", true, "会议决定"); err != nil {
		t.Fatal(err)
	}
	s2 := ad.Reopen(t, s)
	got, err := s2.Book(ctx, store.LoadOptions{Photos: true})
	if err != nil {
		t.Fatal(err)
	}
	if got.Campaign.Quota != 3 || got.Campaign.TrimMin != 4 || strings.Join(got.Campaign.TieBreak, ",") != b.Categories[2].ID+","+b.Categories[0].ID {
		t.Errorf("campaign = %+v", got.Campaign)
	}
	gu := got.UnitByCode("A-001")
	if gu == nil {
		t.Fatal("unit lost")
	}
	if gu.Title != u.Title || gu.Summary != u.Summary || gu.Revision != 1 || gu.Status != dossier.StatusAccepted {
		t.Errorf("unit fields = %+v", gu)
	}
	if len(gu.Achievements) != 6 || gu.Achievements[5].Heading != "同类第二节" || gu.Achievements[0].Body != u.Achievements[0].Body {
		t.Errorf("achievements = %+v", gu.Achievements)
	}
	if len(gu.Values) != 6 || gu.Values[5].Value != 4.5 || gu.Values[0].Note != "说明" || !gu.Values[1].NoValue || gu.Values[1].Note != "约数，无确切统计" {
		t.Errorf("values = %+v", gu.Values)
	}
	if len(gu.Photos) != 2 || gu.Photos[0].Caption != "图一" || !bytes.Equal(gu.Photos[1].Data, u.Photos[1].Data) || gu.Photos[1].CategoryID != "" {
		t.Errorf("photos = %+v", gu.Photos)
	}
	if len(got.Evaluators) != 2 || got.Evaluators[0].Name != "李华" || got.Evaluators[0].Region != "郑州市金水区" {
		t.Errorf("evaluators = %+v", got.Evaluators)
	}
	if len(got.Scores) != 1 || got.Scores[0].Value != 185 || len(got.Comments) != 1 || got.Comments[0].Text != "很好" {
		t.Errorf("scores = %+v comments = %+v", got.Scores, got.Comments)
	}
	if len(got.Overrides) != 1 || got.Overrides[0].Conflict || got.Overrides[0].Reason != "评委会同意" {
		t.Errorf("overrides = %+v", got.Overrides)
	}
	if len(got.Decisions) != 1 || !got.Decisions[0].Recommended {
		t.Errorf("decisions = %+v", got.Decisions)
	}
	hist, err := s2.History(ctx, "")
	if err != nil || len(hist) < 8 {
		t.Fatalf("history = %d entries, %v", len(hist), err)
	}
	if problems, err := s2.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("check: %v %v", problems, err)
	}
}

func testImportNewUpdateAndRevisions(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := ad.newStore(t)
	b, _ := s.Book(ctx, store.LoadOptions{})
	u := FullUnit(b, "A-1", "单位甲")
	items, err := s.Import(ctx, []dossier.Submission{{File: "甲.xlsx", Unit: u}}, false)
	if err != nil || items[0].Action != dossier.ImportNew {
		t.Fatalf("first import: %+v %v", items, err)
	}
	// Dry run of a change writes nothing.
	u2 := FullUnit(b, "A-1", "单位甲")
	u2.Title = "新的标题"
	u2.Values[0].Value = 99
	items, _ = s.Import(ctx, []dossier.Submission{{File: "甲v2.xlsx", Unit: u2}}, true)
	if items[0].Action != dossier.ImportUpdate || !strings.Contains(strings.Join(items[0].Changes, "；"), "事迹标题") {
		t.Fatalf("dry run plan: %+v", items[0])
	}
	cur, _ := s.UnitByCode(ctx, "A-1")
	if cur.Title != u.Title || cur.Revision != 1 {
		t.Fatal("dry run wrote")
	}
	items, _ = s.Import(ctx, []dossier.Submission{{File: "甲v2.xlsx", Unit: u2}}, false)
	changes := strings.Join(items[0].Changes, "；")
	if items[0].Action != dossier.ImportUpdate || !strings.Contains(changes, "事迹标题：“单位甲的事迹”→“新的标题”") || !strings.Contains(changes, "0.5→99") {
		t.Fatalf("update: %+v", items[0])
	}
	cur, _ = s.UnitByCode(ctx, "A-1")
	if cur.Title != "新的标题" || cur.Revision != 2 {
		t.Fatalf("after update: rev %d title %s", cur.Revision, cur.Title)
	}
	revs, err := s.Revisions(ctx, cur.ID)
	if err != nil || len(revs) != 1 || revs[0].Unit.Title != "单位甲的事迹" || len(revs[0].Unit.Photos) != 2 || revs[0].Source != "甲v2.xlsx" {
		t.Fatalf("revisions = %+v, %v", revs, err)
	}
	// By name without a code: an update of the same unit.
	u3 := FullUnit(b, "", "单位甲")
	items, _ = s.Import(ctx, []dossier.Submission{{File: "甲v3.xlsx", Unit: u3}}, false)
	if items[0].Action != dossier.ImportUpdate {
		t.Fatalf("by name: %+v", items[0])
	}
	// A new code with an existing name: ambiguous, rejected, nothing written.
	u4 := FullUnit(b, "B-9", "单位甲")
	items, _ = s.Import(ctx, []dossier.Submission{{File: "甲v4.xlsx", Unit: u4}}, false)
	if items[0].Action != dossier.ImportRejected || !strings.Contains(items[0].Problems[0].String(), "甲v4.xlsx") || !strings.Contains(items[0].Problems[0].String(), "B-9") {
		t.Fatalf("ambiguous: %+v", items[0])
	}
	// The same unit in two files: both rejected; a third, distinct one imported.
	d1, d2, ok := FullUnit(b, "C-1", "单位丙"), FullUnit(b, "", "单位丙"), FullUnit(b, "", "单位丁")
	items, _ = s.Import(ctx, []dossier.Submission{{File: "丙1.xlsx", Unit: d1}, {File: "丙2.xlsx", Unit: d2}, {File: "丁.xlsx", Unit: ok}}, false)
	if items[0].Action != dossier.ImportRejected || items[1].Action != dossier.ImportRejected || items[2].Action != dossier.ImportNew {
		t.Fatalf("duplicates: %+v", items)
	}
	if !strings.Contains(items[0].Problems[0].String(), "丙2.xlsx") || !strings.Contains(items[1].Problems[0].String(), "丙1.xlsx") {
		t.Errorf("duplicate messages: %v / %v", items[0].Problems, items[1].Problems)
	}
	units, _ := s.Units(ctx)
	// 单位丁 came without a code: it is numbered in the campaign's own
	// pattern (A-1 → A-2), not 2022-0001.
	if len(units) != 2 || units[1].Name != "单位丁" || units[1].Code != "A-2" {
		t.Errorf("units after import = %+v", units)
	}
}

func testScoreRules(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := ad.newStore(t)
	b, _ := s.Book(ctx, store.LoadOptions{})
	u := FullUnit(b, "A-1", "郑州市教育局")
	s.AddUnit(ctx, &u)
	s.AddEvaluator(ctx, &dossier.Evaluator{Name: "甲", Region: "郑州市"})
	s.AddEvaluator(ctx, &dossier.Evaluator{Name: "乙"})
	set := func(ev, cat string, v dossier.Tenths) error {
		return s.SetScore(ctx, store.ScoreInput{Evaluator: ev, Unit: "A-1", Category: cat, Value: &v})
	}
	cases := []struct {
		name, ev, cat string
		v             dossier.Tenths
		want          string
	}{
		{"over max", "乙", "优化扩充工程", 201, "超出范围"},
		{"negative", "乙", "优化扩充工程", -1, "超出范围"},
		{"unknown category", "乙", "不存在工程", 10, "类别“不存在工程”不存在"},
		{"unknown evaluator", "丙", "优化扩充工程", 10, "评委“丙”不存在"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := set(c.ev, c.cat, c.v)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want %q", err, c.want)
			}
		})
	}
	if err := set("乙", "优化扩充工程", 200); err != nil {
		t.Fatal(err)
	}
	// A batch with one bad score writes none of it.
	v1, v2 := dossier.Tenths(100), dossier.Tenths(999)
	err := s.SetScores(ctx, []store.ScoreInput{{Evaluator: "乙", Unit: "A-1", Category: "增效创优工程", Value: &v1}, {Evaluator: "乙", Unit: "A-1", Category: "改革攻坚工程", Value: &v2}})
	if err == nil {
		t.Fatal("bad batch accepted")
	}
	got, _ := s.Book(ctx, store.LoadOptions{})
	if len(got.Scores) != 1 {
		t.Errorf("scores after failed batch = %+v", got.Scores)
	}
}

func testApplyScoreSheet(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := ad.newStore(t)
	b, _ := s.Book(ctx, store.LoadOptions{})
	for _, u := range []dossier.Unit{FullUnit(b, "A-1", "郑州市教育局"), FullUnit(b, "A-2", "开封市教育局")} {
		u.Region = strings.TrimSuffix(u.Name, "教育局")
		s.AddUnit(ctx, &u)
	}
	s.AddEvaluator(ctx, &dossier.Evaluator{Name: "甲", Region: "开封市"})
	s.AddEvaluator(ctx, &dossier.Evaluator{Name: "乙"})
	b, _ = s.Book(ctx, store.LoadOptions{})
	jia, yi := b.EvaluatorByName("甲"), b.EvaluatorByName("乙")
	v := dossier.Tenths(150)
	s.SetScore(ctx, store.ScoreInput{Evaluator: "乙", Unit: "A-1", Category: "优化扩充工程", Value: &v})
	cat0, cat1 := b.Categories[0].ID, b.Categories[1].ID
	sheet := func(check string, rows ...dossier.ScoreRow) *dossier.ScoreSheet {
		return &dossier.ScoreSheet{File: "甲.xlsx", Evaluator: "甲", Campaign: b.Campaign.Title, Check: check, Rows: rows}
	}
	good := dossier.CheckCode(b.Campaign.ID, jia.ID)

	t.Run("wrong check code", func(t *testing.T) {
		_, err := s.ApplyScoreSheet(ctx, sheet(dossier.CheckCode(b.Campaign.ID, yi.ID)))
		if err == nil || !strings.Contains(err.Error(), "B3") || !strings.Contains(err.Error(), "校验码") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("unknown unit and out of range reject all", func(t *testing.T) {
		_, err := s.ApplyScoreSheet(ctx, sheet(good,
			dossier.ScoreRow{Cell: "A3", Code: "A-1", Values: []dossier.ScoreCell{{Cell: "C3", CategoryID: cat0, Value: 180}}},
			dossier.ScoreRow{Cell: "A4", Code: "Z-9"},
			dossier.ScoreRow{Cell: "A5", Code: "A-1", Values: []dossier.ScoreCell{{Cell: "D5", CategoryID: cat1, Value: 250}}}))
		if err == nil || !strings.Contains(err.Error(), "A4") || !strings.Contains(err.Error(), "D5") {
			t.Fatalf("err = %v", err)
		}
		got, _ := s.Book(ctx, store.LoadOptions{})
		if len(got.Scores) != 1 {
			t.Errorf("partial write: %+v", got.Scores)
		}
	})
	t.Run("merge", func(t *testing.T) {
		res, err := s.ApplyScoreSheet(ctx, sheet(good,
			dossier.ScoreRow{Cell: "A3", Code: "A-1", Values: []dossier.ScoreCell{{Cell: "C3", CategoryID: cat0, Value: 180}}, Comment: "好", HasComment: true},
			dossier.ScoreRow{Cell: "A4", Code: "A-2", Values: []dossier.ScoreCell{{Cell: "C4", CategoryID: cat0, Value: 170}}}))
		if err != nil {
			t.Fatal(err)
		}
		if res.Changed != 1 || res.Comments != 1 || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].String(), "A-2") {
			t.Errorf("result = %+v", res)
		}
		got, _ := s.Book(ctx, store.LoadOptions{})
		var mine, theirs int
		for _, sc := range got.Scores {
			if sc.EvaluatorID == jia.ID {
				mine++
				if sc.UnitID == got.UnitByCode("A-2").ID {
					t.Error("conflicted row written")
				}
			} else if sc.Value == 150 {
				theirs++
			}
		}
		if mine != 1 || theirs != 1 {
			t.Errorf("mine %d theirs %d", mine, theirs)
		}
	})
}

func testRemoveCategoryKeepsData(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := ad.newStore(t)
	b, _ := s.Book(ctx, store.LoadOptions{})
	u := FullUnit(b, "A-1", "单位甲")
	s.AddUnit(ctx, &u)
	if err := s.RemoveCategory(ctx, b.Categories[0].ID, b.Categories[0].Version); err == nil || !strings.Contains(err.Error(), "不能删除") {
		t.Fatalf("err = %v", err)
	}
	c := dossier.Category{Name: "新类别", Max: 100}
	if err := s.AddCategory(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveCategory(ctx, c.ID, c.Version); err != nil {
		t.Fatal(err)
	}
}

func testReorderEvaluators(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := ad.newStore(t)
	a, b := dossier.Evaluator{Name: "甲"}, dossier.Evaluator{Name: "乙"}
	s.AddEvaluator(ctx, &a)
	s.AddEvaluator(ctx, &b)
	if err := s.ReorderEvaluators(ctx, []string{a.ID}); err == nil {
		t.Error("incomplete order accepted")
	}
	if err := s.ReorderEvaluators(ctx, []string{b.ID, a.ID}); err != nil {
		t.Fatal(err)
	}
	evs, _ := s.Evaluators(ctx)
	if evs[0].Name != "乙" || evs[1].Name != "甲" {
		t.Errorf("order = %v, %v", evs[0].Name, evs[1].Name)
	}
	hist, _ := s.History(ctx, "")
	if hist[0].Detail != "调整评委顺序：乙、甲" {
		t.Errorf("history = %q", hist[0].Detail)
	}
}

func testSetMaterialKeepsWhatItReplaced(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := ad.newStore(t)
	b, _ := s.Book(ctx, store.LoadOptions{})
	u := FullUnit(b, "A-1", "单位甲")
	s.AddUnit(ctx, &u)
	edited, _ := s.Unit(ctx, u.ID)
	edited.Achievements = edited.Achievements[:1]
	edited.Achievements[0].Body = "改过的正文"
	edited.Photos = nil
	if err := s.SetMaterial(ctx, &edited, "删除事迹材料并修改正文"); err != nil {
		t.Fatal(err)
	}
	hist, _ := s.History(ctx, u.ID)
	if hist[0].Action != "unit.material" {
		t.Fatalf("history[0] = %+v", hist[0])
	}
	before, err := s.EditBefore(ctx, hist[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(before.Achievements) != 6 || before.Achievements[0].Body != u.Achievements[0].Body || len(before.Photos) != 2 || !bytes.Equal(before.Photos[0].Data, u.Photos[0].Data) {
		t.Errorf("before = %d sections, %d photos", len(before.Achievements), len(before.Photos))
	}
	if _, err := s.EditBefore(ctx, hist[1].ID); dossier.ErrorCode(err) != dossier.ENOTFOUND {
		t.Errorf("entry without snapshot: %v", err)
	}
	// Saving basic info records only basic fields.
	edited.Phone = "0371-9"
	if err := s.UpdateUnit(ctx, &edited); err != nil {
		t.Fatal(err)
	}
	hist, _ = s.History(ctx, u.ID)
	if hist[0].Detail != "联系电话：“0371-1”→“0371-9”" {
		t.Errorf("detail = %q", hist[0].Detail)
	}
}
