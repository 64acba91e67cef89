package pdf

import (
	"strings"

	"github.com/dossier-app/dossier/export/typeset"
)

// Page geometry in millimetres, after GB/T 9704-2012: A4, top margin 37 mm,
// left margin 28 mm, a text block of 156 × 225 mm.
const (
	pageW   = 210.0
	pageH   = 297.0
	marginL = 28.0
	marginT = 37.0
	blockW  = 156.0
	blockH  = 225.0
	blockR  = marginL + blockW
	blockB  = marginT + blockH

	ptMM = 25.4 / 72 // millimetres per point

	// bodySize sets 28 full-width characters to a line of the text block
	// (GB/T 9704: 3号, 28 characters by 22 lines), just under 16 pt.
	bodySize = blockW / 28 / ptMM
	// bodyPitch is the line pitch that gives 22 lines to the text block.
	bodyPitch = blockH / 22

	// emAscent is the part of the ideographic em box above the baseline.
	emAscent = 0.88
)

// fontID names one of the bundled faces, or a logical font only (song).
type fontID uint8

const (
	// serif is the body text: Song-style (Noto Serif SC), or 仿宋 first
	// (FandolFang, falling back to Noto Serif SC) when the campaign's
	// body face is 仿宋. As a physical face it is always Noto Serif SC.
	serif      fontID = iota
	sans              // 黑体-style regular (Noto Sans SC)
	sansBold          // 黑体-style bold, for level-1 headings
	kai               // 楷体-style (LXGW WenKai), for level-2 headings
	songBold          // heavy Song (Noto Serif SC Bold), 小标宋-style titles
	supplement        // Greek, Cyrillic, pinyin: the last face of every chain
	fang              // 仿宋-style (FandolFang), the first face of serif when chosen
	// song is a logical font only: 宋体 whatever the body face, for what
	// GB/T 9704 sets in 宋体 in any case (the page numbers, §7.5).
	song
	numFonts
)

// colour is one of the few colours the documents use.
type colour uint8

const (
	black colour = iota
	grey
	red
)

// style is how a run of text is set.
type style struct {
	font  fontID
	size  float64 // points
	pitch float64 // millimetres from one line to the next
	color colour
}

var (
	body      = style{serif, bodySize, bodyPitch, black}
	heading1  = style{sansBold, bodySize, bodyPitch, black}
	heading2  = style{kai, bodySize, bodyPitch, black}
	titleBig  = style{songBold, 22, 22 * ptMM * 1.55, black}
	subtitle  = style{sans, 16, 16 * ptMM * 1.6, black}
	small     = style{serif, 12, 12 * ptMM * 1.6, black}
	smallSans = style{sans, 12, 12 * ptMM * 1.6, black}
	tableText = style{serif, 10.5, 10.5 * ptMM * 1.45, black}
	tableHead = style{sans, 10.5, 10.5 * ptMM * 1.45, black}
	furniture = style{sans, 9, 9 * ptMM, grey}
	folio     = style{song, 14, 14 * ptMM, black} // page numbers: 4号半角宋体 (GB/T 9704 §7.5)
)

// align is the horizontal alignment of a line.
type align uint8

const (
	left align = iota
	center
	right
	justify // left, and every line but a paragraph's last filled to the measure
)

type itemKind uint8

const (
	kText itemKind = iota
	kLine
	kRect
	kImage
	kLink
)

// item is one thing drawn on a page; coordinates in millimetres from the
// top-left corner of the page.
type item struct {
	kind  itemKind
	font  fontID
	color colour
	dash  bool
	// outside marks running headers and page numbers, drawn outside the
	// text block on purpose.
	outside bool
	// text: x is the left of the first character, y the baseline, w the
	// width, h the height of the em box; line: from (x, y) to (x+w, y+h);
	// rect, image and link: the box.
	x, y, w, h float64
	size       float64 // text: points; line and rect: line width in mm
	tc         float64 // text: extra space after each character, points
	fill       float64 // rect: grey level of the fill, < 0 for none
	stroke     bool    // rect: draw the border
	text       string
	photo      int // image: index into composer.photos
	target     int // link: index of the target page
}

// top returns the top of a text item's em box.
func (it *item) top() float64 { return it.y - emAscent*it.h }

// mark is an outline entry (bookmark) on a page.
type mark struct {
	text  string
	level int
	y     float64
}

// page is one laid-out page.
type page struct {
	items []item
	// furniture says whether the page has a running header and a page number.
	furniture bool
	header    string // right-hand part of the running header
	marks     []mark
	unit      int // index of the standing whose section the page holds, -1 for none
}

// composer lays material out on pages: it breaks text into lines, keeps
// track of the free space, starts new pages and records every item drawn.
type composer struct {
	fonts  *fontSet
	br     typeset.Breaker
	pages  []*page
	pg     *page
	y      float64 // top of the free space on the current page
	header string  // right-hand running header of new pages
	unit   int     // standing index of new pages
	ctx    string  // what text is being set, for warnings ("郑州市教育局 事迹材料")
	warn   warnings
	photos []photoRef
	frame  frames
	// kept is the heading (or run of headings) just set, which must not
	// end a page: the next ensure that breaks the page takes it along.
	kept *keptHeading
}

// keptHeading marks where a heading starts on its page.
type keptHeading struct {
	pg    *page
	from  int     // index of its first item
	marks int     // index of its first outline entry
	top   float64 // top of its first line
}

func newComposer(fs *fontSet) *composer {
	return &composer{fonts: fs, unit: -1}
}

// newPage starts a page with a running header and a page number.
func (c *composer) newPage() {
	c.pg = &page{furniture: true, header: c.header, unit: c.unit}
	c.pages = append(c.pages, c.pg)
	c.y = marginT
}

// atTop reports whether nothing has been set on the current page yet.
func (c *composer) atTop() bool { return c.pg == nil || c.y <= marginT+1e-6 }

// ensure starts a new page unless h millimetres fit below the free space's
// top (a page that is still empty is kept whatever h is). A heading set
// just before, with nothing after it yet, moves to the new page with what
// follows it, whatever that is (a photo, a table, a paragraph).
func (c *composer) ensure(h float64) {
	c.ensureKeep(h)
	c.kept = nil
}

// ensureKeep is ensure for the lines of a heading: it leaves c.kept set, so
// that a run of headings moves together.
func (c *composer) ensureKeep(h float64) {
	if c.pg != nil && (c.y+h <= blockB+1e-6 || c.atTop()) {
		return
	}
	k := c.kept
	if c.pg == nil || k == nil || k.pg != c.pg || k.top <= marginT+1e-6 {
		// Nothing to take along, or the heading is already at the top of
		// its page: moving it again would gain nothing (and never end).
		c.newPage()
		return
	}
	old, y := c.pg, c.y
	items := append([]item(nil), old.items[k.from:]...)
	marks := append([]mark(nil), old.marks[k.marks:]...)
	old.items, old.marks = old.items[:k.from], old.marks[:k.marks]
	c.newPage()
	dy := marginT - k.top
	for _, it := range items {
		it.y += dy
		c.pg.items = append(c.pg.items, it)
	}
	for _, m := range marks {
		m.y += dy
		c.pg.marks = append(c.pg.marks, m)
	}
	c.y = y + dy
	c.kept = &keptHeading{pg: c.pg, top: marginT}
}

// keepStart notes that a heading starts here, unless one just set is still
// waiting for what follows (then the two are kept together).
func (c *composer) keepStart() {
	if c.kept == nil || c.kept.pg != c.pg {
		c.kept = &keptHeading{pg: c.pg, from: len(c.pg.items), marks: len(c.pg.marks), top: c.y}
	}
}

// space adds vertical space, unless at the top of a page; space that does
// not fit ends the page.
func (c *composer) space(h float64) {
	if c.atTop() {
		return
	}
	if c.y+h > blockB {
		c.y = blockB
		return
	}
	c.y += h
}

// clean makes s printable in font f, noting each substitution as a warning.
func (c *composer) clean(s string, f fontID) string {
	out, miss := typeset.Sanitize(s, c.fonts.face[f])
	for _, m := range miss {
		c.warn.add(c.ctx, m)
	}
	return out
}

// width measures already clean text.
func (c *composer) width(s string, st style) float64 {
	return c.fonts.face[st.font].Width(s, st.size) * ptMM
}

// lines breaks raw text in style st to width w (mm) with a first-line indent.
func (c *composer) lines(text string, st style, w, indent float64) []typeset.Line {
	return c.br.Break(c.clean(text, st.font), c.fonts.face[st.font], st.size*ptMM, w, indent)
}

// justifiedLines breaks raw text for justified setting: punctuation may be
// compressed to keep a line from ending early.
func (c *composer) justifiedLines(text string, st style, w, indent float64) []typeset.Line {
	return c.br.BreakJustified(c.clean(text, st.font), c.fonts.face[st.font], st.size*ptMM, w, indent)
}

// baseline returns the baseline of a line whose box starts at top.
func baseline(top float64, st style) float64 {
	em := st.size * ptMM
	return top + (st.pitch-em)/2 + emAscent*em
}

// textItem places one line of clean text; x is the left edge of the box of
// width w the line is aligned in.
func (c *composer) textItem(l typeset.Line, st style, x, top, w float64, a align) {
	txt := l.Trimmed()
	if txt == "" {
		return
	}
	it := item{kind: kText, font: st.font, color: st.color, x: x, y: baseline(top, st), w: l.Width, h: st.size * ptMM, size: st.size, text: txt}
	switch a {
	case center:
		it.x = x + (w-l.Width)/2
	case right:
		it.x = x + w - l.Width
	case justify:
		if l.Width > w+1e-9 || !l.Last && l.Width < w-1e-9 {
			c.justified(l, txt, st, x, top, w)
			return
		}
	}
	c.pg.items = append(c.pg.items, it)
}

// paragraph sets raw text as a paragraph: lines of style st in a column
// from x (mm) of width w, the first line indented.
func (c *composer) paragraph(text string, st style, x, w, indent float64, a align) {
	var lines []typeset.Line
	if a == justify {
		lines = c.justifiedLines(text, st, w, indent)
	} else {
		lines = c.lines(text, st, w, indent)
	}
	// Widows and orphans: a paragraph's first line is not left alone at
	// the foot of a page, nor its last alone at the head of the next. A
	// three-line paragraph is kept whole.
	n := len(lines)
	for i, l := range lines {
		need := st.pitch
		switch {
		case i == 0 && n == 3:
			need = 3 * st.pitch
		case i == 0 && n >= 2, i == n-2 && n >= 4:
			need = 2 * st.pitch
		}
		c.ensure(need)
		lx, lw := x, w
		if indent != 0 {
			lx, lw = x+indent, w-indent
			indent = 0
		}
		c.textItem(l, st, lx, c.y, lw, a)
		c.y += st.pitch
	}
}

// body sets a paragraph of body text with a two-character first-line indent.
func (c *composer) body(text string) {
	c.paragraph(text, body, marginL, blockW, 2*body.size*ptMM, justify)
}

// heading sets a heading that keeps keep millimetres of what follows on
// its page. Headings of more than one line are kept whole.
func (c *composer) heading(text string, st style, a align, keep float64) {
	lines := c.lines(text, st, blockW, 0)
	c.keepLines(lines, st, keep)
	if c.pg != nil {
		c.keepStart()
	}
	for _, l := range lines {
		c.ensureKeep(st.pitch)
		if c.kept == nil {
			c.keepStart()
		}
		c.textItem(l, st, marginL, c.y, blockW, a)
		c.y += st.pitch
	}
}

// keepLines starts a new page unless the lines of a heading or title and
// keep millimetres of what follows fit below the free space's top. Lines
// that would fill more than half a page (a pasted paragraph as a title)
// cannot be kept whole: the first two are kept with the page and the rest
// flow on, a line at a time.
func (c *composer) keepLines(lines []typeset.Line, st style, keep float64) {
	h := float64(len(lines)) * st.pitch
	if h > blockH/2 {
		h = 2 * st.pitch
	}
	c.ensureKeep(h + min(keep, blockH/2))
}

// title sets a centred title in balanced lines. Text that has spaces and
// whose space-separated parts each fit a line is broken at the spaces, as
// the seed prints 郑州市高位推进“五大工程” / 开创义务教育公平优质新局面.
func (c *composer) title(text string, st style, keep float64) {
	text = c.clean(text, st.font)
	face := c.fonts.face[st.font]
	var lines []typeset.Line
	if parts := strings.Fields(text); len(parts) > 1 && face.Width(text, st.size*ptMM) > blockW {
		// Pack the parts into lines, as many to a line as fit.
		size := st.size * ptMM
		cur := parts[0]
		for _, p := range parts[1:] {
			if face.Width(cur+" "+p, size) <= blockW {
				cur += " " + p
				continue
			}
			lines = append(lines, typeset.Line{Text: cur, Width: face.Width(cur, size), Last: true})
			cur = p
		}
		lines = append(lines, typeset.Line{Text: cur, Width: face.Width(cur, size), Last: true})
		for _, l := range lines {
			if l.Width > blockW {
				lines = nil
				break
			}
		}
	}
	if lines == nil {
		lines = c.br.BreakTitle(text, face, st.size*ptMM, blockW)
	}
	c.keepLines(lines, st, keep)
	if c.pg != nil {
		c.keepStart()
	}
	for _, l := range lines {
		c.ensureKeep(st.pitch)
		if c.kept == nil {
			c.keepStart()
		}
		c.textItem(l, st, marginL, c.y, blockW, center)
		c.y += st.pitch
	}
}

// rule draws a horizontal line w millimetres long from (x, y).
func (c *composer) rule(x, y, w, width float64, col colour, dash bool) {
	c.pg.items = append(c.pg.items, item{kind: kLine, x: x, y: y, w: w, size: width, color: col, dash: dash})
}

// warnings collects the substitutions made while setting text, one line per
// character and context, in the order they were first met.
type warnings struct {
	seen map[string]bool
	list []string
}

func (w *warnings) add(ctx string, m typeset.Missing) {
	s := m.String()
	if ctx != "" {
		s = ctx + "：" + s
	}
	w.addLine(s)
}

// merge adds the warnings of o not yet in w, in order.
func (w *warnings) merge(o *warnings) {
	for _, s := range o.list {
		w.addLine(s)
	}
}

func (w *warnings) addLine(s string) {
	if w.seen == nil {
		w.seen = map[string]bool{}
	}
	if !w.seen[s] {
		w.seen[s] = true
		w.list = append(w.list, s)
	}
}

// label makes user text safe to quote in a warning.
func label(s string) string {
	return strings.TrimSpace(strings.ToValidUTF8(s, "\uFFFD"))
}
