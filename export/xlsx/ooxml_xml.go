// The streaming XML reading every part of a workbook goes through: the
// decoder, attributes, text and rich text, the _xHHHH_ escapes, and the
// bytes an XML decoder refuses.

package xlsx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// scanXML calls fn for every start element of an XML document. fn may
// consume the element's content from d.
func scanXML(data []byte, fn func(d *xml.Decoder, se xml.StartElement) error) error {
	d := newDecoder(data)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok {
			if err := fn(d, se); err != nil {
				return err
			}
		}
	}
}

func newDecoder(data []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	return d
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// relID returns an element's r:id (or r:embed) attribute: a relationship
// reference in the transitional or the strict namespace.
func relID(se xml.StartElement) string {
	for _, a := range se.Attr {
		if (a.Name.Local == "id" || a.Name.Local == "embed") && strings.Contains(a.Name.Space, "relationships") {
			return a.Value
		}
	}
	return ""
}

// text reads the character data of the element just started, up to its
// end: the value of a <v> or <f>.
func text(d *xml.Decoder) (string, error) {
	var b strings.Builder
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			depth--
		case xml.CharData:
			b.Write(t)
		}
	}
}

// richText reads a string item (<si>, <is>) up to its end: the text of its
// <t> elements, plain or in rich-text runs, without the phonetic runs
// (<rPh>) and without the white space between elements.
func richText(d *xml.Decoder) (string, error) {
	var b strings.Builder
	depth, inT, phonetic := 0, 0, 0
	for {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "t":
				inT++
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			depth--
			switch t.Name.Local {
			case "t":
				inT--
			case "rPh":
				phonetic--
			}
		case xml.CharData:
			if inT > 0 && phonetic == 0 {
				b.Write(t)
			}
		}
	}
}

// unescapeX decodes the _xHHHH_ escapes of OOXML strings (ST_Xstring):
// "_x000D_" is a carriage return, "_x005F_" an underscore.
func unescapeX(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if v, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil {
				b.WriteRune(rune(v))
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// sanitize replaces, byte for byte, what an XML decoder refuses (invalid
// UTF-8, control characters, U+FFFE and U+FFFF) with '?', and returns the
// offsets it replaced, so that the cells holding them can be named.
func sanitize(data []byte) ([]byte, []int) {
	var bad []int
	var out []byte
	mark := func(i, n int) {
		if out == nil {
			out = append([]byte(nil), data...)
		}
		for k := 0; k < n; k++ {
			out[i+k] = '?'
		}
		bad = append(bad, i)
	}
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				mark(i, 1)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
			mark(i, n)
		}
		i += n
	}
	if out == nil {
		return data, nil
	}
	return out, bad
}

// badIn reports whether some offset of bad (sorted) lies in [from, to).
func badIn(bad []int, from, to int64) bool {
	i := sort.SearchInts(bad, int(from))
	return i < len(bad) && int64(bad[i]) < to
}

// xmlErr describes an XML error briefly, in Chinese, with its line when
// known.
func xmlErr(err error) string {
	var se *xml.SyntaxError
	var st structErr
	switch {
	case errors.As(err, &st):
		return string(st)
	case errors.As(err, &se):
		return "第 " + strconv.Itoa(se.Line) + " 行 XML 无效"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "内容不完整"
	case strings.Contains(err.Error(), "CharsetReader"):
		return "使用了不支持的文字编码"
	}
	return "XML 格式无效"
}
