package dossier

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Names and codes are typed, pasted and copied between programs, and pick
// up characters nobody sees: zero-width spaces, bidi marks, no-break
// spaces, decomposed accents. Two names that look the same must be the
// same unit, so every name and code is folded the same way wherever it
// comes in (a workbook, a flag, the GUI) before it is stored or compared.
//
// Unicode normalisation (NFC) comes from golang.org/x/text/unicode/norm,
// the Go project's own implementation: the standard library has none.

// invisible reports whether r is a character that shows nothing and is
// dropped from names and codes: zero-width spaces and joiners, the
// byte-order mark, soft hyphens, and the bidi marks and embeddings.
func invisible(r rune) bool {
	switch {
	case r == 0x00AD, r == 0x061C, r == 0x180E, r == 0xFEFF:
		return true
	case r >= 0x200B && r <= 0x200F: // ZWSP, ZWNJ, ZWJ, LRM, RLM
		return true
	case r >= 0x202A && r <= 0x202E: // LRE, RLE, PDF, LRO, RLO
		return true
	case r >= 0x2060 && r <= 0x2064, r >= 0x2066 && r <= 0x2069: // WJ…, LRI, RLI, FSI, PDI
		return true
	}
	return false
}

// foldInvisible applies NFC, drops invisible characters and turns every
// Unicode space (NBSP, en space, ideographic space…) into a plain space.
func foldInvisible(s string) string {
	s = norm.NFC.String(s)
	return strings.Map(func(r rune) rune {
		switch {
		case invisible(r):
			return -1
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
			return ' '
		}
		return r
	}, s)
}

// NormName is how a name (单位名称, 评委姓名…) is stored and compared:
// NFC, invisible characters dropped, every kind of space a plain space,
// runs of spaces one space, trimmed.
func NormName(s string) string {
	return strings.Join(strings.Fields(foldInvisible(s)), " ")
}

// NormCode is how a 申报编号 is stored: NFC, invisible characters dropped,
// full-width letters and digits (Ｋ０１) read as half-width (K01),
// trimmed. Letters keep the case they were typed in; codes are compared
// by CodeKey.
func NormCode(code string) string {
	return strings.TrimSpace(FoldWidth(NormName(code)))
}

// CodeKey is what two 申报编号 are compared by: NormCode with Latin letters
// in capitals (a clerk typing hn2022-001 means HN2022-001). The store
// compares codes the same way (COLLATE NOCASE: ASCII letters only).
func CodeKey(code string) string { return upperASCII(NormCode(code)) }

// NameKey is what two names are compared by: NormName with full-width
// forms folded and Latin letters in capitals, so that ＡＢＣ学校, abc学校
// and ABC学校 are one unit. The name itself is stored as typed (NormName).
func NameKey(s string) string {
	return upperASCII(FoldWidth(NormName(s)))
}

// SameName reports whether two names are the same name (NameKey).
func SameName(a, b string) bool { return NameKey(a) == NameKey(b) }

// SameCode reports whether two 申报编号 are the same code (CodeKey).
func SameCode(a, b string) bool { return CodeKey(a) == CodeKey(b) }

func upperASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			return strings.Map(func(r rune) rune {
				if r >= 'a' && r <= 'z' {
					return r - 'a' + 'A'
				}
				return r
			}, s)
		}
	}
	return s
}

// ControlChar returns the first control character in s, other than the
// line breaks and tabs multi-line text may hold (allowLines), and whether
// there is one. Control characters (ESC, BEL…) are never stored: echoed to
// a terminal they act instead of showing.
func ControlChar(s string, allowLines bool) (rune, bool) {
	for _, r := range s {
		if allowLines && (r == '\n' || r == '\r' || r == '\t') {
			continue
		}
		if r < 0x20 || (r >= 0x7F && r <= 0x9F) {
			return r, true
		}
	}
	return 0, false
}

// controlNames are the usual names of the control characters people meet.
var controlNames = map[rune]string{
	0x07: "BEL", 0x08: "BS", 0x09: "TAB", 0x0A: "LF", 0x0B: "VT", 0x0C: "FF", 0x0D: "CR", 0x1B: "ESC", 0x7F: "DEL", 0x00: "NUL",
}

// ControlName names a control character for a message: "U+001B ESC".
func ControlName(r rune) string {
	if n, ok := controlNames[r]; ok {
		return fmt.Sprintf("U+%04X %s", r, n)
	}
	return fmt.Sprintf("U+%04X", r)
}

// CheckName checks a name or code typed by a user: an error naming the
// field (what) when it holds a control character.
func CheckName(what, s string) error {
	if r, bad := ControlChar(s, false); bad {
		return Errorf(EINVALID, "%s中有控制字符（%s），这类字符看不见，会扰乱显示；请删除后重新输入", what, ControlName(r))
	}
	return nil
}
