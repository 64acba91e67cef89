package typeset

import (
	"bytes"
	"math"
	"testing"

	gotext "github.com/go-text/typesetting/font"

	"github.com/dossier-app/dossier/assets"
)

// TestWidthsAgreeWithGoText: for every bundled face, ParseFont covers the
// same BMP runes as go-text/typesetting's reader (Fyne's) and gives them the
// same advance widths, rounded to thousandths of an em, and the same ascent
// and descent. Two independent readers of the same tables agreeing is the
// check that ours reads them right (see ParseFont for why ours is kept).
func TestWidthsAgreeWithGoText(t *testing.T) {
	for _, f := range []struct {
		name string
		data []byte
	}{
		{"NotoSerifSC-Regular", assets.SerifRegular}, {"NotoSansSC-Regular", assets.SansRegular},
		{"NotoSansSC-Bold", assets.SansBold}, {"LXGWWenKai-Regular", assets.KaiRegular},
		{"NotoSerifSC-Bold", assets.SerifBold}, {"NotoSerifSC-Supplement", assets.Supplement},
	} {
		t.Run(f.name, func(t *testing.T) {
			if f.data == nil {
				t.Skip("not bundled")
			}
			ours, err := ParseFont(f.data)
			if err != nil {
				t.Fatal(err)
			}
			face, err := gotext.ParseTTF(bytes.NewReader(f.data))
			if err != nil {
				t.Fatal(err)
			}
			scale := 1000 / float64(face.Upem())
			round := func(v float32) int { return int(math.Round(scale * float64(v))) }
			covered := 0
			for r := rune(1); r < 0xFFFF; r++ {
				g, ok := face.NominalGlyph(r)
				has := ok && g != 0
				if has != ours.Has(r) {
					t.Fatalf("%U: go-text covers it %v, ParseFont %v", r, has, ours.Has(r))
				}
				if !has {
					continue
				}
				covered++
				if a := round(face.HorizontalAdvance(g)); a != ours.Advance(r) {
					t.Fatalf("%U: go-text's width %d, ParseFont's %d", r, a, ours.Advance(r))
				}
			}
			if covered < 100 {
				t.Fatalf("only %d runes covered", covered)
			}
			ext, _ := face.FontHExtents()
			if round(ext.Ascender) != ours.Ascent || round(ext.Descender) != ours.Descent {
				t.Fatalf("go-text's ascent/descent %d/%d, ParseFont's %d/%d", round(ext.Ascender), round(ext.Descender), ours.Ascent, ours.Descent)
			}
		})
	}
}

// BenchmarkParseFont reads the widths of the body face with ParseFont and
// with go-text/typesetting (ParseTTF, then every BMP rune's glyph and
// advance): the figures behind keeping ParseFont.
func BenchmarkParseFont(b *testing.B) {
	b.Run("ParseFont", func(b *testing.B) {
		for b.Loop() {
			if _, err := ParseFont(assets.SerifRegular); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("go-text", func(b *testing.B) {
		for b.Loop() {
			face, err := gotext.ParseTTF(bytes.NewReader(assets.SerifRegular))
			if err != nil {
				b.Fatal(err)
			}
			adv := make([]uint16, 0x10000)
			for r := rune(1); r < 0xFFFF; r++ {
				if g, ok := face.NominalGlyph(r); ok {
					adv[r] = uint16(face.HorizontalAdvance(g))
				}
			}
		}
	})
}
