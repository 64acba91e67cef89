package xlsx

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// xEscape matches text that an xlsx reader would take for an _xHHHH_
// escape (ST_Xstring).
var xEscape = regexp.MustCompile(`_(x[0-9A-Fa-f]{4}_)`)

// escapeX protects literal _xHHHH_ in user text (a code such as
// "E_x0041_1") by escaping its underscore, so Excel, WPS and our reader
// give the text back unchanged. excelize's SetCellStr does not do it; its
// StreamWriter does.
func escapeX(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	return xEscape.ReplaceAllString(s, "_x005F_$1")
}

// maxCellUnits is the most UTF-16 code units a cell holds.
const maxCellUnits = 32767

// truncMark ends text cut to fit a cell.
const truncMark = "…（超出单元格容量，已截断）"

// cleanText prepares user text for a cell. Text is written as it is, as a
// string, whatever it starts with (=, +, -, @, tab); only what an xlsx cell
// cannot hold is changed: bytes that are not UTF-8 and control characters
// XML forbids (all but tab, line feed and carriage return) become U+FFFD,
// and text over the 32,767 units of a cell is cut with a visible mark
// (excelize would cut it silently).
func cleanText(s string) string {
	ok := utf8.ValidString(s)
	if ok {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				ok = false
				break
			}
		}
		ok = ok && !strings.ContainsAny(s, "\uFFFE\uFFFF")
	}
	if !ok {
		var b strings.Builder
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && n == 1, r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
				b.WriteRune(utf8.RuneError)
			default:
				b.WriteString(s[i : i+n])
			}
			i += n
		}
		s = b.String()
	}
	if len(s) <= maxCellUnits {
		return s // at most one UTF-16 unit per byte
	}
	units := 0
	for i, r := range s {
		n := 1
		if r >= 0x10000 {
			n = 2
		}
		if units+n > maxCellUnits-len([]rune(truncMark)) {
			return s[:i] + truncMark
		}
		units += n
	}
	return s
}
