package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/export/photo"
)

// Resolutions photos are embedded at, in pixels per inch of the size they
// are printed at.
const (
	// PrintPPI is for the 打印版, the default: about what a laser printer
	// resolves.
	PrintPPI = photo.PrintPPI
	// ScreenPPI is for an 电子版 meant for e-mail and reading on screen.
	ScreenPPI = photo.ScreenPPI
	// lowPPI is the resolution below which a photo is reported as too
	// coarse for its printed size.
	lowPPI = 150
	// slack is how much larger than needed a picture may be and still be
	// embedded as it is stored (no resampling, no recompression).
	slack = 1.1
	// renditionSlack is the same for a rendition made at import for the
	// largest printed size: a photo made smaller to fit the rest of a page
	// (down to 60 %) embeds it as it is, at up to 500 ppi, rather than
	// decode and resample it while the document is written.
	renditionSlack = 1.7
)

// PhotoSource gives the image data of the campaign's photos while a
// document is written, one photo at a time, so that the document never
// holds every picture in memory. The book's photos then carry Format, Width
// and Height but no Data.
type PhotoSource interface {
	// PhotoData returns the photo with the given ID with its Data: the
	// smallest stored version of the picture at least minWidth pixels wide
	// (a print or screen rendition made at import), or the largest one
	// there is. It may be called from several goroutines at once.
	PhotoData(id string, minWidth int) (dossier.Photo, error)
}

// photoRef is a photo placed in the document.
type photoRef struct {
	photo *dossier.Photo
	typ   string // fpdf image type: "JPG" or "PNG"
}

// key names the picture: the same picture placed twice is embedded once.
// Pictures held in memory are named by their content, so the name does not
// depend on the order of the photos; streamed ones by their photo ID.
func (p photoRef) key() string {
	if len(p.photo.Data) > 0 {
		sum := sha256.Sum256(p.photo.Data)
		return fmt.Sprintf("m%x", binary.BigEndian.Uint64(sum[:8]))
	}
	return "s" + p.photo.ID
}

// embed is one picture of the document: an image XObject written after the
// pages, at the resolution its largest placement needs.
type embed struct {
	ref          photoRef
	needW, needH float64 // pixels wanted at the document's resolution
}

// images records the pictures the pages draw and which page uses which.
type images struct {
	ppi    int
	source PhotoSource
	list   []*embed
	index  map[string]int
	pages  map[int][]int // fpdf page number → indices into list, in drawing order
	warned []string      // warnings found while the pictures are written, in order
}

func newImages(ppi int, src PhotoSource) *images {
	if ppi <= 0 {
		ppi = PrintPPI
	}
	return &images{ppi: ppi, source: src, index: map[string]int{}, pages: map[int][]int{}}
}

// name is the resource name of picture i in the pages' /XObject dictionaries.
func imageName(i int) string { return fmt.Sprintf("Ph%d", i+1) }

// place records that page pageNo draws ref in a box w × h millimetres and
// returns the picture's resource name.
func (im *images) place(pageNo int, ref photoRef, w, h float64) string {
	k := ref.key()
	i, ok := im.index[k]
	if !ok {
		i = len(im.list)
		im.index[k] = i
		im.list = append(im.list, &embed{ref: ref})
	}
	e := im.list[i]
	e.needW = max(e.needW, w/25.4*float64(im.ppi))
	e.needH = max(e.needH, h/25.4*float64(im.ppi))
	used := im.pages[pageNo]
	if !containsInt(used, i) {
		im.pages[pageNo] = append(used, i)
	}
	return imageName(i)
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// drawImage is the content stream operator that paints resource name in
// the box (x, y, w, h), millimetres from the page's top-left corner.
func drawImage(name string, x, y, w, h float64) string {
	k := 72 / 25.4
	return fmt.Sprintf("q %.2f 0 0 %.2f %.2f %.2f cm /%s Do Q", w*k, h*k, x*k, (pageH-(y+h))*k, name)
}

// target is the pixel size picture e is embedded at, given its stored
// size: the size the document's resolution asks for, unless the stored
// picture is at most slack times larger (or is smaller), which is then kept.
func (e *embed) target(sw, sh int, slack float64) (int, int, bool) {
	if float64(sw) <= e.needW*slack && float64(sh) <= e.needH*slack {
		return sw, sh, false
	}
	// Keep the aspect ratio: scale by the larger of the two demands.
	s := max(e.needW/float64(sw), e.needH/float64(sh))
	tw := max(1, int(math.Ceil(float64(sw)*s-1e-9)))
	th := max(1, int(math.Ceil(float64(sh)*s-1e-9)))
	return min(tw, sw), min(th, sh), true
}

// data returns the stored picture of e, from memory or the source.
func (im *images) data(e *embed) (dossier.Photo, error) {
	if len(e.ref.photo.Data) > 0 || im.source == nil {
		return *e.ref.photo, nil
	}
	return im.source.PhotoData(e.ref.photo.ID, int(math.Ceil(e.needW)))
}

// placeholder is a light grey pixel, embedded for a picture that could not
// be read when the document was written, so that the page stays whole.
var placeholder = xobject{w: 1, h: 1, cs: "/DeviceGray", filter: "", data: []byte{0xF2}}

// photoLabel names a photo in a warning: its caption or its ID.
func photoLabel(p *dossier.Photo) string {
	if c := bytes.TrimSpace([]byte(p.Caption)); len(c) > 0 {
		return label(string(c))
	}
	return "（无说明）"
}

// streamedInfo checks a photo whose data comes from the PhotoSource by
// what the campaign recorded of it.
func streamedInfo(p *dossier.Photo) (typ string, w, h int, err error) {
	switch p.Format {
	case "jpeg":
		typ = "JPG"
	case "png":
		typ = "PNG"
	default:
		return "", 0, 0, fmt.Errorf("图片格式 %s 无法嵌入", p.Format)
	}
	if p.Width <= 0 || p.Height <= 0 {
		return "", 0, 0, errors.New("图片尺寸为零")
	}
	return typ, p.Width, p.Height, nil
}

// lowResolution warns when a pw × ph pixel photo printed w × h millimetres
// has fewer than about 150 pixels an inch: it will print blurred or
// blocky, and a clearer original should be asked for. It is given the size
// the picture is printed at in its frame, after any shrinking to fit.
func lowResolution(c *composer, unit string, p *dossier.Photo, pw, ph int, w, h float64) {
	ppi := min(float64(pw)/(w/25.4), float64(ph)/(h/25.4))
	if ppi >= lowPPI-0.5 {
		return
	}
	c.warn.addLine(fmt.Sprintf("%s 图片“%s”分辨率偏低：%d×%d像素印成%.0f×%.0f毫米，约%.0f ppi，低于%d ppi，打印会模糊；请换用更清晰的原图（清晰打印需约%d ppi）",
		unit, photoLabel(p), pw, ph, w, h, ppi, lowPPI, PrintPPI))
}
