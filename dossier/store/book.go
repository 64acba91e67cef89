package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/dossier-app/dossier/dossier"
)

// LoadOptions say how much of the campaign Book reads.
type LoadOptions struct {
	Material bool // achievements, indicator values and photo captions
	Photos   bool // photo image data (implies Material)
}

// readFrame reads what every use of the campaign needs: its settings,
// categories with indicators and units' basic fields.
func readFrame(ctx context.Context, q Querier) (*dossier.Book, error) {
	b := &dossier.Book{}
	var err error
	if b.Campaign, err = readCampaign(ctx, q); err != nil {
		return nil, err
	}
	if b.Categories, err = readCategories(ctx, q); err != nil {
		return nil, err
	}
	if b.Units, err = readUnits(ctx, q); err != nil {
		return nil, err
	}
	return b, nil
}

// Book reads the whole campaign in one consistent read transaction.
func (s *Store) Book(ctx context.Context, opt LoadOptions) (_ *dossier.Book, err error) {
	defer s.wrap(&err, "读取评选活动")
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	defer tx.Rollback()
	b, err := readFrame(ctx, tx)
	if err != nil {
		return nil, err
	}
	if opt.Material || opt.Photos {
		m := make(map[string]*dossier.Unit, len(b.Units))
		for i := range b.Units {
			m[b.Units[i].ID] = &b.Units[i]
		}
		if err := readMaterial(ctx, tx, m, opt.Photos); err != nil {
			return nil, err
		}
	}
	if b.Evaluators, err = readEvaluators(ctx, tx); err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT evaluator_id, unit_id, conflict, reason FROM conflict_override ORDER BY evaluator_id, unit_id`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var o dossier.ConflictOverride
		if err := rows.Scan(&o.EvaluatorID, &o.UnitID, &o.Conflict, &o.Reason); err != nil {
			rows.Close()
			return nil, err
		}
		b.Overrides = append(b.Overrides, o)
	}
	rows.Close()
	if b.Calendar, err = readCalendar(ctx, tx); err != nil {
		return nil, err
	}
	rows, err = tx.QueryContext(ctx, `SELECT unit_id, recommended, reason FROM decision ORDER BY unit_id`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var d dossier.Decision
		if err := rows.Scan(&d.UnitID, &d.Recommended, &d.Reason); err != nil {
			rows.Close()
			return nil, err
		}
		b.Decisions = append(b.Decisions, d)
	}
	rows.Close()
	rows, err = tx.QueryContext(ctx, `SELECT evaluator_id, unit_id, category_id, tenths FROM score`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var sc dossier.Score
		if err := rows.Scan(&sc.EvaluatorID, &sc.UnitID, &sc.CategoryID, &sc.Value); err != nil {
			rows.Close()
			return nil, err
		}
		b.Scores = append(b.Scores, sc)
	}
	rows.Close()
	rows, err = tx.QueryContext(ctx, `SELECT evaluator_id, unit_id, text FROM comment ORDER BY unit_id, evaluator_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var c dossier.Comment
		if err := rows.Scan(&c.EvaluatorID, &c.UnitID, &c.Text); err != nil {
			return nil, err
		}
		b.Comments = append(b.Comments, c)
	}
	return b, rows.Err()
}

// Rank loads the campaign (without material) and ranks it.
func (s *Store) Rank(ctx context.Context) (_ *dossier.Book, _ *dossier.Ranking, err error) {
	defer s.wrap(&err, "计算排名")
	b, err := s.Book(ctx, LoadOptions{})
	if err != nil {
		return nil, nil, err
	}
	return b, dossier.Rank(b), nil
}
