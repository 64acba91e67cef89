package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/dossier-app/dossier/dossier"
)

// change is one history entry with the content it replaced: the display
// text for people (subject, before, after) and, in undo, what RestoreEvent
// needs to bring the replaced content back.
type change struct {
	action                 dossier.Action
	unitID, source, detail string
	subject                string
	before, after          []string
	snap                   string // a unit snapshot (history.before), for material edits
	undo                   *undo
}

// undo says how to restore what a history entry replaced. Records are kept
// whole as they were; Fields names those of their fields that changed, so a
// restore brings back only those.
type undo struct {
	Kind      string             `json:"kind"` // unit, material, revision, campaign, category, indicator, evaluator, scores
	Fields    []string           `json:"fields,omitempty"`
	Unit      *dossier.Unit      `json:"unit,omitempty"`
	Revision  int                `json:"revision,omitempty"`
	Campaign  *dossier.Campaign  `json:"campaign,omitempty"`
	Category  *dossier.Category  `json:"category,omitempty"`
	Indicator *dossier.Indicator `json:"indicator,omitempty"`
	Evaluator *dossier.Evaluator `json:"evaluator,omitempty"`
	Scores    []undoScore        `json:"scores,omitempty"`
	Comments  []undoComment      `json:"comments,omitempty"`
}

// undoScore is a score as it was before a write: Old nil when there was none.
type undoScore struct {
	Evaluator string `json:"evaluator"`
	Unit      string `json:"unit"`
	Category  string `json:"category"`
	Old       *int64 `json:"old"`
}

// undoComment is a comment as it was before a write ("" when none).
type undoComment struct {
	Evaluator string `json:"evaluator"`
	Unit      string `json:"unit"`
	Old       string `json:"old"`
}

func (s *Store) record(ctx context.Context, tx *Tx, c change) error {
	var uid, snap, u any
	if c.unitID != "" {
		uid = c.unitID
	}
	if c.snap != "" {
		snap = c.snap
	}
	if c.undo != nil {
		b, err := json.Marshal(c.undo)
		if err != nil {
			return err
		}
		u = string(b)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO history (at, action, unit_id, source, detail, before, subject, before_text, after_text, undo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		s.stamp(), string(c.action), uid, c.source, c.detail, snap, c.subject, dossier.JoinLines(c.before), dossier.JoinLines(c.after), u)
	return err
}

func unitWhat(u *dossier.Unit) string { return fmt.Sprintf("单位 %s %s", u.Code, u.Name) }

// History returns the campaign's history, newest first; unitID "" for all.
// Each entry carries the full content it replaced (Before) and what it
// became (After).
func (s *Store) History(ctx context.Context, unitID string) (_ []dossier.Event, err error) {
	defer s.wrap(&err, "读取修改记录")
	// Entries written without a subject (creations, older formats) are
	// about their unit when they have one.
	q := `SELECT h.id, h.at, h.action, coalesce(h.unit_id, ''), coalesce(u.code, ''), h.source, h.detail,
		CASE WHEN h.subject = '' AND u.id IS NOT NULL THEN '单位 ' || u.code || ' ' || u.name ELSE h.subject END,
		h.before_text, h.after_text,
		h.undo IS NOT NULL OR (h.action = ? AND h.before IS NOT NULL)
		FROM history h LEFT JOIN unit u ON u.id = h.unit_id`
	// Material edits written before format 4 kept their snapshot without an undo.
	args := []any{string(dossier.ActionUnitMaterial)}
	if unitID != "" {
		q += ` WHERE h.unit_id = ?`
		args = append(args, unitID)
	}
	rows, err := s.r.QueryContext(ctx, q+` ORDER BY h.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
	defer rows.Close()
	var out []dossier.Event
	for rows.Next() {
		var e dossier.Event
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Action, &e.UnitID, &e.UnitCode, &e.Source, &e.Detail, &e.Subject, &e.Before, &e.After, &e.Restorable); err != nil {
			return nil, err
		}
		e.At = parseStamp(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// RestoreEvent brings back what history entry id replaced: the unit's
// fields or material, an earlier revision, a category's, an indicator's, an
// evaluator's or the settings' fields, the scores and comments a workbook
// overwrote. The restore is itself a recorded change (its own entry keeps
// what it replaced), so nothing is lost either way. It is refused with a
// Chinese message when the entry replaced nothing or its record is gone.
func (s *Store) RestoreEvent(ctx context.Context, id int64) (err error) {
	defer s.wrap(&err, "恢复修改前的内容")
	return s.tx(ctx, func(tx *Tx) error {
		var action dossier.Action
		var unitID string
		var snap, js sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT action, coalesce(unit_id, ''), before, undo FROM history WHERE id = ?`, id).Scan(&action, &unitID, &snap, &js)
		if errors.Is(err, sql.ErrNoRows) {
			return dossier.Errorf(dossier.ENOTFOUND, "历史记录 #%d 不存在", id)
		} else if err != nil {
			return err
		}
		var un undo
		switch {
		case js.Valid:
			if err := json.Unmarshal([]byte(js.String), &un); err != nil {
				return fmt.Errorf("history %d: %w", id, err)
			}
		case action == dossier.ActionUnitMaterial && snap.Valid:
			un.Kind = "material" // written before format 4
		default:
			return dossier.Errorf(dossier.EINVALID, "历史记录 #%d 没有替换任何已有内容，没有可恢复的内容", id)
		}
		why := fmt.Sprintf("恢复历史记录 #%d 替换前的内容", id)
		gone := func(what string) error {
			return dossier.Errorf(dossier.ENOTFOUND, "历史记录 #%d 涉及的%s已被删除，无法恢复", id, what)
		}
		switch un.Kind {
		case "unit":
			cur, err := unitTx(ctx, tx, unitID, false)
			if dossier.ErrorCode(err) == dossier.ENOTFOUND {
				return gone("单位")
			} else if err != nil {
				return err
			}
			nu := cur
			for _, f := range dossier.UnitFields {
				for _, name := range un.Fields {
					if f.Label == name {
						*f.Get(&nu) = *f.Get(un.Unit)
					}
				}
			}
			if err := nu.Validate(); err != nil {
				return err
			}
			return s.updateUnitTx(ctx, tx, &nu, dossier.ActionUnitRestore, why)
		case "material":
			cur, err := unitTx(ctx, tx, unitID, false)
			if dossier.ErrorCode(err) == dossier.ENOTFOUND {
				return gone("单位")
			} else if err != nil {
				return err
			}
			old, err := unitFromSnapshot(ctx, tx, snap.String)
			if err != nil {
				return err
			}
			nu := cur
			nu.Achievements, nu.Values, nu.Photos = old.Achievements, old.Values, old.Photos
			for i := range nu.Photos {
				nu.Photos[i].ID = "" // the restored photos are new rows
			}
			return s.setMaterialTx(ctx, tx, &nu, dossier.ActionUnitRestore, why)
		case "revision":
			return s.restoreRevisionTx(ctx, tx, unitID, un.Revision, why)
		case "campaign":
			cur, err := readCampaign(ctx, tx)
			if err != nil {
				return err
			}
			nc := cur
			copyFields(campaignFields, un.Fields, &nc, un.Campaign)
			return s.updateCampaignTx(ctx, tx, &nc, dossier.ActionCampaignRestore, why)
		case "category":
			cur, err := categoryTx(ctx, tx, un.Category.ID)
			if dossier.ErrorCode(err) == dossier.ENOTFOUND {
				return gone("类别")
			} else if err != nil {
				return err
			}
			nc := cur
			copyFields(categoryFields, un.Fields, &nc, un.Category)
			return s.updateCategoryTx(ctx, tx, &nc, dossier.ActionCategoryRestore, why)
		case "indicator":
			cur, err := indicatorTx(ctx, tx, un.Indicator.ID)
			if dossier.ErrorCode(err) == dossier.ENOTFOUND {
				return gone("指标")
			} else if err != nil {
				return err
			}
			ni := cur
			copyFields(indicatorFields, un.Fields, &ni, un.Indicator)
			return s.updateIndicatorTx(ctx, tx, &ni, dossier.ActionIndicatorRestore, why)
		case "evaluator":
			cur, err := evaluatorTx(ctx, tx, un.Evaluator.ID)
			if dossier.ErrorCode(err) == dossier.ENOTFOUND {
				return gone("评委")
			} else if err != nil {
				return err
			}
			ne := cur
			copyFields(evaluatorFields, un.Fields, &ne, un.Evaluator)
			return s.updateEvaluatorTx(ctx, tx, &ne, dossier.ActionEvaluatorRestore, why)
		case "scores":
			return s.restoreScoresTx(ctx, tx, un, why, gone)
		}
		return dossier.Errorf(dossier.EINVALID, "历史记录 #%d 的内容无法识别，无法恢复", id)
	})
}

// fieldDef is one field of a record with its Chinese label: get reads it
// as display text, set copies it from another value of the record's type.
type fieldDef[T any] struct {
	label string
	show  func(*T) string
	set   func(dst, src *T)
}

func copyFields[T any](defs []fieldDef[T], names []string, dst, src *T) {
	if src == nil {
		return
	}
	for _, d := range defs {
		for _, n := range names {
			if d.label == n {
				d.set(dst, src)
			}
		}
	}
}

// diffFields compares two values of a record: the labels of the changed
// fields and their full display text before and after.
func diffFields[T any](defs []fieldDef[T], old, new *T) (names, before, after, short []string) {
	for _, d := range defs {
		a, b := d.show(old), d.show(new)
		if a == b {
			continue
		}
		names = append(names, d.label)
		before = append(before, d.label+"："+dossier.ShowText(a))
		after = append(after, d.label+"："+dossier.ShowText(b))
		short = append(short, fmt.Sprintf("%s：%s→%s", d.label, clipText(a), clipText(b)))
	}
	return
}

func clipText(s string) string {
	r := []rune(strings.ReplaceAll(s, "\n", " "))
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return string(r)
}

// restoreScoresTx puts back the scores and comments an entry overwrote.
func (s *Store) restoreScoresTx(ctx context.Context, tx *Tx, un undo, why string, gone func(string) error) error {
	names, err := pairNames(ctx, tx)
	if err != nil {
		return err
	}
	var before, after []string
	var back undo
	back.Kind = "scores"
	for _, sc := range un.Scores {
		label, ok := names.score(sc.Evaluator, sc.Unit, sc.Category)
		if !ok {
			return gone("评委、单位或类别")
		}
		var cur sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT tenths FROM score WHERE evaluator_id = ? AND unit_id = ? AND category_id = ?`, sc.Evaluator, sc.Unit, sc.Category).Scan(&cur); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if sameScore(cur, sc.Old) {
			continue
		}
		if sc.Old == nil {
			if _, err := tx.ExecContext(ctx, `DELETE FROM score WHERE evaluator_id = ? AND unit_id = ? AND category_id = ?`, sc.Evaluator, sc.Unit, sc.Category); err != nil {
				return err
			}
		} else if err := putScore(ctx, tx, sc.Evaluator, sc.Unit, sc.Category, dossier.Tenths(*sc.Old)); err != nil {
			return err
		}
		before = append(before, label+"："+showScore(cur))
		after = append(after, label+"："+showScoreP(sc.Old))
		back.Scores = append(back.Scores, undoScore{sc.Evaluator, sc.Unit, sc.Category, nullPtr(cur)})
	}
	for _, c := range un.Comments {
		label, ok := names.comment(c.Evaluator, c.Unit)
		if !ok {
			return gone("评委或单位")
		}
		var cur string
		if err := tx.QueryRowContext(ctx, `SELECT text FROM comment WHERE evaluator_id = ? AND unit_id = ?`, c.Evaluator, c.Unit).Scan(&cur); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if cur == c.Old {
			continue
		}
		if err := putComment(ctx, tx, c.Evaluator, c.Unit, c.Old); err != nil {
			return err
		}
		before = append(before, label+"："+dossier.ShowText(cur))
		after = append(after, label+"："+dossier.ShowText(c.Old))
		back.Comments = append(back.Comments, undoComment{c.Evaluator, c.Unit, cur})
	}
	if len(before) == 0 {
		return dossier.Errorf(dossier.EINVALID, "这些评分和评语已是该记录替换前的内容，无需恢复")
	}
	return s.record(ctx, tx, change{action: dossier.ActionScoresRestore, detail: fmt.Sprintf("%s：%d 项", why, len(before)),
		subject: "评分", before: before, after: after, undo: &back})
}

func sameScore(cur sql.NullInt64, old *int64) bool {
	if old == nil {
		return !cur.Valid
	}
	return cur.Valid && cur.Int64 == *old
}

func nullPtr(v sql.NullInt64) *int64 {
	if !v.Valid {
		return nil
	}
	x := v.Int64
	return &x
}

func showScore(v sql.NullInt64) string { return showScoreP(nullPtr(v)) }

func showScoreP(v *int64) string {
	if v == nil {
		return "（无评分）"
	}
	return dossier.Tenths(*v).String()
}

// names of evaluators, units and categories, for score history lines.
type nameBook struct {
	evaluators, units, categories map[string]string
}

func pairNames(ctx context.Context, tx *Tx) (*nameBook, error) {
	nb := &nameBook{map[string]string{}, map[string]string{}, map[string]string{}}
	for _, q := range []struct {
		sql string
		m   map[string]string
	}{
		{`SELECT id, name FROM evaluator`, nb.evaluators},
		{`SELECT id, code || ' ' || name FROM unit`, nb.units},
		{`SELECT id, name FROM category`, nb.categories},
	} {
		rows, err := tx.QueryContext(ctx, q.sql)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id, name string
			if err := rows.Scan(&id, &name); err != nil {
				rows.Close()
				return nil, err
			}
			q.m[id] = name
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return nb, nil
}

// score labels one score: 评委“张敏”对 2022-0001 郑州市教育局“优化扩充工程”的评分.
func (nb *nameBook) score(ev, unit, cat string) (string, bool) {
	e, ok1 := nb.evaluators[ev]
	u, ok2 := nb.units[unit]
	c, ok3 := nb.categories[cat]
	return fmt.Sprintf("评委“%s”对 %s“%s”的评分", e, u, c), ok1 && ok2 && ok3
}

// comment labels one comment: 评委“张敏”对 2022-0001 郑州市教育局的评语.
func (nb *nameBook) comment(ev, unit string) (string, bool) {
	e, ok1 := nb.evaluators[ev]
	u, ok2 := nb.units[unit]
	return fmt.Sprintf("评委“%s”对 %s的评语", e, u), ok1 && ok2
}
