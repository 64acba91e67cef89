package typeset

// Fallback returns the metrics of a chain of fonts used as one: a rune is
// set in the first font of the chain that has it (仿宋 → Noto Serif SC →
// Noto Sans SC, say), so that □ is printed only where none has it. Source
// tells which font of the chain supplies a rune. Ascent and Descent are
// those of the first font. With one font, Fallback returns it.
func Fallback(fonts ...*Font) *Font {
	if len(fonts) == 1 {
		return fonts[0]
	}
	f := &Font{adv: make([]uint16, 0x10000), src: make([]uint8, 0x10000), Ascent: fonts[0].Ascent, Descent: fonts[0].Descent}
	for r := range f.adv {
		f.adv[r] = missing
		for i, g := range fonts {
			if g.adv[r] != missing {
				f.adv[r], f.src[r] = g.adv[r], uint8(i)
				break
			}
		}
	}
	return f
}

// Source returns the index, in the chain given to Fallback, of the font
// that supplies r; 0 for a single font and for runes no font has.
func (f *Font) Source(r rune) int {
	if f.src == nil || !f.Has(r) {
		return 0
	}
	return int(f.src[r])
}
