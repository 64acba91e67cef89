// Package demo builds the demo campaign from the seed document's four
// advanced units (assets/demo/demo.json): their material, six sample
// evaluators (示例) with sample scores and one automatic 回避 case, and
// generated placeholder photos that say they are placeholders. Book is the
// campaign in memory (for tests and documents), Create the same in a file.
package demo

import (
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"sync"

	"github.com/dossier-app/dossier/assets"
	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/sqlite"
	"github.com/dossier-app/dossier/dossier/store"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Create writes the demo campaign (Book) to a new file at path and returns
// it open.
func Create(ctx context.Context, path string) (*store.Store, error) {
	b, err := Book()
	if err != nil {
		return nil, err
	}
	cats := make([]dossier.Category, len(b.Categories))
	for i, c := range b.Categories {
		c.ID, c.Indicators = "", append([]dossier.Indicator(nil), c.Indicators...)
		for j := range c.Indicators {
			c.Indicators[j].ID, c.Indicators[j].CategoryID = "", ""
		}
		cats[i] = c
	}
	c := b.Campaign
	// Fill runs before the file appears under its name: a killed demo
	// leaves the whole campaign or none.
	return sqlite.Create(ctx, path, sqlite.CreateOptions{Title: c.Title, Organiser: c.Organiser, Year: c.Year,
		Date: c.Date, Quota: c.Quota, TrimMin: c.TrimMin, Categories: cats,
		Fill: func(ctx context.Context, s *store.Store) error {
			if err := fill(ctx, s, b); err != nil {
				return fmt.Errorf("demo: %w", err)
			}
			return nil
		}})
}

// fill writes the units, evaluators, 回避 and scores of b into s, whose
// categories are b's under the store's own IDs: everything is matched by
// name and code.
func fill(ctx context.Context, s *store.Store, b *dossier.Book) error {
	book, err := s.Book(ctx, store.LoadOptions{})
	if err != nil {
		return err
	}
	catID := func(id string) string { // b's category ID → the store's
		if c := b.Category(id); c != nil {
			if sc := book.CategoryByName(c.Name); sc != nil {
				return sc.ID
			}
		}
		return ""
	}
	var subs []dossier.Submission
	for _, bu := range b.Units {
		u := bu
		u.ID, u.Revision, u.Achievements, u.Values, u.Photos = "", 0, nil, nil, nil
		for _, a := range bu.Achievements {
			a.CategoryID = catID(a.CategoryID)
			u.Achievements = append(u.Achievements, a)
		}
		for _, v := range bu.Values {
			in := b.Indicator(v.IndicatorID)
			sc := book.CategoryByName(b.Category(in.CategoryID).Name)
			v.IndicatorID = ""
			for _, sin := range sc.Indicators {
				if sin.Name == in.Name {
					v.IndicatorID = sin.ID
				}
			}
			u.Values = append(u.Values, v)
		}
		for _, ph := range bu.Photos {
			ph.ID, ph.CategoryID = "", catID(ph.CategoryID)
			u.Photos = append(u.Photos, ph)
		}
		subs = append(subs, dossier.Submission{File: "示例数据", Unit: u})
	}
	items, err := s.Import(ctx, subs, false)
	if err != nil {
		return err
	}
	for _, it := range items {
		if it.Action == dossier.ImportRejected {
			return fmt.Errorf("unit %s rejected: %v", it.Code, it.Problems)
		}
	}
	for _, e := range b.Evaluators {
		e.ID = ""
		if err := s.AddEvaluator(ctx, &e); err != nil {
			return err
		}
	}
	names := func(evaluatorID, unitID string) (string, string) {
		return b.Evaluator(evaluatorID).Name, b.Unit(unitID).Code
	}
	for _, o := range b.Overrides {
		if o.Conflict {
			e, u := names(o.EvaluatorID, o.UnitID)
			if err := s.AddConflict(ctx, e, u, o.Reason); err != nil {
				return err
			}
		}
	}
	var ins []store.ScoreInput
	for _, sc := range b.Scores {
		e, u := names(sc.EvaluatorID, sc.UnitID)
		v := sc.Value
		ins = append(ins, store.ScoreInput{Evaluator: e, Unit: u, Category: b.Category(sc.CategoryID).Name, Value: &v})
	}
	// Scoring opens explicitly, as a committee does once the rule is set;
	// the sample scores then go through the score log like any other.
	if err := s.OpenScoring(ctx, ""); err != nil {
		return err
	}
	if err := s.SetScores(ctx, ins); err != nil {
		return err
	}
	for _, cm := range b.Comments {
		e, u := names(cm.EvaluatorID, cm.UnitID)
		if err := s.SetComment(ctx, e, u, cm.Text); err != nil {
			return err
		}
	}
	return nil
}

var (
	faceOnce sync.Once
	faceBig  font.Face
	faceText font.Face
	faceErr  error
)

// Placeholder draws a clearly marked placeholder photo (示例图片) as a PNG:
// a soft colour derived from key, a crossed frame, the words 示例图片 and
// the unit's name.
func Placeholder(key, unit, caption string) (dossier.Photo, error) {
	faceOnce.Do(func() {
		f, err := opentype.Parse(assets.SansBold)
		if err != nil {
			faceErr = err
			return
		}
		if faceBig, faceErr = opentype.NewFace(f, &opentype.FaceOptions{Size: 48, DPI: 72, Hinting: font.HintingNone}); faceErr != nil {
			return
		}
		faceText, faceErr = opentype.NewFace(f, &opentype.FaceOptions{Size: 22, DPI: 72, Hinting: font.HintingNone})
	})
	if faceErr != nil {
		return dossier.Photo{}, faceErr
	}
	const w, h = 800, 500
	hs := fnv.New32a()
	hs.Write([]byte(key))
	sum := hs.Sum32()
	bg := color.RGBA{uint8(200 + sum%40), uint8(205 + (sum>>8)%40), uint8(210 + (sum>>16)%40), 255}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), &image.Uniform{bg}, image.Point{}, draw.Src)
	line := color.RGBA{120, 130, 140, 255}
	for x := 0; x < w; x++ { // the diagonals of a placeholder frame
		y1 := x * h / w
		img.Set(x, y1, line)
		img.Set(x, h-1-y1, line)
	}
	for i := 0; i < 6; i++ {
		for x := 0; x < w; x++ {
			img.Set(x, i, line)
			img.Set(x, h-1-i, line)
		}
		for y := 0; y < h; y++ {
			img.Set(i, y, line)
			img.Set(w-1-i, y, line)
		}
	}
	box := image.Rect(150, 170, 650, 330)
	draw.Draw(img, box, &image.Uniform{color.RGBA{255, 255, 255, 235}}, image.Point{}, draw.Over)
	text := func(face font.Face, s string, y int, c color.Color) {
		d := &font.Drawer{Dst: img, Src: image.NewUniform(c), Face: face}
		adv := d.MeasureString(s)
		d.Dot = fixed.P((w-adv.Round())/2, y)
		d.DrawString(s)
	}
	text(faceBig, "示例图片", 240, color.RGBA{180, 30, 30, 255})
	text(faceText, "占位图，非实拍 · "+unit, 295, color.RGBA{60, 60, 60, 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return dossier.Photo{}, err
	}
	return dossier.Photo{Format: "png", Width: w, Height: h, Data: buf.Bytes(), Caption: caption}, nil
}
