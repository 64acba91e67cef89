package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/dossier-app/dossier/dossier"
)

// The hostile corpus: files a campaign receives from outside that must be
// refused quickly, within bounded memory, with a message that names the
// file (and the sheet and cell where there is one). The inputs are all
// generated here, deterministically; the large ones (zip bombs of 2 GB)
// are a few MB of deflate data made by repeating one compressed block.

// Bounds every hostile file must be refused within. The memory bound is
// absolute. The time bound is relative to the machine it runs on: a hostile
// file must be refused within hostileFactor times what reading a normal,
// valid submission takes there, in the same run (hostileTime), so that a
// loaded two-core machine or Wine, which slow both alike, cannot fail it,
// while a runaway (inflating a 2 GB bomb takes seconds) still does.
// hostileFloor keeps the bound above the clock's resolution (Windows
// counts in steps of up to 16 ms). Speed itself is measured by the
// benchmarks, never here.
const (
	hostileFactor = 100
	hostileFloor  = 250 * time.Millisecond
	hostileBytes  = 200 << 20
)

// hostileTime is the time bound for hostile files on this machine now:
// hostileFactor times the mean of five reads of a valid submission with
// two pictures (a few milliseconds on a quiet machine, so about 0.3–0.5 s).
func hostileTime(t testing.TB, b *dossier.Book) time.Duration {
	t.Helper()
	good := filledWorkbook(t, b, testJPEG(t, 640, 480, 1), testJPEG(t, 640, 480, 2))
	const n = 5
	start := time.Now()
	for range n {
		if _, err := readBytes("good.xlsx", good, b); err != nil {
			t.Fatal(err)
		}
	}
	mean := time.Since(start) / n
	limit := max(hostileFactor*mean, hostileFloor)
	t.Logf("a valid submission reads in %v: hostile files within %v", mean.Round(time.Microsecond), limit.Round(time.Millisecond))
	return limit
}

// zeroBlocks returns a raw deflate stream that inflates to n MiB of zeros,
// built from one compressed MiB repeated: about 1 KB per MiB.
func zeroBlocks(n int) []byte {
	var one bytes.Buffer
	w, _ := flate.NewWriter(&one, flate.BestCompression)
	w.Write(make([]byte, 1<<20))
	w.Flush() // byte-aligned, not final
	block := one.Bytes()
	out := bytes.Repeat(block, n)
	return append(out, 0x01, 0x00, 0x00, 0xFF, 0xFF) // final empty stored block
}

// entry is a zip entry written raw: its compressed bytes and the header
// fields as they will be declared, true or not.
type entry struct {
	method     uint16
	raw        []byte
	crc        uint32
	size       uint64 // declared uncompressed size
	compressed bool   // raw is already compressed
}

// deflated compresses content and declares it honestly.
func deflated(content []byte) entry {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.DefaultCompression)
	w.Write(content)
	w.Close()
	return entry{method: zip.Deflate, raw: b.Bytes(), crc: crc32.ChecksumIEEE(content), size: uint64(len(content)), compressed: true}
}

// withEntries copies the zip archive base, replacing (or adding, or with a
// nil entry removing) the entries named in repl, written raw with the
// header fields they declare.
func withEntries(t testing.TB, base []byte, repl map[string]*entry) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	write := func(name string, e *entry) {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: e.method, CRC32: e.crc,
			CompressedSize64: uint64(len(e.raw)), UncompressedSize64: e.size})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.raw)
	}
	done := map[string]bool{}
	for _, f := range zr.File {
		if e, ok := repl[f.Name]; ok {
			done[f.Name] = true
			if e != nil {
				write(f.Name, e)
			}
			continue
		}
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	for name, e := range repl {
		if !done[name] && e != nil {
			write(name, e)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// partOf returns the content of a part of an archive.
func partOf(t testing.TB, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatalf("no part %s", name)
	return nil
}

// sheetPart returns the part name of a sheet of a workbook written by
// excelize.
func sheetPart(t testing.TB, data []byte, sheet string) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	i, err := f.GetSheetIndex(sheet)
	if err != nil || i < 0 {
		t.Fatalf("no sheet %s", sheet)
	}
	// excelize numbers its parts in sheet order.
	return fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)
}

// edit opens data with excelize, applies fn and returns the new bytes.
func edit(t testing.TB, data []byte, fn func(f *excelize.File) error) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := fn(f); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return buf.Bytes()
}

// replaceInPart rewrites one part of the archive, replacing old by new.
func replaceInPart(t testing.TB, data []byte, part, old, new string) []byte {
	t.Helper()
	content := partOf(t, data, part)
	if !bytes.Contains(content, []byte(old)) {
		t.Fatalf("%s does not contain %q", part, old)
	}
	e := deflated(bytes.Replace(content, []byte(old), []byte(new), 1))
	return withEntries(t, data, map[string]*entry{part: &e})
}

type hostileCase struct {
	name  string
	data  []byte
	sheet string // "" for a problem with the whole file
	cell  string
	want  string // part of the message
}

func hostileCorpus(t *testing.T) []hostileCase {
	b := testBook()
	good := filledWorkbook(t, b, testJPEG(t, 200, 150, 1), testJPEG(t, 100, 80, 2))
	if _, err := readBytes("good.xlsx", good, b); err != nil {
		t.Fatalf("the base workbook is refused: %v", err)
	}
	basicPart := sheetPart(t, good, SheetBasic)
	sectionsPart := sheetPart(t, good, SheetAchievements)
	bomb := func(part string, mib int, declared uint64) []byte {
		raw := zeroBlocks(mib)
		if declared == 0 {
			declared = uint64(mib) << 20
		}
		return withEntries(t, good, map[string]*entry{part: {method: zip.Deflate, raw: raw, size: declared}})
	}
	var cases []hostileCase
	add := func(name string, data []byte, sheet, cell, want string) {
		cases = append(cases, hostileCase{name, data, sheet, cell, want})
	}

	// Zip bombs: 2 GB of zeros in about 2 MB, declared honestly.
	add("bomb-sheet", bomb(basicPart, 2048, 0), "", "", "解压后超过 200 MB（部件“"+basicPart+"”声明 2048 MB），疑似“压缩炸弹”")
	add("bomb-styles", bomb("xl/styles.xml", 2048, 0), "", "", "部件“xl/styles.xml”声明 2048 MB")
	add("bomb-sharedstrings", bomb("xl/sharedStrings.xml", 2048, 0), "", "", "部件“xl/sharedStrings.xml”声明 2048 MB")
	// Under the total cap but with an absurd compression ratio.
	add("bomb-ratio", bomb("xl/media/image9.png", 150, 0), "", "", "的压缩比为 1011:1（解压后 150 MB），远超正常文件，疑似“压缩炸弹”")
	add("bomb-xml-part", bomb(basicPart, 150, 0), "", "", "压缩包部件“"+basicPart+"”解压后为 150 MB，超过 16 MB 的上限")
	// Under-declared: says 10 KB, inflates to 2 GB.
	add("bomb-underdeclared", bomb(basicPart, 2048, 10<<10), "", "", "实际内容比声明的 10240 字节更长")

	// An entry whose declared size is smaller than its content: excelize
	// silently truncates the sheet.
	content := partOf(t, good, sectionsPart)
	e := deflated(content)
	e.size = uint64(len(content) - 100)
	e.crc = crc32.ChecksumIEEE(content[:len(content)-100])
	add("underdeclared-entry", withEntries(t, good, map[string]*entry{sectionsPart: &e}), "", "", "“"+sectionsPart+"”的实际内容比声明的")

	// A stored part changed after its CRC was computed: excelize returns
	// the altered data without error.
	ss := partOf(t, good, "xl/sharedStrings.xml")
	altered := bytes.Replace(ss, []byte("郑州市教育局"), []byte("洛阳市教育局"), 1)
	add("bad-crc", withEntries(t, good, map[string]*entry{"xl/sharedStrings.xml": {method: zip.Store, raw: altered, crc: crc32.ChecksumIEEE(ss), size: uint64(len(altered))}}),
		"", "", "“xl/sharedStrings.xml”的校验值（CRC）不符")
	// The same with a CRC of zero, which archive/zip does not check.
	add("zero-crc", withEntries(t, good, map[string]*entry{"xl/sharedStrings.xml": {method: zip.Store, raw: altered, crc: 0, size: uint64(len(altered))}}),
		"", "", "校验值（CRC）不符")

	add("truncated", good[:len(good)/2], "", "", "文件已损坏或不完整")
	add("truncated-end", good[:len(good)-10], "", "", "文件已损坏或不完整")
	rnd := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 64<<10)
	for i := range random {
		random[i] = byte(rnd.UintN(256))
	}
	random[0] = 0x8F
	add("random", random, "", "", "无法识别其格式")
	add("random-after-zip-magic", append([]byte("PK\x03\x04"), random...), "", "", "文件已损坏或不完整")
	add("empty", nil, "", "", "文件是空的（0 字节）")
	add("csv", []byte("申报编号,单位名称,所属地区\nHN2022-001,郑州市教育局,郑州市\n"), "", "", "文件是文本文件（可能是 CSV）")
	add("csv-gbk", []byte("\xc9\xea\xb1\xa8\xb1\xe0\xba\xc5,\xb5\xa5\xce\xbb\r\n1,2\r\n"), "", "", "文件是文本文件（可能是 CSV）")
	add("html-xls", []byte("<html><body><table><tr><td>1</td></tr></table></body></html>"), "", "", "网页（HTML）")
	ole := append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 1024)...)
	xls := append(append([]byte{}, ole...), utf16le("Workbook")...)
	add("xls", xls, "", "", "旧版 Excel 97-2003 工作簿（.xls）")
	add("doc", append(append([]byte{}, ole...), utf16le("WordDocument")...), "", "", "Word 文档（.doc）")
	docx := withEntries(t, mustZip(t, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels":         `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`,
	}), nil)
	add("docx", docx, "", "", "Word 文档（.docx）")
	add("plain-zip", mustZip(t, map[string]string{"readme.txt": "hello"}), "", "", "不是 Excel 工作簿（缺少工作簿部件）")

	enc := edit(t, good, func(f *excelize.File) error { return nil })
	{
		f, _ := excelize.OpenReader(bytes.NewReader(enc))
		var buf bytes.Buffer
		if _, err := f.WriteTo(&buf, excelize.Options{Password: "123456"}); err != nil {
			t.Fatal(err)
		}
		f.Close()
		enc = buf.Bytes()
	}
	add("encrypted", enc, "", "", "文件设置了打开密码（已加密）")

	many := map[string]string{}
	for i := 0; i < 2500; i++ {
		many[fmt.Sprintf("x/%d.txt", i)] = "x"
	}
	add("too-many-entries", mustZip(t, many), "", "", "压缩包内有 2500 个部件")
	dup := withEntries(t, good, map[string]*entry{"XL/STYLES.XML": ptr(deflated([]byte("<x/>")))})
	add("duplicate-entry", dup, "", "", "部件“XL/STYLES.XML”重复出现")
	add("unsupported-method", withEntries(t, good, map[string]*entry{"xl/styles.xml": {method: 14, raw: []byte("lzma"), size: 4}}), "", "", "不支持的压缩方式（14）")

	// Workbook structure and content.
	add("missing-sheet", edit(t, good, func(f *excelize.File) error { return f.DeleteSheet(SheetBasic) }), "", "", "缺少工作表“基本信息”")
	add("wrong-header", edit(t, good, func(f *excelize.File) error { return f.SetCellStr(SheetAchievements, "C1", "内容") }),
		SheetAchievements, "", "找不到表头行（应有“类别”“标题”“正文”几列）")
	add("merged-cells", edit(t, good, func(f *excelize.File) error { return f.MergeCell(SheetAchievements, "B2", "C2") }),
		SheetAchievements, "B2:C2", "合并单元格跨越了“标题”“正文”几列")
	add("merged-values", edit(t, good, func(f *excelize.File) error { return f.MergeCell(SheetIndicators, "D2", "D3") }),
		SheetIndicators, "D2:D3", "“数值”列有几行被合并成一个单元格")
	add("hidden-row", edit(t, good, func(f *excelize.File) error { return f.SetRowVisible(SheetAchievements, 3, false) }),
		SheetAchievements, "A3", "第 3 行被隐藏，但其中有将要导入的内容")
	add("hidden-column", edit(t, good, func(f *excelize.File) error { return f.SetColVisible(SheetIndicators, "E", false) }),
		SheetIndicators, "E1", "“说明”列被隐藏")
	long := strings.Repeat("长", 100_000)
	add("100000-character-cell", replaceInPart(t, good, "xl/sharedStrings.xml", "落实立德树人根本任务。", long),
		SheetAchievements, "C3", "“正文”有 100000 字，超过 20000 字的上限")
	add("invalid-utf8", replaceInPart(t, good, "xl/sharedStrings.xml", "落实立德树人根本任务。", "落实\xff\xfe任务"),
		SheetAchievements, "C3", "单元格中有无法识别的字符（文字编码已损坏）")
	add("control-character", replaceInPart(t, good, "xl/sharedStrings.xml", "落实立德树人根本任务。", "落实\x01任务"),
		SheetAchievements, "C3", "无法识别的字符")
	add("formula", edit(t, good, func(f *excelize.File) error { return f.SetCellFormula(SheetIndicators, "D2", "SUM(100000,176000)") }),
		SheetIndicators, "D2", "单元格含有公式（=SUM(100000,176000)）")
	add("formula-text-field", edit(t, good, func(f *excelize.File) error { return f.SetCellFormula(SheetBasic, "B2", `"郑州"&"市教育局"`) }),
		SheetBasic, "B2", "单元格含有公式")
	add("approximate", edit(t, good, func(f *excelize.File) error { return f.SetCellStr(SheetIndicators, "D2", "约27万") }),
		SheetIndicators, "D2", "“约27万”是约数，请填写确切数字，约数等说明写在“说明”列")
	add("date-value", edit(t, good, func(f *excelize.File) error {
		st, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		f.SetCellValue(SheetIndicators, "D4", 45000)
		return f.SetCellStyle(SheetIndicators, "D4", "D4", st)
	}), SheetIndicators, "D4", "日期或时间格式")
	add("unknown-category", edit(t, good, func(f *excelize.File) error { return f.SetCellStr(SheetAchievements, "A3", "不存在工程") }),
		SheetAchievements, "A3", "类别“不存在工程”不是本次评选的类别")
	add("unknown-indicator", edit(t, good, func(f *excelize.File) error { return f.SetCellStr(SheetIndicators, "B2", "新增座位") }),
		SheetIndicators, "B2", "指标“新增座位”不是本次评选规定的指标")
	add("picture-in-column-b", edit(t, good, func(f *excelize.File) error {
		return f.AddPictureFromBytes(SheetPhotos, "B5", &excelize.Picture{Extension: ".jpg", File: testJPEG(t, 50, 50, 3)})
	}), SheetPhotos, "B5", "图片左上角位于 B5，应放在该行的 D 列或其右侧")
	add("two-pictures-one-row", edit(t, good, func(f *excelize.File) error {
		return f.AddPictureFromBytes(SheetPhotos, "E2", &excelize.Picture{Extension: ".jpg", File: testJPEG(t, 50, 50, 3)})
	}), SheetPhotos, "D2", "第 2 行有 2 张图片（D2、E2），每行只能放一张")
	add("hidden-picture-row", edit(t, good, func(f *excelize.File) error {
		if err := f.AddPictureFromBytes(SheetPhotos, "D30", &excelize.Picture{Extension: ".jpg", File: testJPEG(t, 50, 50, 4)}); err != nil {
			return err
		}
		return f.SetRowVisible(SheetPhotos, 30, false)
	}), SheetPhotos, "A30", "第 30 行被隐藏")
	odd := testJPEG(t, 40, 40, 99)
	withOdd := edit(t, good, func(f *excelize.File) error {
		return f.AddPictureFromBytes(SheetPhotos, "D6", &excelize.Picture{Extension: ".jpg", File: odd})
	})
	add("not-a-picture", withEntries(t, withOdd, map[string]*entry{mediaHolding(t, withOdd, odd): ptr(deflated(tiffHeader()))}),
		SheetPhotos, "D6", "不支持的图片格式（TIFF）")
	bombPNG := func() []byte {
		m := image.NewGray(image.Rect(0, 0, 6000, 6000))
		for i := range m.Pix {
			m.Pix[i] = 0xFF
		}
		var buf bytes.Buffer
		png.Encode(&buf, m)
		return buf.Bytes()
	}()
	add("picture-bomb", edit(t, good, func(f *excelize.File) error {
		return f.AddPictureFromBytes(SheetPhotos, "D7", &excelize.Picture{Extension: ".png", File: bombPNG})
	}), SheetPhotos, "D7", "6000×6000 像素的图片只有")
	flat := func() []byte {
		var buf bytes.Buffer
		jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, 6000, 6000)), &jpeg.Options{Quality: 75})
		return buf.Bytes()
	}()
	add("too-many-pixels", edit(t, good, func(f *excelize.File) error {
		for r := 4; r <= 9; r++ {
			f.SetCellStr(SheetPhotos, cellName(3, r), "大图")
			if err := f.AddPictureFromBytes(SheetPhotos, cellName(4, r), &excelize.Picture{Extension: ".jpg", File: flat}); err != nil {
				return err
			}
		}
		return nil
	}), SheetPhotos, "", "图片总量过大：需要重新处理的图片共约 21600 万像素，超过 20000 万像素的上限")
	var cells strings.Builder
	for i := 0; i < 30_000; i++ {
		fmt.Fprintf(&cells, `<row r="%d"><c r="A%d"><v>1</v></c></row>`, i+100, i+100)
	}
	add("too-many-cells", replaceInPart(t, good, basicPart, "</sheetData>", cells.String()+"</sheetData>"),
		SheetBasic, "", "工作表内容过多（超过 20000 个单元格）")
	var big strings.Builder
	for i := 0; i < 500_000; i++ {
		fmt.Fprintf(&big, `<row r="%d"><c r="B%d"><v>%d</v></c></row>`, i+100, i+100, rnd.Uint64())
	}
	add("sheet-part-over-cap", replaceInPart(t, good, basicPart, "</sheetData>", big.String()+"</sheetData>"),
		"", "", "压缩包部件“"+basicPart+"”解压后为 32 MB，超过 16 MB 的上限")
	add("broken-xml", replaceInPart(t, good, basicPart, "</sheetData>", "<row><c><v>1</c></row></sheetData>"),
		SheetBasic, "", "工作表内容已损坏，无法读取")
	sheetXML := string(partOf(t, good, basicPart))
	a1 := sheetXML[strings.Index(sheetXML, `<c r="A1"`):]
	a1 = a1[:strings.Index(a1, "</c>")]
	add("shared-string-index", replaceInPart(t, good, basicPart, a1, a1[:strings.Index(a1, "<v>")]+"<v>99999</v>"),
		SheetBasic, "A1", "单元格引用的文字不存在")
	return cases
}

// sparse returns an entry of n MiB that compresses about 90:1: one
// compressed MiB (zeros with a random byte every 256 bytes) repeated.
func sparse(n int) *entry {
	rnd := rand.New(rand.NewPCG(3, 4))
	chunk := make([]byte, 1<<20)
	for i := 0; i < len(chunk); i += 256 {
		chunk[i] = byte(rnd.UintN(255) + 1)
	}
	var one bytes.Buffer
	w, _ := flate.NewWriter(&one, flate.BestCompression)
	w.Write(chunk)
	w.Flush()
	raw := append(bytes.Repeat(one.Bytes(), n), 0x01, 0x00, 0x00, 0xFF, 0xFF)
	crc := uint32(0)
	for i := 0; i < n; i++ {
		crc = crc32.Update(crc, crc32.IEEETable, chunk)
	}
	return &entry{method: zip.Deflate, raw: raw, crc: crc, size: uint64(n) << 20}
}

func ptr[T any](v T) *T { return &v }

// mediaHolding returns the name of the media part holding content.
func mediaHolding(t testing.TB, data, content []byte) string {
	t.Helper()
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/media/") && bytes.Equal(partOf(t, data, f.Name), content) {
			return f.Name
		}
	}
	t.Fatal("no media part holds the picture")
	return ""
}

// tiffHeader is the start of a TIFF file.
func tiffHeader() []byte { return append([]byte("II*\x00\x08\x00\x00\x00"), make([]byte, 100)...) }

// mustZip builds a small zip archive.
func mustZip(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, name := range sortedKeys(toBytes(files)) {
		w, _ := zw.Create(name)
		io.WriteString(w, files[name])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func toBytes(m map[string]string) map[string][]byte {
	out := make(map[string][]byte, len(m))
	for k, v := range m {
		out[k] = []byte(v)
	}
	return out
}

func TestHostileFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 2 GB zip bombs (a few MB each)")
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	b := testBook()
	limit := hostileTime(t, b)
	for _, c := range hostileCorpus(t) {
		t.Run(c.name, func(t *testing.T) {
			file := c.name + ".xlsx"
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			sub, err := readBytes(file, c.data, b)
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			if sub != nil || err == nil {
				t.Fatalf("accepted: %+v", sub)
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T %v, want *FileError", err, err)
			}
			if fe.File != file {
				t.Errorf("FileError.File %q", fe.File)
			}
			found := false
			for _, p := range fe.Problems {
				if p.File != file || !strings.HasPrefix(p.String(), "文件 "+file) {
					t.Errorf("problem does not name the file: %s", p)
				}
				if p.Sheet == c.sheet && p.Cell == c.cell && strings.Contains(p.Message, c.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("no problem at sheet %q cell %q saying %q; got:\n%s", c.sheet, c.cell, c.want, fe.Error())
			}
			if elapsed > limit {
				t.Errorf("took %v, over %v", elapsed, limit)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > hostileBytes {
				t.Errorf("allocated %d MB", alloc>>20)
			}
			t.Logf("%v, %.1f MB allocated: %s", elapsed.Round(time.Millisecond), float64(after.TotalAlloc-before.TotalAlloc)/(1<<20), fe.Problems[0])
		})
	}
	left, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// The worst case for time among files that pass the archive check: 190 MB
// of parts at a compression ratio just under the limit, every byte
// inflated to check its CRC. It is read, within the hostile bounds.
func TestArchiveWorstCase(t *testing.T) {
	if testing.Short() {
		t.Skip("inflates 190 MB")
	}
	b := testBook()
	good := filledWorkbook(t, b, testJPEG(t, 64, 48, 1), testJPEG(t, 64, 48, 2))
	data := withEntries(t, good, map[string]*entry{"xl/media/big.bin": sparse(190)})
	limit := hostileTime(t, b)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err := readBytes("big.xlsx", data, b)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if elapsed > limit || after.TotalAlloc-before.TotalAlloc > hostileBytes {
		t.Errorf("%v (bound %v), %d MB allocated", elapsed, limit, (after.TotalAlloc-before.TotalAlloc)>>20)
	}
	t.Logf("%d KB file: %v, %.1f MB allocated", len(data)>>10, elapsed, float64(after.TotalAlloc-before.TotalAlloc)/(1<<20))
}

func TestOversizedFile(t *testing.T) {
	path := t.TempDir() + "/big.xlsx"
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	limit := hostileTime(t, testBook())
	start := time.Now()
	_, err = ReadSubmission(path, testBook())
	if err == nil || !strings.Contains(err.Error(), "超过 50 MB 的上限") || time.Since(start) > limit {
		t.Errorf("error %v after %v", err, time.Since(start))
	}
	_, err = ReadSubmission(t.TempDir()+"/none.xlsx", testBook())
	if err == nil || !strings.Contains(err.Error(), "文件不存在") {
		t.Errorf("missing file: %v", err)
	}
}

// All problems of a file are reported, not just the first.
func TestAllProblemsReported(t *testing.T) {
	b := testBook()
	data := filledWorkbook(t, b, testJPEG(t, 64, 48, 1), testJPEG(t, 64, 48, 2))
	data = edit(t, data, func(f *excelize.File) error {
		f.SetCellStr(SheetBasic, "B2", "")
		f.SetCellStr(SheetIndicators, "D2", "约27万")
		f.SetCellStr(SheetIndicators, "D3", "二十")
		f.SetCellStr(SheetAchievements, "A3", "无此类别")
		return f.SetCellFormula(SheetIndicators, "D6", "1+1")
	})
	_, err := readBytes("多处.xlsx", data, b)
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatal(err)
	}
	var got []string
	for _, p := range fe.Problems {
		got = append(got, p.Sheet+"!"+p.Cell)
	}
	want := []string{"基本信息!B2", "事迹材料!A3", "量化指标!D6", "量化指标!D2", "量化指标!D3"}
	for _, w := range want {
		if !strings.Contains(strings.Join(got, " "), w) {
			t.Errorf("missing %s in %v", w, got)
		}
	}
	if len(fe.Problems) != len(want) {
		t.Errorf("%d problems: %s", len(fe.Problems), fe.Error())
	}
}

var _ = dossier.FormatNumber
