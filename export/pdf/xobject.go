package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/export/photo"
)

// xobject is an image ready to be written as a PDF image XObject.
type xobject struct {
	w, h   int
	cs     string // colour space: /DeviceRGB or /DeviceGray
	filter string // /DCTDecode, /FlateDecode or "" for raw samples
	data   []byte
	// transform is a JPEG's colour transform, written as /DecodeParms
	// << /ColorTransform n >>: 1 for YCbCr samples, 0 for RGB or grey.
	transform int
}

// jpegQuality is the quality of photos re-encoded at the document's
// resolution: the quality the campaign stores photos at.
const jpegQuality = photo.Quality

// prepare makes the XObject of picture e from its stored image p: a JPEG
// that needs no resampling is embedded as it is (its DCT data is the
// image stream); anything else is decoded, scaled down to the resolution
// the document asks for, flattened onto white (the page is white) and
// encoded again, a JPEG as a JPEG, a PNG losslessly. The same input gives
// the same bytes.
func prepare(e *embed, p dossier.Photo) (xobject, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(p.Data))
	if err != nil {
		return xobject{}, errors.New("不是可读的 JPEG 或 PNG 图片")
	}
	if format != "jpeg" && format != "png" {
		return xobject{}, fmt.Errorf("图片格式 %s 无法嵌入", format)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return xobject{}, errors.New("图片尺寸为零")
	}
	sl := slack
	if cfg.Width < e.ref.photo.Width {
		sl = renditionSlack // a smaller copy of the photo, made for documents
	}
	tw, th, scale := e.target(cfg.Width, cfg.Height, sl)
	if format == "jpeg" && !scale {
		switch cfg.ColorModel {
		case color.YCbCrModel:
			return xobject{w: cfg.Width, h: cfg.Height, cs: "/DeviceRGB", filter: "/DCTDecode", data: p.Data, transform: 1}, nil
		case color.RGBAModel:
			// Go's decoder reads an Adobe marker saying "no transform", or
			// components named R, G, B, as RGB samples.
			return xobject{w: cfg.Width, h: cfg.Height, cs: "/DeviceRGB", filter: "/DCTDecode", data: p.Data}, nil
		case color.GrayModel:
			return xobject{w: cfg.Width, h: cfg.Height, cs: "/DeviceGray", filter: "/DCTDecode", data: p.Data}, nil
		}
		// CMYK and other JPEGs are decoded and encoded again below.
	}
	var img image.Image
	if format == "jpeg" {
		img, err = jpeg.Decode(bytes.NewReader(p.Data))
	} else {
		img, err = png.Decode(bytes.NewReader(p.Data))
	}
	if err != nil {
		return xobject{}, errors.New("图片数据已损坏，无法读取")
	}
	// Asked before scaling, which makes RGBA of any picture: a grey photo
	// stays one channel in the document.
	gray := isGray(img)
	if scale {
		img = photo.Downscale(img, tw, th)
	}
	if format == "jpeg" {
		var buf bytes.Buffer
		var src image.Image = photo.OnWhite(img)
		if gray {
			src = grayOf(src)
		}
		if err := jpeg.Encode(&buf, src, &jpeg.Options{Quality: jpegQuality}); err != nil {
			return xobject{}, err
		}
		// Go's encoder writes YCbCr samples for colour, Y alone for grey.
		cs, transform := "/DeviceRGB", 1
		if gray {
			cs, transform = "/DeviceGray", 0
		}
		b := src.Bounds()
		return xobject{w: b.Dx(), h: b.Dy(), cs: cs, filter: "/DCTDecode", data: buf.Bytes(), transform: transform}, nil
	}
	return flateSamples(photo.OnWhite(img), gray)
}

// isGray reports whether img is stored as grey levels.
func isGray(img image.Image) bool {
	switch img.ColorModel() {
	case color.GrayModel, color.Gray16Model:
		return true
	}
	return false
}

// grayOf converts an opaque grey picture to *image.Gray.
func grayOf(img image.Image) image.Image {
	if g, ok := img.(*image.Gray); ok {
		return g
	}
	b := img.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			g.Set(x, y, img.At(b.Min.X+x, b.Min.Y+y))
		}
	}
	return g
}

// flateSamples writes an opaque picture as 8-bit samples, zlib-compressed.
func flateSamples(img image.Image, gray bool) (xobject, error) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	n := 3
	cs := "/DeviceRGB"
	if gray {
		n, cs = 1, "/DeviceGray"
	}
	var buf bytes.Buffer
	zw, err := zlib.NewWriterLevel(&buf, zlib.DefaultCompression)
	if err != nil {
		return xobject{}, err
	}
	row := make([]byte, n*w)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			r, g, bl, _ := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
			if gray {
				row[x] = uint8(r >> 8)
			} else {
				row[3*x], row[3*x+1], row[3*x+2] = uint8(r>>8), uint8(g>>8), uint8(bl>>8)
			}
		}
		if _, err := zw.Write(row); err != nil {
			return xobject{}, err
		}
	}
	if err := zw.Close(); err != nil {
		return xobject{}, err
	}
	return xobject{w: w, h: h, cs: cs, filter: "/FlateDecode", data: buf.Bytes()}, nil
}
