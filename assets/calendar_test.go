package assets_test

import (
	"testing"
	"time"

	"github.com/dossier-app/dossier/assets"
	"github.com/dossier-app/dossier/dossier"
)

// TestShippedHolidays loads the shipped calendar (every date is checked by
// ParseHolidays: valid, in its year, 调休 on weekends only, no day twice) and
// checks each year against its notice: the number of days off and of 调休
// working days, and a few days by hand.
func TestShippedHolidays(t *testing.T) {
	years, err := dossier.ParseHolidays(assets.Holidays)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int][2]int{2024: {28, 8}, 2025: {28, 5}, 2026: {33, 6}}
	for _, y := range years {
		w, ok := want[y.Year]
		if !ok {
			continue
		}
		delete(want, y.Year)
		off, work := 0, 0
		for _, d := range y.Days {
			if d.Workday {
				work++
			} else {
				off++
			}
		}
		if off != w[0] || work != w[1] {
			t.Errorf("%d: %d days off, %d 调休 working days; the notice has %d and %d", y.Year, off, work, w[0], w[1])
		}
		if y.Notice == "" {
			t.Errorf("%d: no notice named", y.Year)
		}
	}
	if len(want) > 0 {
		t.Errorf("years missing: %v", want)
	}
	cal := dossier.NewCalendar(years, nil)
	day := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	for d, working := range map[string]bool{
		"2024-02-09": true,  // 除夕 2024 was not a holiday
		"2024-02-18": true,  // Sunday, 调休
		"2025-01-28": false, // 除夕 2025, a holiday from that year on
		"2025-10-08": false,
		"2025-10-11": true, // Saturday, 调休
		"2026-01-04": true, // Sunday, 调休
		"2026-02-28": true, // Saturday, 调休
		"2026-10-09": true,
		"2026-10-07": false,
		"2026-12-05": false, // a plain Saturday
	} {
		if cal.Working(day(d)) != working {
			t.Errorf("%s: working %v, want %v", d, !working, working)
		}
	}
}
