package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/dossier-app/dossier/dossier"
)

// Evaluators returns the evaluators in list order.
func (s *Store) Evaluators(ctx context.Context) (_ []dossier.Evaluator, err error) {
	defer s.wrap(&err, "读取评委")
	return readEvaluators(ctx, s.r)
}

func readEvaluators(ctx context.Context, q Querier) ([]dossier.Evaluator, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, affiliation, region, role, position, version FROM evaluator ORDER BY position, name`)
	if err != nil {
		return nil, fmt.Errorf("read evaluators: %w", err)
	}
	defer rows.Close()
	var out []dossier.Evaluator
	for rows.Next() {
		var e dossier.Evaluator
		if err := rows.Scan(&e.ID, &e.Name, &e.Affiliation, &e.Region, &e.Role, &e.Position, &e.Version); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// AddEvaluator appends an evaluator to the list.
func (s *Store) AddEvaluator(ctx context.Context, e *dossier.Evaluator) (err error) {
	defer s.wrap(&err, "新增评委")
	if err := e.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(position) + 1, 0) FROM evaluator`).Scan(&e.Position); err != nil {
			return err
		}
		e.ID, e.Version = newID(), 1
		_, err := tx.ExecContext(ctx, `INSERT INTO evaluator (id, name, affiliation, region, role, position) VALUES (?, ?, ?, ?, ?, ?)`,
			e.ID, e.Name, e.Affiliation, e.Region, e.Role, e.Position)
		if tx.isUnique(err) {
			return dossier.Errorf(dossier.ECONFLICT, "评委“%s”已存在", e.Name)
		} else if err != nil {
			return err
		}
		return s.event(ctx, tx, dossier.ActionEvaluatorAdd, "", "", fmt.Sprintf("新增评委“%s”（%s，%s）", e.Name, e.Affiliation, e.Region))
	})
}

// evaluatorTx reads one evaluator.
func evaluatorTx(ctx context.Context, q Querier, id string) (dossier.Evaluator, error) {
	var e dossier.Evaluator
	err := q.QueryRowContext(ctx, `SELECT id, name, affiliation, region, role, position, version FROM evaluator WHERE id = ?`, id).
		Scan(&e.ID, &e.Name, &e.Affiliation, &e.Region, &e.Role, &e.Position, &e.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return e, dossier.Errorf(dossier.ENOTFOUND, "评委不存在")
	}
	return e, err
}

func evaluatorWhat(e *dossier.Evaluator) string { return "评委“" + e.Name + "”" }

// evaluatorFields are an evaluator's fields as the history shows them.
var evaluatorFields = []fieldDef[dossier.Evaluator]{
	{"姓名", func(e *dossier.Evaluator) string { return e.Name }, func(d, s *dossier.Evaluator) { d.Name = s.Name }},
	{"工作单位", func(e *dossier.Evaluator) string { return e.Affiliation }, func(d, s *dossier.Evaluator) { d.Affiliation = s.Affiliation }},
	{"所属地区", func(e *dossier.Evaluator) string { return e.Region }, func(d, s *dossier.Evaluator) { d.Region = s.Region }},
	{"角色", func(e *dossier.Evaluator) string { return e.Role }, func(d, s *dossier.Evaluator) { d.Role = s.Role }},
}

// UpdateEvaluator saves an evaluator's name, affiliation, region and role.
// e.Version must be the version e was loaded at (a stale one is refused
// with a *dossier.StaleError); on success it is the new version.
func (s *Store) UpdateEvaluator(ctx context.Context, e *dossier.Evaluator) (err error) {
	defer s.wrap(&err, "保存评委")
	v := *e
	if err := v.Validate(); err != nil {
		return err
	}
	if err := s.tx(ctx, func(tx *Tx) error { return s.updateEvaluatorTx(ctx, tx, &v, dossier.ActionEvaluatorUpdate, "") }); err != nil {
		return err
	}
	*e = v
	return nil
}

func (s *Store) updateEvaluatorTx(ctx context.Context, tx *Tx, e *dossier.Evaluator, action dossier.Action, why string) error {
	if err := e.Validate(); err != nil {
		return err
	}
	old, err := evaluatorTx(ctx, tx, e.ID)
	if err != nil {
		return err
	}
	if old.Version != e.Version {
		return &dossier.StaleError{What: evaluatorWhat(&old), Current: old}
	}
	names, before, after, short := diffFields(evaluatorFields, &old, e)
	if len(names) == 0 {
		return nil
	}
	_, err = tx.ExecContext(ctx, `UPDATE evaluator SET name = ?, affiliation = ?, region = ?, role = ?, version = version + 1 WHERE id = ?`,
		e.Name, e.Affiliation, e.Region, e.Role, e.ID)
	if tx.isUnique(err) {
		return dossier.Errorf(dossier.ECONFLICT, "评委“%s”已存在", e.Name)
	} else if err != nil {
		return err
	}
	e.Version = old.Version + 1
	detail := fmt.Sprintf("修改评委“%s”：%s", old.Name, strings.Join(short, "；"))
	if why != "" {
		detail = why + "，" + detail
	}
	return s.record(ctx, tx, change{action: action, detail: detail, subject: evaluatorWhat(&old), before: before, after: after,
		undo: &undo{Kind: "evaluator", Fields: names, Evaluator: &old}})
}

// RemoveEvaluator deletes an evaluator who has entered no score or comment.
// base is the version the caller's copy was loaded at (a stale one is
// refused). The history keeps the evaluator as they were.
func (s *Store) RemoveEvaluator(ctx context.Context, id string, base int64) (err error) {
	defer s.wrap(&err, "删除评委")
	return s.tx(ctx, func(tx *Tx) error {
		old, err := evaluatorTx(ctx, tx, id)
		if err != nil {
			return err
		}
		if old.Version != base {
			return &dossier.StaleError{What: evaluatorWhat(&old), Current: old}
		}
		var n int
		err = tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM score WHERE evaluator_id = ?1) + (SELECT count(*) FROM comment WHERE evaluator_id = ?1)`, id).Scan(&n)
		if err != nil {
			return err
		}
		if n > 0 {
			return dossier.Errorf(dossier.ECONFLICT, "评委“%s”已录入 %d 项评分或评语，不能删除", old.Name, n)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM evaluator WHERE id = ?`, id); err != nil {
			return err
		}
		var before []string
		for _, f := range evaluatorFields {
			before = append(before, f.label+"："+dossier.ShowText(f.show(&old)))
		}
		return s.record(ctx, tx, change{action: dossier.ActionEvaluatorRemove, detail: "删除评委“" + old.Name + "”", subject: evaluatorWhat(&old), before: before})
	})
}

func lookupPair(ctx context.Context, q Querier, evaluator, code string) (dossier.Evaluator, dossier.Unit, error) {
	var e dossier.Evaluator
	err := q.QueryRowContext(ctx, `SELECT id, name, affiliation, region, role, position, version FROM evaluator WHERE name = ?`, dossier.NormName(evaluator)).
		Scan(&e.ID, &e.Name, &e.Affiliation, &e.Region, &e.Role, &e.Position, &e.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return e, dossier.Unit{}, dossier.Errorf(dossier.ENOTFOUND, "评委“%s”不存在", evaluator)
	} else if err != nil {
		return e, dossier.Unit{}, err
	}
	u, err := scanUnit(q.QueryRowContext(ctx, `SELECT `+unitColumns+` FROM unit WHERE code = ? COLLATE NOCASE`, dossier.NormCode(code)))
	if errors.Is(err, sql.ErrNoRows) {
		return e, u, dossier.Errorf(dossier.ENOTFOUND, "申报编号“%s”的单位不存在", code)
	}
	return e, u, err
}

// AddConflict records a manual 回避 between an evaluator (by name) and a
// unit (by code), with its reason.
func (s *Store) AddConflict(ctx context.Context, evaluator, code, reason string) (err error) {
	defer s.wrap(&err, "添加回避")
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return dossier.Errorf(dossier.EINVALID, "请填写回避理由")
	}
	// The 回避's own reason is the rule change's reason.
	ctx = reasonOr(ctx, reason)
	return s.tx(ctx, func(tx *Tx) error {
		e, u, err := lookupPair(ctx, tx, evaluator, code)
		if err != nil {
			return err
		}
		before, err := overrideText(ctx, tx, e.ID, u.ID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO conflict_override (evaluator_id, unit_id, conflict, reason, at) VALUES (?, ?, 1, ?, ?)
			ON CONFLICT (evaluator_id, unit_id) DO UPDATE SET conflict = 1, reason = excluded.reason, at = excluded.at`,
			e.ID, u.ID, reason, s.stamp()); err != nil {
			return err
		}
		subject := fmt.Sprintf("评委“%s”与单位 %s %s的回避", e.Name, u.Code, u.Name)
		return s.record(ctx, tx, change{action: dossier.ActionConflictAdd, unitID: u.ID, subject: subject, before: before,
			after:  []string{"回避：是；理由：" + reason},
			detail: fmt.Sprintf("评委“%s”回避单位 %s %s：%s", e.Name, u.Code, u.Name, reason)})
	})
}

// RemoveConflict lifts a 回避 between an evaluator and a unit: an automatic
// one is overridden (recorded with the reason), a manual one is withdrawn.
func (s *Store) RemoveConflict(ctx context.Context, evaluator, code, reason string) (err error) {
	defer s.wrap(&err, "解除回避")
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return dossier.Errorf(dossier.EINVALID, "请填写解除回避的理由")
	}
	// The 回避's own reason is the rule change's reason.
	ctx = reasonOr(ctx, reason)
	return s.tx(ctx, func(tx *Tx) error {
		e, u, err := lookupPair(ctx, tx, evaluator, code)
		if err != nil {
			return err
		}
		var manual sql.NullBool
		err = tx.QueryRowContext(ctx, `SELECT conflict FROM conflict_override WHERE evaluator_id = ? AND unit_id = ?`, e.ID, u.ID).Scan(&manual)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		auto := dossier.AutoConflict(e, u)
		manualBefore, err := overrideText(ctx, tx, e.ID, u.ID)
		if err != nil {
			return err
		}
		switch {
		case auto != "":
			if manual.Valid && !manual.Bool {
				return dossier.Errorf(dossier.EINVALID, "评委“%s”与单位 %s 的自动回避已解除", e.Name, u.Code)
			}
			_, err = tx.ExecContext(ctx, `INSERT INTO conflict_override (evaluator_id, unit_id, conflict, reason, at) VALUES (?, ?, 0, ?, ?)
				ON CONFLICT (evaluator_id, unit_id) DO UPDATE SET conflict = 0, reason = excluded.reason, at = excluded.at`, e.ID, u.ID, reason, s.stamp())
		case manual.Valid && manual.Bool:
			_, err = tx.ExecContext(ctx, `DELETE FROM conflict_override WHERE evaluator_id = ? AND unit_id = ?`, e.ID, u.ID)
		default:
			return dossier.Errorf(dossier.ENOTFOUND, "评委“%s”与单位 %s 之间没有回避关系", e.Name, u.Code)
		}
		if err != nil {
			return err
		}
		before := []string{"回避：是（自动：" + auto + "）"}
		if manual.Valid && manual.Bool {
			before = manualBefore
		}
		subject := fmt.Sprintf("评委“%s”与单位 %s %s的回避", e.Name, u.Code, u.Name)
		return s.record(ctx, tx, change{action: dossier.ActionConflictRemove, unitID: u.ID, subject: subject, before: before,
			after:  []string{"回避：否；理由：" + reason},
			detail: fmt.Sprintf("解除评委“%s”对单位 %s %s 的回避：%s", e.Name, u.Code, u.Name, reason)})
	})
}

func verdictText(recommended bool) string {
	if recommended {
		return "推荐"
	}
	return "不推荐"
}

// overrideText is a pair's manual 回避 record as the history shows it, nil
// when there is none.
func overrideText(ctx context.Context, tx *Tx, evID, unitID string) ([]string, error) {
	var conflict bool
	var reason string
	err := tx.QueryRowContext(ctx, `SELECT conflict, reason FROM conflict_override WHERE evaluator_id = ? AND unit_id = ?`, evID, unitID).Scan(&conflict, &reason)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	if conflict {
		return []string{"回避：是；理由：" + reason}, nil
	}
	return []string{"回避：否（已解除自动回避）；理由：" + reason}, nil
}

// SetDecision records the committee's decision on a unit whose tie group
// straddles the cut line.
func (s *Store) SetDecision(ctx context.Context, code string, recommended bool, reason string) (err error) {
	defer s.wrap(&err, "记录评委会决定")
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return dossier.Errorf(dossier.EINVALID, "请填写评委会决定的依据")
	}
	return s.tx(ctx, func(tx *Tx) error {
		var id, name string
		err := tx.QueryRowContext(ctx, `SELECT id, name FROM unit WHERE code = ? COLLATE NOCASE`, dossier.NormCode(code)).Scan(&id, &name)
		if errors.Is(err, sql.ErrNoRows) {
			return dossier.Errorf(dossier.ENOTFOUND, "申报编号“%s”的单位不存在", code)
		} else if err != nil {
			return err
		}
		var before []string
		var wasRec bool
		var wasReason string
		err = tx.QueryRowContext(ctx, `SELECT recommended, reason FROM decision WHERE unit_id = ?`, id).Scan(&wasRec, &wasReason)
		if err == nil {
			before = []string{"评委会决定：" + verdictText(wasRec) + "；依据：" + wasReason}
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO decision (unit_id, recommended, reason, at) VALUES (?, ?, ?, ?)
			ON CONFLICT (unit_id) DO UPDATE SET recommended = excluded.recommended, reason = excluded.reason, at = excluded.at`,
			id, recommended, reason, s.stamp()); err != nil {
			return err
		}
		verdict := verdictText(recommended)
		return s.record(ctx, tx, change{action: dossier.ActionDecision, unitID: id, subject: fmt.Sprintf("评委会对单位 %s %s的决定", code, name),
			before: before, after: []string{"评委会决定：" + verdict + "；依据：" + reason},
			detail: fmt.Sprintf("评委会决定：%s %s %s。依据：%s", code, name, verdict, reason)})
	})
}

// ReorderEvaluators sets the evaluator list order to ids (every evaluator
// once). The order decides which of several equal highest or lowest totals
// is dropped, so the change is recorded.
func (s *Store) ReorderEvaluators(ctx context.Context, ids []string) (err error) {
	defer s.wrap(&err, "调整评委顺序")
	return s.tx(ctx, func(tx *Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM evaluator`).Scan(&n); err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, id := range ids {
			seen[id] = true
		}
		if len(ids) != n || len(seen) != n {
			return dossier.Errorf(dossier.EINVALID, "评委顺序必须列出每位评委各一次")
		}
		old, err := readEvaluators(ctx, tx)
		if err != nil {
			return err
		}
		var oldNames []string
		for _, e := range old {
			oldNames = append(oldNames, e.Name)
		}
		var names []string
		for i, id := range ids {
			var name string
			if err := tx.QueryRowContext(ctx, `SELECT name FROM evaluator WHERE id = ?`, id).Scan(&name); err != nil {
				if errors.Is(err, sql.ErrNoRows) {
					return dossier.Errorf(dossier.ENOTFOUND, "评委不存在")
				}
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE evaluator SET position = ?1, version = version + (position <> ?1) WHERE id = ?2`, i, id); err != nil {
				return err
			}
			names = append(names, name)
		}
		return s.record(ctx, tx, change{action: dossier.ActionEvaluatorReorder, detail: "调整评委顺序：" + strings.Join(names, "、"), subject: "评委顺序",
			before: []string{"评委顺序：" + strings.Join(oldNames, "、")}, after: []string{"评委顺序：" + strings.Join(names, "、")}})
	})
}

// Conflict returns why an evaluator (by name) must not score a unit (by
// code), or "" when the evaluator may: the campaign's 回避 rule for one pair,
// without loading the campaign.
func (s *Store) Conflict(ctx context.Context, evaluator, code string) (_ string, err error) {
	defer s.wrap(&err, "读取回避")
	e, u, err := lookupPair(ctx, s.r, evaluator, code)
	if err != nil {
		return "", err
	}
	var o dossier.ConflictOverride
	err = s.r.QueryRowContext(ctx, `SELECT evaluator_id, unit_id, conflict, reason FROM conflict_override WHERE evaluator_id = ? AND unit_id = ?`, e.ID, u.ID).
		Scan(&o.EvaluatorID, &o.UnitID, &o.Conflict, &o.Reason)
	b := dossier.Book{}
	if err == nil {
		b.Overrides = []dossier.ConflictOverride{o}
	} else if !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	return b.Conflict(&e, &u), nil
}
