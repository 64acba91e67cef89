package photo

import (
	"bytes"
	"math/rand"
	"testing"
)

// resizePlaneLoop is resizePlane as first written, a plain loop over each
// span's weights: the reference the written-out one must equal sample for
// sample, so that a photo imported before and after gives the same bytes
// (a re-import of an unchanged workbook stays unchanged).
func resizePlaneLoop(src []uint8, sstride, sw, sh int, dst []uint8, dstride, dw, dh int) {
	hx, hy := spans(sw, dw), spans(sh, dh)
	cached, scratch := make([]float32, dw), make([]float32, dw)
	cachedY := -1
	horizontal := func(y int) []float32 {
		if y == cachedY {
			return cached
		}
		row := src[y*sstride : y*sstride+sw]
		for x, s := range hx {
			var v float32
			for k, wt := range s.w {
				v += wt * float32(row[s.start+k])
			}
			scratch[x] = v
		}
		cached, scratch = scratch, cached
		cachedY = y
		return cached
	}
	acc := make([]float32, dw)
	for j, s := range hy {
		clear(acc)
		for k, wt := range s.w {
			h := horizontal(s.start + k)
			for i, v := range h {
				acc[i] += wt * v
			}
		}
		d := dst[j*dstride : j*dstride+dw]
		for i, v := range acc {
			d[i] = clamp8(v)
		}
	}
}

// TestResizePlaneSamePixels: the written-out resizePlane gives exactly the
// samples of the plain loop, at the sizes photos and their copies are made
// at and at odd ones (one, two, three and more taps a side, strides wider
// than the plane).
func TestResizePlaneSamePixels(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	sizes := [][4]int{
		{4000, 3000, 2400, 1800}, {2000, 1500, 1200, 900}, // 4:2:0 chroma of the same
		{2400, 1800, 1576, 1182}, {1576, 1182, 788, 591}, // the print and screen copies
		{3024, 4032, 1800, 2400}, {97, 61, 13, 7}, {50, 40, 49, 39}, {9, 9, 1, 1}, {640, 480, 211, 160},
	}
	for _, c := range sizes {
		sw, sh, dw, dh := c[0], c[1], c[2], c[3]
		stride := sw + r.Intn(5)
		src := make([]uint8, stride*sh)
		for i := range src {
			// Smooth areas, edges and noise: every sum and rounding case.
			src[i] = uint8(i%stride*7/3) ^ uint8(r.Intn(40))
			if r.Intn(50) == 0 {
				src[i] = 255
			}
		}
		want := make([]uint8, dw*dh)
		resizePlaneLoop(src, stride, sw, sh, want, dw, dw, dh)
		got := make([]uint8, dw*dh)
		resizePlane(src, stride, sw, sh, got, dw, dw, dh)
		if !bytes.Equal(got, want) {
			n := 0
			for i := range got {
				if got[i] != want[i] {
					n++
				}
			}
			t.Errorf("%d×%d → %d×%d: %d of %d samples differ from the plain loop", sw, sh, dw, dh, n, len(got))
		}
	}
}

// BenchmarkResizePlane: the luma plane of a 4000 × 3000 photo to 2,400 px,
// the written-out loops against the plain one.
//
//	go test ./export/photo -run '^$' -bench ResizePlane
func BenchmarkResizePlane(b *testing.B) {
	src := make([]uint8, 4000*3000)
	for i := range src {
		src[i] = uint8(i * 7 % 251)
	}
	dst := make([]uint8, 2400*1800)
	b.Run("written-out", func(b *testing.B) {
		for b.Loop() {
			resizePlane(src, 4000, 4000, 3000, dst, 2400, 2400, 1800)
		}
	})
	b.Run("plain-loop", func(b *testing.B) {
		for b.Loop() {
			resizePlaneLoop(src, 4000, 4000, 3000, dst, 2400, 2400, 1800)
		}
	})
}
