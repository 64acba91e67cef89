package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // DecodeConfig of photos
	_ "image/png"
	"sync"

	"github.com/dossier-app/dossier/assets"
	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/export/typeset"
)

// fontSet holds the bundled faces and their metrics.
type fontSet struct {
	face   [numFonts]*typeset.Font
	data   [numFonts][]byte
	family [numFonts]string
	style  [numFonts]string
}

// loadFonts reads the metrics of the bundled fonts once.
var loadFonts = sync.OnceValues(func() (*fontSet, error) {
	fs := &fontSet{
		data: [numFonts][]byte{assets.SerifRegular, assets.SansRegular, assets.SansBold},
		// The first three letters of each family become part of the
		// font's subset tag (see subsetTags), so they must differ.
		family: [numFonts]string{"srfNotoSerifSC", "snrNotoSansSC", "sbdNotoSansSC"},
		style:  [numFonts]string{"", "", "B"},
	}
	for i, d := range fs.data {
		f, err := typeset.ParseFont(d)
		if err != nil {
			return nil, fmt.Errorf("bundled font %s%s: %w", fs.family[i], fs.style[i], err)
		}
		fs.face[i] = f
	}
	return fs, nil
})

// photoInfo checks that p is a picture the PDF writer embeds as it is (a
// JPEG, or an 8-bit non-interlaced PNG) and returns its type and size.
func photoInfo(p *dossier.Photo) (typ string, w, h int, err error) {
	if len(p.Data) == 0 {
		return streamedInfo(p)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(p.Data))
	if err != nil {
		return "", 0, 0, errors.New("不是可读的 JPEG 或 PNG 图片")
	}
	switch format {
	case "jpeg":
		typ = "JPG"
	case "png":
		typ = "PNG"
		if len(p.Data) < 29 || p.Data[24] > 8 || p.Data[28] != 0 {
			return "", 0, 0, errors.New("PNG 图片为 16 位或隔行扫描，无法嵌入")
		}
	default:
		return "", 0, 0, fmt.Errorf("图片格式 %s 无法嵌入", format)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return "", 0, 0, errors.New("图片尺寸为零")
	}
	return typ, cfg.Width, cfg.Height, nil
}
