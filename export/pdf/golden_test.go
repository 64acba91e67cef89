package pdf

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/internal/golden"
)

var spaceRun = regexp.MustCompile(`[ \t]+`)

// normalise turns `pdftotext -layout` output into text for content checks:
// runs of blanks become one space, lines are trimmed, empty lines go, and
// each page is headed by its number. The golden files use goldenText,
// which keeps the spaces.
func normalise(text string) string {
	var b strings.Builder
	for i, pg := range strings.Split(strings.TrimRight(text, "\f\n"), "\f") {
		fmt.Fprintf(&b, "=== 第%d页 ===\n", i+1)
		for _, l := range strings.Split(pg, "\n") {
			if l = strings.TrimSpace(spaceRun.ReplaceAllString(l, " ")); l != "" {
				b.WriteString(l + "\n")
			}
		}
	}
	return b.String()
}

// goldenText turns `pdftotext -layout` output into the golden text: each
// page is headed by its number and loses its form feed, and each line its
// trailing blanks (where pdftotext pads them is no part of the document).
// Everything else stays, leading spaces included: a change of any printed
// character, of a line or a page break, or of a column's position shows.
func goldenText(text string) string {
	var b strings.Builder
	for i, pg := range strings.Split(strings.TrimRight(text, "\f\n"), "\f") {
		fmt.Fprintf(&b, "=== 第%d页 ===\n", i+1)
		for _, l := range strings.Split(strings.TrimRight(pg, " \n"), "\n") {
			b.WriteString(strings.TrimRight(l, " \t") + "\n")
		}
	}
	return b.String()
}

// TestGolden compares the text of the demo campaign's dossier, notice and
// one unit (demo.Book, what `dossierctl demo` writes) with
// testdata/*.golden.txt. After a deliberate change of a document,
// `go test ./export/pdf -run Golden -update` rewrites them; review the diff.
func TestGolden(t *testing.T) {
	b := demoBook(t)
	r := dossier.Rank(b)
	for _, doc := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"dossier", func(w *bytes.Buffer) error { _, err := WriteDossier(w, b, r, Options{}); return err }},
		{"notice", func(w *bytes.Buffer) error { _, err := WriteNotice(w, b, r, Options{}); return err }},
		{"unit", func(w *bytes.Buffer) error { _, err := WriteUnit(w, b, r, "u3", Options{}); return err }},
	} {
		t.Run(doc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := doc.write(&buf); err != nil {
				t.Fatal(err)
			}
			got := goldenText(poppler(t, "pdftotext", buf.Bytes(), "-layout"))
			golden.Check(t, filepath.Join("testdata", doc.name+".golden.txt"), []byte(got))
		})
	}
}

// TestGoldenTextKeepsCharacters: the golden comparison sees every printed
// character and every space between two of them; only trailing blanks and
// pdftotext's form feeds go.
func TestGoldenTextKeepsCharacters(t *testing.T) {
	base := goldenText("  名次  单位名称   \n\n第1名  郑州市教育局\f第二页  \n\f")
	for _, changed := range []string{
		"  名次  单位名称\n\n第1名  郑州市教育局\f第二頁\n\f", // one character
		"  名次 单位名称\n\n第1名  郑州市教育局\f第二页\n\f",  // a space between words
		" 名次  单位名称\n\n第1名  郑州市教育局\f第二页\n\f",  // a column moved
		"  名次  单位名称\n第1名  郑州市教育局\f第二页\n\f",   // a blank line
		"  名次  单位名称\n\n第1名  郑州市教育局\n第二页\n\f", // a page break
	} {
		if goldenText(changed) == base {
			t.Errorf("goldenText hides the change in %q", changed)
		}
	}
	if got := goldenText("  名次  单位名称\n\n第1名  郑州市教育局 \t\f第二页\n\n\f"); got != base {
		t.Errorf("trailing blanks show: %q vs %q", got, base)
	}
}
