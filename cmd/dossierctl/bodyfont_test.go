package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSettingsBodyFont checks settings --body-font: a new campaign prints
// its body in 仿宋, song switches the documents to 宋体 (pdffonts names no
// FandolFang font), the choice survives reopening the file, a face not
// offered is a usage error naming the flag, and the help lists the flag.
func TestSettingsBodyFont(t *testing.T) {
	db := filepath.Join(t.TempDir(), "f.dossier")
	mustCtl(t, "demo", "--db", db)
	if out := mustCtl(t, "settings", "--db", db); !strings.Contains(out, "正文字体：仿宋\n") {
		t.Fatalf("a new campaign's settings:\n%s", out)
	}
	fonts := func() string {
		t.Helper()
		pdffonts, err := exec.LookPath("pdffonts")
		if err != nil {
			t.Skip("pdffonts not installed (apt-get install poppler-utils)")
		}
		pdf := filepath.Join(t.TempDir(), "d.pdf")
		mustCtl(t, "export", "pdf", "--db", db, "--out", pdf, "--kind", "notice")
		out, err := exec.Command(pdffonts, pdf).CombinedOutput()
		if err != nil {
			t.Fatalf("pdffonts: %v\n%s", err, out)
		}
		return string(out)
	}
	if f := fonts(); !strings.Contains(f, "fandolfang") {
		t.Errorf("仿宋 notice without FandolFang:\n%s", f)
	}
	if out := mustCtl(t, "settings", "--db", db, "--body-font", "song"); !strings.Contains(out, "正文字体：宋体\n") {
		t.Errorf("after --body-font song:\n%s", out)
	}
	if out := mustCtl(t, "settings", "--db", db); !strings.Contains(out, "正文字体：宋体\n") {
		t.Errorf("reopened:\n%s", out)
	}
	if f := fonts(); strings.Contains(f, "fandolfang") || !strings.Contains(f, "notoserifsc") {
		t.Errorf("宋体 notice:\n%s", f)
	}
	if code, _, errs := ctl(t, "settings", "--db", db, "--body-font", "kaiti"); code != 2 || !strings.Contains(errs, "--body-font：正文字体“kaiti”无效") {
		t.Errorf("--body-font kaiti: exit %d %s", code, errs)
	}
	if out := mustCtl(t, "settings", "--db", db, "--body-font", "仿宋"); !strings.Contains(out, "正文字体：仿宋\n") {
		t.Errorf("--body-font 仿宋:\n%s", out)
	}
	if _, _, errs := ctl(t, "settings", "--help"); !strings.Contains(errs, "\n  --body-font ") {
		t.Errorf("help lacks --body-font:\n%s", errs)
	}
}
