package photo

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dossier-app/dossier/dossier"
)

// halves is a w×h picture, red on the left half and blue on the right, with
// a green top-left 8×8 corner to track orientation.
func halves(w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{200, 0, 0, 255}
			if x >= w/2 {
				c = color.RGBA{0, 0, 200, 255}
			}
			if x < 8 && y < 8 {
				c = color.RGBA{0, 200, 0, 255}
			}
			m.Set(x, y, c)
		}
	}
	return m
}

// noisy is a photo-like picture with many colours.
func noisy(w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	seed := uint32(1)
	for i := 0; i < len(m.Pix); i += 4 {
		seed = seed*1664525 + 1013904223
		m.Pix[i], m.Pix[i+1], m.Pix[i+2], m.Pix[i+3] = uint8(seed>>24), uint8(seed>>16), uint8(seed>>8), 255
	}
	return m
}

func encodeJPEG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withExif inserts an APP1 EXIF segment carrying the orientation (and a
// fake GPS tag) right after SOI.
func withExif(jpg []byte, orientation uint16) []byte {
	var t bytes.Buffer
	t.WriteString("Exif\x00\x00MM\x00*")
	binary.Write(&t, binary.BigEndian, uint32(8))
	binary.Write(&t, binary.BigEndian, uint16(2)) // two entries
	// orientation: tag 0x0112, SHORT, count 1, value
	binary.Write(&t, binary.BigEndian, []uint16{0x0112, 3})
	binary.Write(&t, binary.BigEndian, uint32(1))
	binary.Write(&t, binary.BigEndian, []uint16{orientation, 0})
	// GPS IFD pointer (0x8825), LONG, pointing nowhere useful
	binary.Write(&t, binary.BigEndian, []uint16{0x8825, 4})
	binary.Write(&t, binary.BigEndian, []uint32{1, 0})
	binary.Write(&t, binary.BigEndian, uint32(0))
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(t.Len()+2))
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	out = append(out, t.Bytes()...)
	return append(out, jpg[2:]...)
}

// pngHeader is a PNG with a valid IHDR for a w×h RGBA picture and nothing
// else: enough for the header check, never decodable.
func pngHeader(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 6
	binary.Write(&b, binary.BigEndian, uint32(13))
	chunk := append([]byte("IHDR"), ihdr...)
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

func decodeOut(t *testing.T, p dossier.Photo) image.Image {
	t.Helper()
	var img image.Image
	var err error
	switch p.Format {
	case "jpeg":
		img, err = jpeg.Decode(bytes.NewReader(p.Data))
	case "png":
		img, err = png.Decode(bytes.NewReader(p.Data))
	default:
		t.Fatalf("format %q", p.Format)
	}
	if err != nil {
		t.Fatalf("output does not decode: %v", err)
	}
	if b := img.Bounds(); b.Dx() != p.Width || b.Dy() != p.Height {
		t.Fatalf("Width×Height %d×%d, picture %d×%d", p.Width, p.Height, b.Dx(), b.Dy())
	}
	return img
}

// assertPrintable checks what the PDF library needs: a baseline JPEG, or a
// non-interlaced PNG with at most 8 bits a sample.
func assertPrintable(t *testing.T, p dossier.Photo) {
	t.Helper()
	switch p.Format {
	case "jpeg":
		info, err := scanJPEG(p.Data)
		if err != nil || !info.baseline {
			t.Fatalf("not a baseline JPEG: %v %+v", err, info)
		}
		if bytes.Contains(p.Data, []byte("Exif\x00\x00")) {
			t.Error("EXIF block left in the output")
		}
	case "png":
		if d := p.Data[24]; d > 8 {
			t.Errorf("PNG bit depth %d, want at most 8", d)
		}
		if p.Data[28] != 0 {
			t.Errorf("PNG interlace method %d, want 0", p.Data[28])
		}
	}
	decodeOut(t, p)
}

func near(c color.Color, r, g, b uint8) bool {
	cr, cg, cb, _ := c.RGBA()
	d := func(a uint32, b uint8) bool { x := int(a>>8) - int(b); return x > -40 && x < 40 }
	return d(cr, r) && d(cg, g) && d(cb, b)
}

func TestNormalize(t *testing.T) {
	small := encodeJPEG(t, halves(640, 480))
	t.Run("baseline JPEG keeps its data, EXIF removed", func(t *testing.T) {
		in := withExif(small, 1)
		p, err := Normalize(in)
		if err != nil {
			t.Fatal(err)
		}
		assertPrintable(t, p)
		if p.Format != "jpeg" || p.Width != 640 || p.Height != 480 {
			t.Fatalf("got %s %d×%d", p.Format, p.Width, p.Height)
		}
		if !bytes.Equal(p.Data, small) {
			t.Error("a plain baseline JPEG should come out as it was, minus EXIF")
		}
	})
	t.Run("EXIF orientation 6 rotates clockwise", func(t *testing.T) {
		p, err := Normalize(withExif(small, 6))
		if err != nil {
			t.Fatal(err)
		}
		assertPrintable(t, p)
		if p.Width != 480 || p.Height != 640 {
			t.Fatalf("got %d×%d, want 480×640", p.Width, p.Height)
		}
		img := decodeOut(t, p)
		// The green top-left corner is now top-right; red (left) is on top.
		if !near(img.At(475, 3), 0, 200, 0) {
			t.Errorf("top-right pixel %v, want green", img.At(475, 3))
		}
		if !near(img.At(240, 100), 200, 0, 0) || !near(img.At(240, 540), 0, 0, 200) {
			t.Errorf("top %v bottom %v, want red over blue", img.At(240, 100), img.At(240, 540))
		}
	})
	t.Run("EXIF orientation 8, 3 and 2", func(t *testing.T) {
		for _, c := range []struct {
			o       uint16
			w, h    int
			x, y    int // where the green corner lands
			top, lo color.RGBA
		}{
			{8, 480, 640, 3, 636, color.RGBA{}, color.RGBA{}},
			{3, 640, 480, 636, 476, color.RGBA{}, color.RGBA{}},
			{2, 640, 480, 636, 3, color.RGBA{}, color.RGBA{}},
		} {
			p, err := Normalize(withExif(small, c.o))
			if err != nil {
				t.Fatal(err)
			}
			img := decodeOut(t, p)
			if p.Width != c.w || p.Height != c.h || !near(img.At(c.x, c.y), 0, 200, 0) {
				t.Errorf("orientation %d: %d×%d, pixel at %d,%d is %v", c.o, p.Width, p.Height, c.x, c.y, img.At(c.x, c.y))
			}
		}
	})
	t.Run("large JPEG scaled to 2400 on the long side", func(t *testing.T) {
		p, err := Normalize(encodeJPEG(t, halves(4000, 3000)))
		if err != nil {
			t.Fatal(err)
		}
		assertPrintable(t, p)
		if p.Width != 2400 || p.Height != 1800 {
			t.Fatalf("got %d×%d, want 2400×1800", p.Width, p.Height)
		}
		img := decodeOut(t, p)
		if !near(img.At(600, 900), 200, 0, 0) || !near(img.At(1800, 900), 0, 0, 200) {
			t.Errorf("colours lost in scaling: %v %v", img.At(600, 900), img.At(1800, 900))
		}
	})
	t.Run("portrait scaled with rotation", func(t *testing.T) {
		p, err := Normalize(withExif(encodeJPEG(t, halves(3000, 2000)), 6))
		if err != nil {
			t.Fatal(err)
		}
		if p.Width != 1600 || p.Height != 2400 {
			t.Fatalf("got %d×%d, want 1600×2400", p.Width, p.Height)
		}
	})
	t.Run("progressive JPEG re-encoded as baseline", func(t *testing.T) {
		in, err := os.ReadFile("testdata/progressive.jpeg")
		if err != nil {
			t.Fatal(err)
		}
		p, err := Normalize(in)
		if err != nil {
			t.Fatal(err)
		}
		assertPrintable(t, p)
		if bytes.Equal(p.Data, in) {
			t.Error("progressive JPEG passed through")
		}
	})
	t.Run("CMYK JPEG re-encoded", func(t *testing.T) {
		in, _ := os.ReadFile("testdata/cmyk.jpeg")
		p, err := Normalize(in)
		if err != nil {
			t.Fatal(err)
		}
		assertPrintable(t, p)
		if bytes.Equal(p.Data, in) {
			t.Error("CMYK JPEG passed through")
		}
	})
	t.Run("PNG with transparency stays PNG", func(t *testing.T) {
		m := image.NewNRGBA(image.Rect(0, 0, 300, 200))
		for i := 0; i < len(m.Pix); i += 4 {
			m.Pix[i], m.Pix[i+3] = uint8(i), uint8(i/7)
		}
		p, err := Normalize(encodePNG(t, m))
		if err != nil {
			t.Fatal(err)
		}
		assertPrintable(t, p)
		if p.Format != "png" || !hasAlpha(decodeOut(t, p)) {
			t.Fatalf("got %s, alpha lost", p.Format)
		}
	})
	t.Run("diagram PNG stays PNG with a palette", func(t *testing.T) {
		p, err := Normalize(encodePNG(t, halves(500, 300)))
		if err != nil {
			t.Fatal(err)
		}
		assertPrintable(t, p)
		if p.Format != "png" {
			t.Fatalf("got %s", p.Format)
		}
		if _, ok := decodeOut(t, p).(*image.Paletted); !ok {
			t.Error("want a paletted PNG")
		}
	})
	t.Run("photo PNG becomes JPEG", func(t *testing.T) {
		p, err := Normalize(encodePNG(t, noisy(400, 300)))
		if err != nil {
			t.Fatal(err)
		}
		assertPrintable(t, p)
		if p.Format != "jpeg" {
			t.Fatalf("got %s", p.Format)
		}
	})
	t.Run("16-bit PNG becomes 8-bit", func(t *testing.T) {
		in, _ := os.ReadFile("testdata/rgba16.png")
		p, err := Normalize(in)
		if err != nil {
			t.Fatal(err)
		}
		assertPrintable(t, p)
	})
	t.Run("interlaced PNG becomes non-interlaced", func(t *testing.T) {
		in, _ := os.ReadFile("testdata/interlaced-rgb.png")
		if in[28] != 1 {
			t.Fatal("test file is not interlaced")
		}
		p, err := Normalize(in)
		if err != nil {
			t.Fatal(err)
		}
		assertPrintable(t, p)
	})
	t.Run("GIF becomes PNG", func(t *testing.T) {
		var b bytes.Buffer
		pm := image.NewPaletted(image.Rect(0, 0, 40, 30), color.Palette{color.White, color.Black, color.Transparent})
		pm.Pix[5] = 2
		gif.Encode(&b, pm, nil)
		p, err := Normalize(b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		assertPrintable(t, p)
		if p.Format != "png" {
			t.Fatalf("got %s", p.Format)
		}
	})
	for _, name := range []string{"lossy.webp", "lossless.webp"} {
		t.Run("WebP "+name, func(t *testing.T) {
			in, _ := os.ReadFile("testdata/" + name)
			p, err := Normalize(in)
			if err != nil {
				t.Fatal(err)
			}
			assertPrintable(t, p)
		})
	}
	t.Run("same input, same bytes", func(t *testing.T) {
		in := encodeJPEG(t, halves(3000, 1000))
		a, _ := Normalize(in)
		b, _ := Normalize(in)
		if !bytes.Equal(a.Data, b.Data) {
			t.Error("output differs between runs")
		}
	})
}

func TestNormalizeRejects(t *testing.T) {
	small := encodeJPEG(t, halves(64, 48))
	big := encodeJPEG(t, noisy(200, 200))
	tiff := []byte("II*\x00\x08\x00\x00\x00")
	emf := make([]byte, 100)
	copy(emf[40:], " EMF")
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "图片文件为空"},
		{"over 20 MB", append(append([]byte{}, small...), make([]byte, 21<<20)...), "不能超过 20 MB"},
		{"TIFF", tiff, "不支持的图片格式（TIFF）"},
		{"EMF", emf, "不支持的图片格式（EMF/WMF 矢量图）"},
		{"HEIC", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"), "HEIC"},
		{"text", []byte("hello"), "不支持的图片格式（无法识别）"},
		{"side over 20000", pngHeader(30000, 10), "每边不能超过 20000 像素"},
		{"over 40 megapixels", pngHeader(8000, 6000), "不能超过 4000 万像素"},
		{"truncated JPEG", big[:len(big)-300], "JPEG 图片已损坏（文件不完整）"},
		{"JPEG cut in its header", small[:200], "已损坏"},
		{"header only PNG", pngHeader(100, 100), "已损坏"},
		{"zero size", pngHeader(0, 10), "已损坏"},
		{"PNG bomb", flatPNG(t, 6000, 6000), "疑似“图片炸弹”"},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			_, err := Normalize(c.data)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want %q", err, c.want)
			}
			if dossier.ErrorCode(err) != dossier.EINVALID {
				t.Errorf("code %q", dossier.ErrorCode(err))
			}
			if d := time.Since(start); d > 200*time.Millisecond {
				t.Errorf("took %v", d)
			}
		})
	}
}

// flatPNG is a w×h white PNG: a few KB.
func flatPNG(t testing.TB, w, h int) []byte {
	m := image.NewGray(image.Rect(0, 0, w, h))
	for i := range m.Pix {
		m.Pix[i] = 255
	}
	return encodePNG(t, m)
}

func TestDecodePixels(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		want int64
	}{
		{"kept baseline JPEG", encodeJPEG(t, halves(640, 480)), 0},
		{"rotated JPEG", withExif(encodeJPEG(t, halves(640, 480)), 6), 640 * 480},
		{"large JPEG", encodeJPEG(t, noisy(3000, 2000)), 6_000_000},
		{"PNG", encodePNG(t, halves(300, 200)), 60_000},
		{"bomb", flatPNG(t, 6000, 6000), 0},
		{"text", []byte("hello"), 0},
	} {
		if got := DecodePixels(c.data); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}

func TestFit(t *testing.T) {
	for _, c := range []struct{ w, h, ww, wh int }{
		{100, 50, 100, 50}, {2400, 2400, 2400, 2400}, {4800, 10, 2400, 5}, {10, 4800, 5, 2400}, {9000, 1, 2400, 1},
	} {
		if w, h := fit(c.w, c.h, 2400); w != c.ww || h != c.wh {
			t.Errorf("fit(%d, %d) = %d, %d, want %d, %d", c.w, c.h, w, h, c.ww, c.wh)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	f.Add(encodeJPEG(f, halves(32, 16)))
	f.Add(withExif(encodeJPEG(f, halves(32, 16)), 6))
	f.Add(encodePNG(f, halves(20, 10)))
	for _, n := range []string{"progressive.jpeg", "lossless.webp", "rgba16.png"} {
		if b, err := os.ReadFile("testdata/" + n); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Normalize(data)
		if err != nil {
			if dossier.ErrorCode(err) != dossier.EINVALID {
				t.Fatalf("not a user error: %v", err)
			}
			return
		}
		if p.Width <= 0 || p.Height <= 0 || p.Width > LongSide || p.Height > LongSide || len(p.Data) == 0 {
			t.Fatalf("bad result %s %d×%d", p.Format, p.Width, p.Height)
		}
	})
}

func BenchmarkNormalize(b *testing.B) {
	pass := encodeJPEG(b, noisy(800, 600))
	big := encodeJPEG(b, noisy(4000, 3000))
	b.Run("baseline 800x600 pass-through", func(b *testing.B) {
		for b.Loop() {
			Normalize(pass)
		}
	})
	b.Run("rotated 800x600", func(b *testing.B) {
		in := withExif(pass, 6)
		for b.Loop() {
			Normalize(in)
		}
	})
	b.Run("12MP scaled", func(b *testing.B) {
		for b.Loop() {
			Normalize(big)
		}
	})
}
