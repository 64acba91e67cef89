package dossier

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NumberError says why a typed number was refused. Its message, in Chinese,
// quotes the text and tells the unit what to write instead.
type NumberError struct {
	Text string // as typed
	Unit string // the indicator's unit of measure
	Kind NumberErrorKind
}

// NumberErrorKind is the reason a number was refused.
type NumberErrorKind int

// Reasons a number is refused.
const (
	NumNotANumber  NumberErrorKind = iota // unreadable
	NumApproximate                        // 约, 余, 近, 超过…
	NumRange                              // 20-30, 20至30
	NumWrongUnit                          // 27.6万元 for an indicator in 个
	NumPercent                            // 6.66% for an indicator that is not a percentage
	NumOutOfRange                         // too large to be meant
	NumEmpty                              // nothing typed
)

// Error returns the Chinese message.
func (e *NumberError) Error() string {
	t := clipNumber(e.Text)
	const note = "约数、范围等说明请写在“说明”列"
	switch e.Kind {
	case NumApproximate:
		return fmt.Sprintf("“%s”是约数，请填写确切数字，约数等说明写在“说明”列", t)
	case NumRange:
		return fmt.Sprintf("“%s”是一个范围，请填写一个确切数字，%s", t, note)
	case NumWrongUnit:
		return fmt.Sprintf("“%s”的单位与本指标的计量单位“%s”不符，请按“%s”填写数字", t, e.Unit, e.Unit)
	case NumPercent:
		return fmt.Sprintf("“%s”是百分数，但本指标的计量单位是“%s”，请按“%s”填写数字", t, e.Unit, e.Unit)
	case NumOutOfRange:
		return fmt.Sprintf("“%s”超出可填写的范围，请核对数字", t)
	case NumEmpty:
		return "数值为空"
	}
	return fmt.Sprintf("“%s”不是数字，请用阿拉伯数字填写（可写作 27.6万、1,200、6.66%% 这样的形式），%s", t, note)
}

// approxWords mark a number as approximate.
var approxWords = []string{
	"约", "余", "近", "超过", "多", "左右", "逾", "以上", "以下", "不足", "不到", "接近",
	"上下", "若干", "几", "数", "大于", "小于", "至少", "最多", "将近", "≈", "≥", "≤", ">", "<", "±",
}

// rangeMarks separate the two ends of a range.
var rangeMarks = []string{"~", "～", "〜", "至", "到", "—", "–", "-"}

// MaxNumber bounds the indicator values accepted: anything larger is a
// typing error.
const MaxNumber = 1e15

// ParseNumber reads a number typed as text, as the indicator whose unit of
// measure is unit means it (DESIGN.md, "The submission workbook"):
//
//	ParseNumber("27.6万", "个")    = 276000
//	ParseNumber("27.6万", "万个")  = 27.6
//	ParseNumber("1.2亿", "亿元")   = 1.2
//	ParseNumber("1.2亿", "万元")   = 12000
//	ParseNumber("1,200", "名")     = 1200
//	ParseNumber("２７．６", "所")   = 27.6
//	ParseNumber("6.66%", "%")      = 6.66
//
// Full-width digits and signs are read, spaces ignored, a unit written after
// the number must agree with the indicator's. Approximate wording (约, 余,
// 近, 超过, 多, 左右…), ranges and anything else unreadable are refused with
// a *NumberError; nothing is read as zero. The arithmetic is decimal, so
// 27.6万 is exactly 276000.
func ParseNumber(text string, unit string) (float64, error) {
	fail := func(k NumberErrorKind) (float64, error) {
		return 0, &NumberError{Text: strings.TrimSpace(text), Unit: unit, Kind: k}
	}
	s := normalizeNumber(text)
	if s == "" {
		return fail(NumEmpty)
	}
	for _, w := range approxWords {
		if strings.Contains(s, w) {
			return fail(NumApproximate)
		}
	}
	// Sign.
	neg := false
	body := s
	if body[0] == '+' || body[0] == '-' {
		neg = body[0] == '-'
		body = body[1:]
	}
	if strings.HasSuffix(body, "+") {
		return fail(NumApproximate) // 20+
	}
	for _, m := range rangeMarks {
		if i := strings.Index(body, m); i > 0 {
			return fail(NumRange)
		}
	}
	// Digits, thousands separators and the decimal point.
	i := 0
	for i < len(body) && (body[i] >= '0' && body[i] <= '9' || body[i] == ',' || body[i] == '.') {
		i++
	}
	num, suffix := body[:i], body[i:]
	whole, frac, dot := strings.Cut(num, ".")
	if strings.Contains(frac, ".") || strings.Contains(frac, ",") || (whole == "" && frac == "") || (dot && frac == "" && whole == "") {
		return fail(NumNotANumber)
	}
	if strings.Contains(whole, ",") {
		groups := strings.Split(whole, ",")
		if len(groups[0]) < 1 || len(groups[0]) > 3 {
			return fail(NumNotANumber)
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return fail(NumNotANumber)
			}
		}
		whole = strings.ReplaceAll(whole, ",", "")
	}
	// Multipliers (万, 亿, 千万…) then an optional unit of measure.
	exp := 0
	uexp, ubase := SplitUnit(unit)
	if suffix == "" || suffix == strings.TrimSpace(FoldWidth(unit)) {
		// A bare number, or the unit as written (12.3万人次, 3百分点): the
		// number is in the indicator's unit.
		suffix, exp = "", uexp
	}
	rest := suffix
	n := 0
	for rest != "" {
		r, size := utf8.DecodeRuneInString(rest)
		e, ok := unitMultiplier[r]
		if !ok {
			break
		}
		exp += e
		rest = rest[size:]
		n++
	}
	if n > 3 {
		return fail(NumNotANumber)
	}
	switch {
	case rest == "":
	case rest == ubase:
	case rest == "%" || rest == "％":
		return fail(NumPercent)
	case containsDigitOrLetter(rest) || !unicode.Is(unicode.Han, firstRune(rest)):
		return fail(NumNotANumber)
	default:
		return fail(NumWrongUnit)
	}
	if ubase == "%" && exp != uexp {
		return fail(NumNotANumber)
	}
	digits := whole + frac
	v, err := strconv.ParseFloat(digits+"e"+strconv.Itoa(exp-uexp-len(frac)), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || v >= MaxNumber {
		return fail(NumOutOfRange)
	}
	if neg {
		v = -v
	}
	return v, nil
}

// normalizeNumber folds full-width forms, removes every space and turns the
// other dashes and the ideographic full stop used as a point into ASCII.
func normalizeNumber(text string) string {
	text = FoldWidth(text)
	var b strings.Builder
	for _, r := range text {
		switch {
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			continue
		case r == '\u2212': // minus sign
			r = '-'
		case r == '。' || r == '．':
			r = '.'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func containsDigitOrLetter(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf && (unicode.IsDigit(r) || unicode.IsLetter(r)) {
			return true
		}
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// clipNumber shortens the typed text a message quotes.
func clipNumber(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r", " "), "\n", " ")
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
