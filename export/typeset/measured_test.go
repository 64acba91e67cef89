package typeset

import (
	"strings"
	"testing"
	"unicode"
)

// TestMeasuredBreaks: metrics from a measuring function (the GUI's) break
// text by the same rules as a parsed font: widths in the function's unit,
// a line feed takes no room and forces a break, closing punctuation stays
// at the end of its line, and every rune is measured once.
func TestMeasuredBreaks(t *testing.T) {
	calls := map[rune]int{}
	m := NewMeasured(10, func(r rune) float64 {
		calls[r]++
		if unicode.Is(unicode.Han, r) || strings.ContainsRune("，。（）", r) {
			return 10
		}
		return 5.5
	})
	var b Breaker
	text := "共5份申报表，已导入。\n第二段"
	f := m.Font(text)
	if got := f.Width("共5份", 10); got != 25.5 {
		t.Errorf("width of 共5份 = %v, want 25.5", got)
	}
	lines := b.Break(text, f, 10, 60, 0)
	var got []string
	for _, l := range lines {
		got = append(got, l.Text)
	}
	// 60 wide holds six 10-wide characters: "共5份申报" is 45.5, "表，" would
	// make 65.5, so 表 goes down with its comma, never the comma alone.
	want := []string{"共5份申报", "表，已导入。\n", "第二段"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lines %q, want %q", got, want)
	}
	if lines[1].Width != 60 {
		t.Errorf("line 2 is %v wide, want 60 (the line feed takes no room)", lines[1].Width)
	}
	m.Font(text + "共")
	for r, n := range calls {
		if n != 1 {
			t.Errorf("%q measured %d times", r, n)
		}
	}
	if calls['\n'] != 0 {
		t.Error("the line feed was measured")
	}
}
