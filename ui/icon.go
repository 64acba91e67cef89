package ui

import (
	"fyne.io/fyne/v2"

	"github.com/dossier-app/dossier/assets"
)

// appIcon is assets/icon.png as a Fyne resource. The picture is drawn once
// by the tests (icon_draw_test.go), not at every start: drawing it pixel by
// pixel cost the start-up tens of milliseconds for a fixed image.
var appIcon = fyne.NewStaticResource("icon.png", assets.Icon)

// AppIcon returns the app icon: a red seal with 评 cut in white
// (assets/icon.png).
func AppIcon() fyne.Resource { return appIcon }
