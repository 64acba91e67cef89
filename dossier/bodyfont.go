package dossier

import "strings"

// BodyFont is the face of the documents' body text, a campaign setting
// (正文字体). GB/T 9704 sets official documents' body in 仿宋; 宋体 is the
// common alternative, and what every campaign printed before the setting
// existed.
type BodyFont string

const (
	// BodyFangsong is 仿宋 (FandolFang), the default of a new campaign.
	BodyFangsong BodyFont = "fangsong"
	// BodySong is 宋体 (Noto Serif SC), what a campaign file made before
	// format 10 keeps, so that its documents print as they did.
	BodySong BodyFont = "song"
)

// DefaultBodyFont is the body face of a new campaign: 仿宋, as GB/T 9704
// asks, since the bundled 仿宋 covers all of GB 2312 (and every character
// of the demo); a character it lacks is printed in 宋体.
const DefaultBodyFont = BodyFangsong

// BodyFonts are the choices, in the order the settings screen lists them.
var BodyFonts = []BodyFont{BodyFangsong, BodySong}

// Label is the face's Chinese name: 仿宋 or 宋体.
func (f BodyFont) Label() string {
	switch f.Or() {
	case BodySong:
		return "宋体"
	default:
		return "仿宋"
	}
}

// Or is f, or DefaultBodyFont when f is not set ("").
func (f BodyFont) Or() BodyFont {
	if f == "" {
		return DefaultBodyFont
	}
	return f
}

// ParseBodyFont reads a body face as the command line or a user writes it:
// fangsong or song, or their Chinese names 仿宋 and 宋体.
func ParseBodyFont(s string) (BodyFont, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "fangsong", "仿宋", "仿宋体":
		return BodyFangsong, nil
	case "song", "宋体", "宋":
		return BodySong, nil
	}
	return "", Errorf(EINVALID, "正文字体“%s”无效，应为 fangsong（仿宋）或 song（宋体）", strings.TrimSpace(s))
}

// CheckBodyFont checks a body face already parsed ("" is the default).
func CheckBodyFont(f BodyFont) error {
	switch f {
	case "", BodyFangsong, BodySong:
		return nil
	}
	return Errorf(EINVALID, "正文字体“%s”无效，应为 fangsong（仿宋）或 song（宋体）", string(f))
}
