// Package appinfo gives the app's version, read from FyneApp.toml: that
// file is the one place the version is written. The Fyne packager reads it
// there, both programs embed it, and the Makefile stamps it into the
// installer, the zip and the .deb packages, so they can never disagree.
package appinfo

import (
	_ "embed"
	"strconv"
	"strings"
)

//go:embed FyneApp.toml
var fyneApp string

// Version is the app's version ("0.1.0"), from [Details] Version.
var Version = detail("Version")

// Build is the build number, from [Details] Build (0 when absent).
var Build, _ = strconv.Atoi(detail("Build"))

// detail returns the value of key in FyneApp.toml's [Details] table,
// without quotes.
func detail(key string) string {
	section := ""
	for _, line := range strings.Split(fyneApp, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[]")
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if ok && section == "Details" && strings.TrimSpace(k) == key {
			return strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	return ""
}
