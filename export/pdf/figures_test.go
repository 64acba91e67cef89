package pdf

import "testing"

// TestFigure is issue 9 item 7: 276000个 was printed beside a note that
// says 27.6万个; figures are grouped and in 万/亿 where the unit allows.
func TestFigure(t *testing.T) {
	for _, c := range []struct {
		v    float64
		unit string
		want string
	}{
		{276000, "个", "27.6万个"},
		{99999, "个", "99,999个"},
		{177, "所", "177所"},
		{2021, "年", "2021年"},
		{1234567890, "元", "123,456.789万元"}, // 亿 would need 7 decimals
		{250000000, "元", "2.5亿元"},
		{166, "亿元", "166亿元"},
		{12345678.123456, "亿元", "12,345,678.123456亿元"},
		{15000, "万元", "1.5亿元"},
		{103, "万平方米", "103万平方米"},
		{6.66, "%", "6.66%"},
		{31.23, "个百分点", "31.23个百分点"},
		{123456, "%", "123,456%"},
		{-276000, "人", "-27.6万人"},
		{1234567.891, "个", "1,234,567.891个"},
	} {
		if got := figure(c.v, c.unit); got != c.want {
			t.Errorf("figure(%v, %q) = %q, want %q", c.v, c.unit, got, c.want)
		}
	}
}
