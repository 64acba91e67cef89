// The drawings of a worksheet (xl/drawings/*.xml: floating pictures and
// their anchors) and WPS's cell images (xl/cellimages.xml).

package xlsx

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// picture is a picture placed on a worksheet.
type picture struct {
	Col, Row int    // the cell of its top-left corner
	Media    string // the image part
	Linked   bool   // a link to an outside file, not embedded
	Absolute bool   // not anchored to a cell
}

// pictures returns the pictures of a worksheet's drawing, in drawing order.
func (wb *workbook) pictures(sh *sheet) ([]picture, error) {
	data, rels, err := wb.partWithRels(sh.Drawing)
	if data == nil || err != nil {
		return nil, err
	}
	var out []picture
	d := newDecoder(data)
	type anchor struct {
		col, row       int
		colOff, rowOff int64
		absolute       bool
	}
	var cur *anchor
	inFrom, inPic, fallback := false, 0, 0
	var fromElem string
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			name := t.Name.Local
			if fallback > 0 {
				fallback++
				continue
			}
			switch name {
			case "Fallback":
				// mc:Fallback repeats what mc:Choice holds.
				fallback = 1
			case "twoCellAnchor", "oneCellAnchor":
				cur = &anchor{}
			case "absoluteAnchor":
				cur = &anchor{absolute: true}
			case "from":
				inFrom = cur != nil
			case "col", "row", "colOff", "rowOff":
				if inFrom {
					fromElem = name
				}
			case "pic":
				inPic++
			case "blip":
				if inPic > 0 && cur != nil {
					col, row := sh.resolveAnchor(cur.col+1, cur.row+1, cur.colOff, cur.rowOff)
					p := picture{Col: col, Row: row, Absolute: cur.absolute}
					id := relID(t)
					if id == "" {
						for _, a := range t.Attr {
							if a.Name.Local == "link" {
								p.Linked = true
							}
						}
					} else if r, ok := rels[id]; ok {
						p.Media, p.Linked = r.Target, r.External
					}
					if p.Media != "" || p.Linked {
						out = append(out, p)
					}
				}
			}
		case xml.CharData:
			if inFrom && fromElem != "" && cur != nil {
				v, err := strconv.ParseInt(strings.TrimSpace(string(t)), 10, 64)
				if err == nil && v >= 0 {
					switch {
					case fromElem == "col" && v < maxRow:
						cur.col = int(v)
					case fromElem == "row" && v < maxRow:
						cur.row = int(v)
					case fromElem == "colOff":
						cur.colOff = v
					case fromElem == "rowOff":
						cur.rowOff = v
					}
				}
			}
		case xml.EndElement:
			depth--
			if fallback > 0 {
				fallback--
				continue
			}
			switch t.Name.Local {
			case "from":
				inFrom = false
			case "col", "row", "colOff", "rowOff":
				fromElem = ""
			case "pic":
				inPic--
			case "twoCellAnchor", "oneCellAnchor", "absoluteAnchor":
				cur = nil
			}
		}
	}
	return out, nil
}

// cellImageMedia maps the names of WPS's in-cell pictures (the ID in
// =DISPIMG("ID_…",1)) to their image parts, from xl/cellimages.xml.
func (wb *workbook) cellImageMedia() (map[string]string, error) {
	out := map[string]string{}
	data, rels, err := wb.partWithRels(wb.cellImages)
	if err != nil {
		return nil, err
	} else if data == nil {
		return out, nil
	}
	name := ""
	err = scanXML(data, func(d *xml.Decoder, se xml.StartElement) error {
		switch se.Name.Local {
		case "cellImage":
			name = ""
		case "cNvPr":
			name = attr(se, "name")
		case "blip":
			if r, ok := rels[relID(se)]; ok && !r.External && name != "" {
				out[name] = r.Target
			}
		}
		return nil
	})
	return out, err
}
