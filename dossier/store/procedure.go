package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/dossier-app/dossier/dossier"
)

// kindLabels is the kind quotas as the history shows them.
func kindLabels(qs []dossier.KindQuota) string {
	var out []string
	for _, q := range qs {
		out = append(out, q.Label())
	}
	return strings.Join(out, "、")
}

func readCalendar(ctx context.Context, q Querier) ([]dossier.CalendarDay, error) {
	rows, err := q.QueryContext(ctx, `SELECT day, kind, note FROM calendar_day ORDER BY day`)
	if err != nil {
		return nil, fmt.Errorf("read calendar: %w", err)
	}
	defer rows.Close()
	var out []dossier.CalendarDay
	for rows.Next() {
		var d dossier.CalendarDay
		var kind string
		if err := rows.Scan(&d.Date, &kind, &d.Note); err != nil {
			return nil, err
		}
		d.Workday = kind == "workday"
		out = append(out, d)
	}
	return out, rows.Err()
}

// Calendar returns the campaign's additions to the shipped calendar.
func (s *Store) Calendar(ctx context.Context) ([]dossier.CalendarDay, error) {
	return readCalendar(ctx, s.r)
}

// SetCalendarDays adds days to the campaign's calendar in one transaction,
// each replacing what the campaign had for its date; a day that is already
// so is left alone. The history keeps what each replaced. It returns the
// number of days changed.
func (s *Store) SetCalendarDays(ctx context.Context, days []dossier.CalendarDay) (int, error) {
	for _, d := range days {
		if _, err := time.Parse("2006-01-02", d.Date); err != nil {
			return 0, dossier.Errorf(dossier.EINVALID, "日期“%s”无效，应为 YYYY-MM-DD，例如 2026-05-06", d.Date)
		}
		if r, bad := dossier.ControlChar(d.Note, false); bad {
			return 0, dossier.Errorf(dossier.EINVALID, "日历说明中有控制字符（%s），请删除后重新输入", dossier.ControlName(r))
		}
	}
	changed := 0
	err := s.tx(ctx, func(tx *Tx) error {
		changed = 0
		var before, after []string
		for _, d := range days {
			kind := map[bool]string{true: "workday", false: "holiday"}[d.Workday]
			var oldKind, oldNote string
			err := tx.QueryRowContext(ctx, `SELECT kind, note FROM calendar_day WHERE day = ?`, d.Date).Scan(&oldKind, &oldNote)
			switch {
			case err == sql.ErrNoRows:
				before = append(before, d.Date+"：（按星期）")
			case err != nil:
				return err
			case oldKind == kind && oldNote == d.Note:
				continue
			default:
				before = append(before, d.Date+"："+calendarWord(oldKind == "workday")+noteSuffix(oldNote))
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO calendar_day (day, kind, note) VALUES (?, ?, ?)
				ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, note = excluded.note`, d.Date, kind, d.Note); err != nil {
				return err
			}
			after = append(after, d.Date+"："+calendarWord(d.Workday)+noteSuffix(d.Note))
			changed++
		}
		if changed == 0 {
			return nil
		}
		detail := "修改公示日历：" + strings.Join(after, "；")
		if len(after) > 6 {
			detail = fmt.Sprintf("修改公示日历：%s 等 %d 天", strings.Join(after[:3], "；"), len(after))
		}
		return s.record(ctx, tx, change{action: "calendar.set", detail: detail, subject: "公示日历", before: before, after: after})
	})
	return changed, err
}

func calendarWord(workday bool) string {
	if workday {
		return "调休上班"
	}
	return "放假"
}

func noteSuffix(note string) string {
	if note == "" {
		return ""
	}
	return "（" + note + "）"
}
