package dossier

import "testing"

func TestConvertUnit(t *testing.T) {
	for _, c := range []struct {
		from, to string
		v, want  float64
		ok       bool
	}{
		{"个", "万个", 276000, 27.6, true},
		{"万个", "个", 27.6, 276000, true},
		{"万元", "亿元", 12000, 1.2, true},
		{"元", "亿元", 0.3, 0.000000003, true},
		{"人", "万人", 123456, 12.3456, true},
		{"万人次", "人次", 0.1, 1000, true},
		{"个", "所", 1, 0, false},
		{"%", "个", 1, 0, false},
	} {
		exp, ok := ConvertUnit(c.from, c.to)
		if ok != c.ok {
			t.Errorf("%s→%s: ok %v, want %v", c.from, c.to, ok, c.ok)
			continue
		}
		if ok {
			if got := ScaleDecimal(c.v, exp); got != c.want {
				t.Errorf("%s→%s: %v → %v, want %v", c.from, c.to, c.v, got, c.want)
			}
		}
	}
}
