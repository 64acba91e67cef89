// xl/styles.xml: the number format of each cell style.

package xlsx

import (
	"encoding/xml"
	"strconv"
)

// loadStyles reads the number format of every cell style once.
func (bk *book) loadStyles() {
	if bk.stylesLoaded {
		return
	}
	bk.stylesLoaded = true
	bk.fmtCode = map[int]string{}
	if bk.styles == "" {
		return
	}
	data, err := bk.a.read(bk.styles, maxXMLBytes)
	if err != nil {
		return
	}
	data, _ = sanitize(data)
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
			case "fonts", "fills", "borders", "cellStyleXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst":
				// Not needed: skip without building tokens.
				if err := d.Skip(); err != nil {
					return
				}
			case "cellXfs":
				in = t.Name.Local
			case "numFmt":
				id, err := strconv.Atoi(attr(t, "numFmtId"))
				if err == nil {
					bk.fmtCode[id] = attr(t, "formatCode")
				}
			case "xf":
				if in == "cellXfs" {
					id, _ := strconv.Atoi(attr(t, "numFmtId"))
					bk.xfFmt = append(bk.xfFmt, id)
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
func (bk *book) numFmt(style int) (int, string) {
	bk.loadStyles()
	if style < 0 || style >= len(bk.xfFmt) {
		return 0, ""
	}
	id := bk.xfFmt[style]
	return id, bk.fmtCode[id]
}
