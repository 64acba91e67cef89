package storetest

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

// testBodyFontSetting: a new campaign prints its body in 仿宋; switching to
// 宋体 is kept across a reopen, shows in the history in words and is
// undone by restoring that entry; a face that is not offered is refused
// in Chinese and changes nothing. The face is no part of the scoring rule:
// it changes once scoring is open without a reason.
func testBodyFontSetting(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := scored(t, ad) // scoring open
	c, err := s.Campaign(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.BodyFont != dossier.BodyFangsong {
		t.Fatalf("new campaign's body face %q, want %q", c.BodyFont, dossier.BodyFangsong)
	}
	c.BodyFont = dossier.BodySong
	if err := s.UpdateCampaign(ctx, &c); err != nil {
		t.Fatalf("body face with scoring open, no reason: %v", err)
	}
	s = ad.Reopen(t, s)
	if c, _ = s.Campaign(ctx); c.BodyFont != dossier.BodySong {
		t.Fatalf("after reopen: body face %q, want song", c.BodyFont)
	}
	hist, _ := s.History(ctx, "")
	e := findEvent(t, hist, string(dossier.ActionCampaignUpdate))
	if !strings.Contains(e.Before, "正文字体：仿宋") || !strings.Contains(e.After, "正文字体：宋体") {
		t.Fatalf("history entry before %q after %q", e.Before, e.After)
	}
	bad := c
	bad.BodyFont = "heiti"
	if err := s.UpdateCampaign(ctx, &bad); err == nil || !strings.Contains(dossier.ErrorMessage(err), "正文字体“heiti”无效") {
		t.Fatalf("unknown face: %v", err)
	}
	if err := s.RestoreEvent(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	if c, _ = s.Campaign(ctx); c.BodyFont != dossier.BodyFangsong {
		t.Fatalf("after restore: body face %q, want fangsong", c.BodyFont)
	}
}
