package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

// photoBook is the demo book with large photos: unit 1 has a 2400 × 1600
// JPEG and a 1600 × 2000 PNG, unit 2 a 40 × 30 JPEG (blown up far beyond
// 150 ppi), unit 3 the same JPEG as unit 1, the others none.
func photoBook(t testing.TB) *dossier.Book {
	b := testBook(t)
	bigOnce.Do(func() {
		bigPhotos = []dossier.Photo{testPhoto(t, "jpeg", 2400, 1600, 7), testPhoto(t, "png", 1600, 2000, 8), testPhoto(t, "jpeg", 40, 30, 9)}
	})
	for i := range b.Units {
		b.Units[i].Photos = nil
	}
	big, tall, tiny := bigPhotos[0], bigPhotos[1], bigPhotos[2]
	set := func(u *dossier.Unit, ps ...dossier.Photo) {
		u.Photos = nil
		for i, p := range ps {
			p.ID, p.Caption = fmt.Sprintf("%s-big%d", u.ID, i), fmt.Sprintf("大图%d", i)
			u.Photos = append(u.Photos, p)
		}
	}
	set(&b.Units[0], big, tall)
	set(&b.Units[1], tiny)
	set(&b.Units[2], big)
	return b
}

var (
	bigOnce   sync.Once
	bigPhotos []dossier.Photo
	printOnce sync.Once
	printDoc  []byte
	printRep  *Report
)

// printDossier is photoBook's dossier at print resolution, made once.
func printDossier(t *testing.T) ([]byte, *Report) {
	printOnce.Do(func() { printDoc, printRep = writePhotoDossier(t, photoBook(t), Options{}) })
	if printRep == nil {
		t.Fatal("no document")
	}
	return printDoc, printRep
}

// pdfPage is what a page object of our output says about pictures.
type pdfPage struct {
	resources []string // names in the page's /XObject dictionary
	drawn     []string // names its content stream paints
	placed    []placement
}

// placement is where a page paints a picture, in points from the page's
// bottom-left corner (the content stream's cm operator).
type placement struct {
	name       string
	w, h, x, y float64
}

var (
	pageObj    = regexp.MustCompile(`(?s)\n\d+ 0 obj\n<</Type /Page\n(.*?)\nendobj`)
	xobjDict   = regexp.MustCompile(`(?s)/XObject <<\n(.*?)>>`)
	xobjName   = regexp.MustCompile(`/(Ph\d+) \d+ 0 R`)
	contentRef = regexp.MustCompile(`/Contents (\d+) 0 R`)
	doOp       = regexp.MustCompile(`/(Ph\d+) Do`)
	placedOp   = regexp.MustCompile(`q ([\d.]+) 0 0 ([\d.]+) ([\d.]+) ([\d.]+) cm /(Ph\d+) Do Q`)
)

// pdfPages parses the pages of a document we wrote.
func pdfPages(t *testing.T, doc []byte) []pdfPage {
	t.Helper()
	var out []pdfPage
	for _, m := range pageObj.FindAllSubmatch(doc, -1) {
		var pg pdfPage
		if x := xobjDict.FindSubmatch(m[1]); x != nil {
			for _, n := range xobjName.FindAllSubmatch(x[1], -1) {
				pg.resources = append(pg.resources, string(n[1]))
			}
		} else if !bytes.Contains(m[1], []byte("/Resources 2 0 R")) {
			t.Fatalf("page without resources: %s", m[1])
		}
		c := contentRef.FindSubmatch(m[1])
		if c == nil {
			t.Fatalf("page without contents: %s", m[1])
		}
		head := regexp.MustCompile(`\n` + string(c[1]) + ` 0 obj\n<</Filter /FlateDecode /Length (\d+)>>\nstream\n`)
		loc := head.FindSubmatchIndex(doc)
		if loc == nil {
			t.Fatalf("content stream %s not found", c[1])
		}
		n, _ := strconv.Atoi(string(doc[loc[2]:loc[3]]))
		zr, err := zlib.NewReader(bytes.NewReader(doc[loc[1] : loc[1]+n]))
		if err != nil {
			t.Fatal(err)
		}
		content, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range doOp.FindAllSubmatch(content, -1) {
			if !slices.Contains(pg.drawn, string(d[1])) {
				pg.drawn = append(pg.drawn, string(d[1]))
			}
		}
		for _, m := range placedOp.FindAllSubmatch(content, -1) {
			var v [4]float64
			for i := range v {
				v[i], _ = strconv.ParseFloat(string(m[i+1]), 64)
			}
			pg.placed = append(pg.placed, placement{string(m[5]), v[0], v[1], v[2], v[3]})
		}
		out = append(out, pg)
	}
	return out
}

func writePhotoDossier(t *testing.T, b *dossier.Book, opt Options) ([]byte, *Report) {
	t.Helper()
	var buf bytes.Buffer
	rep, err := WriteDossier(&buf, b, nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), rep
}

// TestPageResources: each page's /Resources lists exactly the pictures its
// content draws, so a page cut out carries only its own pictures.
func TestPageResources(t *testing.T) {
	doc, rep := printDossier(t)
	pages := pdfPages(t, doc)
	if len(pages) != rep.Pages {
		t.Fatalf("%d page objects, report says %d pages", len(pages), rep.Pages)
	}
	withPhotos := 0
	for i, pg := range pages {
		if !slices.Equal(pg.resources, pg.drawn) {
			t.Errorf("page %d: resources %v, draws %v", i+1, pg.resources, pg.drawn)
		}
		if len(pg.drawn) > 0 {
			withPhotos++
		}
	}
	// Three distinct pictures (unit 3 reuses unit 1's): three XObjects.
	if rep.Images != 3 {
		t.Errorf("Images = %d, want 3 (the same picture embedded once)", rep.Images)
	}
	if withPhotos < 3 {
		t.Errorf("%d pages draw photos, want at least 3", withPhotos)
	}
	if got := bytes.Count(doc, []byte("/Subtype /Image")); got != 3 {
		t.Errorf("%d image objects in the file, want 3", got)
	}

	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf not installed (apt-get install qpdf)")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "d.pdf")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors") {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	// A page without photos, cut out, is small; one with the big photo
	// carries that photo only.
	for i, pg := range pages {
		if len(pg.drawn) > 0 {
			continue
		}
		one := filepath.Join(dir, "one.pdf")
		if out, err := exec.Command("pdfseparate", "-f", strconv.Itoa(i+1), "-l", strconv.Itoa(i+1), path, one).CombinedOutput(); err != nil {
			t.Fatalf("pdfseparate: %v\n%s", err, out)
		}
		cut, err := os.ReadFile(one)
		if err != nil {
			t.Fatal(err)
		}
		if l := pdfimagesList(t, cut); len(l) != 0 {
			t.Errorf("page %d without photos cut out carries pictures: %v", i+1, l)
		}
		if int64(len(cut)) > int64(len(doc))-rep.ImageBytes/2 {
			t.Errorf("page %d cut out is %d bytes of the document's %d", i+1, len(cut), len(doc))
		}
		break
	}
}

// pdfimagesList runs pdfimages -list and returns, per image object, its
// width, height and lowest x-ppi over its placements.
func pdfimagesList(t *testing.T, doc []byte) map[string][3]int {
	t.Helper()
	out := poppler(t, "pdfimages", doc, "-list")
	m := map[string][3]int{}
	for _, line := range strings.Split(out, "\n")[2:] {
		f := strings.Fields(line)
		if len(f) < 14 {
			continue
		}
		w, _ := strconv.Atoi(f[3])
		h, _ := strconv.Atoi(f[4])
		ppi, _ := strconv.Atoi(f[12])
		if old, ok := m[f[10]]; ok && old[2] < ppi {
			ppi = old[2]
		}
		m[f[10]] = [3]int{w, h, ppi}
	}
	return m
}

// TestPhotoResolution: large photos are embedded at about 300 ppi of the
// largest size they are printed at (the 2400 × 1600 photo, printed 133 mm
// wide at most here, at 1571 × 1048; the 1600 × 2000 PNG 80 × 100 mm at
// 945 × 1182), or 150 ppi for the screen; a picture smaller than that is
// embedded as it is.
func TestPhotoResolution(t *testing.T) {
	b := photoBook(t)
	for _, tc := range []struct {
		name string
		ppi  int
		want [][2]int
	}{
		{"print", 0, [][2]int{{1571, 1048}, {945, 1182}}},
		{"screen", ScreenPPI, [][2]int{{786, 524}, {473, 591}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, rep := printDossier(t)
			if tc.ppi != 0 {
				doc, rep = writePhotoDossier(t, b, Options{PPI: tc.ppi})
			}
			list := pdfimagesList(t, doc)
			found := map[[2]int]int{}
			for _, v := range list {
				found[[2]int{v[0], v[1]}] = v[2]
			}
			want := PrintPPI
			if tc.ppi != 0 {
				want = tc.ppi
			}
			for _, size := range tc.want {
				ppi, ok := found[size]
				if !ok {
					t.Fatalf("no %v image embedded; images: %v", size, list)
				}
				if ppi < want-3 || ppi > want+3 {
					t.Errorf("the %v image is at %d ppi at its largest, want about %d", size, ppi, want)
				}
			}
			if _, ok := found[[2]int{40, 30}]; !ok {
				t.Errorf("the 40×30 picture is not embedded as it is: %v", list)
			}
			if rep.ImageBytes <= 0 || int64(len(doc)) < rep.ImageBytes {
				t.Errorf("ImageBytes %d, file %d", rep.ImageBytes, len(doc))
			}
		})
	}
	// The PNG keeps its lossless form: Flate, not DCT.
	doc, _ := printDossier(t)
	if !bytes.Contains(doc, []byte("/Filter /FlateDecode\n/Length")) || !bytes.Contains(doc, []byte("/Filter /DCTDecode\n")) {
		t.Error("want one Flate (PNG) and DCT (JPEG) images")
	}
}

func TestLowResolutionWarning(t *testing.T) {
	_, rep := printDossier(t)
	var low []string
	for _, w := range rep.Warnings {
		if strings.Contains(w, "分辨率偏低") {
			low = append(low, w)
		}
	}
	if len(low) != 1 || !strings.Contains(low[0], "40×30像素印成") || !strings.Contains(low[0], "大图0") {
		t.Fatalf("want one warning for the 40×30 picture, got %q", low)
	}
}

// memSource serves photos from a book, counting what is asked.
type memSource struct {
	mu     sync.Mutex
	photos map[string]dossier.Photo
	asked  map[string]int // photo ID → minWidth asked
}

func (s *memSource) PhotoData(id string, minWidth int) (dossier.Photo, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.photos[id]
	if !ok {
		return dossier.Photo{}, fmt.Errorf("no photo %s", id)
	}
	s.asked[id] = minWidth
	return p, nil
}

// TestStreamedPhotos: photos given by a PhotoSource, the book holding none
// of their data, make the same bytes as photos held in memory, and each is
// asked for at the width its placement needs.
func TestStreamedPhotos(t *testing.T) {
	b := photoBook(t)
	// Unit 3's photo is a copy (another ID): streamed, it is embedded twice,
	// in memory once; make it distinct so both ways agree.
	b.Units[2].Photos[0] = testPhoto(t, "jpeg", 300, 200, 11)
	b.Units[2].Photos[0].ID, b.Units[2].Photos[0].Caption = "u3-big0", "大图0"
	want, _ := writePhotoDossier(t, b, Options{})

	src := &memSource{photos: map[string]dossier.Photo{}, asked: map[string]int{}}
	for i := range b.Units {
		for j := range b.Units[i].Photos {
			p := &b.Units[i].Photos[j]
			src.photos[p.ID] = *p
			p.Data = nil
		}
	}
	got, rep := writePhotoDossier(t, b, Options{Photos: src})
	if !bytes.Equal(got, want) {
		t.Fatal("streamed photos give other bytes than photos in memory")
	}
	if rep.Images != 4 {
		t.Errorf("Images = %d, want 4", rep.Images)
	}
	if w := src.asked["u1-big0"]; w != 1229 && w != 1571 {
		t.Errorf("the 2400×1600 photo was asked at width %d", w)
	}
	// A photo the source cannot give is a grey box and a warning.
	delete(src.photos, "u3-big0")
	_, rep = writePhotoDossier(t, b, Options{Photos: src})
	if !slices.ContainsFunc(rep.Warnings, func(s string) bool { return strings.Contains(s, "无法嵌入") && strings.Contains(s, "大图0") }) {
		t.Errorf("no warning for a missing photo: %q", rep.Warnings)
	}
}

// TestTarget: a stored picture is resampled only when it is well over the
// size needed; a rendition made for the largest printed size is kept for a
// photo shrunk to 60 % to fit a page.
func TestTarget(t *testing.T) {
	shrunk := &embed{needW: 0.6 * 1576, needH: 0.6 * 1182}
	if _, _, scale := shrunk.target(1576, 1182, renditionSlack); scale {
		t.Error("the print rendition of a photo shrunk to 60 % is resampled")
	}
	if w, h, scale := shrunk.target(1576, 1182, slack); !scale || w != 946 || h != 710 {
		t.Errorf("an original at 1576×1182 for 946×710: %d×%d %v", w, h, scale)
	}
	full := &embed{needW: 1771.7, needH: 1181.1}
	if w, h, scale := full.target(2400, 1600, slack); !scale || w != 1772 || h != 1182 {
		t.Errorf("2400×1600 at 150×100 mm, 300 ppi: %d×%d %v", w, h, scale)
	}
	if _, _, scale := full.target(1800, 1200, slack); scale {
		t.Error("a picture 2 % over the size needed is resampled")
	}
}

// imageObj is what an image XObject of our output declares, and its data.
type imageObj struct {
	w, h      int
	cs        string
	filter    string
	transform int // /ColorTransform, -1 when there are no /DecodeParms
	data      []byte
}

var (
	imageHead = regexp.MustCompile(`(?s)\n(\d+) 0 obj\n<</Type /XObject\n/Subtype /Image\n(.*?)/Length (\d+)>>\nstream\n`)
	dictInt   = func(key string) *regexp.Regexp { return regexp.MustCompile(`/` + key + ` (\d+)`) }
	dictName  = func(key string) *regexp.Regexp { return regexp.MustCompile(`/` + key + ` (/\w+)`) }
)

// imageObjects parses every image XObject of a document we wrote.
func imageObjects(t *testing.T, doc []byte) map[string]imageObj {
	t.Helper()
	out := map[string]imageObj{}
	for _, m := range imageHead.FindAllSubmatchIndex(doc, -1) {
		dict := doc[m[4]:m[5]]
		n, _ := strconv.Atoi(string(doc[m[6]:m[7]]))
		x := imageObj{transform: -1, data: doc[m[1] : m[1]+n]}
		x.w, _ = strconv.Atoi(string(dictInt("Width").FindSubmatch(dict)[1]))
		x.h, _ = strconv.Atoi(string(dictInt("Height").FindSubmatch(dict)[1]))
		x.cs = string(dictName("ColorSpace").FindSubmatch(dict)[1])
		if f := dictName("Filter").FindSubmatch(dict); f != nil {
			x.filter = string(f[1])
		}
		if ct := regexp.MustCompile(`/DecodeParms <</ColorTransform (\d)>>`).FindSubmatch(dict); ct != nil {
			x.transform = int(ct[1][0] - '0')
		}
		if !bytes.HasPrefix(doc[m[1]+n:], []byte("\nendstream\nendobj\n")) {
			t.Fatalf("image object %s: /Length %d does not end at endstream", doc[m[2]:m[3]], n)
		}
		out[string(doc[m[2]:m[3]])] = x
	}
	return out
}

// adobeRGB inserts an Adobe APP14 marker saying "no colour transform"
// after the SOI of jpg: a JPEG of RGB samples, as some cameras and
// editors write. (The samples are YCbCr here; only the marker matters.)
func adobeRGB(jpg []byte) []byte {
	app14 := []byte{0xFF, 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0}
	return append(append(append([]byte(nil), jpg[:2]...), app14...), jpg[2:]...)
}

// TestJPEGStreamsDecode: every DCT image stream is a JPEG that decodes to
// the size and colour space its dictionary declares, and its explicit
// /ColorTransform says what the data holds (1 for YCbCr, 0 for RGB or grey),
// so every reader converts the colours the same way. qpdf does not decode
// DCT streams that carry /DecodeParms (see README "Photos in the PDF"), so
// this test is what checks the JPEG data.
func TestJPEGStreamsDecode(t *testing.T) {
	b := photoBook(t)
	grey := func(w, h int) dossier.Photo {
		img := image.NewGray(image.Rect(0, 0, w, h))
		for i := range img.Pix {
			img.Pix[i] = uint8(i * 7)
		}
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
			t.Fatal(err)
		}
		return dossier.Photo{Format: "jpeg", Width: w, Height: h, Data: buf.Bytes()}
	}
	rgb := testPhoto(t, "jpeg", 600, 400, 12)
	rgb.Data = adobeRGB(rgb.Data)
	// As stored: small grey, Adobe RGB; re-encoded: a large grey one.
	extra := []dossier.Photo{grey(300, 200), rgb, grey(3000, 2000)}
	for i := range extra {
		extra[i].ID, extra[i].Caption = fmt.Sprintf("x%d", i), fmt.Sprintf("另图%d", i)
	}
	b.Units[3].Photos = extra
	doc, _ := writePhotoDossier(t, b, Options{})
	objs := imageObjects(t, doc)
	seen := map[string]int{}
	for id, x := range objs {
		if x.filter != "/DCTDecode" {
			if x.transform != -1 {
				t.Errorf("object %s (%s) has /DecodeParms", id, x.filter)
			}
			continue
		}
		img, err := jpeg.Decode(bytes.NewReader(x.data))
		if err != nil {
			t.Errorf("object %s: the DCT stream is not a readable JPEG: %v", id, err)
			continue
		}
		if bd := img.Bounds(); bd.Dx() != x.w || bd.Dy() != x.h {
			t.Errorf("object %s: declares %d×%d, the JPEG is %v", id, x.w, x.h, bd.Size())
		}
		var cs string
		var transform int
		switch img.(type) {
		case *image.YCbCr:
			cs, transform = "/DeviceRGB", 1
		case *image.RGBA:
			cs, transform = "/DeviceRGB", 0
		case *image.Gray:
			cs, transform = "/DeviceGray", 0
		default:
			t.Errorf("object %s: JPEG of %T embedded", id, img)
		}
		if x.cs != cs || x.transform != transform {
			t.Errorf("object %s: %s /ColorTransform %d, the JPEG holds %T (want %s, %d)", id, x.cs, x.transform, img, cs, transform)
		}
		seen[fmt.Sprintf("%s %d", cs, transform)]++
	}
	for _, k := range []string{"/DeviceRGB 1", "/DeviceRGB 0", "/DeviceGray 0"} {
		if seen[k] == 0 {
			t.Errorf("no %s JPEG among the images: %v", k, seen)
		}
	}
	if seen["/DeviceGray 0"] < 2 {
		t.Errorf("want the grey JPEG kept and the large one re-encoded as grey: %v", seen)
	}
}

// TestPhotosOnAPageShareOneSize is issue 9 item 10: photos that share a
// page are printed in one frame size, each fitted inside with its aspect
// kept. A unit with photos of five shapes and pixel sizes, whose largest
// frame is 150 × 100 mm (the 3:2 and 16:9 ones 150 mm wide, the 3:4 one
// 100 mm high): on every page, the pictures are centred, and each is the
// page's frame, 150 × 100 mm times one factor of at least 0.6, fitted to
// its shape (as wide or as high as the frame, not more), so pictures of
// one shape are printed at one size. A 120 × 90 px picture, too small for
// its frame, is the exception: centred in the frame, not blown up, and
// warned about at the size it is printed.
func TestPhotosOnAPageShareOneSize(t *testing.T) {
	b := testBook(t)
	u := b.Unit("u1")
	shapes := [][2]int{{1600, 1200}, {1200, 900}, {1800, 1200}, {900, 1200}, {1920, 1080}}
	u.Photos = nil
	for i := 0; i < 11; i++ {
		s := shapes[i%len(shapes)]
		ph := testPhoto(t, "jpeg", s[0], s[1], i)
		if i == 7 {
			ph = testPhoto(t, "jpeg", 120, 90, i)
		}
		ph.ID, ph.Caption = fmt.Sprintf("s%d", i), fmt.Sprintf("第%d张", i)
		if i >= 5 {
			ph.CategoryID = b.Categories[0].ID
		}
		u.Photos = append(u.Photos, ph)
	}
	shared, tiny := checkPhotoFrames(t, b, 150, 100)
	if shared < 3 || !tiny {
		t.Errorf("%d pages with several photos (want at least 3), tiny picture placed: %v", shared, tiny)
	}
}

// checkPhotoFrames writes u1's PDF and checks, on each page with several
// photos, that they share one frame, the unit's frame of fw × fh mm times
// one factor; it returns the number of such pages and whether the tiny
// picture was among them.
func checkPhotoFrames(t *testing.T, b *dossier.Book, fw, fh float64) (shared int, tiny bool) {
	t.Helper()
	var buf bytes.Buffer
	rep, err := WriteUnit(&buf, b, dossier.Rank(b), "u1", Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Resource name → the embedded picture's pixels (a name is one
	// picture throughout the document).
	pixels := map[string][2]int{}
	objs := imageObjects(t, buf.Bytes())
	for _, m := range regexp.MustCompile(`/(Ph\d+) (\d+) 0 R`).FindAllSubmatch(buf.Bytes(), -1) {
		x := objs[string(m[2])]
		pixels[string(m[1])] = [2]int{x.w, x.h}
	}
	const eps = 0.02 // the content stream's two decimals
	for pi, pg := range pdfPages(t, buf.Bytes()) {
		if len(pg.placed) < 2 {
			continue
		}
		shared++
		// The page's factor: what the largest picture fills of the frame.
		fit := func(p placement) float64 { return max(p.w/72*25.4/fw, p.h/72*25.4/fh) }
		s := 0.0
		for _, p := range pg.placed {
			if pixels[p.name][0] > 200 {
				s = max(s, fit(p))
			}
		}
		if s < 0.6-1e-3 || s > 1+1e-3 {
			t.Errorf("page %d: the photos' frame is %.2f of the unit's", pi+1, s)
		}
		size := map[float64][2]float64{} // aspect (two decimals) → printed size
		for _, p := range pg.placed {
			px := pixels[p.name]
			if cx := p.x + p.w/2; math.Abs(cx-(marginL+blockW/2)*72/25.4) > eps {
				t.Errorf("page %d: %s centred at %.2f pt", pi+1, p.name, cx)
			}
			if px[0] <= 200 {
				tiny = true
				wmm, hmm := p.w/72*25.4, p.h/72*25.4
				if fit(p) > s+1e-3 || wmm > 40.1 {
					t.Errorf("page %d: the 120×90 picture is printed %.1f × %.1f mm", pi+1, wmm, hmm)
				}
				want := fmt.Sprintf("120×90像素印成%.0f×%.0f毫米", wmm, hmm)
				if !slices.ContainsFunc(rep.Warnings, func(s string) bool { return strings.Contains(s, want) }) {
					t.Errorf("no warning saying %q: %q", want, rep.Warnings)
				}
				continue
			}
			if f := fit(p); math.Abs(f-s) > 1e-3 {
				t.Errorf("page %d: %s (%v px) is printed %.1f × %.1f mm, %.3f of the unit's frame; the largest on its page %.3f", pi+1, p.name, px, p.w/72*25.4, p.h/72*25.4, f, s)
			}
			aspect := math.Round(float64(px[0])/float64(px[1])*100) / 100
			if old, ok := size[aspect]; ok && (math.Abs(old[0]-p.w) > eps || math.Abs(old[1]-p.h) > eps) {
				t.Errorf("page %d: two %v pictures at %.2f × %.2f and %.2f × %.2f pt", pi+1, aspect, old[0], old[1], p.w, p.h)
			}
			size[aspect] = [2]float64{p.w, p.h}
		}
	}
	return shared, tiny
}
