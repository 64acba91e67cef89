package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// writeWorkbook writes f to w with the parts that other spreadsheet
// programs trip on, as excelize writes them, rewritten the way Excel
// writes them:
//
//   - docProps/core.xml with the cp: prefix on its root and on the
//     core-properties elements: excelize declares that namespace as the
//     default one, and ExcelJS then fails to open the workbook (exceljs
//     #2603);
//   - charts without the 3-D view, floor and walls excelize adds to every
//     chart (a 2-D bar chart has none), with booleans as 0/1, the language
//     zh-CN, and, when cache is given, the cached values of the series
//     (viewers that do not recalculate draw a chart from its cache).
//
// Every other part is copied as it is, compressed bytes and all.
//
// With numericFormulas, worksheets' formula cells whose cached value is a
// number are typed as numbers: excelize types every formula cell as text
// (t="str"), and the cached sums of the score workbook's 合计 would read
// as text.
func writeWorkbook(f *excelize.File, w io.Writer, cache *chartCache, numericFormulas bool) error {
	buf, err := f.WriteToBuffer()
	if err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, zf := range zr.File {
		var fix func([]byte) []byte
		switch n := zf.Name; {
		case n == "docProps/core.xml":
			fix = prefixCoreProps
		case strings.HasPrefix(n, "xl/charts/chart") && strings.HasSuffix(n, ".xml"):
			fix = func(b []byte) []byte { return fixChart(b, cache) }
		case numericFormulas && strings.HasPrefix(n, "xl/worksheets/sheet") && strings.HasSuffix(n, ".xml"):
			fix = func(b []byte) []byte { return numericFormula.ReplaceAll(b, []byte("${1}${2}")) }
		}
		if fix == nil {
			if err := zw.Copy(zf); err != nil {
				return err
			}
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		hdr := zf.FileHeader
		hdr.CompressedSize64, hdr.UncompressedSize64, hdr.CRC32 = 0, 0, 0
		out, err := zw.CreateHeader(&hdr)
		if err != nil {
			return err
		}
		if _, err := out.Write(fix(data)); err != nil {
			return err
		}
	}
	return zw.Close()
}

// numericFormula matches a formula cell typed as text whose cached value
// is a number.
var numericFormula = regexp.MustCompile(`(<c r="[A-Z]+[0-9]+"(?: s="[0-9]+")?) t="str"(><f>[^<]*</f><v>-?[0-9]+(?:\.[0-9]+)?</v></c>)`)

// unprefixed matches a start or end tag without a namespace prefix.
var unprefixed = regexp.MustCompile(`<(/?)([A-Za-z][A-Za-z0-9]*)([\s/>])`)

// prefixCoreProps binds the core-properties namespace to cp: and puts
// cp: on the elements that were in it by default.
func prefixCoreProps(b []byte) []byte {
	const ns = `xmlns="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"`
	if !bytes.Contains(b, []byte(ns)) {
		return b
	}
	b = bytes.Replace(b, []byte(ns), []byte(`xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"`), 1)
	return unprefixed.ReplaceAll(b, []byte("<${1}cp:${2}${3}"))
}

// chartCache holds the values a chart's single series shows: category
// names and numbers, with the number format of the values.
type chartCache struct {
	Name       string
	Categories []string
	Values     []float64
	Format     string
}

var (
	chart3D   = regexp.MustCompile(`<(view3D|floor|sideWall|backWall)>.*?</(view3D|floor|sideWall|backWall)>`)
	chartBool = regexp.MustCompile(`(\s[A-Za-z:]+)="(true|false)"`)
	chartLang = regexp.MustCompile(`(lang|altLang)(\s*val)?="en-US"`)
	// excelize writes the chart namespace as the default one.
	serTx     = regexp.MustCompile(`<tx><strRef><f>([^<]*)</f>`)
	catRef    = regexp.MustCompile(`<cat><strRef><f>([^<]*)</f>`)
	emptyNumC = regexp.MustCompile(`<numCache><formatCode></formatCode></numCache>`)
)

// fixChart makes excelize's chart part a plain 2-D chart as Excel writes
// it (see writeWorkbook).
func fixChart(b []byte, cache *chartCache) []byte {
	if bytes.Contains(b, []byte("<barChart>")) || bytes.Contains(b, []byte("<c:barChart>")) {
		b = chart3D.ReplaceAll(b, nil)
	}
	b = chartBool.ReplaceAllFunc(b, func(m []byte) []byte {
		if bytes.HasSuffix(m, []byte(`"true"`)) {
			return append(bytes.TrimSuffix(m, []byte(`"true"`)), `"1"`...)
		}
		return append(bytes.TrimSuffix(m, []byte(`"false"`)), `"0"`...)
	})
	b = chartLang.ReplaceAllFunc(b, func(m []byte) []byte { return bytes.Replace(m, []byte("en-US"), []byte("zh-CN"), 1) })
	if cache == nil {
		return b
	}
	esc := func(s string) string {
		var sb strings.Builder
		_ = xml.EscapeText(&sb, []byte(s))
		return sb.String()
	}
	str := func(vals []string) string {
		var sb strings.Builder
		fmt.Fprintf(&sb, `<strCache><ptCount val="%d"/>`, len(vals))
		for i, v := range vals {
			fmt.Fprintf(&sb, `<pt idx="%d"><v>%s</v></pt>`, i, esc(v))
		}
		sb.WriteString(`</strCache>`)
		return sb.String()
	}
	b = serTx.ReplaceAll(b, []byte("<tx><strRef><f>${1}</f>"+strings.ReplaceAll(str([]string{cache.Name}), "$", "$$")))
	b = catRef.ReplaceAll(b, []byte("<cat><strRef><f>${1}</f>"+strings.ReplaceAll(str(cache.Categories), "$", "$$")))
	var sb strings.Builder
	fmt.Fprintf(&sb, `<numCache><formatCode>%s</formatCode><ptCount val="%d"/>`, esc(cache.Format), len(cache.Values))
	for i, v := range cache.Values {
		fmt.Fprintf(&sb, `<pt idx="%d"><v>%s</v></pt>`, i, strconv.FormatFloat(v, 'f', -1, 64))
	}
	sb.WriteString(`</numCache>`)
	b = emptyNumC.ReplaceAll(b, []byte(strings.ReplaceAll(sb.String(), "$", "$$")))
	return b
}
