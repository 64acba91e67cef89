package dossier

import (
	"strings"
	"testing"
)

// reviewBook, two categories of 50 (full mark 100), quota 1, no trimming:
//
//	     甲   乙   丙   丁   戊
//	A    90   70   72   74   (回避, scored 80)
//	B    59   59   59   74   —
//	C    70   72   71   74   (only the first category)
//
// A: 甲 90 vs the others' mean 72 = 18 > 15 → 畸高; 乙 70 vs 78.67 no.
// B: 丁 74 vs 59 = exactly 15, not further → no flag (at 10 %: flagged).
// 丁 gives 74 to all three units → 雷同. 戊: 回避仍评分 on A, 评分不完整 on C.
// A 76.5 leads C 71.75, but without 甲 A has 72.00 and C 72.33: both unstable.
func reviewBook() *Book {
	b := newTestBook(5, 1, 50, 50)
	addEvaluators(b, "甲", "乙", "丙", "丁", "戊")
	for _, u := range []struct {
		code string
		t    []Tenths
	}{{"A", []Tenths{900, 700, 720, 740}}, {"B", []Tenths{590, 590, 590, 740}}, {"C", []Tenths{700, 720, 710, 740}}} {
		addUnit(b, Unit{Code: u.code})
		for i, ev := range []string{"甲", "乙", "丙", "丁"} {
			setScores(b, u.code, ev, u.t[i]/2, u.t[i]-u.t[i]/2)
		}
	}
	b.Overrides = []ConflictOverride{{EvaluatorID: evID("戊"), UnitID: unitID("A"), Conflict: true, Reason: "亲属任职"}}
	setScores(b, "A", "戊", 400, 400)
	setScores(b, "C", "戊", 400, blank)
	return b
}

func TestReviewFlagsHandComputed(t *testing.T) {
	b := reviewBook()
	r := Rank(b)
	flags := ReviewFlags(b, r, Stabilities(b, r), 15, nil)
	var got []string
	for _, f := range flags {
		got = append(got, f.Kind+"/"+f.UnitCode+"/"+f.Evaluator)
	}
	want := "outlier/A/甲 uniform//丁 conflict/A/戊 incomplete/C/戊 unstable/A/ unstable/C/"
	if strings.Join(got, " ") != want {
		t.Fatalf("flags = %s\nwant    %s", strings.Join(got, " "), want)
	}
	if d := flags[0].Detail; !strings.Contains(d, "总分 90.0，高于其余 3 份有效总分的平均 72.00，相差超过满分 100 的 15%") {
		t.Errorf("outlier detail = %s", d)
	}
	at10 := ReviewFlags(b, r, Stabilities(b, r), 10, nil)
	found := false
	for _, f := range at10 {
		if f.Kind == FlagOutlier && f.UnitCode == "B" && f.Evaluator == "丁" {
			found = true
		}
	}
	if !found {
		t.Error("at 10 % the 15-point gap of 丁 on B is not flagged")
	}
	// Flags never change a score or a rank.
	if r2 := Rank(b); r2.Standings[0].Unit.Code != r.Standings[0].Unit.Code || r2.Standings[0].Total != r.Standings[0].Total {
		t.Error("reviewing changed the ranking")
	}
}

func TestReviewFlagIDsAreStableAndResolutionsAttach(t *testing.T) {
	b := reviewBook()
	r := Rank(b)
	first := ReviewFlags(b, r, Stabilities(b, r), 15, nil)
	b.Evaluators[0].Name = "甲（改名）"
	setScores(b, "B", "戊", 300, 300) // a new score elsewhere
	r = Rank(b)
	res := map[string]Resolution{first[0].ID: {FlagID: first[0].ID, By: "王主任", Note: "经核实属实"}}
	second := ReviewFlags(b, r, Stabilities(b, r), 15, res)
	if second[0].ID != first[0].ID || second[0].Resolved == nil || second[0].Resolved.By != "王主任" {
		t.Fatalf("flag id %s → %s, resolution %+v", first[0].ID, second[0].ID, second[0].Resolved)
	}
	if !strings.HasPrefix(first[0].ID, "outlier-") || len(first[0].ID) != len("outlier-")+8 {
		t.Errorf("flag id %q", first[0].ID)
	}
}

func TestReviewFlagsTooFewValidTotals(t *testing.T) {
	b := reviewBook()
	b.Campaign.MinValid = 5 // A, B and C have 4 valid totals each
	r := Rank(b)
	n := 0
	for _, f := range ReviewFlags(b, r, Stabilities(b, r), 15, nil) {
		if f.Kind == FlagTooFew {
			n++
			if !strings.Contains(f.Detail, "有效评分仅 4 份，少于本活动要求的 5 份") {
				t.Errorf("detail %s", f.Detail)
			}
		}
	}
	if n != 3 {
		t.Errorf("%d 有效评分不足 flags, want 3", n)
	}
}
