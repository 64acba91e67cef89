package dossier

import (
	"math"
	"testing"
)

// Hand-computed: three evaluators, no trimming (fewer than 5 totals), quota 1.
//
//	    甲  乙  丙   mean    without 甲  without 乙  without 丙
//	A   90  60  60   70.00   60.0 (2)    75.0 (1)    75.0 (1)
//	B   50  80  75   68.33   77.5 (1)    62.5 (2)    65.0 (2)
//	C   40  50  55   48.33   52.5 (3)    47.5 (3)    45.0 (3)
//
// z-scores (population sd per evaluator): 甲 mean 60 sd 21.602, 乙 mean
// 63.33 sd 12.472, 丙 mean 63.33 sd 8.498; mean z: A 0.2431, B 0.7487,
// C -0.9918, so the normalised view puts B first.
func TestStabilityHandComputed(t *testing.T) {
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
	st := Stabilities(b, r)
	want := map[string]struct {
		best, worst, z int
		stable         bool
		zmean          float64
	}{
		"A": {1, 2, 2, false, 0.2431},
		"B": {1, 2, 1, false, 0.7487},
		"C": {3, 3, 3, true, -0.9918},
	}
	for code, w := range want {
		s := st[unitID(code)]
		if s.Best != w.best || s.Worst != w.worst || s.Stable != w.stable || s.ZRank != w.z || math.Abs(s.ZMean-w.zmean) > 5e-4 {
			t.Errorf("%s: got %+v, want %+v", code, *s, w)
		}
	}
	if f := st[unitID("A")].Flips; len(f) != 1 || f[0] != "甲" {
		t.Errorf("A's recommendation flips without %v, want [甲]", f)
	}
}

// A unit whose only valid total is left out has no rank in that
// leave-one-out: the worst rank is unknown (0).
func TestStabilityUnrankedInALeaveOneOut(t *testing.T) {
	b := newTestBook(5, 1, 100)
	addEvaluators(b, "甲", "乙")
	addUnit(b, Unit{Code: "A"})
	addUnit(b, Unit{Code: "B"})
	setScores(b, "A", "甲", 900)
	setScores(b, "A", "乙", 800)
	setScores(b, "B", "甲", 700)
	// Full: A 85 (1), B 70 (2). Without 甲: A 80 (1), B unranked. Without
	// 乙: A 90 (1), B 70 (2). B is never recommended: stable.
	st := Stabilities(b, Rank(b))
	if s := st[unitID("B")]; s.Best != 2 || s.Worst != 0 || !s.Stable {
		t.Errorf("B: %+v, want best 2, worst unknown (0), stable", *s)
	}
	if s := st[unitID("A")]; s.Best != 1 || s.Worst != 1 || !s.Stable {
		t.Errorf("A: %+v, want [1,1] stable", *s)
	}
}

func BenchmarkLeaveOneOut(b *testing.B) {
	book := benchBook(1000, 30, 5)
	r := Rank(book)
	b.ReportAllocs()
	for b.Loop() {
		Stabilities(book, r)
	}
}

// The fast leave-one-out must rank exactly as Rank does on the campaign
// without that evaluator (conflicts, incomplete sets, trimming, tie-breaks,
// a withdrawn unit and ties across the line included).
func TestLeaveOneOutMatchesRank(t *testing.T) {
	b := benchBook(200, 12, 3)
	b.Campaign.TieBreak = []string{b.Categories[1].ID}
	b.Campaign.Quota = 20
	b.Campaign.MinValid = 11 // some units fall below it when one evaluator is left out
	b.Units[3].Status = StatusWithdrawn
	r := Rank(b)
	loo := newLeaveOneOut(b, r)
	for k := range b.Evaluators {
		lo := *b
		lo.Evaluators = append(append([]Evaluator{}, b.Evaluators[:k]...), b.Evaluators[k+1:]...)
		want := map[string]looPlace{}
		for _, s := range Rank(&lo).Standings {
			want[s.Unit.ID] = looPlace{s.Rank, verdict(&s)}
		}
		for ui, p := range loo.rank(k) {
			if w := want[loo.units[ui].id]; w != p {
				t.Fatalf("without %s, unit %s: fast %+v, Rank %+v", b.Evaluators[k].Name, loo.units[ui].code, p, w)
			}
		}
	}
}

func TestRangeText(t *testing.T) {
	for _, c := range []struct {
		st   *Stability
		want string
	}{
		{nil, ""}, {&Stability{}, ""}, {&Stability{Best: 3, Worst: 3}, "3"},
		{&Stability{Best: 2, Worst: 4}, "2–4"}, {&Stability{Best: 2}, "2–未排名"},
	} {
		if got := c.st.RangeText(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.st, got, c.want)
		}
	}
}
