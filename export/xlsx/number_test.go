package xlsx

import "testing"

func TestPercentOf(t *testing.T) {
	for _, c := range []struct{ in, want float64 }{{0.0666, 6.66}, {0.066600000000000006, 6.66}, {1, 100}, {0.123456, 12.3456}} {
		if got := percentOf(c.in); got != c.want {
			t.Errorf("percentOf(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestNumberFormats(t *testing.T) {
	for _, c := range []struct {
		id            int
		code          string
		percent, date bool
	}{
		{0, "", false, false},
		{9, "", true, false},
		{10, "", true, false},
		{14, "", false, true},
		{176, "0.0%", true, false},
		{176, `0.00"%"`, false, false},
		{176, `yyyy"年"m"月"d"日"`, false, true},
		{176, "yyyy/m/d", false, true},
		{176, "[h]:mm", false, true},
		{176, `0.0"万"`, false, false},
		{176, "#,##0.00", false, false},
		{176, "[Red]0.00", false, false},
		{176, "General", false, false},
		{176, "0.00E+00", false, false},
	} {
		if p := isPercentFormat(c.id, c.code); p != c.percent {
			t.Errorf("isPercentFormat(%d, %q) = %v", c.id, c.code, p)
		}
		if d := isDateFormat(c.id, c.code); d != c.date {
			t.Errorf("isDateFormat(%d, %q) = %v", c.id, c.code, d)
		}
	}
}
