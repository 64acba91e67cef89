package photo

import (
	"image"
)

// resizeYCbCr scales a JPEG's decoded picture down to dw × dh by area
// averaging each of its planes, giving a 4:2:0 picture. Averaging is
// linear and YCbCr an affine map of RGB, so this is the area average of the
// RGB picture up to rounding, at a fraction of the work: 1.5 planes instead
// of 4 channels, and no conversion to RGB and back for the JPEG encoder.
func resizeYCbCr(m *image.YCbCr, dw, dh int) *image.YCbCr {
	b := m.Bounds()
	out := image.NewYCbCr(image.Rect(0, 0, dw, dh), image.YCbCrSubsampleRatio420)
	resizePlane(m.Y[m.YOffset(b.Min.X, b.Min.Y):], m.YStride, b.Dx(), b.Dy(), out.Y, out.YStride, dw, dh)
	cw, ch := chromaSize(m)
	ow, oh := (dw+1)/2, (dh+1)/2
	c0 := m.COffset(b.Min.X, b.Min.Y)
	resizePlane(m.Cb[c0:], m.CStride, cw, ch, out.Cb, out.CStride, ow, oh)
	resizePlane(m.Cr[c0:], m.CStride, cw, ch, out.Cr, out.CStride, ow, oh)
	return out
}

// chromaSize is the size of a YCbCr picture's chroma planes.
func chromaSize(m *image.YCbCr) (int, int) {
	b := m.Bounds()
	x0, x1, y0, y1 := b.Min.X, b.Max.X, b.Min.Y, b.Max.Y
	switch m.SubsampleRatio {
	case image.YCbCrSubsampleRatio422:
		return (x1+1)/2 - x0/2, y1 - y0
	case image.YCbCrSubsampleRatio420:
		return (x1+1)/2 - x0/2, (y1+1)/2 - y0/2
	case image.YCbCrSubsampleRatio440:
		return x1 - x0, (y1+1)/2 - y0/2
	case image.YCbCrSubsampleRatio411:
		return (x1+3)/4 - x0/4, y1 - y0
	case image.YCbCrSubsampleRatio410:
		return (x1+3)/4 - x0/4, (y1+1)/2 - y0/2
	}
	return x1 - x0, y1 - y0
}

// resizePlane area-averages one 8-bit plane of sw × sh samples into dw × dh.
// Consecutive destination rows share at most their boundary source row, so
// one row of the horizontal pass is kept, as in resize.
//
// The sums are those of a plain loop over each span's weights, in the same
// order, each product rounded to float32 before it is added (so no fused
// multiply-add changes a pixel): spans of two and three taps, nearly all of
// them at the factors photos are scaled by, are written out, which made
// the step from a 4000 × 3000 photo to 2400 × 1800 about twice as fast
// (BenchmarkResizePlane) for the same pixels (TestResizePlaneSamePixels).
func resizePlane(src []uint8, sstride, sw, sh int, dst []uint8, dstride, dw, dh int) {
	hx, hy := flatSpans(sw, dw), spans(sh, dh)
	cached, scratch := make([]float32, dw), make([]float32, dw)
	cachedY := -1
	acc := make([]float32, dw)
	horizontal := func(y int) []float32 {
		if y == cachedY {
			return cached
		}
		hx.apply(src[y*sstride:y*sstride+sw], scratch)
		cached, scratch = scratch, cached
		cachedY = y
		return cached
	}
	for j, s := range hy {
		d := dst[j*dstride : j*dstride+dw]
		switch len(s.w) {
		case 1:
			w0, h0 := s.w[0], horizontal(s.start)
			for i := range d {
				d[i] = clamp8(float32(w0 * h0[i]))
			}
		case 2:
			w0, w1 := s.w[0], s.w[1]
			// The first row stays where horizontal put it: the second
			// call fills the other buffer.
			h0 := horizontal(s.start)
			h1 := horizontal(s.start + 1)
			h0, h1 = h0[:len(d)], h1[:len(d)]
			for i := range d {
				d[i] = clamp8(float32(w0*h0[i]) + float32(w1*h1[i]))
			}
		default:
			clear(acc)
			for k, wt := range s.w {
				h := horizontal(s.start + k)
				for i, v := range h {
					acc[i] += float32(wt * v)
				}
			}
			for i, v := range acc {
				d[i] = clamp8(v)
			}
		}
	}
}

// flat is spans laid out for the horizontal pass: each destination pixel's
// first source sample and its weights, padded to taps with zeros (adding
// +0 to a sum of non-negative products leaves it as it is).
type flat struct {
	taps  int
	start []int
	w     []float32
}

func flatSpans(src, dst int) flat {
	ss := spans(src, dst)
	f := flat{start: make([]int, dst)}
	for _, s := range ss {
		f.taps = max(f.taps, len(s.w))
	}
	f.w = make([]float32, dst*f.taps)
	for i, s := range ss {
		f.start[i] = s.start
		copy(f.w[i*f.taps:], s.w)
	}
	return f
}

// apply is the horizontal pass of one row: out[x] is the weighted sum of
// the row's samples in x's span, added in span order.
func (f flat) apply(row []uint8, out []float32) {
	switch f.taps {
	case 2:
		for x, st := range f.start {
			w := f.w[2*x : 2*x+2]
			p := row[st:]
			if len(p) >= 2 {
				out[x] = float32(w[0]*float32(p[0])) + float32(w[1]*float32(p[1]))
			} else {
				out[x] = float32(w[0] * float32(p[0]))
			}
		}
	case 3:
		for x, st := range f.start {
			w := f.w[3*x : 3*x+3]
			switch p := row[st:]; {
			case len(p) >= 3:
				out[x] = float32(w[0]*float32(p[0])) + float32(w[1]*float32(p[1])) + float32(w[2]*float32(p[2]))
			case len(p) == 2:
				out[x] = float32(w[0]*float32(p[0])) + float32(w[1]*float32(p[1]))
			default:
				out[x] = float32(w[0] * float32(p[0]))
			}
		}
	default:
		for x, st := range f.start {
			w := f.w[f.taps*x : f.taps*x+f.taps]
			var v float32
			for k, p := range row[st:min(len(row), st+f.taps)] {
				v += float32(w[k] * float32(p))
			}
			out[x] = v
		}
	}
}
