package netpath

import (
	"strings"
	"testing"
)

func TestUNCPathWarns(t *testing.T) {
	for _, p := range []string{`\\server\评选\2026 活动.dossier`, `\\?\UNC\server\share\a.dossier`, `//server/share/a.dossier`} {
		w := Warning(p)
		if !Network(p) || !strings.Contains(w, "网络共享位置") || !strings.Contains(w, "只有一个人打开") {
			t.Errorf("%s: no warning: %q", p, w)
		}
	}
	for _, p := range []string{`C:\users\评选\a.dossier`, `\\?\C:\users\a.dossier`} {
		if Network(p) {
			t.Errorf("%s counts as a network path", p)
		}
	}
}
