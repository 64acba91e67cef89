package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

func TestSettingsProcedure(t *testing.T) {
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	ctx := context.Background()
	a.ShowScreen(ScreenSettings)
	p := s.screen(ScreenSettings).(*settingsTab).proc

	t.Run("caps and the 公示 save and show the period", func(t *testing.T) {
		p.regionCap.SetText("2")
		p.kindQuotas.SetText("基层学校>=30%；教育行政部门<=5")
		p.noticeStart.SetText("2026-09-28")
		p.contact.SetText("省教育厅基础教育处，电话 0371-66660000")
		p.contact.FocusLost()
		c, _ := s.store.Campaign(ctx)
		if c.RegionCap != 2 || len(c.KindQuotas) != 2 || c.KindQuotas[0].String() != "基层学校>=30%" || c.NoticeStart != "2026-09-28" ||
			!strings.Contains(c.ObjectionContact, "0371-66660000") {
			t.Fatalf("campaign %+v", c)
		}
		if txt := p.period.Text; !strings.Contains(txt, "2026年9月28日 至 2026年10月9日") {
			t.Errorf("period %q", txt)
		}
	})

	t.Run("a bad quota is refused and said", func(t *testing.T) {
		p.kindQuotas.SetText("基层学校=3")
		p.kindQuotas.FocusLost()
		if msg := s.errs.Message(); !strings.Contains(msg, "单位类型名额") {
			t.Errorf("error bar %q", msg)
		}
		if c, _ := s.store.Campaign(ctx); len(c.KindQuotas) != 2 {
			t.Errorf("a refused quota was written: %+v", c.KindQuotas)
		}
		p.kindQuotas.SetText("基层学校>=30%")
		p.kindQuotas.FocusLost()
	})

	t.Run("calendar days are added all or none", func(t *testing.T) {
		p.calendar.SetText("2026-10-09 放假 地方假日\n2026-10-12 休息")
		p.addCalendar()
		if days, _ := s.store.Calendar(ctx); len(days) != 0 || !strings.Contains(p.calendarMsg.Text, "第 2 行") {
			t.Fatalf("a bad line: %v, %q", days, p.calendarMsg.Text)
		}
		p.calendar.SetText("2026-10-09 放假 地方假日")
		p.addCalendar()
		days, _ := s.store.Calendar(ctx)
		if len(days) != 1 || days[0] != (dossier.CalendarDay{Date: "2026-10-09", Note: "地方假日"}) {
			t.Fatalf("calendar %+v", days)
		}
		// 10-9 off: the period ends on Saturday 10-10, a 调休 working day.
		if txt := p.period.Text; !strings.Contains(txt, "至 2026年10月10日") {
			t.Errorf("period %q", txt)
		}
	})
}

func TestRankingSummaryNamesTheCaps(t *testing.T) {
	b := &dossier.Book{Campaign: dossier.Campaign{Title: "测", Quota: 1, TrimMin: 5, RegionCap: 1},
		Categories: []dossier.Category{{ID: "c", Name: "甲", Max: 1000}},
		Evaluators: []dossier.Evaluator{{ID: "e", Name: "评委"}}}
	for i, region := range []string{"郑州市", "郑州市金水区", "开封市"} {
		id := string(rune('a' + i))
		b.Units = append(b.Units, dossier.Unit{ID: id, Code: id, Name: region + "单位", Region: region, Status: dossier.StatusAccepted})
		b.Scores = append(b.Scores, dossier.Score{EvaluatorID: "e", UnitID: id, CategoryID: "c", Value: dossier.Tenths(900 - 10*i)})
	}
	b.Campaign.Quota = 2
	got := rankingSummary(dossier.Rank(b))
	if !strings.Contains(got, "推荐名额限制：每个地市不超过 1 个（1 个单位因此未列入）") {
		t.Errorf("summary %q", got)
	}
}

// A tie for a cap's one place is sent to the committee; the ranking screen
// must not send the clerk looking for a tie across the red line.
func TestRankingSummarySaysTheTieIsACapTie(t *testing.T) {
	b := &dossier.Book{Campaign: dossier.Campaign{Title: "测", Quota: 3, TrimMin: 5, RegionCap: 1},
		Categories: []dossier.Category{{ID: "c", Name: "甲", Max: 1000}},
		Evaluators: []dossier.Evaluator{{ID: "e", Name: "评委"}}}
	for i, u := range []struct {
		region string
		score  int
	}{{"开封市", 900}, {"郑州市", 850}, {"郑州市金水区", 850}, {"洛阳市", 800}, {"许昌市", 700}} {
		id := string(rune('a' + i))
		b.Units = append(b.Units, dossier.Unit{ID: id, Code: id, Name: u.region + "单位", Region: u.region, Status: dossier.StatusAccepted})
		b.Scores = append(b.Scores, dossier.Score{EvaluatorID: "e", UnitID: id, CategoryID: "c", Value: dossier.Tenths(u.score)})
	}
	r := dossier.Rank(b)
	got := rankingSummary(r)
	if !strings.Contains(got, "2 个单位总分并列且受推荐名额限制，需评委会决定（尚待决定 2 个）") || strings.Contains(got, "跨越名额线") {
		t.Errorf("summary %q", got)
	}
	if w := tieWhere(1, 2); w != "跨越名额线或受推荐名额限制" {
		t.Errorf("mixed ties %q", w)
	}
}
