package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// benchJPEG is a small textured photo.
func benchJPEG(tb testing.TB, w, h int, seed uint32) []byte {
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
		tb.Fatal(err)
	}
	return b.Bytes()
}

// importFixture makes an empty campaign and n filled submission workbooks
// from its template: five sections of about 600 characters, six values,
// two small photos each.
func importFixture(b *testing.B, n int) (campaign, folder string) {
	b.Helper()
	dir := b.TempDir()
	campaign = filepath.Join(dir, "empty.dossier")
	if code := run(context.Background(), []string{"new", "--db", campaign, "--title", "导入速度"}, &env{out: io.Discard, err: io.Discard}); code != 0 {
		b.Fatal("new failed")
	}
	tpl := filepath.Join(dir, "t.xlsx")
	if code := run(context.Background(), []string{"template", "--db", campaign, "--out", tpl}, &env{out: io.Discard, err: io.Discard}); code != 0 {
		b.Fatal("template failed")
	}
	folder = filepath.Join(dir, "in")
	os.MkdirAll(folder, 0o755)
	pics := [][]byte{benchJPEG(b, 480, 360, 1), benchJPEG(b, 480, 360, 2)}
	para := "完善学校布局规划，加强中小学校建设，新增学位27.6万个，有效缓解入学压力。"
	body := ""
	for len([]rune(body)) < 600 {
		body += para
	}
	for i := 0; i < n; i++ {
		f, err := excelize.OpenFile(tpl)
		if err != nil {
			b.Fatal(err)
		}
		set := func(sheet, cell, v string) {
			if err := f.SetCellStr(sheet, cell, v); err != nil {
				b.Fatal(err)
			}
		}
		set("基本信息", "B1", fmt.Sprintf("B-%04d", i))
		set("基本信息", "B2", fmt.Sprintf("第%d号申报单位", i))
		set("基本信息", "B3", "郑州市")
		for s := 0; s < 5; s++ {
			set("事迹材料", fmt.Sprintf("B%d", s+2), fmt.Sprintf("第%d节", s+1))
			set("事迹材料", fmt.Sprintf("C%d", s+2), body)
		}
		for v := 0; v < 6; v++ {
			f.SetCellValue("量化指标", fmt.Sprintf("D%d", v+2), 100+v)
		}
		for p, pic := range pics {
			set("图片", fmt.Sprintf("C%d", p+2), fmt.Sprintf("图片%d", p+1))
			if err := f.AddPictureFromBytes("图片", fmt.Sprintf("D%d", p+2), &excelize.Picture{Extension: ".jpg", File: pic}); err != nil {
				b.Fatal(err)
			}
		}
		if err := f.SaveAs(filepath.Join(folder, fmt.Sprintf("%04d.xlsx", i))); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	return campaign, folder
}

// bareExcelizeRead opens each workbook with excelize and reads every row
// of the four sheets and the pictures: the least any import must do.
func bareExcelizeRead(b *testing.B, folder string) {
	entries, _ := os.ReadDir(folder)
	for _, e := range entries {
		f, err := excelize.OpenFile(filepath.Join(folder, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range []string{"基本信息", "事迹材料", "量化指标", "图片"} {
			rows, err := f.Rows(s)
			if err != nil {
				b.Fatal(err)
			}
			for rows.Next() {
				rows.Columns()
			}
			rows.Close()
		}
		cells, _ := f.GetPictureCells("图片")
		for _, c := range cells {
			f.GetPictures("图片", c)
		}
		f.Close()
	}
}

// BenchmarkImport200 imports 200 workbooks with dossierctl import (read
// and checked in parallel, written in order, into a fresh copy of an empty
// campaign each time) and, in the same iteration, reads the same files
// with a bare excelize loop, the yardstick of issue 10 (one goroutine, as
// a plain program reads them). It reports both wall times and their ratio
// (goal ≤ 1.0), the lowest, middle and highest ratio of single iterations
// (how much the machine swung), and the ratio of CPU time (user + system of the
// process), which is what the wall ratio tends to when other programs
// leave no core free.
//
//	go test ./cmd/dossierctl -run '^$' -bench Import200 -benchtime 4x -count 3
func BenchmarkImport200(b *testing.B) {
	empty, folder := importFixture(b, 200)
	seed, _ := os.ReadFile(empty)
	var ours, base, oursCPU, baseCPU time.Duration
	var ratios []float64
	n := 0
	for b.Loop() {
		db := filepath.Join(b.TempDir(), fmt.Sprintf("c%d.dossier", n))
		os.WriteFile(db, seed, 0o644)
		var out, errb bytes.Buffer
		// measure times f alone: the garbage the other side left is
		// collected first, outside both timings.
		measure := func(f func()) (wall, cpu time.Duration) {
			runtime.GC()
			c0, t0 := cpuTime(), time.Now()
			f()
			return time.Since(t0), cpuTime() - c0
		}
		imp := func() (time.Duration, time.Duration) {
			return measure(func() {
				code := run(context.Background(), []string{"import", "--db", db, folder}, &env{out: &out, err: &errb})
				if code != 0 || !bytes.Contains(out.Bytes(), []byte("新增 200 个")) {
					b.Fatalf("import: exit %d\n%s%s", code, out.Bytes()[max(0, out.Len()-200):], errb.String())
				}
			})
		}
		bare := func() (time.Duration, time.Duration) {
			return measure(func() { bareExcelizeRead(b, folder) })
		}
		// Which goes first alternates, so that a machine getting busier
		// or quieter weighs on both alike.
		var w1, c1, w2, c2 time.Duration
		if n%2 == 0 {
			w1, c1 = imp()
			w2, c2 = bare()
		} else {
			w2, c2 = bare()
			w1, c1 = imp()
		}
		ours, oursCPU, base, baseCPU = ours+w1, oursCPU+c1, base+w2, baseCPU+c2
		ratios = append(ratios, float64(w1)/float64(w2))
		n++
	}
	b.ReportMetric(ours.Seconds()/float64(n), "import-s")
	b.ReportMetric(base.Seconds()/float64(n), "excelize-s")
	b.ReportMetric(float64(ours)/float64(base), "import/excelize")
	sort.Float64s(ratios)
	b.ReportMetric(ratios[0], "min-ratio")
	b.ReportMetric(ratios[len(ratios)/2], "median-ratio")
	b.ReportMetric(ratios[len(ratios)-1], "max-ratio")
	if baseCPU > 0 {
		b.ReportMetric(float64(oursCPU)/float64(baseCPU), "cpu-ratio")
	}
}
