package dossier

import "math"

// KendallTau returns Kendall's tau-b between two rankings of the same items,
// x[i] and y[i] being item i's places in each (smaller is better; equal
// places are ties), and whether it is defined: it is not for fewer than
// two items, or when either ranking ties every item. Tau-b corrects for
// ties: (concordant − discordant) / √((n₀ − n₁)(n₀ − n₂)), n₀ the number of
// pairs and n₁, n₂ the pairs tied in x and in y. It compares the rule's
// ranking with the normalised view, for information; it is exact up to the
// one square root, so the same rankings always give the same figure.
func KendallTau(x, y []int) (float64, bool) {
	n := min(len(x), len(y))
	var conc, disc, tieX, tieY int64
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			dx, dy := sign(x[i]-x[j]), sign(y[i]-y[j])
			switch {
			case dx == 0 && dy == 0:
				tieX++
				tieY++
			case dx == 0:
				tieX++
			case dy == 0:
				tieY++
			case dx == dy:
				conc++
			default:
				disc++
			}
		}
	}
	pairs := int64(n) * int64(n-1) / 2
	den := float64(pairs-tieX) * float64(pairs-tieY)
	if n < 2 || den == 0 {
		return 0, false
	}
	return float64(conc-disc) / math.Sqrt(den), true
}

func sign(d int) int {
	switch {
	case d < 0:
		return -1
	case d > 0:
		return 1
	}
	return 0
}

// RuleZTau is Kendall's tau-b between the rule's ranks and the normalised
// view's (Stability.ZRank) over the ranked units of r, with the number of
// units compared; ok is false when it is not defined (fewer than two
// ranked units, or all tied in one of the two).
func RuleZTau(r *Ranking, stab map[string]*Stability) (tau float64, units int, ok bool) {
	var x, y []int
	for i := range r.Standings {
		s := &r.Standings[i]
		st := stab[s.Unit.ID]
		if s.Rank <= 0 || st == nil || st.ZRank <= 0 {
			continue
		}
		x = append(x, s.Rank)
		y = append(y, st.ZRank)
	}
	tau, ok = KendallTau(x, y)
	return tau, len(x), ok
}
