package ui

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/dossier-app/dossier/assets"
)

// iconSize is the side of the app icon in pixels.
const iconSize = 512

// drawIcon paints the seal at size × size pixels: the source of
// assets/icon.png, which TestIcon keeps equal to it (-update-icon rewrites
// the file).
func drawIcon(size int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	s := float64(size)
	seal := color.NRGBA{R: 0xB0, G: 0x2A, B: 0x22, A: 0xFF}
	// The seal body: a rounded square with a little margin.
	fillRounded(img, s*0.04, s*0.04, s*0.96, s*0.96, s*0.12, seal)
	// The inner rule of a seal: a white frame.
	frame := color.NRGBA{R: 0xFF, G: 0xF8, B: 0xF0, A: 0xFF}
	strokeRounded(img, s*0.12, s*0.12, s*0.88, s*0.88, s*0.06, s*0.028, frame)

	f, err := opentype.Parse(assets.SansBold)
	if err != nil {
		return img
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: s * 0.56, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return img
	}
	defer face.Close()
	const glyph = "评"
	d := &font.Drawer{Dst: img, Src: image.NewUniform(frame), Face: face}
	b, _ := d.BoundString(glyph)
	w := (b.Max.X - b.Min.X).Ceil()
	h := (b.Max.Y - b.Min.Y).Ceil()
	x := (size-w)/2 - b.Min.X.Floor()
	y := (size-h)/2 - b.Min.Y.Floor()
	d.Dot = fixed.P(x, y)
	d.DrawString(glyph)
	return img
}

// roundedDist is the signed distance from (px, py) to the rounded
// rectangle (x0, y0)–(x1, y1) with corner radius r: negative inside.
func roundedDist(px, py, x0, y0, x1, y1, r float64) float64 {
	cx, cy := (x0+x1)/2, (y0+y1)/2
	hx, hy := (x1-x0)/2-r, (y1-y0)/2-r
	dx := math.Abs(px-cx) - hx
	dy := math.Abs(py-cy) - hy
	out := math.Hypot(math.Max(dx, 0), math.Max(dy, 0))
	in := math.Min(math.Max(dx, dy), 0)
	return out + in - r
}

func blend(img *image.NRGBA, x, y int, c color.NRGBA, cover float64) {
	if cover <= 0 {
		return
	}
	if cover > 1 {
		cover = 1
	}
	src := color.NRGBA{R: c.R, G: c.G, B: c.B, A: uint8(float64(c.A) * cover)}
	draw.Draw(img, image.Rect(x, y, x+1, y+1), image.NewUniform(src), image.Point{}, draw.Over)
}

func fillRounded(img *image.NRGBA, x0, y0, x1, y1, r float64, c color.NRGBA) {
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			d := roundedDist(float64(x)+0.5, float64(y)+0.5, x0, y0, x1, y1, r)
			blend(img, x, y, c, 0.5-d)
		}
	}
}

func strokeRounded(img *image.NRGBA, x0, y0, x1, y1, r, width float64, c color.NRGBA) {
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			d := math.Abs(roundedDist(float64(x)+0.5, float64(y)+0.5, x0, y0, x1, y1, r))
			blend(img, x, y, c, width/2+0.5-d)
		}
	}
}
