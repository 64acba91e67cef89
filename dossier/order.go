package dossier

import "sort"

// order puts the standings in ranking order (rules 3 and 4: ranked units
// by final score, then the declared tie-breaks, then code; then units with
// no valid total; then withdrawn units) and gives each ranked unit its
// competition rank. It returns the tie-break categories' indexes and the
// tie groups of the ranked units as [start, end), which judge fills the
// list from.
func order(standings []Standing, b *Book, catIndex map[string]int) ([]int, [][2]int) {
	tie := make([]int, 0, len(b.Campaign.TieBreak))
	for _, id := range b.Campaign.TieBreak {
		if ci, ok := catIndex[id]; ok {
			tie = append(tie, ci)
		}
	}
	// cmpKey compares by final score, then the declared tie-breaks; 0 means
	// the two units stand equal and share a rank.
	cmpKey := func(a, c *Standing) int {
		if d := a.Total.Cmp(c.Total); d != 0 {
			return d
		}
		for _, ci := range tie {
			if d := a.Categories[ci].Cmp(c.Categories[ci]); d != 0 {
				return d
			}
		}
		return 0
	}
	group := func(s *Standing) int {
		switch {
		case s.Unranked == "":
			return 0
		case s.Unit.Status != StatusWithdrawn:
			return 1
		}
		return 2
	}
	sort.SliceStable(standings, func(i, j int) bool {
		a, c := &standings[i], &standings[j]
		if ga, gc := group(a), group(c); ga != gc {
			return ga < gc
		}
		if group(a) == 0 {
			if d := cmpKey(a, c); d != 0 {
				return d > 0
			}
		}
		return a.Unit.Code < c.Unit.Code
	})
	var groups [][2]int
	for i := 0; i < len(standings) && standings[i].Unranked == ""; {
		j := i + 1
		for j < len(standings) && standings[j].Unranked == "" && cmpKey(&standings[i], &standings[j]) == 0 {
			j++
		}
		for k := i; k < j; k++ {
			standings[k].Rank = i + 1
			standings[k].Tie = j-i > 1
		}
		groups = append(groups, [2]int{i, j})
		i = j
	}
	return tie, groups
}
