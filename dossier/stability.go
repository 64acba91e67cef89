package dossier

import (
	"math"
	"sort"
	"strconv"
)

// Stability is how robust a unit's place is: its ranks when each evaluator
// in turn is left out (the rule applied as written to the remaining totals),
// and its place in the normalised view, for information only.
type Stability struct {
	// Best and Worst are the best and worst leave-one-out ranks; Worst is 0
	// when some leave-one-out leaves the unit unranked (no valid total),
	// and both are 0 for a unit not ranked at all or a campaign with fewer
	// than two evaluators.
	Best, Worst int
	// Stable says the recommendation (拟推荐, for the committee, or not) is
	// the same in every leave-one-out as in the ranking itself.
	Stable bool
	// Flips names the evaluators whose leaving out changes the recommendation.
	Flips []string
	// ZRank is the competition rank by ZMean (0 when the unit has no valid
	// total); ZMean is the mean over its valid totals of each evaluator's
	// z-score (total minus that evaluator's mean, over its standard
	// deviation, across the units it validly scored).
	ZRank int
	ZMean float64
}

// RangeText writes the leave-one-out rank range as the documents print it:
// "3", "2–4", "2–未排名" (some leave-one-out leaves the unit unranked); ""
// when there is none (the unit is not ranked, or there are fewer than two
// evaluators).
func (s *Stability) RangeText() string {
	switch {
	case s == nil || s.Best == 0:
		return ""
	case s.Worst == 0:
		return strconv.Itoa(s.Best) + "–未排名"
	case s.Best == s.Worst:
		return strconv.Itoa(s.Best)
	}
	return strconv.Itoa(s.Best) + "–" + strconv.Itoa(s.Worst)
}

// verdict is the recommendation a standing carries: 2 拟推荐, 1 for the
// committee, 0 neither.
func verdict(s *Standing) int {
	switch {
	case s.Recommended:
		return 2
	case s.NeedsDecision:
		return 1
	}
	return 0
}

// Stabilities computes every unit's Stability, by unit ID, for the ranking r
// of book b (r must be Rank(b)).
func Stabilities(b *Book, r *Ranking) map[string]*Stability {
	out := make(map[string]*Stability, len(r.Standings))
	base := make(map[string]int, len(r.Standings))
	for i := range r.Standings {
		s := &r.Standings[i]
		out[s.Unit.ID] = &Stability{Stable: true}
		base[s.Unit.ID] = verdict(s)
	}
	if len(b.Evaluators) >= 2 {
		loo := newLeaveOneOut(b, r)
		results := make([][]looPlace, len(b.Evaluators))
		// Leave-one-outs are independent: two at a time keeps both cores
		// of a small machine busy without flooding it.
		sem := make(chan struct{}, 2)
		done := make(chan struct{})
		for k := range b.Evaluators {
			go func() {
				sem <- struct{}{}
				results[k] = loo.rank(k)
				<-sem
				done <- struct{}{}
			}()
		}
		for range b.Evaluators {
			<-done
		}
		for k, places := range results {
			for ui, p := range places {
				st := out[loo.units[ui].id]
				if p.verdict != base[loo.units[ui].id] {
					st.Stable = false
					st.Flips = append(st.Flips, b.Evaluators[k].Name)
				}
				switch {
				case p.rank == 0:
					st.Worst = -1
				case st.Best == 0 || p.rank < st.Best:
					st.Best = p.rank
				}
				if st.Worst >= 0 && p.rank > st.Worst {
					st.Worst = p.rank
				}
			}
		}
	}
	for i := range r.Standings {
		s := &r.Standings[i]
		st := out[s.Unit.ID]
		if s.Rank == 0 {
			st.Best, st.Worst = 0, 0
		}
		if st.Worst < 0 {
			st.Worst = 0
		}
	}
	zRank(r, out)
	return out
}

// leaveOneOut holds what reranking needs from a full ranking: per unit its
// valid totals and category scores, in evaluator list order. Reranking from
// these is the rule of Rank without the explanations, which makes thirty
// leave-one-outs of a large campaign cost less than one full ranking;
// TestLeaveOneOutMatchesRank keeps the two in step.
type leaveOneOut struct {
	units    []looUnit
	trimMin  int
	minValid int
	quota    int
	tie      []int
	nc       int
	caps     capSet
}

type looUnit struct {
	id, code  string
	withdrawn bool
	fill      fillUnit
	ev        []int    // evaluator index of each valid total
	total     []Tenths // the valid totals
	cats      []Tenths // len(ev)*nc category scores
}

type looPlace struct{ rank, verdict int }

func newLeaveOneOut(b *Book, r *Ranking) *leaveOneOut {
	l := &leaveOneOut{trimMin: r.TrimMin, minValid: max(1, r.MinValid), quota: r.Quota, nc: len(b.Categories), caps: newCapSet(&b.Campaign)}
	catIndex := map[string]int{}
	for i, c := range b.Categories {
		catIndex[c.ID] = i
	}
	for _, id := range b.Campaign.TieBreak {
		if ci, ok := catIndex[id]; ok {
			l.tie = append(l.tie, ci)
		}
	}
	for i := range r.Standings {
		s := &r.Standings[i]
		u := looUnit{id: s.Unit.ID, code: s.Unit.Code, withdrawn: s.Unit.Status == StatusWithdrawn, fill: fillUnit{kind: NameKey(s.Unit.Kind)}}
		if l.caps.region > 0 {
			u.fill.city = City(s.Unit.Region)
		}
		for ei, ln := range s.Explanation.Lines {
			if ln.Status.Valid() {
				u.ev = append(u.ev, ei)
				u.total = append(u.total, ln.Total)
				u.cats = append(u.cats, ln.Scores...)
			}
		}
		l.units = append(l.units, u)
	}
	return l
}

// rank reranks without evaluator k: one place per unit, in l.units order.
func (l *leaveOneOut) rank(k int) []looPlace {
	type cand struct {
		ui    int
		total Mean
		cats  []Mean
	}
	var ranked []cand
	for ui := range l.units {
		u := &l.units[ui]
		if u.withdrawn {
			continue
		}
		idx := make([]int, 0, len(u.ev))
		for i, ei := range u.ev {
			if ei != k {
				idx = append(idx, i)
			}
		}
		if len(idx) == 0 || len(idx) < l.minValid {
			continue
		}
		hi, lo := -1, -1
		if len(idx) >= l.trimMin {
			for _, i := range idx {
				if hi < 0 || u.total[i] > u.total[hi] {
					hi = i
				}
			}
			for _, i := range idx {
				if i != hi && (lo < 0 || u.total[i] < u.total[lo]) {
					lo = i
				}
			}
		}
		c := cand{ui: ui, cats: make([]Mean, len(l.tie))}
		for _, i := range idx {
			if i == hi || i == lo {
				continue
			}
			c.total.Sum += u.total[i]
			c.total.N++
			for t, ci := range l.tie {
				c.cats[t].Sum += u.cats[i*l.nc+ci]
				c.cats[t].N++
			}
		}
		ranked = append(ranked, c)
	}
	cmp := func(a, c *cand) int {
		if d := a.total.Cmp(c.total); d != 0 {
			return d
		}
		for t := range l.tie {
			if d := a.cats[t].Cmp(c.cats[t]); d != 0 {
				return d
			}
		}
		return 0
	}
	sort.Slice(ranked, func(i, j int) bool {
		if d := cmp(&ranked[i], &ranked[j]); d != 0 {
			return d > 0
		}
		return l.units[ranked[i].ui].code < l.units[ranked[j].ui].code
	})
	places := make([]looPlace, len(l.units))
	var groups [][2]int
	units := make([]fillUnit, len(ranked))
	seq := make([]int, len(ranked))
	for i := 0; i < len(ranked); {
		j := i + 1
		for j < len(ranked) && cmp(&ranked[i], &ranked[j]) == 0 {
			j++
		}
		for x := i; x < j; x++ {
			places[ranked[x].ui].rank = i + 1
		}
		groups = append(groups, [2]int{i, j})
		i = j
	}
	for i := range ranked {
		units[i], seq[i] = l.units[ranked[i].ui].fill, i
	}
	// The list is filled as Rank fills it (fill, with the caps); only the
	// verdict matters here, so the sentences get no names.
	out := l.caps.fill(units, seq, groups, l.quota, func(int) (string, string) { return "", "" })
	for i, o := range out {
		p := &places[ranked[i].ui]
		switch {
		case o.pending:
			p.verdict = 1
		case o.taken:
			p.verdict = 2
		}
	}
	return places
}

// zRank fills ZMean and ZRank: ranked units only, withdrawn ones never.
func zRank(r *Ranking, out map[string]*Stability) {
	type acc struct{ sum, sq float64 }
	evs := map[string]*acc{}
	n := map[string]int{}
	for i := range r.Standings {
		s := &r.Standings[i]
		if s.Rank == 0 {
			continue
		}
		for _, ln := range s.Explanation.Lines {
			if !ln.Status.Valid() {
				continue
			}
			a := evs[ln.Evaluator.ID]
			if a == nil {
				a = &acc{}
				evs[ln.Evaluator.ID] = a
			}
			t := float64(ln.Total)
			a.sum += t
			a.sq += t * t
			n[ln.Evaluator.ID]++
		}
	}
	type zu struct {
		id string
		z  float64
	}
	var list []zu
	for i := range r.Standings {
		s := &r.Standings[i]
		if s.Rank == 0 {
			continue
		}
		var sum float64
		var k int
		for _, ln := range s.Explanation.Lines {
			if !ln.Status.Valid() {
				continue
			}
			a, c := evs[ln.Evaluator.ID], float64(n[ln.Evaluator.ID])
			mean := a.sum / c
			sd := math.Sqrt(math.Max(a.sq/c-mean*mean, 0))
			if sd > 1e-9 {
				sum += (float64(ln.Total) - mean) / sd
			}
			k++
		}
		z := sum / float64(k)
		out[s.Unit.ID].ZMean = z
		list = append(list, zu{s.Unit.ID, z})
	}
	// Ties within rounding noise share a z-rank, like the rule's ranks.
	sort.SliceStable(list, func(i, j int) bool { return list[i].z > list[j].z+1e-9 })
	for i := range list {
		rank := i + 1
		if i > 0 && math.Abs(list[i].z-list[i-1].z) <= 1e-9 {
			rank = out[list[i-1].id].ZRank
		}
		out[list[i].id].ZRank = rank
	}
}
