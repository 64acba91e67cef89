package pdf

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// TestAssembleNeedsFpdfLayout: assemblePDF rewrites fpdf's finished output
// on the faith of its layout (page n is object 2n+1 saying "/Type /Page" and
// "/Resources 2 0 R", the shared dictionary has an empty "/XObject <<\n>>",
// the cross-reference table and trailer name /Root and /Info). An fpdf
// release that changes any of these must stop every export with errLayout,
// never write a PDF whose pages lack their pictures. Each case breaks one
// assumption keeping the byte length, so the offsets still hold and only
// that assumption fails.
func TestAssembleNeedsFpdfLayout(t *testing.T) {
	fs, err := loadFonts("")
	if err != nil {
		t.Fatal(err)
	}
	r, err := newRenderer(fs, meta{}, &warnings{}, newImages(0, nil))
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		r.pdf.AddPage()
		r.pdf.SetFont(r.fonts.family[serif], r.fonts.style[serif], bodySize)
		r.pdf.Text(20, 20, "版式测试")
	}
	var buf bytes.Buffer
	if err := r.pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	doc := buf.Bytes()
	if _, err := assemblePDF(io.Discard, doc, 2, newImages(0, nil)); err != nil {
		t.Fatalf("fpdf's output as it is: %v", err)
	}
	for _, c := range []struct{ name, old, new string }{
		{"page resources", "/Resources 2 0 R", "/Resources 9 0 R"},
		{"page type", "/Type /Page\n", "/Type /Pagx\n"},
		{"shared XObject dictionary", "/XObject <<\n>>", "/XObjekt <<\n>>"},
		{"startxref", "startxref\n", "startxrex\n"},
		{"xref table", "xref\n0 ", "xref\nX "},
		{"trailer root", "/Root ", "/Ruut "},
		{"trailer info", "/Info ", "/Infx "},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !bytes.Contains(doc, []byte(c.old)) {
				t.Fatalf("fpdf's output no longer has %q: assemblePDF must be revised", c.old)
			}
			bad := bytes.ReplaceAll(bytes.Clone(doc), []byte(c.old), []byte(c.new))
			if _, err := assemblePDF(io.Discard, bad, 2, newImages(0, nil)); !errors.Is(err, errLayout) {
				t.Fatalf("assemblePDF on a changed layout: %v, want errLayout", err)
			}
		})
	}
}
