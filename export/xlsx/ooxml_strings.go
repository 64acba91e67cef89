// xl/sharedStrings.xml: the shared strings, read once.

package xlsx

import (
	"encoding/xml"
	"errors"
	"io"
)

// loadSST reads the shared strings once.
func (bk *book) loadSST() error {
	if bk.sstLoaded {
		return bk.sstErr
	}
	bk.sstLoaded = true
	if bk.sst == "" {
		return nil
	}
	data, err := bk.a.read(bk.sst, maxXMLBytes)
	if errors.Is(err, errNoPart) {
		return nil
	} else if err != nil {
		bk.sstErr = err
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
			bk.sstErr = err
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "si" {
			continue
		}
		s, err := richText(d)
		if err != nil {
			bk.sstErr = err
			return err
		}
		if badIn(bad, before, d.InputOffset()) {
			if bk.strBad == nil {
				bk.strBad = map[int]bool{}
			}
			bk.strBad[len(bk.strs)] = true
		}
		bk.strs = append(bk.strs, unescapeX(s))
	}
	return nil
}
