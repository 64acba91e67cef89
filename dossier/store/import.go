package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/dossier-app/dossier/dossier"
)

// Import plans the submissions against the campaign (new / update /
// rejected) and, unless dryRun, writes each accepted unit in its own
// transaction: a new unit at revision 1, an update as a new revision with the
// previous state kept. A unit without a 申报编号 gets the next free code in
// the campaign's own numbering (dossier.NextCode). Items carry
// the outcome; a database failure on one file rejects that file only.
func (s *Store) Import(ctx context.Context, subs []dossier.Submission, dryRun bool) (_ []dossier.ImportItem, err error) {
	defer s.wrap(&err, "导入申报表")
	return s.ImportProgress(ctx, subs, dryRun, nil)
}

// ImportProgress is Import with a callback after each file is written
// (done, total), for a progress bar; progress may be nil.
func (s *Store) ImportProgress(ctx context.Context, subs []dossier.Submission, dryRun bool, progress func(done, total int)) (_ []dossier.ImportItem, err error) {
	defer s.wrap(&err, "导入申报表")
	items, book, err := s.planImport(ctx, subs)
	if err != nil || dryRun {
		return items, err
	}
	s.writeImport(ctx, items, book, progress)
	return items, nil
}

// ImportPlanned writes the items a dry run of Import has just returned,
// without planning them again, so an import that shows its plan before it
// writes (dossierctl import says what a re-import removes) reads the
// stored units once. Each write still decides inside its transaction: a
// new unit whose code or name was taken meanwhile is refused with the
// clash, an update is compared with the unit as it is then. items is not
// changed; the outcome is returned, item by item.
func (s *Store) ImportPlanned(ctx context.Context, items []dossier.ImportItem, progress func(done, total int)) (_ []dossier.ImportItem, err error) {
	defer s.wrap(&err, "导入申报表")
	c, err := readCampaign(ctx, s.r)
	if err != nil {
		return nil, err
	}
	out := append([]dossier.ImportItem(nil), items...)
	s.writeImport(ctx, out, &dossier.Book{Campaign: c}, progress)
	return out, nil
}

// planImport plans the submissions against the units' basic fields (not
// the evaluators and scores Book would read too), loading material only
// for the units an update will replace, to say what changes.
func (s *Store) planImport(ctx context.Context, subs []dossier.Submission) ([]dossier.ImportItem, *dossier.Book, error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, nil, fmt.Errorf("import: %w", err)
	}
	book, err := readFrame(ctx, tx)
	tx.Rollback()
	if err != nil {
		return nil, nil, err
	}
	items := dossier.PlanImport(book.Units, subs)
	for i := range items {
		it := &items[i]
		if it.Action == dossier.ImportRejected {
			continue
		}
		it.Warnings = append(it.Warnings, it.Sub.Warnings...)
		if it.Action != dossier.ImportUpdate {
			continue
		}
		old, err := s.Unit(ctx, it.UnitID)
		if err != nil {
			return nil, nil, err
		}
		nu := mergeSubmission(it, &old)
		describeUpdate(book, it, &old, &nu)
	}
	return items, book, nil
}

// writeImport writes each accepted item in its own transaction; a
// database failure rejects that item only. book needs the campaign (its
// year numbers units without a code).
func (s *Store) writeImport(ctx context.Context, items []dossier.ImportItem, book *dossier.Book, progress func(done, total int)) {
	for i := range items {
		it := &items[i]
		if it.Action == dossier.ImportRejected {
			if progress != nil {
				progress(i+1, len(items))
			}
			continue
		}
		if err := s.applyImport(ctx, it, book); err != nil {
			it.Action = dossier.ImportRejected
			it.Problems = append(it.Problems, dossier.Problem{File: it.File, Message: "写入失败，未导入：" + dossier.ErrorMessage(err)})
		}
		if progress != nil {
			progress(i+1, len(items))
		}
	}
}

// mergeSubmission is the unit an update would store: the workbook's
// content, the stored unit's identity and status, and the stored material
// of every sheet the workbook did not have (a missing sheet is not an
// empty one).
func mergeSubmission(it *dossier.ImportItem, old *dossier.Unit) dossier.Unit {
	nu := it.Sub.Unit
	nu.ID, nu.Status, nu.Revision, nu.Version = old.ID, old.Status, old.Revision, old.Version
	if nu.Code == "" {
		nu.Code = old.Code
	}
	a := it.Sub.Absent
	if a.Achievements {
		nu.Achievements = old.Achievements
	}
	if a.Values {
		nu.Values = old.Values
	}
	if a.Photos {
		nu.Photos = old.Photos
	}
	return nu
}

// describeUpdate fills an update's changes, removals and notes on kept
// material from the stored unit and the one the import would store.
func describeUpdate(b *dossier.Book, it *dossier.ImportItem, old, nu *dossier.Unit) dossier.UnitDiff {
	d := dossier.CompareUnits(b, old, nu, false)
	it.Changes, it.Removals, it.Unchanged = d.Changes, d.Removals, d.Same()
	if it.Unchanged {
		it.Changes = []string{Unchanged}
	}
	var kept []string
	a := it.Sub.Absent
	if a.Achievements && len(old.Achievements) > 0 {
		kept = append(kept, fmt.Sprintf("文件 %s 没有工作表“事迹材料”，已有的 %d 节事迹材料保留不变", it.File, len(old.Achievements)))
	}
	if a.Values && len(old.Values) > 0 {
		kept = append(kept, fmt.Sprintf("文件 %s 没有工作表“量化指标”，已有的 %d 项指标数值保留不变", it.File, len(old.Values)))
	}
	if a.Photos && len(old.Photos) > 0 {
		kept = append(kept, fmt.Sprintf("文件 %s 没有工作表“图片”，已有的 %d 张图片保留不变", it.File, len(old.Photos)))
	}
	it.Warnings = append(it.Sub.Warnings[:len(it.Sub.Warnings):len(it.Sub.Warnings)], kept...)
	return d
}

// Unchanged is the note on a re-import whose workbook equals the stored
// unit: nothing is written.
const Unchanged = "内容与现有版本相同，未改变"

func (s *Store) applyImport(ctx context.Context, it *dossier.ImportItem, book *dossier.Book) error {
	u := it.Sub.Unit
	if err := s.tx(ctx, func(tx *Tx) error {
		if it.Action == dossier.ImportNew {
			if u.Code == "" {
				code, err := nextCode(ctx, tx, book.Campaign.Year)
				if err != nil {
					return err
				}
				u.Code = code
			}
			u.Status = dossier.StatusAccepted
			if err := u.Validate(); err != nil {
				return err
			}
			if err := checkUnitClash(ctx, tx, &u, ""); err != nil {
				return err
			}
			u.ID, u.Revision, u.Version = newID(), 1, 1
			if err := insertUnit(ctx, tx, &u, s.stamp()); err != nil {
				return err
			}
			if err := writeMaterial(ctx, tx, &u); err != nil {
				return err
			}
			return s.event(ctx, tx, dossier.ActionImportNew, u.ID, it.File, fmt.Sprintf("导入新单位 %s %s", u.Code, u.Name))
		}
		// Decide again inside the write: the unit may have changed since
		// the plan was made.
		cur, err := unitTx(ctx, tx, it.UnitID, true)
		if err != nil {
			return err
		}
		cats, err := readCategories(ctx, tx)
		if err != nil {
			return err
		}
		b := &dossier.Book{Categories: cats}
		u = mergeSubmission(it, &cur)
		d := describeUpdate(b, it, &cur, &u)
		if d.Same() {
			return nil
		}
		if err := u.Validate(); err != nil {
			return err
		}
		if err := checkUnitClash(ctx, tx, &u, u.ID); err != nil {
			return err
		}
		detail := fmt.Sprintf("重新导入，第 %d 版：%s", cur.Revision+1, strings.Join(d.Changes, "；"))
		return s.newRevisionTx(ctx, tx, &cur, &u, &d, dossier.ActionImportUpdate, it.File, detail)
	}); err != nil {
		return err
	}
	it.UnitID, it.Code = u.ID, u.Code
	return nil
}

// newRevisionTx stores nu (basic fields but status, and material) as the
// unit's next revision, keeping its current state as the previous one.
func (s *Store) newRevisionTx(ctx context.Context, tx *Tx, cur, nu *dossier.Unit, d *dossier.UnitDiff, action dossier.Action, source, detail string) error {
	snap, rev, err := takeSnapshot(ctx, tx, cur.ID)
	if err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO revision (unit_id, revision, at, source, snapshot) VALUES (?, ?, ?, ?, ?)`,
		cur.ID, rev, s.stamp(), source, snap); err != nil {
		return err
	}
	nu.ID, nu.Revision, nu.Version = cur.ID, rev+1, cur.Version+1
	if _, err := tx.ExecContext(ctx, `UPDATE unit SET code = ?, name = ?, region = ?, kind = ?, recommender = ?, contact = ?, phone = ?, title = ?, summary = ?, revision = ?, version = version + 1, updated_at = ? WHERE id = ?`,
		nu.Code, nu.Name, nu.Region, nu.Kind, nu.Recommender, nu.Contact, nu.Phone, nu.Title, nu.Summary, nu.Revision, s.stamp(), nu.ID); err != nil {
		return err
	}
	if err := writeMaterial(ctx, tx, nu); err != nil {
		return err
	}
	return s.record(ctx, tx, change{action: action, unitID: cur.ID, source: source, detail: detail, subject: unitWhat(cur),
		before: d.Before, after: d.After, undo: &undo{Kind: "revision", Revision: rev}})
}

// RestoreRevision brings back an earlier revision of a unit (its basic
// fields but its status, and its material, photos included) as a new
// revision; the state it replaces is kept as a revision too. It is refused
// with a Chinese message for the current or an unknown revision, or one
// identical to the current content.
func (s *Store) RestoreRevision(ctx context.Context, unitID string, revision int) (err error) {
	defer s.wrap(&err, "恢复历史版本")
	return s.tx(ctx, func(tx *Tx) error { return s.restoreRevisionTx(ctx, tx, unitID, revision, "") })
}

func (s *Store) restoreRevisionTx(ctx context.Context, tx *Tx, unitID string, revision int, why string) error {
	cur, err := unitTx(ctx, tx, unitID, true)
	if err != nil {
		return err
	}
	if revision == cur.Revision {
		return dossier.Errorf(dossier.EINVALID, "第 %d 版就是%s的当前版本，无需恢复", revision, unitWhat(&cur))
	}
	var js string
	err = tx.QueryRowContext(ctx, `SELECT snapshot FROM revision WHERE unit_id = ? AND revision = ?`, unitID, revision).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return dossier.Errorf(dossier.ENOTFOUND, "%s没有第 %d 版（当前为第 %d 版）", unitWhat(&cur), revision, cur.Revision)
	} else if err != nil {
		return err
	}
	old, err := unitFromSnapshot(ctx, tx, js)
	if err != nil {
		return err
	}
	nu := cur
	for _, f := range dossier.UnitFields {
		if f.Label != "状态" {
			*f.Get(&nu) = *f.Get(&old)
		}
	}
	nu.Achievements, nu.Values, nu.Photos = old.Achievements, old.Values, old.Photos
	for i := range nu.Photos {
		nu.Photos[i].ID = ""
	}
	if err := nu.Validate(); err != nil {
		return err
	}
	if err := checkUnitClash(ctx, tx, &nu, nu.ID); err != nil {
		return err
	}
	cats, err := readCategories(ctx, tx)
	if err != nil {
		return err
	}
	d := dossier.CompareUnits(&dossier.Book{Categories: cats}, &cur, &nu, false)
	if d.Same() {
		return dossier.Errorf(dossier.EINVALID, "第 %d 版与%s的当前内容相同，无需恢复", revision, unitWhat(&cur))
	}
	detail := fmt.Sprintf("恢复第 %d 版，成为第 %d 版：%s", revision, cur.Revision+1, strings.Join(d.Changes, "；"))
	if why != "" {
		detail = why + "，" + detail
	}
	if err := s.newRevisionTx(ctx, tx, &cur, &nu, &d, dossier.ActionUnitRestore, "", detail); err != nil {
		if dossier.ErrorCode(err) == dossier.ENOTFOUND {
			return dossier.Errorf(dossier.ENOTFOUND, "无法恢复第 %d 版：%s（该版本中的类别或指标已被删除）", revision, dossier.ErrorMessage(err))
		}
		return err
	}
	return nil
}

// nextCode is dossier.NextCode over the campaign's codes, so an imported
// unit without a 申报编号 is numbered like the app would number it.
func nextCode(ctx context.Context, tx *Tx, year int) (string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT code FROM unit`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var codes []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return "", err
		}
		codes = append(codes, c)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	return dossier.NextCode(codes, year), nil
}
