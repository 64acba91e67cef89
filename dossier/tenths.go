package dossier

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Tenths is a score counted in tenths of a point (18.5 points is 185). Scores
// have at most one decimal, so integer tenths make every sum exact.
type Tenths int64

// Points converts whole points to Tenths.
func Points(p int) Tenths { return Tenths(p * 10) }

// String formats the value with one decimal: 18.5, 20.0.
func (t Tenths) String() string {
	var buf [24]byte
	b := buf[:0]
	if t < 0 {
		b = append(b, '-')
		t = -t
	}
	b = strconv.AppendInt(b, int64(t/10), 10)
	b = append(b, '.', byte('0'+t%10))
	return string(b)
}

// Short formats the value without a trailing ".0": 18.5, 20.
func (t Tenths) Short() string {
	if t%10 == 0 {
		return strconv.FormatInt(int64(t/10), 10)
	}
	return t.String()
}

// Float returns the value in points.
func (t Tenths) Float() float64 { return float64(t) / 10 }

// ErrPrecision reports a score with more than one decimal place.
var ErrPrecision = Errorf(EINVALID, "分值最多保留一位小数")

// ParseTenths reads a score typed as text: "18", "18.5", "18.50", full-width
// digits too. More than one significant decimal place is rejected, never
// rounded.
func ParseTenths(s string) (Tenths, error) {
	s = strings.TrimSpace(FoldWidth(s))
	if s == "" {
		return 0, Errorf(EINVALID, "分值为空")
	}
	neg := false
	if s[0] == '-' || s[0] == '+' {
		neg = s[0] == '-'
		s = s[1:]
	}
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" && frac == "" {
		return 0, Errorf(EINVALID, "“%s”不是数字", s)
	}
	for _, r := range whole + frac {
		if r < '0' || r > '9' {
			return 0, Errorf(EINVALID, "“%s”不是数字", s)
		}
	}
	if hasDot && frac == "" {
		frac = "0"
	}
	frac = strings.TrimRight(frac, "0")
	if len(frac) > 1 {
		return 0, ErrPrecision
	}
	if whole == "" {
		whole = "0"
	}
	if len(whole) > 9 {
		return 0, Errorf(EINVALID, "“%s”超出范围", s)
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	t := Tenths(w * 10)
	if frac != "" {
		t += Tenths(frac[0] - '0')
	}
	if neg {
		t = -t
	}
	return t, nil
}

// TenthsFromFloat converts a number read from a spreadsheet cell. It accepts
// the binary noise of a decimal such as 18.3 but rejects 18.35.
func TenthsFromFloat(f float64) (Tenths, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e9 {
		return 0, Errorf(EINVALID, "数值超出范围")
	}
	x := f * 10
	r := math.Round(x)
	if math.Abs(x-r) > 1e-6 {
		return 0, ErrPrecision
	}
	return Tenths(r), nil
}

// FoldWidth turns full-width ASCII forms (０-９, ．, ，, ％, －…) and the
// ideographic space into their half-width equivalents.
func FoldWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFF01 + 0x21
		case r == 0x3000:
			return ' '
		}
		return r
	}, s)
}

// Mean is an exact average of tenths: Sum over N. Ranking compares Means
// exactly; only display rounds.
type Mean struct {
	Sum Tenths
	N   int
}

// Valid reports whether the mean has at least one value.
func (m Mean) Valid() bool { return m.N > 0 }

// Cmp compares two means exactly: -1, 0 or +1. An empty mean is lowest.
func (m Mean) Cmp(o Mean) int {
	switch {
	case !m.Valid() && !o.Valid():
		return 0
	case !m.Valid():
		return -1
	case !o.Valid():
		return 1
	}
	a := int64(m.Sum) * int64(o.N)
	b := int64(o.Sum) * int64(m.N)
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Hundredths is the mean in hundredths of a point, rounded half away from zero.
func (m Mean) Hundredths() int64 {
	if m.N == 0 {
		return 0
	}
	num := int64(m.Sum) * 10 // value*100 = Sum*10/N
	den := int64(m.N)
	if num >= 0 {
		return (2*num + den) / (2 * den)
	}
	return -((-2*num + den) / (2 * den))
}

// Float is the mean rounded to two decimals, for display and export.
func (m Mean) Float() float64 { return float64(m.Hundredths()) / 100 }

// String formats the mean with two decimals ("87.33"), or "—" when empty.
func (m Mean) String() string {
	if m.N == 0 {
		return "—"
	}
	h := m.Hundredths()
	sign := ""
	if h < 0 {
		sign, h = "-", -h
	}
	return fmt.Sprintf("%s%d.%02d", sign, h/100, h%100)
}
