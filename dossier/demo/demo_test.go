package demo

import (
	"context"
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

// dump writes out everything of b a document or a ranking can show, by
// names and codes instead of IDs, so that a Book in memory and one read
// back from a file compare.
func dump(b *dossier.Book) string {
	var w strings.Builder
	c := b.Campaign
	fmt.Fprintf(&w, "campaign %q %q %d %s quota=%d trim=%d tie=%v min=%d\n", c.Title, c.Organiser, c.Year, c.Date, c.Quota, c.TrimMin, c.TieBreak, c.MinValid)
	cat := func(id string) string {
		if x := b.Category(id); x != nil {
			return x.Name
		}
		return "-"
	}
	for _, x := range b.Categories {
		fmt.Fprintf(&w, "category %d %q %q %q max=%v\n", x.Position, x.Name, x.Slogan, x.Description, x.Max)
		for _, in := range x.Indicators {
			fmt.Fprintf(&w, "  indicator %d %q %q %s\n", in.Position, in.Name, in.Unit, in.Direction)
		}
	}
	for _, u := range b.Units {
		fmt.Fprintf(&w, "unit %s %q %q %q %q %q %q %q %q status=%s\n", u.Code, u.Name, u.Region, u.Kind, u.Recommender, u.Contact, u.Phone, u.Title, u.Summary, u.Status)
		for _, a := range u.Achievements {
			fmt.Fprintf(&w, "  achievement %s %q %q\n", cat(a.CategoryID), a.Heading, a.Body)
		}
		for _, v := range u.Values {
			in := b.Indicator(v.IndicatorID)
			fmt.Fprintf(&w, "  value %s/%s %v %q\n", cat(in.CategoryID), in.Name, v.Value, v.Note)
		}
		for _, p := range u.Photos {
			fmt.Fprintf(&w, "  photo %s %q %s %dx%d %x\n", cat(p.CategoryID), p.Caption, p.Format, p.Width, p.Height, sha256.Sum256(p.Data))
		}
	}
	for _, e := range b.Evaluators {
		fmt.Fprintf(&w, "evaluator %d %q %q %q %q\n", e.Position, e.Name, e.Affiliation, e.Region, e.Role)
	}
	for _, o := range b.Overrides {
		fmt.Fprintf(&w, "override %s %s %v %q\n", b.Evaluator(o.EvaluatorID).Name, b.Unit(o.UnitID).Code, o.Conflict, o.Reason)
	}
	// Scores and comments are sets: the store reads them in its own order.
	var set []string
	for _, s := range b.Scores {
		set = append(set, fmt.Sprintf("score %s %s %s %v\n", b.Evaluator(s.EvaluatorID).Name, b.Unit(s.UnitID).Code, cat(s.CategoryID), s.Value))
	}
	for _, cm := range b.Comments {
		set = append(set, fmt.Sprintf("comment %s %s %q\n", b.Evaluator(cm.EvaluatorID).Name, b.Unit(cm.UnitID).Code, cm.Text))
	}
	sort.Strings(set)
	w.WriteString(strings.Join(set, ""))
	for _, s := range dossier.Rank(b).Standings {
		fmt.Fprintf(&w, "standing %s rank=%d total=%v recommended=%v %q\n", s.Unit.Code, s.Rank, s.Total, s.Recommended, s.Unranked)
	}
	return w.String()
}

// TestCreateStoresBook: the demo file holds exactly Book, so the documents
// tests make from Book are the documents of `dossierctl demo`.
func TestCreateStoresBook(t *testing.T) {
	ctx := context.Background()
	want, err := Book()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Create(ctx, filepath.Join(t.TempDir(), "示例.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Book(ctx, store.LoadOptions{Photos: true})
	if err != nil {
		t.Fatal(err)
	}
	g, w := dump(got), dump(want)
	if g != w {
		gl, wl := strings.Split(g, "\n"), strings.Split(w, "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("line %d: the file has\n%s\nBook has\n%s", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("the file has %d lines, Book %d", len(gl), len(wl))
	}
	if len(want.Units) != 4 || len(want.Evaluators) != 6 || len(want.Scores) != 4*6*5 {
		t.Fatalf("Book has %d units, %d evaluators, %d scores", len(want.Units), len(want.Evaluators), len(want.Scores))
	}
}

// TestBookIsFresh: each Book is the caller's to change.
func TestBookIsFresh(t *testing.T) {
	a, err := Book()
	if err != nil {
		t.Fatal(err)
	}
	a.Units[0].Name, a.Categories[0].Indicators[0].Name = "改过的", "改过的"
	b, err := Book()
	if err != nil {
		t.Fatal(err)
	}
	if b.Units[0].Name == "改过的" || b.Categories[0].Indicators[0].Name == "改过的" {
		t.Fatal("a change to one Book shows in the next")
	}
	if a.Units[1].Photos[0].ID != "u2-p1" || b.UnitByCode("HN2022-003").ID != "u3" || b.Categories[2].Indicators[0].ID != "cat3-ind1" {
		t.Fatalf("IDs are not the documented ones: %s %s %s", a.Units[1].Photos[0].ID, b.UnitByCode("HN2022-003").ID, b.Categories[2].Indicators[0].ID)
	}
}
