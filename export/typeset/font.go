// Package typeset sets Chinese text for the printed documents: it reads the
// metrics of a TrueType font, makes text printable with that font (invalid
// UTF-8, characters outside the Basic Multilingual Plane and characters the
// font lacks become a visible □ and are reported), and breaks paragraphs into
// lines no wider than a measure, by the Unicode line breaking algorithm
// (UAX #14) plus the rules of Chinese typesetting: no line starts with closing
// punctuation or ends with opening punctuation, curly quotation marks behave
// as opening and closing punctuation, and a number stays with the unit that
// follows it (27.6万, 2021年, 6.66%).
//
// It knows nothing about PDF: the metrics it computes are the ones the PDF
// writer (fpdf) puts into the document, so what fits here fits on the page.
package typeset

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// missing marks a rune the font has no glyph for in Font.adv.
const missing = math.MaxUint16

// Font holds what line filling needs of a TrueType font: which runes of the
// Basic Multilingual Plane it covers and their advance widths, in thousandths
// of an em, rounded as the PDF writer rounds them. A Font is read-only after
// ParseFont and safe for concurrent use.
type Font struct {
	adv    []uint16 // indexed by rune < 0x10000; missing when not covered
	src    []uint8  // for a Fallback chain: which font supplies each rune
	Ascent int      // typographic ascent in thousandths of an em (hhea)
	// Descent is the typographic descent in thousandths of an em, negative.
	Descent int
}

// ParseFont reads the cmap (format 4, the Unicode BMP subtable the PDF
// writer reads too), hhea, head, maxp and hmtx tables of a TrueType font.
//
// Why not github.com/go-text/typesetting/font, which Fyne already brings:
// it agrees with this reader on every rune and width of every bundled face
// (TestWidthsAgreeWithGoText), but it parses the whole font, outlines and
// layout tables included, to give the same numbers: on the 2-core test
// machine 1.0–1.9 s and 45 MB of allocations for Noto Serif SC, against
// 5 ms and 0.26 MB here (BenchmarkParseFont), paid by every process before
// its first document. These few tables, read the way fpdf reads them, are
// also the guarantee that what fits here fits on the page.
func ParseFont(data []byte) (*Font, error) {
	tables, err := tableDirectory(data)
	if err != nil {
		return nil, err
	}
	head, hhea, maxp, hmtx, cmap := tables["head"], tables["hhea"], tables["maxp"], tables["hmtx"], tables["cmap"]
	if head == nil || hhea == nil || maxp == nil || hmtx == nil || cmap == nil {
		return nil, errors.New("typeset: font lacks one of the head, hhea, maxp, hmtx, cmap tables")
	}
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, errors.New("typeset: font tables truncated")
	}
	upem := int(binary.BigEndian.Uint16(head[18:]))
	if upem == 0 {
		return nil, errors.New("typeset: font has unitsPerEm 0")
	}
	scale := 1000 / float64(upem)
	f := &Font{
		Ascent:  int(math.Round(scale * float64(int16(binary.BigEndian.Uint16(hhea[4:]))))),
		Descent: int(math.Round(scale * float64(int16(binary.BigEndian.Uint16(hhea[6:]))))),
	}
	numberOfHMetrics := int(binary.BigEndian.Uint16(hhea[34:]))
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	if numberOfHMetrics == 0 || len(hmtx) < 4*numberOfHMetrics {
		return nil, errors.New("typeset: hmtx table truncated")
	}
	advance := func(g int) uint16 {
		if g >= numGlyphs {
			return missing
		}
		if g >= numberOfHMetrics {
			g = numberOfHMetrics - 1
		}
		a := int(binary.BigEndian.Uint16(hmtx[4*g:]))
		if a >= 1<<15 { // as the PDF writer reads it
			a = 0
		}
		return uint16(math.Round(scale * float64(a)))
	}
	glyphs, err := cmap4(cmap)
	if err != nil {
		return nil, err
	}
	f.adv = make([]uint16, 0x10000)
	for r := range f.adv {
		f.adv[r] = missing
		if g := glyphs[r]; g != 0 && r != 0 && r != 0xFFFF {
			f.adv[r] = advance(int(g))
		}
	}
	return f, nil
}

// Has reports whether the font has a glyph for r. Runes outside the Basic
// Multilingual Plane are never covered: the PDF writer cannot print them.
func (f *Font) Has(r rune) bool {
	return r >= 0 && r < 0x10000 && f.adv[r] != missing
}

// Advance returns the advance width of r in thousandths of an em, 0 for a
// rune the font lacks.
func (f *Font) Advance(r rune) int {
	if !f.Has(r) {
		return 0
	}
	return int(f.adv[r])
}

// Width returns the width of s set at size, in the unit size is given in.
func (f *Font) Width(s string, size float64) float64 {
	w := 0
	for _, r := range s {
		w += f.Advance(r)
	}
	return float64(w) * size / 1000
}

// tableDirectory maps the four-letter table tags of a TrueType font to
// their bytes.
func tableDirectory(data []byte) (map[string][]byte, error) {
	if len(data) < 12 {
		return nil, errors.New("typeset: not a TrueType font")
	}
	switch v := binary.BigEndian.Uint32(data); v {
	case 0x00010000, 0x74727565: // TrueType outlines
	case 0x4F54544F:
		return nil, errors.New("typeset: CFF (OpenType) fonts are not supported; convert to TrueType outlines")
	case 0x74746366:
		return nil, errors.New("typeset: font collections (.ttc) are not supported")
	default:
		return nil, fmt.Errorf("typeset: not a TrueType font (version %#08x)", v)
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, errors.New("typeset: font table directory truncated")
	}
	tables := make(map[string][]byte, n)
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(length) > uint64(len(data)) {
			return nil, fmt.Errorf("typeset: font table %q outside the file", rec[:4])
		}
		tables[string(rec[:4])] = data[off : off+length]
	}
	return tables, nil
}

// cmap4 returns the glyph index of every BMP rune from the first Unicode
// (platform 0, or 3 with encoding 1) format 4 subtable, the one the PDF
// writer uses.
func cmap4(cmap []byte) ([]uint16, error) {
	if len(cmap) < 4 {
		return nil, errors.New("typeset: cmap table truncated")
	}
	var sub []byte
	for i, n := 0, int(binary.BigEndian.Uint16(cmap[2:])); i < n && 4+8*i+8 <= len(cmap); i++ {
		rec := cmap[4+8*i:]
		platform, encoding := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		off := int(binary.BigEndian.Uint32(rec[4:]))
		if !(platform == 3 && encoding == 1 || platform == 0) || off+4 > len(cmap) {
			continue
		}
		if binary.BigEndian.Uint16(cmap[off:]) == 4 {
			sub = cmap[off:]
			break
		}
	}
	if sub == nil {
		return nil, errors.New("typeset: font has no Unicode format 4 cmap")
	}
	if len(sub) < 14 {
		return nil, errors.New("typeset: cmap subtable truncated")
	}
	if l := int(binary.BigEndian.Uint16(sub[2:])); l <= len(sub) && l >= 14 {
		sub = sub[:l]
	}
	segs := int(binary.BigEndian.Uint16(sub[6:])) / 2
	if len(sub) < 16+8*segs {
		return nil, errors.New("typeset: cmap subtable truncated")
	}
	ends := sub[14:]
	starts := sub[16+2*segs:]
	deltas := sub[16+4*segs:]
	offsets := sub[16+6*segs:]
	u16 := func(b []byte, i int) int { return int(binary.BigEndian.Uint16(b[2*i:])) }
	glyphs := make([]uint16, 0x10000)
	for s := 0; s < segs; s++ {
		start, end, delta, ro := u16(starts, s), u16(ends, s), u16(deltas, s), u16(offsets, s)
		for c := start; c <= end && c <= 0xFFFF; c++ {
			var g int
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else {
				pos := 16 + 6*segs + 2*s + ro + 2*(c-start)
				if pos+2 > len(sub) {
					continue
				}
				if g = int(binary.BigEndian.Uint16(sub[pos:])); g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			glyphs[c] = uint16(g)
		}
	}
	return glyphs, nil
}
