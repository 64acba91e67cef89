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
