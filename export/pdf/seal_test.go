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
	if !strings.Contains(all, "八、规则指纹与评分记录") || !strings.Contains(all, fp) || !strings.Contains(all, head) {
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

func TestRulePageListsUnresolvedFlags(t *testing.T) {
	b := demoBook(t)
	flags := []dossier.Flag{
		{ID: "outlier-1", Kind: dossier.FlagOutlier, UnitCode: "HN2022-001", UnitName: "郑州市教育局", Detail: "评委“刘芳”总分 87.0，低于其余平均"},
		{ID: "uniform-2", Kind: dossier.FlagUniform, Detail: "评委“张敏”给所评 4 个单位的总分均为 90.0",
			Resolved: &dossier.Resolution{By: "王主任", Note: "已核实"}},
	}
	var buf bytes.Buffer
	if _, err := WriteDossier(&buf, b, nil, Options{Flags: flags}); err != nil {
		t.Fatal(err)
	}
	text := squeeze(poppler(t, "pdftotext", buf.Bytes()))
	if !strings.Contains(text, "复核标记共2项，其中1项尚未复核") || !strings.Contains(text, "畸高畸低：HN2022-001郑州市教育局，评委“刘芳”总分87.0") {
		t.Error("rule page does not list the unresolved flag")
	}
	// The rule page ends by pointing to the appendix, which lists every
	// flag, the resolved ones too.
	end := strings.Index(text, "全部复核标记及其复核人、复核时间和复核意见见附录一。")
	if end < 0 {
		t.Fatal("the rule page does not point to the appendix")
	}
	if strings.Contains(text[:end], "给所评4个单位") {
		t.Error("a resolved flag is listed as unresolved")
	}
	if !strings.Contains(text[end:], "给所评4个单位") {
		t.Error("the appendix leaves out the resolved flag")
	}
}
