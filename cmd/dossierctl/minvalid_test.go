package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSettingsMinValid checks settings --min-valid: a unit with fewer valid
// totals than the minimum has no rank and is not recommended, and the
// setting survives reopening the file.
func TestSettingsMinValid(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.dossier")
	mustCtl(t, "new", "--db", db, "--title", "最少有效评分")
	mustCtl(t, "settings", "--db", db, "--quota", "1")
	mustCtl(t, "unit", "add", "--db", db, "--code", "A1", "--name", "甲单位")
	mustCtl(t, "unit", "add", "--db", db, "--code", "A2", "--name", "乙单位")
	for _, ev := range []string{"评委一", "评委二"} {
		mustCtl(t, "evaluator", "add", "--db", db, "--name", ev)
	}
	cats := []string{"优化扩充工程", "增效创优工程", "改革攻坚工程", "队伍提升工程", "惠民暖心工程"}
	score := func(ev, unit, v string) {
		for _, c := range cats {
			mustCtl(t, "scores", "set", "--db", db, "--evaluator", ev, "--unit", unit, "--category", c, "--value", v)
		}
	}
	score("评委一", "A1", "19") // A1: one valid total, 95
	score("评委一", "A2", "17") // A2: two, 85 and 80
	score("评委二", "A2", "16")
	if rows := rankJSON(t, db); rows[0].Code != "A1" || !rows[0].Recommended {
		t.Fatalf("default minimum 1: %+v", rows[0])
	}
	out := mustCtl(t, "settings", "--db", db, "--min-valid", "2", "--reason", "评委会议定最少有效评分") // scoring is open: a rule change needs a reason
	if !strings.Contains(out, "至少 2 份有效评分") {
		t.Errorf("settings output:\n%s", out)
	}
	rows := rankJSON(t, db)
	if rows[0].Code != "A2" || rows[0].Rank == nil || *rows[0].Rank != 1 || !rows[0].Recommended {
		t.Errorf("A2 = %+v", rows[0])
	}
	if rows[1].Code != "A1" || rows[1].Rank != nil || rows[1].Recommended {
		t.Errorf("A1 = %+v", rows[1])
	}
	if code, _, errs := ctl(t, "settings", "--db", db, "--min-valid", "0"); code != 2 || !strings.Contains(errs, "--min-valid") {
		t.Errorf("--min-valid 0: exit %d %s", code, errs)
	}
}
