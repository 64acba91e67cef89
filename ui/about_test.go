package ui

import (
	"strings"
	"testing"

	appinfo "github.com/dossier-app/dossier"
)

// 帮助 > 关于 names the version written in FyneApp.toml.
func TestAboutShowsVersion(t *testing.T) {
	a, _ := newTestApp(t)
	var about func()
	for _, m := range a.win.MainMenu().Items {
		if m.Label != "帮助" {
			continue
		}
		for _, it := range m.Items {
			if it.Label == "关于" {
				about = it.Action
			}
		}
	}
	if about == nil {
		t.Fatal("no 帮助 > 关于 menu item")
	}
	about()
	msg := overlayTexts(a)
	if appinfo.Version == "" || !strings.Contains(msg, "版本 "+appinfo.Version) {
		t.Errorf("关于 does not show version %q: %q", appinfo.Version, msg)
	}
}
