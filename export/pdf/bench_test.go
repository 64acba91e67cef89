package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"runtime"
	"strconv"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/dossier-app/dossier/dossier"
)

// bigBook generates a campaign of n units from the seed's material: each
// unit has a summary, one short section per category, the
// indicators, one photo of its own and seven evaluators' scores (one
// evaluator, from 郑州市, in conflict with the units there).
func bigBook(tb testing.TB, n int) *dossier.Book {
	demo := demoBook(tb)
	var paras, heads []string
	for _, u := range demo.Units {
		for _, a := range u.Achievements {
			heads = append(heads, a.Heading)
			paras = append(paras, a.Paragraphs()...)
		}
	}
	clip := func(s string, n int) string {
		r := []rune(s)
		if len(r) > n {
			r = append(r[:n-1], '。')
		}
		return string(r)
	}
	b := &dossier.Book{Campaign: demo.Campaign, Categories: demo.Categories}
	b.Campaign.Quota = n / 10
	cities := []string{"郑州市", "开封市", "洛阳市", "平顶山市", "安阳市", "鹤壁市", "新乡市", "焦作市", "濮阳市", "许昌市", "漯河市", "三门峡市", "南阳市", "商丘市", "信阳市", "周口市", "驻马店市", "济源市"}
	for k := 0; k < n; k++ {
		city := cities[k%len(cities)]
		u := dossier.Unit{ID: fmt.Sprintf("g%05d", k), Code: fmt.Sprintf("HN-%05d", k), Name: fmt.Sprintf("%s第%d学区教育局", city, k/len(cities)+1),
			Region: city, Kind: "教育行政部门", Recommender: city + "人民政府", Contact: "联系人", Phone: "0371-0000" + strconv.Itoa(1000+k),
			Title: clip(heads[k%len(heads)], 30), Summary: clip(paras[(k*7)%len(paras)], 110), Status: dossier.StatusAccepted}
		for ci, c := range b.Categories {
			p1 := paras[(k*5+ci*3)%len(paras)]
			u.Achievements = append(u.Achievements, dossier.Achievement{CategoryID: c.ID, Heading: clip(heads[(k+ci)%len(heads)], 28),
				Body: clip(p1, 85)})
			for ii, ind := range c.Indicators[:min(1, len(c.Indicators))] {
				u.Values = append(u.Values, dossier.IndicatorValue{IndicatorID: ind.ID, Value: float64((k*13+ci*7+ii)%500) / 10, Note: "据申报材料"})
			}
		}
		ph := testPhoto(tb, "jpeg", 320, 200, k)
		ph.ID, ph.CategoryID, ph.Caption = u.ID+"-p", b.Categories[k%len(b.Categories)].ID, "学校新貌（生成的测试图片）"
		u.Photos = []dossier.Photo{ph}
		b.Units = append(b.Units, u)
	}
	for e := 0; e < 7; e++ {
		ev := dossier.Evaluator{ID: fmt.Sprintf("e%d", e), Name: fmt.Sprintf("评委%d", e+1), Position: e}
		if e == 3 {
			ev.Region = "郑州市"
		}
		b.Evaluators = append(b.Evaluators, ev)
		for k := range b.Units {
			for ci, c := range b.Categories {
				v := dossier.Tenths(120 + (k*31+e*17+ci*7)%80)
				b.Scores = append(b.Scores, dossier.Score{EvaluatorID: ev.ID, UnitID: b.Units[k].ID, CategoryID: c.ID, Value: v})
			}
		}
	}
	return b
}

// counter counts the bytes written to it and keeps them, for the figures.
type counter struct{ bytes.Buffer }

var fontStream = regexp.MustCompile(`<</Length (\d+)\n/Filter /FlateDecode\n/Length1 (\d+)`)

// fontBytes returns the compressed size of each embedded font file.
func fontBytes(pdf []byte) []int {
	var out []int
	for _, m := range fontStream.FindAllSubmatch(pdf, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		out = append(out, n)
	}
	return out
}

// report adds the figures the issue asks for: pages per second, the
// largest embedded font, the output size and the memory the process holds.
func report(b *testing.B, pages int, out []byte, elapsed time.Duration) {
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(pages*b.N)/elapsed.Seconds(), "pages/s")
	maxFont := 0
	for _, n := range fontBytes(out) {
		maxFont = max(maxFont, n)
	}
	b.ReportMetric(float64(maxFont)/1e6, "MB/font")
	b.ReportMetric(float64(len(out))/1e6, "MB/pdf")
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.Sys)/1e6, "MB-sys")
}

func benchDossier(b *testing.B, book *dossier.Book) {
	r := dossier.Rank(book)
	var out counter
	b.ResetTimer()
	start := time.Now()
	var rep *Report
	for i := 0; i < b.N; i++ {
		out.Reset()
		var err error
		if rep, err = WriteDossier(&out, book, r, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	elapsed := time.Since(start)
	b.StopTimer()
	report(b, rep.Pages, out.Bytes(), elapsed)
}

// benchBaseline prints the same lines, rules and pictures as the dossier
// with bare fpdf (CellFormat at the positions the layout found), without
// breaking, measuring or sanitising anything: what printing alone costs.
func benchBaseline(b *testing.B, book *dossier.Book) {
	d, err := newDoc(book, dossier.Rank(book), Options{})
	if err != nil {
		b.Fatal(err)
	}
	d.front()
	pages, photos := assemble(d, allUnits(d))
	fs := d.c.fonts
	var out counter
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		out.Reset()
		pdf := fpdf.New("P", "mm", "A4", "")
		pdf.SetAutoPageBreak(false, 0)
		pdf.SetCellMargin(0)
		for f := range fs.data {
			if fs.data[f] != nil {
				pdf.AddUTF8FontFromBytes(fs.family[f], fs.style[f], fs.data[f])
			}
		}
		loaded := map[string]bool{}
		for pi, pg := range pages {
			pdf.AddPage()
			for _, it := range pg.items {
				switch it.kind {
				case kText:
					pdf.SetFont(fs.family[it.font], fs.style[it.font], it.size)
					pdf.SetXY(it.x, it.top())
					pdf.CellFormat(it.w, it.h, it.text, "", 0, "L", false, 0, "")
				case kLine:
					pdf.Line(it.x, it.y, it.x+it.w, it.y+it.h)
				case kRect:
					pdf.Rect(it.x, it.y, it.w, it.h, "D")
				case kImage:
					ph := photos[pi][it.photo]
					if !loaded[ph.name] {
						pdf.RegisterImageOptionsReader(ph.name, fpdf.ImageOptions{ImageType: ph.typ}, bytes.NewReader(ph.data))
						loaded[ph.name] = true
					}
					pdf.ImageOptions(ph.name, it.x, it.y, it.w, it.h, false, fpdf.ImageOptions{ImageType: ph.typ}, 0, "")
				}
			}
		}
		if err := pdf.Output(&out); err != nil {
			b.Fatal(err)
		}
	}
	elapsed := time.Since(start)
	b.StopTimer()
	report(b, len(pages), out.Bytes(), elapsed)
}

func BenchmarkDossierDemo(b *testing.B)       { benchDossier(b, testBook(b)) }
func BenchmarkBaselineDemo(b *testing.B)      { benchBaseline(b, testBook(b)) }
func BenchmarkDossier1000Units(b *testing.B)  { benchDossier(b, bigBook(b, 1000)) }
func BenchmarkBaseline1000Units(b *testing.B) { benchBaseline(b, bigBook(b, 1000)) }
