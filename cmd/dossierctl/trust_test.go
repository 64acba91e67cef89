package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

func TestDemoVerifiesAndRuleLocks(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.dossier")
	mustCtl(t, "demo", "--db", db)
	var v struct {
		OK          bool   `json:"ok"`
		Head        string `json:"head"`
		Fingerprint string `json:"rule_fingerprint"`
		State       string `json:"state"`
		BadRecord   *int64 `json:"bad_record"`
	}
	if err := json.Unmarshal([]byte(mustCtl(t, "verify", "--db", db, "--json")), &v); err != nil {
		t.Fatal(err)
	}
	if !v.OK || len(v.Head) != 64 || len(v.Fingerprint) != 64 || v.State != "open" || v.BadRecord != nil {
		t.Fatalf("demo does not verify: %+v", v)
	}
	code, _, errs := ctl(t, "settings", "--db", db, "--quota", "3")
	if code != 1 || !strings.Contains(errs, "评分已开始，修改评分规则须说明理由（--reason）") {
		t.Fatalf("quota change without --reason: exit %d, %s", code, errs)
	}
	code, _, errs = ctl(t, "evaluator", "add", "--db", db, "--name", "新评委")
	if code != 1 || !strings.Contains(errs, "--reason") {
		t.Fatalf("evaluator added without --reason: exit %d, %s", code, errs)
	}
	mustCtl(t, "settings", "--db", db, "--quota", "3", "--reason", "经批准增加名额")
	if out := mustCtl(t, "history", "--db", db); !strings.Contains(out, "经批准增加名额") {
		t.Fatalf("history lacks the rule change's reason:\n%s", out)
	}

	mustCtl(t, "decision", "--db", db, "--unit", "HN2022-003", "--recommend", "no", "--reason", "评委会表决")
	if code, _, _ := ctl(t, "decision", "--db", db, "--unit", "HN2022-003", "--recommend", "maybe", "--reason", "x"); code != 2 {
		t.Fatalf("--recommend maybe: exit %d, want 2", code)
	}
	mustCtl(t, "scoring", "close", "--db", db)
	code, _, errs = ctl(t, "scores", "set", "--db", db, "--evaluator", "王建国（示例）", "--unit", "HN2022-001", "--category", "优化扩充工程", "--value", "10")
	if code != 1 || !strings.Contains(errs, "评分已结束") {
		t.Fatalf("score after close: exit %d, %s", code, errs)
	}
	out := mustCtl(t, "verify", "--db", db)
	if !strings.Contains(out, "评分记录完好") {
		t.Fatal(out)
	}

	// A score changed behind the app's back.
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE score SET tenths = tenths - 10 WHERE rowid = (SELECT min(rowid) FROM score)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	code, out, errs = ctl(t, "verify", "--db", db, "--json")
	if code != 1 || !strings.Contains(errs, "评分被绕过软件改动") || !strings.Contains(errs, "最后由评分记录第") {
		t.Fatalf("tampered score: exit %d\n%s%s", code, out, errs)
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil || v.OK || v.BadRecord == nil {
		t.Fatalf("verify --json on a tampered file: %s", out)
	}
}

func TestRankJSONStabilityAndMeta(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.dossier")
	mustCtl(t, "demo", "--db", db)
	var plain []map[string]any
	if err := json.Unmarshal([]byte(mustCtl(t, "rank", "--db", db, "--json")), &plain); err != nil {
		t.Fatal(err)
	}
	var meta []map[string]any
	if err := json.Unmarshal([]byte(mustCtl(t, "rank", "--db", db, "--json", "--with-meta")), &meta); err != nil {
		t.Fatal(err)
	}
	if len(meta) != len(plain)+1 {
		t.Fatalf("--with-meta gives %d elements, plain %d", len(meta), len(plain))
	}
	last := meta[len(meta)-1]
	var v struct {
		Head        string `json:"head"`
		Fingerprint string `json:"rule_fingerprint"`
	}
	json.Unmarshal([]byte(mustCtl(t, "verify", "--db", db, "--json")), &v)
	if last["rule_fingerprint"] != v.Fingerprint || last["log_head"] != v.Head {
		t.Fatalf("meta %v, verify %+v", last, v)
	}
	for _, row := range plain {
		for _, k := range []string{"rank_range", "stable", "z_rank", "skipped_by", "listed", "explanation"} {
			if _, ok := row[k]; !ok {
				t.Fatalf("rank --json lacks %s: %v", k, row)
			}
		}
		if row["skipped_by"] != nil {
			t.Fatalf("skipped_by = %v without caps", row["skipped_by"])
		}
		ex := row["explanation"].(map[string]any)
		if evs := ex["evaluators"].([]any); len(evs) != 6 {
			t.Fatalf("explanation has %d evaluators, want 6", len(evs))
		}
		if steps := ex["steps"].([]any); len(steps) == 0 {
			t.Fatal("explanation without steps")
		}
	}
	// HN2022-003: 刘芳 in 回避, shown in the explanation with the reason.
	for _, row := range plain {
		if row["code"] != "HN2022-003" {
			continue
		}
		found := false
		for _, e := range row["explanation"].(map[string]any)["evaluators"].([]any) {
			l := e.(map[string]any)
			if l["status"] == "回避，不计" && strings.Contains(l["reason"].(string), "回避") {
				found = true
			}
		}
		if !found {
			t.Fatalf("HN2022-003's explanation does not show the 回避: %v", row["explanation"])
		}
	}
	if code, _, _ := ctl(t, "rank", "--db", db, "--with-meta"); code != 2 {
		t.Fatalf("--with-meta without --json: exit %d, want 2", code)
	}
}

func TestReviewAndResolve(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.dossier")
	mustCtl(t, "demo", "--db", db)
	before := mustCtl(t, "rank", "--db", db, "--json")
	var flags []struct {
		ID       string  `json:"id"`
		Kind     string  `json:"kind"`
		Unit     *string `json:"unit"`
		Resolved bool    `json:"resolved"`
		By       *string `json:"by"`
	}
	if err := json.Unmarshal([]byte(mustCtl(t, "review", "--db", db, "--json")), &flags); err != nil {
		t.Fatal(err)
	}
	// The demo's 陈志强 scored HN2022-003 although in 回避 (same region).
	var conflict string
	for _, f := range flags {
		if f.Kind == "conflict" && f.Unit != nil && *f.Unit == "HN2022-003" {
			conflict = f.ID
		}
	}
	if conflict == "" {
		t.Fatalf("no 回避仍评分 flag on HN2022-003: %+v", flags)
	}
	mustCtl(t, "review", "resolve", "--db", db, "--flag", conflict, "--by", "王主任", "--note", "评分已按规则不计")
	json.Unmarshal([]byte(mustCtl(t, "review", "--db", db, "--json")), &flags)
	for _, f := range flags {
		if f.ID == conflict && (!f.Resolved || f.By == nil || *f.By != "王主任") {
			t.Fatalf("resolution not recorded: %+v", f)
		}
	}
	if code, _, errs := ctl(t, "review", "resolve", "--db", db, "--flag", "outlier-00000000", "--by", "王主任", "--note", "x"); code != 1 || !strings.Contains(errs, "不存在") {
		t.Fatalf("unknown flag: exit %d %s", code, errs)
	}
	// More flags at a lower threshold; neither changes the ranking.
	n := len(flags)
	mustCtl(t, "settings", "--db", db, "--outlier-pct", "3")
	json.Unmarshal([]byte(mustCtl(t, "review", "--db", db, "--json")), &flags)
	if len(flags) <= n {
		t.Fatalf("--outlier-pct 3 gives %d flags, 15 gave %d", len(flags), n)
	}
	if after := mustCtl(t, "rank", "--db", db, "--json"); after != before {
		t.Fatal("review changed the ranking")
	}
	mustCtl(t, "verify", "--db", db)
}

func TestHistoryRestoreOfARuleChangeNeedsAReason(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.dossier")
	mustCtl(t, "demo", "--db", db)
	mustCtl(t, "settings", "--db", db, "--quota", "3", "--reason", "增加名额")
	var hist []struct {
		ID         int64  `json:"id"`
		Action     string `json:"action"`
		Restorable bool   `json:"restorable"`
	}
	if err := json.Unmarshal([]byte(mustCtl(t, "history", "--db", db, "--json")), &hist); err != nil {
		t.Fatal(err)
	}
	var id int64
	for _, h := range hist {
		if h.Action == "campaign.update" && h.Restorable {
			id = h.ID
		}
	}
	if id == 0 {
		t.Fatalf("no restorable settings entry: %+v", hist)
	}
	sid := strconv.FormatInt(id, 10)
	if code, _, errs := ctl(t, "history", "restore", "--db", db, "--id", sid); code != 1 || !strings.Contains(errs, "须说明理由") {
		t.Fatalf("restore without --reason: exit %d %s", code, errs)
	}
	mustCtl(t, "history", "restore", "--db", db, "--id", sid, "--reason", "撤销名额调整")
	if out := mustCtl(t, "settings", "--db", db); !strings.Contains(out, "拟表彰名额：2") {
		t.Fatalf("quota not restored:\n%s", out)
	}
	mustCtl(t, "verify", "--db", db)
}

// export pdf prints the appendices: the flag resolved from the command line
// with its reviewer and note, every ranked unit's stability, and the
// normalised view with Kendall's tau.
func TestExportedDossierHasTheAppendices(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "d.dossier")
	mustCtl(t, "demo", "--db", db)
	var flags []struct {
		ID   string  `json:"id"`
		Kind string  `json:"kind"`
		Unit *string `json:"unit"`
	}
	if err := json.Unmarshal([]byte(mustCtl(t, "review", "--db", db, "--json")), &flags); err != nil {
		t.Fatal(err)
	}
	if len(flags) < 2 {
		t.Fatalf("the demo has %d flags, want at least 2", len(flags))
	}
	mustCtl(t, "review", "resolve", "--db", db, "--flag", flags[0].ID, "--by", "李复核", "--note", "经核对维持原评分")
	out := filepath.Join(dir, "d.pdf")
	mustCtl(t, "export", "pdf", "--db", db, "--out", out)
	raw, err := exec.Command("pdftotext", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(raw)), "")
	for _, want := range []string{
		"附录一复核标记及处理情况", fmt.Sprintf("复核标记共%d项，已复核1项，未复核%d项。", len(flags), len(flags)-1),
		"李复核", "经核对维持原评分", "附录二排名稳定性", "附录三标准化排名（仅供参考）", "τb=",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("exported dossier lacks %q", want)
		}
	}
}
