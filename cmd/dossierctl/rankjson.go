package main

import (
	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/export"
)

// oneDecimal is a score printed as a JSON number with one decimal.
type oneDecimal dossier.Tenths

func (t oneDecimal) MarshalJSON() ([]byte, error) { return []byte(dossier.Tenths(t).String()), nil }

// jsonLine is one evaluator's part in a unit's explanation.
type jsonLine struct {
	Evaluator string                 `json:"evaluator"`
	Scores    map[string]*oneDecimal `json:"scores"` // category → score, null when not given
	Total     oneDecimal             `json:"total"`
	Status    string                 `json:"status"`
	Reason    string                 `json:"reason"`
}

// jsonExplanation is rank --json's explanation of one unit's figure.
type jsonExplanation struct {
	Evaluators []jsonLine `json:"evaluators"`
	Steps      []string   `json:"steps"`
}

// jsonMeta is the trailing element of rank --json --with-meta.
type jsonMeta struct {
	RuleFingerprint string `json:"rule_fingerprint"`
	LogHead         string `json:"log_head"`
	// The official procedure: the declared caps' labels, each minimum the
	// list could not meet, and the 公示 (start and computed last working
	// day, null until a start is set).
	Caps        []string `json:"caps"`
	Unmet       []string `json:"unmet"`
	NoticeStart *string  `json:"notice_start"`
	NoticeEnd   *string  `json:"notice_end"`
	NoticeDays  int      `json:"notice_days"`
	// Pending is true while a tie across the cut line or a cap's limit
	// awaits the committee's decision (the notice is then refused).
	Pending bool `json:"pending"`
}

// procMeta adds the official procedure's figures to the meta object.
func procMeta(b *dossier.Book, r *dossier.Ranking, m jsonMeta) jsonMeta {
	m.Caps, m.Unmet = append([]string{}, r.Caps...), append([]string{}, r.Unmet...)
	m.NoticeDays = b.Campaign.NoticeLength()
	if p, ok := export.NoticePeriod(b); ok {
		m.NoticeStart, m.NoticeEnd = &p.Start, &p.End
	}
	m.Pending = pendingDecisions(r) > 0
	return m
}

// pendingDecisions counts the units whose tie awaits the committee.
func pendingDecisions(r *dossier.Ranking) int {
	n := 0
	for _, st := range r.Standings {
		if st.Pending() {
			n++
		}
	}
	return n
}

func explanationJSON(b *dossier.Book, st *dossier.Standing) jsonExplanation {
	ex := jsonExplanation{Evaluators: []jsonLine{}, Steps: append([]string{}, st.Explanation.Steps...)}
	for _, ln := range st.Explanation.Lines {
		jl := jsonLine{Evaluator: ln.Evaluator.Name, Scores: map[string]*oneDecimal{}, Total: oneDecimal(ln.Total),
			Status: ln.Status.Label(), Reason: ln.Reason}
		for i, c := range b.Categories {
			if ln.Has[i] {
				v := oneDecimal(ln.Scores[i])
				jl.Scores[c.Name] = &v
			} else {
				jl.Scores[c.Name] = nil
			}
		}
		ex.Evaluators = append(ex.Evaluators, jl)
	}
	if d := st.Decision; d != nil && st.NeedsDecision {
		verdict := "推荐"
		if !d.Recommended {
			verdict = "不推荐"
		}
		what := "并列跨越拟推荐线"
		if st.CapTie != "" {
			what = "并列跨越名额限制（" + st.CapTie + "）"
		}
		ex.Steps = append(ex.Steps, what+"，评委会决定："+verdict+"（依据："+d.Reason+"）。")
	}
	return ex
}

// rankRange is [best, worst]; worst null when a leave-one-out leaves the
// unit unranked; the whole range null for a unit with no rank.
func rankRange(s *dossier.Stability) []*int {
	if s == nil || s.Best == 0 {
		return nil
	}
	best := s.Best
	out := []*int{&best, nil}
	if s.Worst > 0 {
		worst := s.Worst
		out[1] = &worst
	}
	return out
}
