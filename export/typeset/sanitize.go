package typeset

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Substitute is the visible mark printed for a character the font lacks.
const Substitute = '□'

// Missing is a character of the input that could not be printed and was
// replaced by Substitute.
type Missing struct {
	// Rune is the character the font lacks; utf8.RuneError for invalid UTF-8.
	Rune rune
	// Byte is the offending byte when the input was not valid UTF-8.
	Byte byte
}

// Invalid reports whether the substitution replaced a byte of invalid UTF-8.
func (m Missing) Invalid() bool { return m.Rune == utf8.RuneError }

// String describes the substitution in Chinese, e.g.
// 字符“𠮷”(U+20BB7) 字体中没有，已以□代替.
func (m Missing) String() string {
	if m.Invalid() {
		return fmt.Sprintf("无效的 UTF-8 字节 0x%02X，已以%c代替", m.Byte, Substitute)
	}
	if unicode.IsGraphic(m.Rune) {
		return fmt.Sprintf("字符“%c”(U+%04X) 字体中没有，已以%c代替", m.Rune, m.Rune, Substitute)
	}
	return fmt.Sprintf("控制字符 U+%04X 无法打印，已以%c代替", m.Rune, Substitute)
}

// Sanitize makes s printable with f: tabs and line breaks become spaces,
// invisible format characters (zero-width spaces and joiners, byte order
// marks, variation selectors, soft hyphens) are dropped, and every byte of
// invalid UTF-8, every rune outside the Basic Multilingual Plane and every
// rune f lacks becomes Substitute (or '?' where f lacks □ too), each
// reported once per occurrence in order. Text that needs no change is
// returned as it is, without allocating.
func Sanitize(s string, f *Font) (string, []Missing) {
	clean := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < ' ' || c == 0x7F || !f.Has(rune(c)) {
				clean = false
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == '\u2028' || r == '\u2029' || dropped(r) || !f.Has(r) {
			clean = false
			break
		}
		i += n
	}
	if clean {
		return s, nil
	}
	sub := Substitute
	if !f.Has(sub) {
		sub = '?'
	}
	var b strings.Builder
	b.Grow(len(s))
	var miss []Missing
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			miss = append(miss, Missing{Rune: utf8.RuneError, Byte: s[i]})
			b.WriteRune(sub)
		case r == '\t' || r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			if f.Has(' ') {
				b.WriteByte(' ')
			}
		case dropped(r):
		case !f.Has(r):
			miss = append(miss, Missing{Rune: r})
			b.WriteRune(sub)
		default:
			b.WriteRune(r)
		}
		i += n
	}
	return b.String(), miss
}

// dropped reports whether r is an invisible formatting character that is
// left out of printed text rather than substituted.
func dropped(r rune) bool {
	switch {
	case r == '\u00AD', r == '\u200B', r == '\u200C', r == '\u200D', r == '\u2060', r == '\uFEFF',
		r >= '\uFE00' && r <= '\uFE0F', r >= 0xE0100 && r <= 0xE01EF,
		r == '\u200E', r == '\u200F', r >= '\u202A' && r <= '\u202E', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}
