package pdf

// Running header: the campaign title on the left, the section (a unit's
// name, 排名表…) on the right, on one line above the text block.

// headerGap is the least room between the two parts of the running header.
const headerGap = 8.0

// headerParts fits the two parts of the running header, already clean, on
// one line of the text block's width. When both do not fit, the section
// part (a unit's name, up to 100 characters for a joint application) keeps
// up to 3/5 of the line and the title the rest; whichever is too long is
// shortened at its end with “…”. Both results together always fit.
func (c *composer) headerParts(title, section string) (string, string) {
	avail := blockW - headerGap
	tw, sw := c.width(title, furniture), c.width(section, furniture)
	if tw+sw <= avail {
		return title, section
	}
	sMax := max(avail-tw, avail*3/5)
	section = c.shorten(section, furniture, sMax)
	title = c.shorten(title, furniture, avail-c.width(section, furniture))
	return title, section
}

// shorten returns s if it is at most w millimetres wide in st, else its
// longest prefix that is, with “…” appended, within w ("" if not even “…”
// fits). It measures each character once: the loop runs over the
// characters of s and ends after at most len(s) steps.
func (c *composer) shorten(s string, st style, w float64) string {
	if c.width(s, st) <= w {
		return s
	}
	const ell = "…"
	room := w - c.width(ell, st)
	if room < 0 {
		return ""
	}
	face := c.fonts.face[st.font]
	scale := st.size * ptMM / 1000
	used, cut := 0.0, 0
	for i, r := range s {
		used += float64(face.Advance(r)) * scale
		if used > room+1e-9 {
			break
		}
		cut = i + len(string(r))
	}
	return s[:cut] + ell
}
