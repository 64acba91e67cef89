package sqlite

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

func TestProcedureSettingsRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, path := newStore(t)
	c, err := s.Campaign(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.NoticeDays != dossier.DefaultNoticeDays || c.RegionCap != 0 || len(c.KindQuotas) != 0 {
		t.Fatalf("defaults: %+v", c)
	}
	q, _ := dossier.ParseKindQuota("基层学校>=30%")
	m, _ := dossier.ParseKindQuota("教育行政部门<=5")
	c.RegionCap, c.KindQuotas = 2, []dossier.KindQuota{q, m}
	c.NoticeStart, c.NoticeDays, c.ObjectionContact = "2026-05-06", 7, "省教育厅办公室，电话 0371-12345678"
	if err := s.UpdateCampaign(ctx, &c); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, _ := s.Campaign(ctx)
	if got.RegionCap != 2 || len(got.KindQuotas) != 2 || got.KindQuotas[0] != q || got.KindQuotas[1] != m ||
		got.NoticeStart != "2026-05-06" || got.NoticeDays != 7 || !strings.Contains(got.ObjectionContact, "0371-12345678") {
		t.Fatalf("read back: %+v", got)
	}
	h, _ := s.History(ctx, "")
	if d := historyWith(h, "每个地市推荐上限"); !strings.Contains(d, "单位类型名额") {
		t.Errorf("history: %q", d)
	}
	for name, edit := range map[string]func(c *dossier.Campaign){
		"min over max": func(c *dossier.Campaign) {
			a, _ := dossier.ParseKindQuota("基层学校>=3")
			b, _ := dossier.ParseKindQuota("基层学校<=2")
			c.KindQuotas = []dossier.KindQuota{a, b}
		},
		"bad start":     func(c *dossier.Campaign) { c.NoticeStart = "2026-02-30" },
		"zero days":     func(c *dossier.Campaign) { c.NoticeDays = -1 },
		"control":       func(c *dossier.Campaign) { c.ObjectionContact = "电话\x1b[31m" },
		"negative caps": func(c *dossier.Campaign) { c.RegionCap = -1 },
	} {
		c, _ := s.Campaign(ctx)
		edit(&c)
		if err := s.UpdateCampaign(ctx, &c); dossier.ErrorCode(err) != dossier.EINVALID {
			t.Errorf("%s: %v", name, err)
		}
		if now, _ := s.Campaign(ctx); now.Version != got.Version {
			t.Errorf("%s: a refused change was written", name)
		}
	}
}

func TestCapsLockedOnceScoringOpen(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, scoredStore(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before, _ := s.Scoring(ctx)
	c, _ := s.Campaign(ctx)
	c.RegionCap = 1
	if err := s.UpdateCampaign(ctx, &c); dossier.ErrorMessage(err) != dossier.ErrRuleLocked {
		t.Fatalf("a cap change after scoring opened: %v", err)
	}
	// The 公示 settings are no rule: free.
	c, _ = s.Campaign(ctx)
	c.NoticeStart, c.ObjectionContact = "2026-05-06", "省教育厅"
	if err := s.UpdateCampaign(ctx, &c); err != nil {
		t.Fatalf("公示 settings refused: %v", err)
	}
	c, _ = s.Campaign(ctx)
	c.RegionCap = 1
	if err := s.UpdateCampaign(dossier.WithReason(ctx, "上级通知每市限报一个"), &c); err != nil {
		t.Fatal(err)
	}
	if after, _ := s.Scoring(ctx); after.Fingerprint == before.Fingerprint {
		t.Fatal("fingerprint unchanged by a cap")
	}
	if v, err := s.Verify(ctx); err != nil || !v.OK {
		t.Fatalf("verify after a cap change: %+v, %v", v, err)
	}
}

func TestCalendarDays(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	n, err := s.SetCalendarDays(ctx, []dossier.CalendarDay{{Date: "2027-01-01", Note: "元旦"}, {Date: "2027-01-09", Workday: true}})
	if err != nil || n != 2 {
		t.Fatalf("set: %d, %v", n, err)
	}
	if n, _ := s.SetCalendarDays(ctx, []dossier.CalendarDay{{Date: "2027-01-01", Note: "元旦"}}); n != 0 {
		t.Errorf("the same day again changed %d", n)
	}
	if _, err := s.SetCalendarDays(ctx, []dossier.CalendarDay{{Date: "2027-01-02"}, {Date: "2027-02-30"}}); dossier.ErrorCode(err) != dossier.EINVALID {
		t.Fatalf("bad date: %v", err)
	}
	b, err := s.Book(ctx, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Calendar) != 2 || b.Calendar[0] != (dossier.CalendarDay{Date: "2027-01-01", Note: "元旦"}) || !b.Calendar[1].Workday {
		t.Fatalf("calendar %+v (a refused batch must write nothing)", b.Calendar)
	}
	if _, err := s.SetCalendarDays(ctx, []dossier.CalendarDay{{Date: "2027-01-01", Workday: true}}); err != nil {
		t.Fatal(err)
	}
	h, _ := s.History(ctx, "")
	if historyWith(h, "2027-01-01：调休上班") == "" {
		t.Errorf("history %+v", h)
	}
}

// historyWith is the detail of the first history entry holding want.
func historyWith(h []dossier.Event, want string) string {
	for _, e := range h {
		if strings.Contains(e.Detail, want) {
			return e.Detail
		}
	}
	return ""
}
