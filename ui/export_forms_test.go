package ui

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportForms: the export screen makes the four signable forms of the
// demo, each with its signature lines.
func TestExportForms(t *testing.T) {
	a, _ := newTestApp(t)
	if err := a.OpenDemo(filepath.Join(t.TempDir(), "demo.dossier")); err != nil {
		t.Fatal(err)
	}
	s := a.cur
	a.ShowScreen(ScreenExport)
	et := s.screen(ScreenExport).(*exportTab)
	dir := t.TempDir()
	for kind, want := range map[string][]string{
		docScoreForms:   {"评分表", "评委签字：", "李华（示例）"},
		docSummaryForm:  {"评分汇总表", "计分人：", "复核人：", "监督人："},
		docDeclarations: {"回避声明", "声明人（签字）：", "开封市人力资源和社会保障局"},
		docReport:       {"评审结果报告", "主任委员：", "规则指纹"},
	} {
		j := et.start(kind, filepath.Join(dir, kind+".pdf"), "")
		s.jobs.Wait()
		if j.err != nil {
			t.Errorf("%s: %v", kind, j.err)
			continue
		}
		if _, err := exec.LookPath("pdftotext"); err != nil {
			continue // CI installs poppler-utils
		}
		out, err := exec.Command("pdftotext", "-raw", j.path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		flat := strings.NewReplacer("\n", "", " ", "").Replace(string(out))
		for _, w := range want {
			if !strings.Contains(flat, w) {
				t.Errorf("%s lacks %q", kind, w)
			}
		}
	}
}
