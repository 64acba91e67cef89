package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

// stabilityBook is the hand-computed campaign of the dossier package's
// TestStabilityHandComputed: three evaluators, one category of 100, no
// trimming, quota 1.
//
//	    甲  乙  丙   mean    without 甲  without 乙  without 丙
//	A   90  60  60   70.00   60.0 (2)    75.0 (1)    75.0 (1)
//	B   50  80  75   68.33   77.5 (1)    62.5 (2)    65.0 (2)
//	C   40  50  55   48.33   52.5 (3)    47.5 (3)    45.0 (3)
//
// A's and B's recommendations flip without 甲; C is stable. Mean z-scores:
// A 0.243, B 0.749, C −0.992, so the normalised view ranks B, A, C, and
// Kendall's tau between (1, 2, 3) and (2, 1, 3) is (2 − 1) / 3 = 0.333.
func stabilityBook() *dossier.Book {
	b := &dossier.Book{Campaign: dossier.Campaign{ID: "c", Title: "稳定性测试评选", Date: "2024-06-01", Quota: 1, TrimMin: 5},
		Categories: []dossier.Category{{ID: "k1", Name: "优化扩充工程", Max: dossier.Points(100)}}}
	for i, n := range []string{"甲", "乙", "丙"} {
		b.Evaluators = append(b.Evaluators, dossier.Evaluator{ID: "e" + n, Name: n, Position: i})
	}
	for _, u := range []struct {
		code string
		v    [3]dossier.Tenths
	}{{"A", [3]dossier.Tenths{900, 600, 600}}, {"B", [3]dossier.Tenths{500, 800, 750}}, {"C", [3]dossier.Tenths{400, 500, 550}}} {
		b.Units = append(b.Units, dossier.Unit{ID: "u" + u.code, Code: u.code, Name: u.code + "单位", Status: dossier.StatusAccepted})
		for i, e := range b.Evaluators {
			b.Scores = append(b.Scores, dossier.Score{EvaluatorID: e.ID, UnitID: "u" + u.code, CategoryID: "k1", Value: u.v[i]})
		}
	}
	return b
}

func appendixDossier(t *testing.T) (text string, pdf []byte, rep *Report) {
	t.Helper()
	b := stabilityBook()
	r := dossier.Rank(b)
	st := dossier.Stabilities(b, r)
	flags := dossier.ReviewFlags(b, r, st, 15, nil)
	// Resolve the first 排名不稳 flag, as a reviewer would.
	for i := range flags {
		if flags[i].Kind == dossier.FlagUnstable {
			flags[i].Resolved = &dossier.Resolution{FlagID: flags[i].ID, By: "王主任", Note: "已核实，维持规则结果", At: "2024-06-03T01:30:00Z"}
			break
		}
	}
	var buf bytes.Buffer
	rep, err := WriteDossier(&buf, b, r, Options{Flags: flags, Stability: st})
	if err != nil {
		t.Fatal(err)
	}
	return normalise(poppler(t, "pdftotext", buf.Bytes(), "-layout")), buf.Bytes(), rep
}

// The appendices print every flag with its resolution (the unresolved
// first, in a warning that cannot be missed), each unit's rank range and
// stability, and the normalised view with Kendall's tau, as hand-computed.
func TestDossierAppendices(t *testing.T) {
	text, pdf, rep := appendixDossier(t)
	if len(rep.Warnings) > 0 {
		t.Errorf("warnings: %v", rep.Warnings)
	}
	lines := strings.Split(text, "\n")
	has := func(what string, parts ...string) {
		t.Helper()
		for _, l := range lines {
			ok := true
			for _, p := range parts {
				ok = ok && strings.Contains(l, p)
			}
			if ok {
				return
			}
		}
		t.Errorf("%s: no line with %q", what, parts)
	}
	// The flags: 甲's total for A (90) is 30 above the others' mean (60),
	// more than 15 of the full mark of 100; A and B are unstable.
	has("appendix title", "附录一", "复核标记及处理情况")
	has("counts", "复核标记共", "已复核1项", "未复核")
	has("warning", "注意：尚有", "项复核标记未经复核")
	has("resolved flag", "排名不稳", "A A单位", "（2024-06-03 09:30）")
	has("resolved flag", "见：已核实，维持规则结果")
	has("unresolved flag", "畸高畸低", "A A单位", "甲", "未复核")
	// Stability: rank, unit, total, result, range, stable.
	has("appendix title", "附录二", "排名稳定性")
	has("A's range", "1 A单位 70.00 拟推荐 1–2 否：去掉评委“甲”的评分时改变")
	has("B's range", "2 B单位 68.33 — 1–2 否：去掉评委“甲”的评分时改变")
	has("C's range", "3 C单位 48.33 — 3 是")
	// The normalised view: rule rank, unit, total, z, z rank, difference.
	has("appendix title", "附录三", "标准化排名（仅供参考）")
	has("A's z", "1 A单位 70.00 0.243 2 +1")
	has("B's z", "2 B单位 68.33 0.749 1 −1")
	has("C's z", "3 C单位 48.33 −0.992 3 0")
	flat := squeeze(text)
	if !strings.Contains(flat, "本附录仅供参考，不替代也不改变按本次评选规则确定的排名和推荐结果。") {
		t.Error("the normalised view is not labelled as for information only")
	}
	if !strings.Contains(flat, "规则名次与标准化名次的τb=0.333。") {
		t.Error("Kendall's tau is not printed as 0.333")
	}
	// The contents point to the appendices; the rule page points to 附录一.
	if !strings.Contains(flat, "附录三标准化排名（仅供参考）") || !strings.Contains(flat, "全部复核标记及其复核人、复核时间和复核意见见附录一。") {
		t.Error("contents or rule page do not point to the appendices")
	}
	path := filepath.Join(t.TempDir(), "d.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	outline, err := exec.Command("qpdf", "--json", "--json-key=outlines", path).Output()
	if err != nil {
		t.Fatalf("qpdf --json (apt-get install qpdf): %v", err)
	}
	for _, title := range []string{"附录一　复核标记及处理情况", "附录二　排名稳定性", "附录三　标准化排名（仅供参考）"} {
		if !strings.Contains(string(outline), `"title": "`+title+`"`) {
			t.Errorf("no outline entry %q:\n%s", title, outline)
		}
	}
	// The unresolved flags come before the resolved one.
	if i, j := strings.Index(text, "未复核\n"), strings.Index(text, "王主任"); i < 0 || j < 0 || i > j {
		t.Error("unresolved flags are not listed first")
	}
	_, again, _ := appendixDossier(t)
	if !bytes.Equal(pdf, again) {
		t.Error("the same campaign gave different bytes")
	}
}

// Without Options.Stability and Flags the dossier has no appendix; the
// single-unit PDF never has one.
func TestNoAppendixWithoutData(t *testing.T) {
	b := stabilityBook()
	r := dossier.Rank(b)
	var buf bytes.Buffer
	if _, err := WriteDossier(&buf, b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(poppler(t, "pdftotext", buf.Bytes()), "附录") {
		t.Error("a dossier without flags or stability has an appendix")
	}
	buf.Reset()
	if _, err := WriteUnit(&buf, b, r, "uA", Options{WithScores: true, Stability: dossier.Stabilities(b, r), Flags: []dossier.Flag{}}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(poppler(t, "pdftotext", buf.Bytes()), "附录") {
		t.Error("the unit's PDF has an appendix")
	}
}

// In the contents, the appendices are set apart from the group of units
// not ranked, which would otherwise seem to hold them.
func TestContentsSetTheAppendicesApart(t *testing.T) {
	b := stabilityBook()
	b.Units = append(b.Units, dossier.Unit{ID: "uD", Code: "D", Name: "D单位", Status: dossier.StatusWithdrawn})
	r := dossier.Rank(b)
	var buf bytes.Buffer
	if _, err := WriteDossier(&buf, b, r, Options{Flags: []dossier.Flag{}, Stability: dossier.Stabilities(b, r)}); err != nil {
		t.Fatal(err)
	}
	flat := squeeze(poppler(t, "pdftotext", buf.Bytes()))
	group := strings.Index(flat, "未参与排名的单位")
	apart := strings.Index(flat, "附录附录一复核标记及处理情况")
	if group < 0 || apart < group || !strings.Contains(flat[group:apart], "D单位") {
		t.Errorf("contents: the appendices are not headed apart after the unranked units:\n%.600s", flat[max(group, 0):])
	}
	if !strings.Contains(flat, "本次评选未发现需要复核的情形。") {
		t.Error("an empty flag list does not say so")
	}
}
