package dossier

import "strings"

// Book is a whole campaign in memory: what ranking and documents read.
// Categories are in campaign order, each with its indicators in order; units
// are sorted by code; evaluators are in list order (the order that decides
// which of several equal highest or lowest totals is dropped).
type Book struct {
	Campaign   Campaign
	Categories []Category
	Units      []Unit
	Evaluators []Evaluator
	Overrides  []ConflictOverride
	Decisions  []Decision
	Scores     []Score
	Comments   []Comment
	// Calendar is the campaign's own additions to the shipped calendar of
	// holidays and 调休 working days, by date.
	Calendar []CalendarDay
}

// Decision is the committee's recorded decision on a unit whose tie group
// straddles the cut line.
type Decision struct {
	UnitID      string
	Recommended bool
	Reason      string
}

// Category returns the category with the given ID, or nil.
func (b *Book) Category(id string) *Category {
	for i := range b.Categories {
		if b.Categories[i].ID == id {
			return &b.Categories[i]
		}
	}
	return nil
}

// CategoryByName returns the category with the given name, or nil.
func (b *Book) CategoryByName(name string) *Category {
	name = strings.TrimSpace(name)
	for i := range b.Categories {
		if b.Categories[i].Name == name {
			return &b.Categories[i]
		}
	}
	return nil
}

// Indicator returns the indicator with the given ID, or nil.
func (b *Book) Indicator(id string) *Indicator {
	for i := range b.Categories {
		for j := range b.Categories[i].Indicators {
			if b.Categories[i].Indicators[j].ID == id {
				return &b.Categories[i].Indicators[j]
			}
		}
	}
	return nil
}

// Unit returns the unit with the given ID, or nil.
func (b *Book) Unit(id string) *Unit {
	for i := range b.Units {
		if b.Units[i].ID == id {
			return &b.Units[i]
		}
	}
	return nil
}

// UnitByCode returns the unit with the given 申报编号, or nil.
func (b *Book) UnitByCode(code string) *Unit {
	code = CodeKey(code)
	for i := range b.Units {
		if CodeKey(b.Units[i].Code) == code {
			return &b.Units[i]
		}
	}
	return nil
}

// Evaluator returns the evaluator with the given ID, or nil.
func (b *Book) Evaluator(id string) *Evaluator {
	for i := range b.Evaluators {
		if b.Evaluators[i].ID == id {
			return &b.Evaluators[i]
		}
	}
	return nil
}

// EvaluatorByName returns the evaluator with the given name, or nil.
func (b *Book) EvaluatorByName(name string) *Evaluator {
	name = strings.TrimSpace(name)
	for i := range b.Evaluators {
		if SameName(b.Evaluators[i].Name, name) {
			return &b.Evaluators[i]
		}
	}
	return nil
}

// Conflict returns why evaluator e must not score unit u, or "" when e may.
// A manual override for the pair wins over the automatic rule.
func (b *Book) Conflict(e *Evaluator, u *Unit) string {
	for i := range b.Overrides {
		if o := &b.Overrides[i]; o.EvaluatorID == e.ID && o.UnitID == u.ID {
			return conflictReason(o, e, u)
		}
	}
	return conflictReason(nil, e, u)
}

// conflictReason is the 回避 rule for one pair: the manual override o when
// there is one (nil when not), else the automatic rule.
func conflictReason(o *ConflictOverride, e *Evaluator, u *Unit) string {
	switch {
	case o == nil:
		return AutoConflict(*e, *u)
	case o.Conflict:
		return "手动回避：" + o.Reason
	}
	return ""
}

// AutoConflict applies the automatic 回避 rule: the evaluator's region and
// the unit's region are equal or one lies inside the other (one is a prefix
// of the other), or the evaluator's affiliation is the unit itself or its
// recommender. An empty value never matches. It returns the reason or "".
func AutoConflict(e Evaluator, u Unit) string {
	er, ur := strings.TrimSpace(e.Region), strings.TrimSpace(u.Region)
	if er != "" && ur != "" && (strings.HasPrefix(er, ur) || strings.HasPrefix(ur, er)) {
		if er == ur {
			return "评委所属地区与单位同为“" + ur + "”"
		}
		return "评委所属地区“" + er + "”与单位所属地区“" + ur + "”存在隶属关系"
	}
	aff := strings.TrimSpace(e.Affiliation)
	if aff != "" {
		if aff == strings.TrimSpace(u.Name) {
			return "评委工作单位即本单位"
		}
		if aff == strings.TrimSpace(u.Recommender) {
			return "评委工作单位为本单位的推荐单位“" + aff + "”"
		}
	}
	return ""
}
