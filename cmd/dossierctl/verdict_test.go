package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// rankNotes maps each unit code to the 备注 column of `dossierctl rank`.
func rankNotes(t *testing.T, db string) map[string]string {
	t.Helper()
	notes := map[string]string{}
	for _, line := range strings.Split(mustCtl(t, "rank", "--db", db), "\n") {
		f := strings.Split(line, "\t")
		if len(f) > 3 && strings.HasPrefix(f[1], "T-") {
			notes[f[1]] = f[len(f)-1]
		}
	}
	return notes
}

// TestRankTextFollowsDecision: the plain-text ranking says what --json, the
// GUI, the PDF and the Excel summary say about a tie across the cut line,
// before and after the committee's decision.
func TestRankTextFollowsDecision(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.dossier")
	mustCtl(t, "new", "--db", db, "--title", "并列测试")
	mustCtl(t, "settings", "--db", db, "--quota", "2")
	for _, u := range []string{"T-1", "T-2", "T-3", "T-4"} {
		mustCtl(t, "unit", "add", "--db", db, "--code", u, "--name", "单位"+u)
	}
	mustCtl(t, "evaluator", "add", "--db", db, "--name", "评委甲")
	value := map[string]string{"T-1": "20", "T-2": "15", "T-3": "15", "T-4": "10"}
	for _, u := range []string{"T-1", "T-2", "T-3", "T-4"} {
		for _, c := range []string{"优化扩充工程", "增效创优工程", "改革攻坚工程", "队伍提升工程", "惠民暖心工程"} {
			mustCtl(t, "scores", "set", "--db", db, "--evaluator", "评委甲", "--unit", u, "--category", c, "--value", value[u])
		}
	}
	want := map[string]string{"T-1": "拟推荐", "T-2": "待评委会决定", "T-3": "待评委会决定", "T-4": ""}
	if got := rankNotes(t, db); !equalNotes(got, want) {
		t.Fatalf("before the decision: %v, want %v", got, want)
	}
	mustCtl(t, "decision", "--db", db, "--unit", "T-2", "--recommend", "yes", "--reason", "评委会表决")
	mustCtl(t, "decision", "--db", db, "--unit", "T-3", "--recommend", "no", "--reason", "评委会表决")
	want = map[string]string{"T-1": "拟推荐", "T-2": "评委会决定推荐", "T-3": "评委会决定不推荐", "T-4": ""}
	if got := rankNotes(t, db); !equalNotes(got, want) {
		t.Fatalf("after the decision: %v, want %v", got, want)
	}
}

func equalNotes(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}
