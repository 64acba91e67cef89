package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"sort"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/demo"
)

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

// demoBook is the demo campaign (demo.Book): the seed's four units with
// placeholder photos, six evaluators and their scores; evaluator 陈志强 is
// from 开封市 and so in conflict (回避) with the 开封 unit.
func demoBook(t testing.TB) *dossier.Book {
	t.Helper()
	b, err := demo.Book()
	if err != nil {
		t.Fatal(err)
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
