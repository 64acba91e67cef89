package demo

import (
	"encoding/json"
	"fmt"
	"sort"
	"sync"

	"github.com/dossier-app/dossier/assets"
	"github.com/dossier-app/dossier/dossier"
)

// file is the shape of assets/demo/demo.json. It is read here and nowhere
// else: Create and the tests all start from Book.
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

// Book returns the demo campaign in memory, with no file: the seed's four
// units with their material and placeholder photos, the default categories
// (五大工程), six sample evaluators, their scores and comments, and any
// manual 回避 as overrides. It is exactly what Create writes to a file
// (TestCreateStoresBook), with fixed IDs instead of the store's: campaign
// "demo", categories cat1…cat5, indicators cat1-ind1…, units u1…u4 in the
// seed's order, photos u1-p1…, evaluators e1…e6.
//
// Each call returns a new Book that the caller may change, except the
// bytes of the photos (Photo.Data), which calls share.
func Book() (*dossier.Book, error) {
	var f file
	if err := json.Unmarshal(assets.Demo, &f); err != nil {
		return nil, fmt.Errorf("demo data: %w", err)
	}
	cats, err := dossier.ParseCategories(assets.DefaultCategories)
	if err != nil {
		return nil, err
	}
	c := f.Campaign
	b := &dossier.Book{Campaign: dossier.Campaign{ID: "demo", Title: c.Title, Organiser: c.Organiser, Year: c.Year,
		Date: c.Date, Quota: c.Quota, TrimMin: c.TrimMin, TieBreak: c.TieBreak, MinValid: 1}}
	for i, cat := range cats {
		cat.ID = fmt.Sprintf("cat%d", i+1)
		for j := range cat.Indicators {
			cat.Indicators[j].ID = fmt.Sprintf("%s-ind%d", cat.ID, j+1)
			cat.Indicators[j].CategoryID = cat.ID
		}
		b.Categories = append(b.Categories, cat)
	}
	category := func(unit, name string) (*dossier.Category, error) {
		if cat := b.CategoryByName(name); cat != nil {
			return cat, nil
		}
		return nil, fmt.Errorf("demo unit %s: unknown category %q", unit, name)
	}
	for i, fu := range f.Units {
		u := dossier.Unit{ID: fmt.Sprintf("u%d", i+1), Code: fu.Code, Name: fu.Name, Region: fu.Region, Kind: fu.Kind,
			Recommender: fu.Recommender, Contact: fu.Contact, Phone: fu.Phone, Title: fu.Title, Summary: fu.Summary,
			Status: dossier.Status(fu.Status), Revision: 1}
		if u.Status == "" {
			u.Status = dossier.StatusAccepted
		}
		for _, a := range fu.Achievements {
			cat, err := category(fu.Code, a.Category)
			if err != nil {
				return nil, err
			}
			u.Achievements = append(u.Achievements, dossier.Achievement{CategoryID: cat.ID, Heading: a.Heading, Body: a.Body})
		}
		for _, v := range fu.Indicators {
			cat, err := category(fu.Code, v.Category)
			if err != nil {
				return nil, err
			}
			found := false
			for _, in := range cat.Indicators {
				if in.Name == v.Name {
					u.Values = append(u.Values, dossier.IndicatorValue{IndicatorID: in.ID, Value: v.Value, Note: v.Note})
					found = true
				}
			}
			if !found {
				return nil, fmt.Errorf("demo unit %s: unknown indicator %q", fu.Code, v.Name)
			}
		}
		for j, p := range fu.Photos {
			ph, err := cachedPlaceholder(fmt.Sprintf("%s-%d", fu.Code, j), fu.Name, p.Caption)
			if err != nil {
				return nil, err
			}
			ph.ID = fmt.Sprintf("%s-p%d", u.ID, j+1)
			if cat := b.CategoryByName(p.Category); cat != nil {
				ph.CategoryID = cat.ID
			}
			u.Photos = append(u.Photos, ph)
		}
		b.Units = append(b.Units, u)
	}
	for i, e := range f.Evaluators {
		e.ID, e.Position = fmt.Sprintf("e%d", i+1), i
		b.Evaluators = append(b.Evaluators, e)
	}
	pair := func(evaluator, unit string) (*dossier.Evaluator, *dossier.Unit, error) {
		e, u := b.EvaluatorByName(evaluator), b.UnitByCode(unit)
		if e == nil || u == nil {
			return nil, nil, fmt.Errorf("demo: unknown evaluator %s or unit %s", evaluator, unit)
		}
		return e, u, nil
	}
	for _, c := range f.Conflicts {
		e, u, err := pair(c.Evaluator, c.Unit)
		if err != nil {
			return nil, err
		}
		b.Overrides = append(b.Overrides, dossier.ConflictOverride{EvaluatorID: e.ID, UnitID: u.ID, Conflict: true, Reason: c.Reason})
	}
	for _, sc := range f.Scores {
		e, u, err := pair(sc.Evaluator, sc.Unit)
		if err != nil {
			return nil, err
		}
		// In the order of the category names, so that Create writes the
		// score log in the same order every time. The 回避 evaluator's
		// scores are kept too: the ranking shows and excludes them.
		names := make([]string, 0, len(sc.Values))
		for n := range sc.Values {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			cat, err := category(sc.Unit, n)
			if err != nil {
				return nil, err
			}
			v, err := dossier.TenthsFromFloat(sc.Values[n])
			if err != nil {
				return nil, err
			}
			b.Scores = append(b.Scores, dossier.Score{EvaluatorID: e.ID, UnitID: u.ID, CategoryID: cat.ID, Value: v})
		}
		if sc.Comment != "" {
			b.Comments = append(b.Comments, dossier.Comment{EvaluatorID: e.ID, UnitID: u.ID, Text: sc.Comment})
		}
	}
	return b, nil
}

// placeholders keeps the drawn photos: drawing and encoding the 21 of them
// is most of Book's time, and tests call Book often.
var placeholders struct {
	sync.Mutex
	m map[string]dossier.Photo
}

func cachedPlaceholder(key, unit, caption string) (dossier.Photo, error) {
	placeholders.Lock()
	defer placeholders.Unlock()
	k := key + "\x00" + unit + "\x00" + caption
	if p, ok := placeholders.m[k]; ok {
		return p, nil
	}
	p, err := Placeholder(key, unit, caption)
	if err != nil {
		return p, err
	}
	if placeholders.m == nil {
		placeholders.m = map[string]dossier.Photo{}
	}
	placeholders.m[k] = p
	return p, nil
}
