package dossier

import (
	"slices"
	"strings"
	"testing"
)

// capBook is a campaign with one category of 100 points and one evaluator,
// so each unit's final score is the one score given (in tenths).
type capUnit struct {
	code, region, kind string
	score              Tenths
}

func capBook(quota int, units ...capUnit) *Book {
	b := newTestBook(DefaultTrimMin, quota, 100)
	addEvaluators(b, "甲")
	for _, u := range units {
		addUnit(b, Unit{Code: u.code, Region: u.region, Kind: u.kind})
		setScores(b, u.code, "甲", u.score)
	}
	return b
}

// listOf is the 拟推荐 units' codes in rank order.
func listOf(r *Ranking) []string {
	var out []string
	for _, s := range r.Standings {
		if s.Recommended {
			out = append(out, s.Unit.Code)
		}
	}
	return out
}

func hasStep(s *Standing, want string) bool {
	for _, st := range s.Explanation.Steps {
		if strings.Contains(st, want) {
			return true
		}
	}
	return false
}

func mustQuota(t *testing.T, s string) KindQuota {
	t.Helper()
	q, err := ParseKindQuota(s)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func TestCity(t *testing.T) {
	for region, want := range map[string]string{
		"郑州市金水区":        "郑州市",
		"河南省郑州市金水区":     "河南省郑州市",
		"郑州市":           "郑州市",
		"开封市":           "开封市",
		"湖北省恩施州利川市":     "湖北省恩施州",
		"湘西土家族苗族自治州吉首市": "湘西土家族苗族自治州",
		"锡林郭勒盟锡林浩特市":    "锡林郭勒盟",
		"大兴安岭地区漠河市":     "大兴安岭地区",
		"贵州省贵阳市":        "贵州省贵阳市",
		"北京市通州区":        "北京市",
		"金水区":           "金水区",
		"河南省":           "河南省",
		"":              "",
		" 郑州市 二七区":      "郑州市",
	} {
		if got := City(region); got != want {
			t.Errorf("City(%q) = %q, want %q", region, got, want)
		}
	}
}

func TestParseKindQuota(t *testing.T) {
	for in, want := range map[string]KindQuota{
		"基层学校>=30%": {Kind: "基层学校", Min: true, N: 30, Percent: true},
		"教育行政部门<=5": {Kind: "教育行政部门", N: 5},
		"基层学校 ≥ 2":  {Kind: "基层学校", Min: true, N: 2},
		"基层学校＞＝３０％": {Kind: "基层学校", Min: true, N: 30, Percent: true},
	} {
		got, err := ParseKindQuota(in)
		if err != nil || got != want {
			t.Errorf("ParseKindQuota(%q) = %+v, %v; want %+v", in, got, err, want)
		}
		if again, _ := ParseKindQuota(got.String()); again != got {
			t.Errorf("%q does not read back: %+v", got.String(), again)
		}
	}
	for _, bad := range []string{"基层学校", ">=3", "基层学校>=三", "基层学校>=120%", "基层学校=3", "基层学校>=-1"} {
		if _, err := ParseKindQuota(bad); err == nil {
			t.Errorf("ParseKindQuota(%q) accepted", bad)
		} else if !strings.Contains(ErrorMessage(err), "单位类型名额") {
			t.Errorf("ParseKindQuota(%q): message %q", bad, ErrorMessage(err))
		}
	}
	// Shares: a minimum rounds up, a maximum down (of a quota of 5).
	if n := mustQuota(t, "基层学校>=30%").Limit(5); n != 2 {
		t.Errorf("30%% of 5 as a minimum = %d, want 2", n)
	}
	if n := mustQuota(t, "基层学校<=30%").Limit(5); n != 1 {
		t.Errorf("30%% of 5 as a maximum = %d, want 1", n)
	}
}

func TestRegionCap(t *testing.T) {
	// Quota 3, at most 2 per 地市: A and B fill 郑州市, C (郑州市二七区, the
	// same 地市) is passed over and D, next in rank, takes its place.
	b := capBook(3,
		capUnit{"A", "郑州市金水区", "", 900},
		capUnit{"B", "郑州市", "", 850},
		capUnit{"C", "郑州市二七区", "", 800},
		capUnit{"D", "开封市", "", 750},
		capUnit{"E", "洛阳市", "", 700},
	)
	b.Campaign.RegionCap = 2
	r := Rank(b)
	if got := listOf(r); !slices.Equal(got, []string{"A", "B", "D"}) {
		t.Fatalf("list %v, want [A B D]", got)
	}
	c := standingOf(t, r, "C")
	if c.SkippedBy != "每个地市不超过 2 个" || c.Recommended || c.NeedsDecision || c.Rank != 3 {
		t.Errorf("C: %+v", c)
	}
	if !hasStep(c, "郑州市已推荐 2 个，达到地市上限") || !hasStep(c, "由D单位（第 4 名）递补") {
		t.Errorf("C's explanation: %q", c.Explanation.Steps)
	}
	if e := standingOf(t, r, "E"); e.SkippedBy != "" || e.Recommended {
		t.Errorf("E is below the cut line, not passed over by a cap: %+v", e)
	}
	if r.CutAfter != 4 || r.RecommendedCount() != 3 {
		t.Errorf("CutAfter %d, recommended %d; want 4, 3", r.CutAfter, r.RecommendedCount())
	}
	if !slices.Equal(r.Caps, []string{"每个地市不超过 2 个"}) {
		t.Errorf("caps %q", r.Caps)
	}
}

func TestKindMinimumReachesDown(t *testing.T) {
	// Quota 3, 基层学校 at least 50% (2 of 3, rounded up). After A the two
	// slots left must go to 基层学校 while two are still to come: B and C
	// are passed over, D and E (基层学校) take their places; F stays below.
	b := capBook(3,
		capUnit{"A", "", "教育行政部门", 900},
		capUnit{"B", "", "教育行政部门", 850},
		capUnit{"C", "", "教育行政部门", 800},
		capUnit{"D", "", "基层学校", 750},
		capUnit{"E", "", "基层学校", 700},
		capUnit{"F", "", "基层学校", 650},
	)
	b.Campaign.KindQuotas = []KindQuota{mustQuota(t, "基层学校>=50%")}
	r := Rank(b)
	if got := listOf(r); !slices.Equal(got, []string{"A", "D", "E"}) {
		t.Fatalf("list %v, want [A D E]", got)
	}
	bb, c := standingOf(t, r, "B"), standingOf(t, r, "C")
	if bb.SkippedBy != "基层学校不少于 50%" || c.SkippedBy != "基层学校不少于 50%" {
		t.Errorf("B by %q, C by %q", bb.SkippedBy, c.SkippedBy)
	}
	if !hasStep(bb, "拟推荐名额仅余 2 个，须留给基层学校") || !hasStep(bb, "由D单位（第 4 名）递补") || !hasStep(c, "由E单位（第 5 名）递补") {
		t.Errorf("B: %q; C: %q", bb.Explanation.Steps, c.Explanation.Steps)
	}
	if len(r.Unmet) != 0 {
		t.Errorf("unmet %q", r.Unmet)
	}
}

func TestKindMinimumCannotBeMet(t *testing.T) {
	// Quota 3, 基层学校 at least 2, but only E is one: one slot is kept for
	// E (C and D passed over), the minimum is reported as not met, and the
	// list is never made up by reordering anyone else.
	b := capBook(3,
		capUnit{"A", "", "教育行政部门", 900},
		capUnit{"B", "", "教育行政部门", 850},
		capUnit{"C", "", "教育行政部门", 800},
		capUnit{"D", "", "教育行政部门", 750},
		capUnit{"E", "", "基层学校", 700},
	)
	b.Campaign.KindQuotas = []KindQuota{mustQuota(t, "基层学校>=2")}
	r := Rank(b)
	if got := listOf(r); !slices.Equal(got, []string{"A", "B", "E"}) {
		t.Fatalf("list %v, want [A B E]", got)
	}
	if len(r.Unmet) != 1 || !strings.Contains(r.Unmet[0], "未能满足“基层学校不少于 2 个”") || !strings.Contains(r.Unmet[0], "只有 1 个") {
		t.Errorf("unmet %q", r.Unmet)
	}

	// No 基层学校 at all: the list is the top three, the minimum reported.
	b = capBook(3,
		capUnit{"A", "", "教育行政部门", 900},
		capUnit{"B", "", "教育行政部门", 850},
		capUnit{"C", "", "教育行政部门", 800},
		capUnit{"D", "", "教育行政部门", 750},
	)
	b.Campaign.KindQuotas = []KindQuota{mustQuota(t, "基层学校>=2")}
	r = Rank(b)
	if got := listOf(r); !slices.Equal(got, []string{"A", "B", "C"}) {
		t.Fatalf("list %v, want [A B C]", got)
	}
	if len(r.Unmet) != 1 || !strings.Contains(r.Unmet[0], "参与排名的基层学校共 0 个") {
		t.Errorf("unmet %q", r.Unmet)
	}
	for _, s := range r.Standings {
		if s.SkippedBy != "" {
			t.Errorf("%s passed over by %q", s.Unit.Code, s.SkippedBy)
		}
	}
}

func TestKindMaximum(t *testing.T) {
	// Quota 3, at most 1 教育行政部门: after A, B and D are passed over; C
	// takes B's place and E D's.
	b := capBook(3,
		capUnit{"A", "", "教育行政部门", 900},
		capUnit{"B", "", "教育行政部门", 850},
		capUnit{"C", "", "基层学校", 800},
		capUnit{"D", "", "教育行政部门", 750},
		capUnit{"E", "", "基层学校", 700},
	)
	b.Campaign.KindQuotas = []KindQuota{mustQuota(t, "教育行政部门<=1")}
	r := Rank(b)
	if got := listOf(r); !slices.Equal(got, []string{"A", "C", "E"}) {
		t.Fatalf("list %v, want [A C E]", got)
	}
	bb, d := standingOf(t, r, "B"), standingOf(t, r, "D")
	if !hasStep(bb, "教育行政部门已推荐 1 个，达到上限（教育行政部门不超过 1 个）") || !hasStep(bb, "由C单位") || !hasStep(d, "由E单位") {
		t.Errorf("B: %q; D: %q", bb.Explanation.Steps, d.Explanation.Steps)
	}
}

func TestTieAcrossCap(t *testing.T) {
	// Quota 3, at most 1 per 地市. B and C (both 郑州市) tie for 郑州市's one
	// place: both go to the committee, named with the cap; D (洛阳市) is
	// 拟推荐 whatever they decide, as is A.
	units := []capUnit{
		{"A", "开封市", "", 900},
		{"B", "郑州市", "", 850},
		{"C", "郑州市金水区", "", 850},
		{"D", "洛阳市", "", 800},
		{"E", "许昌市", "", 700},
	}
	b := capBook(3, units...)
	b.Campaign.RegionCap = 1
	r := Rank(b)
	if got := listOf(r); !slices.Equal(got, []string{"A", "D"}) {
		t.Fatalf("list %v, want [A D]", got)
	}
	for _, code := range []string{"B", "C"} {
		s := standingOf(t, r, code)
		if !s.NeedsDecision || s.Recommended || s.CapTie != "每个地市不超过 1 个" || s.SkippedBy != "" || s.Listed() {
			t.Errorf("%s: %+v", code, s)
		}
		if !hasStep(s, "受“每个地市不超过 1 个”所限不能都列入拟推荐名单，须由评委会决定") {
			t.Errorf("%s: %q", code, s.Explanation.Steps)
		}
	}
	if e := standingOf(t, r, "E"); e.Recommended || e.NeedsDecision {
		t.Errorf("E: the tie holds one place, so the list is full: %+v", e)
	}
	b.Decisions = []Decision{{UnitID: unitID("C"), Recommended: true, Reason: "评委会表决"}, {UnitID: unitID("B"), Recommended: false, Reason: "评委会表决"}}
	r = Rank(b)
	if !standingOf(t, r, "C").Listed() || standingOf(t, r, "B").Listed() {
		t.Errorf("the decision is not applied")
	}

	// The same tie in two 地市 straddles nothing: both are 拟推荐.
	units[2].region = "许昌市"
	b = capBook(3, units...)
	b.Campaign.RegionCap = 1
	if got := listOf(Rank(b)); !slices.Equal(got, []string{"A", "B", "C"}) {
		t.Errorf("list %v, want [A B C]", got)
	}

	// A tie whose 地市 is already full is passed over cleanly, not flagged.
	units[2].region = "开封市"
	units[1].region = "开封市"
	b = capBook(3, units...)
	b.Campaign.RegionCap = 1
	r = Rank(b)
	if got := listOf(r); !slices.Equal(got, []string{"A", "D", "E"}) {
		t.Errorf("list %v, want [A D E]", got)
	}
	if s := standingOf(t, r, "B"); s.NeedsDecision || s.SkippedBy != "每个地市不超过 1 个" {
		t.Errorf("B: %+v", s)
	}
}

func TestCutLineTieWithCaps(t *testing.T) {
	// Caps declared but not reached: a tie across the cut line is flagged as
	// without caps (C and D for the last place).
	b := capBook(3,
		capUnit{"A", "开封市", "", 900},
		capUnit{"B", "郑州市", "", 850},
		capUnit{"C", "洛阳市", "", 800},
		capUnit{"D", "许昌市", "", 800},
	)
	b.Campaign.RegionCap = 2
	r := Rank(b)
	if got := listOf(r); !slices.Equal(got, []string{"A", "B"}) {
		t.Fatalf("list %v", got)
	}
	for _, code := range []string{"C", "D"} {
		if s := standingOf(t, r, code); !s.NeedsDecision || s.CapTie != "" {
			t.Errorf("%s: %+v", code, s)
		}
	}
}

func TestCheckCaps(t *testing.T) {
	c := &Campaign{Quota: 10, KindQuotas: []KindQuota{mustQuota(t, "基层学校>=6"), mustQuota(t, "基层学校<=50%")}}
	if err := CheckCaps(c); err == nil || !strings.Contains(ErrorMessage(err), "下限（基层学校不少于 6 个）高于上限") {
		t.Errorf("min over max: %v", err)
	}
	c.KindQuotas = []KindQuota{mustQuota(t, "基层学校>=1"), mustQuota(t, "基层学校>=2")}
	if err := CheckCaps(c); err == nil {
		t.Error("two minimums of one kind accepted")
	}
}

func TestLeaveOneOutMatchesRankWithCaps(t *testing.T) {
	b := benchBook(200, 12, 3)
	b.Campaign.Quota = 20
	kinds := []string{"基层学校", "教育行政部门", "其他"}
	for i := range b.Units {
		b.Units[i].Kind = kinds[i%3]
	}
	b.Campaign.RegionCap = 4
	b.Campaign.KindQuotas = []KindQuota{mustQuota(t, "基层学校>=50%"), mustQuota(t, "教育行政部门<=5")}
	r := Rank(b)
	if len(listOf(r)) == 0 {
		t.Fatal("no list")
	}
	skipped := 0
	for _, s := range r.Standings {
		if s.SkippedBy != "" {
			skipped++
		}
	}
	if skipped == 0 {
		t.Fatal("the caps pass over no unit: the test tests nothing")
	}
	loo := newLeaveOneOut(b, r)
	for k := range b.Evaluators {
		lo := *b
		lo.Evaluators = append(append([]Evaluator{}, b.Evaluators[:k]...), b.Evaluators[k+1:]...)
		want := map[string]looPlace{}
		for _, s := range Rank(&lo).Standings {
			want[s.Unit.ID] = looPlace{s.Rank, verdict(&s)}
		}
		for ui, p := range loo.rank(k) {
			if w := want[loo.units[ui].id]; w != p {
				t.Fatalf("without %s, unit %s: fast %+v, Rank %+v", b.Evaluators[k].Name, loo.units[ui].code, p, w)
			}
		}
	}
}

// BenchmarkRankWithCaps is BenchmarkRankInMemory's campaign with a region
// cap and two kind quotas: the walk's cost over the plain rule.
func BenchmarkRankWithCaps(b *testing.B) {
	book := benchBook(1000, 30, 5)
	kinds := []string{"基层学校", "教育行政部门", "其他"}
	for i := range book.Units {
		book.Units[i].Kind = kinds[i%3]
	}
	book.Campaign.RegionCap = 20
	book.Campaign.KindQuotas = []KindQuota{{Kind: "基层学校", Min: true, N: 50, Percent: true}, {Kind: "教育行政部门", N: 20}}
	b.ReportAllocs()
	for b.Loop() {
		Rank(book)
	}
}
