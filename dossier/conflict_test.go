package dossier

import (
	"strings"
	"testing"
)

// TestAutoConflict covers DESIGN.md "The data", Conflict (回避): regions equal
// or one a prefix of the other, affiliation equal to the unit's name or its
// recommender; an empty value never matches.
func TestAutoConflict(t *testing.T) {
	unit := func(name, region, recommender string) Unit {
		return Unit{ID: "u", Code: "A01", Name: name, Region: region, Recommender: recommender}
	}
	tests := []struct {
		name string
		e    Evaluator
		u    Unit
		want string // substring of the reason; "" means no conflict
	}{
		{"evaluator region contains unit region",
			Evaluator{Region: "郑州市"}, unit("金水区教育局", "郑州市金水区", ""), "隶属"},
		{"unit region contains evaluator region",
			Evaluator{Region: "郑州市金水区"}, unit("郑州市教育局", "郑州市", ""), "隶属"},
		{"same region",
			Evaluator{Region: "郑州市"}, unit("郑州市教育局", "郑州市", ""), "同为“郑州市”"},
		{"same region, spaces ignored",
			Evaluator{Region: " 郑州市 "}, unit("郑州市教育局", "郑州市", ""), "同为"},
		{"sibling districts",
			Evaluator{Region: "郑州市金水区"}, unit("二七区教育局", "郑州市二七区", ""), ""},
		{"other city",
			Evaluator{Region: "开封市"}, unit("郑州市教育局", "郑州市", ""), ""},
		{"empty evaluator region",
			Evaluator{Region: ""}, unit("郑州市教育局", "郑州市", ""), ""},
		{"empty unit region",
			Evaluator{Region: "郑州市"}, unit("郑州市教育局", "", ""), ""},
		{"blank regions",
			Evaluator{Region: "  "}, unit("郑州市教育局", " ", ""), ""},
		{"affiliation is the unit",
			Evaluator{Affiliation: "郑州市教育局"}, unit("郑州市教育局", "郑州市", ""), "本单位"},
		{"affiliation is the unit, spaces ignored",
			Evaluator{Affiliation: "郑州市教育局"}, unit("郑州市教育局 ", "", ""), "本单位"},
		{"affiliation is the recommender",
			Evaluator{Affiliation: "河南省教育厅"}, unit("郑州市教育局", "郑州市", "河南省教育厅"), "推荐单位"},
		{"affiliation only a prefix of the unit name",
			Evaluator{Affiliation: "郑州市教育局"}, unit("郑州市教育局直属学校", "", ""), ""},
		{"empty affiliation, empty recommender",
			Evaluator{Affiliation: ""}, unit("郑州市教育局", "郑州市", ""), ""},
		{"empty affiliation, empty unit name",
			Evaluator{Affiliation: "  "}, unit("", "", "  "), ""},
		{"different affiliation",
			Evaluator{Affiliation: "河南大学", Region: "开封市"}, unit("郑州市教育局", "郑州市", "河南省教育厅"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.e.ID, tt.e.Name = "e", "甲"
			got := AutoConflict(tt.e, tt.u)
			switch {
			case tt.want == "" && got != "":
				t.Errorf("AutoConflict = %q, want no conflict", got)
			case tt.want != "" && !strings.Contains(got, tt.want):
				t.Errorf("AutoConflict = %q, want a reason containing %q", got, tt.want)
			}
		})
	}
}

// TestBookConflictOverride checks that a manual override wins over the
// automatic rule, both ways, and only for its own pair.
func TestBookConflictOverride(t *testing.T) {
	e1 := Evaluator{ID: "e1", Name: "甲", Region: "郑州市"}
	e2 := Evaluator{ID: "e2", Name: "乙", Region: "许昌市"}
	u1 := Unit{ID: "u1", Code: "A01", Name: "金水区教育局", Region: "郑州市金水区"}
	u2 := Unit{ID: "u2", Code: "A02", Name: "开封市教育局", Region: "开封市"}
	b := &Book{
		Evaluators: []Evaluator{e1, e2},
		Units:      []Unit{u1, u2},
		Overrides: []ConflictOverride{
			{EvaluatorID: "e1", UnitID: "u1", Conflict: false, Reason: "区域划分已调整"},
			{EvaluatorID: "e2", UnitID: "u2", Conflict: true, Reason: "与该单位有合作项目"},
		},
	}
	tests := []struct {
		name string
		e    *Evaluator
		u    *Unit
		want string
	}{
		{"automatic conflict lifted", &e1, &u1, ""},
		{"no automatic conflict, no override", &e1, &u2, ""},
		{"manual conflict added", &e2, &u2, "手动回避：与该单位有合作项目"},
		{"no conflict at all", &e2, &u1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := b.Conflict(tt.e, tt.u)
			if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("Conflict(%s, %s) = %q, want %q", tt.e.Name, tt.u.Code, got, tt.want)
			}
		})
	}
	// Without the override, e1 and u1 do conflict (郑州市 ⊃ 郑州市金水区).
	if AutoConflict(e1, u1) == "" {
		t.Errorf("AutoConflict(甲, A01) = \"\", want a conflict by region")
	}
}
