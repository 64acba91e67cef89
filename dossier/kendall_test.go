package dossier

import (
	"math"
	"testing"
)

// Each expected value is counted by hand, pair by pair.
func TestKendallTau(t *testing.T) {
	for _, c := range []struct {
		name string
		x, y []int
		want float64
		ok   bool
	}{
		{"same order", []int{1, 2, 3, 4}, []int{1, 2, 3, 4}, 1, true},
		{"reversed", []int{1, 2, 3, 4}, []int{4, 3, 2, 1}, -1, true},
		// 6 pairs, one discordant (first two): (5 − 1) / 6.
		{"one swap", []int{1, 2, 3, 4}, []int{2, 1, 3, 4}, 4.0 / 6, true},
		// A tie in x (2, 2): 5 concordant, 0 discordant, n₁ = 1, n₂ = 0:
		// 5 / √(5 · 6) = 0.91287; tau-a would say 5/6.
		{"tie in one", []int{1, 2, 2, 4}, []int{1, 3, 2, 4}, 5 / math.Sqrt(30), true},
		// x ties (1,1) and (3,3), y ties (2,2): 3 concordant, n₁ = 2,
		// n₂ = 1: 3 / √(4 · 5) = 0.67082.
		{"ties in both", []int{1, 1, 3, 3}, []int{1, 2, 2, 4}, 3 / math.Sqrt(20), true},
		// The pair tied in both counts in n₁ and n₂: 2 / √(2 · 2).
		{"tied together", []int{1, 1, 3}, []int{1, 1, 2}, 1, true},
		{"all tied", []int{1, 1, 1}, []int{1, 2, 3}, 0, false},
		{"one item", []int{1}, []int{1}, 0, false},
		{"none", nil, nil, 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, ok := KendallTau(c.x, c.y)
			if ok != c.ok || math.Abs(got-c.want) > 1e-12 {
				t.Errorf("KendallTau(%v, %v) = %v, %v; want %v, %v", c.x, c.y, got, ok, c.want, c.ok)
			}
		})
	}
}

// The hand-computed campaign of TestStabilityHandComputed: the rule ranks
// A, B, C; the normalised view B, A, C. Of the three pairs (A,B) is
// discordant, (A,C) and (B,C) concordant: tau = (2 − 1) / 3.
func TestRuleZTauHandComputed(t *testing.T) {
	b := newTestBook(5, 1, 100)
	addEvaluators(b, "甲", "乙", "丙")
	for _, u := range []struct {
		code string
		v    [3]Tenths
	}{{"A", [3]Tenths{900, 600, 600}}, {"B", [3]Tenths{500, 800, 750}}, {"C", [3]Tenths{400, 500, 550}}} {
		addUnit(b, Unit{Code: u.code})
		for i, ev := range []string{"甲", "乙", "丙"} {
			setScores(b, u.code, ev, u.v[i])
		}
	}
	r := Rank(b)
	tau, n, ok := RuleZTau(r, Stabilities(b, r))
	if !ok || n != 3 || math.Abs(tau-1.0/3) > 1e-12 {
		t.Errorf("RuleZTau = %v over %d units (ok %v), want 1/3 over 3", tau, n, ok)
	}
}
