package dossier

import (
	"strconv"
	"strings"
)

// LineStatus says what became of one evaluator's scores of a unit.
type LineStatus int

// What can become of an evaluator's scores of a unit.
const (
	Kept               LineStatus = iota // counted in the final score
	DroppedHigh                          // valid, dropped as the highest total
	DroppedLow                           // valid, dropped as the lowest total
	ExcludedConflict                     // not counted: 回避
	ExcludedIncomplete                   // not counted: a category has no score
)

// Label is the Chinese wording of the status, as printed in score boxes.
func (s LineStatus) Label() string {
	switch s {
	case Kept:
		return "计入"
	case DroppedHigh:
		return "去掉最高分"
	case DroppedLow:
		return "去掉最低分"
	case ExcludedConflict:
		return "回避，不计"
	case ExcludedIncomplete:
		return "不完整，不计"
	}
	return ""
}

// Short is the status in a narrow cell, as the Excel score matrix writes it:
// the excluded statuses without their "，不计".
func (s LineStatus) Short() string {
	switch s {
	case ExcludedConflict:
		return "回避"
	case ExcludedIncomplete:
		return "不完整"
	}
	return s.Label()
}

// Valid reports whether the total is one of the unit's valid totals.
func (s LineStatus) Valid() bool { return s <= DroppedLow }

// Line is one evaluator's scores of one unit, as the explanation shows them.
type Line struct {
	Evaluator Evaluator
	Scores    []Tenths // per category, in campaign order
	Has       []bool   // whether Scores[i] was given
	Total     Tenths   // sum of the given scores
	Status    LineStatus
	Reason    string // why excluded, in Chinese
	Comment   string
}

// Explanation is how a unit's final score came about.
type Explanation struct {
	Lines   []Line // every evaluator, in list order
	Valid   int    // number of valid totals
	Trimmed bool   // highest and lowest dropped
	Kept    Mean   // the final score
	Steps   []string
}

// Standing is one unit's place in the ranking.
type Standing struct {
	Unit *Unit
	// Rank is the competition rank (1, 2, 2, 4); 0 when the unit is not ranked.
	Rank int
	// Tie is set when the unit shares its rank with another (并列).
	Tie bool
	// Recommended is 拟推荐 by the quota rule.
	Recommended bool
	// NeedsDecision marks a tie group straddling the cut line.
	NeedsDecision bool
	// Decision is the committee's recorded decision for such a unit, if any.
	Decision *Decision
	// Total is the final score; Total.N is the number of kept totals.
	Total Mean
	// Categories are the per-category figures over the same kept evaluators.
	Categories  []Mean
	Explanation Explanation
	// Unranked says why a unit has no rank ("" when it has one).
	Unranked string
	// SkippedBy is the label of the declared quota cap that kept the unit
	// off the list although its rank would have put it there (每个地市不超过 2
	// 个); "" when no cap did. For a unit in a tie across a cap's limit
	// (NeedsDecision), CapTie is that cap's label.
	SkippedBy string
	CapTie    string
}

// Listed reports whether the unit belongs on the 公示名单: recommended by
// the rule, or put there by the committee's decision on a straddling tie.
func (s Standing) Listed() bool {
	v := s.Verdict()
	return v == VerdictRecommended || v == VerdictDecidedFor
}

// Ranking is the campaign's ranking, best first: ranked units, then units
// with no valid total, then withdrawn units.
type Ranking struct {
	Categories []Category
	Standings  []Standing
	Quota      int
	TrimMin    int
	// MinValid is the fewest valid totals a ranked unit has.
	MinValid int
	// CutAfter is the number of standings above the cut line: the last
	// 拟推荐 unit is standings[CutAfter-1]. Without caps every unit above
	// the line is 拟推荐 and a straddling tie group follows it, flagged;
	// with caps, units passed over by a cap (SkippedBy) and units in a tie
	// across a cap's limit may stand above it too.
	CutAfter int
	// Caps are the labels of the declared quota caps, in the order the
	// settings list them; Unmet says, in Chinese, each minimum the list
	// could not meet (never met by reordering).
	Caps  []string
	Unmet []string
}

// RecommendedCount is the number of 拟推荐 units (by the rule, before any
// committee decision).
func (r *Ranking) RecommendedCount() int {
	n := 0
	for i := range r.Standings {
		if r.Standings[i].Recommended {
			n++
		}
	}
	return n
}

// Rank applies the campaign's scoring rule (DESIGN.md "Scoring and ranking")
// to the book. It is a pure function: the same book gives the same ranking.
func Rank(b *Book) *Ranking {
	trimMin := b.Campaign.TrimMin
	if trimMin < MinTrimMin {
		trimMin = DefaultTrimMin
	}
	minValid := max(1, b.Campaign.MinValid)
	r := &Ranking{Categories: b.Categories, Quota: b.Campaign.Quota, TrimMin: trimMin, MinValid: minValid}
	catIndex := make(map[string]int, len(b.Categories))
	for i, c := range b.Categories {
		catIndex[c.ID] = i
	}
	evIndex := make(map[string]int, len(b.Evaluators))
	for i, e := range b.Evaluators {
		evIndex[e.ID] = i
	}
	unitIndex := make(map[string]int, len(b.Units))
	for i, u := range b.Units {
		unitIndex[u.ID] = i
	}
	nc, ne := len(b.Categories), len(b.Evaluators)
	// grid[unit][evaluator*nc+category]
	type cell struct {
		v   Tenths
		has bool
	}
	grid := make([][]cell, len(b.Units))
	// Scores usually come grouped by unit and evaluator: remember the last
	// lookups rather than hashing every ID again.
	var lastU, lastE string
	ui, ei := -1, -1
	for _, s := range b.Scores {
		if s.UnitID != lastU || ui < 0 {
			var ok bool
			if ui, ok = unitIndex[s.UnitID]; !ok {
				ui = -1
			}
			lastU = s.UnitID
		}
		if s.EvaluatorID != lastE || ei < 0 {
			var ok bool
			if ei, ok = evIndex[s.EvaluatorID]; !ok {
				ei = -1
			}
			lastE = s.EvaluatorID
		}
		ci, ok := catIndex[s.CategoryID]
		if ui < 0 || ei < 0 || !ok {
			continue
		}
		if grid[ui] == nil {
			grid[ui] = make([]cell, ne*nc)
		}
		grid[ui][ei*nc+ci] = cell{s.Value, true}
	}
	comments := map[[2]string]string{}
	for _, c := range b.Comments {
		comments[[2]string{c.EvaluatorID, c.UnitID}] = c.Text
	}
	overrides := map[[2]string]*ConflictOverride{}
	for i := range b.Overrides {
		o := &b.Overrides[i]
		overrides[[2]string{o.EvaluatorID, o.UnitID}] = o
	}
	decisions := map[string]*Decision{}
	for i := range b.Decisions {
		decisions[b.Decisions[i].UnitID] = &b.Decisions[i]
	}

	standings := make([]Standing, len(b.Units))
	for ui := range b.Units {
		u := &b.Units[ui]
		st := Standing{Unit: u, Categories: make([]Mean, nc)}
		lines := make([]Line, ne)
		valid := make([]int, 0, ne)
		scores, has := make([]Tenths, ne*nc), make([]bool, ne*nc) // one backing array per unit
		for ei := range b.Evaluators {
			e := &b.Evaluators[ei]
			ln := Line{Evaluator: *e, Scores: scores[ei*nc : (ei+1)*nc : (ei+1)*nc], Has: has[ei*nc : (ei+1)*nc : (ei+1)*nc]}
			if len(comments) > 0 {
				ln.Comment = comments[[2]string{e.ID, u.ID}]
			}
			var missing []string
			for ci := range b.Categories {
				if grid[ui] != nil && grid[ui][ei*nc+ci].has {
					ln.Scores[ci] = grid[ui][ei*nc+ci].v
					ln.Has[ci] = true
					ln.Total += ln.Scores[ci]
				} else {
					missing = append(missing, b.Categories[ci].Name)
				}
			}
			var o *ConflictOverride
			if len(overrides) > 0 {
				o = overrides[[2]string{e.ID, u.ID}]
			}
			conflict := conflictReason(o, e, u)
			switch {
			case conflict != "":
				ln.Status, ln.Reason = ExcludedConflict, "回避（"+conflict+"）"
			case nc == 0 || len(missing) == nc:
				ln.Status, ln.Reason = ExcludedIncomplete, "未评分"
			case len(missing) > 0:
				ln.Status, ln.Reason = ExcludedIncomplete, "评分不完整（缺少"+strings.Join(missing, "、")+"）"
			default:
				ln.Status = Kept
				valid = append(valid, ei)
			}
			lines[ei] = ln
		}
		ex := Explanation{Lines: lines, Valid: len(valid)}
		if len(valid) >= trimMin {
			ex.Trimmed = true
			hi, lo := -1, -1
			for _, ei := range valid { // evaluator order: the first of equal totals is dropped
				if hi < 0 || lines[ei].Total > lines[hi].Total {
					hi = ei
				}
			}
			lines[hi].Status = DroppedHigh
			for _, ei := range valid {
				if ei != hi && (lo < 0 || lines[ei].Total < lines[lo].Total) {
					lo = ei
				}
			}
			lines[lo].Status = DroppedLow
		}
		for _, ei := range valid {
			if lines[ei].Status != Kept {
				continue
			}
			st.Total.Sum += lines[ei].Total
			st.Total.N++
			for ci := range b.Categories {
				st.Categories[ci].Sum += lines[ei].Scores[ci]
				st.Categories[ci].N++
			}
		}
		ex.Kept = st.Total
		ex.Steps = explainSteps(lines, valid, trimMin, st.Total)
		st.Explanation = ex
		switch {
		case u.Status == StatusWithdrawn:
			st.Unranked = "已撤回，不参与排名"
		case !st.Total.Valid():
			st.Unranked = "无有效评分，不参与排名"
		case ex.Valid < minValid:
			st.Unranked = "有效评分仅 " + strconv.Itoa(ex.Valid) + " 份，少于本活动要求的 " + strconv.Itoa(minValid) + " 份，不参与排名"
			st.Explanation.Steps = append(st.Explanation.Steps, st.Unranked+"。")
		}
		standings[ui] = st
	}

	tie, groups := order(standings, b, catIndex)
	judge(r, &b.Campaign, standings, groups, decisions)
	explainTies(standings, b.Categories, tie)
	r.Standings = standings
	return r
}

// explainSteps writes the arithmetic of a unit's final score in Chinese.
// It runs for every unit on every ranking, so it avoids fmt.
func explainSteps(lines []Line, valid []int, trimMin int, kept Mean) []string {
	var steps []string
	for _, ln := range lines {
		if !ln.Status.Valid() {
			steps = append(steps, ln.Evaluator.Name+"："+ln.Reason+"，不计入。")
		}
	}
	if len(valid) == 0 {
		return append(steps, "无有效总分，不参与排名。")
	}
	var sb strings.Builder
	sb.Grow(32 * len(valid))
	sb.WriteString("有效总分 ")
	sb.WriteString(strconv.Itoa(len(valid)))
	sb.WriteString(" 份：")
	for i, ei := range valid {
		if i > 0 {
			sb.WriteString("，")
		}
		sb.WriteString(lines[ei].Evaluator.Name)
		sb.WriteByte(' ')
		sb.WriteString(lines[ei].Total.String())
	}
	sb.WriteString("。")
	steps = append(steps, sb.String())
	n := strconv.Itoa(trimMin)
	if len(valid) >= trimMin {
		var hi, lo *Line
		for _, ei := range valid {
			switch lines[ei].Status {
			case DroppedHigh:
				hi = &lines[ei]
			case DroppedLow:
				lo = &lines[ei]
			}
		}
		steps = append(steps, "有效总分达到 "+n+" 份，去掉一个最高分 "+hi.Total.String()+"（"+hi.Evaluator.Name+
			"）和一个最低分 "+lo.Total.String()+"（"+lo.Evaluator.Name+"）。")
	} else {
		steps = append(steps, "有效总分不足 "+n+" 份，不去掉最高分和最低分。")
	}
	k := strconv.Itoa(kept.N)
	return append(steps, "其余 "+k+" 份合计 "+kept.Sum.String()+"，平均 "+kept.Sum.String()+" ÷ "+k+" = "+kept.String()+" 分。")
}
