package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"sort"
	"testing"

	"github.com/dossier-app/dossier/assets"
	"github.com/dossier-app/dossier/dossier"
)

// demoJSON is the shape of assets/demo/demo.json, read here only to build
// test books from the seed's four units.
type demoJSON struct {
	Campaign struct {
		Title, Organiser, Date string
		Year, Quota            int
		TrimMin                int `json:"trim_min"`
	}
	Units []struct {
		Code, Name, Region, Kind, Recommender, Contact, Phone, Title, Summary, Status string
		Achievements                                                                  []struct{ Category, Heading, Body string }
		Indicators                                                                    []struct {
			Category, Name string
			Value          float64
			Note           string
		}
		Photos []struct{ Category, Caption string }
	}
	Evaluators []struct{ Name, Affiliation, Region, Role string }
	Scores     []struct {
		Evaluator, Unit string
		Values          map[string]float64
		Comment         string
	}
}

type categoryJSON struct {
	Name, Slogan, Description string
	Max                       float64
	Indicators                []struct{ Name, Unit, Direction string }
}

// testPhoto makes a small picture: a gradient with a frame, as PNG or JPEG.
func testPhoto(t testing.TB, format string, w, h, seed int) dossier.Photo {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{uint8(60 + (x*150/w+seed*37)%190), uint8(90 + y*120/h), uint8(150 + seed*23%100), 255}
			if x < 4 || y < 4 || x >= w-4 || y >= h-4 {
				c = color.RGBA{40, 40, 40, 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	var err error
	if format == "png" {
		err = png.Encode(&buf, img)
	} else {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 70})
	}
	if err != nil {
		t.Fatal(err)
	}
	return dossier.Photo{Format: format, Width: w, Height: h, Data: buf.Bytes()}
}

// demoBook builds a campaign from the seed's four units with generated
// photos (PNG and JPEG), six evaluators and their scores; evaluator 陈志强
// is from 开封市 and so in conflict (回避) with the 开封 unit.
func demoBook(t testing.TB) *dossier.Book {
	t.Helper()
	var demo demoJSON
	if err := json.Unmarshal(assets.Demo, &demo); err != nil {
		t.Fatal(err)
	}
	var cats []categoryJSON
	if err := json.Unmarshal(assets.DefaultCategories, &cats); err != nil {
		t.Fatal(err)
	}
	b := &dossier.Book{Campaign: dossier.Campaign{
		ID: "c1", Title: demo.Campaign.Title, Organiser: demo.Campaign.Organiser, Year: demo.Campaign.Year,
		Date: demo.Campaign.Date, Quota: demo.Campaign.Quota, TrimMin: demo.Campaign.TrimMin,
	}}
	for i, c := range cats {
		cat := dossier.Category{ID: fmt.Sprintf("cat%d", i+1), Name: c.Name, Slogan: c.Slogan, Description: c.Description,
			Max: dossier.Tenths(c.Max * 10), Position: i}
		for j, ind := range c.Indicators {
			cat.Indicators = append(cat.Indicators, dossier.Indicator{ID: fmt.Sprintf("%s-ind%d", cat.ID, j+1), CategoryID: cat.ID,
				Name: ind.Name, Unit: ind.Unit, Direction: dossier.Direction(ind.Direction), Position: j})
		}
		b.Categories = append(b.Categories, cat)
	}
	catID := func(name string) string {
		if c := b.CategoryByName(name); c != nil {
			return c.ID
		}
		return ""
	}
	n := 0
	for i, du := range demo.Units {
		u := dossier.Unit{ID: fmt.Sprintf("u%d", i+1), Code: du.Code, Name: du.Name, Region: du.Region, Kind: du.Kind,
			Recommender: du.Recommender, Contact: du.Contact, Phone: du.Phone, Title: du.Title, Summary: du.Summary,
			Status: dossier.Status(du.Status), Revision: 1}
		for _, a := range du.Achievements {
			u.Achievements = append(u.Achievements, dossier.Achievement{CategoryID: catID(a.Category), Heading: a.Heading, Body: a.Body})
		}
		for _, v := range du.Indicators {
			cat := b.CategoryByName(v.Category)
			for _, ind := range cat.Indicators {
				if ind.Name == v.Name {
					u.Values = append(u.Values, dossier.IndicatorValue{IndicatorID: ind.ID, Value: v.Value, Note: v.Note})
				}
			}
		}
		for j, p := range du.Photos {
			format, w, h := "jpeg", 480, 320
			if j%3 == 1 {
				format, w, h = "png", 300, 380
			}
			ph := testPhoto(t, format, w, h, n)
			n++
			ph.ID, ph.CategoryID, ph.Caption = fmt.Sprintf("%s-p%d", u.ID, j+1), catID(p.Category), p.Caption
			u.Photos = append(u.Photos, ph)
		}
		b.Units = append(b.Units, u)
	}
	for i, e := range demo.Evaluators {
		b.Evaluators = append(b.Evaluators, dossier.Evaluator{ID: fmt.Sprintf("e%d", i+1), Name: e.Name,
			Affiliation: e.Affiliation, Region: e.Region, Role: e.Role, Position: i})
	}
	for _, s := range demo.Scores {
		e, u := b.EvaluatorByName(s.Evaluator), b.UnitByCode(s.Unit)
		names := make([]string, 0, len(s.Values))
		for k := range s.Values {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			b.Scores = append(b.Scores, dossier.Score{EvaluatorID: e.ID, UnitID: u.ID, CategoryID: catID(k), Value: dossier.Tenths(s.Values[k]*10 + 0.5)})
		}
		if s.Comment != "" {
			b.Comments = append(b.Comments, dossier.Comment{EvaluatorID: e.ID, UnitID: u.ID, Text: s.Comment})
		}
	}
	return b
}

// testBook is demoBook plus a fifth, withdrawn unit whose text has what the
// fonts cannot print: 𠮷 (outside the BMP) and bytes of invalid UTF-8.
func testBook(t testing.TB) *dossier.Book {
	b := demoBook(t)
	u := dossier.Unit{ID: "u9", Code: "HN2022-009", Name: "吉祥县教育局", Region: "吉祥县", Kind: "教育行政部门",
		Title: "“𠮷”字测试：字体缺字时以□代替", Summary: "本单位材料用于测试缺字处理：𠮷字不在字体中。\xff无效字节也不能使程序崩溃。",
		Status: dossier.StatusWithdrawn, Revision: 1}
	u.Achievements = []dossier.Achievement{{CategoryID: b.Categories[0].ID, Heading: "测试标题",
		Body: "新增学位27.6万个，2021年大班额比例降至6.66%。\n𠮷𠮷𠮷，第二段落。"}}
	ph := testPhoto(t, "png", 200, 120, 9)
	ph.ID, ph.Caption = "u9-p1", "测试图片"
	u.Photos = []dossier.Photo{ph}
	b.Units = append(b.Units, u)
	sort.Slice(b.Units, func(i, j int) bool { return b.Units[i].Code < b.Units[j].Code })
	return b
}
