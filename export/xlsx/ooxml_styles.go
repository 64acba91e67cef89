// xl/styles.xml: the number format of each cell style.

package xlsx

import (
	"encoding/xml"
	"strconv"
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
					wb.fmtCode[id] = attr(t, "formatCode")
				}
			case "xf":
				if in == "cellXfs" {
					id, _ := strconv.Atoi(attr(t, "numFmtId"))
					wb.xfFmt = append(wb.xfFmt, id)
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
