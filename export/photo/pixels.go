package photo

import (
	"image"
	"image/color"
	"math"
	"sort"
)

// rowsOf returns a function that fills dst (4 bytes a pixel) with row y of
// img, counted from the top of its bounds, as premultiplied 8-bit RGBA.
func rowsOf(img image.Image) func(y int, dst []uint8) {
	b := img.Bounds()
	w := b.Dx()
	switch m := img.(type) {
	case *image.RGBA:
		return func(y int, dst []uint8) {
			i := m.PixOffset(b.Min.X, b.Min.Y+y)
			copy(dst, m.Pix[i:i+4*w])
		}
	case *image.NRGBA:
		return func(y int, dst []uint8) {
			i := m.PixOffset(b.Min.X, b.Min.Y+y)
			src := m.Pix[i : i+4*w]
			for x := 0; x < 4*w; x += 4 {
				a := uint32(src[x+3])
				dst[x] = uint8((uint32(src[x])*a + 127) / 255)
				dst[x+1] = uint8((uint32(src[x+1])*a + 127) / 255)
				dst[x+2] = uint8((uint32(src[x+2])*a + 127) / 255)
				dst[x+3] = uint8(a)
			}
		}
	case *image.YCbCr:
		// Whole rows at a time: the offsets of a row's samples grow by one
		// luma sample per pixel and one chroma sample per 1, 2 or 4 pixels.
		shift := 0
		switch m.SubsampleRatio {
		case image.YCbCrSubsampleRatio422, image.YCbCrSubsampleRatio420, image.YCbCrSubsampleRatio440:
			shift = 1
			if m.SubsampleRatio == image.YCbCrSubsampleRatio440 {
				shift = 0
			}
		case image.YCbCrSubsampleRatio411, image.YCbCrSubsampleRatio410:
			shift = 2
		}
		return func(y int, dst []uint8) {
			yi := m.YOffset(b.Min.X, b.Min.Y+y)
			c0 := m.COffset(b.Min.X, b.Min.Y+y)
			x0 := b.Min.X >> shift
			for x := 0; x < w; x++ {
				ci := c0 + ((b.Min.X+x)>>shift - x0)
				r, g, bl := color.YCbCrToRGB(m.Y[yi+x], m.Cb[ci], m.Cr[ci])
				d := dst[4*x : 4*x+4 : 4*x+4]
				d[0], d[1], d[2], d[3] = r, g, bl, 0xFF
			}
		}
	case *image.Gray:
		return func(y int, dst []uint8) {
			i := m.PixOffset(b.Min.X, b.Min.Y+y)
			for x, v := range m.Pix[i : i+w] {
				dst[4*x], dst[4*x+1], dst[4*x+2], dst[4*x+3] = v, v, v, 0xFF
			}
		}
	case *image.Paletted:
		pal := make([][4]uint8, 256)
		for i, c := range m.Palette {
			r, g, bl, a := c.RGBA()
			pal[i] = [4]uint8{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), uint8(a >> 8)}
		}
		return func(y int, dst []uint8) {
			i := m.PixOffset(b.Min.X, b.Min.Y+y)
			for x, v := range m.Pix[i : i+w] {
				p := pal[v]
				dst[4*x], dst[4*x+1], dst[4*x+2], dst[4*x+3] = p[0], p[1], p[2], p[3]
			}
		}
	}
	return func(y int, dst []uint8) {
		for x := 0; x < w; x++ {
			r, g, bl, a := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
			dst[4*x], dst[4*x+1], dst[4*x+2], dst[4*x+3] = uint8(r>>8), uint8(g>>8), uint8(bl>>8), uint8(a>>8)
		}
	}
}

// toRGBA converts img to premultiplied 8-bit RGBA, keeping an *image.RGBA.
func toRGBA(img image.Image) *image.RGBA {
	if m, ok := img.(*image.RGBA); ok && m.Rect.Min == (image.Point{}) {
		return m
	}
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	row := rowsOf(img)
	for y := 0; y < b.Dy(); y++ {
		row(y, out.Pix[y*out.Stride:y*out.Stride+4*b.Dx()])
	}
	return out
}

// eightBit returns img when both encoders take it as it is (8-bit samples),
// else img converted to RGBA.
func eightBit(img image.Image) image.Image {
	switch img.(type) {
	case *image.RGBA, *image.NRGBA, *image.Gray, *image.Paletted, *image.YCbCr:
		return img
	}
	return toRGBA(img)
}

// span is the source pixels one destination pixel averages, with weights
// summing to 1.
type span struct {
	start int
	w     []float32
}

// spans gives, for each of dst destination pixels, the area of the src
// source pixels it covers.
func spans(src, dst int) []span {
	out := make([]span, dst)
	scale := float64(src) / float64(dst)
	for i := range out {
		a, b := float64(i)*scale, float64(i+1)*scale
		lo, hi := int(math.Floor(a)), int(math.Ceil(b))
		if hi > src {
			hi = src
		}
		s := span{start: lo, w: make([]float32, hi-lo)}
		for j := lo; j < hi; j++ {
			ov := math.Min(b, float64(j+1)) - math.Max(a, float64(j))
			s.w[j-lo] = float32(ov / scale)
		}
		out[i] = s
	}
	return out
}

// resize scales img down to dw×dh by area averaging (a box filter over the
// exact footprint of each destination pixel) in premultiplied RGBA, reading
// the source one row at a time.
func resize(img image.Image, dw, dh int) *image.RGBA {
	b := img.Bounds()
	sw, sh := b.Dx(), b.Dy()
	hx, hy := spans(sw, dw), spans(sh, dh)
	row := rowsOf(img)
	src := make([]uint8, 4*sw)
	cached, scratch := make([]float32, 4*dw), make([]float32, 4*dw)
	cachedY := -1
	horizontal := func(y int) []float32 {
		if y == cachedY {
			return cached
		}
		row(y, src)
		for x, s := range hx {
			var r, g, bl, a float32
			p := 4 * s.start
			for _, wt := range s.w {
				r += wt * float32(src[p])
				g += wt * float32(src[p+1])
				bl += wt * float32(src[p+2])
				a += wt * float32(src[p+3])
				p += 4
			}
			scratch[4*x], scratch[4*x+1], scratch[4*x+2], scratch[4*x+3] = r, g, bl, a
		}
		cached, scratch = scratch, cached
		cachedY = y
		return cached
	}
	out := image.NewRGBA(image.Rect(0, 0, dw, dh))
	acc := make([]float32, 4*dw)
	for j, s := range hy {
		clear(acc)
		for k, wt := range s.w {
			h := horizontal(s.start + k)
			for i, v := range h {
				acc[i] += wt * v
			}
		}
		dst := out.Pix[j*out.Stride : j*out.Stride+4*dw]
		for i, v := range acc {
			dst[i] = clamp8(v)
		}
		// Premultiplied colour never exceeds alpha; rounding may nudge it.
		for i := 0; i < len(dst); i += 4 {
			a := dst[i+3]
			dst[i], dst[i+1], dst[i+2] = min(dst[i], a), min(dst[i+1], a), min(dst[i+2], a)
		}
	}
	return out
}

func clamp8(v float32) uint8 {
	switch {
	case v <= 0:
		return 0
	case v >= 255:
		return 255
	}
	return uint8(v + 0.5)
}

// orient applies an EXIF orientation (1–8) so the picture stands as it was
// taken.
func orient(img image.Image, o int) image.Image {
	if o <= 1 || o > 8 {
		return img
	}
	var pix []uint8
	var stride int
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	nrgba, isN := img.(*image.NRGBA)
	if isN && nrgba.Rect.Min == (image.Point{}) {
		pix, stride = nrgba.Pix, nrgba.Stride
	} else {
		m := toRGBA(img)
		pix, stride = m.Pix, m.Stride
		isN = false
	}
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	outPix := make([]uint8, 4*dw*dh)
	for dy := 0; dy < dh; dy++ {
		for dx := 0; dx < dw; dx++ {
			var sx, sy int
			switch o {
			case 2:
				sx, sy = w-1-dx, dy
			case 3:
				sx, sy = w-1-dx, h-1-dy
			case 4:
				sx, sy = dx, h-1-dy
			case 5:
				sx, sy = dy, dx
			case 6:
				sx, sy = dy, h-1-dx
			case 7:
				sx, sy = w-1-dy, h-1-dx
			case 8:
				sx, sy = w-1-dy, dx
			}
			copy(outPix[4*(dy*dw+dx):4*(dy*dw+dx)+4], pix[sy*stride+4*sx:sy*stride+4*sx+4])
		}
	}
	r := image.Rect(0, 0, dw, dh)
	if isN {
		return &image.NRGBA{Pix: outPix, Stride: 4 * dw, Rect: r}
	}
	return &image.RGBA{Pix: outPix, Stride: 4 * dw, Rect: r}
}

// hasAlpha reports whether some pixel of img is not fully opaque.
func hasAlpha(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return !o.Opaque()
	}
	return true
}

// fewColours reports whether a source picture looks like a diagram or a
// screenshot: a palette, or at most 256 colours in a sample of up to about
// a million of its pixels.
func fewColours(img image.Image) bool {
	switch img.(type) {
	case *image.Paletted, *image.Gray:
		return true
	case *image.YCbCr:
		return false
	}
	b := img.Bounds()
	step := 1
	for (b.Dx()/step)*(b.Dy()/step) > 1<<20 {
		step++
	}
	row := rowsOf(img)
	buf := make([]uint8, 4*b.Dx())
	seen := make(map[uint32]struct{}, 257)
	for y := 0; y < b.Dy(); y += step {
		row(y, buf)
		for x := 0; x < b.Dx(); x += step {
			p := buf[4*x:]
			seen[uint32(p[0])<<24|uint32(p[1])<<16|uint32(p[2])<<8|uint32(p[3])] = struct{}{}
			if len(seen) > 256 {
				return false
			}
		}
	}
	return true
}

// colours returns the distinct colours of img as premultiplied RGBA keys in
// ascending order, or nil when there are more than 256.
func colours(img image.Image) []uint32 {
	b := img.Bounds()
	row := rowsOf(img)
	buf := make([]uint8, 4*b.Dx())
	seen := make(map[uint32]struct{}, 257)
	for y := 0; y < b.Dy(); y++ {
		row(y, buf)
		for x := 0; x < b.Dx(); x++ {
			p := buf[4*x:]
			seen[uint32(p[0])<<24|uint32(p[1])<<16|uint32(p[2])<<8|uint32(p[3])] = struct{}{}
			if len(seen) > 256 {
				return nil
			}
		}
	}
	keys := make([]uint32, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

// fewColoursImage reports whether img has at most 256 distinct colours.
func fewColoursImage(img image.Image) bool {
	if _, ok := img.(*image.Paletted); ok {
		return true
	}
	return colours(img) != nil
}

// toPaletted re-encodes img, which has at most 256 colours, with a palette
// sorted by colour value, so the same picture gives the same bytes.
func toPaletted(img image.Image) image.Image {
	if p, ok := img.(*image.Paletted); ok {
		return p
	}
	cs := colours(img)
	if cs == nil {
		return img
	}
	pal := make(color.Palette, len(cs))
	index := make(map[uint32]uint8, len(cs))
	for i, k := range cs {
		pal[i] = color.NRGBAModel.Convert(color.RGBA{uint8(k >> 24), uint8(k >> 16), uint8(k >> 8), uint8(k)})
		index[k] = uint8(i)
	}
	bd := img.Bounds()
	out := image.NewPaletted(image.Rect(0, 0, bd.Dx(), bd.Dy()), pal)
	row := rowsOf(img)
	buf := make([]uint8, 4*bd.Dx())
	for y := 0; y < bd.Dy(); y++ {
		row(y, buf)
		for x := 0; x < bd.Dx(); x++ {
			p := buf[4*x:]
			out.Pix[y*out.Stride+x] = index[uint32(p[0])<<24|uint32(p[1])<<16|uint32(p[2])<<8|uint32(p[3])]
		}
	}
	return out
}

// flatten puts a picture with transparency on a white background, for JPEG.
func flatten(img image.Image) image.Image {
	if !hasAlpha(img) {
		return img
	}
	m := toRGBA(img)
	out := image.NewRGBA(m.Rect)
	for i := 0; i < len(m.Pix); i += 4 {
		a := uint32(m.Pix[i+3])
		for c := 0; c < 3; c++ {
			out.Pix[i+c] = uint8(uint32(m.Pix[i+c]) + (255 - a))
		}
		out.Pix[i+3] = 0xFF
	}
	return out
}
