package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/dossier-app/dossier/dossier"
)

// ScoreInput names one score by evaluator name, unit code and category name,
// as the command line and the score grid give it. Value nil clears it.
type ScoreInput struct {
	Evaluator string
	Unit      string // code
	Category  string // name
	Value     *dossier.Tenths
}

// SetScore records (or clears) one score after checking the category
// exists and the value lies in 0..max. A score of an evaluator in 回避
// with the unit is kept but never counts (dossier.Rank excludes it), like
// scores entered before a conflict was recorded; callers warn about it.
func (s *Store) SetScore(ctx context.Context, in ScoreInput) (err error) {
	defer s.wrap(&err, "保存评分")
	return s.SetScores(ctx, []ScoreInput{in})
}

// SetScores records several scores in one transaction: all or none.
func (s *Store) SetScores(ctx context.Context, ins []ScoreInput) (err error) {
	defer s.wrap(&err, "保存评分")
	return s.tx(ctx, func(tx *Tx) error {
		cats, err := readCategories(ctx, tx)
		if err != nil {
			return err
		}
		for _, in := range ins {
			e, u, err := lookupPair(ctx, tx, in.Evaluator, in.Unit)
			if err != nil {
				return err
			}
			var cat *dossier.Category
			for i := range cats {
				if cats[i].Name == strings.TrimSpace(in.Category) {
					cat = &cats[i]
				}
			}
			if cat == nil {
				var names []string
				for _, c := range cats {
					names = append(names, c.Name)
				}
				return dossier.Errorf(dossier.ENOTFOUND, "类别“%s”不存在（现有类别：%s）", in.Category, strings.Join(names, "、"))
			}
			old, err := scoreTx(ctx, tx, e.ID, u.ID, cat.ID)
			if err != nil {
				return err
			}
			label := fmt.Sprintf("评委“%s”对 %s %s“%s”的评分", e.Name, u.Code, u.Name, cat.Name)
			ch := change{unitID: u.ID, subject: label, before: []string{label + "：" + showScore(old)},
				undo: &undo{Kind: "scores", Scores: []undoScore{{e.ID, u.ID, cat.ID, nullPtr(old)}}}}
			if in.Value == nil {
				if _, err := tx.ExecContext(ctx, `DELETE FROM score WHERE evaluator_id = ? AND unit_id = ? AND category_id = ?`, e.ID, u.ID, cat.ID); err != nil {
					return err
				}
				ch.action, ch.after = dossier.ActionScoreClear, []string{label + "：" + showScore(sql.NullInt64{})}
				ch.detail = fmt.Sprintf("清除评委“%s”对 %s“%s”的评分（原为 %s）", e.Name, u.Code, cat.Name, showScore(old))
				if !old.Valid {
					ch.undo = nil
				}
				if err := s.record(ctx, tx, ch); err != nil {
					return err
				}
				continue
			}
			v := *in.Value
			if err := cat.CheckScore(v); err != nil {
				return err
			}
			if old.Valid && dossier.Tenths(old.Int64) == v {
				// The same value again (a save retried after its answer was
				// lost, a workbook imported twice) writes nothing: no second
				// history entry, no second score-log record.
				continue
			}
			if err := putScore(ctx, tx, e.ID, u.ID, cat.ID, v); err != nil {
				return err
			}
			ch.action, ch.after = dossier.ActionScoreSet, []string{label + "：" + v.String()}
			ch.detail = fmt.Sprintf("评委“%s”对 %s“%s”评分 %s", e.Name, u.Code, cat.Name, v)
			if old.Valid {
				ch.detail += fmt.Sprintf("（原为 %s）", showScore(old))
			} else {
				ch.before, ch.undo = nil, nil
			}
			if err := s.record(ctx, tx, ch); err != nil {
				return err
			}
		}
		return nil
	})
}

// scoreTx reads one stored score (not Valid when there is none).
func scoreTx(ctx context.Context, tx *Tx, evID, unitID, catID string) (sql.NullInt64, error) {
	var v sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT tenths FROM score WHERE evaluator_id = ? AND unit_id = ? AND category_id = ?`, evID, unitID, catID).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		err = nil
	}
	return v, err
}

func putScore(ctx context.Context, tx *Tx, evID, unitID, catID string, v dossier.Tenths) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO score (evaluator_id, unit_id, category_id, tenths) VALUES (?, ?, ?, ?)
		ON CONFLICT (unit_id, evaluator_id, category_id) DO UPDATE SET tenths = excluded.tenths`, evID, unitID, catID, int64(v))
	return err
}

func readOverrides(ctx context.Context, q Querier) ([]dossier.ConflictOverride, error) {
	rows, err := q.QueryContext(ctx, `SELECT evaluator_id, unit_id, conflict, reason FROM conflict_override`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []dossier.ConflictOverride
	for rows.Next() {
		var o dossier.ConflictOverride
		if err := rows.Scan(&o.EvaluatorID, &o.UnitID, &o.Conflict, &o.Reason); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// SetComment records an evaluator's comment (备注) on a unit; "" clears it.
func (s *Store) SetComment(ctx context.Context, evaluator, code, text string) (err error) {
	defer s.wrap(&err, "保存评语")
	return s.tx(ctx, func(tx *Tx) error {
		e, u, err := lookupPair(ctx, tx, evaluator, code)
		if err != nil {
			return err
		}
		var old string
		if err := tx.QueryRowContext(ctx, `SELECT text FROM comment WHERE evaluator_id = ? AND unit_id = ?`, e.ID, u.ID).Scan(&old); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if err := putComment(ctx, tx, e.ID, u.ID, text); err != nil {
			return err
		}
		if strings.TrimSpace(text) == "" {
			text = ""
		}
		label := fmt.Sprintf("评委“%s”对 %s %s的评语", e.Name, u.Code, u.Name)
		ch := change{action: dossier.ActionCommentSet, unitID: u.ID, detail: fmt.Sprintf("评委“%s”对 %s 的评语已修改", e.Name, u.Code), subject: label,
			before: []string{label + "：" + dossier.ShowText(old)}, after: []string{label + "：" + dossier.ShowText(text)},
			undo: &undo{Kind: "scores", Comments: []undoComment{{e.ID, u.ID, old}}}}
		if old == "" {
			ch.before, ch.undo = nil, nil
		}
		return s.record(ctx, tx, ch)
	})
}

func putComment(ctx context.Context, tx *Tx, evID, unitID, text string) error {
	if strings.TrimSpace(text) == "" {
		_, err := tx.ExecContext(ctx, `DELETE FROM comment WHERE evaluator_id = ? AND unit_id = ?`, evID, unitID)
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO comment (evaluator_id, unit_id, text) VALUES (?, ?, ?)
		ON CONFLICT (unit_id, evaluator_id) DO UPDATE SET text = excluded.text`, evID, unitID, text)
	return err
}

// ScoreSheetResult is what merging a score workbook did.
type ScoreSheetResult struct {
	Evaluator string
	Changed   int               // scores written or changed
	Comments  int               // comments written or changed
	Warnings  []dossier.Problem // rows ignored (回避)
}

// ApplyScoreSheet merges an evaluator's score workbook: whole or not at all.
// dossier.PlanScoreSheet decides, inside the write transaction, against the
// campaign as it is: a refused workbook is a *dossier.FileError naming the
// cells, and nothing is written. A blank cell keeps the score; no other
// evaluator's scores are touched.
func (s *Store) ApplyScoreSheet(ctx context.Context, sh *dossier.ScoreSheet) (_ *ScoreSheetResult, err error) {
	defer s.wrap(&err, "导入评分表")
	res := &ScoreSheetResult{Evaluator: sh.Evaluator}
	err = s.tx(ctx, func(tx *Tx) error {
		book, err := readFrame(ctx, tx)
		if err != nil {
			return err
		}
		if book.Evaluators, err = readEvaluators(ctx, tx); err != nil {
			return err
		}
		if book.Overrides, err = readOverrides(ctx, tx); err != nil {
			return err
		}
		plan, err := dossier.PlanScoreSheet(book, sh)
		if err != nil {
			return err
		}
		e := *plan.Evaluator
		res.Warnings = plan.Ignored
		maxOf := map[string]dossier.Category{}
		for _, c := range book.Categories {
			maxOf[c.ID] = c
		}
		var before, after []string
		back := undo{Kind: "scores"}
		for _, w := range plan.Rows {
			for _, v := range w.Row.Values {
				old, err := scoreTx(ctx, tx, e.ID, w.Unit.ID, v.CategoryID)
				if err != nil {
					return err
				}
				if old.Valid && dossier.Tenths(old.Int64) == v.Value {
					continue
				}
				if err := putScore(ctx, tx, e.ID, w.Unit.ID, v.CategoryID, v.Value); err != nil {
					return err
				}
				res.Changed++
				label := fmt.Sprintf("%s %s“%s”（单元格 %s）", w.Unit.Code, w.Unit.Name, maxOf[v.CategoryID].Name, v.Cell)
				before = append(before, label+"："+showScore(old))
				after = append(after, label+"："+v.Value.String())
				back.Scores = append(back.Scores, undoScore{e.ID, w.Unit.ID, v.CategoryID, nullPtr(old)})
			}
			if w.Row.HasComment {
				var old string
				if err := tx.QueryRowContext(ctx, `SELECT text FROM comment WHERE evaluator_id = ? AND unit_id = ?`, e.ID, w.Unit.ID).Scan(&old); err != nil && !errors.Is(err, sql.ErrNoRows) {
					return err
				}
				if old != w.Row.Comment {
					if err := putComment(ctx, tx, e.ID, w.Unit.ID, w.Row.Comment); err != nil {
						return err
					}
					res.Comments++
					label := fmt.Sprintf("%s %s的评语", w.Unit.Code, w.Unit.Name)
					before = append(before, label+"："+dossier.ShowText(old))
					after = append(after, label+"："+dossier.ShowText(strings.TrimSpace(w.Row.Comment)))
					back.Comments = append(back.Comments, undoComment{e.ID, w.Unit.ID, old})
				}
			}
		}
		ch := change{action: dossier.ActionScoresImport, source: sh.File, subject: evaluatorWhat(&e) + "的评分表",
			detail: fmt.Sprintf("导入评委“%s”的评分表：%d 项评分、%d 条评语有变化，%d 行因回避忽略", e.Name, res.Changed, res.Comments, len(res.Warnings)),
			before: before, after: after}
		if len(back.Scores)+len(back.Comments) > 0 {
			ch.undo = &back
		}
		return s.record(ctx, tx, ch)
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}
