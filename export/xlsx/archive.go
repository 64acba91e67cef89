package xlsx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"path"
	"strings"
	"sync"
	"unicode/utf8"
)

// Limits on a workbook read from outside. A file is checked against them
// before any part of it is parsed (see openArchive).
const (
	// MaxFileBytes is the largest workbook accepted.
	MaxFileBytes = 50 << 20
	// maxEntries bounds the parts of the zip archive.
	maxEntries = 2000
	// maxTotalBytes bounds the uncompressed size of all parts together.
	maxTotalBytes = 200 << 20
	// maxXMLBytes bounds each XML part.
	maxXMLBytes = 16 << 20
	// maxRatio is the highest compression ratio accepted for a part of
	// more than ratioFloor bytes.
	maxRatio   = 100
	ratioFloor = 1 << 20
)

// archive is a zip archive whose directory has been checked (entry count,
// declared sizes, compression ratios, methods). Every entry is inflated
// exactly once, and its real size and CRC checked, before any of its
// content is used: parts the reader needs when it reads them, the others
// by finish. The first integrity failure is kept in fail.
type archive struct {
	name  string
	zr    *zip.Reader
	files map[string]*zip.File // by lower-case name
	done  map[*zip.File]bool   // entries inflated and checked
	fail  *FileError
}

// openArchive checks that r holds a workbook that is safe to read. It
// refuses, with a message that names what the file is, empty files, files
// over MaxFileBytes, old-format and encrypted Office files, text, and zip
// archives with too many entries, XML parts or total sizes beyond the
// limits, compression ratios of a zip bomb, duplicate entries, encrypted
// entries and unsupported compression. Nothing is inflated yet: read
// checks each part's real size and CRC as it inflates it, and finish
// checks the parts never read.
func openArchive(name string, r io.ReaderAt, size int64) (*archive, *FileError) {
	fail := func(format string, args ...any) (*archive, *FileError) {
		return nil, fileError(name, "", "", format, args...)
	}
	if size == 0 {
		return fail("文件是空的（0 字节），请重新保存后再提交")
	}
	if size > MaxFileBytes {
		return fail("文件过大（%.1f MB），超过 %d MB 的上限；请压缩或删除过大的图片后重新保存", float64(size)/(1<<20), MaxFileBytes>>20)
	}
	head := make([]byte, min(size, 4096))
	if _, err := r.ReadAt(head, 0); err != nil && !errors.Is(err, io.EOF) {
		return fail("无法读取文件：%v", err)
	}
	if !bytes.HasPrefix(head, []byte("PK\x03\x04")) && !bytes.HasPrefix(head, []byte("PK\x05\x06")) {
		return fail("%s", notZip(name, r, size, head))
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return fail("文件已损坏或不完整（无法作为 .xlsx 压缩包读取），可能没有下载或复制完整；请重新获取文件，或用 Excel/WPS 打开后重新保存")
	}
	if len(zr.File) > maxEntries {
		return fail("文件异常：压缩包内有 %d 个部件，超过 %d 个的上限，不是正常的申报表；已拒绝读取", len(zr.File), maxEntries)
	}
	a := &archive{name: name, zr: zr, files: make(map[string]*zip.File, len(zr.File)), done: map[*zip.File]bool{}}
	var declared uint64
	for _, f := range zr.File {
		n := partName(f.Name)
		key := strings.ToLower(n)
		if _, dup := a.files[key]; dup {
			return fail("文件异常：压缩包内部件“%s”重复出现，无法确定以哪一个为准；请用 Excel/WPS 打开后重新保存", clipName(n))
		}
		a.files[key] = f
		if f.Flags&0x1 != 0 {
			return fail("文件的压缩包部件“%s”已加密，无法读取；请取消加密后重新保存", clipName(n))
		}
		if f.Method != zip.Store && f.Method != zip.Deflate {
			return fail("文件的压缩包部件“%s”使用了不支持的压缩方式（%d）；请用 Excel/WPS 打开后重新保存", clipName(n), f.Method)
		}
		declared += f.UncompressedSize64
		if f.UncompressedSize64 > maxTotalBytes || declared > maxTotalBytes {
			return fail("文件异常：压缩包内容解压后超过 %d MB（部件“%s”声明 %s），疑似“压缩炸弹”；已拒绝读取",
				maxTotalBytes>>20, clipName(n), megabytes(f.UncompressedSize64))
		}
		if isXMLPart(n) && f.UncompressedSize64 > maxXMLBytes {
			return fail("文件异常：压缩包部件“%s”解压后为 %s，超过 %d MB 的上限，不是正常的申报表；已拒绝读取",
				clipName(n), megabytes(f.UncompressedSize64), maxXMLBytes>>20)
		}
		if f.UncompressedSize64 > ratioFloor && f.UncompressedSize64 > maxRatio*max(f.CompressedSize64, 1) {
			return fail("文件异常：压缩包部件“%s”的压缩比为 %d:1（解压后 %s），远超正常文件，疑似“压缩炸弹”；已拒绝读取",
				clipName(n), f.UncompressedSize64/max(f.CompressedSize64, 1), megabytes(f.UncompressedSize64))
		}
	}
	return a, nil
}

// inflate inflates one entry, at most one byte past its declared size,
// into w, checking the real size and the CRC. A failure is kept in a.fail.
func (a *archive) inflate(f *zip.File, w io.Writer) bool {
	if a.fail != nil {
		return false
	}
	a.done[f] = true
	n := clipName(partName(f.Name))
	fail := func(format string, args ...any) bool {
		a.fail = fileError(a.name, "", "", format, args...)
		return false
	}
	rc, err := f.OpenRaw()
	if err != nil {
		return fail("文件已损坏：无法读取压缩包部件“%s”；请用 Excel/WPS 打开后重新保存", n)
	}
	in := inflaters.Get().(*inflater)
	defer func() {
		in.br.Reset(nil) // keep no hold on the workbook's bytes
		inflaters.Put(in)
	}()
	var src io.Reader = io.LimitReader(rc, int64(f.CompressedSize64))
	if f.Method == zip.Deflate {
		in.br.Reset(src)
		if in.fr == nil {
			in.fr = flate.NewReader(in.br)
		} else if err := in.fr.(flate.Resetter).Reset(in.br, nil); err != nil {
			return fail("文件已损坏：无法读取压缩包部件“%s”；请用 Excel/WPS 打开后重新保存", n)
		}
		src = in.fr
	}
	h := crc32.NewIEEE()
	got, err := io.CopyBuffer(io.MultiWriter(h, w), io.LimitReader(src, int64(f.UncompressedSize64)+1), in.buf)
	switch {
	case uint64(got) > f.UncompressedSize64:
		return fail("文件已损坏或被篡改：压缩包部件“%s”的实际内容比声明的 %d 字节更长；已拒绝读取，请用 Excel/WPS 打开后重新保存", n, f.UncompressedSize64)
	case err != nil || uint64(got) < f.UncompressedSize64:
		return fail("文件已损坏或不完整：压缩包部件“%s”无法完整解压；请重新获取文件，或用 Excel/WPS 打开后重新保存", n)
	case h.Sum32() != f.CRC32:
		return fail("文件已损坏：压缩包部件“%s”的校验值（CRC）不符，内容可能已被改动；已拒绝读取，请重新获取文件或重新保存", n)
	}
	return true
}

// inflater is the state one inflation needs, kept for the next: a
// decompressor holds a 32 KB window and its Huffman tables, and a workbook
// has a score of parts, so making them afresh for each part made a third
// of the reader's garbage (700 KB a file).
type inflater struct {
	br  *bufio.Reader // a byte reader, so flate does not wrap src in its own
	fr  io.ReadCloser
	buf []byte
}

var inflaters = sync.Pool{New: func() any {
	return &inflater{br: bufio.NewReaderSize(nil, 4<<10), buf: make([]byte, 32<<10)}
}}

// finish checks every entry not read yet and returns the first integrity
// failure of the archive, or nil.
func (a *archive) finish() *FileError {
	for _, f := range a.zr.File {
		if a.fail != nil {
			break
		}
		if !a.done[f] && !(strings.HasSuffix(f.Name, "/") && f.UncompressedSize64 == 0) {
			a.inflate(f, io.Discard)
		}
	}
	return a.fail
}

// open returns the entry named name (case-insensitive), or nil.
func (a *archive) open(name string) *zip.File {
	return a.files[strings.ToLower(partName(name))]
}

// has reports whether the archive holds the named part.
func (a *archive) has(name string) bool { return a.open(name) != nil }

// read returns the content of a part of at most limit bytes, inflated and
// checked.
func (a *archive) read(name string, limit int64) ([]byte, error) {
	f := a.open(name)
	if f == nil {
		return nil, errNoPart
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, errPartTooBig
	}
	b := bytes.NewBuffer(make([]byte, 0, f.UncompressedSize64))
	if !a.inflate(f, b) {
		return nil, errCorrupt
	}
	return b.Bytes(), nil
}

var (
	errNoPart     = errors.New("xlsx: no such part")
	errPartTooBig = errors.New("xlsx: part over the size limit")
	errCorrupt    = errors.New("xlsx: part fails its integrity check")
)

// partName normalises a zip entry name into an OPC part name.
func partName(n string) string {
	return strings.TrimPrefix(strings.ReplaceAll(n, "\\", "/"), "/")
}

// resolve returns the part a relationship target points to, from the part
// that holds the relationship.
func resolve(from, target string) string {
	target = strings.ReplaceAll(target, "\\", "/")
	if i := strings.IndexAny(target, "#?"); i >= 0 {
		target = target[:i]
	}
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join(path.Dir(from), target)), "/")
}

// relsOf is the relationships part of a part: xl/_rels/workbook.xml.rels
// for xl/workbook.xml.
func relsOf(part string) string {
	return path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
}

func clipName(n string) string {
	if !utf8.ValidString(n) {
		n = strings.ToValidUTF8(n, "?")
	}
	if r := []rune(n); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return n
}

func megabytes(n uint64) string {
	return fmt.Sprintf("%.0f MB", float64(n)/(1<<20))
}

// Messages for the spreadsheet formats we do not read, saying how to
// save the file as a workbook we do.
const (
	msgODS     = "这是 OpenDocument 表格（.ods），请在 WPS 或 LibreOffice 中“另存为”Excel 工作簿（.xlsx）后再导入"
	msgFODS    = "这是 OpenDocument 平面 XML 表格（.fods），请在 LibreOffice 中“另存为”Excel 工作簿（.xlsx）后再导入"
	msgXLSB    = "这是 Excel 二进制工作簿（.xlsb），请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再导入"
	msgNumbers = "这是 Apple Numbers 表格，请在 Numbers 中“导出到—Excel”（.xlsx）后再导入"
	msgET      = "这是 WPS 表格文件（.et），请在 WPS 中“另存为”Excel 工作簿（.xlsx）后再导入"
	msgXLS     = "文件是旧版 Excel 97-2003 工作簿（.xls），不是 .xlsx；请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再导入"
	msgCSV     = "这是 CSV 文本文件，只能存一张表，放不下申报表的几个工作表和图片，不能作为申报表导入；请用下发的申报表模板（.xlsx）填写，把内容复制到模板中对应的位置后保存为 .xlsx 再导入"
)

// notZip names what a file that is not a zip archive seems to be, from its
// first bytes and its name.
func notZip(name string, r io.ReaderAt, size int64, head []byte) string {
	const resave = "请用 Excel 或 WPS 打开后“另存为”Excel 工作簿（*.xlsx）再提交"
	ext := strings.ToLower(path.Ext(strings.ReplaceAll(name, "\\", "/")))
	switch {
	case bytes.HasPrefix(head, []byte(oleMagic)):
		// An OLE compound file: an encrypted workbook (its streams are
		// named EncryptionInfo and EncryptedPackage), or an old binary
		// Office file.
		all := make([]byte, size)
		n, _ := r.ReadAt(all, 0)
		all = all[:n]
		switch {
		case bytes.Contains(all, utf16le("EncryptionInfo")) || bytes.Contains(all, utf16le("EncryptedPackage")):
			return "文件设置了打开密码（已加密），无法读取；请在 Excel/WPS 中取消密码后重新保存为 .xlsx 再提交"
		case bytes.Contains(all, utf16le("WordDocument")):
			return "文件是 Word 文档（.doc），不是 Excel 工作簿；请使用下发的申报表模板（.xlsx）填写"
		case ext == ".et" || ext == ".ett":
			return msgET
		case bytes.Contains(all, utf16le("Workbook")) || bytes.Contains(all, utf16le("Book")):
			return msgXLS
		}
		return "文件是旧版 Office 格式，不是 .xlsx；" + resave
	case bytes.HasPrefix(head, []byte("%PDF")):
		return "文件是 PDF，不是 Excel 工作簿；请使用下发的申报表模板（.xlsx）填写"
	case bytes.Contains(head, []byte("<office:document")) && bytes.Contains(head, []byte("opendocument.spreadsheet")):
		return msgFODS
	case looksLikeHTML(head):
		return "文件是网页（HTML）格式，只是扩展名为 Excel；" + resave
	case looksLikeText(head) && (ext == ".csv" || ext == ".tsv"):
		return msgCSV
	case looksLikeText(head):
		return "文件是文本文件（可能是 CSV），不是 Excel 工作簿；" + resave
	}
	return "文件不是 Excel 工作簿（.xlsx），无法识别其格式，可能已损坏；请使用下发的申报表模板填写并保存为 .xlsx"
}

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

func looksLikeHTML(head []byte) bool {
	h := bytes.ToLower(bytes.TrimSpace(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))))
	return bytes.HasPrefix(h, []byte("<!doctype html")) || bytes.HasPrefix(h, []byte("<html")) ||
		(bytes.HasPrefix(h, []byte("<")) && bytes.Contains(h, []byte("<table")))
}

// looksLikeText reports whether the first bytes read as text: no NUL and
// few control characters (GBK-encoded CSV is not valid UTF-8, so bytes
// above 0x7F count as text).
func looksLikeText(head []byte) bool {
	if len(head) == 0 {
		return false
	}
	bad := 0
	for _, c := range head {
		switch {
		case c == 0:
			return false
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			bad++
		}
	}
	return bad*50 < len(head)
}

// isXMLPart reports whether a part is XML (the parts that are parsed).
func isXMLPart(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".xml") || strings.HasSuffix(n, ".rels") || strings.HasSuffix(n, ".vml")
}
