package dossier

import (
	"fmt"
	"strings"
)

// ScoreSheetPlan is what merging an evaluator's score workbook would write,
// decided by PlanScoreSheet before anything is written.
type ScoreSheetPlan struct {
	File      string
	Evaluator *Evaluator
	// Rows are the rows to merge, in sheet order; rows the evaluator must
	// avoid are not among them.
	Rows []PlannedScoreRow
	// Ignored says, per row in 回避 that the evaluator filled in, that it
	// is ignored (a note, not a refusal).
	Ignored []Problem
}

// PlannedScoreRow is one row of a score workbook matched to its unit.
type PlannedScoreRow struct {
	Unit *Unit
	Row  ScoreRow
}

// PlanScoreSheet checks an evaluator's score workbook against the campaign,
// whole or not at all (DESIGN.md, the score workbook contract): the
// evaluator is matched by name and the 校验码 checked; an unknown unit or a
// value out of range refuses the workbook with every cell named (a
// *FileError); rows the evaluator must avoid are left out with a note. b
// needs the campaign's ID, the categories, units, evaluators and overrides.
func PlanScoreSheet(b *Book, sh *ScoreSheet) (*ScoreSheetPlan, error) {
	refuse := func(ps ...Problem) error { return &FileError{File: sh.File, Problems: ps} }
	e := b.EvaluatorByName(NormName(sh.Evaluator))
	if e == nil {
		return nil, refuse(Problem{File: sh.File, Sheet: "评委信息", Cell: "B1",
			Message: fmt.Sprintf("评委“%s”不在本评选活动的评委名单中，整份评分表未导入", sh.Evaluator)})
	}
	if want := CheckCode(b.Campaign.ID, e.ID); !strings.EqualFold(strings.TrimSpace(sh.Check), want) {
		return nil, refuse(Problem{File: sh.File, Sheet: "评委信息", Cell: "B3",
			Message: fmt.Sprintf("校验码“%s”不符，这份评分表不是本评选活动为评委“%s”生成的，整份评分表未导入；请使用本活动导出的评分表", sh.Check, e.Name)})
	}
	plan := &ScoreSheetPlan{File: sh.File, Evaluator: e}
	var bad []Problem
	at := func(cell, format string, args ...any) {
		bad = append(bad, Problem{File: sh.File, Sheet: "评分", Cell: cell, Message: fmt.Sprintf(format, args...)})
	}
	for _, row := range sh.Rows {
		u := b.UnitByCode(NormCode(row.Code))
		if u == nil {
			at(row.Cell, "申报编号“%s”不是本评选活动的单位", row.Code)
			continue
		}
		for _, v := range row.Values {
			cat := b.Category(v.CategoryID)
			if cat == nil {
				at(v.Cell, "类别不存在")
			} else if err := cat.CheckScore(v.Value); err != nil {
				at(v.Cell, "%s", ErrorMessage(err))
			}
		}
		if why := b.Conflict(e, u); why != "" {
			if row.Filled || len(row.Values) > 0 || strings.TrimSpace(row.Comment) != "" {
				plan.Ignored = append(plan.Ignored, Problem{File: sh.File, Sheet: "评分", Row: RowOfCell(row.Cell),
					Message: fmt.Sprintf("评委“%s”须回避单位 %s %s（%s），该行评分已忽略", e.Name, u.Code, u.Name, why)})
			}
			continue
		}
		plan.Rows = append(plan.Rows, PlannedScoreRow{Unit: u, Row: row})
	}
	if len(bad) > 0 {
		return nil, refuse(append(bad, Problem{Message: "整份评分表未导入，请改正后重新导入"})...)
	}
	return plan, nil
}
