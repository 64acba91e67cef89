package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/export"
)

func runCalendarAdd(ctx context.Context, x *call) error {
	f := x.flags
	holiday := f.String("holiday", "", "放假日期，或日期范围 YYYY-MM-DD..YYYY-MM-DD")
	workday := f.String("workday", "", "调休上班日期")
	note := f.String("note", "", "说明，如 春节")
	if err := f.parseNone(); err != nil {
		return err
	}
	if f.set("holiday") == f.set("workday") {
		return usagef("calendar add 须给出 --holiday 或 --workday 其中之一")
	}
	var days []dossier.CalendarDay
	if f.set("holiday") {
		dates, err := dossier.ParseDayRange(*holiday)
		if err != nil {
			return usagef("--holiday %s", dossier.ErrorMessage(err))
		}
		for _, d := range dates {
			days = append(days, dossier.CalendarDay{Date: d, Note: strings.TrimSpace(*note)})
		}
	} else {
		if strings.Contains(*workday, "..") {
			return usagef("--workday 只接受一个日期（调休上班日逐日添加）")
		}
		dates, err := dossier.ParseDayRange(*workday)
		if err != nil {
			return usagef("--workday %s", dossier.ErrorMessage(err))
		}
		days = append(days, dossier.CalendarDay{Date: dates[0], Workday: true, Note: strings.TrimSpace(*note)})
	}
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	n, err := s.SetCalendarDays(ctx, days)
	if err != nil {
		return err
	}
	word := "放假"
	if days[0].Workday {
		word = "调休上班"
	}
	span := days[0].Date
	if len(days) > 1 {
		span += " 至 " + days[len(days)-1].Date
	}
	if n == 0 {
		fmt.Fprintf(x.out, "日历未改变：%s 已是%s\n", span, word)
	} else {
		fmt.Fprintf(x.out, "已添加到公示日历：%s %s（%d 天）\n", span, word, len(days))
	}
	for _, d := range days {
		t, _ := time.Parse("2006-01-02", d.Date)
		weekend := t.Weekday() == time.Saturday || t.Weekday() == time.Sunday
		if d.Workday && !weekend {
			fmt.Fprintf(x.err, "提示：%s 是工作日（%s），本来就要上班\n", d.Date, weekdayName(t))
		}
	}
	return nil
}

func weekdayName(t time.Time) string {
	return "星期" + []string{"日", "一", "二", "三", "四", "五", "六"}[t.Weekday()]
}

func runCalendarList(ctx context.Context, x *call) error {
	f := x.flags
	year := f.Int("year", 0, "只列出这一年")
	if err := f.parseNone(); err != nil {
		return err
	}
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	added, err := s.Calendar(ctx)
	if err != nil {
		return err
	}
	mine := map[string]dossier.CalendarDay{}
	for _, d := range added {
		mine[d.Date] = d
	}
	word := func(d dossier.CalendarDay) string {
		w := "放假"
		if d.Workday {
			w = "调休上班"
		}
		if d.Note != "" {
			w += "（" + d.Note + "）"
		}
		return w
	}
	for _, y := range export.HolidayYears() {
		if *year != 0 && y.Year != *year {
			continue
		}
		fmt.Fprintf(x.out, "%d 年：%s\n", y.Year, y.Notice)
		for _, d := range y.Days {
			if _, ok := mine[d.Date]; ok {
				continue // the campaign's own entry is listed below
			}
			fmt.Fprintf(x.out, "  %s %s\n", d.Date, word(d))
		}
	}
	var own []string
	for _, d := range added {
		if *year == 0 || strings.HasPrefix(d.Date, strconv.Itoa(*year)+"-") {
			own = append(own, fmt.Sprintf("  %s %s", d.Date, word(d)))
		}
	}
	if len(own) > 0 {
		fmt.Fprintln(x.out, "本评选活动补充或更正：")
		fmt.Fprintln(x.out, strings.Join(own, "\n"))
	}
	return nil
}
