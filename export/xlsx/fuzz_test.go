package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"sort"
	"testing"
)

// FuzzReadSubmission feeds whole files to the importer, seeded with the
// blank template and a filled workbook: it must never panic, and refuse
// with a *FileError or return a unit with a name.
func FuzzReadSubmission(f *testing.F) {
	b := testBook()
	f.Add(templateBytes(f, b))
	f.Add(filledWorkbook(f, b, testJPEG(f, 40, 30, 1), testJPEG(f, 30, 20, 2)))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data)
	})
}

// FuzzWorkbookPart replaces one part of a filled workbook (a sheet, the
// shared strings, the styles, a drawing, WPS's cell images…) with fuzzed
// content in a well-formed archive, so the XML readers behind the archive
// check are reached.
func FuzzWorkbookPart(f *testing.F) {
	b := testBook()
	base := filledWorkbook(f, b, testJPEG(f, 40, 30, 1), testJPEG(f, 30, 20, 2))
	parts := partNames(f, base)
	for i, name := range parts {
		if isXMLPart(name) {
			f.Add(uint8(i), partOf(f, base, name))
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, content []byte) {
		name := parts[int(which)%len(parts)]
		data := withEntries(t, base, map[string]*entry{name: ptr(deflated(content))})
		checkRead(t, data)
	})
}

func checkRead(t *testing.T, data []byte) {
	t.Helper()
	sub, err := ReadSubmissionReader("fuzz.xlsx", bytes.NewReader(data), int64(len(data)), testBook())
	if err != nil {
		var fe *FileError
		if !errors.As(err, &fe) || len(fe.Problems) == 0 {
			t.Fatalf("error %T %v", err, err)
		}
		_ = fe.Error()
		return
	}
	if sub.Unit.Name == "" {
		t.Fatal("accepted a unit without a name")
	}
	for _, p := range sub.Unit.Photos {
		if len(p.Data) == 0 || p.Width <= 0 || p.Height <= 0 {
			t.Fatalf("bad photo %s %d×%d", p.Format, p.Width, p.Height)
		}
	}
}

func partNames(t testing.TB, data []byte) []string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	sort.Strings(names)
	return names
}
