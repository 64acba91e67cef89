package pdf

import (
	"strings"

	"github.com/dossier-app/dossier/export/typeset"
)

// Table cell padding in millimetres.
const (
	padX = 1.6
	padY = 1.2
)

// table is a ruled table across the text block whose header row is
// repeated on every page it spans.
type table struct {
	widths []float64 // column widths in mm, adding up to at most blockW
	aligns []align   // alignment of the body cells of each column
	head   []string  // header cells, set centred; nil for a table without a header row
	style  style     // body cells
	hstyle style     // header cells
	// label marks columns of labels (in a key–value table): set in the
	// header style on a grey background.
	label []bool
	// nums marks columns of figures (ranks, scores): set in the sans face,
	// whose digits are all of one width (tabular), so that right-aligned
	// figures with the same decimals line up on the decimal point.
	nums []bool
}

// trow is one body row.
type trow struct {
	cells []string
	fill  float64 // grey level of the row's background, 0 for none
	color colour
	// span sets the first cell across the whole table.
	span bool
	// cut draws the cut line (名额线) above the row.
	cut bool
	// ctx is the warning context of each cell ("" keeps the composer's).
	ctx []string
	// join marks cells that continue the cell above (same category, say):
	// they are left blank, without a line between, except at the top of
	// a page.
	join []bool
}

// cellLines breaks the cells of a row; a spanning row has one cell.
func (c *composer) cellLines(t *table, cells []string, st style, span bool, ctx []string) [][]typeset.Line {
	out := make([][]typeset.Line, len(cells))
	saved := c.ctx
	for i, s := range cells {
		w := t.widths[i]
		if span {
			w = t.total()
		}
		if i < len(ctx) && ctx[i] != "" {
			c.ctx = ctx[i]
		}
		cst := st
		if t.isLabel(i) && !span {
			cst.font = t.hstyle.font
		}
		if t.isNum(i) && !span && st.font != t.hstyle.font {
			cst.font = sans
		}
		out[i] = c.lines(s, cst, w-2*padX, 0)
		c.ctx = saved
		if span {
			break
		}
	}
	return out
}

func (t *table) isLabel(i int) bool { return i < len(t.label) && t.label[i] }

func (t *table) isNum(i int) bool { return i < len(t.nums) && t.nums[i] }

// fit sizes the columns from their content, across the text block: every
// column but flex gets the width of its widest cell on one line (at most
// limit[i] when given, and at least enough for its header on three
// lines), and flex takes the rest, at least minFlex. Where the content
// does not leave minFlex, the other columns shrink in proportion and wrap.
func (c *composer) fit(t *table, rows []trow, flex int, limit []float64, minFlex float64) {
	// Headers on one line where that leaves the flexible column its room,
	// else on up to four.
	for _, headLines := range []float64{1, 4} {
		need := c.columnNeeds(t, rows, limit, headLines)
		fixed := 0.0
		for i, w := range need {
			if i != flex {
				fixed += w
			}
		}
		if fixed <= blockW-minFlex || headLines == 4 {
			c.share(t, need, flex, minFlex)
			return
		}
	}
}

// columnNeeds returns the width each column needs for its widest cell on
// one line and its header on headLines lines.
func (c *composer) columnNeeds(t *table, rows []trow, limit []float64, headLines float64) []float64 {
	n := len(t.widths)
	need := make([]float64, n)
	for i := range need {
		st := t.style
		if t.isNum(i) {
			st.font = sans
		}
		if t.isLabel(i) {
			st.font = t.hstyle.font
		}
		w := 0.0
		for _, r := range rows {
			if !r.span && i < len(r.cells) {
				w = max(w, c.width(c.clean(r.cells[i], st.font), st))
			}
		}
		if t.head != nil && i < len(t.head) {
			// A header may take up to four lines, but its maximum
			// （20） is never broken.
			h := c.clean(t.head[i], t.hstyle.font)
			w = max(w, c.width(h, t.hstyle)/headLines, widestChar(c, h, t.hstyle))
			if k := strings.LastIndex(h, "（"); k >= 0 {
				w = max(w, c.width(h[k:], t.hstyle))
			}
		}
		need[i] = w + 2*padX + 0.2
		if i < len(limit) && limit[i] > 0 {
			need[i] = min(need[i], limit[i])
		}
	}
	return need
}

// share gives the columns their needs and flex the rest of the block.
func (c *composer) share(t *table, need []float64, flex int, minFlex float64) {
	fixed := 0.0
	for i, w := range need {
		if i != flex {
			fixed += w
		}
	}
	// Too wide: text columns give way first (they wrap), figures last.
	for _, shrinkNums := range []bool{false, true} {
		room := blockW - minFlex
		if fixed <= room {
			break
		}
		part := 0.0
		for i, w := range need {
			if i != flex && t.isNum(i) == shrinkNums {
				part += w
			}
		}
		if part == 0 {
			continue
		}
		f := max(0.3, 1-(fixed-room)/part)
		for i := range need {
			if i != flex && t.isNum(i) == shrinkNums {
				fixed -= need[i] * (1 - f)
				need[i] *= f
			}
		}
	}
	need[flex] = max(blockW-fixed, minFlex/2)
	copy(t.widths, need)
}

// widestChar is the width of the widest character of s: no column may be
// narrower.
func widestChar(c *composer, s string, st style) float64 {
	w := 0.0
	for _, r := range s {
		w = max(w, c.width(string(r), st))
	}
	return w
}

func (t *table) total() float64 {
	s := 0.0
	for _, w := range t.widths {
		s += w
	}
	return s
}

func maxLines(cells [][]typeset.Line) int {
	n := 1
	for _, l := range cells {
		n = max(n, len(l))
	}
	return n
}

// table lays the table out from the free space's top, starting new pages
// (with the header row again) where rows do not fit; the header row is
// never left alone at the foot of a page.
func (c *composer) table(t *table, rows []trow) {
	var head [][]typeset.Line
	headH := 0.0
	if t.head != nil {
		head = c.cellLines(t, t.head, t.hstyle, false, nil)
		headH = float64(maxLines(head))*t.hstyle.pitch + 2*padY
	}
	first := headH
	if len(rows) > 0 {
		first += float64(maxLines(c.cellLines(t, rows[0].cells, t.style, rows[0].span, rows[0].ctx)))*t.style.pitch + 2*padY
	}
	c.ensure(first)
	c.head(t, head, headH)
	// The header row is repeated on later pages only when it leaves most
	// of the page to the body: a header of very long category names is
	// printed once. So a fresh page always has room for a body line.
	again := headH <= blockH/3
	fresh := true  // no body row on this page yet
	broke := false // the page was just broken for this row: nothing gained by breaking it again
	breakPage := func() {
		c.bottom(t)
		c.newPage()
		if again {
			c.head(t, head, headH)
		}
		fresh, broke = true, true
	}
	for _, r := range rows {
		st := t.style
		st.color = r.color
		cells := c.cellLines(t, r.cells, st, r.span, r.ctx)
		n := maxLines(cells)
		h := float64(n)*st.pitch + 2*padY
		if c.y+h > blockB+1e-6 && h <= blockH-headH {
			breakPage()
		}
		// A row taller than a page is split between pages. The loop ends:
		// a pass either breaks the page once (broke is then set, so the
		// next pass does not) or sets k ≥ 1 lines, so from grows to n. A
		// page just broken holds at most a header of a third of the block,
		// so a line fits there (it would be forced otherwise).
		for from := 0; from < n; {
			k := int((blockB - c.y - 2*padY + 1e-6) / st.pitch)
			if k < 1 && !broke {
				breakPage()
				continue
			}
			k = max(k, 1)
			k = min(k, n-from)
			part := make([][]typeset.Line, len(cells))
			for i, l := range cells {
				if from < len(l) {
					part[i] = l[from:min(len(l), from+k)]
				}
			}
			var join []bool
			if !fresh && from == 0 {
				join = r.join
			}
			c.row(t, part, st, float64(k)*st.pitch+2*padY, r.fill, false, r.span, r.cut && from == 0, join)
			fresh, broke = false, false
			from += k
		}
	}
	c.bottom(t)
}

// tableHeight returns the height of the table laid out on one page.
func (c *composer) tableHeight(t *table, rows []trow) float64 {
	if t == nil {
		return 0
	}
	h := 0.0
	if t.head != nil {
		h += float64(maxLines(c.cellLines(t, t.head, t.hstyle, false, nil)))*t.hstyle.pitch + 2*padY
	}
	for _, r := range rows {
		h += float64(maxLines(c.cellLines(t, r.cells, t.style, r.span, r.ctx)))*t.style.pitch + 2*padY
	}
	return h
}

// head draws the header row, if the table has one.
func (c *composer) head(t *table, head [][]typeset.Line, h float64) {
	if head != nil {
		c.row(t, head, t.hstyle, h, 0.9, true, false, false, nil)
	}
}

// bottom closes the table (or its part on this page) with a line.
func (c *composer) bottom(t *table) {
	c.rule(marginL, c.y, t.total(), 0.2, black, false)
}

// row draws one row of height h at the free space's top and moves below
// it: its background, its text, the line above each cell (but cells that
// join the one above) and the lines between cells.
func (c *composer) row(t *table, cells [][]typeset.Line, st style, h, fill float64, head, span, cut bool, join []bool) {
	x := marginL
	tw := t.total()
	if fill > 0 && fill < 1 {
		c.pg.items = append(c.pg.items, item{kind: kRect, x: x, y: c.y, w: tw, h: h, fill: fill})
	}
	for i, lines := range cells {
		w := t.widths[i]
		if span {
			w = tw
		}
		joined := i < len(join) && join[i]
		a := center
		if !span && !head && i < len(t.aligns) {
			a = t.aligns[i]
		}
		cst := st
		if t.isLabel(i) && !span && !head {
			cst.font = t.hstyle.font
			c.pg.items = append(c.pg.items, item{kind: kRect, x: x, y: c.y, w: w, h: h, fill: 0.93})
		}
		if t.isNum(i) && !span && !head && st.font != t.hstyle.font {
			cst.font = sans
		}
		if !joined {
			top := c.y + (h-float64(len(lines))*st.pitch)/2
			for _, l := range lines {
				c.textItem(l, cst, x+padX, top, w-2*padX, a)
				top += st.pitch
			}
			c.rule(x, c.y, w, 0.2, black, false)
		}
		c.pg.items = append(c.pg.items, item{kind: kLine, x: x, y: c.y, h: h, size: 0.2})
		x += w
		if span {
			break
		}
	}
	c.pg.items = append(c.pg.items, item{kind: kLine, x: marginL + tw, y: c.y, h: h, size: 0.2})
	if cut {
		c.rule(marginL, c.y, tw, 0.6, red, false)
	}
	c.y += h
}
