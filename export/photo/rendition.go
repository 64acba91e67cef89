package photo

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"math"
	"runtime"
	"sync"

	"github.com/dossier-app/dossier/dossier"
)

// The largest box the dossier prints a photo in (export/pdf: the text
// width, 100 mm high at most), and the resolutions documents embed photos
// at: export pdf --quality print (300 ppi) and screen (150 ppi).
const (
	PrintWidthMM  = 150
	PrintHeightMM = 100
	PrintPPI      = 300
	ScreenPPI     = 150
	// renditionSlack: a picture at most this much larger than a rendition
	// would be gets none; documents embed it as it is.
	renditionSlack = 1.1
)

// renditionSize is the size of the rendition of a w × h picture at ppi,
// and whether the picture is large enough to need one.
func renditionSize(w, h, ppi int) (int, int, bool) {
	bw := math.Ceil(PrintWidthMM / 25.4 * float64(ppi))
	bh := math.Ceil(PrintHeightMM / 25.4 * float64(ppi))
	s := min(bw/float64(w), bh/float64(h))
	if s*renditionSlack >= 1 {
		return w, h, false
	}
	return max(1, int(math.Ceil(float64(w)*s))), max(1, int(math.Ceil(float64(h)*s))), true
}

// needsRenditions reports whether a w × h picture is larger than its
// screen copy would be (and so than its print copy, if any).
func needsRenditions(w, h int) bool {
	_, _, ok := renditionSize(w, h, ScreenPPI)
	return ok
}

// renditions makes the print and screen copies of a normalised picture
// (oriented, opaque for JPEG), each from the one before: a document then
// embeds the copy that fits its resolution without decoding the picture.
// Pictures that already fit get none.
func renditions(img image.Image, format string) ([]dossier.Rendition, error) {
	var out []dossier.Rendition
	for _, ppi := range []int{PrintPPI, ScreenPPI} {
		b := img.Bounds()
		w, h, ok := renditionSize(b.Dx(), b.Dy(), ppi)
		if !ok {
			continue
		}
		if ycc, ok := img.(*image.YCbCr); ok {
			img = resizeYCbCr(ycc, w, h) // a JPEG's planes, as decoded or scaled
		} else {
			img = Downscale(img, w, h)
		}
		var buf bytes.Buffer
		var err error
		if format == "png" {
			err = (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(&buf, img)
		} else {
			err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: Quality})
		}
		if err != nil {
			return nil, fmt.Errorf("photo: encode rendition: %w", err)
		}
		out = append(out, dossier.Rendition{Format: format, Width: w, Height: h, Data: buf.Bytes()})
	}
	return out, nil
}

// NormalizeAll normalises many pictures on every core, as Normalize does
// each: the results and errors are in the order of data, and the same
// input gives the same output whatever the timing.
func NormalizeAll(data [][]byte) ([]dossier.Photo, []error) {
	photos := make([]dossier.Photo, len(data))
	errs := make([]error, len(data))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(1, len(data))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				photos[i], errs[i] = Normalize(data[i])
			}
		}()
	}
	for i := range data {
		next <- i
	}
	close(next)
	wg.Wait()
	return photos, errs
}
