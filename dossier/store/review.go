package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/dossier-app/dossier/dossier"
)

// OutlierPct is the campaign's 畸高畸低 threshold in percent of the full mark.
func (s *Store) OutlierPct(ctx context.Context) (_ int, err error) {
	defer s.wrap(&err, "读取复核设置")
	var p int
	err = s.r.QueryRowContext(ctx, `SELECT outlier_pct FROM scoring`).Scan(&p)
	return p, err
}

// SetOutlierPct sets the 畸高畸低 threshold (1–100). It only decides which
// totals are flagged for 复核, never a score or a rank, so it is no rule
// change and needs no reason.
func (s *Store) SetOutlierPct(ctx context.Context, pct int) (err error) {
	defer s.wrap(&err, "保存复核设置")
	if pct < 1 || pct > 100 {
		return dossier.Errorf(dossier.EINVALID, "畸高畸低阈值 %d%% 无效，应在 1 到 100 之间", pct)
	}
	return s.tx(ctx, func(tx *Tx) error {
		var old int
		if err := tx.QueryRowContext(ctx, `SELECT outlier_pct FROM scoring`).Scan(&old); err != nil {
			return err
		}
		if old == pct {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE scoring SET outlier_pct = ?`, pct); err != nil {
			return err
		}
		return s.record(ctx, tx, change{action: dossier.ActionReviewOutlierPct, subject: "复核设置",
			before: []string{fmt.Sprintf("畸高畸低阈值：满分的 %d%%", old)}, after: []string{fmt.Sprintf("畸高畸低阈值：满分的 %d%%", pct)},
			detail: fmt.Sprintf("畸高畸低阈值由满分的 %d%% 改为 %d%%", old, pct)})
	})
}

// Resolutions returns the recorded 复核 resolutions by flag ID.
func (s *Store) Resolutions(ctx context.Context) (_ map[string]dossier.Resolution, err error) {
	defer s.wrap(&err, "读取复核记录")
	rows, err := s.r.QueryContext(ctx, `SELECT flag_id, by, note, at FROM review_resolution ORDER BY flag_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]dossier.Resolution{}
	for rows.Next() {
		var r dossier.Resolution
		if err := rows.Scan(&r.FlagID, &r.By, &r.Note, &r.At); err != nil {
			return nil, err
		}
		out[r.FlagID] = r
	}
	return out, rows.Err()
}

// ResolveFlag records who reviewed flag f and what they decided. A second
// resolution of the same flag replaces the first, which the history keeps.
func (s *Store) ResolveFlag(ctx context.Context, f dossier.Flag, by, note string) (err error) {
	defer s.wrap(&err, "记录复核结果")
	by, note = strings.TrimSpace(by), strings.TrimSpace(note)
	if by == "" || note == "" {
		return dossier.Errorf(dossier.EINVALID, "请填写复核人（--by）和复核意见（--note）")
	}
	return s.tx(ctx, func(tx *Tx) error {
		var before []string
		var oldBy, oldNote string
		err := tx.QueryRowContext(ctx, `SELECT by, note FROM review_resolution WHERE flag_id = ?`, f.ID).Scan(&oldBy, &oldNote)
		if err == nil {
			before = []string{"复核人：" + oldBy + "；意见：" + oldNote}
		} else if err != sql.ErrNoRows {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO review_resolution (flag_id, by, note, at) VALUES (?, ?, ?, ?)
			ON CONFLICT (flag_id) DO UPDATE SET by = excluded.by, note = excluded.note, at = excluded.at`, f.ID, by, note, s.stamp()); err != nil {
			return err
		}
		subject := "复核标记 " + f.ID + "（" + dossier.FlagLabel(f.Kind) + "）"
		return s.record(ctx, tx, change{action: dossier.ActionReviewResolve, unitID: f.UnitID, subject: subject, before: before,
			after:  []string{"复核人：" + by + "；意见：" + note},
			detail: fmt.Sprintf("%s：%s；复核人 %s：%s", subject, f.Detail, by, note)})
	})
}
