// xl/sharedStrings.xml: the shared strings, read once.

package xlsx

import (
	"encoding/xml"
	"errors"
	"io"
)

// loadSST reads the shared strings once.
func (wb *workbook) loadSST() error {
	if wb.sstLoaded {
		return wb.sstErr
	}
	wb.sstLoaded = true
	if wb.sst == "" {
		return nil
	}
	data, err := wb.a.read(wb.sst, maxXMLBytes)
	if errors.Is(err, errNoPart) {
		return nil
	} else if err != nil {
		wb.sstErr = err
		return err
	}
	data, bad := sanitize(data)
	d := newDecoder(data)
	for {
		before := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		} else if err != nil {
			wb.sstErr = err
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "si" {
			continue
		}
		s, err := richText(d)
		if err != nil {
			wb.sstErr = err
			return err
		}
		if badIn(bad, before, d.InputOffset()) {
			if wb.strBad == nil {
				wb.strBad = map[int]bool{}
			}
			wb.strBad[len(wb.strs)] = true
		}
		wb.strs = append(wb.strs, unescapeX(s))
	}
	return nil
}
