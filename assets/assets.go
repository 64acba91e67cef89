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

// Faces of the printed documents only (see fonts/README.md); nil when not
// bundled, and the documents then fall back to the faces above.
var (
	// KaiRegular is LXGW WenKai (楷体-style, level-2 headings), GB 2312
	// subset. OFL-1.1 (fonts/LICENSE-OFL-LXGWWenKai.txt).
	//
	//go:embed fonts/LXGWWenKai-Regular.ttf
	KaiRegular []byte
	// SerifBold is Noto Serif SC Bold (heavy Song, 小标宋-style titles),
	// GB 2312 subset. OFL-1.1.
	//
	//go:embed fonts/NotoSerifSC-Bold.ttf
	SerifBold []byte
	// FangRegular is FandolFang (仿宋-style body text, GB/T 9704's body
	// face), GB 2312 subset. GPL-3 with the GPL font exception, which
	// leaves the PDFs that embed it free of the GPL
	// (fonts/LICENSE-GPL-FandolFang.txt).
	//
	//go:embed fonts/FandolFang-Regular.ttf
	FangRegular []byte
	// Supplement is Noto Serif SC's Latin Extended (pinyin tone letters),
	// Greek and Cyrillic, which the faces above lack. OFL-1.1.
	//
	//go:embed fonts/NotoSerifSC-Supplement.ttf
	Supplement []byte
)

// Icon is the app icon, a 512 × 512 PNG: a red seal with 评 cut in white
// (drawn by the ui tests, `go test ./ui -run TestIcon -args -update-icon`).
//
//go:embed icon.png
var Icon []byte

// DefaultCategories is the default category set (五大工程) as JSON: an array
// of {name, slogan, description, max, indicators: [{name, unit, direction}]}.
//
//go:embed defaults/categories.json
var DefaultCategories []byte

// Demo is the demo campaign built from the seed's four units, as JSON.
//
//go:embed demo/demo.json
var Demo []byte

// Holidays is China's calendar of official holidays and 调休 working days,
// one entry per year the State Council has published, each naming its
// notice (calendar/holidays.json; read by dossier.ParseHolidays).
//
//go:embed calendar/holidays.json
var Holidays []byte
