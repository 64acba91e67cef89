package photo

import (
	"encoding/binary"
	"errors"
)

// jpegInfo is what a walk over a JPEG's marker segments tells, without
// decoding the picture.
type jpegInfo struct {
	baseline    bool // SOF0 with 8-bit samples
	progressive bool
	components  int
	orientation int // EXIF orientation, 1 when absent or unreadable
	// segments are the byte ranges to keep: everything but the metadata
	// segments (APP1 EXIF/XMP, APP13 IPTC, the other APPn, COM) and
	// anything after EOI.
	segments [][2]int
	dropped  bool
}

var (
	errTruncated = errors.New("文件不完整")
	errMarker    = errors.New("标记段无效")
)

// scanJPEG walks the marker segments of a JPEG from SOI to EOI.
func scanJPEG(b []byte) (*jpegInfo, error) {
	if len(b) < 4 || b[0] != 0xFF || b[1] != 0xD8 {
		return nil, errMarker
	}
	info := &jpegInfo{orientation: 1}
	keep := func(from, to int) {
		if n := len(info.segments); n > 0 && info.segments[n-1][1] == from {
			info.segments[n-1][1] = to
			return
		}
		info.segments = append(info.segments, [2]int{from, to})
	}
	keep(0, 2)
	pos := 2
	sof := false
	for {
		start := pos
		// Markers may be preceded by fill bytes 0xFF.
		for pos < len(b) && b[pos] == 0xFF {
			pos++
		}
		if pos >= len(b) || pos == start {
			return nil, errTruncated
		}
		m := b[pos]
		pos++
		switch {
		case m == 0xD9: // EOI
			keep(start, pos)
			if pos != len(b) {
				info.dropped = true
			}
			if !sof {
				return nil, errMarker
			}
			return info, nil
		case m == 0x01 || (m >= 0xD0 && m <= 0xD7):
			keep(start, pos)
			continue
		case m == 0xD8 || m == 0x00:
			return nil, errMarker
		}
		if pos+2 > len(b) {
			return nil, errTruncated
		}
		n := int(binary.BigEndian.Uint16(b[pos:]))
		if n < 2 || pos+n > len(b) {
			return nil, errTruncated
		}
		body := b[pos+2 : pos+n]
		end := pos + n
		switch {
		case m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC: // SOFn
			if sof || len(body) < 6 {
				return nil, errMarker
			}
			sof = true
			info.baseline = m == 0xC0 && body[0] == 8
			info.progressive = m == 0xC2 || m == 0xC6 || m == 0xCA || m == 0xCE
			info.components = int(body[5])
			keep(start, end)
		case m == 0xE1: // APP1: EXIF or XMP
			if len(body) >= 6 && string(body[:6]) == "Exif\x00\x00" {
				info.orientation = exifOrientation(body[6:])
			}
			info.dropped = true
		case m == 0xE0 || m == 0xE2 || m == 0xEE: // JFIF, ICC profile, Adobe
			keep(start, end)
		case (m >= 0xE3 && m <= 0xEF) || m == 0xFE: // other APPn, COM
			info.dropped = true
		case m == 0xDA: // SOS, then entropy-coded data up to the next marker
			if !sof {
				return nil, errMarker
			}
			p := end
			for {
				if p+1 >= len(b) {
					return nil, errTruncated
				}
				if b[p] == 0xFF && b[p+1] != 0x00 && !(b[p+1] >= 0xD0 && b[p+1] <= 0xD7) && b[p+1] != 0xFF {
					break
				}
				p++
			}
			keep(start, p)
			end = p
		default: // DQT, DHT, DRI, DNL…
			keep(start, end)
		}
		pos = end
	}
}

// stripped returns the JPEG without the dropped segments; data itself when
// nothing was dropped.
func (info *jpegInfo) stripped(data []byte) []byte {
	if !info.dropped {
		return data
	}
	n := 0
	for _, s := range info.segments {
		n += s[1] - s[0]
	}
	out := make([]byte, 0, n)
	for _, s := range info.segments {
		out = append(out, data[s[0]:s[1]]...)
	}
	return out
}

// exifOrientation reads tag 0x0112 of IFD0 from a TIFF-structured EXIF
// block; 1 when it is absent or unreadable.
func exifOrientation(t []byte) int {
	if len(t) < 8 {
		return 1
	}
	var bo binary.ByteOrder
	switch string(t[:4]) {
	case "II*\x00":
		bo = binary.LittleEndian
	case "MM\x00*":
		bo = binary.BigEndian
	default:
		return 1
	}
	off := int(bo.Uint32(t[4:]))
	if off < 8 || off+2 > len(t) {
		return 1
	}
	count := int(bo.Uint16(t[off:]))
	for i := 0; i < count; i++ {
		e := off + 2 + 12*i
		if e+12 > len(t) {
			return 1
		}
		if bo.Uint16(t[e:]) != 0x0112 {
			continue
		}
		typ, n := bo.Uint16(t[e+2:]), bo.Uint32(t[e+4:])
		if typ != 3 || n != 1 { // SHORT, one value
			return 1
		}
		v := int(bo.Uint16(t[e+8:]))
		if v < 1 || v > 8 {
			return 1
		}
		return v
	}
	return 1
}
