package storetest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

func importOne(t *testing.T, s *store.Store, file string, u dossier.Unit) dossier.ImportItem {
	t.Helper()
	items, err := s.Import(context.Background(), []dossier.Submission{{File: file, Unit: u}}, false)
	if err != nil || len(items) != 1 || items[0].Action == dossier.ImportRejected {
		t.Fatalf("import %s: %+v %v", file, items, err)
	}
	return items[0]
}

func wantStale(t *testing.T, err error) *dossier.StaleError {
	t.Helper()
	if dossier.ErrorCode(err) != dossier.ESTALE {
		t.Fatalf("err = %v (code %q), want ESTALE", err, dossier.ErrorCode(err))
	}
	var se *dossier.StaleError
	if !errors.As(err, &se) {
		t.Fatalf("err %T is not a *StaleError", err)
	}
	return se
}

// Issue 8 item 3: an editor's copy loaded before a re-import cannot
// overwrite the import.
func testStaleUnitEditAfterReimport(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := ad.newStore(t)
	b, _ := s.Book(ctx, store.LoadOptions{})
	importOne(t, s, "甲.xlsx", FullUnit(b, "2022-0001", "郑州市教育局"))
	editor, err := s.UnitByCode(ctx, "2022-0001") // the editor's copy
	if err != nil || editor.Version != 1 {
		t.Fatalf("load: version %d, %v", editor.Version, err)
	}
	v2 := FullUnit(b, "2022-0001", "郑州市教育局")
	v2.Summary = "重新导入的事迹简介，比原来的长得多，写满了新的内容。"
	importOne(t, s, "甲v2.xlsx", v2)

	old := editor
	old.Summary = "编辑器里旧的简介"
	se := wantStale(t, s.UpdateUnit(ctx, &old))
	if se.What != "单位 2022-0001 郑州市教育局" {
		t.Errorf("What = %q", se.What)
	}
	if cur, ok := se.Current.(dossier.Unit); !ok || cur.Summary != v2.Summary || len(cur.Photos) != 2 {
		t.Errorf("Current = %#v", se.Current)
	}
	mat := editor
	mat.Achievements = nil
	wantStale(t, s.SetMaterial(ctx, &mat, "删除事迹材料"))
	if _, err := s.SetStatus(ctx, "2022-0001", dossier.StatusPending, editor.Version); dossier.ErrorCode(err) != dossier.ESTALE {
		t.Errorf("stale status: %v", err)
	}
	stored, _ := s.UnitByCode(ctx, "2022-0001")
	if stored.Summary != v2.Summary || len(stored.Achievements) != len(v2.Achievements) || stored.Status != dossier.StatusAccepted || stored.Revision != 2 {
		t.Fatalf("stored unit is not the import's: %+v", stored)
	}
	// The current copy saves, and gets the new version.
	stored.Summary = "在应用中改过的简介"
	before := stored.Version
	if err := s.UpdateUnit(ctx, &stored); err != nil {
		t.Fatal(err)
	}
	if stored.Version != before+1 {
		t.Errorf("version %d after save, want %d", stored.Version, before+1)
	}
	again, _ := s.UnitByCode(ctx, "2022-0001")
	if again.Version != stored.Version || again.Summary != "在应用中改过的简介" {
		t.Errorf("reloaded %d %q", again.Version, again.Summary)
	}
}

func testStaleSettingsCategoryIndicatorEvaluator(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := ad.newStore(t)
	ev := dossier.Evaluator{Name: "张敏", Affiliation: "省教育厅"}
	if err := s.AddEvaluator(ctx, &ev); err != nil {
		t.Fatal(err)
	}
	b, _ := s.Book(ctx, store.LoadOptions{})

	t.Run("campaign", func(t *testing.T) {
		mine, other := b.Campaign, b.Campaign
		other.Organiser = "另一窗口写的主办单位"
		if err := s.UpdateCampaign(ctx, &other); err != nil {
			t.Fatal(err)
		}
		mine.Quota = 9
		se := wantStale(t, s.UpdateCampaign(ctx, &mine))
		if se.What != "评选设置" || se.Current.(dossier.Campaign).Organiser != "另一窗口写的主办单位" {
			t.Errorf("stale = %+v", se)
		}
		if c, _ := s.Campaign(ctx); c.Quota != b.Campaign.Quota || c.Organiser != other.Organiser {
			t.Errorf("stored %+v", c)
		}
	})
	t.Run("category", func(t *testing.T) {
		mine, other := b.Categories[0], b.Categories[0]
		other.Description = "别处改的说明"
		if err := s.UpdateCategory(ctx, &other); err != nil {
			t.Fatal(err)
		}
		mine.Slogan = "旧副本的口号"
		wantStale(t, s.UpdateCategory(ctx, &mine))
		wantStale(t, s.RemoveCategory(ctx, mine.ID, mine.Version))
		cats, _ := s.Categories(ctx)
		if cats[0].Slogan != b.Categories[0].Slogan || cats[0].Description != "别处改的说明" {
			t.Errorf("stored %+v", cats[0])
		}
	})
	t.Run("indicator", func(t *testing.T) {
		mine, other := b.Categories[1].Indicators[0], b.Categories[1].Indicators[0]
		other.Name = "别处改的指标名"
		if err := s.UpdateIndicator(ctx, &other); err != nil {
			t.Fatal(err)
		}
		mine.Direction = dossier.LowerBetter
		wantStale(t, s.UpdateIndicator(ctx, &mine))
		wantStale(t, s.RemoveIndicator(ctx, mine.ID, mine.Version))
		cats, _ := s.Categories(ctx)
		if in := cats[1].Indicators[0]; in.Name != "别处改的指标名" || in.Direction != b.Categories[1].Indicators[0].Direction {
			t.Errorf("stored %+v", in)
		}
	})
	t.Run("evaluator", func(t *testing.T) {
		mine, other := b.Evaluators[0], b.Evaluators[0]
		other.Region = "郑州市"
		if err := s.UpdateEvaluator(ctx, &other); err != nil {
			t.Fatal(err)
		}
		mine.Role = "组长"
		wantStale(t, s.UpdateEvaluator(ctx, &mine))
		wantStale(t, s.RemoveEvaluator(ctx, mine.ID, mine.Version))
		evs, _ := s.Evaluators(ctx)
		if len(evs) != 1 || evs[0].Role != "" || evs[0].Region != "郑州市" {
			t.Errorf("stored %+v", evs)
		}
	})
}

func findEvent(t *testing.T, events []dossier.Event, action string) dossier.Event {
	t.Helper()
	for _, e := range events {
		if e.Action == action {
			return e
		}
	}
	t.Fatalf("no %s event in %+v", action, events)
	return dossier.Event{}
}

// Issue 8 item 4: every overwrite keeps the previous content in full, and
// can be restored.
func testHistoryKeepsAndRestoresWhatItReplaced(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := ad.newStore(t)
	b, _ := s.Book(ctx, store.LoadOptions{})
	importOne(t, s, "甲.xlsx", FullUnit(b, "2022-0001", "郑州市教育局"))
	long := strings.Repeat("郑州市坚持高位推进，实施五大工程，", 5) + "结尾原文"

	t.Run("basic fields in full", func(t *testing.T) {
		u, _ := s.UnitByCode(ctx, "2022-0001")
		u.Summary = long
		if err := s.UpdateUnit(ctx, &u); err != nil {
			t.Fatal(err)
		}
		u.Summary, u.Title = "改短了", "新标题"
		if err := s.UpdateUnit(ctx, &u); err != nil {
			t.Fatal(err)
		}
		hist, _ := s.History(ctx, u.ID)
		e := hist[0]
		if e.Action != "unit.update" || !strings.Contains(e.Before, "事迹简介："+long) || !strings.Contains(e.After, "事迹简介：改短了") ||
			!strings.Contains(e.Before, "事迹标题：郑州市教育局的事迹") || !e.Restorable || e.UnitCode != "2022-0001" || e.Subject != "单位 2022-0001 郑州市教育局" {
			t.Fatalf("event = %+v", e)
		}
		if err := s.RestoreEvent(ctx, e.ID); err != nil {
			t.Fatal(err)
		}
		got, _ := s.UnitByCode(ctx, "2022-0001")
		if got.Summary != long || got.Title != "郑州市教育局的事迹" {
			t.Fatalf("restored %q %q", got.Summary, got.Title)
		}
		hist, _ = s.History(ctx, u.ID)
		if hist[0].Action != "unit.restore" || !strings.Contains(hist[0].Before, "事迹简介：改短了") {
			t.Errorf("restore not recorded with what it replaced: %+v", hist[0])
		}
	})
	t.Run("material", func(t *testing.T) {
		u, _ := s.UnitByCode(ctx, "2022-0001")
		oldBody := u.Achievements[0].Body
		u.Achievements[0].Body = "新正文"
		u.Photos = u.Photos[:1]
		if err := s.SetMaterial(ctx, &u, "在应用中修改事迹材料"); err != nil {
			t.Fatal(err)
		}
		hist, _ := s.History(ctx, u.ID)
		e := hist[0]
		if !strings.Contains(e.Before, oldBody) || !strings.Contains(e.Before, "图片 2：图二") || !strings.Contains(e.After, "新正文") {
			t.Fatalf("material event = %+v", e)
		}
		if err := s.RestoreEvent(ctx, e.ID); err != nil {
			t.Fatal(err)
		}
		got, _ := s.UnitByCode(ctx, "2022-0001")
		if got.Achievements[0].Body != oldBody || len(got.Photos) != 2 || got.Photos[1].Caption != "图二" || string(got.Photos[1].Data) != string(TinyPhoto(2).Data) {
			t.Fatalf("material not restored: %+v", got.Achievements[0])
		}
	})
	t.Run("category and settings", func(t *testing.T) {
		cats, _ := s.Categories(ctx)
		c := cats[0]
		oldDesc := c.Description
		c.Description = "新的说明"
		c.Max = dossier.Points(25)
		if err := s.UpdateCategory(ctx, &c); err != nil {
			t.Fatal(err)
		}
		hist, _ := s.History(ctx, "")
		e := findEvent(t, hist, "category.update")
		if !strings.Contains(e.Before, "说明："+oldDesc) || !strings.Contains(e.Before, "满分：20.0") || !strings.Contains(e.After, "满分：25.0") {
			t.Fatalf("category event = %+v", e)
		}
		if err := s.RestoreEvent(ctx, e.ID); err != nil {
			t.Fatal(err)
		}
		cats, _ = s.Categories(ctx)
		if cats[0].Description != oldDesc || cats[0].Max != dossier.Points(20) {
			t.Fatalf("category not restored: %+v", cats[0])
		}
		cp, _ := s.Campaign(ctx)
		cp.Organiser = "新主办单位"
		if err := s.UpdateCampaign(ctx, &cp); err != nil {
			t.Fatal(err)
		}
		hist, _ = s.History(ctx, "")
		if e := hist[0]; !strings.Contains(e.Before, "主办单位：某某省教育厅") || s.RestoreEvent(ctx, e.ID) != nil {
			t.Fatalf("settings event = %+v", e)
		}
		if cp, _ = s.Campaign(ctx); cp.Organiser != "某某省教育厅" {
			t.Errorf("organiser %q", cp.Organiser)
		}
	})
	t.Run("scores and comments", func(t *testing.T) {
		ev := dossier.Evaluator{Name: "张敏"}
		if err := s.AddEvaluator(ctx, &ev); err != nil {
			t.Fatal(err)
		}
		cats, _ := s.Categories(ctx)
		v := dossier.Tenths(185)
		if err := s.SetScore(ctx, store.ScoreInput{Evaluator: "张敏", Unit: "2022-0001", Category: cats[0].Name, Value: &v}); err != nil {
			t.Fatal(err)
		}
		if err := s.SetComment(ctx, "张敏", "2022-0001", "原来的评语，写得很长很长"); err != nil {
			t.Fatal(err)
		}
		camp, _ := s.Campaign(ctx)
		sh := &dossier.ScoreSheet{File: "张敏.xlsx", Evaluator: "张敏", Check: dossier.CheckCode(camp.ID, ev.ID), Rows: []dossier.ScoreRow{{
			Cell: "A3", Code: "2022-0001", Values: []dossier.ScoreCell{{Cell: "C3", CategoryID: cats[0].ID, Value: 170}}, Comment: "新评语", HasComment: true, Filled: true}}}
		if _, err := s.ApplyScoreSheet(ctx, sh); err != nil {
			t.Fatal(err)
		}
		hist, _ := s.History(ctx, "")
		e := findEvent(t, hist, "scores.import")
		if !strings.Contains(e.Before, "（单元格 C3）：18.5") || !strings.Contains(e.After, "（单元格 C3）：17.0") || !strings.Contains(e.Before, "原来的评语，写得很长很长") {
			t.Fatalf("score sheet event = %+v", e)
		}
		if err := s.RestoreEvent(ctx, e.ID); err != nil {
			t.Fatal(err)
		}
		bk, _ := s.Book(ctx, store.LoadOptions{})
		if len(bk.Scores) != 1 || bk.Scores[0].Value != 185 || len(bk.Comments) != 1 || bk.Comments[0].Text != "原来的评语，写得很长很长" {
			t.Fatalf("not restored: %+v %+v", bk.Scores, bk.Comments)
		}
		if err := s.SetScore(ctx, store.ScoreInput{Evaluator: "张敏", Unit: "2022-0001", Category: cats[0].Name, Value: nil}); err != nil {
			t.Fatal(err)
		}
		hist, _ = s.History(ctx, "")
		if e := hist[0]; e.Action != "score.clear" || !strings.Contains(e.Before, "18.5") || !strings.Contains(e.Detail, "原为 18.5") {
			t.Fatalf("clear event = %+v", e)
		}
	})
	t.Run("nothing to restore", func(t *testing.T) {
		hist, _ := s.History(ctx, "")
		create := hist[len(hist)-1]
		if create.Restorable {
			t.Error("creation marked restorable")
		}
		if err := s.RestoreEvent(ctx, create.ID); err == nil || !strings.Contains(err.Error(), "没有可恢复的内容") {
			t.Errorf("restore of a creation: %v", err)
		}
	})
}

// Issue 8 item 5: every earlier revision can be restored, photos included.
func testRestoreRevisionBringsBackPhotos(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := ad.newStore(t)
	b, _ := s.Book(ctx, store.LoadOptions{})
	full := FullUnit(b, "2022-0001", "郑州市教育局")
	for i := 3; i <= 8; i++ {
		p := TinyPhoto(byte(i))
		p.Caption = "校园一角" + string(rune('0'+i))
		full.Photos = append(full.Photos, p)
	}
	importOne(t, s, "甲.xlsx", full)
	partial := FullUnit(b, "2022-0001", "郑州市教育局")
	partial.Photos = nil
	importOne(t, s, "甲-缺图.xlsx", partial)
	u, _ := s.UnitByCode(ctx, "2022-0001")
	if len(u.Photos) != 0 || u.Revision != 2 {
		t.Fatalf("after partial import: %d photos, revision %d", len(u.Photos), u.Revision)
	}
	if err := s.RestoreRevision(ctx, u.ID, 2); err == nil || !strings.Contains(err.Error(), "当前版本") {
		t.Errorf("restore of the current revision: %v", err)
	}
	if err := s.RestoreRevision(ctx, u.ID, 7); dossier.ErrorCode(err) != dossier.ENOTFOUND {
		t.Errorf("restore of an unknown revision: %v", err)
	}
	if err := s.RestoreRevision(ctx, u.ID, 1); err != nil {
		t.Fatal(err)
	}
	u, _ = s.UnitByCode(ctx, "2022-0001")
	if len(u.Photos) != 8 || u.Revision != 3 || u.Photos[7].Caption != "校园一角8" || string(u.Photos[7].Data) != string(TinyPhoto(8).Data) {
		t.Fatalf("after restore: %d photos, revision %d", len(u.Photos), u.Revision)
	}
	revs, _ := s.Revisions(ctx, u.ID)
	if len(revs) != 2 || len(revs[1].Unit.Photos) != 0 {
		t.Errorf("the replaced state is not kept as revision 2: %+v", revs)
	}
	hist, _ := s.History(ctx, u.ID)
	if hist[0].Action != "unit.restore" || !strings.Contains(hist[0].Detail, "恢复第 1 版，成为第 3 版") {
		t.Errorf("restore event = %+v", hist[0])
	}
}

// Issue 8 item 6: an unchanged workbook changes nothing, also when an
// interrupted import is run again.
func testIdenticalReimportChangesNothing(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := ad.newStore(t)
	b, _ := s.Book(ctx, store.LoadOptions{})
	a, c := FullUnit(b, "2022-0001", "甲单位"), FullUnit(b, "2022-0002", "乙单位")
	importOne(t, s, "甲.xlsx", a)
	histBefore, _ := s.History(ctx, "")
	for _, dry := range []bool{true, false} {
		items, err := s.Import(ctx, []dossier.Submission{{File: "甲.xlsx", Unit: FullUnit(b, "2022-0001", "甲单位")}, {File: "乙.xlsx", Unit: c}}, dry)
		if err != nil {
			t.Fatal(err)
		}
		if it := items[0]; it.Action != dossier.ImportUpdate || !it.Unchanged || len(it.Changes) != 1 || it.Changes[0] != "内容与现有版本相同，未改变" || len(it.Removals) != 0 {
			t.Fatalf("dry %v: unchanged item = %+v", dry, it)
		}
		if items[1].Action != dossier.ImportNew {
			t.Fatalf("dry %v: new item = %+v", dry, items[1])
		}
	}
	u, _ := s.UnitByCode(ctx, "2022-0001")
	if u.Revision != 1 || u.Version != 1 {
		t.Errorf("unchanged re-import made revision %d version %d", u.Revision, u.Version)
	}
	if revs, _ := s.Revisions(ctx, u.ID); len(revs) != 0 {
		t.Errorf("revisions kept: %d", len(revs))
	}
	hist, _ := s.History(ctx, "")
	if len(hist) != len(histBefore)+1 || hist[0].Action != "import.new" {
		t.Errorf("history grew by %d entries: %+v", len(hist)-len(histBefore), hist[0])
	}
}

// Issue 8 item 5: a missing sheet keeps the stored material; an emptied one
// clears it, and the removals are listed before and after the write.
func testReimportAbsentAndEmptiedSheets(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := ad.newStore(t)
	b, _ := s.Book(ctx, store.LoadOptions{})
	full := FullUnit(b, "2022-0001", "郑州市教育局")
	for i := 3; i <= 8; i++ {
		full.Photos = append(full.Photos, TinyPhoto(byte(i)))
	}
	full.Photos[2].Caption = "校园一角（示例）"
	importOne(t, s, "甲.xlsx", full)

	noSheets := FullUnit(b, "2022-0001", "郑州市教育局")
	noSheets.Achievements, noSheets.Values, noSheets.Photos = nil, nil, nil
	items, _ := s.Import(ctx, []dossier.Submission{{File: "甲-缺表.xlsx", Unit: noSheets, Absent: dossier.Absent{Achievements: true, Values: true, Photos: true}}}, false)
	if it := items[0]; !it.Unchanged || len(it.Removals) != 0 || len(it.Warnings) != 3 || !strings.Contains(it.Warnings[2], "已有的 8 张图片保留不变") {
		t.Fatalf("absent sheets: %+v", it)
	}
	u, _ := s.UnitByCode(ctx, "2022-0001")
	if len(u.Photos) != 8 || len(u.Achievements) != len(full.Achievements) || len(u.Values) != len(full.Values) || u.Revision != 1 {
		t.Fatalf("material of absent sheets lost: %d photos %d sections %d values", len(u.Photos), len(u.Achievements), len(u.Values))
	}

	emptied := FullUnit(b, "2022-0001", "郑州市教育局")
	emptied.Photos = emptied.Photos[:1]
	emptied.Values = emptied.Values[1:]
	want := []string{"图片 2：图二将被删除", "图片 3：校园一角（示例）将被删除", "图片 8：（无说明）将被删除", "量化指标“新增学位”（0.5个，说明：说明）将被清除"}
	for _, dry := range []bool{true, false} {
		items, _ := s.Import(ctx, []dossier.Submission{{File: "甲-部分.xlsx", Unit: emptied}}, dry)
		got := strings.Join(items[0].Removals, "\n")
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("dry %v: removals lack %q:\n%s", dry, w, got)
			}
		}
		if n := len(items[0].Removals); n != 8 {
			t.Errorf("dry %v: %d removals, want 7 photos and 1 value:\n%s", dry, n, got)
		}
	}
	u, _ = s.UnitByCode(ctx, "2022-0001")
	if len(u.Photos) != 1 || u.Revision != 2 {
		t.Errorf("after the emptied sheet: %d photos, revision %d", len(u.Photos), u.Revision)
	}
}

// Issue 8 item 4: a new unit of measure converts the stored values exactly,
// or is refused when the units do not convert.
func testIndicatorUnitChangeConvertsValues(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := ad.newStore(t)
	b, _ := s.Book(ctx, store.LoadOptions{})
	u := FullUnit(b, "2022-0001", "郑州市教育局")
	in := b.Categories[0].Indicators[0]
	u.Values[0] = dossier.IndicatorValue{IndicatorID: in.ID, Value: 276000}
	in.Unit = "个"
	if err := s.UpdateIndicator(ctx, &in); err != nil {
		t.Fatal(err)
	}
	importOne(t, s, "甲.xlsx", u)
	editor, _ := s.UnitByCode(ctx, "2022-0001")

	in.Unit = "万个"
	if err := s.UpdateIndicator(ctx, &in); err != nil {
		t.Fatal(err)
	}
	got, _ := s.UnitByCode(ctx, "2022-0001")
	if got.Values[0].Value != 27.6 {
		t.Fatalf("value after 个→万个 = %v, want 27.6", got.Values[0].Value)
	}
	// The unit's version moved: an editor holding 276000 cannot write it back.
	wantStale(t, s.SetMaterial(ctx, &editor, "旧副本"))
	hist, _ := s.History(ctx, "")
	if e := hist[0]; !strings.Contains(e.Before, "276000个") || !strings.Contains(e.After, "27.6万个") {
		t.Errorf("conversion not in history: %+v", e)
	}
	in.Unit = "所"
	err := s.UpdateIndicator(ctx, &in)
	if err == nil || !strings.Contains(err.Error(), "已有 1 个单位填报了数值") || !strings.Contains(err.Error(), "不能换算") {
		t.Fatalf("个→所 not refused: %v", err)
	}
	cats, _ := s.Categories(ctx)
	if cats[0].Indicators[0].Unit != "万个" {
		t.Errorf("unit changed to %q", cats[0].Indicators[0].Unit)
	}
	if got, _ := s.UnitByCode(ctx, "2022-0001"); got.Values[0].Value != 27.6 {
		t.Errorf("value changed to %v", got.Values[0].Value)
	}
}

// A 回避 reason or a committee decision written over keeps the old one.
func testConflictAndDecisionOverwritesKeepOldReason(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := ad.newStore(t)
	if err := s.AddUnit(ctx, &dossier.Unit{Code: "2022-0001", Name: "郑州市教育局"}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddEvaluator(ctx, &dossier.Evaluator{Name: "张敏"}); err != nil {
		t.Fatal(err)
	}
	for _, r := range []string{"曾在该局任职", "亲属在该局工作"} {
		if err := s.AddConflict(ctx, "张敏", "2022-0001", r); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range []string{"第一次会议决定", "复议后改为不推荐"} {
		if err := s.SetDecision(ctx, "2022-0001", r == "第一次会议决定", r); err != nil {
			t.Fatal(err)
		}
	}
	hist, _ := s.History(ctx, "")
	if e := hist[0]; !strings.Contains(e.Before, "推荐；依据：第一次会议决定") || !strings.Contains(e.After, "不推荐；依据：复议后改为不推荐") {
		t.Errorf("decision event %+v", e)
	}
	if e := hist[2]; e.Action != "conflict.add" || !strings.Contains(e.Before, "曾在该局任职") || !strings.Contains(e.After, "亲属在该局工作") {
		t.Errorf("conflict event %+v", e)
	}
}

// RestoreEvent on an import, an indicator and an evaluator entry.
func testRestoreEventKinds(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := ad.newStore(t)
	b, _ := s.Book(ctx, store.LoadOptions{})
	importOne(t, s, "甲.xlsx", FullUnit(b, "2022-0001", "郑州市教育局"))
	v2 := FullUnit(b, "2022-0001", "郑州市教育局")
	v2.Photos, v2.Title = nil, "第二版标题"
	importOne(t, s, "甲v2.xlsx", v2)
	hist, _ := s.History(ctx, "")
	imp := findEvent(t, hist, "import.update")
	if !imp.Restorable || !strings.Contains(imp.Before, "事迹标题：郑州市教育局的事迹") || !strings.Contains(imp.Before, "图片 1：图一") {
		t.Fatalf("import event %+v", imp)
	}
	if err := s.RestoreEvent(ctx, imp.ID); err != nil {
		t.Fatal(err)
	}
	u, _ := s.UnitByCode(ctx, "2022-0001")
	if u.Revision != 3 || len(u.Photos) != 2 || u.Title != "郑州市教育局的事迹" {
		t.Fatalf("after restoring the import: revision %d, %d photos, %q", u.Revision, len(u.Photos), u.Title)
	}

	in := b.Categories[0].Indicators[0] // 新增学位, 个; the unit holds 0.5
	in.Unit = "万个"
	if err := s.UpdateIndicator(ctx, &in); err != nil {
		t.Fatal(err)
	}
	hist, _ = s.History(ctx, "")
	if err := s.RestoreEvent(ctx, hist[0].ID); err != nil {
		t.Fatal(err)
	}
	cats, _ := s.Categories(ctx)
	u, _ = s.UnitByCode(ctx, "2022-0001")
	if cats[0].Indicators[0].Unit != "个" || u.Values[0].Value != 0.5 {
		t.Fatalf("indicator restore: %q, value %v", cats[0].Indicators[0].Unit, u.Values[0].Value)
	}

	ev := dossier.Evaluator{Name: "张敏", Affiliation: "省教育厅"}
	s.AddEvaluator(ctx, &ev)
	ev.Affiliation = "郑州大学"
	if err := s.UpdateEvaluator(ctx, &ev); err != nil {
		t.Fatal(err)
	}
	hist, _ = s.History(ctx, "")
	if !strings.Contains(hist[0].Before, "工作单位：省教育厅") {
		t.Fatalf("evaluator event %+v", hist[0])
	}
	if err := s.RestoreEvent(ctx, hist[0].ID); err != nil {
		t.Fatal(err)
	}
	evs, _ := s.Evaluators(ctx)
	if evs[0].Affiliation != "省教育厅" {
		t.Errorf("evaluator restore: %+v", evs[0])
	}
	// The record gone: refused with a message.
	if err := s.RemoveEvaluator(ctx, evs[0].ID, evs[0].Version); err != nil {
		t.Fatal(err)
	}
	if err := s.RestoreEvent(ctx, hist[0].ID); dossier.ErrorCode(err) != dossier.ENOTFOUND || !strings.Contains(err.Error(), "已被删除") {
		t.Errorf("restore of a removed evaluator's entry: %v", err)
	}
	hist, _ = s.History(ctx, "")
	if e := hist[0]; e.Action != "evaluator.remove" || !strings.Contains(e.Before, "姓名：张敏") || e.Restorable {
		t.Errorf("remove event %+v", e)
	}
}
