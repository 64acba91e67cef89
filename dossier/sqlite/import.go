package sqlite

import (
	"context"
	"database/sql"
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
func (s *Store) Import(ctx context.Context, subs []dossier.Submission, dryRun bool) ([]dossier.ImportItem, error) {
	return s.ImportProgress(ctx, subs, dryRun, nil)
}

// ImportProgress is Import with a callback after each file is written
// (done, total), for a progress bar; progress may be nil.
func (s *Store) ImportProgress(ctx context.Context, subs []dossier.Submission, dryRun bool, progress func(done, total int)) ([]dossier.ImportItem, error) {
	// Plan against the units' basic fields (not the evaluators and scores
	// Book would read too); load material only for the units an update will
	// replace, to say what changes.
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	book, err := readFrame(ctx, tx)
	tx.Rollback()
	if err != nil {
		return nil, err
	}
	items := dossier.PlanImport(book.Units, subs)
	for i := range items {
		it := &items[i]
		if it.Action != dossier.ImportUpdate {
			continue
		}
		old, err := s.Unit(ctx, it.UnitID)
		if err != nil {
			return nil, err
		}
		nu := it.Sub.Unit
		if nu.Code == "" {
			nu.Code = old.Code
		}
		it.Changes = dossier.DiffUnit(book, &old, &nu)
		if len(it.Changes) == 0 {
			it.Changes = []string{"内容与现有版本相同"}
		}
	}
	if dryRun {
		return items, nil
	}
	for i := range items {
		it := &items[i]
		if it.Action == dossier.ImportRejected {
			if progress != nil {
				progress(i+1, len(items))
			}
			continue
		}
		if err := s.applyImport(ctx, it, book.Campaign.Year); err != nil {
			it.Action = dossier.ImportRejected
			it.Problems = append(it.Problems, fmt.Sprintf("%s：写入失败，未导入：%s", it.File, dossier.ErrorMessage(err)))
		}
		if progress != nil {
			progress(i+1, len(items))
		}
	}
	return items, nil
}

func (s *Store) applyImport(ctx context.Context, it *dossier.ImportItem, year int) error {
	u := it.Sub.Unit
	if err := s.tx(ctx, func(tx *sql.Tx) error {
		if it.Action == dossier.ImportNew {
			if u.Code == "" {
				code, err := nextCode(ctx, tx, year)
				if err != nil {
					return err
				}
				u.Code = code
			}
			u.Status = dossier.StatusAccepted
			if err := validateUnit(&u); err != nil {
				return err
			}
			if err := checkUnitClash(ctx, tx, &u, ""); err != nil {
				return err
			}
			u.ID, u.Revision = newID(), 1
			if err := insertUnit(ctx, tx, &u, s.stamp()); err != nil {
				return err
			}
			if err := writeMaterial(ctx, tx, &u); err != nil {
				return err
			}
			return s.event(ctx, tx, "import.new", u.ID, it.File, fmt.Sprintf("导入新单位 %s %s", u.Code, u.Name))
		}
		snap, rev, err := takeSnapshot(ctx, tx, it.UnitID)
		if err != nil {
			return fmt.Errorf("snapshot: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO revision (unit_id, revision, at, source, snapshot) VALUES (?, ?, ?, ?, ?)`,
			it.UnitID, rev, s.stamp(), it.File, snap); err != nil {
			return err
		}
		var status, code string
		if err := tx.QueryRowContext(ctx, `SELECT status, code FROM unit WHERE id = ?`, it.UnitID).Scan(&status, &code); err != nil {
			return err
		}
		u.ID, u.Status, u.Revision = it.UnitID, dossier.Status(status), rev+1
		if u.Code == "" {
			u.Code = code
		}
		if err := validateUnit(&u); err != nil {
			return err
		}
		if err := checkUnitClash(ctx, tx, &u, u.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE unit SET code = ?, name = ?, region = ?, kind = ?, recommender = ?, contact = ?, phone = ?, title = ?, summary = ?, revision = ?, updated_at = ? WHERE id = ?`,
			u.Code, u.Name, u.Region, u.Kind, u.Recommender, u.Contact, u.Phone, u.Title, u.Summary, u.Revision, s.stamp(), u.ID); err != nil {
			return err
		}
		if err := writeMaterial(ctx, tx, &u); err != nil {
			return err
		}
		return s.event(ctx, tx, "import.update", u.ID, it.File, fmt.Sprintf("重新导入，第 %d 版：%s", u.Revision, strings.Join(it.Changes, "；")))
	}); err != nil {
		return err
	}
	it.UnitID, it.Code = u.ID, u.Code
	return nil
}

// nextCode is dossier.NextCode over the campaign's codes, so an imported
// unit without a 申报编号 is numbered like the app would number it.
func nextCode(ctx context.Context, tx *sql.Tx, year int) (string, error) {
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
