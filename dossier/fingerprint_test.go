package dossier

import (
	"regexp"
	"strings"
	"testing"
)

func fingerprintBook() *Book {
	return &Book{
		Campaign:   Campaign{Quota: 2, TrimMin: 5, TieBreak: []string{"c2"}},
		Categories: []Category{{ID: "c1", Name: "甲", Max: 200}, {ID: "c2", Name: "乙", Max: 800}},
		Units: []Unit{{ID: "u1", Code: "A01", Name: "一中", Region: "郑州市", Phone: "0371-1"},
			{ID: "u2", Code: "A02", Name: "二中", Region: "洛阳市"}},
		Evaluators: []Evaluator{{ID: "e1", Name: "张敏", Region: "郑州市金水区"}, {ID: "e2", Name: "李强"}},
	}
}

func TestFingerprintFollowsTheRuleOnly(t *testing.T) {
	base := Fingerprint(fingerprintBook())
	if !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(base) {
		t.Fatalf("fingerprint %q is not 64 lowercase hex digits", base)
	}
	if got := string(RuleJSON(fingerprintBook())); got != `{"categories":[{"name":"甲","max":"20.0"},{"name":"乙","max":"80.0"}],"trim_min":5,"min_valid":1,"tie_break":["乙"],"quota":2,"evaluators":["张敏","李强"],"conflicts":[{"evaluator":"张敏","unit":"A01"}]}` {
		t.Fatalf("canonical rule JSON changed: %s", got)
	}
	b := fingerprintBook()
	b.Campaign.RegionCap, b.Campaign.KindQuotas = 2, []KindQuota{{Kind: "基层学校", Min: true, N: 30, Percent: true}}
	if got := string(RuleJSON(b)); !strings.HasSuffix(got, `,"region_cap":2,"kind_quotas":["基层学校\u003e=30%"]}`) {
		t.Errorf("caps in the rule JSON: %s", got)
	}
	b = fingerprintBook()
	b.Campaign.NoticeStart, b.Campaign.NoticeDays, b.Campaign.ObjectionContact = "2026-05-06", 7, "省教育厅"
	b.Units[0].Phone = "13800000000"
	b.Units[0].Summary = "新的事迹简介"
	b.Categories[0].Slogan = "新口号"
	if Fingerprint(b) != base {
		t.Fatal("a phone number, a summary, a slogan or the 公示 settings changed the rule fingerprint")
	}
	for name, edit := range map[string]func(b *Book){
		"maximum":    func(b *Book) { b.Categories[0].Max = 250 },
		"order":      func(b *Book) { b.Categories[0], b.Categories[1] = b.Categories[1], b.Categories[0] },
		"trim":       func(b *Book) { b.Campaign.TrimMin = 6 },
		"min valid":  func(b *Book) { b.Campaign.MinValid = 3 },
		"quota":      func(b *Book) { b.Campaign.Quota = 3 },
		"tie-break":  func(b *Book) { b.Campaign.TieBreak = nil },
		"evaluators": func(b *Book) { b.Evaluators = b.Evaluators[:1] },
		"回避": func(b *Book) {
			b.Overrides = []ConflictOverride{{EvaluatorID: "e2", UnitID: "u2", Conflict: true, Reason: "亲属"}}
		},
		"unit region": func(b *Book) { b.Units[1].Region = "郑州市" },
		"region cap":  func(b *Book) { b.Campaign.RegionCap = 2 },
		"kind quota": func(b *Book) {
			b.Campaign.KindQuotas = []KindQuota{{Kind: "基层学校", Min: true, N: 30, Percent: true}}
		},
		"kind quota share": func(b *Book) {
			b.Campaign.KindQuotas = []KindQuota{{Kind: "基层学校", Min: true, N: 30}}
		},
	} {
		b := fingerprintBook()
		edit(b)
		if Fingerprint(b) == base {
			t.Errorf("changing the %s left the fingerprint unchanged", name)
		}
	}
}
