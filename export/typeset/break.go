package typeset

import (
	"strings"
	"unicode"

	"github.com/go-text/typesetting/segmenter"
)

// Line is one line of a broken paragraph.
type Line struct {
	// Text is the line's text. Spaces at the end of a line stay in Text (so
	// the lines of a paragraph put together give the paragraph back) but
	// are not counted in Width.
	Text string
	// Width is the width of Text without its trailing spaces, in the unit
	// the size was given in.
	Width float64
	// Last is set on the last line of the paragraph, which is not justified.
	Last bool
}

// Trimmed returns the line's text without its trailing spaces: what is printed.
func (l Line) Trimmed() string { return strings.TrimRight(l.Text, spaces) }

// spaces are the characters that may hang at the end of a line, uncounted.
const spaces = " \u3000\u00a0"

// Breaker breaks paragraphs into lines. It keeps its buffers from one call
// to the next; a Breaker is not safe for concurrent use, but any number of
// Breakers may share a Font.
type Breaker struct {
	seg   segmenter.Segmenter
	runes []rune
	pre   []int // pre[i] is the advance of runes[:i], in thousandths of an em
	comp  []int // comp[i] is how much runes[:i] may be compressed (SqueezeRun)
	sq    []int
	allow []bool
	must  []bool
	soft  []bool // a break allowed inside a long unit of measure, as a last resort
}

// Break breaks text, set in f at size, into lines no wider than width; the
// first line is indent narrower (a first-line indent). Widths are in the unit
// size is given in. Text should have been made printable with Sanitize.
//
// Lines end at the break opportunities of the Unicode line breaking
// algorithm, adjusted for Chinese: never before closing punctuation, never
// after opening punctuation (“ and ‘ open, ” and ’ close), and never between
// a number and the unit that follows it. A run with no opportunity that is
// wider than the line is broken by force between two characters (where
// it can, not before closing or after opening punctuation). Nothing is
// lost: the lines put together give text back.
func (b *Breaker) Break(text string, f *Font, size, width, indent float64) []Line {
	return b.breakLines(text, f, size, width, indent, false)
}

// BreakJustified breaks text like Break, for lines that will be justified:
// before a line is ended early, its punctuation may be compressed
// (标点挤压, W3C clreq): a line fits when it is at most as much wider than
// width as the blank halves of its full-width punctuation (see Squeezable).
// Such a line has a Width above the measure; whoever sets it takes the
// excess out of the punctuation.
func (b *Breaker) BreakJustified(text string, f *Font, size, width, indent float64) []Line {
	return b.breakLines(text, f, size, width, indent, true)
}

func (b *Breaker) breakLines(text string, f *Font, size, width, indent float64, squeeze bool) []Line {
	if text == "" {
		return nil
	}
	// Most table cells, headings and short paragraphs fit on one line:
	// no need to look for break opportunities.
	if w, ok := oneLine(text, f); ok && float64(w)*size/1000 <= width-indent+1e-9 {
		return []Line{{Text: text, Width: f.Width(strings.TrimRight(text, spaces), size), Last: true}}
	}
	b.prepare(text, f)
	runes, pre := b.runes, b.pre
	n := len(runes)
	unit := 1000 / size // thousandths of an em per unit of width
	var lines []Line
	for s := 0; s < n; {
		avail := width
		if len(lines) == 0 {
			avail -= indent
		}
		availK := avail * unit
		end, soft, fit, hard := -1, -1, s+1, false
		content := 0 // advance of runes[s:p] without trailing spaces
		endContent := 0
		for p := s + 1; p <= n; p++ {
			if !isSpace(runes[p-1]) {
				content = pre[p] - pre[s]
				if squeeze {
					content -= b.comp[p] - b.comp[s]
				}
			}
			if float64(content) > availK+1e-9 && p > s+1 {
				break
			}
			fit = p
			if p == n || b.must[p] {
				end, hard = p, true
				break
			}
			if b.allow[p] {
				end, endContent = p, content
			}
			if b.soft[p] {
				soft = p
			}
		}
		// A break inside a long unit of measure (31.23个|百分点) is taken
		// only when the line would otherwise be left short by more than
		// two characters.
		if !hard && soft > end && (end < 0 || availK-float64(endContent) > 2000) {
			end = soft
		}
		if !hard && end < fit && markRun(runes, max(end, s), fit) {
			// What does not fit is a run of punctuation marks longer than
			// the rest of the line: fill the line with it rather than leave
			// it nearly empty, and accept the bad line start that follows.
			end = fit
		}
		if end < 0 { // nowhere to break: force a break between two characters
			// where the line-start and line-end rules allow it; in a run
			// of closing (or opening) punctuation longer than the line
			// they allow it nowhere, and the line is filled anyway: one
			// bad line start is better than a mark per line.
			end = fit
			for end > s+1 && end < n && badBreak(runes, end, f) {
				end--
			}
			if end == s+1 && fit > s+1 && badBreak(runes, end, f) {
				end = fit
			}
		}
		e := end
		for e > s && isSpace(runes[e-1]) {
			e--
		}
		lines = append(lines, Line{
			Text:  string(runes[s:end]),
			Width: float64(pre[e]-pre[s]) / unit,
			Last:  hard && end == n,
		})
		s = end
	}
	return lines
}

// BreakBalanced breaks text like Break with no indent, into as few lines as
// Break would, but makes the lines as even in length as it can: for titles.
func (b *Breaker) BreakBalanced(text string, f *Font, size, width float64) []Line {
	lines := b.Break(text, f, size, width, 0)
	if len(lines) < 2 {
		return lines
	}
	lo, hi := width/float64(len(lines))*0.8, width
	for i := 0; i < 14; i++ {
		mid := (lo + hi) / 2
		if len(b.Break(text, f, size, mid, 0)) == len(lines) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return b.Break(text, f, size, hi, 0)
}

// oneLine returns the advance of text in thousandths of an em, and whether
// it holds no mandatory break.
func oneLine(text string, f *Font) (int, bool) {
	w := 0
	for _, r := range text {
		switch r {
		case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
			return 0, false
		}
		w += f.Advance(r)
	}
	return w, true
}

// prepare fills the rune, width and break opportunity buffers for text.
func (b *Breaker) prepare(text string, f *Font) {
	b.runes = append(b.runes[:0], []rune(text)...)
	runes := b.runes
	n := len(runes)
	b.pre = grow(b.pre, n+1)
	b.comp = grow(b.comp, n+1)
	b.sq = grow(b.sq, n)
	SqueezeRun(runes, f, b.sq)
	for i, r := range runes {
		b.pre[i+1] = b.pre[i] + f.Advance(r)
		b.comp[i+1] = b.comp[i] + b.sq[i]
	}
	b.allow = growBool(b.allow, n+1)
	b.must = growBool(b.must, n+1)
	b.soft = growBool(b.soft, n+1)
	b.seg.Init(runes)
	it := b.seg.LineIterator()
	for it.Next() {
		l := it.Line()
		if end := l.Offset + len(l.Text); end < n {
			b.allow[end] = true
			b.must[end] = l.IsMandatoryBreak
		}
	}
	for i := 1; i < n; i++ {
		if b.must[i] {
			continue
		}
		a, c := runes[i-1], runes[i]
		switch {
		case inSet(&noStartSet, c), inSet(&noEndSet, a):
			b.allow[i] = false
		case unicode.Is(unicode.Han, c) && (unicode.IsDigit(a) ||
			a == ' ' && i >= 2 && unicode.IsDigit(runes[i-2])):
			// A number keeps its unit, across a space too ("100 分").
			b.allow[i] = false
			for _, u := range units {
				if hasPrefix(runes[i:], u) {
					for k := 1; k < len(u); k++ {
						b.allow[i+k] = false
						// Inside a unit of three characters or more, a
						// last-resort break leaves two on the next line.
						b.soft[i+k] = len(u) >= 3 && k <= len(u)-2
					}
					break
				}
			}
		case isConnector(c) && (unicode.IsDigit(a) || isConnector(a)),
			isConnector(a) && unicode.IsDigit(c):
			// A connector between numbers (2021—2023年, 5～10个) neither
			// starts nor ends a line (GB/T 15834), and —— is one mark.
			b.allow[i] = false
		case c == '“' || c == '‘' || a == '”' || a == '’':
			// UAX #14 keeps quotation marks with both neighbours; in
			// Chinese they open and close like brackets.
			b.allow[i] = true
		}
	}
}

// isConnector reports whether r is a dash or connector (连接号) that must
// stay with the numbers it joins.
func isConnector(r rune) bool {
	switch r {
	case '—', '–', '～', '~', '-', '―', '−':
		return true
	}
	return false
}

// Squeezable returns how much of r's advance, in thousandths of an em, is a
// blank half that punctuation compression (标点挤压) may take out: half an
// em for full-width commas, stops, colons, brackets and quotation marks, 0
// for everything else.
//
// Only marks whose blank is on the right (closing marks, 、，。：；) are
// compressed: an opening mark pulled into the box of the character before
// it is read by text extraction (pdftotext, copy and paste) as the start
// of a new line.
func Squeezable(r rune, f *Font) int {
	if r < 0x2018 || !inSet(&squeezeSet, r) || SqueezeLeft(r) {
		return 0
	}
	return f.Advance(r) / 2
}

// SqueezeRun fills out[i] with how much runes[i] may be compressed in its
// context: Squeezable, except that of adjacent marks (”，, 。。) only every
// other one is, so that no glyph box overlaps the next by more than half
// an em (text extraction reads deeper overlaps as a new line) and a pair
// keeps a blank half between its glyphs. out must be as long as runes.
func SqueezeRun(runes []rune, f *Font, out []int) {
	for i, r := range runes {
		out[i] = Squeezable(r, f)
		if i > 0 && out[i-1] > 0 {
			out[i] = 0
		}
	}
}

// SqueezeLeft reports whether the blank half of a squeezable mark is on its
// left (opening brackets and quotation marks) rather than its right.
func SqueezeLeft(r rune) bool { return inSet(&noEndSet, r) }

// squeezable lists the full-width marks whose glyph fills half their em.
const squeezable = "，。、；：“”‘’（）《》〈〉「」『』【】〔〕〖〗"

// noStart holds the characters no line may start with: closing punctuation,
// Chinese and Western full stops, commas and the like.
const noStart = "!),.:;?]}¢°·’”%‰′″℃、。〉》」』】〕〗〙〞！），．：；？］｝～｠｡･︰﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞"

// noEnd holds the characters no line may end with: opening punctuation.
const noEnd = "([{£¥‘“〈《「『【〔〖〘〝（［｛｟﹙﹛﹝"

// units are units of measure longer than one character kept whole after a
// number (a single character after a number is always kept with it).
var units = [][]rune{
	[]rune("个百分点"), []rune("平方米"), []rune("万人次"), []rune("万平方米"),
	[]rune("亿元"), []rune("万元"), []rune("千元"), []rune("万个"), []rune("万人"), []rune("万所"),
	[]rune("人次"), []rune("千米"), []rune("公里"), []rune("公顷"), []rune("小时"), []rune("学时"),
	[]rune("课时"), []rune("周岁"), []rune("个月"),
}

// noStartSet and noEndSet hold noStart and noEnd as bitsets over the BMP.
var noStartSet, noEndSet, squeezeSet [0x10000 / 64]uint64

func inSet(set *[0x10000 / 64]uint64, r rune) bool {
	return r >= 0 && r < 0x10000 && set[r>>6]&(1<<(r&63)) != 0
}

func init() {
	for _, r := range noStart {
		noStartSet[r>>6] |= 1 << (r & 63)
	}
	for _, r := range noEnd {
		noEndSet[r>>6] |= 1 << (r & 63)
	}
	for _, r := range squeezable {
		squeezeSet[r>>6] |= 1 << (r & 63)
	}
	// Longest first, so that 万平方米 wins over 万人 and the like.
	for i := 1; i < len(units); i++ {
		for j := i; j > 0 && len(units[j]) > len(units[j-1]); j-- {
			units[j], units[j-1] = units[j-1], units[j]
		}
	}
}

func hasPrefix(s, p []rune) bool {
	if len(s) < len(p) {
		return false
	}
	for i := range p {
		if s[i] != p[i] {
			return false
		}
	}
	return true
}

// markRun reports whether runes[end:fit] ends in a run of closing or
// opening punctuation that takes up more than half of it: a run that will
// not fit the next line either.
func markRun(runes []rune, end, fit int) bool {
	k := fit
	for k > end && (inSet(&noStartSet, runes[k-1]) || inSet(&noEndSet, runes[k-1])) {
		k--
	}
	return fit-k > 2 && 2*(fit-k) > fit-end
}

// badBreak reports whether a forced break before runes[i] would start a
// line with a combining mark or closing punctuation, or end one with opening
// punctuation.
func badBreak(runes []rune, i int, f *Font) bool {
	return isMark(runes[i], f) || inSet(&noStartSet, runes[i]) || inSet(&noEndSet, runes[i-1])
}

func isSpace(r rune) bool { return strings.ContainsRune(spaces, r) }

// isMark reports whether r is a combining mark or a zero-width character,
// which must not start a line.
func isMark(r rune, f *Font) bool {
	return unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || f.Has(r) && f.Advance(r) == 0
}

func grow(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func growBool(s []bool, n int) []bool {
	if cap(s) < n {
		return make([]bool, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// BreakTitle breaks a title into as few lines as Break would, at word
// boundaries (see Words) where it can, in the most balanced shape: it picks
// the breaks that make the longest line shortest, a break inside a word of
// the list costing eight characters and a break after a name suffix or at
// a conjunction gaining half of one; of equal choices, upper lines shorter
// (a 梯形). Titles of more than three lines, or with no acceptable choice,
// are broken as BreakBalanced breaks them.
func (b *Breaker) BreakTitle(text string, f *Font, size, width float64) []Line {
	lines := b.Break(text, f, size, width, 0)
	k := len(lines)
	if k < 2 || k > 3 {
		return lines
	}
	b.prepare(text, f)
	runes, pre := b.runes, b.pre
	n := len(runes)
	allow := append([]bool(nil), b.allow...)
	inside, good := Words(runes)
	unit := 1000 / size
	limit := width * unit
	w := func(s, e int) float64 { // width of runes[s:e] without trailing spaces
		for e > s && isSpace(runes[e-1]) {
			e--
		}
		return float64(pre[e] - pre[s])
	}
	cost := func(i int) float64 {
		switch {
		case inside[i]:
			return 8000
		case good[i]:
			return -500
		}
		return 0
	}
	best, bestCost, bestFirst := []int(nil), 0.0, 0.0
	try := func(cuts []int) {
		c, s := 0.0, 0
		for _, e := range append(cuts, n) {
			lw := w(s, e)
			if lw > limit+1e-9 {
				return
			}
			c = max(c, lw)
			s = e
		}
		for _, e := range cuts {
			c += cost(e)
		}
		first := w(0, cuts[0])
		if best == nil || c < bestCost-1e-9 || c < bestCost+1e-9 && first < bestFirst {
			best, bestCost, bestFirst = append([]int(nil), cuts...), c, first
		}
	}
	for i := 1; i < n; i++ {
		if !allow[i] {
			continue
		}
		if k == 2 {
			try([]int{i})
			continue
		}
		for j := i + 1; j < n; j++ {
			if allow[j] {
				try([]int{i, j})
			}
		}
	}
	if best == nil {
		return b.BreakBalanced(text, f, size, width)
	}
	out := make([]Line, 0, k)
	s := 0
	for li, e := range append(best, n) {
		out = append(out, Line{Text: string(runes[s:e]), Width: w(s, e) / unit, Last: li == len(best)})
		s = e
	}
	return out
}
