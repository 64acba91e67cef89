package dossier

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestParseNumber(t *testing.T) {
	for _, c := range []struct {
		text, unit string
		want       float64
	}{
		{"27.6万", "个", 276000},
		{"27.6万", "万个", 27.6},
		{"27.6万个", "个", 276000},
		{"27.6万个", "万个", 27.6},
		{"27.6", "万个", 27.6},
		{"166", "亿元", 166},
		{"0.5", "万元", 0.5},
		{"12.3", "万人次", 12.3},
		{"5亿", "万元", 50000},
		{"276000", "个", 276000},
		{"276000个", "个", 276000},
		{"1.2亿", "亿元", 1.2},
		{"1.2亿", "万元", 12000},
		{"1.2亿元", "万元", 12000},
		{"166亿元", "亿元", 166},
		{"8000万", "亿元", 0.8},
		{"1千万", "个", 10_000_000},
		{"3.5万亿", "亿元", 35000},
		{"1,200", "名", 1200},
		{"1,234,567.5", "元", 1234567.5},
		{"１，２００", "名", 1200},
		{"２７．６", "所", 27.6},
		{"２７．６万", "个", 276000},
		{"6.66%", "%", 6.66},
		{"6.66％", "%", 6.66},
		{"6.66", "%", 6.66},
		{"0.1%", "%", 0.1},
		{"12.3万人次", "万人次", 12.3},
		{"123000人次", "万人次", 12.3},
		{"12.3万", "万人次", 12.3},
		{"3百分点", "百分点", 3},
		{" 27.6 万 ", "个", 276000},
		{"-3.2", "%", -3.2},
		{"−3.2", "%", -3.2},
		{"+5", "所", 5},
		{".5", "所", 0.5},
		{"5.", "所", 5},
		{"0", "所", 0},
		{"007", "所", 7},
		{"0.1", "个", 0.1},
		{"27。6万", "个", 276000},
	} {
		got, err := ParseNumber(c.text, c.unit)
		if err != nil || got != c.want {
			t.Errorf("ParseNumber(%q, %q) = %v, %v; want %v", c.text, c.unit, got, err, c.want)
		}
	}
}

func TestParseNumberRefuses(t *testing.T) {
	for _, c := range []struct {
		text, unit string
		kind       NumberErrorKind
		msg        string
	}{
		{"约27万", "个", NumApproximate, "“约27万”是约数，请填写确切数字，约数等说明写在“说明”列"},
		{"27万余", "个", NumApproximate, "是约数"},
		{"近30所", "所", NumApproximate, "是约数"},
		{"超过100", "名", NumApproximate, "是约数"},
		{"100多", "名", NumApproximate, "是约数"},
		{"100左右", "名", NumApproximate, "是约数"},
		{"20+", "名", NumApproximate, "是约数"},
		{"≈5", "名", NumApproximate, "是约数"},
		{"20-30", "所", NumRange, "是一个范围"},
		{"20~30", "所", NumRange, "是一个范围"},
		{"20至30", "所", NumRange, "是一个范围"},
		{"27.6万元", "个", NumWrongUnit, "与本指标的计量单位“个”不符"},
		{"5所", "个", NumWrongUnit, "不符"},
		{"6.66%", "个", NumPercent, "是百分数"},
		{"六十", "所", NumNotANumber, "不是数字"},
		{"abc", "所", NumNotANumber, "不是数字"},
		{"1e5", "所", NumNotANumber, "不是数字"},
		{"1,2345", "所", NumNotANumber, "不是数字"},
		{",123", "所", NumNotANumber, "不是数字"},
		{"1.2.3", "所", NumNotANumber, "不是数字"},
		{".", "所", NumNotANumber, "不是数字"},
		{"万", "个", NumNotANumber, "不是数字"},
		{"5万万万万", "个", NumNotANumber, "不是数字"},
		{"6万%", "%", NumNotANumber, "不是数字"},
		{"27.6w", "个", NumNotANumber, "不是数字"},
		{"NaN", "个", NumNotANumber, "不是数字"},
		{"Inf", "个", NumNotANumber, "不是数字"},
		{strings.Repeat("9", 400), "个", NumOutOfRange, "超出"},
		{"99999999亿", "个", NumOutOfRange, "超出"},
		{"", "个", NumEmpty, "为空"},
		{"　", "个", NumEmpty, "为空"},
	} {
		got, err := ParseNumber(c.text, c.unit)
		var ne *NumberError
		if !errors.As(err, &ne) {
			t.Errorf("ParseNumber(%q, %q) = %v, %v; want an error", c.text, c.unit, got, err)
			continue
		}
		if ne.Kind != c.kind || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("ParseNumber(%q, %q): kind %d %q; want kind %d containing %q", c.text, c.unit, ne.Kind, err, c.kind, c.msg)
		}
		if got != 0 {
			t.Errorf("ParseNumber(%q, %q) returned %v with its error", c.text, c.unit, got)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"27.6万", "1.2亿", "1,200", "２７．６", "6.66%", "约27万", "20-30", "-3.2", "1千万", "12.3万人次", "．", "1,2,3"} {
		f.Add(s, "个")
		f.Add(s, "%")
		f.Add(s, "万人次")
	}
	f.Fuzz(func(t *testing.T, text, unit string) {
		v, err := ParseNumber(text, unit)
		if err != nil {
			var ne *NumberError
			if !errors.As(err, &ne) {
				t.Fatalf("error of type %T", err)
			}
			if v != 0 {
				t.Fatalf("value %v with error", v)
			}
			_ = err.Error()
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) >= MaxNumber {
			t.Fatalf("ParseNumber(%q, %q) = %v", text, unit, v)
		}
		if strings.TrimSpace(text) == "" {
			t.Fatalf("blank text read as %v", v)
		}
	})
}

// TestNumberAndUnitAgree: the number reader and the unit of measure share
// one table of Chinese number units, so 1万 typed for 个 is what an
// indicator counted in 万个 calls 1.
func TestNumberAndUnitAgree(t *testing.T) {
	for _, m := range []string{"十", "百", "千", "万", "亿", "千万", "万亿"} {
		exp, base := SplitUnit(m + "个")
		if base != "个" {
			t.Fatalf("SplitUnit(%q) base %q", m+"个", base)
		}
		v, err := ParseNumber("1"+m, "个")
		if err != nil || v != ScaleDecimal(1, exp) {
			t.Errorf("ParseNumber(1%s, 个) = %v, %v; SplitUnit says 10^%d", m, v, err, exp)
		}
		if v, err := ParseNumber("1"+m+"个", m+"个"); err != nil || v != 1 {
			t.Errorf("ParseNumber(1%s个, %s个) = %v, %v", m, m, v, err)
		}
	}
}
