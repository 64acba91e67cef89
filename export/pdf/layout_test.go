package pdf

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-app/dossier/dossier"
)

// assemble lays out the units after the pages of d, one after the other,
// as write does but without rendering, and returns every page with the
// photos its image items index.
func assemble(d *doc, units []int) ([]*page, [][]photoRef) {
	var photos [][]photoRef
	for range d.c.pages {
		photos = append(photos, d.c.photos)
	}
	for _, i := range units {
		uc := d.layoutUnit(i)
		d.start[i] = len(d.c.pages)
		d.c.pages = append(d.c.pages, uc.pages...)
		for range uc.pages {
			photos = append(photos, uc.photos)
		}
		d.c.warn.merge(&uc.warn)
	}
	for n, pg := range d.c.pages {
		d.furnish(pg, n)
	}
	for _, e := range d.toc {
		d.c.pages[e.page].items = append(d.c.pages[e.page].items, d.tocItems(e)...)
	}
	return d.c.pages, photos
}

func allUnits(d *doc) []int {
	units := make([]int, len(d.r.Standings))
	for i := range units {
		units[i] = i
	}
	return units
}

// laidOut lays a document out as WriteDossier would, without rendering.
func laidOut(t *testing.T, b *dossier.Book, kind string) *doc {
	t.Helper()
	d, err := newDoc(b, dossier.Rank(b), Options{})
	if err != nil {
		t.Fatal(err)
	}
	switch kind {
	case "dossier":
		d.front()
		assemble(d, allUnits(d))
	case "notice":
		d.notice()
		assemble(d, nil)
	default:
		assemble(d, []int{d.find(kind)})
	}
	return d
}

// checkInside asserts that nothing but the running header and the page
// number leaves the text block.
func checkInside(t *testing.T, d *doc) {
	t.Helper()
	const eps = 0.01
	for i, pg := range d.c.pages {
		for _, it := range pg.items {
			if it.outside {
				continue
			}
			var x0, y0, x1, y1 float64
			switch it.kind {
			case kText:
				x0, y0, x1, y1 = it.x, it.top(), it.x+it.w, it.top()+it.h
			case kLine:
				x0, y0, x1, y1 = min(it.x, it.x+it.w), min(it.y, it.y+it.h), max(it.x, it.x+it.w), max(it.y, it.y+it.h)
			default:
				x0, y0, x1, y1 = it.x, it.y, it.x+it.w, it.y+it.h
			}
			if x0 < marginL-eps || x1 > blockR+eps || y0 < marginT-eps || y1 > blockB+eps {
				t.Errorf("page %d: item %d %q at (%.1f,%.1f)–(%.1f,%.1f) leaves the text block", i+1, it.kind, it.text, x0, y0, x1, y1)
			}
		}
	}
}

// checkHeadings asserts that no heading (level 1 or 2) ends a page:
// whatever follows a heading, the heading is on its page.
func checkHeadings(t *testing.T, d *doc) int {
	t.Helper()
	bad := 0
	for i, pg := range d.c.pages {
		var last *item
		for j := range pg.items {
			if it := &pg.items[j]; it.kind != kLink && !it.outside {
				last = it
			}
		}
		if last != nil && last.kind == kText && (last.font == heading1.font || last.font == heading2.font) &&
			last.size == heading1.size && i+1 < len(d.c.pages) {
			bad++
			if bad <= 5 {
				t.Errorf("page %d ends with the heading %q", i+1, last.text)
			}
		}
	}
	return bad
}

func TestLayoutInsideTextBlock(t *testing.T) {
	b := testBook(t)
	for _, kind := range []string{"dossier", "notice", "u1", "u9"} {
		t.Run(kind, func(t *testing.T) {
			d := laidOut(t, b, kind)
			checkInside(t, d)
			checkHeadings(t, d)
		})
	}
}

// TestLayoutWrapping sets awkward paragraphs as a unit's material and checks
// the lines the layout placed: nothing lost, nothing wider than the text
// block, the punctuation and number rules kept.
func TestLayoutWrapping(t *testing.T) {
	long := strings.Repeat("加强中小学校建设，累计总投资166亿元，新建、改扩建中小学177所，新增学位27.6万个；2021年年底，大班额比例降至6.66%。通过实施“全面改薄”项目，改造校舍面积103万平方米。", 60)
	long = string([]rune(long)[:4999]) + "。"
	latin := strings.Repeat("ABCDEFGHIJ", 6)
	punct := strings.Repeat("“甲”，“乙”。（丙）、【丁】；《戊》：己？庚！‘辛’", 20)
	paras := []string{long, latin, punct, "无效\xff\xfe字节与𠮷字：27.6万个𠮷。", "2021年" + strings.Repeat("中", 25) + "6.66%" + strings.Repeat("国", 24) + "27.6万"}
	b := testBook(t)
	u := b.Unit("u1")
	u.Summary = ""
	u.Photos = nil
	u.Achievements = []dossier.Achievement{{CategoryID: b.Categories[0].ID, Heading: "测试", Body: strings.Join(paras, "\n")}}
	d := laidOut(t, b, "u1")
	checkInside(t, d)
	checkHeadings(t, d)

	lines := bodyLines(d)
	var got strings.Builder
	for _, l := range lines {
		got.WriteString(l.text)
		if !utf8.ValidString(l.text) {
			t.Errorf("invalid UTF-8 in line %q", l.text)
		}
		for _, r := range l.text {
			if r > 0xFFFF {
				t.Errorf("line %q has %q outside the BMP", l.text, r)
			}
		}
	}
	var want strings.Builder
	for _, p := range paras {
		want.WriteString(sanitized(t, p))
	}
	if got.String() != want.String() {
		t.Fatalf("the lines differ from the paragraphs:\n got %q\nwant %q", got.String(), want.String())
	}
	for i := 1; i < len(lines); i++ {
		prev, cur := []rune(lines[i-1].text), []rune(lines[i].text)
		if strings.ContainsRune("，。、；：？！”’）】》", cur[0]) {
			t.Errorf("line starts with %q: %q", cur[0], lines[i].text)
		}
		if strings.ContainsRune("“‘（【《", prev[len(prev)-1]) {
			t.Errorf("line ends with %q: %q", prev[len(prev)-1], lines[i-1].text)
		}
		joint := string(prev) + "|" + string(cur)
		for _, keep := range []string{"27.6万", "2021年", "6.66%"} {
			r := []rune(keep)
			for k := 1; k < len(r); k++ {
				if strings.HasSuffix(string(prev), string(r[:k])) && strings.HasPrefix(string(cur), string(r[k:])) {
					t.Errorf("%s split: %s", keep, joint)
				}
			}
		}
	}
	// The 60 Latin letters are broken by force, inside the text block.
	n := 0
	for _, l := range lines {
		if strings.Trim(l.text, "ABCDEFGHIJ") == "" {
			n++
		}
	}
	if n < 2 {
		t.Errorf("the 60-letter string is on %d lines", n)
	}
	if d.c.warn.list == nil {
		t.Error("no warning for 𠮷 and invalid UTF-8")
	}
}

// bodyLines returns the lines of body text in order, each put together from
// the items on its baseline (a justified line may be set as several runs).
func bodyLines(d *doc) []*item {
	var lines []*item
	for _, pg := range d.c.pages {
		var cur *item
		for j := range pg.items {
			it := pg.items[j]
			if it.kind != kText || it.outside || it.font != body.font || it.size != body.size || it.color != black {
				continue
			}
			if cur != nil && cur.y == it.y {
				cur.text += it.text
				cur.w = it.x + it.w - cur.x
				continue
			}
			cur = &it
			lines = append(lines, cur)
		}
	}
	return lines
}

// TestHeadingsKeptAtScale is issue 9 item 5: in the 300-unit dossier 120
// headings were stranded at a page foot (a category with photos but no
// text, 主要量化指标 before a tall first row).
func TestHeadingsKeptAtScale(t *testing.T) {
	b := bigBook(t, 300)
	for k := range b.Units {
		u := &b.Units[k]
		if k%3 == 0 { // a category with a photo and no text
			cat := u.Photos[0].CategoryID
			var keep []dossier.Achievement
			for _, a := range u.Achievements {
				if a.CategoryID != cat {
					keep = append(keep, a)
				}
			}
			u.Achievements = keep
		}
		if k%5 == 0 && len(u.Values) > 0 { // a tall first indicator row
			u.Values[0].Note = strings.Repeat("指标说明较长，", 12)
		}
	}
	d := laidOut(t, b, "dossier")
	checkInside(t, d)
	if n := checkHeadings(t, d); n > 0 {
		t.Errorf("%d pages end with a heading", n)
	}
}

// TestWidowsOrphans: a paragraph's first line is not alone at a page foot,
// nor its last alone at the next page's head.
func TestWidowsOrphans(t *testing.T) {
	fs, err := loadFonts(dossier.BodySong)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("中", 26+28*4) // five lines
	for room, want := range map[int][2]int{1: {0, 5}, 2: {2, 3}, 4: {3, 2}, 5: {5, 0}} {
		c := newComposer(fs)
		c.newPage()
		c.y = blockB - float64(room)*bodyPitch
		c.body(text)
		got := [2]int{len(c.pages[0].items), 0}
		if len(c.pages) > 1 {
			got[1] = len(c.pages[1].items)
		}
		if got != want {
			t.Errorf("room for %d lines: %v lines on the two pages, want %v", room, got, want)
		}
	}
	c := newComposer(fs)
	c.newPage()
	c.y = blockB - 2*bodyPitch
	c.body(strings.Repeat("中", 26+28*2)) // three lines: kept whole
	if len(c.pages) != 2 || len(c.pages[0].items) != 0 {
		t.Errorf("a three-line paragraph was split: %d pages", len(c.pages))
	}
}
