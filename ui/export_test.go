package ui

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/export/pdf"
)

func TestExport(t *testing.T) {
	a, _ := newTestApp(t)
	if err := a.OpenDemo(filepath.Join(t.TempDir(), "demo.dossier")); err != nil {
		t.Fatal(err)
	}
	s := a.cur
	a.ShowScreen(ScreenExport)
	et := s.screen(ScreenExport).(*exportTab)
	dir := t.TempDir()

	jobs := map[string]*exportJob{}
	for kind, name := range map[string]string{
		docDossier: "汇编.pdf", docNotice: "公示.pdf", docSummary: "汇总.xlsx", docTemplate: "模板.xlsx", docScoreBooks: "评分表",
	} {
		path := filepath.Join(dir, name)
		if kind == docScoreBooks {
			os.Mkdir(path, 0o755)
		}
		// One at a time: the test driver runs fyne.Do on the calling
		// goroutine, so two jobs would touch widgets at once (the app runs
		// them on its one UI thread).
		jobs[kind] = et.start(kind, path, "")
		s.jobs.Wait()
	}
	et.unitSel.SetText(et.units[1].Code)
	id, _, _ := et.unitCode()
	jobs[docUnit] = et.start(docUnit, filepath.Join(dir, "单位.pdf"), id)
	s.jobs.Wait()
	et.scores.SetChecked(true)
	withScores := et.start(docUnit, filepath.Join(dir, "单位-评分.pdf"), id)
	s.jobs.Wait()
	et.scores.SetChecked(false)
	if withScores.err != nil || !withScores.withScores || jobs[docUnit].withScores {
		t.Errorf("score box checkbox: %v, with %v, without %v", withScores.err, withScores.withScores, jobs[docUnit].withScores)
	} else if _, err := exec.LookPath("pdftotext"); err == nil {
		for path, want := range map[string]bool{jobs[docUnit].path: false, withScores.path: true} {
			out, err := exec.Command("pdftotext", path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(string(out), "评分情况"); got != want {
				t.Errorf("%s: score box %v, want %v", filepath.Base(path), got, want)
			}
		}
	}

	for kind, j := range jobs {
		if j.err != nil {
			t.Errorf("%s: %v", kind, j.err)
			continue
		}
		if kind == docScoreBooks {
			if len(j.files) != 6 {
				t.Errorf("%d score workbooks", len(j.files))
			}
			continue
		}
		data, err := os.ReadFile(j.path)
		if err != nil {
			t.Errorf("%s: %v", kind, err)
			continue
		}
		if strings.HasSuffix(j.path, ".pdf") && !bytes.HasPrefix(data, []byte("%PDF")) {
			t.Errorf("%s is not a PDF", j.path)
		}
		if strings.HasSuffix(j.path, ".xlsx") && !bytes.HasPrefix(data, []byte("PK")) {
			t.Errorf("%s is not a workbook", j.path)
		}
		if !strings.HasPrefix(j.state.Text, "已保存") || j.bar.Visible() {
			t.Errorf("%s: state %q", kind, j.state.Text)
		}
		if !contains(texts(j.buttons), "打开") {
			t.Errorf("%s: no 打开 button", kind)
		}
		if strings.HasSuffix(j.path, ".pdf") && !contains(texts(j.buttons), "打印") {
			t.Errorf("%s: no 打印 button", kind)
		}
	}
	// No temporary files are left behind.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("left %s", e.Name())
		}
	}
	// Score workbooks never replace a file already there.
	j := et.start(docScoreBooks, filepath.Join(dir, "评分表"), "")
	s.jobs.Wait()
	if j.err != nil || !strings.Contains(j.files[0], "(2)") {
		t.Errorf("second export: %v %q", j.err, j.files)
	}
}

// TestExportQuality: the 打印版/电子版 choice sets the resolution the PDF's
// photos are embedded at, and the PDF reads the photos from the campaign.
func TestExportQuality(t *testing.T) {
	a, _ := newTestApp(t)
	if err := a.OpenDemo(filepath.Join(t.TempDir(), "demo.dossier")); err != nil {
		t.Fatal(err)
	}
	s := a.cur
	a.ShowScreen(ScreenExport)
	et := s.screen(ScreenExport).(*exportTab)
	if et.quality.Selected != qualityPrint {
		t.Errorf("default %q, want %s", et.quality.Selected, qualityPrint)
	}
	dir := t.TempDir()
	et.unitSel.SetText("HN2022-002") // the unit with ten photos
	id, _, _ := et.unitCode()
	for _, q := range []string{qualityPrint, qualityScreen} {
		et.quality.SetSelected(q)
		j := et.start(docUnit, filepath.Join(dir, q+".pdf"), id)
		s.jobs.Wait()
		want := map[string]int{qualityPrint: pdf.PrintPPI, qualityScreen: pdf.ScreenPPI}[q]
		if j.err != nil || j.ppi != want {
			t.Fatalf("%s: ppi %d (want %d), %v", q, j.ppi, want, j.err)
		}
		data, _ := os.ReadFile(j.path)
		if !bytes.Contains(data, []byte("/Subtype /Image")) {
			t.Errorf("%s: the unit's photos are missing", q)
		}
	}
}
