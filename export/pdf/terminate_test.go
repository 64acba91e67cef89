package pdf

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dossier-app/dossier/dossier"
)

// within runs f and fails the test if it has not returned after limit:
// a layout loop that does not end shows as a failure, not a hung test.
func within(t testing.TB, limit time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(limit):
		t.Fatalf("%s: not finished after %v", what, limit)
	}
}

// jointName is the name of a joint application, 100 CJK characters, the
// most import accepts.
func jointName() string {
	name := "某某市教育局、某某市发展和改革委员会、某某市财政局、某某市自然资源和规划局、某某市住房和城乡建设局、某某市人力资源和社会保障局联合申报"
	r := []rune(strings.Repeat(name, 2))
	return string(r[:100])
}

// TestLongUnitNameHeader is issue 9 item 1: a unit name of 46 or more CJK
// characters hung the export in the running header's shortening loop.
// Every length up to 100 must finish, and the header's unit name is itself
// shortened with “…” so that both parts fit above the text block.
func TestLongUnitNameHeader(t *testing.T) {
	full := []rune(jointName())
	for _, n := range []int{45, 46, 47, 60, 100} {
		b := testBook(t)
		u := b.Unit("u1")
		u.Name = string(full[:n])
		var d *doc
		within(t, 20*time.Second, "layout", func() { d = laidOut(t, b, "u1") })
		checkInside(t, d)
		pg := d.c.pages[0]
		var header []item
		for _, it := range pg.items {
			if it.kind == kText && it.outside && it.font == furniture.font && it.size == furniture.size {
				header = append(header, it)
			}
		}
		if len(header) != 2 {
			t.Fatalf("%d characters: %d header items", n, len(header))
		}
		l, r := header[0], header[1]
		if l.x < marginL-0.01 || r.x+r.w > blockR+0.01 || l.x+l.w+headerGap > r.x+0.01 {
			t.Errorf("%d characters: header parts %q (%.1f–%.1f) and %q (%.1f–%.1f) overlap or leave the block",
				n, l.text, l.x, l.x+l.w, r.text, r.x, r.x+r.w)
		}
		if n >= 46 {
			if !strings.HasSuffix(r.text, "…") || !strings.HasPrefix(u.Name, strings.TrimSuffix(r.text, "…")) {
				t.Errorf("%d characters: the header's unit name is %q, want a shortened %q…", n, r.text, u.Name[:9])
			}
			if utf8.RuneCountInString(r.text) < 20 {
				t.Errorf("%d characters: the header's unit name is shortened to %q", n, r.text)
			}
		}
		// The unit's own title still prints the whole name.
		var title strings.Builder
		for _, it := range pg.items {
			if it.kind == kText && !it.outside && it.size == 20 {
				title.WriteString(it.text)
			}
		}
		if title.String() != u.Name {
			t.Errorf("%d characters: title %q, want the whole name", n, title.String())
		}
	}
	// And the whole export finishes, through the renderer.
	b := testBook(t)
	b.Unit("u2").Name = jointName()
	within(t, 60*time.Second, "WriteDossier", func() {
		if _, err := WriteDossier(&bytes.Buffer{}, b, nil, Options{}); err != nil {
			t.Error(err)
		}
	})
}

// TestTableHugeHeader: a header row taller than a third of the page is not
// repeated, and the table still ends.
func TestTableHugeHeader(t *testing.T) {
	b := testBook(t)
	b.Categories[0].Name = strings.Repeat("类别名称很长", 60)
	var d *doc
	within(t, 20*time.Second, "dossier layout", func() { d = laidOut(t, b, "dossier") })
	if len(d.c.pages) == 0 {
		t.Fatal("no pages")
	}
}

var (
	fuzzBookOnce sync.Once
	fuzzBook     *dossier.Book
)

// layoutCase fills a small campaign with fuzzed text and lays out every
// document; class and n, when n > 0, replace the field sel picks with n
// characters of one class (ideographs, closing punctuation, digits…).
func layoutCase(t *testing.T, name, title, heading, caption, body string, sel, class uint8, n uint16) {
	classes := []string{"中", "！", "。", "“", "（", "9", "A", " ", "—", "…", "𠮷", "\xff", "1万", "、"}
	if n > 0 {
		s := strings.Repeat(classes[int(class)%len(classes)], int(n)%10001)
		switch sel % 6 {
		case 0:
			name = s
		case 1:
			title = s
		case 2:
			heading = s
		case 3:
			caption = s
		case 4:
			body = s
		default:
			body = s + body
		}
	}
	fuzzBookOnce.Do(func() { fuzzBook = demoBook(t) })
	b := new(dossier.Book)
	*b = *fuzzBook
	b.Units = append([]dossier.Unit(nil), fuzzBook.Units[:2]...)
	u := &b.Units[0]
	u.Name, u.Title = name, title
	u.Achievements = []dossier.Achievement{{CategoryID: b.Categories[0].ID, Heading: heading, Body: body}}
	u.Photos = append([]dossier.Photo(nil), u.Photos[:min(1, len(u.Photos))]...)
	for i := range u.Photos {
		u.Photos[i].Caption = caption
	}
	b.Campaign.Title = title
	within(t, 30*time.Second, "layout", func() {
		for _, kind := range []string{"dossier", "notice", "u1"} {
			d := laidOut(t, b, kind)
			checkInside(t, d)
		}
	})
}

// FuzzLayout lays out the documents with random names, titles, headings,
// captions and bodies, including 1–10,000 characters of one class, each
// case under a time bound: every layout loop must end, and nothing may
// leave the text block.
func FuzzLayout(f *testing.F) {
	f.Add(jointName(), "郑州市高位推进“五大工程”开创义务教育公平优质新局面", "测试标题", "示例图片", "新增学位27.6万个。", uint8(0), uint8(0), uint16(0))
	f.Add("甲", "乙", "丙", "丁", "戊", uint8(4), uint8(1), uint16(40))
	f.Add("甲", "乙", "丙", "丁", "戊", uint8(0), uint8(0), uint16(100))
	f.Add("甲", "乙", "丙", "丁", "戊", uint8(2), uint8(6), uint16(10000))
	f.Add("甲", "乙", "丙", "丁", "戊", uint8(3), uint8(8), uint16(3000))
	f.Add("甲", "乙", "丙", "丁", "戊", uint8(1), uint8(0), uint16(10000))
	f.Fuzz(func(t *testing.T, name, title, heading, caption, body string, sel, class uint8, n uint16) {
		layoutCase(t, name, title, heading, caption, body, sel, class, n)
	})
}

// TestLayoutOneClass runs the one-class cases of FuzzLayout over every
// field and class at a few lengths on every test run.
func TestLayoutOneClass(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	for sel := uint8(0); sel < 6; sel++ {
		for class := uint8(0); class < 14; class++ {
			n := []uint16{47, 1200}[(sel+class)%2]
			layoutCase(t, "甲单位", "乙标题", "丙", "丁", "戊。", sel, class, n)
		}
	}
}
