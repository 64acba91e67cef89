package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/dossier-app/dossier/dossier"
)

// testBook is a campaign with the seed's five categories, indicators in
// several units of measure, four units and five evaluators.
func testBook() *dossier.Book {
	b := &dossier.Book{Campaign: dossier.Campaign{
		ID: "camp-1", Title: "河南省义务教育学校标准化建设先进单位评选", Organiser: "河南省教育厅",
		Year: 2022, Date: "2022-03-15", Quota: 2, TrimMin: 5,
	}}
	cats := []struct {
		name, slogan string
		inds         [][2]string
	}{
		{"优化扩充工程", "增学位、补短板", [][2]string{{"新增学位", "个"}, {"累计投资", "亿元"}, {"新建改扩建学校", "所"}, {"大班额比例", "%"}}},
		{"增效创优工程", "提质量、促公平", [][2]string{{"校本课程", "门"}, {"市级以上奖项", "万项"}}},
		{"改革攻坚工程", "激活力、增动力", [][2]string{{"集团化办学覆盖率", "%"}, {"教育集团", "个"}}},
		{"队伍提升工程", "严要求、强保障", [][2]string{{"培养名师骨干", "名"}, {"教师培训", "万人次"}}},
		{"惠民暖心工程", "解民忧、顺民意", [][2]string{{"资助金额", "万元"}, {"课后服务覆盖率", "%"}, {"新增学位（万个）", "万个"}}},
	}
	for i, c := range cats {
		cat := dossier.Category{ID: fmt.Sprintf("c%d", i+1), Name: c.name, Slogan: c.slogan, Max: dossier.Points(20), Position: i,
			Description: "评价" + c.name + "的主要做法和成效。"}
		for j, ind := range c.inds {
			dir := dossier.HigherBetter
			if ind[0] == "大班额比例" {
				dir = dossier.LowerBetter
			}
			cat.Indicators = append(cat.Indicators, dossier.Indicator{
				ID: fmt.Sprintf("c%d-i%d", i+1, j+1), CategoryID: cat.ID, Name: ind[0], Unit: ind[1], Direction: dir, Position: j,
			})
		}
		b.Categories = append(b.Categories, cat)
	}
	units := []struct{ code, name, region, kind string }{
		{"HN2022-001", "郑州市教育局", "郑州市", "教育行政部门"},
		{"HN2022-002", "洛阳市教育局", "洛阳市", "教育行政部门"},
		{"HN2022-003", "郑州市金水区教育局", "郑州市金水区", "教育行政部门"},
		{"HN2022-004", "开封市人力资源和社会保障局", "开封市", "人力资源社会保障部门"},
	}
	for i, u := range units {
		b.Units = append(b.Units, dossier.Unit{ID: fmt.Sprintf("u%d", i+1), Code: u.code, Name: u.name, Region: u.region, Kind: u.kind,
			Status: dossier.StatusAccepted, Revision: 1, Title: u.name + "事迹", Summary: "简介"})
	}
	for i, e := range []struct{ name, region string }{
		{"张评委", "郑州市"}, {"李评委", ""}, {"王评委", ""}, {"赵评委", ""}, {"钱评委", ""},
	} {
		b.Evaluators = append(b.Evaluators, dossier.Evaluator{ID: fmt.Sprintf("e%d", i+1), Name: e.name, Region: e.region, Position: i})
	}
	return b
}

// testJPEG is a baseline JPEG of w×h pixels with some texture.
func testJPEG(t testing.TB, w, h int, seed uint32) []byte {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			seed = seed*1664525 + 1013904223
			n := uint8(seed >> 28)
			m.Set(x, y, color.RGBA{uint8(x*255/w) ^ n, uint8(y*255/h) + n, 120 + n, 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// templateBytes writes the template of b.
func templateBytes(t testing.TB, b *dossier.Book) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, b); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// filler fills a template with excelize, finding every place by its label
// or header, as a unit's clerk would.
type filler struct {
	t testing.TB
	f *excelize.File
}

func openFiller(t testing.TB, data []byte) *filler {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return &filler{t: t, f: f}
}

func (fl *filler) must(err error) {
	fl.t.Helper()
	if err != nil {
		fl.t.Fatal(err)
	}
}

// find returns the first row whose cell in column col reads value.
func (fl *filler) find(sheet string, col int, value string) int {
	fl.t.Helper()
	rows, err := fl.f.GetRows(sheet)
	fl.must(err)
	for i, r := range rows {
		if len(r) >= col && r[col-1] == value {
			return i + 1
		}
	}
	fl.t.Fatalf("%s: no row with %q in column %d", sheet, value, col)
	return 0
}

// firstEmpty returns the first row after the header whose columns 2..3 are
// empty and whose column 1 is empty too.
func (fl *filler) firstEmpty(sheet string) int {
	rows, err := fl.f.GetRows(sheet)
	fl.must(err)
	for i := 1; i < len(rows); i++ {
		empty := true
		for _, v := range rows[i] {
			empty = empty && v == ""
		}
		if empty {
			return i + 1
		}
	}
	return len(rows) + 1
}

func (fl *filler) set(sheet, cell string, v any) {
	fl.t.Helper()
	fl.must(fl.f.SetCellValue(sheet, cell, v))
}

func (fl *filler) basic(label string, v any) {
	fl.set(SheetBasic, cellName(2, fl.find(SheetBasic, 1, label)), v)
}

// section fills the first free section row of a category: its pre-filled
// row when still empty, else a new row below.
func (fl *filler) section(cat, heading, body string) {
	fl.t.Helper()
	rows, err := fl.f.GetRows(SheetAchievements)
	fl.must(err)
	r := 0
	for i, row := range rows {
		if i > 0 && len(row) >= 1 && row[0] == cat && (len(row) < 2 || row[1] == "") && (len(row) < 3 || row[2] == "") {
			r = i + 1
			break
		}
	}
	if r == 0 {
		r = fl.firstEmpty(SheetAchievements)
		fl.set(SheetAchievements, cellName(1, r), cat)
	}
	fl.set(SheetAchievements, cellName(2, r), heading)
	fl.set(SheetAchievements, cellName(3, r), body)
}

func (fl *filler) value(indicator string, v any, note string) int {
	r := fl.find(SheetIndicators, 2, indicator)
	fl.set(SheetIndicators, cellName(4, r), v)
	if note != "" {
		fl.set(SheetIndicators, cellName(5, r), note)
	}
	return r
}

// picture places a floating picture with its top-left corner in column D
// of the row numbered n.
func (fl *filler) picture(n int, cat, caption string, data []byte) {
	r := fl.find(SheetPhotos, 1, fmt.Sprint(n))
	if cat != "" {
		fl.set(SheetPhotos, cellName(2, r), cat)
	}
	fl.set(SheetPhotos, cellName(3, r), caption)
	fl.must(fl.f.AddPictureFromBytes(SheetPhotos, cellName(4, r), &excelize.Picture{
		Extension: ".jpg", File: data, Format: &excelize.GraphicOptions{AutoFit: true},
	}))
}

func (fl *filler) bytes() []byte {
	fl.t.Helper()
	var buf bytes.Buffer
	_, err := fl.f.WriteTo(&buf)
	fl.must(err)
	fl.must(fl.f.Close())
	return buf.Bytes()
}

// addWPSPicture turns cell of the 图片 sheet into a WPS in-cell picture:
// the =DISPIMG("ID_…",1) formula in the cell, the picture in
// xl/cellimages.xml with its relationship, as WPS writes them.
func addWPSPicture(t testing.TB, data []byte, cell, id string, img []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellFormula(SheetPhotos, cell, `_xlfn.DISPIMG("`+id+`",1)`); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	f.Close()
	cellImages := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<etc:cellImages xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"><etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="` + id + `" descr="wps"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1905000" cy="1428750"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic></etc:cellImage></etc:cellImages>`
	cellImagesRels := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/wpsimage1.jpeg"/></Relationships>`
	return rewriteZip(t, buf.Bytes(), func(name string, content []byte) []byte {
		switch name {
		case "[Content_Types].xml":
			s := string(content)
			if !strings.Contains(s, `Extension="jpeg"`) {
				s = strings.Replace(s, "<Default ", `<Default Extension="jpeg" ContentType="image/jpeg"/><Default `, 1)
			}
			s = strings.Replace(s, "</Types>", `<Override PartName="/xl/cellimages.xml" ContentType="application/vnd.wps-officedocument.cellimage+xml"/></Types>`, 1)
			return []byte(s)
		case "xl/_rels/workbook.xml.rels":
			return []byte(strings.Replace(string(content), "</Relationships>",
				`<Relationship Id="rId99" Type="http://www.wps.cn/officeDocument/2020/cellImage" Target="cellimages.xml"/></Relationships>`, 1))
		}
		return content
	}, map[string][]byte{
		"xl/cellimages.xml":            []byte(cellImages),
		"xl/_rels/cellimages.xml.rels": []byte(cellImagesRels),
		"xl/media/wpsimage1.jpeg":      img,
	})
}

// rewriteZip copies a zip archive, passing every entry through edit and
// appending extra entries.
func rewriteZip(t testing.TB, data []byte, edit func(name string, content []byte) []byte, extra map[string][]byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		content, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if edit != nil {
			content = edit(f.Name, content)
		}
		if content == nil {
			continue
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(content)
	}
	for _, name := range sortedKeys(extra) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(extra[name])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

// readBytes reads a submission held in memory.
func readBytes(name string, data []byte, b *dossier.Book) (*dossier.Submission, error) {
	return ReadSubmissionReader(name, bytes.NewReader(data), int64(len(data)), b)
}
