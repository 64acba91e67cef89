package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
)

// Preference keys and their limits: every key the app stores is here.
const (
	prefRecentFiles = "recent_files" // []string, newest first, absolute paths
	prefLastFolder  = "last_folder"  // string: the folder of the last file chosen
	maxRecentFiles  = 10
)

// prefs is a typed view of the app's Fyne preferences.
type prefs struct {
	p fyne.Preferences
}

// Recent returns the recently opened campaign files, newest first.
func (p prefs) Recent() []string {
	return p.p.StringList(prefRecentFiles)
}

// AddRecent puts path at the top of the recent files.
func (p prefs) AddRecent(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := []string{path}
	for _, f := range p.Recent() {
		if f != path && len(list) < maxRecentFiles {
			list = append(list, f)
		}
	}
	p.p.SetStringList(prefRecentFiles, list)
	p.SetLastFolder(filepath.Dir(path))
}

// RemoveRecent takes path off the recent files.
func (p prefs) RemoveRecent(path string) {
	var list []string
	for _, f := range p.Recent() {
		if f != path {
			list = append(list, f)
		}
	}
	p.p.SetStringList(prefRecentFiles, list)
}

// LastFolder is the folder of the last file opened or saved, or "".
func (p prefs) LastFolder() string {
	return p.p.String(prefLastFolder)
}

// SetLastFolder remembers the folder of a file just chosen.
func (p prefs) SetLastFolder(dir string) {
	if dir != "" {
		p.p.SetString(prefLastFolder, dir)
	}
}
