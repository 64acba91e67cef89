package typeset

import (
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-app/dossier/assets"
)

var (
	fontOnce sync.Once
	testFont *Font
	fontErr  error
)

func serif(t testing.TB) *Font {
	t.Helper()
	fontOnce.Do(func() {
		testFont, fontErr = ParseFont(assets.SerifRegular)
	})
	if fontErr != nil {
		t.Fatal(fontErr)
	}
	return testFont
}

// seedText is a paragraph of the seed document, with numbers and quotations.
const seedText = "加强中小学校建设，把市区中小学建设项目列入市政府民生实事积极推进，十三五期间，累计总投资166亿元，新建、改扩建中小学177所，新增学位27.6万个，其中小学学位19.2万个、初中学位8.4万个，有效缓解了市区中小学的入学压力。通过实施“全面改薄”项目，改造校舍面积103万平方米，室外运动场地面积42.6万平方米。2021年年底，义务教育阶段大班额比例降至6.66%，比2018年下降31.23个百分点，超大班额全部消除。制定《郑州都市区中小学布局规划2014-2030》，严格执行“同步规划设计、同步审批供地、同步建设施工”的要求。"

func TestParseFont(t *testing.T) {
	f := serif(t)
	for _, r := range "中国，。“”0123456789ABCxyz□ " {
		if !f.Has(r) {
			t.Errorf("font lacks %q", r)
		}
	}
	if got := f.Advance('中'); got != 1000 {
		t.Errorf("Advance(中) = %d, want 1000", got)
	}
	if f.Has(0x20BB7) || f.Advance(0x20BB7) != 0 {
		t.Error("a rune outside the BMP must not be covered")
	}
	if f.Has(-1) || f.Has(0x110000) {
		t.Error("invalid runes must not be covered")
	}
	if f.Ascent <= 0 || f.Descent >= 0 {
		t.Errorf("ascent %d, descent %d", f.Ascent, f.Descent)
	}
	for _, bad := range [][]byte{nil, []byte("OTTO0000000000000"), []byte("ttcf000000000000"), make([]byte, 40)} {
		if _, err := ParseFont(bad); err == nil {
			t.Errorf("ParseFont(%q) succeeded", bad)
		}
	}
}

func TestSanitize(t *testing.T) {
	f := serif(t)
	tests := []struct {
		name, in, want string
		miss           []Missing
	}{
		{"clean", "郑州市教育局 ABC 6.66%", "郑州市教育局 ABC 6.66%", nil},
		{"non-BMP", "吉𠮷祥", "吉□祥", []Missing{{Rune: 0x20BB7}}},
		{"invalid UTF-8", "甲\xff乙\xc3", "甲□乙□", []Missing{{Rune: utf8.RuneError, Byte: 0xff}, {Rune: utf8.RuneError, Byte: 0xc3}}},
		{"whitespace", "甲\t乙\r\n丙", "甲 乙  丙", nil},
		{"format characters dropped", "\ufeff甲\u200b乙\u00ad", "甲乙", nil},
		{"control character", "甲\x01乙", "甲□乙", []Missing{{Rune: 1}}},
		{"empty", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, miss := Sanitize(tt.in, f)
			if got != tt.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if len(miss) != len(tt.miss) {
				t.Fatalf("missing = %v, want %v", miss, tt.miss)
			}
			for i := range miss {
				if miss[i] != tt.miss[i] {
					t.Errorf("missing[%d] = %v, want %v", i, miss[i], tt.miss[i])
				}
			}
		})
	}
	if got := (Missing{Rune: 0x20BB7}).String(); got != "字符“𠮷”(U+20BB7) 字体中没有，已以□代替" {
		t.Errorf("Missing.String() = %q", got)
	}
	if got := (Missing{Rune: utf8.RuneError, Byte: 0xFF}).String(); !strings.Contains(got, "0xFF") {
		t.Errorf("Missing.String() = %q", got)
	}
}

// checkLines asserts the invariants of a broken paragraph: nothing lost,
// nothing wider than the measure, the Chinese line-start and line-end rules
// and the number-unit rule (lines forced inside an unbreakable run aside).
func checkLines(t *testing.T, f *Font, text string, lines []Line, size, width, indent float64) {
	t.Helper()
	var all strings.Builder
	for i, l := range lines {
		all.WriteString(l.Text)
		avail := width
		if i == 0 {
			avail -= indent
		}
		if l.Width > avail+1e-6 && utf8.RuneCountInString(l.Trimmed()) > 1 {
			t.Errorf("line %d %q is %.2f wide, more than %.2f", i, l.Text, l.Width, avail)
		}
		if w := f.Width(l.Trimmed(), size); w-l.Width > 1e-6 || l.Width-w > 1e-6 {
			t.Errorf("line %d %q: Width %.3f, measured %.3f", i, l.Text, l.Width, w)
		}
		if l.Text == "" {
			t.Errorf("line %d is empty", i)
		}
		if l.Last != (i == len(lines)-1) {
			t.Errorf("line %d: Last = %v", i, l.Last)
		}
	}
	if all.String() != text {
		t.Fatalf("lines put together differ from the text:\n got %q\nwant %q", all.String(), text)
	}
}

// checkRules asserts the punctuation and number rules at every line break.
func checkRules(t *testing.T, lines []Line) {
	t.Helper()
	for i := 1; i < len(lines); i++ {
		prev, cur := []rune(lines[i-1].Trimmed()), []rune(lines[i].Text)
		if len(prev) == 0 || len(cur) == 0 {
			continue
		}
		first, last := cur[0], prev[len(prev)-1]
		if strings.ContainsRune("，。、；：？！”’）】》", first) {
			t.Errorf("line %d starts with %q: %q", i, first, lines[i].Text)
		}
		if strings.ContainsRune("“‘（【《", last) {
			t.Errorf("line %d ends with %q: %q", i-1, last, lines[i-1].Text)
		}
		joint := string(prev[max(0, len(prev)-4):]) + "|" + string(cur[:min(len(cur), 4)])
		// Long units (个百分点, 万平方米) may break inside as a last
		// resort (TestLongUnitSoftBreak); their number stays with them.
		for _, keep := range []string{"27.6万", "2021年", "6.66%", "166亿元", "31.23个", "103万", "2018年"} {
			for k := 1; k < len([]rune(keep)); k++ {
				r := []rune(keep)
				if strings.Contains(joint, string(r[:k])+"|"+string(r[k:])) {
					t.Errorf("%s split across lines %d and %d: %s", keep, i-1, i, joint)
				}
			}
		}
	}
}

func TestBreak(t *testing.T) {
	f := serif(t)
	const size = 16.0
	long := strings.Repeat(seedText, 5000/len([]rune(seedText))+1)
	long = string([]rune(long)[:5000])
	latin := strings.Repeat("ABCDEFGHIJ", 6)
	punct := strings.Repeat("甲，乙。丙、丁；戊：己？庚！“辛”‘壬’（癸）【子】《丑》", 12)
	invalid, _ := Sanitize("学位\xff\xfe27.6万个𠮷𠮷，"+seedText+"\xc0", f)
	tests := []struct {
		name          string
		text          string
		width, indent float64
		minLines      int
	}{
		{"5000 characters", long, 28 * size, 2 * size, 160},
		{"60 unbreakable Latin characters", latin, 156 / 25.4 * 72, 0, 2},
		{"60 Latin characters in a narrow column", latin, 3 * size, 0, 8},
		{"punctuation", punct, 20 * size, 2 * size, 10},
		{"invalid UTF-8 and 𠮷", invalid, 28 * size, 2 * size, 7},
		{"single character", "中", 28 * size, 2 * size, 1},
		{"character wider than the line", "中文", size / 2, 0, 2},
		{"spaces", "Evaluation   committees select advanced units     ", 8 * size, 0, 2},
	}
	var b Breaker
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := b.Break(tt.text, f, size, tt.width, tt.indent)
			if len(lines) < tt.minLines {
				t.Errorf("%d lines, want at least %d", len(lines), tt.minLines)
			}
			checkLines(t, f, tt.text, lines, size, tt.width, tt.indent)
			if tt.name != "character wider than the line" && !strings.Contains(tt.name, "Latin") {
				checkRules(t, lines)
			}
		})
	}
	t.Run("full lines", func(t *testing.T) {
		// 28 ideographs at 16 pt fill a 28 em line exactly.
		text := strings.Repeat("中", 60)
		lines := b.Break(text, f, size, 28*size, 2*size)
		if got := len([]rune(lines[0].Text)); got != 26 {
			t.Errorf("first line has %d characters, want 26", got)
		}
		if got := len([]rune(lines[1].Text)); got != 28 {
			t.Errorf("second line has %d characters, want 28", got)
		}
	})
	t.Run("every width", func(t *testing.T) {
		// Sweep the measure so that every number lands at a line end.
		for w := 2.0; w <= 30; w += 0.25 {
			lines := b.Break(seedText, f, size, w*size, 2*size)
			checkLines(t, f, seedText, lines, size, w*size, 2*size)
			if w >= 9 { // wide enough for the longest unbreakable run, 31.23个百分点，
				checkRules(t, lines)
			}
		}
	})
	t.Run("quotation marks break like brackets", func(t *testing.T) {
		text := "甲乙“丙丁”戊己"
		// Room for 3 characters. UAX #14 alone keeps 乙“ together and would
		// give 甲|乙“丙|丁”戊|己.
		lines := b.Break(text, f, size, 3*size, 0)
		var got []string
		for _, l := range lines {
			got = append(got, l.Text)
		}
		if strings.Join(got, "|") != "甲乙|“丙|丁”戊|己" {
			t.Errorf("lines %q", got)
		}
	})
	t.Run("empty", func(t *testing.T) {
		if lines := b.Break("", f, size, 100, 0); lines != nil {
			t.Errorf("Break(\"\") = %v", lines)
		}
	})
}

func TestBreakBalanced(t *testing.T) {
	f := serif(t)
	var b Breaker
	title := "郑州市高位推进“五大工程”开创义务教育公平优质新局面"
	lines := b.BreakBalanced(title, f, 22, 20*22)
	if len(lines) != 2 {
		t.Fatalf("%d lines", len(lines))
	}
	checkLines(t, f, title, lines, 22, 20*22, 0)
	if d := lines[0].Width - lines[1].Width; d > 2*22 || d < -2*22 {
		t.Errorf("unbalanced: %q %q", lines[0].Text, lines[1].Text)
	}
}

func FuzzBreak(f *testing.F) {
	for _, s := range []string{seedText, "𠮷\xff", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "“”‘’（）《》，。", "2021年6.66%27.6万"} {
		f.Add(s, 5.5)
	}
	font := serif(f)
	f.Fuzz(func(t *testing.T, s string, ems float64) {
		if ems != ems || ems < 0.1 || ems > 100 {
			return
		}
		text, _ := Sanitize(s, font)
		if !utf8.ValidString(text) {
			t.Fatalf("Sanitize(%q) is not valid UTF-8", s)
		}
		for _, r := range text {
			if !font.Has(r) {
				t.Fatalf("Sanitize(%q) kept %q", s, r)
			}
		}
		var b Breaker
		lines := b.Break(text, font, 10, ems*10, 0)
		var all strings.Builder
		for i, l := range lines {
			all.WriteString(l.Text)
			if l.Width > ems*10+1e-6 && len([]rune(l.Trimmed())) > 1 {
				t.Fatalf("line %d %q too wide", i, l.Text)
			}
		}
		if all.String() != text {
			t.Fatalf("lost text: %q != %q", all.String(), text)
		}
		// Justified and title breaking lose nothing either.
		for name, ls := range map[string][]Line{
			"BreakJustified": b.BreakJustified(text, font, 10, ems*10, 0),
			"BreakTitle":     b.BreakTitle(text, font, 10, ems*10),
		} {
			var got strings.Builder
			for _, l := range ls {
				got.WriteString(l.Text)
				if l.Text == "" {
					t.Fatalf("%s: empty line", name)
				}
			}
			if got.String() != text {
				t.Fatalf("%s lost text: %q != %q", name, got.String(), text)
			}
		}
	})
}

func BenchmarkBreak(b *testing.B) {
	f := serif(b)
	text := strings.Repeat(seedText, 10)
	var br Breaker
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		br.Break(text, f, 16, 28*16, 32)
	}
}

// TestNumberUnitAcrossSpace is issue 9 item 3: "满分合计 100 ⏎ 分" and
// "拟表彰名额 30 ⏎ 个" — a number keeps its unit across a space too.
func TestNumberUnitAcrossSpace(t *testing.T) {
	f := serif(t)
	var b Breaker
	for _, text := range []string{"本次评选满分合计 100 分。", "拟表彰名额 30 个", "参与排名的单位 4 个，比上年下降 31.23 个百分点"} {
		for w := 6.0; w <= 20; w += 0.5 { // 6 em: the longest unbreakable run, "31.23 个"
			lines := b.Break(text, f, 10, w*10, 0)
			for i := 1; i < len(lines); i++ {
				prev, cur := strings.TrimRight(lines[i-1].Text, " "), []rune(lines[i].Text)
				pr := []rune(prev)
				if unicode.IsDigit(pr[len(pr)-1]) && unicode.Is(unicode.Han, cur[0]) {
					t.Errorf("width %.1f em: %q | %q splits a number from its unit", w, lines[i-1].Text, lines[i].Text)
				}
			}
		}
	}
}

// TestLongUnitSoftBreak is issue 9 item 4: when "31.23个百分点，" does not
// fit, the line before was left up to 39 mm short; a break inside the long
// unit word is allowed rather than leave a hole, and only then.
func TestLongUnitSoftBreak(t *testing.T) {
	f := serif(t)
	var b Breaker
	text := "义务教育阶段大班额比例降至6.66%，比2018年下降31.23个百分点，超大班额全部消除。"
	short := 0
	for w := 10.0; w <= 28; w += 0.25 {
		lines := b.Break(text, f, 10, w*10, 0)
		checkLines(t, f, text, lines, 10, w*10, 0)
		for i, l := range lines[:len(lines)-1] {
			// At worst the hole is "31.23个", the number with the unit's
			// first character; it was the whole "31.23个百分点，".
			if gap := w*10 - l.Width; gap > f.Width("31.23个", 10)+1e-6 && strings.HasPrefix(lines[i+1].Text, "31.23") {
				short++
				t.Errorf("width %.2f em: line %d %q is %.1f em short", w, i, l.Text, gap/10)
			}
		}
		for i := 1; i < len(lines); i++ {
			if strings.HasSuffix(strings.TrimSpace(lines[i-1].Text), "31.23") {
				t.Errorf("width %.2f em: the number is split from its unit: %q | %q", w, lines[i-1].Text, lines[i].Text)
			}
		}
	}
	// Where the unit fits, it stays whole.
	lines := b.Break("下降31.23个百分点", f, 10, 30*10, 0)
	if len(lines) != 1 {
		t.Errorf("%d lines", len(lines))
	}
}

// TestConnectorNotAtLineStart is issue 9 item 10: "（2021 ⏎ —2023年）"; a
// connector between numbers neither starts nor ends a line (GB/T 15834).
func TestConnectorNotAtLineStart(t *testing.T) {
	f := serif(t)
	var b Breaker
	text := "郑州市中小学布局规划（2021—2023年）与（2024～2030年）同步实施"
	for w := 8.0; w <= 30; w += 0.25 {
		lines := b.Break(text, f, 10, w*10, 0)
		for i := 1; i < len(lines); i++ {
			first := []rune(lines[i].Text)[0]
			prev := []rune(strings.TrimSpace(lines[i-1].Text))
			if isConnector(first) || isConnector(prev[len(prev)-1]) {
				t.Errorf("width %.2f em: %q | %q", w, lines[i-1].Text, lines[i].Text)
			}
		}
	}
}

// TestClosingRunFillsLines is issue 9 item 6: 40 "！" were set one per line
// (14 one-character lines); each line is filled, the bad start accepted.
func TestClosingRunFillsLines(t *testing.T) {
	f := serif(t)
	var b Breaker
	for _, mark := range []string{"！", "。", "（", "”"} {
		text := "他说" + strings.Repeat(mark, 40)
		lines := b.Break(text, f, 10, 28*10, 0)
		checkLines(t, f, text, lines, 10, 28*10, 0)
		if len(lines) != 2 {
			t.Errorf("%s: %d lines, want 2: %v", mark, len(lines), lines)
		}
	}
}

// TestBreakJustifiedSqueezes: a line that the punctuation's blank halves
// would let fit is not ended early.
func TestBreakJustifiedSqueezes(t *testing.T) {
	f := serif(t)
	var b Breaker
	// 27 ideographs, a comma, then more: at 28.6 em the comma and the next
	// character fit once the comma is compressed by half an em.
	text := strings.Repeat("中", 27) + "，" + "国" + strings.Repeat("文", 10)
	plain := b.Break(text, f, 10, 28.6*10, 0)
	sq := b.BreakJustified(text, f, 10, 28.6*10, 0)
	if got := []rune(plain[0].Text); len(got) != 28 {
		t.Errorf("plain first line has %d characters", len(got))
	}
	if got := []rune(sq[0].Text); len(got) != 29 {
		t.Errorf("squeezed first line %q has %d characters, want 29", sq[0].Text, len(got))
	}
	if over := sq[0].Width - 28.6*10; over <= 0 || over > float64(Squeezable('，', f))/100+1e-6 {
		t.Errorf("squeezed line is %.2f over the measure", over)
	}
}

// TestBreakTitle is issue 9 item 8: "标准化 ⏎ 建设" on the cover; a title is
// broken at word boundaries, balanced.
func TestBreakTitle(t *testing.T) {
	f := serif(t)
	var b Breaker
	for _, c := range []struct {
		title string
		size  float64
		want  string
	}{
		{"河南省义务教育学校标准化建设先进单位评选（示例）", 26, "河南省义务教育学校标准化建设|先进单位评选（示例）"},
		{"郑州市高位推进“五大工程”开创义务教育公平优质新局面", 20, "郑州市高位推进“五大工程”|开创义务教育公平优质新局面"},
		{"某某市教育局、某某市发展和改革委员会、某某市财政局联合申报", 20, "某某市教育局、某某市|发展和改革委员会、某某市财政局联合申报"}, // 梯形: the upper line shorter,
	} {
		width := 156 / 25.4 * 72.0 // the text block, in points
		lines := b.BreakTitle(c.title, f, c.size, width)
		var got []string
		for _, l := range lines {
			got = append(got, l.Text)
			if l.Width > width+1e-6 {
				t.Errorf("%q: line %q too wide", c.title, l.Text)
			}
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("BreakTitle(%q) = %q, want %q", c.title, strings.Join(got, "|"), c.want)
		}
	}
}

func TestFallback(t *testing.T) {
	f := serif(t)
	// A font that has only Latin letters, falling back to the serif face.
	latin := &Font{adv: make([]uint16, 0x10000)}
	for r := range latin.adv {
		latin.adv[r] = missing
	}
	for r := 'A'; r <= 'z'; r++ {
		latin.adv[r] = 600
	}
	chain := Fallback(latin, f)
	if chain.Source('A') != 0 || chain.Advance('A') != 600 {
		t.Errorf("A: source %d, advance %d", chain.Source('A'), chain.Advance('A'))
	}
	if chain.Source('中') != 1 || chain.Advance('中') != f.Advance('中') {
		t.Errorf("中: source %d, advance %d", chain.Source('中'), chain.Advance('中'))
	}
	if got, miss := Sanitize("A中𠮷", chain); got != "A中□" || len(miss) != 1 {
		t.Errorf("Sanitize through the chain: %q %v", got, miss)
	}
}
