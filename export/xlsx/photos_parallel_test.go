package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/export/photo"
)

// TestPhotosNormalisedInParallelKeepTheirOrder: a workbook's pictures that
// need decoding are normalised on every core, yet come out in sheet order
// with their own captions, each the bytes photo.Normalize gives it alone,
// and a broken one among them is refused at its own cell.
func TestPhotosNormalisedInParallelKeepTheirOrder(t *testing.T) {
	book := benchBook()
	good := photoJPEG(t, 300, 200, 85, 9) // kept as it is
	broken := photoJPEG(t, 2600, 300, 85, 4)
	broken = broken[:len(broken)/2]
	pics := [][]byte{
		photoJPEG(t, 2600, 400, 85, 1), photoJPEG(t, 2800, 300, 85, 2), good,
		broken, photoJPEG(t, 400, 2700, 85, 3),
	}
	data := benchWorkbook(t, book, templateBytes(t, book), 1, pics)
	_, err := ReadSubmissionReader("多图.xlsx", bytes.NewReader(data), int64(len(data)), book)
	fe, ok := err.(*FileError)
	if !ok || len(fe.Problems) != 1 || fe.Problems[0].Sheet != SheetPhotos || fe.Problems[0].Cell != "D5" || !strings.Contains(fe.Problems[0].Message, "损坏") {
		t.Fatalf("want the broken picture refused at 图片!D5 alone, got %v", err)
	}

	pics = append(pics[:3], pics[4])
	data = benchWorkbook(t, book, templateBytes(t, book), 1, pics)
	sub, err := ReadSubmissionReader("多图.xlsx", bytes.NewReader(data), int64(len(data)), book)
	if err != nil {
		t.Fatal(err)
	}
	if len(sub.Unit.Photos) != len(pics) {
		t.Fatalf("%d photos, want %d", len(sub.Unit.Photos), len(pics))
	}
	for i, p := range sub.Unit.Photos {
		want, err := photo.Normalize(pics[i])
		if err != nil {
			t.Fatal(err)
		}
		if caption := "图片" + string(rune('1'+i)); p.Caption != caption {
			t.Errorf("photo %d has caption %q, want %q", i+1, p.Caption, caption)
		}
		if !bytes.Equal(p.Data, want.Data) || p.Width != want.Width || len(p.Renditions) != len(want.Renditions) {
			t.Errorf("photo %d (%d×%d) is not what Normalize makes of its picture alone (%d×%d)", i+1, p.Width, p.Height, want.Width, want.Height)
		}
	}
	if w := sub.Unit.Photos[0].Width; w != photo.LongSide {
		t.Errorf("first photo %d px wide, want it scaled to %d", w, photo.LongSide)
	}
}
