package dossier

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// unitMultiplier gives the power of ten of a Chinese number unit that
// prefixes a unit of measure (万个, 亿元, 千米…).
var unitMultiplier = map[rune]int{'十': 1, '百': 2, '千': 3, '万': 4, '亿': 8}

// SplitUnit splits a unit of measure into its power of ten and its base:
// 万个 is (4, 个), 亿元 (8, 元), 个 (0, 个). 百分比 and 千分比 are bases of
// their own, as the number reader treats them.
func SplitUnit(unit string) (int, string) {
	u := strings.TrimSpace(FoldWidth(unit))
	if strings.HasPrefix(u, "百分") || strings.HasPrefix(u, "千分") {
		return 0, u
	}
	exp, rest := 0, u
	for rest != "" {
		r, size := utf8.DecodeRuneInString(rest)
		e, ok := unitMultiplier[r]
		if !ok {
			break
		}
		exp += e
		rest = rest[size:]
	}
	return exp, rest
}

// ConvertUnit says how a value in unit from becomes a value in unit to:
// the power of ten to scale by, and whether the two units convert at all
// (个 → 万个 is -4; 个 → 所 does not convert).
func ConvertUnit(from, to string) (int, bool) {
	fe, fb := SplitUnit(from)
	te, tb := SplitUnit(to)
	if fb != tb {
		return 0, false
	}
	return fe - te, true
}

// ScaleDecimal multiplies v by 10^exp in decimal, so that scaling never
// drifts: 27.6 scaled by 4 is exactly 276000, 276000 by -4 exactly 27.6.
func ScaleDecimal(v float64, exp int) float64 {
	if exp == 0 || v == 0 {
		return v
	}
	mant, e, _ := strings.Cut(strconv.FormatFloat(v, 'e', -1, 64), "e")
	n, _ := strconv.Atoi(e)
	out, err := strconv.ParseFloat(mant+"e"+strconv.Itoa(n+exp), 64)
	if err != nil {
		return v * math.Pow10(exp)
	}
	return out
}
