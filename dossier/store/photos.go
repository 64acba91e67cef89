package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/dossier-app/dossier/dossier"
)

// putRenditions stores the renditions of picture hash that p carries; ones
// already stored (the same picture imported before) are kept.
func putRenditions(ctx context.Context, tx *Tx, hash string, p *dossier.Photo) error {
	for _, r := range p.Renditions {
		if (r.Format != "jpeg" && r.Format != "png") || r.Width <= 0 || r.Height <= 0 || len(r.Data) == 0 {
			return dossier.Errorf(dossier.EINVALID, "图片的缩小副本无效")
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO image_rendition (hash, width, height, format, data) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (hash, width) DO NOTHING`, hash, r.Width, r.Height, r.Format, r.Data); err != nil {
			return fmt.Errorf("store rendition: %w", err)
		}
	}
	return nil
}

// PhotoReader reads photos' pictures one at a time, for documents that
// embed many photos without holding them all in memory (it satisfies
// pdf.PhotoSource). Each read is a query of its own on the read pool, so
// it is safe to use from several goroutines.
type PhotoReader struct {
	s   *Store
	ctx context.Context
}

// Photos returns a reader of the campaign's photo pictures; ctx bounds
// every read it makes.
func (s *Store) Photos(ctx context.Context) *PhotoReader {
	return &PhotoReader{s: s, ctx: ctx}
}

// PhotoData returns the photo with the given ID and, in Data, the smallest
// stored copy of its picture at least minWidth pixels wide: a rendition
// made at import, or the picture itself when no rendition is that wide.
// Format, Width and Height describe the copy returned.
func (r *PhotoReader) PhotoData(id string, minWidth int) (_ dossier.Photo, err error) {
	defer r.s.wrap(&err, "读取图片")
	var p dossier.Photo
	var hash string
	err = r.s.r.QueryRowContext(r.ctx, `SELECT p.id, coalesce(p.category_id, ''), p.caption, p.image_hash, m.format, m.width, m.height
		FROM photo p JOIN image m ON m.hash = p.image_hash WHERE p.id = ?`, id).
		Scan(&p.ID, &p.CategoryID, &p.Caption, &hash, &p.Format, &p.Width, &p.Height)
	if errors.Is(err, sql.ErrNoRows) {
		return p, dossier.Errorf(dossier.ENOTFOUND, "图片已被删除")
	}
	if err != nil {
		return p, fmt.Errorf("read photo %s: %w", id, err)
	}
	var rd dossier.Rendition
	err = r.s.r.QueryRowContext(r.ctx, `SELECT format, width, height, data FROM image_rendition
		WHERE hash = ? AND width >= ? AND width < ? ORDER BY width LIMIT 1`, hash, minWidth, p.Width).
		Scan(&rd.Format, &rd.Width, &rd.Height, &rd.Data)
	switch {
	case err == nil:
		p.Format, p.Width, p.Height, p.Data = rd.Format, rd.Width, rd.Height, rd.Data
		return p, nil
	case !errors.Is(err, sql.ErrNoRows):
		return p, fmt.Errorf("read rendition of photo %s: %w", id, err)
	}
	if err := r.s.r.QueryRowContext(r.ctx, `SELECT data FROM image WHERE hash = ?`, hash).Scan(&p.Data); err != nil {
		return p, fmt.Errorf("read picture of photo %s: %w", id, err)
	}
	return p, nil
}
