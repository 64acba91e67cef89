// xl/styles.xml: the number format of each cell style.

package xlsx

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"unicode/utf8"
)

// loadStyles reads the number format of every cell style once.
func (wb *workbook) loadStyles() {
	if wb.stylesLoaded {
		return
	}
	wb.stylesLoaded = true
	wb.fmtCode = map[int]string{}
	if wb.styles == "" {
		return
	}
	data, err := wb.a.read(wb.styles, maxXMLBytes)
	if err != nil {
		return
	}
	data, _ = sanitize(data)
	if xf, codes, ok := quickStyles(data); ok {
		wb.xfFmt, wb.fmtCode = xf, codes
		return
	}
	wb.xfFmt, wb.fmtCode = decodeStyles(data)
}

// decodeStyles reads the number formats of xl/styles.xml with encoding/xml,
// as far as the part decodes.
func decodeStyles(data []byte) (xfFmt []int, fmtCode map[int]string) {
	fmtCode = map[int]string{}
	in := ""
	d := newDecoder(data)
	for {
		tok, err := d.Token()
		if err != nil {
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "fonts", "fills", "borders", "cellStyleXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst": // as stylesSkipped
				// Not needed: skip without building tokens.
				if err := d.Skip(); err != nil {
					return
				}
			case "cellXfs":
				in = t.Name.Local
			case "numFmt":
				id, err := strconv.Atoi(attr(t, "numFmtId"))
				if err == nil {
					fmtCode[id] = attr(t, "formatCode")
				}
			case "xf":
				if in == "cellXfs" {
					id, _ := strconv.Atoi(attr(t, "numFmtId"))
					xfFmt = append(xfFmt, id)
				}
			}
		case xml.EndElement:
			if t.Name.Local == in {
				in = ""
			}
		}
	}
}

// numFmt returns the number format (built-in ID and custom code) of a cell
// style.
func (wb *workbook) numFmt(style int) (int, string) {
	wb.loadStyles()
	if style < 0 || style >= len(wb.xfFmt) {
		return 0, ""
	}
	id := wb.xfFmt[style]
	return id, wb.fmtCode[id]
}

// stylesSkipped are the elements of xl/styles.xml loadStyles does not look
// into (a dxf's numFmt is not a cell style's).
var stylesSkipped = map[string]bool{"fonts": true, "fills": true, "borders": true, "cellStyleXfs": true, "cellStyles": true,
	"dxfs": true, "tableStyles": true, "colors": true, "extLst": true}

// quickStyles reads what loadStyles needs from xl/styles.xml by scanning
// its bytes: encoding/xml built a token for every font, fill and border and
// took a sixth of a small workbook's reading (the template's styles are 15
// KB). It knows the XML spreadsheet programs write (elements with or
// without a prefix, attributes in either quote with the named and numeric
// character references, comments, the XML declaration) and gives up, ok
// false, at anything else or anything encoding/xml would refuse (a DOCTYPE
// or CDATA, an unknown entity, a tag that does not close or closes another,
// "--" in a comment, another encoding): loadStyles then decodes the part
// with encoding/xml as before. Where it answers, it answers what that
// decoding gives (TestQuickStylesAsDecoded).
func quickStyles(data []byte) (xf []int, codes map[int]string, ok bool) {
	codes = map[int]string{}
	var open [][]byte // names of the elements open
	skip := 0         // depth inside a skipped element
	in := ""          // "cellXfs" while inside it
	var attrs [][2][]byte
	end := func(local string) {
		if local == in {
			in = ""
		}
	}
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 {
			return xf, codes, textOK(data[i:])
		}
		if !textOK(data[i : i+j]) {
			return nil, nil, false
		}
		i += j + 1
		rest := data[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("?")):
			k := bytes.Index(rest[1:], []byte("?>")) + 1 // "<?>" is no instruction
			if k < 1 || !declOK(rest[1:k]) {
				return nil, nil, false
			}
			i += k + 2
		case bytes.HasPrefix(rest, []byte("!--")):
			k := bytes.Index(rest[3:], []byte("--"))
			if k < 0 || !bytes.HasPrefix(rest[3+k:], []byte("-->")) {
				return nil, nil, false
			}
			i += 3 + k + 3
		case bytes.HasPrefix(rest, []byte("!")):
			return nil, nil, false
		case bytes.HasPrefix(rest, []byte("/")):
			k := bytes.IndexByte(rest, '>')
			if k < 0 {
				return nil, nil, false
			}
			name := bytes.TrimRight(rest[1:k], " \t\r\n")
			if len(open) == 0 || !bytes.Equal(open[len(open)-1], name) {
				return nil, nil, false
			}
			open = open[:len(open)-1]
			i += k + 1
			if skip > 0 {
				skip--
				continue
			}
			end(localName(name))
		default:
			n := nameEnd(rest)
			name := rest[:n]
			local, valid := qualified(name)
			if !valid {
				return nil, nil, false
			}
			attrs = attrs[:0]
			k := n
			selfClose := false
			for {
				sp := k
				for k < len(rest) && isSpace(rest[k]) {
					k++
				}
				if k >= len(rest) {
					return nil, nil, false
				}
				if rest[k] == '>' {
					k++
					break
				}
				if rest[k] == '/' {
					if k+1 >= len(rest) || rest[k+1] != '>' {
						return nil, nil, false
					}
					selfClose = true
					k += 2
					break
				}
				if sp == k { // attributes are separated by space
					return nil, nil, false
				}
				an := nameEnd(rest[k:])
				aname := rest[k : k+an]
				if _, valid := qualified(aname); !valid {
					return nil, nil, false
				}
				k += an
				for k < len(rest) && isSpace(rest[k]) {
					k++
				}
				if k >= len(rest) || rest[k] != '=' {
					return nil, nil, false
				}
				k++
				for k < len(rest) && isSpace(rest[k]) {
					k++
				}
				if k >= len(rest) || (rest[k] != '"' && rest[k] != '\'') {
					return nil, nil, false
				}
				q := bytes.IndexByte(rest[k+1:], rest[k])
				if q < 0 {
					return nil, nil, false
				}
				val := rest[k+1 : k+1+q]
				if bytes.IndexByte(val, '<') >= 0 || bytes.IndexByte(val, '\r') >= 0 {
					return nil, nil, false
				}
				attrs = append(attrs, [2][]byte{aname, val})
				k += 1 + q + 1
			}
			i += k
			// Every attribute's references must be ones the decoder
			// takes, in skipped elements too.
			for _, a := range attrs {
				if bytes.IndexByte(a[1], '&') >= 0 {
					if _, ok := unescape(a[1]); !ok {
						return nil, nil, false
					}
				}
			}
			if !selfClose {
				open = append(open, name)
			}
			if skip > 0 {
				if !selfClose {
					skip++
				}
				continue
			}
			get := func(want string) (string, bool) {
				for _, a := range attrs {
					if localName(a[0]) == want {
						return unescape(a[1])
					}
				}
				return "", true
			}
			switch {
			case stylesSkipped[local]:
				if !selfClose {
					skip = 1
				}
				continue
			case local == "cellXfs":
				in = local
			case local == "numFmt":
				id, okID := get("numFmtId")
				code, okCode := get("formatCode")
				if !okID || !okCode {
					return nil, nil, false
				}
				if n, err := strconv.Atoi(id); err == nil {
					codes[n] = code
				}
			case local == "xf" && in == "cellXfs":
				id, okID := get("numFmtId")
				if !okID {
					return nil, nil, false
				}
				n, _ := strconv.Atoi(id)
				xf = append(xf, n)
			}
			if selfClose {
				end(local)
			}
		}
	}
}

// nameEnd is the length of the XML name b starts with.
func nameEnd(b []byte) int {
	for k, c := range b {
		if isSpace(c) || c == '>' || c == '/' || c == '=' {
			return k
		}
	}
	return len(b)
}

// qualified checks a name the way the decoder reads one and returns its
// local part: ASCII name characters only (the decoder's Unicode classes are
// not worth copying for names no program writes), at most one colon, not
// first or last.
func qualified(name []byte) (string, bool) {
	if len(name) == 0 {
		return "", false
	}
	c0 := name[0]
	if c0 == '-' || c0 == '.' || c0 == ':' || (c0 >= '0' && c0 <= '9') {
		return "", false
	}
	colon := -1
	for k, c := range name {
		switch {
		case c == ':':
			if colon >= 0 || k == len(name)-1 {
				return "", false
			}
			colon = k
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_', c == '-', c == '.':
		default:
			return "", false
		}
	}
	return string(name[colon+1:]), true
}

func localName(name []byte) string {
	if k := bytes.IndexByte(name, ':'); k >= 0 {
		return string(name[k+1:])
	}
	return string(name)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// textOK: character data the decoder takes: its references known, no
// "]]>" outside a CDATA section.
func textOK(t []byte) bool {
	if bytes.Contains(t, []byte("]]>")) {
		return false
	}
	if bytes.IndexByte(t, '&') < 0 {
		return true
	}
	_, ok := unescape(t)
	return ok
}

// unescape resolves the five named and the numeric character references;
// ok is false for any other reference, or a numeric one for a character
// XML does not allow.
func unescape(v []byte) (string, bool) {
	if bytes.IndexByte(v, '&') < 0 {
		return string(v), true
	}
	var out []byte
	for len(v) > 0 {
		k := bytes.IndexByte(v, '&')
		if k < 0 {
			out = append(out, v...)
			break
		}
		out = append(out, v[:k]...)
		v = v[k+1:]
		semi := bytes.IndexByte(v, ';')
		if semi < 0 {
			return "", false
		}
		ref := string(v[:semi])
		v = v[semi+1:]
		switch ref {
		case "amp":
			out = append(out, '&')
		case "lt":
			out = append(out, '<')
		case "gt":
			out = append(out, '>')
		case "quot":
			out = append(out, '"')
		case "apos":
			out = append(out, '\'')
		default:
			var n uint64
			var err error
			switch {
			case len(ref) > 2 && ref[0] == '#' && ref[1] == 'x':
				n, err = strconv.ParseUint(ref[2:], 16, 32)
			case len(ref) > 1 && ref[0] == '#' && ref[1] >= '0' && ref[1] <= '9':
				n, err = strconv.ParseUint(ref[1:], 10, 32)
			default:
				return "", false
			}
			r := rune(n)
			if err != nil || r < 0x20 || (r >= 0xD800 && r <= 0xDFFF) || r == 0xFFFE || r == 0xFFFF || r > utf8.MaxRune {
				return "", false
			}
			out = utf8.AppendRune(out, r)
		}
	}
	return string(out), true
}

// declOK: a processing instruction (what lies between "<?" and "?>") the
// decoder passes, read as it reads one: its target a name, and the XML
// declaration for version 1.0 in UTF-8 only.
func declOK(pi []byte) bool {
	n := 0
	for n < len(pi) && pi[n] < utf8.RuneSelf && (isNameByte(pi[n])) {
		n++
	}
	if n < len(pi) && pi[n] >= utf8.RuneSelf {
		return false
	}
	if _, ok := qualified(pi[:n]); !ok {
		return false
	}
	if string(pi[:n]) != "xml" {
		return true
	}
	content := string(bytes.TrimLeft(pi[n:], " \t\r\n"))
	ver, enc := procInst("version", content), procInst("encoding", content)
	return (ver == "" || ver == "1.0") && (enc == "" || bytes.EqualFold([]byte(enc), []byte("utf-8")))
}

func isNameByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == ':' || c == '.' || c == '-'
}

// procInst is encoding/xml's reading of a parameter of the XML
// declaration, which decides whether it refuses the part.
func procInst(param, s string) string {
	param += "="
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := bytes.Index([]byte(sub), []byte(param))
		if k < 0 || len(param)+k >= len(sub) {
			return ""
		}
		i += len(param) + k + 1
		if c := sub[len(param)+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := bytes.IndexByte([]byte(s[i:]), sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}
