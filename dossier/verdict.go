package dossier

// Verdict is where a standing leaves a unit against the quota: the one
// source of the wording every screen, document and the command line print
// for it (拟推荐, 待评委会决定, 评委会决定推荐, …).
type Verdict int

// What a standing can say about a unit's recommendation.
const (
	// VerdictNone is a ranked unit below the cut line.
	VerdictNone Verdict = iota
	// VerdictRecommended is 拟推荐 by the quota rule.
	VerdictRecommended
	// VerdictPending is a tie group across the cut line with no decision yet.
	VerdictPending
	// VerdictDecidedFor is such a tie the committee decided to recommend.
	VerdictDecidedFor
	// VerdictDecidedAgainst is such a tie the committee decided not to recommend.
	VerdictDecidedAgainst
	// VerdictUnranked is a unit not ranked (no or too few valid totals).
	VerdictUnranked
	// VerdictWithdrawn is a withdrawn unit.
	VerdictWithdrawn
	// VerdictSkipped is a ranked unit passed over by a declared quota cap
	// (Standing.SkippedBy) although its rank would have put it on the list.
	VerdictSkipped
)

// Verdict is the standing's recommendation.
func (s *Standing) Verdict() Verdict {
	switch {
	case s.Unranked != "" && s.Unit != nil && s.Unit.Status == StatusWithdrawn:
		return VerdictWithdrawn
	case s.Unranked != "":
		return VerdictUnranked
	case s.Recommended:
		return VerdictRecommended
	case s.Pending():
		return VerdictPending
	case s.NeedsDecision && s.Decision.Recommended:
		return VerdictDecidedFor
	case s.NeedsDecision:
		return VerdictDecidedAgainst
	}
	if s.SkippedBy != "" {
		return VerdictSkipped
	}
	return VerdictNone
}

// Label is the Chinese wording of the verdict, as the ranking screen, the
// dossier and `dossierctl rank` print it; "" for a unit below the line.
// An unranked unit's reason is in Standing.Unranked.
func (v Verdict) Label() string {
	switch v {
	case VerdictRecommended:
		return "拟推荐"
	case VerdictPending:
		return "待评委会决定"
	case VerdictDecidedFor:
		return "评委会决定推荐"
	case VerdictDecidedAgainst:
		return "评委会决定不推荐"
	case VerdictUnranked:
		return "不参与排名"
	case VerdictWithdrawn:
		return "已撤回"
	case VerdictSkipped:
		return "受名额限制"
	}
	return ""
}

// Mark is the verdict as the Excel summary's 拟推荐 column marks it: the
// column's title already says 拟推荐, so a committee decision is written
// as the outcome with its source, "拟推荐（评委会决定）". Only recommendation
// verdicts have a mark.
func (v Verdict) Mark() string {
	switch v {
	case VerdictRecommended:
		return "拟推荐"
	case VerdictPending:
		return "待评委会决定"
	case VerdictDecidedFor:
		return "拟推荐（评委会决定）"
	case VerdictDecidedAgainst:
		return "不推荐（评委会决定）"
	case VerdictSkipped:
		return "受名额限制"
	}
	return ""
}

// Decided reports whether the committee has decided the verdict.
func (v Verdict) Decided() bool { return v == VerdictDecidedFor || v == VerdictDecidedAgainst }

// ForCommittee reports whether the verdict is the committee's to give:
// pending, or decided either way.
func (v Verdict) ForCommittee() bool { return v == VerdictPending || v.Decided() }

// Pending says the unit is in a tie across the cut line or a cap's limit
// that the committee has not decided yet: the one test the notice's
// refusal, rank --json's pending list and the report's forms share.
func (s *Standing) Pending() bool { return s.NeedsDecision && s.Decision == nil }
