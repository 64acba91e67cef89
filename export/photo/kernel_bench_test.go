package photo

import (
	"image"
	"testing"

	"golang.org/x/image/draw"
)

// BenchmarkKernels compares the resampling kernels on the step from a
// stored 2,400 × 1,800 photo to its 1,576 × 1,182 print rendition.
//
//	go test ./export/photo -run '^$' -bench Kernels
func BenchmarkKernels(b *testing.B) {
	src := toRGBA(mustDecode(b, camera(b, 1)))
	src = resize(src, 2400, 1800)
	for _, k := range []struct {
		name string
		f    func() image.Image
	}{
		{"area average", func() image.Image { return resize(src, 1576, 1182) }},
		{"x-image-draw ApproxBiLinear", func() image.Image { return scaleWith(draw.ApproxBiLinear, src, 1576, 1182) }},
		{"x-image-draw BiLinear", func() image.Image { return scaleWith(draw.BiLinear, src, 1576, 1182) }},
		{"x-image-draw CatmullRom", func() image.Image { return scaleWith(draw.CatmullRom, src, 1576, 1182) }},
	} {
		b.Run(k.name, func(b *testing.B) {
			for b.Loop() {
				k.f()
			}
		})
	}
}

func scaleWith(s draw.Scaler, src image.Image, w, h int) image.Image {
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	s.Scale(out, out.Rect, src, src.Bounds(), draw.Src, nil)
	return out
}
