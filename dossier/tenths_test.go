package dossier

import (
	"errors"
	"math"
	"testing"
)

func TestParseTenths(t *testing.T) {
	tests := []struct {
		in   string
		want Tenths
		// wantErr is "" for success, else the expected error code;
		// precision says the error must be ErrPrecision itself.
		wantErr   string
		precision bool
	}{
		{in: "18", want: 180},                             // 18 points = 18×10 tenths
		{in: "18.5", want: 185},                           // 18×10 + 5
		{in: "18.50", want: 185},                          // trailing zero is not a significant decimal
		{in: "18.500", want: 185},                         // any number of trailing zeros
		{in: "18.0", want: 180},                           // 18×10 + 0
		{in: "18.", want: 180},                            // a bare dot means .0
		{in: "0", want: 0},                                // zero is a valid score
		{in: "0.5", want: 5},                              // 0×10 + 5
		{in: ".5", want: 5},                               // missing whole part read as 0
		{in: "20", want: 200},                             // a category maximum
		{in: " 18.5 ", want: 185},                         // surrounding spaces trimmed
		{in: "１８．５", want: 185},                           // full-width digits and dot fold to "18.5"
		{in: "１８", want: 180},                             // full-width digits fold to "18"
		{in: "\u300018.5\u3000", want: 185},               // ideographic spaces fold and trim
		{in: "+18.5", want: 185},                          // explicit plus sign
		{in: "-1.5", want: -15},                           // the parser keeps the sign; range is checked elsewhere
		{in: "18.55", wantErr: EINVALID, precision: true}, // two significant decimals: rejected, never rounded
		{in: "18.05", wantErr: EINVALID, precision: true}, // 0 then 5: still two decimals
		{in: "0.05", wantErr: EINVALID, precision: true},  // two decimals below one point
		{in: "１８．５５", wantErr: EINVALID, precision: true}, // full-width, two decimals
		{in: "abc", wantErr: EINVALID},
		{in: "", wantErr: EINVALID},
		{in: "   ", wantErr: EINVALID},
		{in: ".", wantErr: EINVALID},
		{in: "-", wantErr: EINVALID},
		{in: "18,5", wantErr: EINVALID}, // a decimal comma is not read
		{in: "1 8", wantErr: EINVALID},
		{in: "18.5.1", wantErr: EINVALID},
		{in: "1e1", wantErr: EINVALID},
		{in: "18.5分", wantErr: EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseTenths(tt.in)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("ParseTenths(%q) error %v, want %d", tt.in, err, tt.want)
				}
				if got != tt.want {
					t.Fatalf("ParseTenths(%q) = %d, want %d", tt.in, got, tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("ParseTenths(%q) = %d, want an error", tt.in, got)
			}
			if code := ErrorCode(err); code != tt.wantErr {
				t.Errorf("ParseTenths(%q) error code %q, want %q", tt.in, code, tt.wantErr)
			}
			if tt.precision && !errors.Is(err, ErrPrecision) {
				t.Errorf("ParseTenths(%q) error %v, want ErrPrecision", tt.in, err)
			}
			if ErrorMessage(err) == "" {
				t.Errorf("ParseTenths(%q): empty user message", tt.in)
			}
		})
	}
}

func TestTenthsFromFloat(t *testing.T) {
	tests := []struct {
		name      string
		in        float64
		want      Tenths
		wantErr   bool
		precision bool
	}{
		{name: "18.3", in: 18.3, want: 183},                        // 18.3×10 = 183.00000000000003: binary noise accepted
		{name: "20", in: 20, want: 200},                            // 20×10
		{name: "0", in: 0, want: 0},                                // 0×10
		{name: "99.9", in: 99.9, want: 999},                        // 99.9×10 = 999.0000000000001
		{name: "0.1+0.2", in: 0.1 + 0.2, want: 3},                  // 0.30000000000000004×10 → 3
		{name: "0.7*3", in: 0.7 * 3, want: 21},                     // 2.0999999999999996×10 → 21
		{name: "-1.5", in: -1.5, want: -15},                        // sign kept
		{name: "18.35", in: 18.35, wantErr: true, precision: true}, // 183.5 tenths: two decimals
		{name: "18.05", in: 18.05, wantErr: true, precision: true}, // 180.5 tenths
		{name: "18.31", in: 18.31, wantErr: true, precision: true}, // 183.1 tenths
		{name: "NaN", in: math.NaN(), wantErr: true},
		{name: "+Inf", in: math.Inf(1), wantErr: true},
		{name: "1e10", in: 1e10, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := TenthsFromFloat(tt.in)
			if !tt.wantErr {
				if err != nil || got != tt.want {
					t.Fatalf("TenthsFromFloat(%v) = %d, %v; want %d, nil", tt.in, got, err, tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("TenthsFromFloat(%v) = %d, want an error", tt.in, got)
			}
			if ErrorCode(err) != EINVALID {
				t.Errorf("TenthsFromFloat(%v) error code %q, want %q", tt.in, ErrorCode(err), EINVALID)
			}
			if tt.precision != errors.Is(err, ErrPrecision) {
				t.Errorf("TenthsFromFloat(%v) error %v: ErrPrecision %v, want %v", tt.in, err, !tt.precision, tt.precision)
			}
		})
	}
}

func TestTenthsFormat(t *testing.T) {
	tests := []struct {
		in        Tenths
		str, shrt string
		float     float64
	}{
		{185, "18.5", "18.5", 18.5},
		{200, "20.0", "20", 20},
		{0, "0.0", "0", 0},
		{5, "0.5", "0.5", 0.5},
		{-5, "-0.5", "-0.5", -0.5},
		{-185, "-18.5", "-18.5", -18.5},
		{-200, "-20.0", "-20", -20},
		{8675, "867.5", "867.5", 867.5},
	}
	for _, tt := range tests {
		t.Run(tt.str, func(t *testing.T) {
			if got := tt.in.String(); got != tt.str {
				t.Errorf("Tenths(%d).String() = %q, want %q", int64(tt.in), got, tt.str)
			}
			if got := tt.in.Short(); got != tt.shrt {
				t.Errorf("Tenths(%d).Short() = %q, want %q", int64(tt.in), got, tt.shrt)
			}
			if got := tt.in.Float(); got != tt.float {
				t.Errorf("Tenths(%d).Float() = %v, want %v", int64(tt.in), got, tt.float)
			}
		})
	}
	if got := Points(20); got != 200 {
		t.Errorf("Points(20) = %d, want 200", got)
	}
}

func TestFoldWidth(t *testing.T) {
	tests := map[string]string{
		"２７．６":           "27.6",
		"６．６６％":          "6.66%",
		"１，２００":          "1,200",
		"－３":             "-3",
		"\u3000１８\u3000": " 18 ",
		"27.6万":          "27.6万", // CJK text is left alone
	}
	for in, want := range tests {
		if got := FoldWidth(in); got != want {
			t.Errorf("FoldWidth(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMeanString(t *testing.T) {
	tests := []struct {
		name       string
		m          Mean
		want       string
		hundredths int64
	}{
		// 8675 tenths / 4 = 2168.75 tenths = 216.875 points; half away from zero → 216.88.
		{"216.875 rounds up", Mean{8675, 4}, "216.88", 21688},
		// 3449 / 4 = 862.25 tenths = 86.225; half away → 86.23 (a float %.2f would give 86.22,
		// and banker's rounding 86.22).
		{"86.225 rounds away from zero", Mean{3449, 4}, "86.23", 8623},
		// −3449 / 4 = −86.225; half away from zero → −86.23.
		{"negative half rounds away from zero", Mean{-3449, 4}, "-86.23", -8623},
		// 2600 / 3 = 866.666… tenths = 86.6666…; → 86.67.
		{"thirds round up", Mean{2600, 3}, "86.67", 8667},
		// 2599 / 3 = 866.333… tenths = 86.6333…; → 86.63.
		{"thirds round down", Mean{2599, 3}, "86.63", 8663},
		// 6067 / 7 = 866.714… tenths = 86.6714…; → 86.67.
		{"sevenths", Mean{6067, 7}, "86.67", 8667},
		// 1 / 4 = 0.25 tenths = 0.025; half away → 0.03.
		{"0.025", Mean{1, 4}, "0.03", 3},
		// −1 / 4 = −0.025; → −0.03.
		{"-0.025", Mean{-1, 4}, "-0.03", -3},
		// 1 / 8 = 0.125 tenths = 0.0125; → 0.01.
		{"0.0125", Mean{1, 8}, "0.01", 1},
		// 3 / 8 = 0.375 tenths = 0.0375; → 0.04.
		{"0.0375", Mean{3, 8}, "0.04", 4},
		// 5 / 1 = 0.5 point exactly.
		{"exact", Mean{5, 1}, "0.50", 50},
		// 2520 / 3 = 840 tenths = 84.00.
		{"integer", Mean{2520, 3}, "84.00", 8400},
		{"zero", Mean{0, 3}, "0.00", 0},
		{"empty", Mean{}, "—", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.m.String(); got != tt.want {
				t.Errorf("%+v.String() = %q, want %q", tt.m, got, tt.want)
			}
			if got := tt.m.Hundredths(); got != tt.hundredths {
				t.Errorf("%+v.Hundredths() = %d, want %d", tt.m, got, tt.hundredths)
			}
			if got, want := tt.m.Float(), float64(tt.hundredths)/100; got != want {
				t.Errorf("%+v.Float() = %v, want %v", tt.m, got, want)
			}
		})
	}
}

func TestMeanCmp(t *testing.T) {
	tests := []struct {
		name string
		a, b Mean
		want int
	}{
		// 2600/3 vs 6067/7: 2600×7 = 18200 < 6067×3 = 18201, though both print 86.67.
		{"equal display, exact less", Mean{2600, 3}, Mean{6067, 7}, -1},
		{"equal display, exact greater", Mean{6067, 7}, Mean{2600, 3}, 1},
		// 10/1 vs 20/2: 10×2 = 20×1.
		{"same value, different N", Mean{10, 1}, Mean{20, 2}, 0},
		// 850/1 vs 1700/2 vs: equal.
		{"equal", Mean{850, 1}, Mean{1700, 2}, 0},
		// 3449/4 = 862.25 vs 862/1: 3449 > 3448.
		{"quarter above", Mean{3449, 4}, Mean{862, 1}, 1},
		{"empty is lowest", Mean{}, Mean{0, 1}, -1},
		{"valid zero above empty", Mean{0, 1}, Mean{}, 1},
		{"valid negative above empty", Mean{-10, 1}, Mean{}, 1},
		{"both empty", Mean{}, Mean{}, 0},
		{"negative", Mean{-10, 1}, Mean{-5, 1}, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Cmp(tt.b); got != tt.want {
				t.Errorf("%+v.Cmp(%+v) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

// FuzzParseTenths checks that ParseTenths never panics and that whatever it
// accepts prints back to the same value.
func FuzzParseTenths(f *testing.F) {
	for _, s := range []string{"18", "18.5", "18.50", "18.55", "１８．５", "", "abc", "-0.5", ".5", "18.", "+", "999999999.9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseTenths(s)
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("ParseTenths(%q): error code %q", s, ErrorCode(err))
			}
			return
		}
		back, err := ParseTenths(v.String())
		if err != nil || back != v {
			t.Fatalf("ParseTenths(%q) = %d, but its String %q reads back as %d, %v", s, v, v.String(), back, err)
		}
	})
}
