package sqlite

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/assets"
	"github.com/dossier-app/dossier/dossier"
)

func defaultCategories(t testing.TB) []dossier.Category {
	t.Helper()
	cats, err := dossier.ParseCategories(assets.DefaultCategories)
	if err != nil {
		t.Fatal(err)
	}
	return cats
}

func newStore(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "c.dossier")
	s, err := Create(context.Background(), path, CreateOptions{Title: "测试评选", Organiser: "某某省教育厅", Year: 2022, Date: "2022-03-15", Quota: 2, Categories: defaultCategories(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func tinyPNG(seed byte) dossier.Photo {
	// A valid 1×1 PNG is not needed by the store, which keeps bytes as given;
	// distinct bytes give distinct image hashes.
	return dossier.Photo{Format: "png", Width: 10, Height: 8, Data: []byte{0x89, 'P', 'N', 'G', seed, seed, seed}}
}

func fullUnit(b *dossier.Book, code, name string) dossier.Unit {
	u := dossier.Unit{Code: code, Name: name, Region: "郑州市", Kind: "教育行政部门", Recommender: "郑州市人民政府",
		Contact: "王老师", Phone: "0371-1", Title: name + "的事迹", Summary: "简介第一段\n简介第二段"}
	for i, c := range b.Categories {
		u.Achievements = append(u.Achievements, dossier.Achievement{CategoryID: c.ID, Heading: fmt.Sprintf("标题%d", i), Body: "第一段。\n第二段，27.6万个。"})
		u.Values = append(u.Values, dossier.IndicatorValue{IndicatorID: c.Indicators[0].ID, Value: float64(i) + 0.5, Note: "说明"})
	}
	u.Achievements = append(u.Achievements, dossier.Achievement{CategoryID: b.Categories[3].ID, Heading: "同类第二节", Body: "正文"})
	u.Values = append(u.Values, dossier.IndicatorValue{IndicatorID: b.Categories[0].Indicators[1].ID, NoValue: true, Note: "约数，无确切统计"})
	p1, p2 := tinyPNG(1), tinyPNG(2)
	p1.Caption, p1.CategoryID = "图一", b.Categories[0].ID
	p2.Caption = "图二"
	u.Photos = []dossier.Photo{p1, p2}
	return u
}

func TestRoundTripEveryEntity(t *testing.T) {
	ctx := context.Background()
	s, path := newStore(t)
	b, err := s.Book(ctx, LoadOptions{})
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
	u := fullUnit(b, "A-001", "郑州市教育局")
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
	if err := s.SetScore(ctx, ScoreInput{Evaluator: "张敏", Unit: "A-001", Category: "优化扩充工程", Value: &v}); err != nil {
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
	s.Close()

	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got, err := s2.Book(ctx, LoadOptions{Photos: true})
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

func TestNonCampaignFilesUntouched(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	random := make([]byte, 8192)
	rand.Read(random)
	_, campaign := newStore(t)
	newer, _ := os.ReadFile(campaign)
	// A campaign written by a future version: user_version 99 in the header.
	newer = append([]byte(nil), newer...)
	copy(newer[60:64], []byte{0, 0, 0, 99})
	otherDB := append([]byte(nil), newer...)
	copy(otherDB[68:72], []byte{0, 0, 0, 0})
	cases := []struct {
		name, want string
		data       []byte
	}{
		{"empty", "空文件", nil},
		{"random", "不是评选活动文件", random},
		{"text", "不是评选活动文件", []byte("申报编号,单位名称\n")},
		{"other sqlite", "是 SQLite 数据库，但不是评选活动文件", otherDB},
		{"newer", "更新版本", newer},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.name+".dossier")
			if err := os.WriteFile(path, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Open(ctx, path)
			if err == nil {
				s.Close()
				t.Fatal("opened a non-campaign file")
			}
			if dossier.ErrorCode(err) != dossier.ENOTCAMPAIGN || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %v (%s), want it to say %q", err, dossier.ErrorCode(err), c.want)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, c.data) {
				t.Errorf("file modified: %d bytes → %d bytes", len(c.data), len(after))
			}
			for _, ext := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(path + ext); err == nil {
					t.Errorf("%s created", ext)
				}
			}
		})
	}
	if _, err := Open(ctx, filepath.Join(dir, "missing.dossier")); dossier.ErrorCode(err) != dossier.ENOTFOUND {
		t.Errorf("missing file: %v", err)
	}
}

func TestCreateRefusesExistingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.dossier")
	os.WriteFile(path, []byte("keep me"), 0o644)
	if _, err := Create(context.Background(), path, CreateOptions{Title: "x"}); err == nil || !strings.Contains(err.Error(), "已存在") {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "keep me" {
		t.Error("existing file overwritten")
	}
}

func TestCloseLeavesStandaloneFile(t *testing.T) {
	ctx := context.Background()
	s, path := newStore(t)
	b, _ := s.Book(ctx, LoadOptions{})
	u := fullUnit(b, "A-1", "单位甲")
	if err := s.AddUnit(ctx, &u); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Error("-wal left after close")
	}
	// Copy the file alone elsewhere: it must hold everything.
	data, _ := os.ReadFile(path)
	cp := filepath.Join(t.TempDir(), "copy.dossier")
	os.WriteFile(cp, data, 0o644)
	s2, err := Open(ctx, cp)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	units, _ := s2.Units(ctx)
	if len(units) != 1 || units[0].Name != "单位甲" {
		t.Errorf("copy holds %+v", units)
	}
}

func TestBackupPassesCheck(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	b, _ := s.Book(ctx, LoadOptions{})
	u := fullUnit(b, "A-1", "单位甲")
	s.AddUnit(ctx, &u)
	out := filepath.Join(t.TempDir(), "backup.dossier")
	if err := s.Backup(ctx, out); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, out); err == nil {
		t.Error("backup overwrote an existing file")
	}
	s2, err := Open(ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if p, err := s2.Check(ctx); err != nil || len(p) > 0 {
		t.Fatalf("check backup: %v %v", p, err)
	}
	got, _ := s2.Unit(ctx, u.ID)
	if len(got.Photos) != 2 || len(got.Achievements) != 6 {
		t.Errorf("backup unit = %+v", got)
	}
}

func TestImportNewUpdateAndRevisions(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	b, _ := s.Book(ctx, LoadOptions{})
	u := fullUnit(b, "A-1", "单位甲")
	items, err := s.Import(ctx, []dossier.Submission{{File: "甲.xlsx", Unit: u}}, false)
	if err != nil || items[0].Action != dossier.ImportNew {
		t.Fatalf("first import: %+v %v", items, err)
	}
	// Dry run of a change writes nothing.
	u2 := fullUnit(b, "A-1", "单位甲")
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
	u3 := fullUnit(b, "", "单位甲")
	items, _ = s.Import(ctx, []dossier.Submission{{File: "甲v3.xlsx", Unit: u3}}, false)
	if items[0].Action != dossier.ImportUpdate {
		t.Fatalf("by name: %+v", items[0])
	}
	// A new code with an existing name: ambiguous, rejected, nothing written.
	u4 := fullUnit(b, "B-9", "单位甲")
	items, _ = s.Import(ctx, []dossier.Submission{{File: "甲v4.xlsx", Unit: u4}}, false)
	if items[0].Action != dossier.ImportRejected || !strings.Contains(items[0].Problems[0].String(), "甲v4.xlsx") || !strings.Contains(items[0].Problems[0].String(), "B-9") {
		t.Fatalf("ambiguous: %+v", items[0])
	}
	// The same unit in two files: both rejected; a third, distinct one imported.
	d1, d2, ok := fullUnit(b, "C-1", "单位丙"), fullUnit(b, "", "单位丙"), fullUnit(b, "", "单位丁")
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

func TestScoreRules(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	b, _ := s.Book(ctx, LoadOptions{})
	u := fullUnit(b, "A-1", "郑州市教育局")
	s.AddUnit(ctx, &u)
	s.AddEvaluator(ctx, &dossier.Evaluator{Name: "甲", Region: "郑州市"})
	s.AddEvaluator(ctx, &dossier.Evaluator{Name: "乙"})
	set := func(ev, cat string, v dossier.Tenths) error {
		return s.SetScore(ctx, ScoreInput{Evaluator: ev, Unit: "A-1", Category: cat, Value: &v})
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
	err := s.SetScores(ctx, []ScoreInput{{Evaluator: "乙", Unit: "A-1", Category: "增效创优工程", Value: &v1}, {Evaluator: "乙", Unit: "A-1", Category: "改革攻坚工程", Value: &v2}})
	if err == nil {
		t.Fatal("bad batch accepted")
	}
	got, _ := s.Book(ctx, LoadOptions{})
	if len(got.Scores) != 1 {
		t.Errorf("scores after failed batch = %+v", got.Scores)
	}
}

func TestApplyScoreSheet(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	b, _ := s.Book(ctx, LoadOptions{})
	for _, u := range []dossier.Unit{fullUnit(b, "A-1", "郑州市教育局"), fullUnit(b, "A-2", "开封市教育局")} {
		u.Region = strings.TrimSuffix(u.Name, "教育局")
		s.AddUnit(ctx, &u)
	}
	s.AddEvaluator(ctx, &dossier.Evaluator{Name: "甲", Region: "开封市"})
	s.AddEvaluator(ctx, &dossier.Evaluator{Name: "乙"})
	b, _ = s.Book(ctx, LoadOptions{})
	jia, yi := b.EvaluatorByName("甲"), b.EvaluatorByName("乙")
	v := dossier.Tenths(150)
	s.SetScore(ctx, ScoreInput{Evaluator: "乙", Unit: "A-1", Category: "优化扩充工程", Value: &v})
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
		got, _ := s.Book(ctx, LoadOptions{})
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
		got, _ := s.Book(ctx, LoadOptions{})
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

func TestRemoveCategoryKeepsData(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	b, _ := s.Book(ctx, LoadOptions{})
	u := fullUnit(b, "A-1", "单位甲")
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

func TestOpenWhileAnotherProcessWrites(t *testing.T) {
	if os.Getenv("DOSSIER_CHILD") != "" {
		return
	}
	ctx := context.Background()
	s, path := newStore(t)
	b, _ := s.Book(ctx, LoadOptions{})
	cmd := childCommand(t, "TestChildWriter", path)
	cmd.Env = append(cmd.Env, "DOSSIER_CHILD_UNITS=40")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 40; i++ {
		u := fullUnit(b, fmt.Sprintf("P-%03d", i), fmt.Sprintf("父进程单位%03d", i))
		if err := s.AddUnit(ctx, &u); err != nil {
			t.Fatalf("parent write %d: %v", i, err)
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child: %v", err)
	}
	units, _ := s.Units(ctx)
	if len(units) != 80 {
		t.Errorf("units = %d, want 80", len(units))
	}
}

func TestReorderEvaluators(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
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

func TestSetMaterialKeepsWhatItReplaced(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	b, _ := s.Book(ctx, LoadOptions{})
	u := fullUnit(b, "A-1", "单位甲")
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

func TestMigrationFromVersion1(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.dossier")
	// A file as version 1 wrote it: only the first migration applied.
	s, err := open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	m := migrations()[0]
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return err
		}
		tx.ExecContext(ctx, `INSERT INTO schema_migration (version, applied_at) VALUES (1, '2022-01-01T00:00:00Z')`)
		tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA application_id = %d`, ApplicationID))
		tx.ExecContext(ctx, `INSERT INTO campaign (singleton, id, title, trim_min) VALUES (1, '00000000-0000-0000-0000-000000000001', '旧版活动', 5)`)
		tx.ExecContext(ctx, `INSERT INTO history (at, action, detail) VALUES ('2022-01-01T00:00:00Z', 'campaign.create', '创建')`)
		_, err := tx.ExecContext(ctx, `PRAGMA user_version = 1`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v, recorded int
	s.r.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v)
	s.r.QueryRowContext(ctx, `SELECT count(*) FROM schema_migration`).Scan(&recorded)
	// Migration numbers are taken per feature, so they need not be
	// contiguous: every one is recorded.
	if v != SchemaVersion() || recorded != len(migrations()) {
		t.Errorf("after migration: user_version %d, %d migrations recorded, want %d and %d", v, recorded, SchemaVersion(), len(migrations()))
	}
	c, _ := s.Campaign(ctx)
	hist, _ := s.History(ctx, "")
	if c.Title != "旧版活动" || len(hist) != 1 {
		t.Errorf("data lost in migration: %+v %+v", c, hist)
	}
	if p, _ := s.Check(ctx); len(p) > 0 {
		t.Errorf("check: %v", p)
	}
}
