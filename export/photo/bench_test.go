package photo

import (
	"bytes"
	"image"
	"image/jpeg"
	"math/rand"
	"runtime"
	"sort"
	"sync"
	"testing"
	"time"
)

// camera is a 4000 × 3000 photo-like JPEG (colour fields, edges, grain).
func camera(tb testing.TB, seed int64) []byte {
	const w, h = 4000, 3000
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewSource(seed))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			i := img.PixOffset(x, y)
			g := uint8(r.Intn(12))
			img.Pix[i] = uint8(x*200/w) + g + uint8((x+y*int(seed+1))/97%3)*30
			img.Pix[i+1] = uint8(y*180/h) + g
			img.Pix[i+2] = uint8(90+int(seed)*40) + g
			img.Pix[i+3] = 255
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// goBaseline is Go's own decode of a photo plus an encode at the target
// size (the resampling itself not counted): the yardstick of issue 10.
func goBaseline(tb testing.TB, data []byte, target image.Image) {
	if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, target, &jpeg.Options{Quality: Quality}); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkNormalizeCamera normalises 4000 × 3000 camera JPEGs (stored at
// 2,400 px, plus the print and screen renditions) side by side with Go's
// decode + encode at 2,400 px, photo by photo in one loop so that both see
// the same machine, which one goes first alternating; then a batch of 8 on
// every core with NormalizeAll beside the same baseline run on every core.
// The baseline encodes the RGBA picture golang.org/x/image/draw scales to,
// as a Go program would write it.
//
//	go test ./export/photo -run '^$' -bench NormalizeCamera -benchtime 8x
func BenchmarkNormalizeCamera(b *testing.B) {
	var photos [][]byte
	for k := int64(0); k < 4; k++ {
		photos = append(photos, camera(b, k))
	}
	target := Downscale(mustDecode(b, photos[0]), 2400, 1800)
	b.Run("one photo", func(b *testing.B) {
		var base, ours time.Duration
		var ratios []float64
		for i := 0; i < b.N; i++ {
			p := photos[i%len(photos)]
			var tb, to time.Duration
			steps := []func(){
				func() { tb = timed(func() { goBaseline(b, p, target) }) },
				func() {
					to = timed(func() {
						if _, err := Normalize(p); err != nil {
							b.Fatal(err)
						}
					})
				},
			}
			// Which goes first alternates, so that neither is always the
			// one a busier machine or the other's garbage slows.
			steps[i%2]()
			steps[1-i%2]()
			base, ours = base+tb, ours+to
			ratios = append(ratios, float64(to)/float64(tb))
		}
		b.ReportMetric(float64(base.Milliseconds())/float64(b.N), "ms-go-decode+encode")
		b.ReportMetric(float64(ours.Milliseconds())/float64(b.N), "ms-normalize")
		b.ReportMetric(float64(ours)/float64(base), "ratio")
		b.ReportMetric(median(ratios), "median-ratio")
	})
	b.Run("batch of 8 on every core", func(b *testing.B) {
		batch := append(append([][]byte{}, photos...), photos...)
		var base, ours time.Duration
		baseline := func() {
			var wg sync.WaitGroup
			next := make(chan []byte)
			for range runtime.GOMAXPROCS(0) {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for p := range next {
						goBaseline(b, p, target)
					}
				}()
			}
			for _, p := range batch {
				next <- p
			}
			close(next)
			wg.Wait()
		}
		normalize := func() {
			if _, errs := NormalizeAll(batch); errs[0] != nil {
				b.Fatal(errs[0])
			}
		}
		var ratios []float64
		for i := 0; i < b.N; i++ {
			var tb, to time.Duration
			if i%2 == 0 {
				tb = timed(baseline)
				to = timed(normalize)
			} else {
				to = timed(normalize)
				tb = timed(baseline)
			}
			base, ours = base+tb, ours+to
			ratios = append(ratios, float64(to)/float64(tb))
		}
		n := float64(b.N * len(batch))
		b.ReportMetric(float64(base.Milliseconds())/n, "ms/photo-go-decode+encode")
		b.ReportMetric(float64(ours.Milliseconds())/n, "ms/photo-normalize")
		b.ReportMetric(float64(ours)/float64(base), "ratio")
		b.ReportMetric(median(ratios), "median-ratio")
	})
}

// median is the middle of the iterations' ratios: a burst of other work
// on the machine during one side of one iteration moves it less than the
// ratio of the sums.
func median(r []float64) float64 {
	if len(r) == 0 {
		return 0
	}
	s := append([]float64(nil), r...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// timed is the wall time of f, the garbage left before it collected first
// so that it is not charged to f.
func timed(f func()) time.Duration {
	runtime.GC()
	t0 := time.Now()
	f()
	return time.Since(t0)
}

func mustDecode(tb testing.TB, data []byte) image.Image {
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		tb.Fatal(err)
	}
	return img
}
