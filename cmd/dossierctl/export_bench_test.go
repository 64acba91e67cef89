package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/sqlite"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/dossier-app/dossier/export/photo"
)

// cameraJPEG is a 4000 × 3000 photo-like JPEG: smooth colour fields, edges
// and grain, about as costly to compress as a phone photo.
func cameraJPEG(tb testing.TB, seed int64) []byte {
	const w, h = 4000, 3000
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewSource(seed))
	cx, cy := r.Intn(w), r.Intn(h)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			i := img.PixOffset(x, y)
			g := uint8(r.Intn(12))
			band := uint8(((x+y*int(seed+1))/97)%3) * 30
			d := (x-cx)*(x-cx)+(y-cy)*(y-cy) < 900*900
			img.Pix[i] = uint8(x*200/w) + g + band
			img.Pix[i+1] = uint8(y*180/h) + g
			img.Pix[i+2] = uint8(90+int(seed)*40) + g
			if d {
				img.Pix[i+1] += 50
			}
			img.Pix[i+3] = 255
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// variant returns a JPEG that decodes to a slightly different picture: the
// last entries of its quantisation tables are set from n. Distinct bytes
// and pixels, at no cost, so that 2,400 photos are 2,400 pictures.
func variant(jpg []byte, n int) []byte {
	out := bytes.Clone(jpg)
	for i := 2; i+4 < len(out); {
		if out[i] != 0xFF {
			break
		}
		marker, size := out[i+1], int(out[i+2])<<8|int(out[i+3])
		if marker == 0xDB {
			seg := out[i+4 : i+2+size]
			for t := 0; t+65 <= len(seg) && t/65 < 2; t += 65 {
				v := byte(1 + (n>>(8*(t/65)))%250)
				seg[t+64], seg[t+63] = v, v
			}
			return out
		}
		i += 2 + size
	}
	panic("no DQT")
}

// photoCampaign builds, once per run in a temporary folder, the demo
// campaign plus units × perUnit distinct 4000 × 3000 camera photos, each
// normalised at import as dossierctl import does (stored at 2,400 px, with
// its print and screen renditions). Normalising 2,400 photos would take an
// hour here: four are normalised, and each photo's stored picture and
// renditions are variants of one of them (see variant).
func photoCampaign(b *testing.B, units, perUnit int) (db string, photoBytes int64) {
	dir, err := os.MkdirTemp("", "dossier-bench-")
	if err != nil {
		b.Fatal(err)
	}
	if os.Getenv("DOSSIER_BENCH_KEEP") == "" {
		b.Cleanup(func() { os.RemoveAll(dir) })
	} else {
		b.Logf("campaign and documents kept in %s", dir)
	}
	db = filepath.Join(dir, "photos.dossier")
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"demo", "--db", db}, &env{out: &out, err: &errb}); code != 0 {
		b.Fatalf("demo: %s", errb.String())
	}
	var bases []dossier.Photo
	for k := 0; k < 4; k++ {
		p, err := photo.Normalize(cameraJPEG(b, int64(k)))
		if err != nil {
			b.Fatal(err)
		}
		bases = append(bases, p)
	}
	ctx := context.Background()
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	book, err := s.Book(ctx, store.LoadOptions{Material: true})
	if err != nil {
		b.Fatal(err)
	}
	demo := book.Units
	for k := 0; k < units; k++ {
		src := demo[k%len(demo)]
		u := dossier.Unit{Code: fmt.Sprintf("P-%04d", k), Name: fmt.Sprintf("%s（第%d组）", src.Name, k+1), Region: src.Region,
			Kind: src.Kind, Recommender: src.Recommender, Title: src.Title, Summary: src.Summary, Status: dossier.StatusAccepted,
			Achievements: src.Achievements, Values: src.Values}
		for j := 0; j < perUnit; j++ {
			n := k*perUnit + j
			base := bases[n%len(bases)]
			p := dossier.Photo{Format: base.Format, Width: base.Width, Height: base.Height, Data: variant(base.Data, n),
				Caption: fmt.Sprintf("第%d张照片（生成的测试图片）", j+1), CategoryID: book.Categories[j%len(book.Categories)].ID}
			for _, r := range base.Renditions {
				r.Data = variant(r.Data, n)
				p.Renditions = append(p.Renditions, r)
			}
			photoBytes += int64(len(p.Renditions[0].Data))
			u.Photos = append(u.Photos, p)
		}
		if err := s.AddUnit(ctx, &u); err != nil {
			b.Fatal(err)
		}
	}
	return db, photoBytes
}

// buildCtl builds dossierctl into dir, to run exports as a child process
// whose peak memory the kernel measures.
func buildCtl(b *testing.B, dir string) string {
	bin := filepath.Join(dir, "dossierctl")
	goCmd := filepath.Join(runtime.GOROOT(), "bin", "go")
	cmd := exec.Command(goCmd, "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// pageImageBytes reads pdfimages -list: the page that embeds the most
// picture data, and the total size of the pictures (each counted once).
func pageImageBytes(b *testing.B, pdf string) (page int, total float64) {
	out, err := exec.Command("pdfimages", "-list", pdf).Output()
	if err != nil {
		b.Fatalf("pdfimages: %v", err)
	}
	perPage := map[int]float64{}
	seen := map[string]bool{}
	best := 0.0
	for _, line := range strings.Split(string(out), "\n")[2:] {
		f := strings.Fields(line)
		if len(f) < 16 {
			continue
		}
		size := f[14]
		mult := map[byte]float64{'B': 1, 'K': 1 << 10, 'M': 1 << 20}[size[len(size)-1]]
		v, _ := strconv.ParseFloat(size[:len(size)-1], 64)
		pg, _ := strconv.Atoi(f[0])
		perPage[pg] += v * mult
		if !seen[f[10]] {
			seen[f[10]] = true
			total += v * mult
		}
		if perPage[pg] > best {
			best, page = perPage[pg], pg
		}
	}
	return page, total
}

// BenchmarkExportPhotos300x8 exports the dossier of 300 units × 8 distinct
// 4000 × 3000 camera photos at both qualities, in a child process, and
// reports the time, the child's peak memory (max RSS), the file size, its
// ratio to the pictures it embeds, the size of the page with the most
// pictures cut out with pdfseparate and the time of qpdf --check; times
// as wall clock and as the child's CPU time (user + system), which a loaded
// machine inflates less.
//
//	go test ./cmd/dossierctl -run '^$' -bench ExportPhotos -benchtime 1x -timeout 60m
func BenchmarkExportPhotos300x8(b *testing.B) {
	for _, tool := range []string{"pdfimages", "pdfseparate", "qpdf"} {
		if _, err := exec.LookPath(tool); err != nil {
			b.Skipf("%s not installed (apt-get install poppler-utils qpdf)", tool)
		}
	}
	units := 300
	if n, err := strconv.Atoi(os.Getenv("DOSSIER_BENCH_UNITS")); err == nil && n > 0 {
		units = n // a quick run: DOSSIER_BENCH_UNITS=20
	}
	start := time.Now()
	db, printBytes := photoCampaign(b, units, 8)
	b.Logf("campaign built in %v; print renditions %.0f MB", time.Since(start).Round(time.Second), float64(printBytes)/1e6)
	dir := filepath.Dir(db)
	bin := buildCtl(b, dir)
	for _, q := range []string{"print", "screen"} {
		b.Run(q, func(b *testing.B) {
			out := filepath.Join(dir, q+".pdf")
			var wall, cpu time.Duration
			var rss int64
			for i := 0; i < b.N; i++ {
				cmd := exec.Command(bin, "export", "pdf", "--db", db, "--quality", q, "--out", out)
				t0 := time.Now()
				msg, err := cmd.CombinedOutput()
				if err != nil {
					b.Fatalf("export: %v\n%s", err, msg)
				}
				if i == 0 {
					b.Logf("%s: %s", q, strings.TrimSpace(string(msg))) // the page count
				}
				wall += time.Since(t0)
				cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
				rss = max(rss, maxRSS(cmd.ProcessState))
			}
			b.StopTimer()
			st, err := os.Stat(out)
			if err != nil {
				b.Fatal(err)
			}
			// Logged as soon as known: qpdf --check, last, may take long.
			b.Logf("%s: export %.1f s (CPU %.1f s), max RSS %.0f MB, %.1f MB", q, wall.Seconds()/float64(b.N), cpu.Seconds()/float64(b.N), float64(rss)/1e6, float64(st.Size())/1e6)
			page, images := pageImageBytes(b, out)
			one := filepath.Join(dir, "page.pdf")
			if msg, err := exec.Command("pdfseparate", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), out, one).CombinedOutput(); err != nil {
				b.Fatalf("pdfseparate: %v\n%s", err, msg)
			}
			pst, _ := os.Stat(one)
			b.Logf("%s: file ÷ pictures %.3f, page %d cut out %.2f MB", q, float64(st.Size())/images, page, float64(pst.Size())/1e6)
			// An ordinary qpdf --check, clean: no warnings (exit 3) either.
			qc := exec.Command("qpdf", "--check", out)
			t0 := time.Now()
			if msg, err := qc.CombinedOutput(); err != nil || !strings.Contains(string(msg), "No syntax or stream encoding errors") {
				b.Fatalf("qpdf --check: %v\n%s", err, msg)
			}
			check := time.Since(t0)
			checkCPU := qc.ProcessState.UserTime() + qc.ProcessState.SystemTime()
			b.Logf("%s: qpdf --check %.2f s (CPU %.2f s)", q, check.Seconds(), checkCPU.Seconds())
			b.ReportMetric(wall.Seconds()/float64(b.N), "s/export")
			b.ReportMetric(cpu.Seconds()/float64(b.N), "s-cpu/export")
			b.ReportMetric(float64(rss)/1e6, "MB-maxRSS")
			b.ReportMetric(float64(st.Size())/1e6, "MB/pdf")
			b.ReportMetric(float64(st.Size())/images, "pdf/images")
			b.ReportMetric(float64(pst.Size())/1e6, "MB/page")
			b.ReportMetric(check.Seconds(), "s-qpdf-check")
			b.ReportMetric(checkCPU.Seconds(), "s-cpu-qpdf-check")
			if os.Getenv("DOSSIER_BENCH_KEEP") == "" {
				os.Remove(out)
			}
		})
	}
}
