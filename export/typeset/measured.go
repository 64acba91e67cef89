package typeset

import "math"

// Measured is the metrics of a font that someone else measures: the GUI
// toolkit, which sets text with its own shaper and its own fallback fonts,
// so that lines broken here fit where it draws them. Runes are measured the
// first time a text holds them. A Measured is not safe for concurrent use.
type Measured struct {
	font    Font
	em      float64
	measure func(r rune) float64
}

// NewMeasured returns metrics for text set at em (the text size, in the
// unit measure answers in): measure gives the advance of one rune in that
// unit. Pass em as Break's size.
func NewMeasured(em float64, measure func(r rune) float64) *Measured {
	m := &Measured{em: em, measure: measure, font: Font{adv: make([]uint16, 0x10000)}}
	for r := range m.font.adv {
		m.font.adv[r] = unmeasured
	}
	return m
}

// unmeasured marks a rune not measured yet in Measured.font.adv.
const unmeasured = missing - 1

// Font returns the metrics with every rune of text measured, for Break.
// Control characters (line feeds and the like) are treated as missing: they
// take no room and the breaker handles the breaks they force. Runes outside
// the Basic Multilingual Plane are counted as no width; whoever draws the
// lines should check their width.
func (m *Measured) Font(text string) *Font {
	adv := m.font.adv
	for _, r := range text {
		if r < 0 || r >= 0x10000 || adv[r] != unmeasured {
			continue
		}
		if r < 0x20 || r >= 0x7f && r < 0xa0 || r == 0x2028 || r == 0x2029 {
			adv[r] = missing
			continue
		}
		w := math.Round(m.measure(r) / m.em * 1000)
		adv[r] = uint16(min(max(w, 0), unmeasured-1))
	}
	return &m.font
}
