// Package demo builds the demo campaign from the seed document's four
// advanced units (assets/demo/demo.json): their material, six sample
// evaluators (示例) with sample scores and one automatic 回避 case, and
// generated placeholder photos that say they are placeholders.
package demo

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"sort"
	"sync"

	"github.com/dossier-app/dossier/assets"
	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/sqlite"
	"github.com/dossier-app/dossier/dossier/store"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

type file struct {
	Campaign struct {
		Title     string   `json:"title"`
		Organiser string   `json:"organiser"`
		Year      int      `json:"year"`
		Date      string   `json:"date"`
		Quota     int      `json:"quota"`
		TrimMin   int      `json:"trim_min"`
		TieBreak  []string `json:"tie_break"`
	} `json:"campaign"`
	Units []struct {
		Code         string `json:"code"`
		Name         string `json:"name"`
		Region       string `json:"region"`
		Kind         string `json:"kind"`
		Recommender  string `json:"recommender"`
		Contact      string `json:"contact"`
		Phone        string `json:"phone"`
		Title        string `json:"title"`
		Summary      string `json:"summary"`
		Status       string `json:"status"`
		Achievements []struct {
			Category string `json:"category"`
			Heading  string `json:"heading"`
			Body     string `json:"body"`
		} `json:"achievements"`
		Indicators []struct {
			Category string  `json:"category"`
			Name     string  `json:"name"`
			Value    float64 `json:"value"`
			Note     string  `json:"note"`
		} `json:"indicators"`
		Photos []struct {
			Category string `json:"category"`
			Caption  string `json:"caption"`
		} `json:"photos"`
	} `json:"units"`
	Evaluators []dossier.Evaluator `json:"evaluators"`
	Conflicts  []struct {
		Evaluator string `json:"evaluator"`
		Unit      string `json:"unit"`
		Reason    string `json:"reason"`
	} `json:"conflicts"`
	Scores []struct {
		Evaluator string             `json:"evaluator"`
		Unit      string             `json:"unit"`
		Values    map[string]float64 `json:"values"`
		Comment   string             `json:"comment"`
	} `json:"scores"`
}

// Create writes the demo campaign to a new file at path and returns it open.
func Create(ctx context.Context, path string) (*store.Store, error) {
	var f file
	if err := json.Unmarshal(assets.Demo, &f); err != nil {
		return nil, fmt.Errorf("demo data: %w", err)
	}
	cats, err := dossier.ParseCategories(assets.DefaultCategories)
	if err != nil {
		return nil, err
	}
	c := f.Campaign
	// Fill runs before the file appears under its name: a killed demo
	// leaves the whole campaign or none.
	return sqlite.Create(ctx, path, sqlite.CreateOptions{Title: c.Title, Organiser: c.Organiser, Year: c.Year,
		Date: c.Date, Quota: c.Quota, TrimMin: c.TrimMin, Categories: cats,
		Fill: func(ctx context.Context, s *store.Store) error {
			if err := fill(ctx, s, &f); err != nil {
				return fmt.Errorf("demo: %w", err)
			}
			return nil
		}})
}

func fill(ctx context.Context, s *store.Store, f *file) error {
	book, err := s.Book(ctx, store.LoadOptions{})
	if err != nil {
		return err
	}
	var subs []dossier.Submission
	for _, fu := range f.Units {
		u := dossier.Unit{Code: fu.Code, Name: fu.Name, Region: fu.Region, Kind: fu.Kind, Recommender: fu.Recommender,
			Contact: fu.Contact, Phone: fu.Phone, Title: fu.Title, Summary: fu.Summary}
		for _, a := range fu.Achievements {
			cat := book.CategoryByName(a.Category)
			if cat == nil {
				return fmt.Errorf("unit %s: unknown category %q", fu.Code, a.Category)
			}
			u.Achievements = append(u.Achievements, dossier.Achievement{CategoryID: cat.ID, Heading: a.Heading, Body: a.Body})
		}
		for _, v := range fu.Indicators {
			cat := book.CategoryByName(v.Category)
			if cat == nil {
				return fmt.Errorf("unit %s: unknown category %q", fu.Code, v.Category)
			}
			found := false
			for _, in := range cat.Indicators {
				if in.Name == v.Name {
					u.Values = append(u.Values, dossier.IndicatorValue{IndicatorID: in.ID, Value: v.Value, Note: v.Note})
					found = true
				}
			}
			if !found {
				return fmt.Errorf("unit %s: unknown indicator %q", fu.Code, v.Name)
			}
		}
		for i, p := range fu.Photos {
			ph, err := Placeholder(fmt.Sprintf("%s-%d", fu.Code, i), fu.Name, p.Caption)
			if err != nil {
				return err
			}
			if cat := book.CategoryByName(p.Category); cat != nil {
				ph.CategoryID = cat.ID
			}
			ph.Caption = p.Caption
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
	for i := range f.Evaluators {
		if err := s.AddEvaluator(ctx, &f.Evaluators[i]); err != nil {
			return err
		}
	}
	for _, c := range f.Conflicts {
		if err := s.AddConflict(ctx, c.Evaluator, c.Unit, c.Reason); err != nil {
			return err
		}
	}
	book, err = s.Book(ctx, store.LoadOptions{})
	if err != nil {
		return err
	}
	var ins []store.ScoreInput
	for _, sc := range f.Scores {
		e, u := book.EvaluatorByName(sc.Evaluator), book.UnitByCode(sc.Unit)
		if e == nil || u == nil {
			return fmt.Errorf("score for unknown %s / %s", sc.Evaluator, sc.Unit)
		}
		// The 回避 evaluator's scores are kept too: the ranking shows and
		// excludes them.
		names := make([]string, 0, len(sc.Values))
		for n := range sc.Values {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			v, err := dossier.TenthsFromFloat(sc.Values[n])
			if err != nil {
				return err
			}
			ins = append(ins, store.ScoreInput{Evaluator: sc.Evaluator, Unit: sc.Unit, Category: n, Value: &v})
		}
	}
	// Scoring opens explicitly, as a committee does once the rule is set;
	// the sample scores then go through the score log like any other.
	if err := s.OpenScoring(ctx, ""); err != nil {
		return err
	}
	if err := s.SetScores(ctx, ins); err != nil {
		return err
	}
	for _, sc := range f.Scores {
		if sc.Comment == "" {
			continue
		}
		if err := s.SetComment(ctx, sc.Evaluator, sc.Unit, sc.Comment); err != nil {
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
