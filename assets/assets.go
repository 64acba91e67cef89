// Package assets holds what the app carries inside its binary: the bundled
// CJK fonts (with their licence), the app icon, the default categories and
// the demo campaign. It imports the standard library only.
package assets

import _ "embed"

// Fonts: Noto Serif SC and Noto Sans SC, converted to single-file TrueType
// so that both fpdf and Fyne can load them (see fonts/README.md). OFL-1.1.
var (
	//go:embed fonts/NotoSerifSC-Regular.ttf
	SerifRegular []byte
	//go:embed fonts/NotoSansSC-Regular.ttf
	SansRegular []byte
	//go:embed fonts/NotoSansSC-Bold.ttf
	SansBold []byte
	//go:embed fonts/LICENSE-OFL.txt
	FontLicence []byte
)

// DefaultCategories is the default category set (五大工程) as JSON: an array
// of {name, slogan, description, max, indicators: [{name, unit, direction}]}.
//
//go:embed defaults/categories.json
var DefaultCategories []byte

// Demo is the demo campaign built from the seed's four units, as JSON.
//
//go:embed demo/demo.json
var Demo []byte
