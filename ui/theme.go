// Package ui is Dossier's desktop interface in Fyne: one file per screen,
// the theme with the bundled CJK font, and typed preferences. It never
// imports fyne/v2/app, so it builds and tests without cgo.
package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/dossier-app/dossier/assets"
)

var (
	fontRegular = fyne.NewStaticResource("NotoSansSC-Regular.ttf", assets.SansRegular)
	fontBold    = fyne.NewStaticResource("NotoSansSC-Bold.ttf", assets.SansBold)
)

// The palette: a calm light grey ground, white inputs and a restrained
// official red (the colour of a seal) for what needs the eye.
var (
	colSeal       = color.NRGBA{R: 0xA8, G: 0x2B, B: 0x25, A: 0xFF} // primary
	colSealSoft   = color.NRGBA{R: 0xF4, G: 0xDE, B: 0xDA, A: 0xFF} // selection, highlights
	colGround     = color.NRGBA{R: 0xF6, G: 0xF5, B: 0xF2, A: 0xFF}
	colPaper      = color.NRGBA{R: 0xFF, G: 0xFF, B: 0xFF, A: 0xFF}
	colInk        = color.NRGBA{R: 0x22, G: 0x22, B: 0x22, A: 0xFF}
	colMuted      = color.NRGBA{R: 0x6B, G: 0x6B, B: 0x6B, A: 0xFF}
	colRule       = color.NRGBA{R: 0xD9, G: 0xD6, B: 0xD0, A: 0xFF}
	colHeader     = color.NRGBA{R: 0xEC, G: 0xE9, B: 0xE3, A: 0xFF}
	colButton     = color.NRGBA{R: 0xE9, G: 0xE7, B: 0xE2, A: 0xFF}
	colError      = color.NRGBA{R: 0xC0, G: 0x39, B: 0x2B, A: 0xFF}
	colErrorSoft  = color.NRGBA{R: 0xFB, G: 0xE3, B: 0xE0, A: 0xFF}
	colWarning    = color.NRGBA{R: 0xB4, G: 0x6A, B: 0x00, A: 0xFF}
	colWarnSoft   = color.NRGBA{R: 0xFD, G: 0xF1, B: 0xD8, A: 0xFF}
	colSuccess    = color.NRGBA{R: 0x2E, G: 0x7D, B: 0x32, A: 0xFF}
	colDisabledBg = color.NRGBA{R: 0xEE, G: 0xEE, B: 0xEE, A: 0xFF}
	colFocus      = color.NRGBA{R: 0x2F, G: 0x5D, B: 0x8A, A: 0xB0}
)

// Theme is the app's light, calm theme. It renders Chinese with the bundled
// Noto Sans SC (regular and bold), never with fonts installed on the
// machine, so the app looks the same everywhere.
type Theme struct{}

var _ fyne.Theme = Theme{}

// Color returns the app's light palette whatever variant is asked for.
func (Theme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameBackground:
		return colGround
	case theme.ColorNameInputBackground, theme.ColorNameMenuBackground, theme.ColorNameOverlayBackground:
		return colPaper
	case theme.ColorNameForeground:
		return colInk
	case theme.ColorNamePlaceHolder:
		return colMuted
	case theme.ColorNameDisabled:
		return color.NRGBA{R: 0x7A, G: 0x78, B: 0x74, A: 0xFF}
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		return colSeal
	case theme.ColorNameFocus:
		// Slate blue, not the seal red: a focused field must not look like
		// one in error.
		return colFocus
	case theme.ColorNameSelection:
		return colSealSoft
	case theme.ColorNameSeparator, theme.ColorNameInputBorder:
		return colRule
	case theme.ColorNameHeaderBackground:
		return colHeader
	case theme.ColorNameButton:
		return colButton
	case theme.ColorNameError:
		return colError
	case theme.ColorNameWarning:
		return colWarning
	case theme.ColorNameSuccess:
		return colSuccess
	case theme.ColorNameHover:
		return color.NRGBA{A: 0x12}
	case theme.ColorNamePressed:
		return color.NRGBA{A: 0x22}
	case theme.ColorNameDisabledButton:
		return colDisabledBg
	}
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

// Font returns the bundled CJK font; bold has its own face.
func (Theme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return theme.DefaultTheme().Font(s)
	}
	if s.Bold {
		return fontBold
	}
	return fontRegular
}

// Icon returns the default icons.
func (Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size returns the default sizes, with headings a little quieter.
func (Theme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameHeadingText:
		return 22
	case theme.SizeNameSubHeadingText:
		return 17
	}
	return theme.DefaultTheme().Size(n)
}
