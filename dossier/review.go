package dossier

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
)

// DefaultOutlierPct is the default 畸高畸低 threshold, in percent of the full mark.
const DefaultOutlierPct = 15

// Flag kinds of 复核 (财政部令第87号 第六十四条 and DESIGN.md "Trust and review"),
// in the order the review lists them.
const (
	FlagOutlier    = "outlier"    // 畸高畸低
	FlagUniform    = "uniform"    // 雷同
	FlagConflict   = "conflict"   // 回避仍评分
	FlagIncomplete = "incomplete" // 评分不完整
	FlagTooFew     = "too_few"    // 有效评分不足
	FlagUnstable   = "unstable"   // 排名不稳
)

var flagLabels = map[string]string{
	FlagOutlier: "畸高畸低", FlagUniform: "雷同", FlagConflict: "回避仍评分",
	FlagIncomplete: "评分不完整", FlagTooFew: "有效评分不足", FlagUnstable: "排名不稳",
}

var flagOrder = map[string]int{FlagOutlier: 0, FlagUniform: 1, FlagConflict: 2, FlagIncomplete: 3, FlagTooFew: 4, FlagUnstable: 5}

// FlagLabel is the Chinese name of a flag kind.
func FlagLabel(kind string) string { return flagLabels[kind] }

// Flag is one 复核 flag. It never changes a score or a rank; it is resolved
// by recording who reviewed it and what they decided.
type Flag struct {
	// ID is stable: derived from the kind and the IDs of the unit and the
	// evaluator concerned, so a rename or a new score elsewhere keeps it,
	// and a resolution stays attached.
	ID        string
	Kind      string
	UnitID    string // "" for a flag about an evaluator alone (雷同)
	UnitCode  string
	UnitName  string
	Evaluator string // "" for a flag about a unit alone (排名不稳)
	Detail    string // Chinese
	Resolved  *Resolution
}

// Resolution is a reviewer's record on a flag.
type Resolution struct {
	FlagID string
	By     string
	Note   string
	At     string
}

func flagID(kind, unitID, evaluatorID string) string {
	sum := sha256.Sum256([]byte(kind + "\x00" + unitID + "\x00" + evaluatorID))
	return kind + "-" + hex.EncodeToString(sum[:4])
}

// ReviewFlags lists the 复核 flags of ranking r of book b: stab from
// Stabilities, outlierPct the 畸高畸低 threshold in percent of the full mark
// (the sum of the category maxima), resolutions by flag ID.
func ReviewFlags(b *Book, r *Ranking, stab map[string]*Stability, outlierPct int, resolutions map[string]Resolution) []Flag {
	if outlierPct <= 0 {
		outlierPct = DefaultOutlierPct
	}
	var full int64
	for _, c := range b.Categories {
		full += int64(c.Max)
	}
	var out []Flag
	add := func(f Flag, unit *Unit, evID string) {
		if unit != nil {
			f.UnitID, f.UnitCode, f.UnitName = unit.ID, unit.Code, unit.Name
		}
		f.ID = flagID(f.Kind, f.UnitID, evID)
		if res, ok := resolutions[f.ID]; ok {
			f.Resolved = &res
		}
		out = append(out, f)
	}
	type evTotals struct {
		first Tenths
		n     int
		same  bool
	}
	uniform := make([]evTotals, len(b.Evaluators))
	for i := range uniform {
		uniform[i].same = true
	}
	for si := range r.Standings {
		s := &r.Standings[si]
		if s.Unit.Status == StatusWithdrawn {
			continue
		}
		var valid []int
		var sum int64
		for ei, ln := range s.Explanation.Lines {
			given := false
			for _, h := range ln.Has {
				given = given || h
			}
			switch {
			case ln.Status.Valid():
				valid = append(valid, ei)
				sum += int64(ln.Total)
				if u := &uniform[ei]; u.n == 0 {
					u.first, u.n = ln.Total, 1
				} else {
					u.n++
					u.same = u.same && u.first == ln.Total
				}
			case ln.Status == ExcludedConflict && given:
				add(Flag{Kind: FlagConflict, Evaluator: ln.Evaluator.Name,
					Detail: "评委“" + ln.Evaluator.Name + "”须" + ln.Reason + "，仍有评分（已按规则不计）"}, s.Unit, ln.Evaluator.ID)
			case ln.Status == ExcludedIncomplete && given:
				add(Flag{Kind: FlagIncomplete, Evaluator: ln.Evaluator.Name,
					Detail: "评委“" + ln.Evaluator.Name + "”" + ln.Reason + "，该份评分不计"}, s.Unit, ln.Evaluator.ID)
			}
		}
		if n := int64(len(valid)); n >= 2 && full > 0 {
			for _, ei := range valid {
				ln := &s.Explanation.Lines[ei]
				// |total − mean(others)| > pct% × full, in integers:
				// |total·(n−1) − others| · 100 > pct · full · (n−1).
				others := sum - int64(ln.Total)
				d := int64(ln.Total)*(n-1) - others
				if d < 0 {
					d = -d
				}
				if d*100 > int64(outlierPct)*full*(n-1) {
					mean := Mean{Sum: Tenths(others), N: int(n - 1)}
					word := "高于"
					if int64(ln.Total)*(n-1) < others {
						word = "低于"
					}
					add(Flag{Kind: FlagOutlier, Evaluator: ln.Evaluator.Name,
						Detail: "评委“" + ln.Evaluator.Name + "”总分 " + ln.Total.String() + "，" + word + "其余 " + strconv.FormatInt(n-1, 10) +
							" 份有效总分的平均 " + mean.String() + "，相差超过满分 " + Tenths(full).Short() + " 的 " + strconv.Itoa(outlierPct) + "%"},
						s.Unit, ln.Evaluator.ID)
				}
			}
		}
		if n := len(valid); n > 0 && n < r.MinValid {
			add(Flag{Kind: FlagTooFew, Detail: "有效评分仅 " + strconv.Itoa(n) + " 份，少于本活动要求的 " + strconv.Itoa(r.MinValid) + " 份，未参与排名"}, s.Unit, "")
		}
		if st := stab[s.Unit.ID]; st != nil && !st.Stable && s.Rank > 0 {
			which := "中任一位"
			if len(st.Flips) == 1 {
				which = ""
			}
			add(Flag{Kind: FlagUnstable, Detail: "去掉评委" + joinNames(st.Flips) + which + "的评分后，推荐结果会改变"}, s.Unit, "")
		}
	}
	for ei, u := range uniform {
		if u.n >= 3 && u.same {
			e := &b.Evaluators[ei]
			add(Flag{Kind: FlagUniform, Evaluator: e.Name,
				Detail: "评委“" + e.Name + "”给所评 " + strconv.Itoa(u.n) + " 个单位的总分均为 " + u.first.String()}, nil, e.ID)
		}
	}
	evPos := map[string]int{}
	for i, e := range b.Evaluators {
		evPos[e.Name] = i
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, c := out[i], out[j]
		if a.Kind != c.Kind {
			return flagOrder[a.Kind] < flagOrder[c.Kind]
		}
		if a.UnitCode != c.UnitCode {
			return a.UnitCode < c.UnitCode
		}
		return evPos[a.Evaluator] < evPos[c.Evaluator]
	})
	return out
}

func joinNames(names []string) string {
	s := ""
	for i, n := range names {
		if i > 0 {
			s += "、"
		}
		s += "“" + n + "”"
	}
	return s
}
