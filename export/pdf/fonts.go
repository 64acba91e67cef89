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

// fontSet holds the bundled faces and their metrics. Each fontID names a
// physical face (data, family, style: what fpdf embeds) and a logical one:
// face[id] is the metrics of its fallback chain, so that a character the
// face lacks is set in the next face of chain[id] that has it, and □ only
// where none has it. A face whose font is not bundled (data nil) is never
// embedded, and its logical font is its chain's next face.
type fontSet struct {
	face   [numFonts]*typeset.Font
	chain  [numFonts][]fontID
	single [numFonts]*typeset.Font // each physical face alone
	data   [numFonts][]byte
	family [numFonts]string
	style  [numFonts]string
}

// chains lists, for each logical font, the physical faces in fallback
// order: its own face first. serif's is the 宋体 body; bodyChain replaces it
// by the campaign's body face. Every chain falls back to 宋体 and 黑体, which
// cover the whole CJK repertoire; the supplement face (Greek, Cyrillic,
// pinyin tone letters) comes last.
var chains = [numFonts][]fontID{
	serif:    {serif, sans, supplement},
	sans:     {sans, serif, supplement},
	sansBold: {sansBold, sans, serif, supplement},
	kai:      {kai, sans, serif, supplement},
	songBold: {songBold, sansBold, serif, sans, supplement},
	// supplement and fang on their own are never logical fonts.
	supplement: {supplement},
	fang:       {fang, serif, sans, supplement},
	song:       {serif, sans, supplement},
}

// bodyChain is the chain of the body text (serif) for a body face: 仿宋
// falls back to 宋体 for what it lacks (rare ideographs beyond GB 2312),
// then as 宋体 does.
func bodyChain(body dossier.BodyFont) []fontID {
	if body.Or() == dossier.BodyFangsong {
		return chains[fang]
	}
	return chains[serif]
}

// fontSets holds one font set per body face, each read once.
var fontSets = map[dossier.BodyFont]func() (*fontSet, error){
	dossier.BodyFangsong: sync.OnceValues(func() (*fontSet, error) { return newFontSet(dossier.BodyFangsong) }),
	dossier.BodySong:     sync.OnceValues(func() (*fontSet, error) { return newFontSet(dossier.BodySong) }),
}

// loadFonts returns the bundled fonts with the body text in face body ("":
// the default, 仿宋).
func loadFonts(body dossier.BodyFont) (*fontSet, error) {
	load, ok := fontSets[body.Or()]
	if !ok {
		return nil, dossier.CheckBodyFont(body)
	}
	return load()
}

// newFontSet reads the metrics of the bundled fonts. The 仿宋 face is
// registered (and so embedded) only when it is the body face: a 宋体
// document names no 仿宋 font.
func newFontSet(body dossier.BodyFont) (*fontSet, error) {
	fs := &fontSet{
		data: [numFonts][]byte{assets.SerifRegular, assets.SansRegular, assets.SansBold, assets.KaiRegular, assets.SerifBold, assets.Supplement, nil, nil},
		// The first three letters of each family become part of the
		// font's subset tag (see subsetTags), so they must differ.
		family: [numFonts]string{"srfNotoSerifSC", "snrNotoSansSC", "sbdNotoSansSC", "kaiLXGWWenKai", "sbsNotoSerifSC", "supNotoSerifSC", "fngFandolFang", ""},
		style:  [numFonts]string{"", "", "B", "", "B", "", "", ""},
	}
	if body.Or() == dossier.BodyFangsong {
		fs.data[fang] = assets.FangRegular
	}
	for i, d := range fs.data {
		if d == nil {
			continue
		}
		f, err := typeset.ParseFont(d)
		if err != nil {
			return nil, fmt.Errorf("bundled font %s%s: %w", fs.family[i], fs.style[i], err)
		}
		fs.single[i] = f
	}
	for i, ch := range chains {
		if fontID(i) == serif {
			ch = bodyChain(body)
		}
		var metrics []*typeset.Font
		for _, id := range ch {
			if fs.single[id] != nil {
				fs.chain[i] = append(fs.chain[i], id)
				metrics = append(metrics, fs.single[id])
			}
		}
		fs.face[i] = typeset.Fallback(metrics...)
	}
	return fs, nil
}

// physical returns the face that prints r in logical font f.
func (fs *fontSet) physical(f fontID, r rune) fontID {
	return fs.chain[f][fs.face[f].Source(r)]
}

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
