package main

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/internal/testprog"
)

type procRow struct {
	Code          string  `json:"code"`
	Recommended   bool    `json:"recommended"`
	Listed        bool    `json:"listed"`
	NeedsDecision bool    `json:"needs_decision"`
	SkippedBy     *string `json:"skipped_by"`
	Explanation   struct {
		Steps []string `json:"steps"`
	} `json:"explanation"`
}

type procMetaRow struct {
	Caps        []string `json:"caps"`
	Unmet       []string `json:"unmet"`
	NoticeStart *string  `json:"notice_start"`
	NoticeEnd   *string  `json:"notice_end"`
	Pending     bool     `json:"pending"`
}

func procRank(t *testing.T, db string) (map[string]procRow, procMetaRow) {
	t.Helper()
	var raw []json.RawMessage
	if err := json.Unmarshal([]byte(mustCtl(t, "rank", "--db", db, "--json", "--with-meta")), &raw); err != nil {
		t.Fatal(err)
	}
	rows := map[string]procRow{}
	for _, m := range raw[:len(raw)-1] {
		var r procRow
		if err := json.Unmarshal(m, &r); err != nil {
			t.Fatal(err)
		}
		rows[r.Code] = r
	}
	var meta procMetaRow
	if err := json.Unmarshal(raw[len(raw)-1], &meta); err != nil {
		t.Fatal(err)
	}
	return rows, meta
}

// TestRegionCapOnTheDemo: with 3 places and at most 1 per 地市, the demo's
// 郑州市金水区教育局 (3rd, in 郑州市 after 郑州市教育局) is passed over and
// 开封市人力资源和社会保障局 (4th) takes its place.
func TestRegionCapOnTheDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.dossier")
	mustCtl(t, "demo", "--db", db)
	if code, _, errs := ctl(t, "settings", "--db", db, "--quota", "3", "--region-cap", "1"); code != 1 || !strings.Contains(errs, "须说明理由") {
		t.Fatalf("a cap after scoring opened without a reason: exit %d %s", code, errs)
	}
	out := mustCtl(t, "settings", "--db", db, "--quota", "3", "--region-cap", "1", "--reason", "上级通知每市限一个")
	if !strings.Contains(out, "推荐名额限制：每个地市不超过 1 个") {
		t.Errorf("settings: %s", out)
	}
	rows, meta := procRank(t, db)
	skipped := rows["HN2022-002"]
	if skipped.SkippedBy == nil || *skipped.SkippedBy != "每个地市不超过 1 个" || skipped.Listed || skipped.Recommended {
		t.Fatalf("HN2022-002: %+v", skipped)
	}
	if steps := strings.Join(skipped.Explanation.Steps, ""); !strings.Contains(steps, "郑州市已推荐 1 个，达到地市上限") || !strings.Contains(steps, "由开封市人力资源和社会保障局（第 4 名）递补") {
		t.Errorf("explanation: %s", steps)
	}
	for _, code := range []string{"HN2022-001", "HN2022-003", "HN2022-004"} {
		if r := rows[code]; !r.Recommended || !r.Listed || r.SkippedBy != nil {
			t.Errorf("%s: %+v", code, r)
		}
	}
	if len(meta.Caps) != 1 || meta.NoticeEnd != nil {
		t.Errorf("meta: %+v", meta)
	}
	pdfOut := filepath.Join(t.TempDir(), "n.pdf")
	mustCtl(t, "export", "pdf", "--db", db, "--kind", "notice", "--out", pdfOut)
	if text := pdfText(t, pdfOut); strings.Contains(text, "金水区") || !strings.Contains(text, "开封市人力资源和社会保障局") {
		t.Errorf("notice: %s", text)
	}

	for _, bad := range [][]string{
		{"--kind-quota", "基层学校=3"}, {"--kind-quota", ">=3"}, {"--region-cap", "-1"}, {"--notice-days", "0"}, {"--notice-start", "2026-13-01"},
	} {
		if code, _, errs := ctl(t, append([]string{"settings", "--db", db}, bad...)...); code != 2 || !strings.Contains(errs, "--") {
			t.Errorf("settings %v: exit %d %s", bad, code, errs)
		}
	}
	if code, _, errs := ctl(t, "settings", "--db", db, "--kind-quota", "教育行政部门>=3", "--kind-quota", "教育行政部门<=2", "--reason", "x"); code != 1 || !strings.Contains(errs, "高于上限") {
		t.Errorf("min over max: exit %d %s", code, errs)
	}
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command(testprog.Need(t, "pdftotext"), "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// TestNoticePeriodAndPending: the 公示 period from the shipped calendar and
// the campaign's own days, and a notice refused while a tie across a cap
// waits for the committee.
func TestNoticePeriodAndPending(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.dossier")
	mustCtl(t, "new", "--db", db, "--title", "测试评选")
	mustCtl(t, "settings", "--db", db, "--quota", "2", "--region-cap", "1", "--notice-start", "2026-09-28",
		"--objection-contact", "省教育厅基础教育处，电话 0371-66660000")
	for _, u := range [][]string{{"A", "甲单位", "开封市"}, {"B", "乙单位", "郑州市"}, {"C", "丙单位", "郑州市金水区"}} {
		mustCtl(t, "unit", "add", "--db", db, "--code", u[0], "--name", u[1], "--region", u[2])
	}
	mustCtl(t, "evaluator", "add", "--db", db, "--name", "评委甲")
	cats := []string{"优化扩充工程", "增效创优工程", "改革攻坚工程", "队伍提升工程", "惠民暖心工程"}
	for code, v := range map[string]string{"A": "19", "B": "18", "C": "18"} {
		for _, c := range cats {
			mustCtl(t, "scores", "set", "--db", db, "--evaluator", "评委甲", "--unit", code, "--category", c, "--value", v)
		}
	}
	rows, meta := procRank(t, db)
	if !rows["B"].NeedsDecision || !rows["C"].NeedsDecision || !rows["A"].Recommended || !meta.Pending {
		t.Fatalf("a tie across the cap: %+v %+v", rows, meta)
	}
	// 2026-09-28 + 5 working days: 9-28, 9-29, 9-30, (国庆节 10-1..10-7), 10-8, 10-9.
	if meta.NoticeStart == nil || *meta.NoticeStart != "2026-09-28" || meta.NoticeEnd == nil || *meta.NoticeEnd != "2026-10-09" {
		t.Fatalf("notice period: %+v", meta)
	}
	out := filepath.Join(t.TempDir(), "n.pdf")
	code, _, errs := ctl(t, "export", "pdf", "--db", db, "--kind", "notice", "--out", out)
	if code != 1 || !strings.Contains(errs, "不能导出公示名单") || !strings.Contains(errs, "B 乙单位") || !strings.Contains(errs, "--allow-pending") {
		t.Fatalf("notice with a pending tie: exit %d %s", code, errs)
	}
	mustCtl(t, "export", "pdf", "--db", db, "--kind", "notice", "--out", out, "--allow-pending")
	mustCtl(t, "decision", "--db", db, "--unit", "C", "--recommend", "yes", "--reason", "评委会表决")
	mustCtl(t, "decision", "--db", db, "--unit", "B", "--recommend", "no", "--reason", "评委会表决")
	mustCtl(t, "export", "pdf", "--db", db, "--kind", "notice", "--out", out)
	text := pdfText(t, out)
	for _, want := range []string{"公示期：2026年9月28日至2026年10月9日（5个工作日）", "异议受理：省教育厅基础教育处，电话 0371-66660000", "丙单位", "甲单位"} {
		if !strings.Contains(strings.ReplaceAll(text, "\n", ""), want) {
			t.Errorf("notice lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "乙单位") {
		t.Errorf("乙单位 on the notice after the committee said no")
	}
	// A campaign's own holiday moves the end: with 10-9 off, the period
	// ends on Saturday 10-10, a 调休 working day of the shipped calendar.
	mustCtl(t, "calendar", "add", "--db", db, "--holiday", "2026-10-09", "--note", "地方假日")
	if _, meta := procRank(t, db); *meta.NoticeEnd != "2026-10-10" {
		t.Errorf("with 10-9 off the period ends %s, want 2026-10-10", *meta.NoticeEnd)
	}
	// The campaign's own day wins over the shipped one.
	mustCtl(t, "calendar", "add", "--db", db, "--holiday", "2026-10-10")
	if _, meta := procRank(t, db); *meta.NoticeEnd != "2026-10-12" {
		t.Errorf("with 10-10 off too the period ends %s, want 2026-10-12", *meta.NoticeEnd)
	}
	if list := mustCtl(t, "calendar", "list", "--db", db, "--year", "2026"); !strings.Contains(list, "2026-10-09 放假（地方假日）") || !strings.Contains(list, "国务院办公厅关于2026年部分节假日安排的通知") {
		t.Errorf("calendar list: %s", list)
	}
	for _, bad := range [][]string{
		{"calendar", "add", "--db", db}, {"calendar", "add", "--db", db, "--holiday", "2026-10-09", "--workday", "2026-10-10"},
		{"calendar", "add", "--db", db, "--holiday", "2026-10-32"}, {"calendar", "add", "--db", db, "--workday", "2026-10-10..2026-10-11"},
	} {
		if code, _, _ := ctl(t, bad...); code != 2 {
			t.Errorf("%v: exit %d", bad, code)
		}
	}
}
