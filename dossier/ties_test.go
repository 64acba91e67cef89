package dossier

import (
	"strings"
	"testing"
)

// TestRankExplainsTieBreaks checks that a unit placed by a tie-break says
// so, with the category and both figures, and that a remaining tie says it
// is one (B02, B03 and B04 of tieBook all total 85.00).
func TestRankExplainsTieBreaks(t *testing.T) {
	steps := func(r *Ranking, code string) string {
		return strings.Join(standingOf(t, r, code).Explanation.Steps, "\n")
	}
	t.Run("placed by the first and the second tie-break", func(t *testing.T) {
		r := Rank(tieBook(1, "c1", "c2"))
		// c1: B04 (37+35)/2 = 36.00, B03 (34+36)/2 = 35.00, B02 35.00;
		// c2: B03 26.00, B02 25.00.
		for code, want := range map[string][]string{
			"B04": {"总分与B03单位相同（85.00 分），按“优化扩充工程”得分 36.00 高于 35.00 排在前。"},
			"B03": {"总分与B04单位相同（85.00 分），按“优化扩充工程”得分 35.00 低于 36.00 排在后。",
				"总分与B02单位相同（85.00 分），按“增效创优工程”得分 26.00 高于 25.00 排在前。"},
			"B02": {"总分与B03单位相同（85.00 分），按“增效创优工程”得分 25.00 低于 26.00 排在后。"},
		} {
			got := steps(r, code)
			for _, w := range want {
				if !strings.Contains(got, w) {
					t.Errorf("%s steps lack %q:\n%s", code, w, got)
				}
			}
		}
		if got := steps(r, "B01"); strings.Contains(got, "总分与") {
			t.Errorf("B01 has no equal total, steps:\n%s", got)
		}
	})
	t.Run("still equal after the tie-breaks", func(t *testing.T) {
		r := Rank(tieBook(1, "c1"))
		want := "总分与B03单位相同（85.00 分），同分比较的类别得分也相同，并列第 3 名（按申报编号排列）。"
		if got := steps(r, "B02"); !strings.Contains(got, want) {
			t.Errorf("B02 steps lack %q:\n%s", want, got)
		}
	})
	t.Run("no tie-break declared", func(t *testing.T) {
		r := Rank(tieBook(1))
		want := "总分与B03单位相同（85.00 分），并列第 2 名（按申报编号排列）。"
		if got := steps(r, "B02"); !strings.Contains(got, want) {
			t.Errorf("B02 steps lack %q:\n%s", want, got)
		}
	})
}

// TestRankMinValid checks the campaign's minimum number of valid totals: a
// unit with fewer is not ranked (and not recommended), saying why.
func TestRankMinValid(t *testing.T) {
	build := func(minValid int) *Ranking {
		b := newTestBook(5, 1, 20)
		b.Campaign.MinValid = minValid
		addEvaluators(b, "甲", "乙", "丙")
		addUnit(b, Unit{Code: "U1"})
		addUnit(b, Unit{Code: "U2"})
		setScores(b, "U1", "甲", 200) // one valid total: 20.0
		for _, e := range []string{"甲", "乙", "丙"} {
			setScores(b, "U2", e, 150) // three: 15.0
		}
		return Rank(b)
	}
	if r := build(0); r.Standings[0].Unit.Code != "U1" || !r.Standings[0].Recommended {
		t.Fatalf("default minimum 1: U1 should lead, got %+v", r.Standings[0])
	}
	r := build(2)
	u1, u2 := standingOf(t, r, "U1"), standingOf(t, r, "U2")
	if u2.Rank != 1 || !u2.Recommended {
		t.Errorf("U2 rank %d recommended %v", u2.Rank, u2.Recommended)
	}
	want := "有效评分仅 1 份，少于本活动要求的 2 份，不参与排名"
	if u1.Rank != 0 || u1.Recommended || u1.Unranked != want {
		t.Errorf("U1 rank %d recommended %v unranked %q", u1.Rank, u1.Recommended, u1.Unranked)
	}
	if !strings.Contains(strings.Join(u1.Explanation.Steps, ""), want) {
		t.Errorf("U1 steps %q", u1.Explanation.Steps)
	}
	if r.Standings[1].Unit.Code != "U1" {
		t.Errorf("U1 not listed after the ranked units")
	}
}
