package pdf

import (
	"math"
	"strconv"
	"strings"
)

// countUnits are units of measure a figure may be written in 万 or 亿 of
// (276000个 → 27.6万个): counts and amounts, not rates or ratios.
var countUnits = map[string]bool{
	"个": true, "人": true, "人次": true, "所": true, "元": true, "平方米": true, "册": true, "台": true,
	"套": true, "间": true, "项": true, "名": true, "户": true, "次": true, "件": true, "辆": true,
	"座": true, "亩": true, "本": true, "张": true, "份": true, "家": true, "块": true, "册次": true,
	"": true,
}

// figure writes an indicator value with its unit as an official document
// would: in 万 from 100,000 and in 亿 from 100,000,000 where the unit is a
// count or an amount (27.6万个, 1.2亿元; a unit already in 万 moves to 亿
// from 10,000万), exactly (up to 4 decimals of the larger unit, else the
// grouped plain figure), and otherwise with the integer part grouped by
// thousands (12,345,678.12亿元). Rates (%, 个百分点) are never converted.
func figure(v float64, unit string) string {
	unit = strings.TrimSpace(unit)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64) + unit
	}
	base, scale := unit, 1.0
	if rest, ok := strings.CutPrefix(unit, "万"); ok && countUnits[rest] {
		base, scale = rest, 1e4
	}
	if countUnits[base] {
		abs := math.Abs(v) * scale
		for _, m := range []struct {
			div  float64
			name string
		}{{1e8, "亿"}, {1e4, "万"}} {
			if abs < m.div*10 && m.name == "万" || abs < m.div && m.name == "亿" {
				continue
			}
			if s, ok := exact(v*scale/m.div, 4); ok {
				return group(s) + m.name + base
			}
		}
	}
	return group(strconv.FormatFloat(v, 'f', -1, 64)) + unit
}

// exact writes x with at most n decimals if that is exact to within the
// float's precision.
func exact(x float64, n int) (string, bool) {
	s := strconv.FormatFloat(x, 'f', n, 64)
	back, err := strconv.ParseFloat(s, 64)
	if err != nil || math.Abs(back-x) > 1e-9*math.Max(1, math.Abs(x)) {
		return "", false
	}
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s, true
}

// group puts thousands separators into the integer part of a plain decimal
// figure of five digits or more: 12345678.12 → 12,345,678.12 (a four-digit
// figure such as a year-like 2021 stays as it is).
func group(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	if len(intPart) < 5 || strings.Trim(intPart, "0123456789") != "" {
		return sign + s
	}
	var b strings.Builder
	for i, d := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return sign + b.String()
}
