package xlsx

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/dossier-app/dossier/dossier"
)

// benchBook is a campaign with five categories of four indicators each.
func benchBook() *dossier.Book {
	b := testBook()
	units := []string{"个", "亿元", "所", "%"}
	for i := range b.Categories {
		c := &b.Categories[i]
		c.Indicators = nil
		for j := 0; j < 4; j++ {
			c.Indicators = append(c.Indicators, dossier.Indicator{ID: fmt.Sprintf("c%d-i%d", i+1, j+1), CategoryID: c.ID,
				Name: fmt.Sprintf("%s指标%d", c.Name[:6], j+1), Unit: units[j], Position: j})
		}
	}
	return b
}

// photoJPEG is a photo-like baseline JPEG of about the given size.
func photoJPEG(t testing.TB, w, h, quality int, seed uint32) []byte {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			seed = seed*1664525 + 1013904223
			n := uint8(seed >> 26)
			m.Set(x, y, color.RGBA{uint8(x*200/w) + n, uint8(y*200/h) + n, uint8((x+y)*100/(w+h)) + n, 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: quality}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// benchWorkbook is a filled submission: five sections of about 600
// characters, 20 indicator values, and the given pictures.
func benchWorkbook(t testing.TB, b *dossier.Book, template []byte, n int, pics [][]byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(template))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetCellStr(SheetBasic, "B1", fmt.Sprintf("HN2022-%04d", n)))
	must(f.SetCellStr(SheetBasic, "B2", fmt.Sprintf("第%d号申报单位", n)))
	must(f.SetCellStr(SheetBasic, "B3", "郑州市"))
	must(f.SetCellStr(SheetBasic, "B8", "高位推进“五大工程” 开创义务教育公平优质新局面"))
	must(f.SetCellStr(SheetBasic, "B9", strings.Repeat("坚持以人民为中心的发展思想，办好人民满意的教育。", 6)))
	para := strings.Repeat("完善学校布局规划，加强中小学校建设，新增学位27.6万个，有效缓解入学压力。", 8) // 2 × 296 characters a section
	for i := range b.Categories {
		must(f.SetCellStr(SheetAchievements, cellName(2, i+2), "坚持“增学位、补短板”，实施优化扩充工程"))
		must(f.SetCellStr(SheetAchievements, cellName(3, i+2), para+"\n"+para))
	}
	r := 2
	values := []any{"27.6万", 166, "1,200", "6.66%"}
	for range b.Categories {
		for j := 0; j < 4; j++ {
			must(f.SetCellValue(SheetIndicators, cellName(4, r), values[j]))
			r++
		}
	}
	for i, p := range pics {
		must(f.SetCellStr(SheetPhotos, cellName(3, i+2), fmt.Sprintf("图片%d", i+1)))
		must(f.AddPictureFromBytes(SheetPhotos, cellName(4, i+2), &excelize.Picture{Extension: ".jpg", File: p}))
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var benchFiles struct {
	once  sync.Once
	dir   string
	files []string
	size  int64
}

// submissions writes 1,000 generated workbooks once.
func submissions(b *testing.B) []string {
	benchFiles.once.Do(func() {
		dir, err := os.MkdirTemp("", "dossier-bench-")
		if err != nil {
			b.Fatal(err)
		}
		benchFiles.dir = dir
		book := benchBook()
		tpl := templateBytes(b, book)
		pics := [][]byte{photoJPEG(b, 600, 450, 82, 1), photoJPEG(b, 600, 450, 82, 2)}
		for i := 0; i < 1000; i++ {
			data := benchWorkbook(b, book, tpl, i, pics)
			p := filepath.Join(dir, fmt.Sprintf("%04d.xlsx", i))
			if err := os.WriteFile(p, data, 0o644); err != nil {
				b.Fatal(err)
			}
			benchFiles.files = append(benchFiles.files, p)
			benchFiles.size += int64(len(data))
		}
		b.Logf("1,000 workbooks of %d KB on average, pictures %d and %d KB", benchFiles.size/1000>>10, len(pics[0])>>10, len(pics[1])>>10)
	})
	return benchFiles.files
}

// TestMain removes the generated benchmark files.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchFiles.dir != "" {
		os.RemoveAll(benchFiles.dir)
	}
	os.Exit(code)
}

// BenchmarkReadSubmissions reads generated submission workbooks, one per
// op, against a baseline that only opens the same files with excelize and
// reads every row of the four sheets and the pictures.
func BenchmarkReadSubmissions(b *testing.B) {
	files := submissions(b)
	book := benchBook()
	b.Run("ours", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			sub, err := ReadSubmission(files[i%len(files)], book)
			if err != nil || len(sub.Unit.Photos) != 2 || len(sub.Unit.Values) != 20 {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("excelize-baseline", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			baselineRead(b, files[i%len(files)])
			i++
		}
	})
	// Both, alternating file by file, so that a busy machine slows both
	// alike: the ratio is the figure to read.
	b.Run("interleaved", func(b *testing.B) {
		var ours, base time.Duration
		i := 0
		for b.Loop() {
			path := files[i%len(files)]
			start := time.Now()
			if _, err := ReadSubmission(path, book); err != nil {
				b.Fatal(err)
			}
			mid := time.Now()
			baselineRead(b, path)
			ours, base = ours+mid.Sub(start), base+time.Since(mid)
			i++
		}
		b.ReportMetric(float64(ours.Microseconds())/float64(b.N), "ours-µs/file")
		b.ReportMetric(float64(base.Microseconds())/float64(b.N), "excelize-µs/file")
		b.ReportMetric(float64(ours)/float64(base), "ours/excelize")
	})
}

// baselineRead opens a workbook with excelize and reads what the import
// reads: every row of the four sheets and the pictures.
func baselineRead(b *testing.B, path string) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range []string{SheetBasic, SheetAchievements, SheetIndicators, SheetPhotos} {
		rows, err := f.Rows(s)
		if err != nil {
			b.Fatal(err)
		}
		for rows.Next() {
			if _, err := rows.Columns(); err != nil {
				b.Fatal(err)
			}
		}
		rows.Close()
	}
	cells, err := f.GetPictureCells(SheetPhotos)
	if err != nil || len(cells) != 2 {
		b.Fatal(err, cells)
	}
	for _, c := range cells {
		if _, err := f.GetPictures(SheetPhotos, c); err != nil {
			b.Fatal(err)
		}
	}
	f.Close()
}

// peakHeap samples the heap in use while fn runs and returns its peak.
func peakHeap(fn func()) uint64 {
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	fn()
	close(stop)
	<-done
	if p := peak.Load(); p > base.HeapInuse {
		return p - base.HeapInuse
	}
	return 0
}

// BenchmarkRead20MB reads one workbook of about 20 MB, mostly pictures:
// ten 2 MB baseline JPEGs that fit (kept as they are), or five 4 MB
// 4000×3000 photos with an EXIF orientation (rotated and scaled down). It
// reports the peak heap above the baseline.
func BenchmarkRead20MB(b *testing.B) {
	book := benchBook()
	tpl := templateBytes(b, book)
	for _, c := range []struct {
		name string
		pics func() [][]byte
	}{
		{"10x2MB-kept", func() [][]byte {
			var p [][]byte
			for i := 0; i < 10; i++ {
				p = append(p, photoJPEG(b, 2400, 1800, 90, uint32(i)))
			}
			return p
		}},
		{"5x4MB-rotated-scaled", func() [][]byte {
			var p [][]byte
			for i := 0; i < 5; i++ {
				p = append(p, withOrientation(photoJPEG(b, 4000, 3000, 82, uint32(i)), 6))
			}
			return p
		}},
	} {
		data := benchWorkbook(b, book, tpl, 1, c.pics())
		path := filepath.Join(b.TempDir(), "big.xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			var peak uint64
			for b.Loop() {
				p := peakHeap(func() {
					if _, err := ReadSubmission(path, book); err != nil {
						b.Fatal(err)
					}
				})
				peak = max(peak, p)
			}
			b.ReportMetric(float64(len(data))/(1<<20), "file-MB")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}

// withOrientation adds an EXIF block with the given orientation.
func withOrientation(jpg []byte, o byte) []byte {
	exif := []byte("Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00")
	exif[len("Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00")] = o
	seg := []byte{0xFF, 0xE1, byte((len(exif) + 2) >> 8), byte(len(exif) + 2)}
	out := append([]byte{}, jpg[:2]...)
	out = append(append(out, seg...), exif...)
	return append(out, jpg[2:]...)
}

// largeBook is a campaign of n units, seven evaluators who scored them
// all, and 20 indicator values a unit.
func largeBook(n int) *dossier.Book {
	b := benchBook()
	b.Units = nil
	b.Evaluators = nil
	for i := 0; i < 7; i++ {
		b.Evaluators = append(b.Evaluators, dossier.Evaluator{ID: fmt.Sprintf("e%d", i), Name: fmt.Sprintf("评委%d", i), Position: i})
	}
	seed := uint32(7)
	next := func(m int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>8) % m
	}
	for i := 0; i < n; i++ {
		u := dossier.Unit{ID: fmt.Sprintf("u%05d", i), Code: fmt.Sprintf("HN%05d", i), Name: fmt.Sprintf("第%d号单位教育局", i),
			Region: "河南省某市", Kind: "教育行政部门", Recommender: "某市人民政府", Contact: "王老师", Phone: "0371-0000000",
			Title: "高位推进“五大工程” 开创义务教育公平优质新局面", Summary: strings.Repeat("简介", 50), Status: dossier.StatusAccepted, Revision: 1}
		for _, c := range b.Categories {
			for _, ind := range c.Indicators {
				u.Values = append(u.Values, dossier.IndicatorValue{IndicatorID: ind.ID, Value: float64(next(100000)) / 10})
			}
		}
		b.Units = append(b.Units, u)
		for _, e := range b.Evaluators {
			for _, c := range b.Categories {
				b.Scores = append(b.Scores, dossier.Score{EvaluatorID: e.ID, UnitID: u.ID, CategoryID: c.ID, Value: dossier.Tenths(100 + next(101))})
			}
		}
	}
	b.Campaign.Quota = n / 10
	return b
}

// BenchmarkWriteSummary writes the summary of 10,000 units against a bare
// StreamWriter writing the same cell values (no styles, filters, merges or
// chart).
func BenchmarkWriteSummary(b *testing.B) {
	book := largeBook(10_000)
	r := dossier.Rank(book)
	b.Run("ours", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := WriteSummary(io.Discard, book, r); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("bare-streamwriter", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := bareSummary(io.Discard, book, r); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("interleaved", func(b *testing.B) {
		var ours, bare time.Duration
		for b.Loop() {
			start := time.Now()
			if err := WriteSummary(io.Discard, book, r); err != nil {
				b.Fatal(err)
			}
			mid := time.Now()
			if err := bareSummary(io.Discard, book, r); err != nil {
				b.Fatal(err)
			}
			ours, bare = ours+mid.Sub(start), bare+time.Since(mid)
		}
		b.ReportMetric(float64(ours)/float64(bare), "ours/bare")
	})
}

// bareSummary writes the summary's cell values with nothing else.
func bareSummary(w io.Writer, b *dossier.Book, r *dossier.Ranking) error {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", SheetRanking)
	for _, n := range []string{SheetDetail, SheetIndicatorT, SheetUnits} {
		f.NewSheet(n)
	}
	write := func(sheet string, rows func(emit func([]any) error) error) error {
		sw, err := f.NewStreamWriter(sheet)
		if err != nil {
			return err
		}
		n := 0
		if err := rows(func(row []any) error { n++; return sw.SetRow(cellName(1, n), row) }); err != nil {
			return err
		}
		return sw.Flush()
	}
	err := write(SheetRanking, func(emit func([]any) error) error {
		for i := range r.Standings {
			sd := &r.Standings[i]
			row := []any{sd.Rank, sd.Unit.Code, sd.Unit.Name, sd.Unit.Region}
			for _, m := range sd.Categories {
				row = append(row, m.Float())
			}
			row = append(row, sd.Total.Float(), sd.Explanation.Valid, RankMark(sd), "", sd.Unranked)
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = write(SheetDetail, func(emit func([]any) error) error {
		for i := range r.Standings {
			sd := &r.Standings[i]
			for _, ln := range sd.Explanation.Lines {
				row := []any{sd.Unit.Code, sd.Unit.Name, ln.Evaluator.Name}
				for _, s := range ln.Scores {
					row = append(row, s.Float())
				}
				row = append(row, ln.Total.Float(), ln.Status.Short(), ln.Reason, ln.Comment)
				if err := emit(row); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = write(SheetIndicatorT, func(emit func([]any) error) error {
		for i := range b.Units {
			u := &b.Units[i]
			row := []any{u.Code, u.Name}
			for _, v := range u.Values {
				row = append(row, v.Value)
			}
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = write(SheetUnits, func(emit func([]any) error) error {
		for i := range b.Units {
			u := &b.Units[i]
			if err := emit([]any{u.Code, u.Name, u.Region, u.Kind, u.Recommender, u.Contact, u.Phone, u.Title, u.Summary,
				string(u.Status), u.Revision, len(u.Achievements), len(u.Values), len(u.Photos)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}
