package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

// TestSettingsBodyFont: 评选设置 offers 正文字体 仿宋 / 宋体, shows the
// campaign's choice (仿宋 for a new one), and a click saves the other at
// once, with its history entry in words.
func TestSettingsBodyFont(t *testing.T) {
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	ctx := context.Background()
	a.ShowScreen(ScreenSettings)
	tab := s.screen(ScreenSettings).(*settingsTab)
	r := tab.bodyFont
	if strings.Join(r.Options, "/") != "仿宋/宋体" || r.Selected != "仿宋" {
		t.Fatalf("正文字体 options %v, selected %q", r.Options, r.Selected)
	}
	r.SetSelected("宋体")
	c, _ := s.store.Campaign(ctx)
	if c.BodyFont != dossier.BodySong {
		t.Fatalf("after choosing 宋体 the file has %q", c.BodyFont)
	}
	hist, _ := s.store.History(ctx, "")
	if len(hist) == 0 || !strings.Contains(hist[0].Before, "正文字体：仿宋") || !strings.Contains(hist[0].After, "正文字体：宋体") {
		t.Errorf("history %+v", hist[:min(1, len(hist))])
	}
	if msg := s.errs.Message(); msg != "" {
		t.Errorf("error bar %q", msg)
	}
	r.SetSelected("仿宋")
	if c, _ = s.store.Campaign(ctx); c.BodyFont != dossier.BodyFangsong {
		t.Errorf("back to 仿宋: the file has %q", c.BodyFont)
	}
}
