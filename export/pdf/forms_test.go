package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
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
			got := normalise(poppler(t, "pdftotext", buf.Bytes(), "-layout"))
			path := filepath.Join("testdata", name+".golden.txt")
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
				for i := 0; i < min(len(gl), len(wl)); i++ {
					if gl[i] != wl[i] {
						t.Fatalf("%s differs at line %d:\n got %q\nwant %q", path, i+1, gl[i], wl[i])
					}
				}
				t.Fatalf("%s differs in length: %d lines, want %d", path, len(gl), len(wl))
			}
		})
	}
}
