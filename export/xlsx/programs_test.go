package xlsx

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/dossier-app/dossier/internal/testprog"
)

// libreOfficeResave opens a workbook in LibreOffice headless and saves it
// again as .xlsx: the bytes LibreOffice writes for that content.
func libreOfficeResave(t *testing.T, data []byte) []byte {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "in", "book.xlsx")
	os.MkdirAll(filepath.Dir(in), 0o755)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	outDir := filepath.Join(dir, "out")
	os.MkdirAll(outDir, 0o755)
	out, err := os.ReadFile(testprog.LibreOffice(t, in, outDir, "xlsx:Calc MS Excel 2007 XML"))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// gnumericConvert converts a workbook with Gnumeric's ssconvert into the
// format named by ext (".xlsx" writes Office Open XML with Gnumeric's own
// writer).
func gnumericConvert(t *testing.T, data []byte, ext string) []byte {
	t.Helper()
	ssconvert := testprog.Need(t, "ssconvert")
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
