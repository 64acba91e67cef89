package pdf

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

var previews = flag.String("previews", "", "write the demo documents and page previews (PNG, 50 dpi) to this directory, e.g. ../../docs")

// TestPreviews renders the demo campaign's dossier and notice and keeps a
// few pages as small PNGs for the documentation:
//
//	go test ./export/pdf -run Previews -previews ../../docs
func TestPreviews(t *testing.T) {
	if *previews == "" {
		t.Skip("no -previews directory")
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm not installed")
	}
	b := demoBook(t)
	r := dossier.Rank(b)
	var dos, notice bytes.Buffer
	if _, err := WriteDossier(&dos, b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteNotice(&notice, b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	for _, p := range []struct {
		pdf  []byte
		page int
		name string
	}{
		{dos.Bytes(), 5, "dossier-ranking"},
		{dos.Bytes(), 7, "dossier-unit"},
		{notice.Bytes(), 1, "notice"},
	} {
		in := filepath.Join(tmp, p.name+".pdf")
		if err := os.WriteFile(in, p.pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		n := strconv.Itoa(p.page)
		out := filepath.Join(*previews, p.name)
		if b, err := exec.Command("pdftoppm", "-r", "50", "-png", "-f", n, "-l", n, "-singlefile", in, out).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, b)
		}
	}
}
