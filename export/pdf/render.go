package pdf

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// meta is the document information dictionary, in Chinese.
type meta struct {
	title, author, subject, keywords string
	date                             time.Time
}

// fallbackDate is the creation date of documents whose campaign has no date:
// a fixed one, so that the same campaign still gives the same bytes.
var fallbackDate = time.Date(2000, 1, 1, 12, 0, 0, 0, time.UTC)

// grey levels of the colours, 0–255.
var rgb = [...][3]int{black: {0, 0, 0}, grey: {110, 110, 110}, red: {192, 0, 0}}

// renderer draws laid-out pages with fpdf. It only prints: every line has
// been filled and placed by the composer, so fpdf's own line breaking (which
// loses a character at each automatic break of Chinese text) is never used.
type renderer struct {
	pdf    *fpdf.Fpdf
	fonts  *fontSet
	photos []photoRef
	images *images     // pictures drawn, embedded by assemblePDF
	links  map[int]int // target page index → fpdf link
	warn   *warnings

	// current drawing state, to avoid repeating operators
	text, draw colour
	lw         float64
	dashed     bool

	levels []int // level of each outline entry, in the order fpdf writes them
}

// outlineCounts sets the /Count of each outline entry that has
// descendants: fpdf writes /Count 0 for all. An open entry's /Count is the
// number of its visible descendants (ISO 32000 12.3.3); all entries are
// open. fpdf writes the entries in the order they were added, so the k-th
// "/Count 0>>" is entry k. Only counts of one digit are written, so no
// offset of the cross-reference table moves; an entry with ten or more
// descendants (not one the documents make: a unit has a bookmark per
// category and one for its scores) keeps 0.
func outlineCounts(pdf []byte, levels []int) []byte {
	zero := []byte("/Count 0>>")
	at := 0
	for k, lv := range levels {
		i := bytes.Index(pdf[at:], zero)
		if i < 0 {
			break
		}
		at += i
		n := 0
		for j := k + 1; j < len(levels) && levels[j] > lv; j++ {
			n++
		}
		if n > 0 && n < 10 {
			pdf[at+7] = byte('0' + n)
		}
		at += len(zero)
	}
	return pdf
}

// newRenderer starts a PDF with the document information m and the fonts.
func newRenderer(fs *fontSet, m meta, warn *warnings, im *images) (*renderer, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	if m.date.IsZero() {
		m.date = fallbackDate
	}
	pdf.SetCreationDate(m.date)
	pdf.SetModificationDate(m.date)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCellMargin(0)
	pdf.SetTitle(m.title, true)
	pdf.SetAuthor(m.author, true)
	pdf.SetSubject(m.subject, true)
	pdf.SetKeywords(m.keywords, true)
	pdf.SetCreator("Dossier 评审材料汇编", true)
	pdf.SetProducer("Dossier (go-pdf/fpdf)", true)
	pdf.SetLang("zh-CN")
	pdf.SetXmpMetadata(xmpPacket(m))
	pdf.SetDisplayMode("fullpage", "continuous")
	for i := range fs.data {
		if fs.data[i] != nil {
			pdf.AddUTF8FontFromBytes(fs.family[i], fs.style[i], fs.data[i])
		}
	}
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("load fonts: %w", err)
	}
	return &renderer{pdf: pdf, fonts: fs, images: im, links: map[int]int{}, warn: warn, lw: -1}, nil
}

// page draws a new page; photos are the pictures its image items index.
func (r *renderer) page(pg *page, photos []photoRef) error {
	p := r.pdf
	r.photos = photos
	p.AddPage()
	p.SetFont(r.fonts.family[serif], r.fonts.style[serif], bodySize) // bookmarks need a UTF-8 font selected
	for _, mk := range pg.marks {
		p.Bookmark(mk.text, mk.level, mk.y)
		r.levels = append(r.levels, mk.level)
	}
	for j := range pg.items {
		r.item(&pg.items[j])
	}
	if err := p.Error(); err != nil {
		return fmt.Errorf("page %d: %w", p.PageNo(), err)
	}
	return nil
}

// addTo draws more items on page n (0-based) already drawn, then returns to
// the last page.
func (r *renderer) addTo(n int, items []item) error {
	p := r.pdf
	last := p.PageNo()
	p.SetPage(n + 1)
	// The page's content stream goes on from its own last state, not from
	// the state fpdf remembers: set the font, colours and line anew.
	p.SetFontSize(1)
	p.SetFillColor(0, 0, 0)
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.2)
	p.SetDashPattern(nil, 0)
	r.text, r.draw, r.lw, r.dashed = black, black, 0.2, false
	p.SetTextColor(0, 0, 0)
	for j := range items {
		r.item(&items[j])
	}
	p.SetPage(last)
	return p.Error()
}

// output finishes the document and writes it to w, with its pictures
// (see assemblePDF); it returns the bytes of picture data embedded.
func (r *renderer) output(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	if err := r.pdf.Output(&buf); err != nil {
		return 0, err
	}
	n, err := assemblePDF(w, outlineCounts(buf.Bytes(), r.levels), r.pdf.PageCount(), r.images)
	for _, s := range r.images.warned {
		r.warn.addLine(s)
	}
	return n, err
}

// subsetTagged maps the names fpdf gives the embedded fonts ("utf8" and the
// family) to names of the same length that begin with a subset tag
// (six capitals and "+", ISO 32000 9.6.4), as the fonts are subsets:
// readers such as pdffonts then report them as such. Same length, so no
// offset in the cross-reference table moves.
var subsetTagged = [][2][]byte{
	{[]byte("/utf8srf"), []byte("/DSRFAA+")},
	{[]byte("/utf8snr"), []byte("/DSNRAA+")},
	{[]byte("/utf8sbd"), []byte("/DSBDAA+")},
	{[]byte("/utf8kai"), []byte("/DKAIAA+")},
	{[]byte("/utf8sbs"), []byte("/DSBSAA+")},
	{[]byte("/utf8sup"), []byte("/DSUPAA+")},
	{[]byte("/utf8fng"), []byte("/DFNGAA+")},
}

func subsetTags(pdf []byte) []byte {
	// fpdf declares 1.3 unless images or layers need more, but /Lang and
	// /Metadata are PDF 1.4 (same length, nothing moves).
	if bytes.HasPrefix(pdf, []byte("%PDF-1.3")) {
		pdf[7] = '4'
	}
	for _, t := range subsetTagged {
		pdf = bytes.ReplaceAll(pdf, t[0], t[1])
	}
	return pdf
}

func (r *renderer) textColour(c colour) {
	if c != r.text {
		r.pdf.SetTextColor(rgb[c][0], rgb[c][1], rgb[c][2])
		r.text = c
	}
}

func (r *renderer) stroke(c colour, lw float64, dash bool) {
	if c != r.draw {
		r.pdf.SetDrawColor(rgb[c][0], rgb[c][1], rgb[c][2])
		r.draw = c
	}
	if lw != r.lw {
		r.pdf.SetLineWidth(lw)
		r.lw = lw
	}
	if dash != r.dashed {
		if dash {
			r.pdf.SetDashPattern([]float64{1.6, 1.0}, 0)
		} else {
			r.pdf.SetDashPattern(nil, 0)
		}
		r.dashed = dash
	}
}

func (r *renderer) item(it *item) {
	p := r.pdf
	switch it.kind {
	case kText:
		r.textColour(it.color)
		if it.tc != 0 {
			p.RawWriteStr(fmt.Sprintf("%.4f Tc", it.tc))
		}
		r.print(it)
		if it.tc != 0 {
			p.RawWriteStr("0 Tc")
		}
	case kLine:
		r.stroke(it.color, it.size, it.dash)
		p.Line(it.x, it.y, it.x+it.w, it.y+it.h)
	case kRect:
		if it.fill >= 0 {
			g := int(it.fill*255 + 0.5)
			p.SetFillColor(g, g, g)
			p.Rect(it.x, it.y, it.w, it.h, "F")
		}
		if it.stroke {
			r.stroke(black, it.size, false)
			p.Rect(it.x, it.y, it.w, it.h, "D")
		}
	case kImage:
		ph := r.photos[it.photo]
		p.RawWriteStr(drawImage(r.images.place(p.PageNo(), ph, it.w, it.h), it.x, it.y, it.w, it.h))
	case kLink:
		id, ok := r.links[it.target]
		if !ok {
			id = p.AddLink()
			p.SetLink(id, 0, it.target+1)
			r.links[it.target] = id
		}
		p.Link(it.x, it.y, it.w, it.h, id)
	}
}

// print prints a text item, each run of characters in the face of the
// item's fallback chain that has them (a Greek letter in a 楷体 heading
// comes from the next face that has Greek).
func (r *renderer) print(it *item) {
	p, fs := r.pdf, r.fonts
	x, from := it.x, 0
	face := fs.physical(it.font, firstRune(it.text))
	scale := it.size * ptMM / 1000
	w := 0.0 // width of it.text[from:i]
	for i, c := range it.text {
		ph := fs.physical(it.font, c)
		if ph != face {
			p.SetFont(fs.family[face], fs.style[face], it.size)
			p.Text(x, it.y, it.text[from:i])
			x += w
			from, w, face = i, 0, ph
		}
		w += float64(fs.face[it.font].Advance(c))*scale + it.tc*ptMM
	}
	p.SetFont(fs.family[face], fs.style[face], it.size)
	p.Text(x, it.y, it.text[from:])
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}
