package xlsx

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// needProgram returns the path of a program a test drives (LibreOffice,
// Gnumeric). CI installs them (.ci/run) and sets DOSSIER_REQUIRE_PROGRAMS,
// so that there they run; elsewhere a missing program skips the test.
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

// libreOfficeResave opens a workbook in LibreOffice headless and saves it
// again as .xlsx: the bytes LibreOffice writes for that content.
func libreOfficeResave(t *testing.T, data []byte) []byte {
	t.Helper()
	soffice := needProgram(t, "soffice")
	dir := t.TempDir()
	in := filepath.Join(dir, "in", "book.xlsx")
	os.MkdirAll(filepath.Dir(in), 0o755)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	profile := filepath.Join(dir, "profile")
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+profile, "--headless", "--norestore",
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", filepath.Join(dir, "out"), in)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out, err := os.ReadFile(filepath.Join(dir, "out", "book.xlsx"))
	if err != nil {
		t.Fatalf("soffice wrote nothing: %v", err)
	}
	return out
}

// gnumericConvert converts a workbook with Gnumeric's ssconvert into the
// format named by ext (".xlsx" writes Office Open XML with Gnumeric's own
// writer).
func gnumericConvert(t *testing.T, data []byte, ext string) []byte {
	t.Helper()
	ssconvert := needProgram(t, "ssconvert")
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.xlsx"), filepath.Join(dir, "out"+ext)
	os.WriteFile(in, data, 0o644)
	cmd := exec.Command(ssconvert, in, out)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("ssconvert: %v\n%s", err, msg)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("ssconvert wrote nothing: %v", err)
	}
	return b
}
