package pdf

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/internal/golden"
)

// formText makes a form of the demo campaign and returns its text in
// content order (pdftotext -raw: a table cell's lines stay together), with
// blanks and line breaks taken out so that a wrapped name still reads as
// one.
func formText(t *testing.T, write func(*bytes.Buffer, *dossier.Book, *dossier.Ranking) error, b *dossier.Book) (raw, flat string) {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, b, dossier.Rank(b)); err != nil {
		t.Fatal(err)
	}
	raw = poppler(t, "pdftotext", buf.Bytes(), "-raw")
	return raw, strings.NewReplacer(" ", "", "\n", "", "\f", "").Replace(raw)
}

// sections splits flat form text at each evaluator's "评委：" line, one
// section per evaluator in list order.
func sections(t *testing.T, flat string, b *dossier.Book) map[string]string {
	t.Helper()
	out := map[string]string{}
	for i, e := range b.Evaluators {
		start := strings.Index(flat, "评委："+e.Name)
		if start < 0 {
			t.Fatalf("no sheet for %s", e.Name)
		}
		end := len(flat)
		if i+1 < len(b.Evaluators) {
			if k := strings.Index(flat[start:], "评委："+b.Evaluators[i+1].Name); k > 0 {
				end = start + k
			}
		}
		out[e.Name] = flat[start:end]
	}
	return out
}

func TestScoresheetsForm(t *testing.T) {
	b := demoBook(t)
	r := dossier.Rank(b)
	_, flat := formText(t, func(w *bytes.Buffer, b *dossier.Book, r *dossier.Ranking) error {
		_, err := WriteScoresheets(w, b, r, Options{})
		return err
	}, b)
	for ei, e := range b.Evaluators {
		sheet := sections(t, flat, b)[e.Name]
		for _, want := range []string{"评分表", "评委签字：", "日期："} {
			if !strings.Contains(sheet, want) {
				t.Errorf("%s's sheet lacks %q", e.Name, want)
			}
		}
		for _, s := range r.Standings {
			ln := s.Explanation.Lines[ei]
			if !strings.Contains(sheet, s.Unit.Code+s.Unit.Name) {
				t.Errorf("%s's sheet lacks %s", e.Name, s.Unit.Name)
			}
			if ln.Status == dossier.ExcludedConflict {
				continue
			}
			if !strings.Contains(sheet, ln.Total.String()) {
				t.Errorf("%s's sheet lacks the total %s of %s", e.Name, ln.Total, s.Unit.Name)
			}
		}
	}
}

func TestDeclarationsForm(t *testing.T) {
	b := demoBook(t)
	r := dossier.Rank(b)
	_, flat := formText(t, func(w *bytes.Buffer, b *dossier.Book, r *dossier.Ranking) error {
		_, err := WriteDeclarations(w, b, r, Options{})
		return err
	}, b)
	recused := 0
	for ei, e := range b.Evaluators {
		decl := sections(t, flat, b)[e.Name]
		if !strings.Contains(decl, "声明人（签字）：") || !strings.Contains(decl, "日期：") || !strings.Contains(decl, "本人承诺") {
			t.Errorf("%s's declaration lacks the declaration or its signature line", e.Name)
		}
		mine := 0
		for _, s := range r.Standings {
			ln := s.Explanation.Lines[ei]
			if ln.Status != dossier.ExcludedConflict {
				continue
			}
			mine++
			reason := strings.TrimSuffix(strings.TrimPrefix(ln.Reason, "回避（"), "）")
			if !strings.Contains(decl, s.Unit.Code+s.Unit.Name) || !strings.Contains(decl, strings.ReplaceAll(reason, " ", "")) {
				t.Errorf("%s's declaration lacks the recused unit %s (%s):\n%s", e.Name, s.Unit.Name, reason, decl)
			}
		}
		recused += mine
		if none := strings.Contains(decl, "本人与各申报单位均无利害关系"); none != (mine == 0) {
			t.Errorf("%s: %d recusals, yet 均无利害关系 is %v", e.Name, mine, none)
		}
	}
	if recused == 0 {
		t.Fatal("the demo has no 回避: the test tests nothing")
	}
}

func TestSummarySheetAndReportForms(t *testing.T) {
	b := demoBook(t)
	b.Decisions = nil
	r := dossier.Rank(b)
	_, flat := formText(t, func(w *bytes.Buffer, b *dossier.Book, r *dossier.Ranking) error {
		_, err := WriteSummarySheet(w, b, r, Options{})
		return err
	}, b)
	for _, want := range []string{"评分汇总表", "计分人：", "复核人：", "监督人：", "日期：", "回避"} {
		if !strings.Contains(flat, want) {
			t.Errorf("summary sheet lacks %q", want)
		}
	}
	for _, e := range b.Evaluators {
		if !strings.Contains(flat, strings.ReplaceAll(e.Name, " ", "")) {
			t.Errorf("summary sheet lacks evaluator %s", e.Name)
		}
	}
	for _, s := range r.Standings {
		if !strings.Contains(flat, s.Unit.Code+s.Unit.Name) || !strings.Contains(flat, s.Total.String()) {
			t.Errorf("summary sheet lacks %s with %s", s.Unit.Name, s.Total)
		}
		for _, ln := range s.Explanation.Lines {
			if ln.Status == dossier.DroppedHigh && !strings.Contains(flat, ln.Total.String()+"高") {
				t.Errorf("%s: the dropped highest %s is not marked", s.Unit.Name, ln.Total)
			}
		}
	}

	flags := []dossier.Flag{{Kind: "outlier", UnitCode: "HN2022-001", UnitName: "郑州市教育局", Detail: "某评委总分偏高",
		Resolved: &dossier.Resolution{By: "监督组王某", Note: "核对无误"}}}
	head := strings.Repeat("ab", 32)
	_, flat = formText(t, func(w *bytes.Buffer, b *dossier.Book, r *dossier.Ranking) error {
		_, err := WriteReport(w, b, r, Options{LogHead: head, Flags: flags})
		return err
	}, b)
	for _, want := range []string{"评审结果报告", dossier.Fingerprint(b), head, "主任委员：", "委员：", "监督人：",
		"已由监督组王某复核：核对无误", "郑州市教育局（HN2022-001"} {
		if !strings.Contains(flat, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, e := range b.Evaluators {
		if !strings.Contains(flat, strings.ReplaceAll(e.Name, " ", "")) {
			t.Errorf("report lacks evaluator %s", e.Name)
		}
	}
}

// TestFormsGolden compares the demo's forms with testdata/*.golden.txt
// (`go test ./export/pdf -run FormsGolden -update` rewrites them).
func TestFormsGolden(t *testing.T) {
	b := demoBook(t)
	r := dossier.Rank(b)
	for name, write := range map[string]func(*bytes.Buffer) error{
		"scoresheets":   func(w *bytes.Buffer) error { _, err := WriteScoresheets(w, b, r, Options{}); return err },
		"summary-sheet": func(w *bytes.Buffer) error { _, err := WriteSummarySheet(w, b, r, Options{}); return err },
		"declarations":  func(w *bytes.Buffer) error { _, err := WriteDeclarations(w, b, r, Options{}); return err },
		"report":        func(w *bytes.Buffer) error { _, err := WriteReport(w, b, r, Options{}); return err },
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := write(&buf); err != nil {
				t.Fatal(err)
			}
			var again bytes.Buffer
			if err := write(&again); err != nil || !bytes.Equal(buf.Bytes(), again.Bytes()) {
				t.Fatalf("two writes differ (%v)", err)
			}
			got := goldenText(poppler(t, "pdftotext", buf.Bytes(), "-layout"))
			golden.Check(t, filepath.Join("testdata", name+".golden.txt"), []byte(got))
		})
	}
}

// TestCapsInTheDocuments: with 3 places and at most one per 地市, the demo's
// 郑州市金水区教育局 is passed over; the dossier's rule page names the cap, its
// ranking table marks the unit, the report says so and the notice leaves it
// out while listing 开封市人力资源和社会保障局 in its place.
func TestCapsInTheDocuments(t *testing.T) {
	b := demoBook(t)
	b.Campaign.Quota, b.Campaign.RegionCap = 3, 1
	write := func(f func(*bytes.Buffer, *dossier.Book, *dossier.Ranking) (*Report, error)) string {
		_, flat := formText(t, func(w *bytes.Buffer, b *dossier.Book, r *dossier.Ranking) error { _, err := f(w, b, r); return err }, b)
		return flat
	}
	dossierText := write(func(w *bytes.Buffer, b *dossier.Book, r *dossier.Ranking) (*Report, error) {
		return WriteDossier(w, b, r, Options{})
	})
	for _, want := range []string{"本次评选设有推荐名额限制：每个地市不超过1个", "郑州市已推荐1个，达到地市上限", "受名额限制", "拟推荐单位3个"} {
		if !strings.Contains(dossierText, want) {
			t.Errorf("dossier lacks %q", want)
		}
	}
	report := write(func(w *bytes.Buffer, b *dossier.Book, r *dossier.Ranking) (*Report, error) {
		return WriteReport(w, b, r, Options{})
	})
	if !strings.Contains(report, "郑州市金水区教育局（第3名）受“每个地市不超过1个”限制未列入") {
		t.Errorf("report: %s", report)
	}
	b.Campaign.NoticeStart, b.Campaign.ObjectionContact = "2026-09-28", "省教育厅基础教育处\n电话 0371-66660000"
	notice := write(func(w *bytes.Buffer, b *dossier.Book, r *dossier.Ranking) (*Report, error) {
		return WriteNotice(w, b, r, Options{})
	})
	for _, want := range []string{"公示期：2026年9月28日至2026年10月9日（5个工作日）", "异议受理：省教育厅基础教育处电话0371-66660000", "开封市人力资源和社会保障局"} {
		if !strings.Contains(notice, want) {
			t.Errorf("notice lacks %q:\n%s", want, notice)
		}
	}
	if strings.Contains(notice, "金水区") || strings.Contains(notice, "异议受理联系人") {
		t.Errorf("notice: %s", notice)
	}
}
