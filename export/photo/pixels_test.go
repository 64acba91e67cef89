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
