package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needProgram returns the path of a program the test drives (LibreOffice,
// Gnumeric, node). CI installs them all (.ci/run); a machine without one
// skips the test, unless DOSSIER_REQUIRE_PROGRAMS is set (CI sets it).
func needProgram(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("DOSSIER_REQUIRE_PROGRAMS") != "" {
			t.Fatalf("%s is required (DOSSIER_REQUIRE_PROGRAMS) but not installed", name)
		}
		t.Skipf("%s not installed", name)
	}
	return p
}

// convertWithLibreOffice converts src with LibreOffice headless into dir
// with the given --convert-to argument ("ods", "xls", "csv:Text - txt - csv
// (StarCalc):44,34,76", "xlsx:Calc MS Excel 2007 XML") and returns the new
// file's path.
func convertWithLibreOffice(t *testing.T, src, dir, to string) string {
	t.Helper()
	soffice := needProgram(t, "soffice")
	profile := filepath.Join(t.TempDir(), "lo-profile")
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+profile, "--headless", "--norestore",
		"--convert-to", to, "--outdir", dir, src)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s", to, err, out)
	}
	ext, _, _ := strings.Cut(to, ":")
	out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))+"."+ext)
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("soffice wrote no %s", out)
	}
	return out
}
