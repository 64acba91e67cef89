package photo

import (
	"bytes"
	"fmt"
	"image/jpeg"
	"testing"
)

// TestRenditions: a camera photo gets a print copy (about 300 ppi of the
// 150 × 100 mm box it prints in at most) and a screen copy (150 ppi); a
// small one gets none; the stored picture is unchanged by them.
func TestRenditions(t *testing.T) {
	for _, tc := range []struct {
		name string
		w, h int
		want [][2]int
	}{
		{"4:3 camera photo", 4000, 3000, [][2]int{{1576, 1182}, {788, 591}}},
		{"3:2 already 2400 wide", 2400, 1600, [][2]int{{1772, 1182}, {886, 591}}},
		{"portrait", 1800, 2400, [][2]int{{887, 1182}, {444, 591}}},
		{"between print and screen", 1000, 750, [][2]int{{788, 591}}},
		{"small", 640, 480, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := encodeJPEG(t, halves(tc.w, tc.h))
			p, err := Normalize(src)
			if err != nil {
				t.Fatal(err)
			}
			var got [][2]int
			for _, r := range p.Renditions {
				got = append(got, [2]int{r.Width, r.Height})
				img, err := jpeg.Decode(bytes.NewReader(r.Data))
				if err != nil || r.Format != "jpeg" {
					t.Fatalf("rendition %d×%d: %s %v", r.Width, r.Height, r.Format, err)
				}
				if b := img.Bounds(); b.Dx() != r.Width || b.Dy() != r.Height {
					t.Errorf("rendition says %d×%d, decodes %v", r.Width, r.Height, b)
				}
				// The picture is still red on the left, blue on the right.
				if !near(img.At(r.Width/4, r.Height/2), 200, 0, 0) || !near(img.At(3*r.Width/4, r.Height/2), 0, 0, 200) {
					t.Errorf("rendition %d×%d lost the picture", r.Width, r.Height)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("renditions %v, want %v", got, tc.want)
			}
			if tc.w <= LongSide && tc.h <= LongSide && p.Width != tc.w {
				t.Errorf("stored picture rescaled to %d×%d", p.Width, p.Height)
			}
		})
	}
}

// TestNormalizeAll: the parallel form gives what Normalize gives, in order.
func TestNormalizeAll(t *testing.T) {
	var in [][]byte
	for i := 0; i < 6; i++ {
		in = append(in, encodeJPEG(t, halves(2000+100*i, 1500)))
	}
	in = append(in, []byte("not a picture"))
	got, errs := NormalizeAll(in)
	for i, d := range in {
		want, werr := Normalize(d)
		if (werr == nil) != (errs[i] == nil) {
			t.Fatalf("%d: error %v, want %v", i, errs[i], werr)
		}
		if !bytes.Equal(got[i].Data, want.Data) || len(got[i].Renditions) != len(want.Renditions) {
			t.Errorf("%d: differs from Normalize", i)
		}
		for k := range want.Renditions {
			if !bytes.Equal(got[i].Renditions[k].Data, want.Renditions[k].Data) {
				t.Errorf("%d: rendition %d differs", i, k)
			}
		}
	}
}
