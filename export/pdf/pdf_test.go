package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/export/typeset"
)

// made caches the documents of testBook, made once for all tests.
var made = struct {
	sync.Once
	dossier, notice, unit []byte
	drep, nrep, urep      *Report
	err                   error
}{}

func documents(t *testing.T) (dossierPDF []byte, rep *Report) {
	t.Helper()
	made.Do(func() {
		b := testBook(t)
		r := dossier.Rank(b)
		var buf bytes.Buffer
		if made.drep, made.err = WriteDossier(&buf, b, r, Options{}); made.err != nil {
			return
		}
		made.dossier = bytes.Clone(buf.Bytes())
		buf.Reset()
		if made.nrep, made.err = WriteNotice(&buf, b, r, Options{}); made.err != nil {
			return
		}
		made.notice = bytes.Clone(buf.Bytes())
		buf.Reset()
		if made.urep, made.err = WriteUnit(&buf, b, r, "u3", Options{}); made.err != nil {
			return
		}
		made.unit = bytes.Clone(buf.Bytes())
	})
	if made.err != nil {
		t.Fatal(made.err)
	}
	return made.dossier, made.drep
}

// poppler runs a poppler-utils tool on the PDF, skipping the test where
// poppler-utils is not installed (CI installs it).
func poppler(t *testing.T, tool string, pdf []byte, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("%s not installed (apt-get install poppler-utils)", tool)
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	args = append(args, path)
	if tool == "pdftotext" {
		args = append(args, "-")
	}
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}

// blockText extracts the text inside the text block (no running headers,
// no page numbers) of pages first to last (0 for all).
func blockText(t *testing.T, pdf []byte, first, last int) string {
	pt := func(mm float64) string { return strconv.Itoa(int(mm / ptMM)) }
	args := []string{"-x", pt(marginL - 1), "-y", pt(marginT - 1), "-W", pt(blockW + 2), "-H", pt(blockH + 2)}
	if first > 0 {
		args = append(args, "-f", strconv.Itoa(first), "-l", strconv.Itoa(last))
	}
	return poppler(t, "pdftotext", pdf, args...)
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// sanitized is the text as the body face can print it.
func sanitized(t *testing.T, s string) string {
	fs, err := loadFonts(dossier.BodySong)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := typeset.Sanitize(s, fs.face[serif])
	return out
}

// unitParagraphs lists the body paragraphs of a unit in the order the
// dossier prints them: summary, then the sections category by category.
func unitParagraphs(b *dossier.Book, u *dossier.Unit) []string {
	ps := dossier.Paragraphs(u.Summary)
	for _, c := range b.Categories {
		for _, a := range u.Achievements {
			if a.CategoryID == c.ID {
				ps = append(ps, a.Paragraphs()...)
			}
		}
	}
	return ps
}

// TestDossierHasAllText checks that every character of every paragraph of
// every unit is in the PDF's text, in order, and the units in rank order.
func TestDossierHasAllText(t *testing.T) {
	pdf, _ := documents(t)
	text := squeeze(blockText(t, pdf, 0, 0))
	b := testBook(t)
	r := dossier.Rank(b)
	pos := 0
	for _, s := range r.Standings {
		u := b.Unit(s.Unit.ID)
		for k, p := range unitParagraphs(b, u) {
			want := squeeze(sanitized(t, p))
			i := strings.Index(text[pos:], want)
			if i < 0 {
				// Report where the paragraph stops matching.
				n := 0
				for n < len([]rune(want)) && strings.Contains(text[pos:], string([]rune(want)[:n+1])) {
					n++
				}
				t.Fatalf("%s paragraph %d not found in order; it matches up to %q, then %q is missing",
					u.Name, k+1, string([]rune(want)[:n]), string([]rune(want)[n:min(n+10, len([]rune(want)))]))
			}
			pos += i + len(want)
		}
	}
}

func TestDossierFontsEmbedded(t *testing.T) {
	pdf, _ := documents(t)
	for name, doc := range map[string][]byte{"dossier": pdf, "notice": made.notice, "unit": made.unit} {
		out := poppler(t, "pdffonts", doc)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) < 3 {
			t.Fatalf("%s: pdffonts lists no font:\n%s", name, out)
		}
		for _, l := range lines[2:] {
			f := strings.Fields(l)
			// name type... encoding emb sub uni object ID
			if len(f) < 7 || f[len(f)-5] != "yes" {
				t.Errorf("%s: font not embedded: %s", name, l)
			}
			if len(f) >= 7 && f[len(f)-4] != "yes" {
				t.Errorf("%s: font not marked as a subset: %s", name, l)
			}
		}
	}
}

func TestDossierDeterministic(t *testing.T) {
	first, _ := documents(t)
	b := testBook(t)
	r := dossier.Rank(b)
	var buf bytes.Buffer
	if _, err := WriteDossier(&buf, b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, buf.Bytes()) {
		t.Error("two runs on the same book gave different dossiers")
	}
	buf.Reset()
	if _, err := WriteNotice(&buf, b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(made.notice, buf.Bytes()) {
		t.Error("two runs on the same book gave different notices")
	}
	if !bytes.Contains(first, []byte("/CreationDate (D:20220315120000)")) {
		t.Error("creation date is not the campaign date")
	}
}

// TestContentsPageNumbers reads the printed table of contents and checks
// that each unit's section starts on the page it gives.
func TestContentsPageNumbers(t *testing.T) {
	pdf, rep := documents(t)
	pages := strings.Split(poppler(t, "pdftotext", pdf, "-layout", "-l", "12"), "\f")
	entry := regexp.MustCompile(`^\s*(\S.*?)[\s.]{6,}(\d+)\s*$`)
	got := map[string]int{}
	for _, pg := range pages {
		if !strings.Contains(pg, "目") || !strings.Contains(pg, "录") {
			continue
		}
		for _, l := range strings.Split(pg, "\n") {
			if m := entry.FindStringSubmatch(l); m != nil {
				n, _ := strconv.Atoi(m[2])
				got[squeeze(m[1])] = n
			}
		}
	}
	b := testBook(t)
	r := dossier.Rank(b)
	last := 0
	for _, s := range r.Standings {
		name := sanitized(t, s.Unit.Name)
		page := -1
		for k, n := range got {
			if strings.HasSuffix(k, name) {
				page = n
			}
		}
		if page < 0 {
			t.Fatalf("%s not in the table of contents %v", name, got)
		}
		if page <= last || page > rep.Pages {
			t.Errorf("%s on page %d, after %d of %d", name, page, last, rep.Pages)
		}
		last = page
		top := strings.TrimSpace(blockText(t, pdf, page, page))
		if !strings.HasPrefix(squeeze(top), name) {
			t.Errorf("the contents give page %d for %s, which starts %q", page, name, firstLine(top))
		}
		if prev := squeeze(blockText(t, pdf, page-1, page-1)); strings.HasPrefix(prev, name) {
			t.Errorf("%s already starts on page %d", name, page-1)
		}
	}
	if p := got["评分与排名规则"]; p != 2 {
		t.Errorf("评分与排名规则 on page %d, want 2", p)
	}
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

func TestDossierFurniture(t *testing.T) {
	pdf, rep := documents(t)
	pages := strings.Split(poppler(t, "pdftotext", pdf, "-layout"), "\f")
	if len(pages) < rep.Pages {
		t.Fatalf("%d pages of text, report says %d", len(pages), rep.Pages)
	}
	if strings.Contains(pages[0], "— 1 —") {
		t.Error("the cover has a page number")
	}
	for i := 1; i < rep.Pages; i++ {
		lines := strings.Split(strings.TrimRight(pages[i], "\n "), "\n")
		num := fmt.Sprintf("— %d —", i+1) // as DESIGN.md prints it, spaces included
		lastLine := lines[len(lines)-1]
		if strings.Join(strings.Fields(lastLine), " ") != num {
			t.Fatalf("page %d: last line %q, want %q", i+1, lastLine, num)
		}
		// Odd pages right, even pages left.
		indent := len(lastLine) - len(strings.TrimLeft(lastLine, " "))
		if (i+1)%2 == 1 && indent < 20 || (i+1)%2 == 0 && indent > 10 {
			t.Errorf("page %d: page number at column %d", i+1, indent)
		}
		if !strings.Contains(pages[i], "河南省义务教育学校标准化建设先进单位评选") {
			t.Errorf("page %d has no running header", i+1)
		}
	}
	info := poppler(t, "pdfinfo", pdf)
	for _, want := range []string{"评审材料汇编", "Author:          河南省教育厅", "先进单位", "Mar 15"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
}

func TestRankingTableAndMarks(t *testing.T) {
	pdf, _ := documents(t)
	text := squeeze(poppler(t, "pdftotext", pdf, "-f", "5", "-l", "5"))
	for _, want := range []string{"排名表", "名额线：以上2个单位拟推荐（拟表彰名额2个）", "拟推荐", "已撤回", "总分", "91.88"} {
		if !strings.Contains(text, want) {
			t.Errorf("ranking page lacks %q:\n%s", want, text)
		}
	}
	all := squeeze(poppler(t, "pdftotext", pdf))
	for _, want := range []string{"去掉最高分", "去掉最低分", "回避，不计", "有效总分达到5份，去掉一个最高分"} {
		if !strings.Contains(all, want) {
			t.Errorf("dossier lacks %q", want)
		}
	}
}

func TestWarnings(t *testing.T) {
	_, rep := documents(t)
	want := []string{
		"吉祥县教育局 事迹材料：字符“𠮷”(U+20BB7) 字体中没有，已以□代替",
		"吉祥县教育局 事迹简介：无效的 UTF-8 字节 0xFF，已以□代替",
	}
	for _, w := range want {
		found := false
		for _, got := range rep.Warnings {
			found = found || got == w
		}
		if !found {
			t.Errorf("no warning %q in %q", w, rep.Warnings)
		}
	}
	seen := map[string]bool{}
	for _, w := range rep.Warnings {
		if seen[w] {
			t.Errorf("warning %q repeated", w)
		}
		seen[w] = true
	}
	pdf, _ := documents(t)
	if !strings.Contains(poppler(t, "pdftotext", pdf), "□□□，第二段落") {
		t.Error("the substitutes are not printed")
	}
}

func TestNotice(t *testing.T) {
	documents(t)
	if made.nrep.Pages != 1 {
		t.Errorf("notice has %d pages, want 1", made.nrep.Pages)
	}
	text := squeeze(poppler(t, "pdftotext", made.notice))
	b := testBook(t)
	r := dossier.Rank(b)
	pos := 0
	for _, s := range r.Standings {
		i := strings.Index(text, s.Unit.Name)
		if s.Listed() {
			if i < pos {
				t.Errorf("%s missing or out of order", s.Unit.Name)
			}
			pos = i
		} else if i >= 0 {
			t.Errorf("%s is not recommended but listed", s.Unit.Name)
		}
	}
	for _, want := range []string{"河南省义务教育学校标准化建设先进单位评选（示例）", "拟推荐单位名单公示", "异议受理", "2022年3月15日", "河南省教育厅", "HN2022-001", "91.88"} {
		if !strings.Contains(text, want) {
			t.Errorf("notice lacks %q", want)
		}
	}
}

func TestUnitPDF(t *testing.T) {
	documents(t)
	b := testBook(t)
	u := b.Unit("u3")
	text := squeeze(blockText(t, made.unit, 0, 0))
	if !strings.HasPrefix(text, u.Name) {
		t.Errorf("unit PDF starts %q", firstLine(text))
	}
	pos := 0
	for _, p := range unitParagraphs(b, u) {
		i := strings.Index(text[pos:], squeeze(p))
		if i < 0 {
			t.Fatalf("paragraph %q missing", p)
		}
		pos += i
	}
	for _, other := range b.Units {
		if other.ID != u.ID && strings.Contains(text, squeeze(other.Summary)) {
			t.Errorf("unit PDF holds %s's summary", other.Name)
		}
	}
	if _, err := WriteUnit(&bytes.Buffer{}, b, nil, "nope", Options{}); !errors.Is(err, ErrNoUnit) {
		t.Errorf("unknown unit: %v", err)
	}
	var buf bytes.Buffer
	if _, err := WriteUnit(&buf, b, nil, u.Code, Options{}); err != nil || !bytes.Equal(buf.Bytes(), made.unit) {
		t.Errorf("by code: %v, same bytes %v", err, bytes.Equal(buf.Bytes(), made.unit))
	}
}

func TestProgress(t *testing.T) {
	b := testBook(t)
	var calls [][2]int
	rep, err := WriteDossier(&bytes.Buffer{}, b, nil, Options{Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) < 3 || calls[0] != [2]int{0, 5} || calls[len(calls)-1] != [2]int{5, 5} {
		t.Errorf("progress calls %v", calls)
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] < calls[i-1][0] {
			t.Errorf("progress goes back: %v", calls)
		}
	}
	if rep.Pages < 20 {
		t.Errorf("%d pages", rep.Pages)
	}
}

func TestChineseNumber(t *testing.T) {
	for n, want := range map[int]string{1: "一", 5: "五", 10: "十", 11: "十一", 20: "二十", 23: "二十三", 99: "九十九", 100: "100"} {
		if got := chineseNumber(n); got != want {
			t.Errorf("chineseNumber(%d) = %q, want %q", n, got, want)
		}
	}
	if got := dateText("2022-03-15"); got != "2022年3月15日" {
		t.Errorf("dateText = %q", got)
	}
}

// tieBook is a small campaign whose two best units tie across the cut
// line (quota 1), with a third unit that has a corrupt photo and no scores.
func tieBook(t *testing.T) *dossier.Book {
	b := demoBook(t)
	b.Units = b.Units[:3]
	b.Campaign.Quota = 1
	b.Scores = nil
	for _, e := range b.Evaluators[:3] {
		for _, u := range b.Units[:2] {
			for _, c := range b.Categories {
				b.Scores = append(b.Scores, dossier.Score{EvaluatorID: e.ID, UnitID: u.ID, CategoryID: c.ID, Value: 175})
			}
		}
	}
	b.Units[2].Photos = []dossier.Photo{{ID: "bad", Caption: "损坏的图片", Format: "jpeg", Data: []byte("not a picture")}}
	return b
}

func TestTieAcrossCutLine(t *testing.T) {
	b := tieBook(t)
	r := dossier.Rank(b)
	if !r.Standings[0].NeedsDecision || !r.Standings[1].NeedsDecision {
		t.Fatalf("the test book has no tie across the cut line: %+v", r.Standings[:2])
	}
	var buf bytes.Buffer
	rep, err := WriteDossier(&buf, b, r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := squeeze(poppler(t, "pdftotext", buf.Bytes()))
	for _, want := range []string{"待评委会决定", "并列", "名额线：以上0个单位拟推荐（拟表彰名额1个）；以下2个单位并列跨越名额线，待评审委员会决定", "第1名（并列）", "无有效评分，不参与排名", "图片无法显示"} {
		if !strings.Contains(text, want) {
			t.Errorf("dossier lacks %q", want)
		}
	}
	found := false
	for _, w := range rep.Warnings {
		found = found || strings.Contains(w, "损坏的图片") && strings.Contains(w, "已以空框代替")
	}
	if !found {
		t.Errorf("no warning for the corrupt photo: %q", rep.Warnings)
	}
	buf.Reset()
	if _, err := WriteNotice(&buf, b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	notice := squeeze(poppler(t, "pdftotext", buf.Bytes()))
	if !strings.Contains(notice, "暂无拟推荐单位") || strings.Contains(notice, b.Units[0].Name) {
		t.Errorf("a tie awaiting the committee's decision is on the notice:\n%s", notice)
	}
	// Once the committee decides, the unit it recommends is listed.
	b.Decisions = []dossier.Decision{{UnitID: r.Standings[0].Unit.ID, Recommended: true, Reason: "评委会表决"}}
	r = dossier.Rank(b)
	buf.Reset()
	if _, err := WriteNotice(&buf, b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if notice := squeeze(poppler(t, "pdftotext", buf.Bytes())); !strings.Contains(notice, r.Standings[0].Unit.Name) {
		t.Errorf("the unit the committee recommended is not on the notice")
	}
}

// TestEmptyBook makes every document of a campaign with nothing in it.
func TestEmptyBook(t *testing.T) {
	b := &dossier.Book{}
	for name, write := range map[string]func() (*Report, error){
		"dossier": func() (*Report, error) { return WriteDossier(&bytes.Buffer{}, b, nil, Options{}) },
		"notice":  func() (*Report, error) { return WriteNotice(&bytes.Buffer{}, b, nil, Options{}) },
	} {
		rep, err := write()
		if err != nil || rep.Pages < 1 {
			t.Errorf("%s: %v, %+v", name, err, rep)
		}
	}
	if _, err := WriteDossier(&bytes.Buffer{}, nil, nil, Options{}); err == nil {
		t.Error("a nil book gave no error")
	}
}

// TestUnitScoresOptional is issue 9 item 11: the single-unit PDF goes back
// to the unit, so it names no evaluator unless asked to; the dossier always
// has the score box, and its rule page says who sees what.
func TestUnitScoresOptional(t *testing.T) {
	documents(t)
	b := testBook(t)
	plain := squeeze(poppler(t, "pdftotext", made.unit))
	evaluator := b.Evaluators[0].Name
	for _, no := range []string{"评分情况", evaluator, "去掉最高分"} {
		if strings.Contains(plain, no) {
			t.Errorf("the unit PDF without scores has %q", no)
		}
	}
	var buf bytes.Buffer
	if _, err := WriteUnit(&buf, b, nil, "u3", Options{WithScores: true}); err != nil {
		t.Fatal(err)
	}
	with := squeeze(poppler(t, "pdftotext", buf.Bytes()))
	for _, want := range []string{"评分情况", evaluator, "最终得分"} {
		if !strings.Contains(with, want) {
			t.Errorf("the unit PDF with scores lacks %q", want)
		}
	}
	pdf, _ := documents(t)
	all := squeeze(poppler(t, "pdftotext", pdf))
	for _, want := range []string{"评分情况", evaluator, "七、材料使用范围", "默认不含评委姓名和评分明细"} {
		if !strings.Contains(all, want) {
			t.Errorf("the dossier lacks %q", want)
		}
	}
}

// TestPDFVersionAndXMP is issue 9 item 10: the header declared PDF 1.3
// though /Lang needs 1.4, and there was no XMP metadata.
func TestPDFVersionAndXMP(t *testing.T) {
	pdf, _ := documents(t)
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.4")) {
		t.Errorf("header %q, want %%PDF-1.4", pdf[:8])
	}
	for _, want := range []string{"/Lang (zh-CN)", "/Metadata", "<x:xmpmeta", "<xmp:CreateDate>2022-03-15T"} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	info := poppler(t, "pdfinfo", pdf, "-meta")
	if !strings.Contains(info, "河南省义务教育学校标准化建设先进单位评选（示例） 评审材料汇编") {
		t.Errorf("the XMP metadata lacks the title:\n%s", info)
	}
}

// TestNoticeSignature is issue 9 item 10: the notice's 署名 and date are
// placed as GB/T 9704 §7.3.5.2 says for an unsealed document.
func TestNoticeSignature(t *testing.T) {
	b := testBook(t)
	d := laidOut(t, b, "notice")
	em := bodySize * ptMM
	var org, date *item
	for _, pg := range d.c.pages {
		for j := range pg.items {
			it := &pg.items[j]
			switch it.text {
			case "河南省教育厅":
				org = it
			case "2022年3月15日":
				date = it
			}
		}
	}
	if org == nil || date == nil {
		t.Fatal("no signature or date")
	}
	// The date (7 characters) is longer than the organiser (6) plus the
	// step, so it ends two characters from the right edge, and starts two
	// characters right of the organiser's first character.
	if r := date.x + date.w; r > blockR-2*em+0.05 || r < blockR-2*em-0.05 {
		t.Errorf("date ends at %.1f mm, want %.1f (右空二字)", r, blockR-2*em)
	}
	if dx := date.x - org.x; dx < 2*em-0.05 || dx > 2*em+0.05 {
		t.Errorf("date starts %.1f mm right of the organiser, want %.1f (two characters)", dx, 2*em)
	}
	if date.y <= org.y {
		t.Error("the date is not below the organiser")
	}
}

// TestLowResolutionPhotoWarned is issue 9 item 10: a 40 × 30 px picture was
// blown up to 133 × 100 mm with no warning.
func TestLowResolutionPhotoWarned(t *testing.T) {
	b := testBook(t)
	u := b.Unit("u1")
	ph := testPhoto(t, "png", 40, 30, 3)
	ph.ID, ph.Caption = "tiny", "小图"
	u.Photos = []dossier.Photo{ph}
	d := laidOut(t, b, "u1")
	found := false
	for _, w := range d.c.warn.list {
		found = found || strings.Contains(w, "小图") && strings.Contains(w, "40×30像素") && strings.Contains(w, "低于150 ppi")
	}
	if !found {
		t.Errorf("no warning for the 40×30 picture: %q", d.c.warn.list)
	}
	for _, pg := range d.c.pages {
		for _, it := range pg.items {
			if it.kind == kImage && it.w > 40.01 {
				t.Errorf("the 40×30 picture is printed %.0f mm wide", it.w)
			}
		}
	}
}

// TestFallbackChain is issue 9 item 9: Greek, Cyrillic and pinyin tone
// letters printed as □; a character the face lacks comes from the next face
// of its chain that has it, and □ is left for what no face has.
func TestFallbackChain(t *testing.T) {
	b := testBook(t)
	u := b.Unit("u1")
	u.Summary = "拼音zhōng guó（中国）、lǜ sè，希腊字母α、β、Ω，西里尔字母Ж、д，以及𠮷。"
	u.Achievements[0].Heading = "测试α与ǎ的标题"
	var buf bytes.Buffer
	rep, err := WriteUnit(&buf, b, nil, "u1", Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := poppler(t, "pdftotext", buf.Bytes())
	for _, want := range []string{"zhōng guó", "lǜ sè", "α、β、Ω", "Ж、д", "测试α与ǎ的标题"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	for _, w := range rep.Warnings {
		if strings.ContainsAny(w, "ōóǜαβΩЖдǎ") {
			t.Errorf("warning for a character a face has: %s", w)
		}
	}
	found := false
	for _, w := range rep.Warnings {
		found = found || strings.Contains(w, "𠮷")
	}
	if !found {
		t.Error("no warning for 𠮷, which no face has")
	}
	if fonts := poppler(t, "pdffonts", buf.Bytes()); !strings.Contains(fonts, "DSUPAA+") {
		t.Errorf("the supplement face is not embedded:\n%s", fonts)
	}
}

// TestAudit300Units is the 0-characters-lost audit at campaign scale: every
// body character of every unit of a 300-unit dossier, in order, is in the
// PDF's text, and the same campaign gives the same bytes.
func TestAudit300Units(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	b := bigBook(t, 300)
	for k := range b.Units { // long joint-application names too
		if k%25 == 0 {
			b.Units[k].Name = jointName()[:3*(46+k%50)]
		}
	}
	r := dossier.Rank(b)
	var buf bytes.Buffer
	if _, err := WriteDossier(&buf, b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	text := squeeze(blockText(t, buf.Bytes(), 0, 0))
	pos, chars := 0, 0
	for _, s := range r.Standings {
		u := b.Unit(s.Unit.ID)
		for k, p := range unitParagraphs(b, u) {
			want := squeeze(sanitized(t, p))
			i := strings.Index(text[pos:], want)
			if i < 0 {
				t.Fatalf("%s paragraph %d not found in order: %q", u.Name, k+1, want)
			}
			pos += i + len(want)
			chars += len([]rune(want))
		}
	}
	t.Logf("%d body characters of 300 units found in order", chars)
	var again bytes.Buffer
	if _, err := WriteDossier(&again, b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two runs on the 300-unit campaign gave different bytes")
	}
}

// TestOutlineCounts is issue 9 item 10: every outline entry had /Count 0,
// those with children too.
func TestOutlineCounts(t *testing.T) {
	pdf, _ := documents(t)
	// Each ranked unit's entry has one child per category and 评分情况.
	want := []byte(fmt.Sprintf("/Count %d>>", len(testBook(t).Categories)+1))
	if n := bytes.Count(pdf, want); n < 4 {
		t.Errorf("%d outline entries with %s, want one per unit", n, want)
	}
	if _, err := exec.LookPath("qpdf"); err == nil {
		path := filepath.Join(t.TempDir(), "d.pdf")
		os.WriteFile(path, pdf, 0o644)
		if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}
}
