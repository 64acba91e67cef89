package dossier

import "testing"

func TestNextCode(t *testing.T) {
	for _, tc := range []struct {
		name  string
		codes []string
		year  int
		want  string
	}{
		{"empty campaign", nil, 2022, "2022-0001"},
		{"no year", nil, 0, "D-0001"},
		{"campaign's own prefix", []string{"HN2022-001", "HN2022-002", "HN2022-004"}, 2026, "HN2022-003"},
		{"a gap is filled (issue 12)", []string{"2022-0003", "2022-0001"}, 2022, "2022-0002"},
		{"from the lowest number used", []string{"T-10", "T-12"}, 2026, "T-11"},
		{"numbering that starts high", []string{"T-98", "T-99"}, 2026, "T-100"},
		{"number zero", []string{"T-00", "T-01"}, 2026, "T-02"},
		{"short numbers", []string{"T-01", "T-02"}, 2026, "T-03"},
		{"width grows past 99", []string{"T-98", "T-99"}, 2026, "T-100"},
		{"majority pattern wins", []string{"A01", "HN-001", "HN-002"}, 2022, "HN-003"},
		{"plain numbers", []string{"7", "8"}, 2022, "9"},
		{"codes without numbers", []string{"甲", "乙"}, 2022, "2022-0001"},
		{"year codes", []string{"2022-0001", "2022-0002"}, 2022, "2022-0003"},
		{"full-width codes fold", []string{"Ｋ０１", "K02"}, 2022, "K03"},
		{"case does not make a code free", []string{"x-1", "x-2", "X-3"}, 2022, "x-4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := NextCode(tc.codes, tc.year); got != tc.want {
				t.Errorf("NextCode(%q, %d) = %q, want %q", tc.codes, tc.year, got, tc.want)
			}
		})
	}
}
