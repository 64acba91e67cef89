package pdf

import (
	"unicode"

	"github.com/dossier-app/dossier/export/typeset"
)

// maxSpread is the most space, as a fraction of the em, that justification
// adds between two characters; a line that would need more stays ragged.
const maxSpread = 0.5

// justified places a line filled to the measure w, as a few text items:
// a line wider than w (typeset.BreakJustified let it fit) has its
// full-width punctuation compressed by the excess (标点挤压); a line
// narrower is spread, but only between two CJK characters (or failing
// those at word spaces), so Latin words and numbers are never
// letter-spaced ("98.5%", not "9 8 . 5 %"). Each run of characters set
// with the same spacing becomes one item, its spacing in tc.
func (c *composer) justified(l typeset.Line, txt string, st style, x, top, w float64) {
	face := c.fonts.face[st.font]
	em := st.size * ptMM
	scale := em / 1000
	runes := []rune(txt)
	n := len(runes)
	adv := make([]float64, n)
	extra := make([]float64, n) // space after rune i, mm (negative: squeezed)
	for i, r := range runes {
		adv[i] = float64(face.Advance(r)) * scale
	}
	switch slack := w - l.Width; {
	case slack < -1e-9:
		// Compress punctuation evenly by the excess, each mark at most by
		// its blank half; an opening mark at the line start keeps its
		// blank, and a mark's blank on the left is taken from the space
		// before it.
		sq := make([]int, n)
		typeset.SqueezeRun(runes, face, sq)
		total := 0.0
		for _, q := range sq {
			total += float64(q) * scale
		}
		ratio := 1.0
		if total > -slack {
			ratio = -slack / total
		}
		for i, q := range sq {
			extra[i] -= float64(q) * scale * ratio
		}
		// The breaker saw the marks in the context of the line before;
		// should this line compress less, the little that is left comes
		// out of every gap alike.
		if rest := -slack - total*ratio; rest > 1e-9 && n > 1 {
			for i := 0; i+1 < n; i++ {
				extra[i] -= rest / float64(n-1)
			}
		}
	case slack > 1e-9 && !l.Last && n > 1:
		gaps := 0
		for i := 0; i+1 < n; i++ {
			if cjk(runes[i]) && cjk(runes[i+1]) {
				gaps++
			}
		}
		space := func(i int) bool { return false }
		if gaps == 0 {
			space = func(i int) bool { return runes[i] == ' ' }
			for i := 0; i+1 < n; i++ {
				if space(i) {
					gaps++
				}
			}
		}
		if gaps == 0 {
			break
		}
		g := slack / float64(gaps)
		if g > maxSpread*em {
			break // a long word pushed to the next line: stay ragged
		}
		for i := 0; i+1 < n; i++ {
			if cjk(runes[i]) && cjk(runes[i+1]) || space(i) {
				extra[i] = g
			}
		}
	}
	// One item per run of equal spacing.
	pos := x
	for from := 0; from < n; {
		// runes[from:to] share the spacing extra[from]; the last one's
		// own extra is not needed, the next item is placed by position.
		to := from + 1
		for to < n && extra[to-1] == extra[from] {
			to++
		}
		wRun := 0.0
		for i := from; i < to; i++ {
			wRun += adv[i]
			// The last mark's squeezed blank is not part of the box:
			// at the line end it lies past the measure.
			if i < to-1 || extra[i] < 0 {
				wRun += extra[i]
			}
		}
		tc := 0.0
		if to-from > 1 {
			tc = extra[from] / ptMM
		}
		c.pg.items = append(c.pg.items, item{kind: kText, font: st.font, color: st.color, x: pos, y: baseline(top, st),
			w: wRun, h: em, size: st.size, tc: tc, text: string(runes[from:to])})
		for i := from; i < to; i++ {
			pos += adv[i] + extra[i]
		}
		from = to
	}
}

// cjk reports whether r is set on the ideographic grid: Han, kana, Hangul,
// full-width punctuation and forms, between which justification may add
// space.
func cjk(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF || r == '“' || r == '”' || r == '‘' || r == '’' ||
		r == '—' || r == '…' || r == '·' || r == '□'
}
