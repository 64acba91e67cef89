package pdf

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

// bodyKinds are the documents whose body follows the campaign's body face.
var bodyKinds = map[string]func(w io.Writer, b *dossier.Book, r *dossier.Ranking) (*Report, error){
	"dossier": func(w io.Writer, b *dossier.Book, r *dossier.Ranking) (*Report, error) {
		return WriteDossier(w, b, r, Options{})
	},
	"notice": func(w io.Writer, b *dossier.Book, r *dossier.Ranking) (*Report, error) {
		return WriteNotice(w, b, r, Options{})
	},
	"unit": func(w io.Writer, b *dossier.Book, r *dossier.Ranking) (*Report, error) {
		return WriteUnit(w, b, r, "u3", Options{})
	},
	"scoresheets": func(w io.Writer, b *dossier.Book, r *dossier.Ranking) (*Report, error) {
		return WriteScoresheets(w, b, r, Options{})
	},
	"report": func(w io.Writer, b *dossier.Book, r *dossier.Ranking) (*Report, error) {
		return WriteReport(w, b, r, Options{})
	},
}

// TestBodyFace is issue 9 item 9's choice of body face: with 仿宋 every
// document embeds FandolFang (pdffonts names it) and sets its body in it;
// with 宋体 none names a 仿宋 font and the body is Noto Serif SC. The page
// numbers are 宋体 in both (GB/T 9704 §7.5).
func TestBodyFace(t *testing.T) {
	for _, bf := range []dossier.BodyFont{dossier.BodyFangsong, dossier.BodySong} {
		b := demoBook(t)
		b.Campaign.BodyFont = bf
		r := dossier.Rank(b)
		for name, write := range bodyKinds {
			var buf bytes.Buffer
			if _, err := write(&buf, b, r); err != nil {
				t.Fatalf("%s %s: %v", bf, name, err)
			}
			fonts := poppler(t, "pdffonts", buf.Bytes())
			hasFang := strings.Contains(fonts, "DFNGAA+fandolfang")
			if hasFang != (bf == dossier.BodyFangsong) {
				t.Errorf("%s %s: FandolFang embedded %v:\n%s", bf, name, hasFang, fonts)
			}
			if !strings.Contains(fonts, "DSRFAA+notoserifsc") {
				t.Errorf("%s %s: no Noto Serif SC (page numbers, fallback):\n%s", bf, name, fonts)
			}
		}
		fs, err := loadFonts(bf)
		if err != nil {
			t.Fatal(err)
		}
		want := serif
		if bf == dossier.BodyFangsong {
			want = fang
		}
		if got := fs.physical(body.font, '评'); got != want {
			t.Errorf("%s: body text printed in face %d, want %d", bf, got, want)
		}
		if got := fs.physical(folio.font, '7'); got != serif {
			t.Errorf("%s: page numbers in face %d, want 宋体", bf, got)
		}
	}
}

// TestBodyFaceFallback: ideographs outside GB 2312, which the 仿宋 subset
// lacks (喆 堃 珺 镕, common in people's and units' names), are printed in
// 宋体, not as □, and no warning is given for them.
func TestBodyFaceFallback(t *testing.T) {
	b := demoBook(t)
	b.Campaign.BodyFont = dossier.BodyFangsong
	u := b.Unit("u3")
	u.Summary = "联系人王喆、李堃、张珺、刘镕，均为本单位工作人员。"
	fs, err := loadFonts(dossier.BodyFangsong)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range "喆堃珺镕" {
		if fs.single[fang].Has(c) {
			t.Fatalf("the 仿宋 face has %c: pick a character it lacks", c)
		}
		if got := fs.physical(serif, c); got != serif {
			t.Errorf("%c printed in face %d, want 宋体 (%d)", c, got, serif)
		}
	}
	var buf bytes.Buffer
	rep, err := WriteUnit(&buf, b, nil, "u3", Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := squeeze(poppler(t, "pdftotext", buf.Bytes()))
	if !strings.Contains(text, "联系人王喆、李堃、张珺、刘镕，均为本单位工作人员。") {
		t.Errorf("the names are not in the PDF's text")
	}
	if strings.Contains(text, "□") {
		t.Errorf("□ in the PDF")
	}
	for _, w := range rep.Warnings {
		if strings.ContainsAny(w, "喆堃珺镕") {
			t.Errorf("warning for a character 宋体 has: %s", w)
		}
	}
}
