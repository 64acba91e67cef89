package dossier

import (
	"strings"
	"testing"
	"unicode"
)

func TestActionLabels(t *testing.T) {
	seen := map[Action]bool{}
	for _, a := range Actions {
		if seen[a] {
			t.Errorf("%s listed twice", a)
		}
		seen[a] = true
		l := a.Label()
		if strings.HasPrefix(l, "其他修改") || !unicode.Is(unicode.Han, []rune(l)[0]) {
			t.Errorf("%s has no Chinese label: %q", a, l)
		}
	}
	if len(seen) != len(actionLabels) {
		t.Errorf("%d actions listed, %d labelled", len(seen), len(actionLabels))
	}
	if l := Action("calendar.add").Label(); l != "其他修改（calendar.add）" {
		t.Errorf("unknown action: %q", l)
	}
}
