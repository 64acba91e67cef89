package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ctl runs one command line in-process and returns its exit status and
// output streams.
func ctl(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &env{out: &out, err: &errb})
	return code, out.String(), errb.String()
}

func mustCtl(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := ctl(t, args...)
	if code != 0 {
		t.Fatalf("dossierctl %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

type rankRow struct {
	Rank          *int               `json:"rank"`
	Code          string             `json:"code"`
	Name          string             `json:"name"`
	Region        string             `json:"region"`
	Total         *float64           `json:"total"`
	Categories    map[string]float64 `json:"categories"`
	Evaluators    int                `json:"evaluators"`
	Recommended   bool               `json:"recommended"`
	Tie           bool               `json:"tie"`
	NeedsDecision bool               `json:"needs_decision"`
}

func rankJSON(t *testing.T, db string) []rankRow {
	t.Helper()
	var rows []rankRow
	if err := json.Unmarshal([]byte(mustCtl(t, "rank", "--db", db, "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestDemoRanking checks the demo's ranking against the hand computation in
// assets/demo/NOTES.md.
func TestDemoRanking(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.dossier")
	mustCtl(t, "demo", "--db", db)
	rows := rankJSON(t, db)
	want := []struct {
		code  string
		total float64
		valid int
		rec   bool
	}{
		{"HN2022-001", 91.88, 6, true},
		{"HN2022-004", 88.63, 6, true},
		{"HN2022-002", 88.38, 6, false},
		{"HN2022-003", 80.83, 5, false},
	}
	if len(rows) != len(want) {
		t.Fatalf("got %d rows", len(rows))
	}
	for i, w := range want {
		r := rows[i]
		if r.Rank == nil || *r.Rank != i+1 || r.Code != w.code || r.Total == nil || *r.Total != w.total || r.Evaluators != w.valid || r.Recommended != w.rec || r.Tie || r.NeedsDecision {
			t.Errorf("row %d = %+v, want %+v", i, r, w)
		}
		var sum float64
		for _, v := range r.Categories {
			sum += v
		}
		if len(r.Categories) != 5 || sum < w.total-0.05 || sum > w.total+0.05 {
			t.Errorf("row %d categories %v do not add up to %v", i, r.Categories, w.total)
		}
	}
	mustCtl(t, "check", "--db", db)
	backup := filepath.Join(t.TempDir(), "b.dossier")
	mustCtl(t, "backup", "--db", db, "--out", backup)
	mustCtl(t, "check", "--db", backup)
}

func TestUnitsJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.dossier")
	mustCtl(t, "demo", "--db", db)
	var units []struct {
		Code         string `json:"code"`
		Name         string `json:"name"`
		Title        string `json:"title"`
		Status       string `json:"status"`
		Revision     int    `json:"revision"`
		Achievements []struct {
			Category, Heading, Body string
		} `json:"achievements"`
		Indicators []struct {
			Category, Name, Unit string
			Value                float64
		} `json:"indicators"`
		Photos []struct {
			Category, Caption string
			Bytes             int
		} `json:"photos"`
	}
	if err := json.Unmarshal([]byte(mustCtl(t, "units", "--db", db, "--json")), &units); err != nil {
		t.Fatal(err)
	}
	if len(units) != 4 || units[0].Code != "HN2022-001" || units[0].Name != "郑州市教育局" || units[0].Status != "已受理" || units[0].Revision != 1 {
		t.Fatalf("units = %+v", units[0])
	}
	if !strings.Contains(units[0].Title, "五大工程") || len(units[0].Achievements) != 5 || units[0].Achievements[0].Category != "优化扩充工程" {
		t.Errorf("zhengzhou = %+v", units[0].Achievements)
	}
	found := false
	for _, in := range units[0].Indicators {
		if in.Name == "新增学位" && in.Unit == "个" && in.Value == 276000 {
			found = true
		}
	}
	if !found {
		t.Errorf("新增学位 276000 个 missing: %+v", units[0].Indicators)
	}
	kaifeng := units[2]
	var team int
	for _, a := range kaifeng.Achievements {
		if a.Category == "队伍提升工程" {
			team++
		}
	}
	if team != 3 {
		t.Errorf("开封 队伍提升工程 sections = %d, want 3", team)
	}
	if len(units[1].Photos) == 0 || units[1].Photos[0].Bytes <= 0 || !strings.Contains(units[1].Photos[0].Caption, "示例图片") {
		t.Errorf("photos = %+v", units[1].Photos)
	}
}

func TestCommandsAndExitCodes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.dossier")
	mustCtl(t, "new", "--db", db, "--title", "测试评选")
	mustCtl(t, "settings", "--db", db, "--organiser", "某省教育厅", "--date", "2023-05-01", "--quota", "1", "--trim-min", "3")
	for _, u := range [][]string{{"A1", "甲单位", "郑州市"}, {"A2", "乙单位", "开封市"}, {"A3", "丙单位", "洛阳市"}} {
		mustCtl(t, "unit", "add", "--db", db, "--code", u[0], "--name", u[1], "--region", u[2])
	}
	for _, e := range [][]string{{"评委一", ""}, {"评委二", ""}, {"评委三", "开封市"}} {
		mustCtl(t, "evaluator", "add", "--db", db, "--name", e[0], "--region", e[1])
	}
	cats := []string{"优化扩充工程", "增效创优工程", "改革攻坚工程", "队伍提升工程", "惠民暖心工程"}
	score := func(ev, unit, v string) {
		for _, c := range cats {
			mustCtl(t, "scores", "set", "--db", db, "--evaluator", ev, "--unit", unit, "--category", c, "--value", v)
		}
	}
	score("评委一", "A1", "18")
	score("评委二", "A1", "17")
	score("评委三", "A1", "16")
	score("评委一", "A2", "18")
	score("评委二", "A2", "17")
	// A1: 90, 85, 80 → trimmed (3 valid, trim-min 3) → 85.00. A2: 90, 85 (评委三 回避) → 87.50.
	rows := rankJSON(t, db)
	if rows[0].Code != "A2" || *rows[0].Total != 87.5 || !rows[0].Recommended || rows[1].Code != "A1" || *rows[1].Total != 85 || rows[1].Recommended {
		t.Fatalf("ranking = %+v %+v", rows[0], rows[1])
	}
	if rows[2].Code != "A3" || rows[2].Rank != nil || rows[2].Total != nil {
		t.Errorf("unscored unit = %+v", rows[2])
	}
	// Full-width codes are the same codes.
	mustCtl(t, "unit", "add", "--db", db, "--code", "Ａ４", "--name", "丁单位")
	if code, _, errs := ctl(t, "unit", "add", "--db", db, "--code", "A4", "--name", "戊单位"); code != 1 || !strings.Contains(errs, "A4") {
		t.Errorf("A4 after Ａ４: exit %d %s", code, errs)
	}
	mustCtl(t, "unit", "status", "--db", db, "--code", "A4", "--status", "材料待补")
	// Withdraw A2: A1 moves up.
	mustCtl(t, "unit", "status", "--db", db, "--code", "A2", "--status", "已撤回")
	rows = rankJSON(t, db)
	if rows[0].Code != "A1" || *rows[0].Rank != 1 || rows[len(rows)-1].Code != "A2" || rows[len(rows)-1].Rank != nil {
		t.Errorf("after withdrawal: %+v", rows)
	}
	// Lifting 评委三's automatic 回避 with 乙单位 then lets the score in.
	mustCtl(t, "conflict", "remove", "--db", db, "--evaluator", "评委三", "--unit", "A2", "--reason", "评委会确认无利害关系")
	mustCtl(t, "conflict", "add", "--db", db, "--evaluator", "评委一", "--unit", "A1", "--reason", "曾在该单位任职")

	cases := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no command", nil, 2, "用法"},
		{"unknown command", []string{"frobnicate"}, 2, "未知命令"},
		{"missing db", []string{"rank"}, 2, "--db"},
		{"unknown flag", []string{"rank", "--db", db, "--bogus"}, 2, "未知参数"},
		{"bad status", []string{"unit", "status", "--db", db, "--code", "A1", "--status", "作废"}, 2, "--status"},
		{"two decimals", []string{"scores", "set", "--db", db, "--evaluator", "评委二", "--unit", "A3", "--category", "优化扩充工程", "--value", "18.55"}, 1, "一位小数"},
		{"out of range", []string{"scores", "set", "--db", db, "--evaluator", "评委二", "--unit", "A3", "--category", "优化扩充工程", "--value", "20.5"}, 1, "超出范围"},
		{"unknown category", []string{"scores", "set", "--db", db, "--evaluator", "评委二", "--unit", "A3", "--category", "不存在工程", "--value", "10"}, 1, "不存在"},
		{"conflicted is kept, not counted", []string{"scores", "set", "--db", db, "--evaluator", "评委一", "--unit", "A1", "--category", "优化扩充工程", "--value", "10"}, 0, "不计入排名"},
		{"unknown unit", []string{"unit", "status", "--db", db, "--code", "ZZ", "--status", "已受理"}, 1, "不存在"},
		{"duplicate code", []string{"unit", "add", "--db", db, "--code", "A1", "--name", "新单位"}, 1, "已被单位"},
		{"not a campaign", []string{"rank", "--db", filepath.Join(dir, "notes.txt")}, 1, "不是评选活动文件"},
		{"missing file", []string{"rank", "--db", filepath.Join(dir, "nope.dossier")}, 1, "不存在"},
		{"new over existing", []string{"new", "--db", db}, 1, "已存在"},
		{"bad date", []string{"settings", "--db", db, "--date", "2023-13-45"}, 2, "日期"},
		{"extra argument", []string{"rank", "--db", db, "extra"}, 2, "多余的参数"},
		{"duplicate tie-break", []string{"settings", "--db", db, "--tie-break", "优化扩充工程,优化扩充工程"}, 2, "两次"},
		{"grouped help", []string{"unit", "--help"}, 0, "unit       add"},
		{"unit pdf of another kind", []string{"export", "pdf", "--db", db, "--kind", "notice", "--unit", "A1", "--out", filepath.Join(dir, "x.pdf")}, 2, "--unit"},
		{"unknown tie-break", []string{"settings", "--db", db, "--tie-break", "优化扩充工程,不存在"}, 1, "不存在"},
		{"trim-min too small", []string{"settings", "--db", db, "--trim-min", "2"}, 2, "至少"},
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a campaign"), 0o644)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := ctl(t, c.args...)
			if code != c.code || !strings.Contains(errs, c.msg) {
				t.Errorf("exit %d (want %d), stderr %q (want %q), stdout %q", code, c.code, errs, c.msg, out)
			}
		})
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "notes.txt")); string(b) != "not a campaign" {
		t.Error("non-campaign file modified")
	}
	out := mustCtl(t, "settings", "--db", db, "--tie-break", "惠民暖心工程，优化扩充工程", "--reason", "评委会议定同分规则")
	if !strings.Contains(out, "同分比较：惠民暖心工程 → 优化扩充工程") || !strings.Contains(out, "拟表彰名额：1") || !strings.Contains(out, "日期：2023-05-01") {
		t.Errorf("settings = %s", out)
	}
}
