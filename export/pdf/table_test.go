package pdf

import (
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

// TestRankingColumnsDoNotWrap is issue 9 item 7: the ranking table wrapped
// names, regions and remarks ("拟推 ⏎ 荐"), so 300 rows took 18 pages.
// Columns are sized from their content: in the 300-unit campaign no cell
// but a unit name wraps, and no name of the generated campaign does either.
func TestRankingColumnsDoNotWrap(t *testing.T) {
	b := bigBook(t, 300)
	d, err := newDoc(b, dossier.Rank(b), Options{})
	if err != nil {
		t.Fatal(err)
	}
	tb, rows := d.ranking()
	for _, r := range rows {
		if r.span {
			continue
		}
		cells := d.c.cellLines(tb, r.cells, tb.style, false, r.ctx)
		for i, l := range cells {
			if len(l) > 1 {
				t.Errorf("column %q wraps %q into %d lines", tb.head[i], r.cells[i], len(l))
			}
		}
	}
	for _, h := range tb.head {
		if strings.Contains(h, "(") {
			t.Errorf("header %q has a half-width bracket", h)
		}
	}
	d.front()
	pages := 0
	for _, pg := range d.c.pages {
		if pg.header == "排名表" {
			pages++
		}
	}
	if pages > 12 {
		t.Errorf("300 rows take %d pages", pages)
	}
	t.Logf("300 rows on %d pages", pages)
}

// TestIndicatorValueNotCut: "12345678.12 ⏎ 3456亿元" was cut inside the 数值
// column; the column is as wide as its longest figure.
func TestIndicatorValueNotCut(t *testing.T) {
	b := testBook(t)
	u := b.Unit("u1")
	u.Values[0].Value = 12345678.123456
	for i := range b.Categories[0].Indicators {
		if b.Categories[0].Indicators[i].ID == u.Values[0].IndicatorID {
			b.Categories[0].Indicators[i].Unit = "亿元"
		}
	}
	d := laidOut(t, b, "u1")
	want := "12,345,678.123456亿元"
	found := false
	for _, pg := range d.c.pages {
		for _, it := range pg.items {
			if it.kind == kText && strings.Contains(it.text, "12,345,678") {
				found = true
				if it.text != want {
					t.Errorf("value printed as %q, want %q on one line", it.text, want)
				}
				if it.font != sans {
					t.Errorf("value not in the tabular-digit face")
				}
			}
		}
	}
	if !found {
		t.Error("value not printed")
	}
}
