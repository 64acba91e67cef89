package dossier

import (
	"strconv"
	"strings"
)

// judge fills the list of recommended units (rule 5 with the declared
// caps): standings are in rank order, groups the tie groups of the ranked
// ones as [start, end). It sets Recommended, NeedsDecision (with the
// committee's decision), SkippedBy and CapTie, adds the caps' sentences to
// the explanations and fills r.CutAfter, r.Caps and r.Unmet.
func judge(r *Ranking, c *Campaign, standings []Standing, groups [][2]int, decisions map[string]*Decision) {
	cs := newCapSet(c)
	if cs.region > 0 {
		r.Caps = append(r.Caps, RegionCapLabel(cs.region))
	}
	for _, q := range c.KindQuotas {
		r.Caps = append(r.Caps, q.Label())
	}
	ranked := 0
	if len(groups) > 0 {
		ranked = groups[len(groups)-1][1]
	}
	units := make([]fillUnit, ranked)
	seq := make([]int, ranked)
	for i := range units {
		u := standings[i].Unit
		units[i] = fillUnit{kind: NameKey(u.Kind)}
		if cs.region > 0 {
			units[i].city = City(u.Region)
		}
		seq[i] = i
	}
	names := func(i int) (string, string) {
		return City(standings[i].Unit.Region), NormName(standings[i].Unit.Kind)
	}
	out := cs.fill(units, seq, groups, r.Quota, names)
	for i, o := range out {
		st := &standings[i]
		switch {
		case o.pending:
			st.NeedsDecision = true
			st.Decision = decisions[st.Unit.ID]
			st.CapTie = o.by
		case o.taken:
			st.Recommended = true
		case o.by != "":
			st.SkippedBy = o.by
		}
	}
	for i := range out {
		if standings[i].Recommended || (standings[i].NeedsDecision && i < ranked) {
			r.CutAfter = i + 1
		}
	}
	if cs.none() {
		// Without caps the cut line is right under the 拟推荐 units, and a
		// straddling group stands below it, as rule 5 has always drawn it.
		r.CutAfter = 0
		for i := range standings {
			if standings[i].Recommended {
				r.CutAfter++
			}
		}
		return
	}
	explainCaps(standings, groups, out)
	counts := map[string]int{}
	totals := map[string]int{}
	for i, o := range out {
		totals[units[i].kind]++
		if o.taken {
			counts[units[i].kind]++
		}
	}
	for _, k := range cs.minOrder {
		need := cs.min[k]
		if counts[k] >= need {
			continue
		}
		msg := "未能满足“" + cs.label[k+">"] + "”（应有 " + strconv.Itoa(need) + " 个）：拟推荐名单中只有 " + strconv.Itoa(counts[k]) + " 个"
		if totals[k] < need {
			msg += "，参与排名的" + cs.names[k] + "共 " + strconv.Itoa(totals[k]) + " 个"
		} else {
			msg += "，其余" + cs.names[k] + "受其他上限所限或名次在名额之外"
		}
		r.Unmet = append(r.Unmet, msg+"；名单按名次产生，未作调整。")
	}
}

// explainCaps adds to each unit a cap passed over why, and which unit took
// its place (the next 拟推荐 unit below it not already named for an earlier
// one), and to each unit in a tie across a cap's limit the cap and the
// units it is tied with.
func explainCaps(standings []Standing, groups [][2]int, out []fillOutcome) {
	var waiting []int
	for i := range out {
		st := &standings[i]
		switch {
		case st.SkippedBy != "":
			waiting = append(waiting, i)
		case st.Recommended && len(waiting) > 0:
			w := waiting[0]
			waiting = waiting[1:]
			standings[w].Explanation.Steps = append(standings[w].Explanation.Steps,
				out[w].note+"，不列入拟推荐名单；其名额由"+st.Unit.Name+"（第 "+strconv.Itoa(st.Rank)+" 名）递补。")
		}
	}
	for _, i := range waiting {
		w := &standings[i]
		w.Explanation.Steps = append(w.Explanation.Steps, out[i].note+"，不列入拟推荐名单；其后没有可递补的单位。")
	}
	for _, g := range groups {
		for i := g[0]; i < g[1]; i++ {
			st := &standings[i]
			if !st.NeedsDecision || st.CapTie == "" {
				continue
			}
			var others []string
			for j := g[0]; j < g[1]; j++ {
				if j != i && standings[j].NeedsDecision {
					others = append(others, standings[j].Unit.Name)
				}
			}
			st.Explanation.Steps = append(st.Explanation.Steps, "与"+strings.Join(others, "、")+"同分并列第 "+strconv.Itoa(st.Rank)+
				" 名，受“"+st.CapTie+"”所限不能都列入拟推荐名单，须由评委会决定。")
		}
	}
}
