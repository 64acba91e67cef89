package pdf

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

var update = flag.Bool("update", false, "rewrite the golden text files in testdata/")

var spaceRun = regexp.MustCompile(`[ \t]+`)

// normalise turns `pdftotext -layout` output into a stable text: runs of
// blanks become one space, lines are trimmed, and each page is headed by
// its number, so a change of line breaks, page breaks or content shows as a
// diff of a few lines.
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

// TestGolden compares the text of the demo dossier, notice and one unit
// with testdata/*.golden.txt; `go test ./export/pdf -run Golden -update`
// rewrites them after a deliberate change of layout.
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
			got := normalise(poppler(t, "pdftotext", buf.Bytes(), "-layout"))
			path := filepath.Join("testdata", doc.name+".golden.txt")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := 0; i < max(len(gl), len(wl)); i++ {
					g, w := "", ""
					if i < len(gl) {
						g = gl[i]
					}
					if i < len(wl) {
						w = wl[i]
					}
					if g != w {
						t.Fatalf("%s differs from %s at line %d:\n got %q\nwant %q\n(run with -update if the change is meant)", doc.name, path, i+1, g, w)
					}
				}
			}
		})
	}
}
