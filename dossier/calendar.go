package dossier

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// DefaultNoticeDays is the default length of the 公示, in working days
// (《评比达标表彰活动管理办法》: not less than 5 working days).
const DefaultNoticeDays = 5

// CalendarDay is one day that is not what its weekday says: an official
// holiday (放假) on a weekday, or a 调休 working day on a weekend. Date is
// YYYY-MM-DD; Note says which holiday (春节) or why.
type CalendarDay struct {
	Date    string
	Workday bool
	Note    string
}

// HolidayYear is one published year of the shipped calendar: the notice it
// comes from and its days.
type HolidayYear struct {
	Year   int
	Notice string
	Days   []CalendarDay
}

// holidayFile is the format of assets/calendar/holidays.json.
type holidayFile struct {
	Years []struct {
		Year     int    `json:"year"`
		Notice   string `json:"notice"`
		Holidays []struct {
			Name string `json:"name"`
			From string `json:"from"`
			To   string `json:"to"`
		} `json:"holidays"`
		Workdays []struct {
			Date string `json:"date"`
			For  string `json:"for"`
		} `json:"workdays"`
	} `json:"years"`
}

func parseDay(s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return t, Errorf(EINVALID, "日期“%s”无效，应为 YYYY-MM-DD，例如 2026-05-06", s)
	}
	return t, nil
}

// ParseHolidays reads the shipped calendar (assets.Holidays): every date
// must be valid and in its year, a holiday range must not run backwards, a
// 调休 working day must fall on a weekend, and no day may be both.
func ParseHolidays(data []byte) ([]HolidayYear, error) {
	var f holidayFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("holiday calendar: %w", err)
	}
	var out []HolidayYear
	for _, y := range f.Years {
		hy := HolidayYear{Year: y.Year, Notice: y.Notice}
		if strings.TrimSpace(y.Notice) == "" {
			return nil, fmt.Errorf("holiday calendar %d: no notice named", y.Year)
		}
		seen := map[string]bool{}
		add := func(t time.Time, work bool, note string) error {
			if t.Year() != y.Year {
				return fmt.Errorf("holiday calendar %d: %s is in another year", y.Year, t.Format("2006-01-02"))
			}
			d := t.Format("2006-01-02")
			if seen[d] {
				return fmt.Errorf("holiday calendar %d: %s listed twice", y.Year, d)
			}
			seen[d] = true
			hy.Days = append(hy.Days, CalendarDay{Date: d, Workday: work, Note: note})
			return nil
		}
		for _, h := range y.Holidays {
			from, err := parseDay(h.From)
			if err != nil {
				return nil, fmt.Errorf("holiday calendar %d %s: %w", y.Year, h.Name, err)
			}
			to, err := parseDay(h.To)
			if err != nil {
				return nil, fmt.Errorf("holiday calendar %d %s: %w", y.Year, h.Name, err)
			}
			if to.Before(from) || to.Sub(from) > 15*24*time.Hour {
				return nil, fmt.Errorf("holiday calendar %d %s: range %s..%s", y.Year, h.Name, h.From, h.To)
			}
			for t := from; !t.After(to); t = t.AddDate(0, 0, 1) {
				if err := add(t, false, h.Name); err != nil {
					return nil, err
				}
			}
		}
		for _, w := range y.Workdays {
			t, err := parseDay(w.Date)
			if err != nil {
				return nil, fmt.Errorf("holiday calendar %d: %w", y.Year, err)
			}
			if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
				return nil, fmt.Errorf("holiday calendar %d: working day %s is a weekday", y.Year, w.Date)
			}
			if err := add(t, true, w.For+"调休上班"); err != nil {
				return nil, err
			}
		}
		sort.Slice(hy.Days, func(i, j int) bool { return hy.Days[i].Date < hy.Days[j].Date })
		out = append(out, hy)
	}
	return out, nil
}

// Calendar tells working days from days off: weekends are off unless
// listed as 调休 working days, official holidays are off. It is built from
// the shipped years and the campaign's own additions, which win.
type Calendar struct {
	days  map[string]CalendarDay
	years map[int]bool // years with published (or added) days
}

// NewCalendar builds a calendar from the shipped years and the campaign's
// additions (a later day of the same date replaces an earlier one).
func NewCalendar(shipped []HolidayYear, additions []CalendarDay) *Calendar {
	c := &Calendar{days: map[string]CalendarDay{}, years: map[int]bool{}}
	for _, y := range shipped {
		c.years[y.Year] = true
		for _, d := range y.Days {
			c.days[d.Date] = d
		}
	}
	for _, d := range additions {
		c.days[d.Date] = d
		if y, err := strconv.Atoi(d.Date[:4]); err == nil && len(d.Date) == 10 {
			c.years[y] = true
		}
	}
	return c
}

// Working reports whether t's date is a working day.
func (c *Calendar) Working(t time.Time) bool {
	if d, ok := c.days[t.Format("2006-01-02")]; ok {
		return d.Workday
	}
	wd := t.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// Covers reports whether the calendar knows the official holidays of year
// y (shipped or added); for other years only weekends are days off.
func (c *Calendar) Covers(y int) bool { return c.years[y] }

// NoticePeriod is the 公示 as printed: from Start to End (YYYY-MM-DD), Days
// working days; Uncovered lists the years in between whose holidays the
// calendar does not know (counted by weekends only).
type NoticePeriod struct {
	Start, End string
	Days       int
	Uncovered  []int
}

// NoticeEnd computes the 公示 that starts on start (YYYY-MM-DD) and lasts
// days working days, the start day included when it is a working day (a
// period announced on a day off begins on the next working day: that day
// is not counted).
func (c *Calendar) NoticeEnd(start string, days int) (NoticePeriod, error) {
	t, err := parseDay(start)
	if err != nil {
		return NoticePeriod{}, err
	}
	if days < 1 {
		return NoticePeriod{}, Errorf(EINVALID, "公示期至少为 1 个工作日")
	}
	p := NoticePeriod{Start: t.Format("2006-01-02"), Days: days}
	seen := map[int]bool{}
	for n := 0; ; t = t.AddDate(0, 0, 1) {
		if y := t.Year(); !seen[y] {
			seen[y] = true
			if !c.Covers(y) {
				p.Uncovered = append(p.Uncovered, y)
			}
		}
		if c.Working(t) {
			n++
			if n == days {
				p.End = t.Format("2006-01-02")
				return p, nil
			}
		}
	}
}

// ParseDayRange reads D or D..D (YYYY-MM-DD) as the list of its dates, in
// order; a range is at most 366 days long.
func ParseDayRange(s string) ([]string, error) {
	a, b, isRange := strings.Cut(strings.TrimSpace(s), "..")
	from, err := parseDay(a)
	if err != nil {
		return nil, err
	}
	to := from
	if isRange {
		if to, err = parseDay(b); err != nil {
			return nil, err
		}
	}
	if to.Before(from) {
		return nil, Errorf(EINVALID, "日期范围“%s”的结束日早于开始日", s)
	}
	if to.Sub(from) > 366*24*time.Hour {
		return nil, Errorf(EINVALID, "日期范围“%s”超过一年", s)
	}
	var out []string
	for t := from; !t.After(to); t = t.AddDate(0, 0, 1) {
		out = append(out, t.Format("2006-01-02"))
	}
	return out, nil
}

// ChineseDate writes YYYY-MM-DD as 2026年5月6日 ("" for an invalid date).
func ChineseDate(s string) string {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return ""
	}
	return strconv.Itoa(t.Year()) + "年" + strconv.Itoa(int(t.Month())) + "月" + strconv.Itoa(t.Day()) + "日"
}
