package dossier

import (
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Scores in these tests are written in tenths of a point (185 is 18.5), the
// arithmetic of each expected value in a comment beside it.

var testCategoryNames = []string{"优化扩充工程", "增效创优工程", "改革攻坚工程", "队伍提升工程", "惠民暖心工程"}

// blank marks a category an evaluator left without a score.
const blank Tenths = -1

func evID(name string) string   { return "e-" + name }
func unitID(code string) string { return "u-" + code }

// newTestBook returns a campaign with one category per maximum (in points),
// with IDs c1, c2…
func newTestBook(trimMin, quota int, maxes ...int) *Book {
	b := &Book{Campaign: Campaign{ID: "camp", Title: "测试评选", Date: "2024-06-01", Quota: quota, TrimMin: trimMin}}
	for i, m := range maxes {
		b.Categories = append(b.Categories, Category{
			ID: fmt.Sprintf("c%d", i+1), Name: testCategoryNames[i], Max: Points(m), Position: i,
		})
	}
	return b
}

// addEvaluators appends plain evaluators (no region, no affiliation) in list order.
func addEvaluators(b *Book, names ...string) {
	for _, n := range names {
		addEvaluator(b, Evaluator{Name: n})
	}
}

func addEvaluator(b *Book, e Evaluator) {
	e.ID = evID(e.Name)
	e.Position = len(b.Evaluators)
	b.Evaluators = append(b.Evaluators, e)
}

// addUnit appends u, defaulting its ID, name and status.
func addUnit(b *Book, u Unit) {
	u.ID = unitID(u.Code)
	if u.Name == "" {
		u.Name = u.Code + "单位"
	}
	if u.Status == "" {
		u.Status = StatusAccepted
	}
	b.Units = append(b.Units, u)
}

// setScores records evaluator ev's scores of unit code, one per category in
// campaign order; blank leaves that category without a score.
func setScores(b *Book, code, ev string, vals ...Tenths) {
	for i, v := range vals {
		if v == blank {
			continue
		}
		b.Scores = append(b.Scores, Score{EvaluatorID: evID(ev), UnitID: unitID(code), CategoryID: b.Categories[i].ID, Value: v})
	}
}

func standingOf(t *testing.T, r *Ranking, code string) *Standing {
	t.Helper()
	for i := range r.Standings {
		if r.Standings[i].Unit.Code == code {
			return &r.Standings[i]
		}
	}
	t.Fatalf("no standing for unit %s", code)
	return nil
}

func lineStatuses(st *Standing) []LineStatus {
	var out []LineStatus
	for _, ln := range st.Explanation.Lines {
		out = append(out, ln.Status)
	}
	return out
}

// placed is what the ranking table shows of a unit's place.
type placed struct {
	Code          string
	Rank          int
	Tie           bool
	Recommended   bool
	NeedsDecision bool
}

func (p placed) String() string {
	s := fmt.Sprintf("%s #%d", p.Code, p.Rank)
	if p.Tie {
		s += " 并列"
	}
	if p.Recommended {
		s += " 拟推荐"
	}
	if p.NeedsDecision {
		s += " 待决定"
	}
	return s
}

func placements(r *Ranking) []placed {
	var out []placed
	for _, s := range r.Standings {
		out = append(out, placed{s.Unit.Code, s.Rank, s.Tie, s.Recommended, s.NeedsDecision})
	}
	return out
}

// checkInvariants asserts what must hold of every ranking: per-category means
// use the same kept evaluators and add up exactly to the total; the counts in
// the explanation agree; ranked units come first, in non-decreasing rank;
// CutAfter counts the recommended units.
func checkInvariants(t *testing.T, r *Ranking) {
	t.Helper()
	rec, seenUnranked, lastRank := 0, false, 0
	for _, s := range r.Standings {
		code := s.Unit.Code
		var sum Tenths
		for ci, m := range s.Categories {
			if m.N != s.Total.N {
				t.Errorf("%s: category %d mean over %d evaluators, total over %d", code, ci, m.N, s.Total.N)
			}
			sum += m.Sum
		}
		if sum != s.Total.Sum {
			t.Errorf("%s: category sums add up to %d tenths, total is %d", code, sum, s.Total.Sum)
		}
		if s.Explanation.Kept != s.Total {
			t.Errorf("%s: Explanation.Kept %+v, Total %+v", code, s.Explanation.Kept, s.Total)
		}
		kept, valid := 0, 0
		for _, ln := range s.Explanation.Lines {
			if ln.Status == Kept {
				kept++
			}
			if ln.Status.Valid() {
				valid++
			}
		}
		if kept != s.Total.N || valid != s.Explanation.Valid {
			t.Errorf("%s: %d kept lines / %d valid, Total.N %d / Valid %d", code, kept, valid, s.Total.N, s.Explanation.Valid)
		}
		if s.Rank == 0 {
			seenUnranked = true
			if s.Unranked == "" || s.Recommended || s.NeedsDecision || s.Tie {
				t.Errorf("%s: unranked standing %+v", code, s)
			}
		} else {
			if seenUnranked {
				t.Errorf("%s: ranked %d after an unranked unit", code, s.Rank)
			}
			if s.Rank < lastRank {
				t.Errorf("%s: rank %d after rank %d", code, s.Rank, lastRank)
			}
			lastRank = s.Rank
		}
		if s.Recommended {
			rec++
		}
	}
	if r.CutAfter != rec {
		t.Errorf("CutAfter %d, %d units recommended", r.CutAfter, rec)
	}
}

// TestRankFinalScore covers rule 2 (drop one highest and one lowest total from
// at least N valid totals, else average all), rule 1 (incomplete sets and
// unscored evaluators excluded) and rule 3's display rounding, one unit each.
func TestRankFinalScore(t *testing.T) {
	tests := []struct {
		name        string
		trimMin     int
		maxes       []int
		evaluators  []string
		rows        [][]Tenths // per evaluator in list order; nil: no score at all
		extra       []Score
		wantTrimMin int
		wantValid   int
		wantTrimmed bool
		wantStatus  []LineStatus
		want        Mean
		wantCats    []Mean
		wantShow    string
		wantCatShow []string
	}{
		{
			name:    "fewer than N: average all",
			trimMin: 5, maxes: []int{40, 30, 30},
			evaluators: []string{"甲", "乙", "丙", "丁"},
			rows: [][]Tenths{
				{355, 270, 285}, // 35.5+27.0+28.5 = 91.0
				{300, 255, 200}, // 30.0+25.5+20.0 = 75.5
				{380, 290, 295}, // 38.0+29.0+29.5 = 96.5
				{320, 260, 240}, // 32.0+26.0+24.0 = 82.0
			},
			wantTrimMin: 5, wantValid: 4, wantTrimmed: false,
			wantStatus: []LineStatus{Kept, Kept, Kept, Kept},
			// 4 < 5: (910+755+965+820)/4 = 3450/4 = 862.5 tenths = 86.25
			want: Mean{3450, 4}, wantShow: "86.25",
			// c1 (355+300+380+320)/4 = 1355/4 = 33.875 → 33.88
			// c2 (270+255+290+260)/4 = 1075/4 = 26.875 → 26.88
			// c3 (285+200+295+240)/4 = 1020/4 = 25.5   → 25.50
			// exact: 1355+1075+1020 = 3450 (the rounded 33.88+26.88+25.50 = 86.26 need not)
			wantCats:    []Mean{{1355, 4}, {1075, 4}, {1020, 4}},
			wantCatShow: []string{"33.88", "26.88", "25.50"},
		},
		{
			name:    "exactly N: drop highest and lowest",
			trimMin: 5, maxes: []int{50, 50},
			evaluators: []string{"甲", "乙", "丙", "丁", "戊"},
			rows: [][]Tenths{
				{450, 400}, // 85.0
				{485, 440}, // 92.5 highest
				{300, 355}, // 65.5 lowest
				{420, 415}, // 83.5
				{405, 430}, // 83.5
			},
			wantTrimMin: 5, wantValid: 5, wantTrimmed: true,
			wantStatus: []LineStatus{Kept, DroppedHigh, DroppedLow, Kept, Kept},
			// (850+835+835)/3 = 2520/3 = 840 tenths = 84.00
			want: Mean{2520, 3}, wantShow: "84.00",
			// c1 (450+420+405)/3 = 1275/3 = 42.50; c2 (400+415+430)/3 = 1245/3 = 41.50
			wantCats:    []Mean{{1275, 3}, {1245, 3}},
			wantCatShow: []string{"42.50", "41.50"},
		},
		{
			name:    "TrimMin 0 means the default 5",
			trimMin: 0, maxes: []int{50, 50},
			evaluators: []string{"甲", "乙", "丙", "丁", "戊"},
			rows:       [][]Tenths{{450, 400}, {485, 440}, {300, 355}, {420, 415}, {405, 430}},
			// same as "exactly N": 5 ≥ 5, drop 乙 92.5 and 丙 65.5, 2520/3 = 84.00
			wantTrimMin: 5, wantValid: 5, wantTrimmed: true,
			wantStatus: []LineStatus{Kept, DroppedHigh, DroppedLow, Kept, Kept},
			want:       Mean{2520, 3}, wantShow: "84.00",
			wantCats: []Mean{{1275, 3}, {1245, 3}},
		},
		{
			name:    "TrimMin 6 with 5 totals: average all",
			trimMin: 6, maxes: []int{50, 50},
			evaluators: []string{"甲", "乙", "丙", "丁", "戊"},
			rows:       [][]Tenths{{450, 400}, {485, 440}, {300, 355}, {420, 415}, {405, 430}},
			// 5 < 6: (850+925+655+835+835)/5 = 4100/5 = 820 tenths = 82.00
			wantTrimMin: 6, wantValid: 5, wantTrimmed: false,
			wantStatus: []LineStatus{Kept, Kept, Kept, Kept, Kept},
			want:       Mean{4100, 5}, wantShow: "82.00",
			// c1 (450+485+300+420+405)/5 = 2060/5 = 41.20; c2 (400+440+355+415+430)/5 = 2040/5 = 40.80
			wantCats:    []Mean{{2060, 5}, {2040, 5}},
			wantCatShow: []string{"41.20", "40.80"},
		},
		{
			name:    "more than N (TrimMin 3): drop highest and lowest",
			trimMin: 3, maxes: []int{20, 20, 20},
			evaluators: []string{"甲", "乙", "丙", "丁"},
			rows: [][]Tenths{
				{185, 190, 175}, // 55.0
				{200, 195, 190}, // 58.5 highest
				{150, 165, 140}, // 45.5 lowest
				{170, 180, 165}, // 51.5
			},
			wantTrimMin: 3, wantValid: 4, wantTrimmed: true,
			wantStatus: []LineStatus{Kept, DroppedHigh, DroppedLow, Kept},
			// (550+515)/2 = 1065/2 = 532.5 tenths = 53.25
			want: Mean{1065, 2}, wantShow: "53.25",
			// c1 (185+170)/2 = 17.75; c2 (190+180)/2 = 18.50; c3 (175+165)/2 = 17.00
			wantCats:    []Mean{{355, 2}, {370, 2}, {340, 2}},
			wantCatShow: []string{"17.75", "18.50", "17.00"},
		},
		{
			name:    "exactly N = 3: one total left",
			trimMin: 3, maxes: []int{20, 20, 20},
			evaluators: []string{"甲", "乙", "丙"},
			rows:       [][]Tenths{{185, 190, 175}, {200, 195, 190}, {150, 165, 140}},
			// 55.0, 58.5 (dropped), 45.5 (dropped): 550/1 = 55.00
			wantTrimMin: 3, wantValid: 3, wantTrimmed: true,
			wantStatus: []LineStatus{Kept, DroppedHigh, DroppedLow},
			want:       Mean{550, 1}, wantShow: "55.00",
			wantCats: []Mean{{185, 1}, {190, 1}, {175, 1}},
		},
		{
			name:    "fewer than N = 3: average both",
			trimMin: 3, maxes: []int{20, 20, 20},
			evaluators: []string{"甲", "乙"},
			rows:       [][]Tenths{{185, 190, 175}, {200, 195, 190}},
			// (550+585)/2 = 1135/2 = 567.5 tenths = 56.75
			wantTrimMin: 3, wantValid: 2, wantTrimmed: false,
			wantStatus: []LineStatus{Kept, Kept},
			want:       Mean{1135, 2}, wantShow: "56.75",
			// c1 (185+200)/2 = 19.25; c2 (190+195)/2 = 19.25; c3 (175+190)/2 = 18.25
			wantCats:    []Mean{{385, 2}, {385, 2}, {365, 2}},
			wantCatShow: []string{"19.25", "19.25", "18.25"},
		},
		{
			name:    "incomplete set and unscored evaluator excluded",
			trimMin: 5, maxes: []int{30, 30, 40},
			evaluators: []string{"甲", "乙", "丙", "丁", "戊"},
			rows: [][]Tenths{
				{250, 260, 350},   // 86.0
				{280, 275, blank}, // no 改革攻坚工程 score: excluded (its score in a removed category does not count)
				nil,               // no score at all: excluded
				{240, 250, 330},   // 82.0
				{270, 280, 365},   // 91.5
			},
			extra: []Score{{EvaluatorID: evID("乙"), UnitID: unitID("A01"), CategoryID: "removed", Value: 100}},
			// 5 evaluators but 3 valid totals < 5: (860+820+915)/3 = 2595/3 = 865 tenths = 86.50
			wantTrimMin: 5, wantValid: 3, wantTrimmed: false,
			wantStatus: []LineStatus{Kept, ExcludedIncomplete, ExcludedIncomplete, Kept, Kept},
			want:       Mean{2595, 3}, wantShow: "86.50",
			// c1 (250+240+270)/3 = 760/3 = 25.333 → 25.33
			// c2 (260+250+280)/3 = 790/3 = 26.333 → 26.33
			// c3 (350+330+365)/3 = 1045/3 = 34.833 → 34.83
			wantCats:    []Mean{{760, 3}, {790, 3}, {1045, 3}},
			wantCatShow: []string{"25.33", "26.33", "34.83"},
		},
		{
			name:    "ties for highest and lowest: first in the list dropped",
			trimMin: 5, maxes: []int{50, 50},
			evaluators: []string{"甲", "乙", "丙", "丁", "戊", "己"},
			rows: [][]Tenths{
				{450, 450}, // 90.0
				{500, 450}, // 95.0 highest, first of two: dropped
				{300, 400}, // 70.0 lowest, first of two: dropped
				{450, 500}, // 95.0 highest, second: kept
				{400, 300}, // 70.0 lowest, second: kept
				{400, 400}, // 80.0
			},
			wantTrimMin: 5, wantValid: 6, wantTrimmed: true,
			wantStatus: []LineStatus{Kept, DroppedHigh, DroppedLow, Kept, Kept, Kept},
			// (900+950+700+800)/4 = 3350/4 = 837.5 tenths = 83.75
			want: Mean{3350, 4}, wantShow: "83.75",
			// c1 (450+450+400+400)/4 = 1700/4 = 42.50; c2 (450+500+300+400)/4 = 1650/4 = 41.25
			// (dropping 丁 and 戊 instead would give c1 (450+500+300+400)/4 = 41.25)
			wantCats:    []Mean{{1700, 4}, {1650, 4}},
			wantCatShow: []string{"42.50", "41.25"},
		},
		{
			name:    "all totals equal: first dropped as highest, second as lowest",
			trimMin: 5, maxes: []int{50, 50},
			evaluators: []string{"甲", "乙", "丙", "丁", "戊"},
			rows:       [][]Tenths{{400, 400}, {400, 400}, {400, 400}, {400, 400}, {400, 400}},
			// 800 each; 甲 is the first highest, 乙 the first lowest of the rest: 2400/3 = 80.00
			wantTrimMin: 5, wantValid: 5, wantTrimmed: true,
			wantStatus: []LineStatus{DroppedHigh, DroppedLow, Kept, Kept, Kept},
			want:       Mean{2400, 3}, wantShow: "80.00",
			wantCats: []Mean{{1200, 3}, {1200, 3}},
		},
		{
			name:    "display rounds half away from zero: 86.225 → 86.23",
			trimMin: 5, maxes: []int{50, 50},
			evaluators: []string{"甲", "乙", "丙", "丁"},
			rows: [][]Tenths{
				{431, 431}, // 86.2
				{432, 430}, // 86.2
				{430, 433}, // 86.3
				{431, 431}, // 86.2
			},
			// (862+862+863+862)/4 = 3449/4 = 862.25 tenths = 86.225 → 86.23
			wantTrimMin: 5, wantValid: 4,
			wantStatus: []LineStatus{Kept, Kept, Kept, Kept},
			want:       Mean{3449, 4}, wantShow: "86.23",
			// c1 (431+432+430+431)/4 = 1724/4 = 43.10; c2 (431+430+433+431)/4 = 1725/4 = 43.125 → 43.13
			wantCats:    []Mean{{1724, 4}, {1725, 4}},
			wantCatShow: []string{"43.10", "43.13"},
		},
		{
			name:    "five categories: 216.875 → 216.88",
			trimMin: 5, maxes: []int{50, 50, 50, 50, 50},
			evaluators: []string{"甲", "乙", "丙", "丁"},
			rows: [][]Tenths{
				{436, 433, 433, 433, 433}, // 436+4×433 = 2168
				{437, 433, 433, 433, 433}, // 2169
				{437, 433, 433, 433, 433}, // 2169
				{433, 434, 434, 434, 434}, // 433+4×434 = 2169
			},
			// (2168+3×2169)/4 = 8675/4 = 2168.75 tenths = 216.875 → 216.88
			wantTrimMin: 5, wantValid: 4,
			wantStatus: []LineStatus{Kept, Kept, Kept, Kept},
			want:       Mean{8675, 4}, wantShow: "216.88",
			// c1 (436+437+437+433)/4 = 1743/4 = 43.575 → 43.58; c2..c5 (433×3+434)/4 = 1733/4 = 43.325 → 43.33
			// exact: 1743 + 4×1733 = 8675
			wantCats:    []Mean{{1743, 4}, {1733, 4}, {1733, 4}, {1733, 4}, {1733, 4}},
			wantCatShow: []string{"43.58", "43.33", "43.33", "43.33", "43.33"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newTestBook(tt.trimMin, 1, tt.maxes...)
			addEvaluators(b, tt.evaluators...)
			addUnit(b, Unit{Code: "A01"})
			for i, row := range tt.rows {
				setScores(b, "A01", tt.evaluators[i], row...)
			}
			b.Scores = append(b.Scores, tt.extra...)

			r := Rank(b)
			checkInvariants(t, r)
			if r.TrimMin != tt.wantTrimMin {
				t.Errorf("TrimMin %d, want %d", r.TrimMin, tt.wantTrimMin)
			}
			st := standingOf(t, r, "A01")
			ex := st.Explanation
			if ex.Valid != tt.wantValid || ex.Trimmed != tt.wantTrimmed {
				t.Errorf("Valid %d Trimmed %v, want %d %v", ex.Valid, ex.Trimmed, tt.wantValid, tt.wantTrimmed)
			}
			if got := lineStatuses(st); !slices.Equal(got, tt.wantStatus) {
				t.Errorf("line statuses %v, want %v", got, tt.wantStatus)
			}
			if st.Total != tt.want {
				t.Errorf("Total %+v, want %+v", st.Total, tt.want)
			}
			if got := st.Total.String(); got != tt.wantShow {
				t.Errorf("Total shows %q, want %q", got, tt.wantShow)
			}
			if !slices.Equal(st.Categories, tt.wantCats) {
				t.Errorf("Categories %+v, want %+v", st.Categories, tt.wantCats)
			}
			if tt.wantCatShow != nil {
				var got []string
				for _, m := range st.Categories {
					got = append(got, m.String())
				}
				if !slices.Equal(got, tt.wantCatShow) {
					t.Errorf("Categories show %q, want %q", got, tt.wantCatShow)
				}
			}
			if st.Rank != 1 || st.Unranked != "" {
				t.Errorf("Rank %d Unranked %q, want 1 and \"\"", st.Rank, st.Unranked)
			}
		})
	}
}

// TestRankIncompleteLines checks what the explanation says of an incomplete
// set and of an evaluator with no score (the "incomplete" case above).
func TestRankIncompleteLines(t *testing.T) {
	b := newTestBook(5, 1, 30, 30, 40)
	addEvaluators(b, "甲", "乙", "丙")
	addUnit(b, Unit{Code: "A01"})
	setScores(b, "A01", "甲", 250, 260, 350)
	setScores(b, "A01", "乙", 280, 275, blank)
	r := Rank(b)
	checkInvariants(t, r)
	lines := standingOf(t, r, "A01").Explanation.Lines
	yi, bing := lines[1], lines[2]
	if yi.Status != ExcludedIncomplete || !strings.Contains(yi.Reason, "改革攻坚工程") {
		t.Errorf("乙: status %v reason %q, want ExcludedIncomplete naming 改革攻坚工程", yi.Status, yi.Reason)
	}
	// 28.0 + 27.5 = 55.5: the given scores are still shown.
	if yi.Total != 555 || !slices.Equal(yi.Has, []bool{true, true, false}) {
		t.Errorf("乙: Total %d Has %v, want 555 [true true false]", yi.Total, yi.Has)
	}
	if bing.Status != ExcludedIncomplete || bing.Reason == "" || slices.Contains(bing.Has, true) {
		t.Errorf("丙: status %v reason %q has %v, want ExcludedIncomplete, a reason, no scores", bing.Status, bing.Reason, bing.Has)
	}
	// Only 甲 counts: 86.0.
	if st := standingOf(t, r, "A01"); st.Total != (Mean{860, 1}) {
		t.Errorf("Total %+v, want {860 1}", st.Total)
	}
}

// TestRankConflicts covers 回避 in the ranking: by region (both ways), by
// affiliation equal to the unit's name or recommender, an empty region never
// matching, a manual conflict added and an automatic one lifted.
func TestRankConflicts(t *testing.T) {
	b := newTestBook(5, 1, 50, 50)
	for _, e := range []Evaluator{
		{Name: "甲", Region: "郑州市", Affiliation: "河南大学"},           // A01: region contains the unit's
		{Name: "乙", Region: "", Affiliation: "河南师范大学"},            // empty region: never a conflict
		{Name: "丙", Region: "郑州市金水区"},                             // A01: same region
		{Name: "丁", Region: "洛阳市", Affiliation: "郑州市金水区教育局"},      // A01: affiliation is the unit
		{Name: "戊", Region: "新乡市", Affiliation: "河南省教育厅"},         // A02: affiliation is the recommender
		{Name: "己", Region: "开封市"},                                // A02: same region, lifted by hand
		{Name: "庚", Region: "许昌市", Affiliation: "许昌学院"},           // A01: added by hand
		{Name: "辛", Region: "郑州市金水区文化路街道", Affiliation: "河南工业大学"}, // A03: the unit's region contains the evaluator's
	} {
		addEvaluator(b, e)
	}
	addUnit(b, Unit{Code: "A01", Name: "郑州市金水区教育局", Region: "郑州市金水区", Recommender: "郑州市教育局"})
	addUnit(b, Unit{Code: "A02", Name: "开封市教育局", Region: "开封市", Recommender: "河南省教育厅"})
	addUnit(b, Unit{Code: "A03", Name: "金水区某小学", Region: "郑州市金水区", Recommender: ""})
	b.Overrides = []ConflictOverride{
		{EvaluatorID: evID("庚"), UnitID: unitID("A01"), Conflict: true, Reason: "与该单位有合作项目"},
		{EvaluatorID: evID("己"), UnitID: unitID("A02"), Conflict: false, Reason: "已调离开封市"},
	}
	// A01
	setScores(b, "A01", "甲", 450, 450) // 90.0 回避
	setScores(b, "A01", "乙", 400, 385) // 78.5
	setScores(b, "A01", "丙", 500, 500) // 100.0 回避
	setScores(b, "A01", "丁", 490, 480) // 97.0 回避
	setScores(b, "A01", "戊", 350, 360) // 71.0
	setScores(b, "A01", "己", 420, 415) // 83.5
	setScores(b, "A01", "庚", 480, 475) // 95.5 回避 (manual)
	// 辛 has no score of A01 (and would be in conflict)
	// A02
	setScores(b, "A02", "甲", 440, 430) // 87.0
	setScores(b, "A02", "乙", 395, 400) // 79.5
	setScores(b, "A02", "丙", 460, 455) // 91.5
	setScores(b, "A02", "丁", 300, 325) // 62.5 lowest
	setScores(b, "A02", "戊", 500, 500) // 100.0 回避
	setScores(b, "A02", "己", 410, 420) // 83.0 (automatic conflict lifted)
	setScores(b, "A02", "庚", 475, 460) // 93.5 highest
	// 辛 has no score of A02
	// A03: only 辛 and 乙
	setScores(b, "A03", "辛", 500, 500) // 100.0 回避 (郑州市金水区 ⊂ 郑州市金水区文化路街道)
	setScores(b, "A03", "乙", 300, 300) // 60.0

	r := Rank(b)
	checkInvariants(t, r)

	tests := []struct {
		code       string
		wantStatus []LineStatus
		want       Mean
		wantCats   []Mean
		wantShow   string
	}{
		{
			code: "A01",
			//                        甲                乙     丙                丁                戊     己     庚                辛
			wantStatus: []LineStatus{ExcludedConflict, Kept, ExcludedConflict, ExcludedConflict, Kept, Kept, ExcludedConflict, ExcludedConflict},
			// 3 valid < 5: (785+710+835)/3 = 2330/3 = 776.67 tenths → 77.67
			want: Mean{2330, 3}, wantShow: "77.67",
			// c1 (400+350+420)/3 = 1170/3 = 39.00; c2 (385+360+415)/3 = 1160/3 = 38.67
			wantCats: []Mean{{1170, 3}, {1160, 3}},
		},
		{
			code: "A02",
			//                        甲     乙     丙     丁          戊                己     庚           辛
			wantStatus: []LineStatus{Kept, Kept, Kept, DroppedLow, ExcludedConflict, Kept, DroppedHigh, ExcludedIncomplete},
			// 6 valid ≥ 5: drop 庚 93.5 and 丁 62.5: (870+795+915+830)/4 = 3410/4 = 852.5 tenths = 85.25
			want: Mean{3410, 4}, wantShow: "85.25",
			// c1 (440+395+460+410)/4 = 1705/4 = 42.625; c2 (430+400+455+420)/4 = 1705/4
			wantCats: []Mean{{1705, 4}, {1705, 4}},
		},
		{
			code: "A03",
			//                        甲                  乙     丙                  丁                  戊                  己                  庚                  辛
			wantStatus: []LineStatus{ExcludedConflict, Kept, ExcludedConflict, ExcludedIncomplete, ExcludedIncomplete, ExcludedIncomplete, ExcludedIncomplete, ExcludedConflict},
			// only 乙: 600/1 = 60.00
			want: Mean{600, 1}, wantShow: "60.00",
			wantCats: []Mean{{300, 1}, {300, 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			st := standingOf(t, r, tt.code)
			if got := lineStatuses(st); !slices.Equal(got, tt.wantStatus) {
				t.Errorf("line statuses %v, want %v", got, tt.wantStatus)
			}
			if st.Total != tt.want || st.Total.String() != tt.wantShow {
				t.Errorf("Total %+v (%s), want %+v (%s)", st.Total, st.Total, tt.want, tt.wantShow)
			}
			if !slices.Equal(st.Categories, tt.wantCats) {
				t.Errorf("Categories %+v, want %+v", st.Categories, tt.wantCats)
			}
			// The ranking agrees with Book.Conflict, pair by pair.
			u := b.UnitByCode(tt.code)
			for i, ln := range st.Explanation.Lines {
				reason := b.Conflict(&b.Evaluators[i], u)
				if (ln.Status == ExcludedConflict) != (reason != "") {
					t.Errorf("%s: status %v but Book.Conflict = %q", ln.Evaluator.Name, ln.Status, reason)
				}
				if ln.Status == ExcludedConflict && !strings.Contains(ln.Reason, "回避") {
					t.Errorf("%s: reason %q, want it to say 回避", ln.Evaluator.Name, ln.Reason)
				}
			}
		})
	}

	a01 := standingOf(t, r, "A01")
	if reason := a01.Explanation.Lines[6].Reason; !strings.Contains(reason, "与该单位有合作项目") {
		t.Errorf("庚 on A01: reason %q, want the recorded reason", reason)
	}
	steps := strings.Join(a01.Explanation.Steps, "\n")
	for _, want := range []string{"甲：回避", "丙：回避", "丁：回避", "庚：回避", "不去掉"} {
		if !strings.Contains(steps, want) {
			t.Errorf("A01 steps lack %q:\n%s", want, steps)
		}
	}
	a02 := strings.Join(standingOf(t, r, "A02").Explanation.Steps, "\n")
	// 庚 93.5 dropped as highest, 丁 62.5 as lowest; 3410/4 = 852.5 tenths.
	for _, want := range []string{"戊：回避", "去掉一个最高分 93.5（庚）和一个最低分 62.5（丁）", "平均 341.0 ÷ 4 = 85.25"} {
		if !strings.Contains(a02, want) {
			t.Errorf("A02 steps lack %q:\n%s", want, a02)
		}
	}
	// 85.25 > 77.67 > 60.00
	want := []placed{{"A02", 1, false, true, false}, {"A01", 2, false, false, false}, {"A03", 3, false, false, false}}
	if got := placements(r); !slices.Equal(got, want) {
		t.Errorf("placements %v, want %v", got, want)
	}
}

// TestRankExplanationSteps checks that the arithmetic is written out, naming
// the dropped evaluators.
func TestRankExplanationSteps(t *testing.T) {
	tests := []struct {
		name    string
		rows    [][]Tenths
		want    []string
		notWant []string
	}{
		{
			name: "trimmed",
			rows: [][]Tenths{{450, 400}, {485, 440}, {300, 355}, {420, 415}, {405, 430}},
			// 85.0, 92.5, 65.5, 83.5, 83.5: drop 乙 92.5 and 丙 65.5; 85.0+83.5+83.5 = 252.0; 252.0/3 = 84.00
			want: []string{
				"有效总分 5 份",
				"甲 85.0，乙 92.5，丙 65.5，丁 83.5，戊 83.5",
				"去掉一个最高分 92.5（乙）和一个最低分 65.5（丙）",
				"平均 252.0 ÷ 3 = 84.00",
			},
		},
		{
			name: "not trimmed",
			rows: [][]Tenths{{450, 400}, {485, 440}, nil, {420, 415}, {405, 430}},
			// 丙 no score; 4 < 5: 85.0+92.5+83.5+83.5 = 344.5; 344.5/4 = 86.125 → 86.13
			want:    []string{"丙：未评分", "有效总分 4 份", "不去掉", "平均 344.5 ÷ 4 = 86.13"},
			notWant: []string{"去掉一个最高分"},
		},
		{
			name:    "nothing valid",
			rows:    [][]Tenths{nil, nil, nil, nil, nil},
			want:    []string{"甲：未评分", "戊：未评分", "无有效总分"},
			notWant: []string{"平均"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newTestBook(5, 1, 50, 50)
			names := []string{"甲", "乙", "丙", "丁", "戊"}
			addEvaluators(b, names...)
			addUnit(b, Unit{Code: "A01"})
			for i, row := range tt.rows {
				setScores(b, "A01", names[i], row...)
			}
			r := Rank(b)
			checkInvariants(t, r)
			steps := strings.Join(standingOf(t, r, "A01").Explanation.Steps, "\n")
			for _, w := range tt.want {
				if !strings.Contains(steps, w) {
					t.Errorf("steps lack %q:\n%s", w, steps)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(steps, w) {
					t.Errorf("steps contain %q:\n%s", w, steps)
				}
			}
		})
	}
}

// tieBook has five units scored by two evaluators in three categories (max
// 40, 30, 30), never trimmed (2 < 5):
//
//	B01 甲 38.0+27.0+25.0 = 90.0, 乙 36.0+26.0+26.0 = 88.0: 178.0/2 = 89.00
//	B02 甲 35.0+25.0+25.0 = 85.0, 乙 35.0+25.0+25.0 = 85.0: 170.0/2 = 85.00; c1 35.0 c2 25.0 c3 25.0
//	B03 甲 34.0+26.0+20.0 = 80.0, 乙 36.0+26.0+28.0 = 90.0: 170.0/2 = 85.00; c1 35.0 c2 26.0 c3 24.0
//	B04 甲 37.0+24.0+25.0 = 86.0, 乙 35.0+25.0+24.0 = 84.0: 170.0/2 = 85.00; c1 36.0 c2 24.5 c3 24.5
//	B05 甲 30.0+20.0+20.0 = 70.0, 乙 32.0+24.0+24.0 = 80.0: 150.0/2 = 75.00
//
// The units are given out of code order, so that the order among tied units
// must come from the codes, not from the book.
func tieBook(quota int, tieBreak ...string) *Book {
	b := newTestBook(5, quota, 40, 30, 30)
	b.Campaign.TieBreak = tieBreak
	addEvaluators(b, "甲", "乙")
	for _, code := range []string{"B04", "B02", "B05", "B01", "B03"} {
		addUnit(b, Unit{Code: code})
	}
	setScores(b, "B01", "甲", 380, 270, 250)
	setScores(b, "B01", "乙", 360, 260, 260)
	setScores(b, "B02", "甲", 350, 250, 250)
	setScores(b, "B02", "乙", 350, 250, 250)
	setScores(b, "B03", "甲", 340, 260, 200)
	setScores(b, "B03", "乙", 360, 260, 280)
	setScores(b, "B04", "甲", 370, 240, 250)
	setScores(b, "B04", "乙", 350, 250, 240)
	setScores(b, "B05", "甲", 300, 200, 200)
	setScores(b, "B05", "乙", 320, 240, 240)
	return b
}

// TestRankTiesAndQuota covers rules 4 and 5: competition ranking, tie-breaks
// by named categories, order by code among still-equal units, and the quota
// with tie groups inside, outside and straddling the cut line.
func TestRankTiesAndQuota(t *testing.T) {
	const (
		T = true
		F = false
	)
	tests := []struct {
		name     string
		quota    int
		tieBreak []string
		want     []placed
		cutAfter int
	}{
		{
			name: "three-way tie: 1, 2, 2, 2, 5",
			// 89.00 > 85.00 = 85.00 = 85.00 > 75.00; tied units by code
			want: []placed{{"B01", 1, F, F, F}, {"B02", 2, T, F, F}, {"B03", 2, T, F, F}, {"B04", 2, T, F, F}, {"B05", 5, F, F, F}},
		},
		{
			name:     "unknown tie-break category is ignored",
			tieBreak: []string{"gone"},
			want:     []placed{{"B01", 1, F, F, F}, {"B02", 2, T, F, F}, {"B03", 2, T, F, F}, {"B04", 2, T, F, F}, {"B05", 5, F, F, F}},
		},
		{
			name:     "tie-break c1 splits the group, two still tied",
			tieBreak: []string{"c1"},
			// c1: B04 36.0 > B02 35.0 = B03 35.0
			want: []placed{{"B01", 1, F, F, F}, {"B04", 2, F, F, F}, {"B02", 3, T, F, F}, {"B03", 3, T, F, F}, {"B05", 5, F, F, F}},
		},
		{
			name:     "tie-break c1 then c2 breaks every tie",
			tieBreak: []string{"c1", "c2"},
			// c1: B04 36.0 first; c2: B03 26.0 > B02 25.0
			want: []placed{{"B01", 1, F, F, F}, {"B04", 2, F, F, F}, {"B03", 3, F, F, F}, {"B02", 4, F, F, F}, {"B05", 5, F, F, F}},
		},
		{
			name:     "tie-break c2",
			tieBreak: []string{"c2"},
			// c2: B03 26.0 > B02 25.0 > B04 24.5
			want: []placed{{"B01", 1, F, F, F}, {"B03", 2, F, F, F}, {"B02", 3, F, F, F}, {"B04", 4, F, F, F}, {"B05", 5, F, F, F}},
		},
		{
			name:     "tie-break c3",
			tieBreak: []string{"c3"},
			// c3: B02 25.0 > B04 24.5 > B03 24.0
			want: []placed{{"B01", 1, F, F, F}, {"B02", 2, F, F, F}, {"B04", 3, F, F, F}, {"B03", 4, F, F, F}, {"B05", 5, F, F, F}},
		},
		{
			name:  "quota 1: tie group wholly below the cut",
			quota: 1,
			want:  []placed{{"B01", 1, F, T, F}, {"B02", 2, T, F, F}, {"B03", 2, T, F, F}, {"B04", 2, T, F, F}, {"B05", 5, F, F, F}},
			// rank 2 > quota 1: the group is not flagged
			cutAfter: 1,
		},
		{
			name:  "quota 2: tie group straddles the cut",
			quota: 2,
			// ranks 2..4 across quota 2: none 拟推荐, all flagged
			want:     []placed{{"B01", 1, F, T, F}, {"B02", 2, T, F, T}, {"B03", 2, T, F, T}, {"B04", 2, T, F, T}, {"B05", 5, F, F, F}},
			cutAfter: 1,
		},
		{
			name:  "quota 3: tie group still straddles",
			quota: 3,
			// ranks 2..4 across quota 3
			want:     []placed{{"B01", 1, F, T, F}, {"B02", 2, T, F, T}, {"B03", 2, T, F, T}, {"B04", 2, T, F, T}, {"B05", 5, F, F, F}},
			cutAfter: 1,
		},
		{
			name:  "quota 4: tie group wholly within",
			quota: 4,
			// ranks 2..4 ≤ 4: all 拟推荐
			want:     []placed{{"B01", 1, F, T, F}, {"B02", 2, T, T, F}, {"B03", 2, T, T, F}, {"B04", 2, T, T, F}, {"B05", 5, F, F, F}},
			cutAfter: 4,
		},
		{
			name:     "quota 5: everyone",
			quota:    5,
			want:     []placed{{"B01", 1, F, T, F}, {"B02", 2, T, T, F}, {"B03", 2, T, T, F}, {"B04", 2, T, T, F}, {"B05", 5, F, T, F}},
			cutAfter: 5,
		},
		{
			name:     "quota 3 with tie-break c1: remaining pair straddles",
			quota:    3,
			tieBreak: []string{"c1"},
			// B02 = B03 at ranks 3..4 across quota 3
			want:     []placed{{"B01", 1, F, T, F}, {"B04", 2, F, T, F}, {"B02", 3, T, F, T}, {"B03", 3, T, F, T}, {"B05", 5, F, F, F}},
			cutAfter: 2,
		},
		{
			name:     "quota 4 with tie-break c1: remaining pair within",
			quota:    4,
			tieBreak: []string{"c1"},
			want:     []placed{{"B01", 1, F, T, F}, {"B04", 2, F, T, F}, {"B02", 3, T, T, F}, {"B03", 3, T, T, F}, {"B05", 5, F, F, F}},
			cutAfter: 4,
		},
		{
			name:     "quota 2 with tie-break c1: remaining pair below",
			quota:    2,
			tieBreak: []string{"c1"},
			want:     []placed{{"B01", 1, F, T, F}, {"B04", 2, F, T, F}, {"B02", 3, T, F, F}, {"B03", 3, T, F, F}, {"B05", 5, F, F, F}},
			cutAfter: 2,
		},
		{
			name:     "quota 3 with tie-breaks c1, c2: nothing to decide",
			quota:    3,
			tieBreak: []string{"c1", "c2"},
			want:     []placed{{"B01", 1, F, T, F}, {"B04", 2, F, T, F}, {"B03", 3, F, T, F}, {"B02", 4, F, F, F}, {"B05", 5, F, F, F}},
			cutAfter: 3,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Rank(tieBook(tt.quota, tt.tieBreak...))
			checkInvariants(t, r)
			if got := placements(r); !slices.Equal(got, tt.want) {
				t.Errorf("placements\n got %v\nwant %v", got, tt.want)
			}
			if r.CutAfter != tt.cutAfter || r.Quota != tt.quota {
				t.Errorf("CutAfter %d Quota %d, want %d %d", r.CutAfter, r.Quota, tt.cutAfter, tt.quota)
			}
			// Tie-breaks never change the final score itself.
			for code, want := range map[string]Mean{"B01": {1780, 2}, "B02": {1700, 2}, "B03": {1700, 2}, "B04": {1700, 2}, "B05": {1500, 2}} {
				if got := standingOf(t, r, code).Total; got != want {
					t.Errorf("%s Total %+v, want %+v", code, got, want)
				}
			}
		})
	}
}

// TestRankDecision checks Standing.Listed: a recorded decision puts one unit
// of a straddling tie group on the 公示名单; decisions elsewhere change nothing.
func TestRankDecision(t *testing.T) {
	b := tieBook(2) // B02, B03, B04 tie at rank 2 across quota 2
	b.Decisions = []Decision{
		{UnitID: unitID("B03"), Recommended: true, Reason: "评审委员会表决推荐"},
		{UnitID: unitID("B02"), Recommended: false, Reason: "评审委员会表决不推荐"},
		{UnitID: unitID("B05"), Recommended: true, Reason: "不在并列组中，不起作用"},
	}
	r := Rank(b)
	checkInvariants(t, r)
	tests := []struct {
		code         string
		listed       bool
		recommended  bool
		needs        bool
		wantDecision bool
	}{
		{"B01", true, true, false, false},   // rank 1 within quota 2
		{"B02", false, false, true, true},   // decided: not recommended
		{"B03", true, false, true, true},    // decided: recommended
		{"B04", false, false, true, false},  // no decision yet: stays off the list
		{"B05", false, false, false, false}, // decision on a unit outside a straddling group is ignored
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			st := standingOf(t, r, tt.code)
			if st.Listed() != tt.listed || st.Recommended != tt.recommended || st.NeedsDecision != tt.needs || (st.Decision != nil) != tt.wantDecision {
				t.Errorf("Listed %v Recommended %v NeedsDecision %v Decision %v; want %v %v %v %v",
					st.Listed(), st.Recommended, st.NeedsDecision, st.Decision, tt.listed, tt.recommended, tt.needs, tt.wantDecision)
			}
			if st.Decision != nil && st.Decision.UnitID != st.Unit.ID {
				t.Errorf("Decision for %s attached to %s", st.Decision.UnitID, st.Unit.ID)
			}
		})
	}
	if r.CutAfter != 1 {
		t.Errorf("CutAfter %d, want 1: a decision does not move the cut line", r.CutAfter)
	}
}

// TestRankUnranked checks that units with no valid total come after the
// ranked ones and withdrawn units come last, even with scores.
func TestRankUnranked(t *testing.T) {
	b := newTestBook(5, 3, 50, 50)
	addEvaluator(b, Evaluator{Name: "甲", Region: "洛阳市"})
	addEvaluators(b, "乙", "丙")
	addUnit(b, Unit{Code: "C01", Status: StatusWithdrawn}) // best scores, but withdrawn
	addUnit(b, Unit{Code: "C02"})
	addUnit(b, Unit{Code: "C03"})                        // no scores at all
	addUnit(b, Unit{Code: "C04", Region: "洛阳市"})         // only a conflicting and an incomplete set
	addUnit(b, Unit{Code: "C05", Status: StatusPending}) // 材料待补 is still ranked
	addUnit(b, Unit{Code: "C06", Status: StatusWithdrawn})
	setScores(b, "C01", "甲", 500, 500) // 100.0
	setScores(b, "C01", "乙", 500, 500)
	setScores(b, "C01", "丙", 500, 500)
	setScores(b, "C02", "甲", 450, 400) // 85.0
	setScores(b, "C02", "乙", 400, 400) // 80.0
	setScores(b, "C02", "丙", 420, 430) // 85.0
	setScores(b, "C04", "甲", 490, 490) // 回避
	setScores(b, "C04", "乙", 450, blank)
	setScores(b, "C05", "甲", 300, 300) // 60.0
	setScores(b, "C05", "乙", 350, 350) // 70.0
	setScores(b, "C05", "丙", 320, 330) // 65.0

	r := Rank(b)
	checkInvariants(t, r)
	// C02 (850+800+850)/3 = 2500/3 = 83.33; C05 (600+700+650)/3 = 1950/3 = 65.00.
	// Quota 3 but only two ranked units: both 拟推荐.
	want := []placed{
		{"C02", 1, false, true, false},
		{"C05", 2, false, true, false},
		{"C03", 0, false, false, false},
		{"C04", 0, false, false, false},
		{"C01", 0, false, false, false},
		{"C06", 0, false, false, false},
	}
	if got := placements(r); !slices.Equal(got, want) {
		t.Errorf("placements\n got %v\nwant %v", got, want)
	}
	if got := standingOf(t, r, "C02").Total; got != (Mean{2500, 3}) || got.String() != "83.33" {
		t.Errorf("C02 Total %+v (%s), want {2500 3} (83.33)", got, got)
	}
	if got := standingOf(t, r, "C05").Total; got != (Mean{1950, 3}) {
		t.Errorf("C05 Total %+v, want {1950 3}", got)
	}
	for code, want := range map[string]string{"C01": "撤回", "C06": "撤回", "C03": "无有效", "C04": "无有效"} {
		if got := standingOf(t, r, code).Unranked; !strings.Contains(got, want) {
			t.Errorf("%s Unranked %q, want it to contain %q", code, got, want)
		}
	}
	if r.CutAfter != 2 {
		t.Errorf("CutAfter %d, want 2", r.CutAfter)
	}
}

// TestRankExactNotRounded checks rule 3: two units that both print 86.67
// rank by their exact values.
func TestRankExactNotRounded(t *testing.T) {
	b := newTestBook(10, 1, 50, 50) // TrimMin 10: nothing is trimmed here
	names := []string{"甲", "乙", "丙", "丁", "戊", "己", "庚"}
	addEvaluators(b, names...)
	addUnit(b, Unit{Code: "D01"})
	addUnit(b, Unit{Code: "D02"})
	// D01: only 甲 乙 丙 score; 丁..庚 have no score of it.
	setScores(b, "D01", "甲", 433, 433) // 86.6
	setScores(b, "D01", "乙", 433, 434) // 86.7
	setScores(b, "D01", "丙", 434, 433) // 86.7
	// D02: 甲..己 86.6 each, 庚 87.1
	for _, n := range names[:6] {
		setScores(b, "D02", n, 433, 433)
	}
	setScores(b, "D02", "庚", 435, 436)
	r := Rank(b)
	checkInvariants(t, r)
	d1, d2 := standingOf(t, r, "D01"), standingOf(t, r, "D02")
	// D01 (866+867+867)/3 = 2600/3 = 866.67 tenths = 86.6667 → 86.67
	// D02 (6×866+871)/7 = 6067/7 = 866.71 tenths = 86.6714 → 86.67
	// exact: 2600×7 = 18200 < 6067×3 = 18201, so D02 is first.
	if d1.Total != (Mean{2600, 3}) || d2.Total != (Mean{6067, 7}) {
		t.Fatalf("totals %+v %+v, want {2600 3} {6067 7}", d1.Total, d2.Total)
	}
	if d1.Total.String() != "86.67" || d2.Total.String() != "86.67" {
		t.Errorf("displays %s %s, want both 86.67", d1.Total, d2.Total)
	}
	for i, ln := range d1.Explanation.Lines[3:] {
		if ln.Status != ExcludedIncomplete {
			t.Errorf("D01 %s: status %v, want ExcludedIncomplete (no score)", names[3+i], ln.Status)
		}
	}
	want := []placed{{"D02", 1, false, true, false}, {"D01", 2, false, false, false}}
	if got := placements(r); !slices.Equal(got, want) {
		t.Errorf("placements %v, want %v", got, want)
	}
}

// TestRankDeterministic checks that the same book gives the same ranking, and
// that the order of units and scores in the book does not matter.
func TestRankDeterministic(t *testing.T) {
	b := tieBook(3, "c1")
	r1, r2 := Rank(b), Rank(b)
	if !reflect.DeepEqual(r1, r2) {
		t.Fatal("two rankings of the same book differ")
	}
	p := tieBook(3, "c1")
	slices.Reverse(p.Units)
	slices.Reverse(p.Scores)
	rp := Rank(p)
	if got, want := placements(rp), placements(r1); !slices.Equal(got, want) {
		t.Errorf("permuted book: %v, want %v", got, want)
	}
	for i := range r1.Standings {
		if r1.Standings[i].Total != rp.Standings[i].Total {
			t.Errorf("permuted book: standing %d total %+v, want %+v", i, rp.Standings[i].Total, r1.Standings[i].Total)
		}
	}
}

// benchRegions are the cities of the generated benchmark campaign.
var benchRegions = []string{"郑州市", "开封市", "洛阳市", "平顶山市", "安阳市", "鹤壁市", "新乡市", "焦作市", "濮阳市",
	"许昌市", "漯河市", "三门峡市", "南阳市", "商丘市", "信阳市", "周口市", "驻马店市", "济源市"}

// benchBook generates a campaign of units × evaluators × categories with
// deterministic scores; every tenth evaluator has a region, so a few pairs
// are in conflict, and about one set in two hundred is incomplete.
func benchBook(units, evaluators, categories int) *Book {
	rng := rand.New(rand.NewSource(20240601))
	maxes := make([]int, categories)
	for i := range maxes {
		maxes[i] = 20
	}
	b := newTestBook(DefaultTrimMin, units/10, maxes...)
	for i := 0; i < evaluators; i++ {
		e := Evaluator{Name: fmt.Sprintf("评委%02d", i+1)}
		if i%10 == 0 {
			e.Region = benchRegions[rng.Intn(len(benchRegions))]
		}
		addEvaluator(b, e)
	}
	for i := 0; i < units; i++ {
		code := fmt.Sprintf("U%04d", i+1)
		addUnit(b, Unit{Code: code, Region: benchRegions[rng.Intn(len(benchRegions))] + fmt.Sprintf("第%d区", rng.Intn(5)+1)})
		for _, e := range b.Evaluators {
			for _, c := range b.Categories {
				if rng.Intn(1000) < 1 { // a missing score: an incomplete set
					continue
				}
				b.Scores = append(b.Scores, Score{EvaluatorID: e.ID, UnitID: unitID(code), CategoryID: c.ID, Value: Tenths(120 + rng.Intn(81))})
			}
		}
	}
	return b
}

func TestBenchBook(t *testing.T) {
	b := benchBook(200, 30, 5)
	r := Rank(b)
	checkInvariants(t, r)
	conflicts, incomplete := 0, 0
	for _, s := range r.Standings {
		for _, ln := range s.Explanation.Lines {
			switch ln.Status {
			case ExcludedConflict:
				conflicts++
			case ExcludedIncomplete:
				incomplete++
			}
		}
	}
	if conflicts == 0 || incomplete == 0 {
		t.Errorf("generated book has %d conflicts and %d incomplete sets, want some of each", conflicts, incomplete)
	}
}

// BenchmarkRankInMemory ranks 1,000 units × 30 evaluators × 5 categories
// (150,000 scores) already in memory. Goal: ≤ 20 ms/op.
func BenchmarkRankInMemory(b *testing.B) {
	book := benchBook(1000, 30, 5)
	if got := len(Rank(book).Standings); got != 1000 {
		b.Fatalf("%d standings, want 1000", got)
	}
	b.ReportAllocs()
	for b.Loop() {
		Rank(book)
	}
}
