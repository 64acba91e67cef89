package main

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier/sqlite"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/dossier-app/dossier/export/photo"
)

// TestExportQuality: export pdf --quality print|screen embeds a camera
// photo's print (about 300 ppi) or screen (150 ppi) copy, read from the
// campaign; the campaign keeps the photo as imported.
func TestExportQuality(t *testing.T) {
	if _, err := exec.LookPath("pdfimages"); err != nil {
		t.Skip("pdfimages not installed (apt-get install poppler-utils)")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "d.dossier")
	mustCtl(t, "demo", "--db", db)
	img := image.NewRGBA(image.Rect(0, 0, 3200, 2400))
	for y := 0; y < 2400; y++ {
		for x := 0; x < 3200; x++ {
			img.Set(x, y, color.RGBA{uint8(x / 13), uint8(y / 10), 120, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	ph, err := photo.Normalize(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	ph.Caption = "相机原图"
	ctx := context.Background()
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := s.Book(ctx, store.LoadOptions{})
	u, err := s.Unit(ctx, b.UnitByCode("HN2022-002").ID)
	if err != nil {
		t.Fatal(err)
	}
	u.Photos = append(u.Photos, ph)
	if err := s.SetMaterial(ctx, &u, "加一张相机照片"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	sizes := map[string]int64{}
	for _, q := range []string{"print", "screen"} {
		out := filepath.Join(dir, q+".pdf")
		mustCtl(t, "export", "pdf", "--db", db, "--unit", "HN2022-002", "--quality", q, "--out", out)
		list, err := exec.Command("pdfimages", "-list", out).CombinedOutput()
		if err != nil {
			t.Fatalf("pdfimages: %v\n%s", err, list)
		}
		want := map[string]string{"print": " 1576  1182 ", "screen": "  788   591 "}[q]
		if !strings.Contains(string(list), want) {
			t.Errorf("--quality %s: no %q image:\n%s", q, want, list)
		}
		st, _ := os.Stat(out)
		sizes[q] = st.Size()
	}
	if sizes["screen"] >= sizes["print"] {
		t.Errorf("screen %d bytes, print %d", sizes["screen"], sizes["print"])
	}
	// The stored photo is the one imported (2400 × 1800), not a copy.
	s, err = sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	u, _ = s.Unit(ctx, u.ID)
	last := u.Photos[len(u.Photos)-1]
	if last.Width != 2400 || last.Height != 1800 || !bytes.Equal(last.Data, ph.Data) {
		t.Errorf("stored photo %d×%d changed", last.Width, last.Height)
	}
	if code, _, errs := ctl(t, "export", "pdf", "--db", db, "--quality", "best", "--out", filepath.Join(dir, "x.pdf")); code != 2 || !strings.Contains(errs, "--quality") {
		t.Errorf("--quality best: exit %d, %s", code, errs)
	}
}
