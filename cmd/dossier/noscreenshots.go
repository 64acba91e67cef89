//go:build cgo && !screenshots

package main

import (
	"flag"

	"github.com/dossier-app/dossier/ui"
)

// screenshotHooks is empty in the shipped app: the screenshot hooks exist
// only in a build with -tags screenshots (screenshots.go).
func screenshotHooks(*flag.FlagSet) func(*ui.App) { return func(*ui.App) {} }
