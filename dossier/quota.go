package dossier

import "strconv"

// capSet is a campaign's declared caps, resolved against its quota. The
// zero capSet declares none: the list is then the units ranked within the
// quota, as rule 5 has it.
type capSet struct {
	region int
	// max and min are limits by NameKey of the kind; label the Chinese
	// wording of each (key + ">" or "<" for a maximum or minimum).
	max, min map[string]int
	label    map[string]string
	names    map[string]string // kind key → the kind as declared
	minOrder []string          // kind keys of the minimums, in declared order
}

func newCapSet(c *Campaign) capSet {
	cs := capSet{region: max(0, c.RegionCap)}
	for _, q := range c.KindQuotas {
		if cs.label == nil {
			cs.max, cs.min, cs.label, cs.names = map[string]int{}, map[string]int{}, map[string]string{}, map[string]string{}
		}
		k := NameKey(q.Kind)
		cs.names[k] = q.Kind
		n := q.Limit(c.Quota)
		if q.Min {
			if _, dup := cs.min[k]; !dup {
				cs.minOrder = append(cs.minOrder, k)
			}
			cs.min[k] = n
			cs.label[k+">"] = q.Label()
		} else {
			cs.max[k] = n
			cs.label[k+"<"] = q.Label()
		}
	}
	return cs
}

// none reports whether no cap is declared.
func (cs *capSet) none() bool { return cs.region == 0 && len(cs.label) == 0 }

// fillUnit is what the caps see of a ranked unit.
type fillUnit struct {
	city string // City(region); "" is under no region cap
	kind string // NameKey(kind)
}

// fillState is the list as filled so far.
type fillState struct {
	taken int
	city  map[string]int
	kind  map[string]int
}

func (s *fillState) clone() fillState {
	c := fillState{taken: s.taken, city: make(map[string]int, len(s.city)), kind: make(map[string]int, len(s.kind))}
	for k, v := range s.city {
		c.city[k] = v
	}
	for k, v := range s.kind {
		c.kind[k] = v
	}
	return c
}

func (s *fillState) take(u fillUnit) {
	s.taken++
	if u.city != "" {
		s.city[u.city]++
	}
	s.kind[u.kind]++
}

// fillOutcome is what the walk made of one unit.
type fillOutcome struct {
	taken   bool // on the list (for a contender: in the walk's provisional order)
	pending bool // in a tie across the cut line or a cap's limit: for the committee
	// by is the label of the cap that kept the unit off the list (or, for
	// a contender, the cap whose limit its tie straddles); "" when the
	// quota did (below the cut line) or nothing did.
	by   string
	note string // why, in Chinese, when a cap was involved
}

// blocked returns the maximum cap that u may not pass in state s, with the
// sentence saying so, or "" when none.
func (cs *capSet) blocked(u fillUnit, s *fillState, cityName, kindName string) (string, string) {
	if cs.region > 0 && u.city != "" && s.city[u.city] >= cs.region {
		return RegionCapLabel(cs.region), cityName + "已推荐 " + strconv.Itoa(s.city[u.city]) + " 个，达到地市上限（" + RegionCapLabel(cs.region) + "）"
	}
	if n, ok := cs.max[u.kind]; ok && s.kind[u.kind] >= n {
		l := cs.label[u.kind+"<"]
		return l, kindName + "已推荐 " + strconv.Itoa(s.kind[u.kind]) + " 个，达到上限（" + l + "）"
	}
	return "", ""
}

// step decides unit i in state s, rest being the units still to come after
// it, in walk order: take it, or pass over it by a cap (label and sentence),
// or leave it below the cut line (the quota is full).
func (cs *capSet) step(units []fillUnit, i int, rest func(yield func(int) bool), s *fillState, quota int, names func(int) (string, string)) (bool, string, string) {
	if s.taken >= quota {
		return false, "", ""
	}
	if cs.none() {
		return true, "", ""
	}
	u := units[i]
	city, kind := names(i)
	if by, why := cs.blocked(u, s, city, kind); by != "" {
		return false, by, why
	}
	if len(cs.minOrder) == 0 || cs.min[u.kind]-s.kind[u.kind] > 0 {
		return true, "", ""
	}
	// Slots still free must stay for minimums not yet met, as far as units
	// of those kinds are still to come and could be taken.
	slots := quota - s.taken
	raw := 0
	for _, k := range cs.minOrder {
		raw += max(0, cs.min[k]-s.kind[k])
	}
	if raw < slots {
		return true, "", ""
	}
	avail := map[string]int{}
	for j := range rest {
		v := units[j]
		if _, ok := cs.min[v.kind]; !ok {
			continue
		}
		if by, _ := cs.blocked(v, s, "", ""); by == "" {
			avail[v.kind]++
		}
	}
	need, first := 0, ""
	for _, k := range cs.minOrder {
		n := min(max(0, cs.min[k]-s.kind[k]), avail[k])
		if n > 0 && first == "" {
			first = k
		}
		need += n
	}
	if need < slots {
		return true, "", ""
	}
	l := cs.label[first+">"]
	return false, l, "拟推荐名额仅余 " + strconv.Itoa(slots) + " 个，须留给" + cs.names[first] + "（" + l + "）"
}

// fill walks the ranked units in order and fills the list of at most quota
// units, passing over a unit only by a declared cap (DESIGN.md "Official
// procedure"). seq is the walk order (rank order; tied units by code) and
// groups its tie groups, as [start, end) into seq. A tie group whose members
// would fare differently by the order they are taken in (across the cut
// line, or across a cap's limit) is for the committee: those members are
// pending, the others decided as usual; the walk then goes on as if the
// group had gone in code order, so that the places below do not depend on
// the committee's answer. names gives a unit's 地市 and kind as people write
// them, for the sentences.
func (cs *capSet) fill(units []fillUnit, seq []int, groups [][2]int, quota int, names func(int) (string, string)) []fillOutcome {
	out := make([]fillOutcome, len(units))
	s := fillState{city: map[string]int{}, kind: map[string]int{}}
	for _, g := range groups {
		a, b := g[0], g[1]
		after := seq[b:]
		// run takes the group's members in the given order from state st.
		run := func(order []int, st *fillState, rec bool) map[int]bool {
			took := make(map[int]bool, len(order))
			for x, i := range order {
				rest := func(yield func(int) bool) {
					for _, j := range order[x+1:] {
						if !yield(j) {
							return
						}
					}
					for _, j := range after {
						if !yield(j) {
							return
						}
					}
				}
				ok, by, why := cs.step(units, i, rest, st, quota, names)
				if ok {
					st.take(units[i])
					took[i] = true
				}
				if rec {
					out[i] = fillOutcome{taken: ok, by: by, note: why}
				}
			}
			return took
		}
		members := seq[a:b]
		if len(members) > 1 && s.taken < quota {
			switch {
			case cs.none():
				// Without caps the answer is plain: the group fits, or it
				// straddles the cut line and every member is for the committee.
				if s.taken+len(members) > quota {
					for _, i := range members {
						out[i].pending = true
					}
				}
			default:
				for x, i := range members {
					order := make([]int, 0, len(members))
					order = append(append(append(order, i), members[:x]...), members[x+1:]...)
					st := s.clone()
					first := run(order, &st, false)[i]
					order = append(append(order[:0], members[:x]...), members[x+1:]...)
					order = append(order, i)
					st = s.clone()
					if first && !run(order, &st, false)[i] {
						out[i].pending = true
					}
				}
			}
		}
		pending := make([]bool, len(members))
		for x, i := range members {
			pending[x] = out[i].pending
		}
		run(members, &s, true)
		for x, i := range members {
			if !pending[x] {
				continue
			}
			out[i].pending = true
			if out[i].by == "" && !cs.none() {
				// Taken in code order: the limit it contends for is the
				// one a tied member behind it ran into.
				for _, j := range members {
					if out[j].by != "" && !out[j].taken {
						out[i].by = out[j].by
						break
					}
				}
			}
		}
	}
	return out
}
