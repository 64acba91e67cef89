package dossier

import (
	"slices"
	"strings"
	"testing"
)

// testHolidays is a calendar given here, not the shipped one: 劳动节 2024 as
// published, with its two 调休 working days (Sunday 4-28, Saturday 5-11).
const testHolidays = `{"years": [{"year": 2024, "notice": "测试通知",
	"holidays": [{"name": "劳动节", "from": "2024-05-01", "to": "2024-05-05"}],
	"workdays": [{"date": "2024-04-28", "for": "劳动节"}, {"date": "2024-05-11", "for": "劳动节"}]}]}`

func TestNoticeEnd(t *testing.T) {
	years, err := ParseHolidays([]byte(testHolidays))
	if err != nil {
		t.Fatal(err)
	}
	cal := NewCalendar(years, nil)
	for _, c := range []struct {
		start string
		days  int
		end   string
	}{
		// Fri 4-26 (1), Sat 4-27 off, Sun 4-28 调休 (2), 4-29 (3), 4-30 (4),
		// 5-1..5-5 劳动节, Mon 5-6 (5).
		{"2024-04-26", 5, "2024-05-06"},
		// Wed 5-8 (1), 5-9 (2), 5-10 (3), Sat 5-11 调休 (4), Sun off, Mon 5-13 (5).
		{"2024-05-08", 5, "2024-05-13"},
		// Starting on a holiday: counting begins on the next working day.
		{"2024-05-03", 5, "2024-05-10"},
		// Start day included: one working day ends the day it starts.
		{"2024-04-26", 1, "2024-04-26"},
		{"2024-05-08", 7, "2024-05-15"},
	} {
		p, err := cal.NoticeEnd(c.start, c.days)
		if err != nil || p.End != c.end {
			t.Errorf("%s + %d working days: %+v, %v; want end %s", c.start, c.days, p, err, c.end)
		}
		if len(p.Uncovered) != 0 {
			t.Errorf("%s: uncovered %v", c.start, p.Uncovered)
		}
	}
	// Without the calendar, 5-1..5-5 would count: the holiday data matters.
	if p, _ := NewCalendar(nil, nil).NoticeEnd("2024-04-26", 5); p.End != "2024-05-02" || !slices.Equal(p.Uncovered, []int{2024}) {
		t.Errorf("weekends only: %+v", p)
	}
	// A campaign's addition wins over the shipped day: 5-6 made a holiday.
	cal = NewCalendar(years, []CalendarDay{{Date: "2024-05-06", Note: "地方假日"}})
	if p, _ := cal.NoticeEnd("2024-04-26", 5); p.End != "2024-05-07" {
		t.Errorf("with an added holiday: %+v", p)
	}
	// A period running into a year nobody published says so.
	if p, _ := cal.NoticeEnd("2024-12-30", 5); p.End != "2025-01-03" || !slices.Equal(p.Uncovered, []int{2025}) {
		t.Errorf("into 2025: %+v", p)
	}
}

func TestParseHolidaysRefusesBadData(t *testing.T) {
	for name, data := range map[string]string{
		"bad date":        `{"years":[{"year":2024,"notice":"n","holidays":[{"name":"x","from":"2024-02-30","to":"2024-02-30"}]}]}`,
		"backwards":       `{"years":[{"year":2024,"notice":"n","holidays":[{"name":"x","from":"2024-05-05","to":"2024-05-01"}]}]}`,
		"other year":      `{"years":[{"year":2024,"notice":"n","holidays":[{"name":"x","from":"2025-01-01","to":"2025-01-01"}]}]}`,
		"weekday workday": `{"years":[{"year":2024,"notice":"n","workdays":[{"date":"2024-05-08","for":"x"}]}]}`,
		"both":            `{"years":[{"year":2024,"notice":"n","holidays":[{"name":"x","from":"2024-05-11","to":"2024-05-11"}],"workdays":[{"date":"2024-05-11","for":"x"}]}]}`,
		"no notice":       `{"years":[{"year":2024,"notice":""}]}`,
		"not json":        `{"years":`,
	} {
		if _, err := ParseHolidays([]byte(data)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestParseDayRange(t *testing.T) {
	got, err := ParseDayRange("2026-09-30..2026-10-02")
	if err != nil || !slices.Equal(got, []string{"2026-09-30", "2026-10-01", "2026-10-02"}) {
		t.Errorf("range: %v, %v", got, err)
	}
	for _, bad := range []string{"2026-10-02..2026-09-30", "2026-13-01", "2026-01-01..2027-06-01", "明天"} {
		if _, err := ParseDayRange(bad); err == nil || !strings.Contains(ErrorMessage(err), "日期") {
			t.Errorf("%q: %v", bad, err)
		}
	}
	if s := ChineseDate("2026-05-06"); s != "2026年5月6日" {
		t.Errorf("ChineseDate: %q", s)
	}
}
