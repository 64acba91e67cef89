package storetest

import (
	"bytes"
	"context"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

// TestPhotoReader: a photo's picture is read back one at a time, as the
// smallest stored copy at least the width asked for; the original is kept.
func testPhotoReader(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := ad.newStore(t)
	b, _ := s.Book(ctx, store.LoadOptions{})
	u := FullUnit(b, "A-1", "单位甲")
	orig := dossier.Photo{Format: "jpeg", Width: 4000, Height: 3000, Data: []byte("original picture"), Caption: "大图",
		Renditions: []dossier.Rendition{
			{Format: "jpeg", Width: 1576, Height: 1182, Data: []byte("print copy")},
			{Format: "jpeg", Width: 788, Height: 591, Data: []byte("screen copy")},
		}}
	u.Photos = []dossier.Photo{orig}
	if err := s.AddUnit(ctx, &u); err != nil {
		t.Fatal(err)
	}
	// The book loaded without pictures still knows each photo's size.
	b, err := s.Book(ctx, store.LoadOptions{Material: true})
	if err != nil {
		t.Fatal(err)
	}
	p := b.UnitByCode("A-1").Photos[0]
	if p.Data != nil || p.Width != 4000 || p.Height != 3000 {
		t.Fatalf("material-only photo = %+v", p)
	}
	r := s.Photos(ctx)
	for _, tc := range []struct {
		min  int
		want string
		w, h int
	}{
		{700, "screen copy", 788, 591},
		{788, "screen copy", 788, 591},
		{1575, "print copy", 1576, 1182},
		{1772, "original picture", 4000, 3000},
		{9000, "original picture", 4000, 3000},
	} {
		got, err := r.PhotoData(p.ID, tc.min)
		if err != nil {
			t.Fatal(err)
		}
		if string(got.Data) != tc.want || got.Width != tc.w || got.Height != tc.h || got.Caption != "大图" {
			t.Errorf("PhotoData(%d) = %q %d×%d, want %q %d×%d", tc.min, got.Data, got.Width, got.Height, tc.want, tc.w, tc.h)
		}
	}
	// The full load still gives the original, never a copy.
	full, _ := s.Unit(ctx, u.ID)
	if !bytes.Equal(full.Photos[0].Data, orig.Data) {
		t.Errorf("stored picture = %q", full.Photos[0].Data)
	}
	if _, err := r.PhotoData("no-such-photo", 1); dossier.ErrorCode(err) != dossier.ENOTFOUND {
		t.Errorf("missing photo: %v", err)
	}
}
