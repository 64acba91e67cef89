package dossier

import "testing"

func TestStandingVerdict(t *testing.T) {
	yes, no := &Decision{Recommended: true, Reason: "表决"}, &Decision{Reason: "表决"}
	active, withdrawn := &Unit{Status: StatusAccepted}, &Unit{Status: StatusWithdrawn}
	for _, c := range []struct {
		name        string
		s           Standing
		want        Verdict
		label, mark string
		listed      bool
	}{
		{"below the line", Standing{Unit: active, Rank: 3}, VerdictNone, "", "", false},
		{"within the quota", Standing{Unit: active, Rank: 1, Recommended: true}, VerdictRecommended, "拟推荐", "拟推荐", true},
		{"tie across the line", Standing{Unit: active, Rank: 2, Tie: true, NeedsDecision: true}, VerdictPending, "待评委会决定", "待评委会决定", false},
		{"decided for", Standing{Unit: active, Rank: 2, Tie: true, NeedsDecision: true, Decision: yes}, VerdictDecidedFor, "评委会决定推荐", "拟推荐（评委会决定）", true},
		{"decided against", Standing{Unit: active, Rank: 2, Tie: true, NeedsDecision: true, Decision: no}, VerdictDecidedAgainst, "评委会决定不推荐", "不推荐（评委会决定）", false},
		{"no valid total", Standing{Unit: active, Unranked: "无有效评分，不参与排名"}, VerdictUnranked, "不参与排名", "", false},
		{"withdrawn", Standing{Unit: withdrawn, Unranked: "已撤回，不参与排名"}, VerdictWithdrawn, "已撤回", "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := c.s.Verdict()
			if v != c.want || v.Label() != c.label || v.Mark() != c.mark || c.s.Listed() != c.listed {
				t.Fatalf("verdict %d %q %q listed %v, want %d %q %q %v", v, v.Label(), v.Mark(), c.s.Listed(), c.want, c.label, c.mark, c.listed)
			}
		})
	}
}

func TestLineStatusShort(t *testing.T) {
	for s, want := range map[LineStatus]string{Kept: "计入", DroppedHigh: "去掉最高分", DroppedLow: "去掉最低分", ExcludedConflict: "回避", ExcludedIncomplete: "不完整"} {
		if s.Short() != want {
			t.Errorf("%d.Short() = %q, want %q", s, s.Short(), want)
		}
	}
}
