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

// Theme is the app's light, calm theme. It renders Chinese with the bundled
// Noto Sans SC (regular and bold), never with fonts installed on the
// machine, so the app looks the same everywhere.
type Theme struct{}

var _ fyne.Theme = Theme{}

// Color returns the default light colours.
func (Theme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
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

// Size returns the default sizes.
func (Theme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }
