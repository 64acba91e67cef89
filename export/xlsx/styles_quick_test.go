package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"math/rand"
	"os"
	"reflect"
	"strconv"
	"testing"
)

// sameStyles compares two readings of xl/styles.xml (no cell style and an
// empty list are the same).
func sameStyles(xf1, xf2 []int, c1, c2 map[int]string) bool {
	if len(xf1) != len(xf2) || (len(xf1) > 0 && !reflect.DeepEqual(xf1, xf2)) {
		return false
	}
	return reflect.DeepEqual(c1, c2)
}

// TestQuickStylesAsDecoded: where the byte scanner of xl/styles.xml
// answers, it answers what encoding/xml's decoding gives, on the styles of
// our template, on hand-made parts with what other programs write
// (prefixes, comments, references, a dxf's numFmt, self-closing lists), and
// on thousands of damaged variants of them, where it must either agree or
// hand over to the decoder.
func TestQuickStylesAsDecoded(t *testing.T) {
	book := testBook()
	zr, err := zip.NewReader(bytes.NewReader(templateBytes(t, book)), int64(len(templateBytes(t, book))))
	if err != nil {
		t.Fatal(err)
	}
	var tpl []byte
	for _, f := range zr.File {
		if f.Name == "xl/styles.xml" {
			rc, _ := f.Open()
			tpl, _ = io.ReadAll(rc)
			rc.Close()
		}
	}
	if len(tpl) == 0 {
		t.Fatal("no styles in the template")
	}
	parts := map[string]string{
		"template": string(tpl),
		"prefixed": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:numFmts count="2"><x:numFmt numFmtId="164" formatCode="0.00&quot;万&quot;"/><x:numFmt numFmtId='165' formatCode='#,##0 &amp; &#x4E2A;&#20010;'/></x:numFmts>
<!-- a comment with <xf numFmtId="99"/> in it -->
<x:fonts count="1"><x:font><x:sz val="11"/></x:font></x:fonts><x:cellStyleXfs count="1"><x:xf numFmtId="50"/></x:cellStyleXfs>
<x:cellXfs count="3"><x:xf numFmtId="0" fontId="0"/><x:xf numFmtId="164" applyNumberFormat="1"></x:xf><x:xf numFmtId = "10" /></x:cellXfs>
<x:dxfs count="1"><x:dxf><x:numFmt numFmtId="164" formatCode="0.0"/></x:dxf></x:dxfs><?mso-application progid="Excel.Sheet"?></x:styleSheet>`,
		"empty lists": `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts/><cellXfs/><xf numFmtId="3"/><cellXfs count="1">
	<xf numFmtId="9"/>
</cellXfs></styleSheet>`,
		"gbk declared": `<?xml version="1.0" encoding="GBK"?><styleSheet><cellXfs><xf numFmtId="9"/></cellXfs></styleSheet>`,
		"doctype":      `<!DOCTYPE x [<!ENTITY e "0%">]><styleSheet><numFmts><numFmt numFmtId="164" formatCode="&e;"/></numFmts></styleSheet>`,
	}
	mustAnswer := map[string]bool{"template": true, "prefixed": true, "empty lists": true}
	for name, p := range parts {
		data, _ := sanitize([]byte(p))
		xf2, c2 := decodeStyles(data)
		xf1, c1, ok := quickStyles(data)
		if mustAnswer[name] && !ok {
			t.Errorf("%s: the scanner handed over", name)
		}
		if ok && !sameStyles(xf1, xf2, c1, c2) {
			t.Errorf("%s: scanner %v %v, decoder %v %v", name, xf1, c1, xf2, c2)
		}
	}
	if xf, c, _ := quickStyles([]byte(parts["prefixed"])); len(xf) != 3 || xf[1] != 164 || c[164] != `0.00"万"` || c[165] != "#,##0 & 个个" {
		t.Errorf("prefixed part read as %v %v", xf, c)
	}

	// Damaged variants: the scanner agrees or hands over.
	bits := []string{"<", ">", "/", `"`, "'", "=", "&", ";", "&amp;", "&#x41;", "&#9;", "&#1;", "&bogus;", "&#xD800;",
		"<!--", "-->", "--", "<![CDATA[", "]]>", `<?xml version="1.1"?>`, " ", "x:", ":", "\r", "</numFmt>",
		`<numFmt numFmtId="7" formatCode="0%"/>`, `<xf numFmtId="9"/>`, "<cellXfs>", "</cellXfs>", "<dxfs>", "</dxfs>", "<a:b:c/>"}
	variants := 12000
	if v := os.Getenv("DOSSIER_STYLES_VARIANTS"); v != "" {
		variants, _ = strconv.Atoi(v)
	}
	r := rand.New(rand.NewSource(10))
	answered := 0
	seeds := []string{string(tpl), parts["prefixed"], parts["empty lists"]}
	for n := 0; n < variants; n++ {
		b := []byte(seeds[n%len(seeds)])
		for m := 1 + r.Intn(3); m > 0; m-- {
			at := r.Intn(len(b))
			switch r.Intn(3) {
			case 0:
				b = append(b[:at], b[min(len(b), at+1+r.Intn(6)):]...)
			case 1:
				b = append(b[:at], append([]byte(bits[r.Intn(len(bits))]), b[at:]...)...)
			default:
				b[at] = bits[r.Intn(len(bits))][0]
			}
		}
		data, _ := sanitize(b)
		xf2, c2 := decodeStyles(data)
		xf1, c1, ok := quickStyles(data)
		if !ok {
			continue
		}
		answered++
		if !sameStyles(xf1, xf2, c1, c2) {
			t.Fatalf("variant %d: scanner %v %v, decoder %v %v\n%s", n, xf1, c1, xf2, c2, data)
		}
	}
	if answered < variants/10 {
		t.Errorf("the scanner answered only %d of %d variants", answered, variants)
	}
	t.Logf("the scanner answered %d of %d damaged variants, all as decoded", answered, variants)
}

// FuzzQuickStyles: on any part, the byte scanner of xl/styles.xml does not
// panic, and where it answers it answers what encoding/xml decodes.
func FuzzQuickStyles(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><styleSheet><numFmts><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><cellXfs><xf numFmtId="164"/></cellXfs></styleSheet>`))
	f.Add([]byte(`<x:styleSheet xmlns:x="u"><!-- c --><x:dxfs><x:dxf><x:numFmt numFmtId="1" formatCode="&amp;"/></x:dxf></x:dxfs><x:cellXfs/></x:styleSheet>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		data, _ := sanitize(b)
		xf1, c1, ok := quickStyles(data)
		if !ok {
			return
		}
		if xf2, c2 := decodeStyles(data); !sameStyles(xf1, xf2, c1, c2) {
			t.Fatalf("scanner %v %v, decoder %v %v", xf1, c1, xf2, c2)
		}
	})
}
