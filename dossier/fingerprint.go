package dossier

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
)

// ruleCategory is one category as the fingerprint sees it: only what the
// rule uses (a slogan or an indicator is material, not rule).
type ruleCategory struct {
	Name string `json:"name"`
	Max  string `json:"max"`
}

// ruleConflict is one 回避 pair, named as people name it.
type ruleConflict struct {
	Evaluator string `json:"evaluator"`
	Unit      string `json:"unit"`
}

// ruleDoc is the canonical form of the scoring rule: the fields, their order
// and their spelling are part of the file format, since a fingerprint
// printed on paper must still match the file years later.
type ruleDoc struct {
	Categories []ruleCategory `json:"categories"`
	TrimMin    int            `json:"trim_min"`
	MinValid   int            `json:"min_valid"`
	TieBreak   []string       `json:"tie_break"`
	Quota      int            `json:"quota"`
	Evaluators []string       `json:"evaluators"`
	Conflicts  []ruleConflict `json:"conflicts"`
	// The quota caps came after the first fingerprints were printed: left
	// out when none is declared, so those fingerprints still hold.
	RegionCap  int      `json:"region_cap,omitempty"`
	KindQuotas []string `json:"kind_quotas,omitempty"`
}

// RuleJSON is the canonical JSON of the campaign's scoring rule: the
// categories (names, order, maxima), the trim threshold, the minimum of
// valid totals for a rank, the tie-breaks (by
// category name), the quota, the evaluator list in order, every 回避 pair
// (automatic or manual) sorted by evaluator list order and unit code, and
// the quota caps when any is declared (region_cap, kind_quotas as written).
func RuleJSON(b *Book) []byte {
	d := ruleDoc{TrimMin: b.Campaign.TrimMin, MinValid: max(1, b.Campaign.MinValid), Quota: b.Campaign.Quota,
		Categories: []ruleCategory{}, TieBreak: []string{}, Evaluators: []string{}, Conflicts: []ruleConflict{}}
	d.RegionCap = max(0, b.Campaign.RegionCap)
	for _, q := range b.Campaign.KindQuotas {
		d.KindQuotas = append(d.KindQuotas, q.String())
	}
	for _, c := range b.Categories {
		d.Categories = append(d.Categories, ruleCategory{c.Name, c.Max.String()})
	}
	for _, id := range b.Campaign.TieBreak {
		if c := b.Category(id); c != nil {
			d.TieBreak = append(d.TieBreak, c.Name)
		}
	}
	units := make([]*Unit, len(b.Units))
	for i := range b.Units {
		units[i] = &b.Units[i]
	}
	sort.Slice(units, func(i, j int) bool { return units[i].Code < units[j].Code })
	for i := range b.Evaluators {
		e := &b.Evaluators[i]
		d.Evaluators = append(d.Evaluators, e.Name)
		for _, u := range units {
			if b.Conflict(e, u) != "" {
				d.Conflicts = append(d.Conflicts, ruleConflict{e.Name, u.Code})
			}
		}
	}
	out, err := json.Marshal(d)
	if err != nil {
		panic(err) // only strings and ints: cannot fail
	}
	return out
}

// Fingerprint is the SHA-256 of RuleJSON as 64 lowercase hex digits; the
// dossier prints its first 16.
func Fingerprint(b *Book) string {
	sum := sha256.Sum256(RuleJSON(b))
	return hex.EncodeToString(sum[:])
}
