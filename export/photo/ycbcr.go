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
func resizePlane(src []uint8, sstride, sw, sh int, dst []uint8, dstride, dw, dh int) {
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
