// Package photo normalises the pictures units submit so that every document
// can print them: the format and pixel size are checked from the header before
// anything is decoded, the EXIF orientation of a JPEG is applied, large
// pictures are scaled down, and the result is a plain baseline JPEG or a
// non-interlaced 8-bit PNG, the two forms the PDF library embeds as they are.
package photo

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"

	"golang.org/x/image/bmp"
	"golang.org/x/image/webp"

	"github.com/dossier-app/dossier/dossier"
)

// Limits applied by Normalize.
const (
	// MaxBytes is the largest picture file accepted.
	MaxBytes = 20 << 20
	// MaxPixels is the largest picture accepted, in pixels (40 megapixels).
	MaxPixels = 40_000_000
	// MaxSide is the longest side accepted, in pixels.
	MaxSide = 20_000
	// LongSide is the longest side of a normalised picture: larger ones are
	// scaled down to it.
	LongSide = 2400
	// Quality is the JPEG quality of re-encoded photos.
	Quality = 85
	// maxDecodeBytes bounds the memory the decoder may need for one picture.
	maxDecodeBytes = 256 << 20
)

// Normalize checks data is a picture the campaign can store and returns it
// re-encoded for printing, with Format, Width, Height and Data filled.
//
// The format and the pixel dimensions are read from the header before the
// picture is decoded: files over 20 MB, pictures over 40 megapixels or 20,000
// pixels a side are refused. JPEG, PNG, GIF (its first frame), BMP and WebP
// are read; the EXIF orientation of a JPEG is applied; the long side is
// scaled down to at most 2,400 pixels. Photos become baseline JPEGs (quality
// 85); pictures with transparency or few colours (diagrams, screenshots with
// a palette) that do not come from a JPEG stay PNG, non-interlaced and 8-bit.
// A baseline JPEG that needs neither rotating nor scaling keeps its
// compressed data: only its metadata segments (EXIF, XMP, comments) are
// removed, so it is not recompressed.
//
// Errors are *dossier.Error with a Chinese message that says what to do.
func Normalize(data []byte) (dossier.Photo, error) {
	if len(data) == 0 {
		return dossier.Photo{}, invalid("图片文件为空，请重新插入图片")
	}
	if len(data) > MaxBytes {
		return dossier.Photo{}, invalid("图片文件过大（%.1f MB），单张图片不能超过 %d MB，请压缩后重新插入",
			float64(len(data))/(1<<20), MaxBytes>>20)
	}
	format, other := sniff(data)
	if format == "" {
		return dossier.Photo{}, invalid("不支持的图片格式（%s），请将图片另存为 JPG 或 PNG 后重新插入", other)
	}
	cfg, err := decodeConfig(format, data)
	if err != nil {
		return dossier.Photo{}, invalid("图片（%s）已损坏，无法读取，请重新保存图片后插入", formatLabel(format))
	}
	w, h := cfg.Width, cfg.Height
	switch {
	case w <= 0 || h <= 0:
		return dossier.Photo{}, invalid("图片（%s）尺寸无效，请重新保存图片后插入", formatLabel(format))
	case w > MaxSide || h > MaxSide:
		return dossier.Photo{}, invalid("图片尺寸过大（%d×%d 像素），每边不能超过 %d 像素，请缩小后重新插入", w, h, MaxSide)
	case int64(w)*int64(h) > MaxPixels:
		return dossier.Photo{}, invalid("图片像素过多（%d×%d，约 %.0f 万像素），不能超过 %d 万像素，请缩小后重新插入",
			w, h, float64(w)*float64(h)/1e4, MaxPixels/10_000)
	}
	if err := checkDensity(format, w, h, len(data)); err != nil {
		return dossier.Photo{}, err
	}
	orientation := 1
	if format == "jpeg" {
		info, err := scanJPEG(data)
		if err != nil {
			return dossier.Photo{}, invalid("JPEG 图片已损坏（%v），请重新保存图片后插入", err)
		}
		orientation = info.orientation
		if info.baseline && info.components != 4 && orientation == 1 && w <= LongSide && h <= LongSide {
			p := dossier.Photo{Format: "jpeg", Width: w, Height: h, Data: info.stripped(data)}
			if !needsRenditions(w, h) {
				return p, nil
			}
			img, err := decode(format, data)
			if err != nil {
				return dossier.Photo{}, invalid("图片（%s）已损坏，无法读取，请重新保存图片后插入", formatLabel(format))
			}
			if p.Renditions, err = renditions(img, "jpeg"); err != nil {
				return dossier.Photo{}, err
			}
			return p, nil
		}
		if decodeCost(format, cfg, info.progressive, info.components) > maxDecodeBytes {
			return dossier.Photo{}, invalid("图片（渐进式 JPEG，%d×%d 像素）过大，无法处理，请缩小后重新插入", w, h)
		}
	} else if decodeCost(format, cfg, false, 0) > maxDecodeBytes {
		return dossier.Photo{}, invalid("图片（%s，%d×%d 像素，高色深）过大，无法处理，请缩小或另存为 JPG 后重新插入",
			formatLabel(format), w, h)
	}
	img, err := decode(format, data)
	if err != nil {
		return dossier.Photo{}, invalid("图片（%s）已损坏，无法读取，请重新保存图片后插入", formatLabel(format))
	}
	if b := img.Bounds(); b.Dx() != w || b.Dy() != h {
		return dossier.Photo{}, invalid("图片（%s）尺寸与文件头不符，请重新保存图片后插入", formatLabel(format))
	}
	keepPNG := format != "jpeg" && (hasAlpha(img) || fewColours(img))
	dw, dh := fit(w, h, LongSide)
	var out image.Image
	if ycc, ok := img.(*image.YCbCr); ok && (dw != w || dh != h) && !keepPNG {
		out = resizeYCbCr(ycc, dw, dh)
	} else if dw != w || dh != h {
		out = resize(img, dw, dh)
	} else {
		out = eightBit(img)
	}
	out = orient(out, orientation)
	b := out.Bounds()
	var buf bytes.Buffer
	if keepPNG {
		if fewColoursImage(out) {
			out = toPaletted(out)
		}
		enc := png.Encoder{CompressionLevel: png.DefaultCompression}
		if err := enc.Encode(&buf, out); err != nil {
			return dossier.Photo{}, fmt.Errorf("photo: encode png: %w", err)
		}
		rs, err := renditions(out, "png")
		return dossier.Photo{Format: "png", Width: b.Dx(), Height: b.Dy(), Data: buf.Bytes(), Renditions: rs}, err
	}
	out = flatten(out)
	// The copies are made from out while out is encoded: on a core that is
	// free, one photo (the photo editor's, one workbook's) is ready about a
	// fifth sooner; the bytes are the same either way.
	var rs []dossier.Rendition
	var rerr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		rs, rerr = renditions(out, "jpeg")
	}()
	err = jpeg.Encode(&buf, out, &jpeg.Options{Quality: Quality})
	<-done
	if err != nil {
		return dossier.Photo{}, fmt.Errorf("photo: encode jpeg: %w", err)
	}
	return dossier.Photo{Format: "jpeg", Width: b.Dx(), Height: b.Dy(), Data: buf.Bytes(), Renditions: rs}, rerr
}

// Pixels a byte of picture data may stand for, beyond which a large
// picture is taken for a decompression bomb: a flat 36-megapixel PNG is a
// few KB yet costs a second and 150 MB to decode. Photos come nowhere near
// (a 12-megapixel phone photo is 3 to 4 pixels a byte), nor do screenshots
// and diagrams (a few dozen). JPEG is exempt: its blocks cost bits even
// when flat (at most about 85 pixels a byte, which a slide saved as JPEG
// can approach), so a large JPEG is large and its decoding bounded by
// MaxPixels.
const (
	bombFloor  = 4_000_000 // pixels: smaller pictures are cheap anyway
	maxDensity = 400
)

func checkDensity(format string, w, h, size int) error {
	px := int64(w) * int64(h)
	if format != "jpeg" && px > bombFloor && px > maxDensity*int64(size) {
		return invalid("图片数据异常：%d×%d 像素的图片只有 %d KB，压缩比远超正常图片，疑似“图片炸弹”；请重新保存图片后插入", w, h, size>>10)
	}
	return nil
}

// DecodePixels returns how many pixels Normalize decodes for data: 0 when
// it keeps the data as it is or refuses it from its header. Callers use it
// to bound the work of a file holding many large pictures before starting.
func DecodePixels(data []byte) int64 {
	if len(data) == 0 || len(data) > MaxBytes {
		return 0
	}
	format, _ := sniff(data)
	if format == "" {
		return 0
	}
	cfg, err := decodeConfig(format, data)
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > MaxSide || cfg.Height > MaxSide {
		return 0
	}
	px := int64(cfg.Width) * int64(cfg.Height)
	if px > MaxPixels || checkDensity(format, cfg.Width, cfg.Height, len(data)) != nil {
		return 0
	}
	if format == "jpeg" {
		info, err := scanJPEG(data)
		if err != nil || (info.baseline && info.components != 4 && info.orientation == 1 && cfg.Width <= LongSide && cfg.Height <= LongSide) {
			return 0
		}
	}
	return px
}

func invalid(format string, args ...any) *dossier.Error {
	return dossier.Errorf(dossier.EINVALID, format, args...)
}

// sniff names the picture format from its first bytes: one of the formats
// Normalize reads, or "" and a description of what the data seems to be.
func sniff(b []byte) (format, other string) {
	has := func(off int, s string) bool {
		return len(b) >= off+len(s) && string(b[off:off+len(s)]) == s
	}
	switch {
	case has(0, "\xFF\xD8\xFF"):
		return "jpeg", ""
	case has(0, "\x89PNG\r\n\x1a\n"):
		return "png", ""
	case has(0, "GIF87a"), has(0, "GIF89a"):
		return "gif", ""
	case has(0, "BM"):
		return "bmp", ""
	case has(0, "RIFF") && has(8, "WEBP"):
		return "webp", ""
	case has(0, "II*\x00"), has(0, "MM\x00*"):
		return "", "TIFF"
	case has(40, " EMF"), has(0, "\xD7\xCD\xC6\x9A"), has(0, "\x01\x00\x09\x00"):
		return "", "EMF/WMF 矢量图"
	case has(4, "ftypheic"), has(4, "ftypheix"), has(4, "ftypmif1"), has(4, "ftyphevc"):
		return "", "HEIC"
	case has(4, "ftypavif"):
		return "", "AVIF"
	case bytes.Contains(b[:min(len(b), 512)], []byte("<svg")):
		return "", "SVG"
	}
	return "", "无法识别"
}

func formatLabel(format string) string {
	switch format {
	case "jpeg":
		return "JPEG"
	case "png":
		return "PNG"
	case "gif":
		return "GIF"
	case "bmp":
		return "BMP"
	case "webp":
		return "WebP"
	}
	return format
}

// codec is one picture format's pair of decoders.
type codec struct {
	config func(io.Reader) (image.Config, error)
	decode func(io.Reader) (image.Image, error)
}

// codecs are the formats a photo may come in.
var codecs = map[string]codec{
	"jpeg": {jpeg.DecodeConfig, jpeg.Decode},
	"png":  {png.DecodeConfig, png.Decode},
	"gif":  {gif.DecodeConfig, gif.Decode},
	"bmp":  {bmp.DecodeConfig, bmp.Decode},
	"webp": {webp.DecodeConfig, webp.Decode},
}

func decodeConfig(format string, data []byte) (image.Config, error) {
	c, ok := codecs[format]
	if !ok {
		return image.Config{}, fmt.Errorf("photo: unknown format %q", format)
	}
	return c.config(bytes.NewReader(data))
}

func decode(format string, data []byte) (img image.Image, err error) {
	c, ok := codecs[format]
	if !ok {
		return nil, fmt.Errorf("photo: unknown format %q", format)
	}
	defer func() {
		// The decoders are meant not to panic on bad input; a picture is
		// outside input, so make sure.
		if r := recover(); r != nil {
			img, err = nil, fmt.Errorf("photo: decode %s: %v", format, r)
		}
	}()
	return c.decode(bytes.NewReader(data))
}

// decodeCost estimates the bytes the decoder allocates for a picture.
func decodeCost(format string, cfg image.Config, progressive bool, components int) int64 {
	px := int64(cfg.Width) * int64(cfg.Height)
	switch format {
	case "jpeg":
		if components <= 0 {
			components = 3
		}
		cost := px * int64(components)
		if progressive {
			// The progressive decoder keeps every coefficient: 64 int32
			// per 8×8 block and component.
			cost += px * int64(components) * 4
		}
		return cost
	case "png":
		switch cfg.ColorModel {
		case color.RGBA64Model, color.NRGBA64Model:
			return px * 8
		case color.Gray16Model:
			return px * 2
		case color.GrayModel:
			return px
		}
		if _, ok := cfg.ColorModel.(color.Palette); ok {
			return px
		}
		return px * 4
	case "gif":
		return px
	}
	return px * 4
}

// fit returns the size of a w×h picture scaled so that its long side is at
// most long.
func fit(w, h, long int) (int, int) {
	if w <= long && h <= long {
		return w, h
	}
	if w >= h {
		return long, max(1, int((int64(h)*int64(long)+int64(w)/2)/int64(w)))
	}
	return max(1, int((int64(w)*int64(long)+int64(h)/2)/int64(h))), long
}
