package pdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

// With the score log's head, every page with a folio carries the rule
// fingerprint and the head (16 digits each) and the rule page states both
// in full; without it, neither is printed.
func TestSealOnRulePageAndEveryFooter(t *testing.T) {
	b := demoBook(t)
	head := strings.Repeat("ab12", 16)
	var buf bytes.Buffer
	rep, err := WriteDossier(&buf, b, nil, Options{LogHead: head})
	if err != nil {
		t.Fatal(err)
	}
	fp := dossier.Fingerprint(b)
	seal := "规则" + fp[:16] + "记录" + head[:16]
	pages := strings.Split(poppler(t, "pdftotext", buf.Bytes(), "-layout"), "\f")
	sealed := 0
	for _, p := range pages {
		if strings.Contains(squeeze(p), seal) {
			sealed++
		}
	}
	// The cover has no footer; every other page has one.
	if sealed != rep.Pages-1 {
		t.Errorf("seal on %d of %d pages, want every page but the cover", sealed, rep.Pages)
	}
	all := squeeze(strings.Join(pages, ""))
	if !strings.Contains(all, "七、规则指纹与评分记录") || !strings.Contains(all, fp) || !strings.Contains(all, head) {
		t.Error("rule page lacks the full fingerprint and head")
	}
	buf.Reset()
	if _, err := WriteDossier(&buf, b, nil, Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(squeeze(poppler(t, "pdftotext", buf.Bytes())), "规则指纹") {
		t.Error("seal printed without a log head")
	}
}
