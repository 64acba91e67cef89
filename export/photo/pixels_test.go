package photo

import (
	"image"
	"image/color"
	"testing"
)

// TestRowsOfYCbCr: the row reader of YCbCr pictures gives what At gives,
// for every subsampling and an offset origin.
func TestRowsOfYCbCr(t *testing.T) {
	for _, r := range []image.YCbCrSubsampleRatio{image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio422,
		image.YCbCrSubsampleRatio420, image.YCbCrSubsampleRatio440, image.YCbCrSubsampleRatio411, image.YCbCrSubsampleRatio410} {
		m := image.NewYCbCr(image.Rect(0, 0, 37, 21), r)
		for i := range m.Y {
			m.Y[i] = uint8(i * 7)
		}
		for i := range m.Cb {
			m.Cb[i], m.Cr[i] = uint8(i*13), uint8(255-i*5)
		}
		for _, img := range []*image.YCbCr{m, m.SubImage(image.Rect(3, 5, 30, 19)).(*image.YCbCr)} {
			b := img.Bounds()
			row := rowsOf(img)
			buf := make([]uint8, 4*b.Dx())
			for y := 0; y < b.Dy(); y++ {
				row(y, buf)
				for x := 0; x < b.Dx(); x++ {
					want := color.RGBAModel.Convert(img.At(b.Min.X+x, b.Min.Y+y)).(color.RGBA)
					if got := (color.RGBA{buf[4*x], buf[4*x+1], buf[4*x+2], buf[4*x+3]}); got != want {
						t.Fatalf("%v %v: (%d,%d) = %v, want %v", r, b, x, y, got, want)
					}
				}
			}
		}
	}
}

// TestResizeYCbCr: scaling a JPEG's planes gives the picture scaling its
// RGB pixels gives, within rounding.
func TestResizeYCbCr(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 301, 199))
	for y := 0; y < 199; y++ {
		for x := 0; x < 301; x++ {
			src.Set(x, y, color.RGBA{uint8(x * 255 / 300), uint8(y * 255 / 198), uint8((x + 2*y) * 255 / 700), 255})
		}
	}
	ycc := mustDecode(t, encodeJPEG(t, src)).(*image.YCbCr)
	for _, size := range [][2]int{{200, 132}, {97, 64}, {301, 199}} {
		got := resizeYCbCr(ycc, size[0], size[1])
		want := resize(ycc, size[0], size[1])
		worst := 0
		for y := 2; y < size[1]-2; y++ {
			for x := 2; x < size[0]-2; x++ {
				g := color.RGBAModel.Convert(got.At(x, y)).(color.RGBA)
				w := want.RGBAAt(x, y)
				for _, d := range []int{int(g.R) - int(w.R), int(g.G) - int(w.G), int(g.B) - int(w.B)} {
					worst = max(worst, d, -d)
				}
			}
		}
		// Chroma is kept at half resolution (4:2:0), as in every JPEG.
		if worst > 6 {
			t.Errorf("%v: worst difference %d", size, worst)
		}
	}
}

// TestOrientExact: each EXIF orientation moves every pixel exactly where
// the EXIF definition puts it (the mapping below, written out per case),
// for RGBA, NRGBA (kept unpremultiplied) and YCbCr pictures, odd sizes and
// an offset origin included.
func TestOrientExact(t *testing.T) {
	const w, h = 7, 4
	nrgba := image.NewNRGBA(image.Rect(0, 0, w+3, h+2))
	for i := range nrgba.Pix {
		nrgba.Pix[i] = uint8(i*37 + i/4)
	}
	sub := nrgba.SubImage(image.Rect(2, 1, 2+w, 1+h)).(*image.NRGBA)
	ycc := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio444)
	for i := range ycc.Y {
		ycc.Y[i], ycc.Cb[i], ycc.Cr[i] = uint8(i*9), uint8(i*5), uint8(255-i*3)
	}
	for _, img := range []image.Image{toRGBA(sub), sub, ycc} {
		for o := 1; o <= 8; o++ {
			got := orient(img, o)
			b := img.Bounds()
			dw, dh := w, h
			if o >= 5 {
				dw, dh = h, w
			}
			if o == 1 { // as it is, origin and all
				if got != img {
					t.Fatalf("orientation 1 changed the %T picture", img)
				}
				continue
			}
			if got.Bounds() != image.Rect(0, 0, dw, dh) {
				t.Fatalf("%T orientation %d: bounds %v", img, o, got.Bounds())
			}
			if _, isN := img.(*image.NRGBA); isN {
				if _, ok := got.(*image.NRGBA); !ok {
					t.Fatalf("orientation %d of an NRGBA picture gives %T", o, got)
				}
			}
			for dy := 0; dy < dh; dy++ {
				for dx := 0; dx < dw; dx++ {
					sx, sy := dx, dy
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
					want := img.At(b.Min.X+sx, b.Min.Y+sy)
					if n, ok := want.(color.NRGBA); ok {
						if g := got.At(dx, dy).(color.NRGBA); g != n {
							t.Fatalf("NRGBA orientation %d: (%d,%d) = %v, want %v", o, dx, dy, g, n)
						}
						continue
					}
					if g, w := color.RGBAModel.Convert(got.At(dx, dy)), color.RGBAModel.Convert(want); g != w {
						t.Fatalf("%T orientation %d: (%d,%d) = %v, want %v", img, o, dx, dy, g, w)
					}
				}
			}
		}
	}
}

// TestFlattenOnWhite: a transparent pixel becomes white, an opaque one
// stays, a half-transparent one is mixed with white as on paper: 200 at
// alpha 128 is 200 × 128/255 + 127 = 227.4, which image/draw, compositing
// in 16 bits, gives as 228 (a step no eye sees; the same every time).
func TestFlattenOnWhite(t *testing.T) {
	m := image.NewNRGBA(image.Rect(0, 0, 3, 1))
	m.SetNRGBA(0, 0, color.NRGBA{200, 10, 30, 0})
	m.SetNRGBA(1, 0, color.NRGBA{200, 10, 30, 255})
	m.SetNRGBA(2, 0, color.NRGBA{200, 0, 100, 128})
	out := flatten(m)
	for x, want := range []color.RGBA{{255, 255, 255, 255}, {200, 10, 30, 255}, {228, 127, 177, 255}} {
		if got := color.RGBAModel.Convert(out.At(x, 0)).(color.RGBA); got != want {
			t.Errorf("pixel %d: %v, want %v", x, got, want)
		}
	}
}
