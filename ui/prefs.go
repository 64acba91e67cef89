package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"github.com/dossier-app/dossier/dossier/postgres"
)

// Preference keys and their limits: every key the app stores is here.
const (
	prefRecentFiles = "recent_files" // []string, newest first, absolute paths
	prefLastFolder  = "last_folder"  // string: the folder of the last file chosen
	// prefFolderOf + a purpose (see purposeOf) is the last folder used for
	// that purpose, so a template saved for units never lands among the
	// returned submissions.
	prefFolderOf   = "folder."
	maxRecentFiles = 10
)

// prefStore is the part of fyne.Preferences the app uses; Fyne's in-memory
// preferences serve in tests, FilePreferences in the desktop app.
type prefStore interface {
	String(key string) string
	SetString(key, value string)
	StringList(key string) []string
	SetStringList(key string, value []string)
}

var _ prefStore = fyne.Preferences(nil)

// prefs is a typed view of the app's preferences.
type prefs struct {
	p prefStore
}

// Recent returns the recently opened campaign files, newest first.
func (p prefs) Recent() []string {
	return p.p.StringList(prefRecentFiles)
}

// AddRecent puts path at the top of the recent files. A campaign on a
// server is kept by its URL without the password (postgres.Redact): the
// password is asked for again, never stored in plain text.
func (p prefs) AddRecent(path string) {
	server := postgres.IsURL(path)
	if server {
		path = postgres.Redact(path)
	} else if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := []string{path}
	for _, f := range p.Recent() {
		if f != path && len(list) < maxRecentFiles {
			list = append(list, f)
		}
	}
	p.p.SetStringList(prefRecentFiles, list)
	if !server {
		p.SetFolder(purposeCampaign, filepath.Dir(path))
	}
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

// Folder is the last folder used for purpose, else the user's documents
// folder (never another purpose's folder).
func (p prefs) Folder(purpose string) string {
	if dir := p.p.String(prefFolderOf + purpose); dir != "" {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
	}
	return DocumentsDir()
}

// SetFolder remembers the folder just used for purpose.
func (p prefs) SetFolder(purpose, dir string) {
	if dir == "" {
		return
	}
	p.p.SetString(prefFolderOf+purpose, dir)
	p.SetLastFolder(dir)
}

// Purposes of file dialogs, each with its own last folder.
const (
	purposeCampaign    = "campaign"
	purposeSubmissions = "submissions"
	purposeTemplate    = "template"
	purposeScoreSheets = "scoresheets"
	purposeDocuments   = "documents"
	purposePhotos      = "photos"
)

// purposeOf tells a file dialog's purpose from its title, so that every
// caller keeps its own folder without naming it.
func purposeOf(title string) string {
	switch {
	case strings.Contains(title, "模板"):
		return purposeTemplate
	case strings.Contains(title, "评选活动"), strings.Contains(title, "副本"), strings.Contains(title, "保存位置"):
		return purposeCampaign
	case strings.Contains(title, "评分表"):
		return purposeScoreSheets
	case strings.Contains(title, "申报表"):
		return purposeSubmissions
	case strings.Contains(title, "图片"):
		return purposePhotos
	}
	return purposeDocuments
}

// FilePreferences are the desktop app's preferences: a small JSON file,
// written whole to a temporary file and renamed over the old one, so a
// reader never sees it half written (Fyne's own store truncates the file
// in place and its watcher then logs "Preferences load error: EOF").
type FilePreferences struct {
	path string
	mu   sync.Mutex
	vals map[string]any
}

// OpenFilePreferences reads the preferences at path (none yet is fine).
// When the file does not exist yet, the values of the app's keys are
// taken over from seed (the preferences Fyne kept before), if given.
func OpenFilePreferences(path string, seed fyne.Preferences) (*FilePreferences, error) {
	fp := &FilePreferences{path: path, vals: map[string]any{}}
	b, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if seed != nil {
			if l := seed.StringList(prefRecentFiles); len(l) > 0 {
				fp.vals[prefRecentFiles] = l
			}
			if s := seed.String(prefLastFolder); s != "" {
				fp.vals[prefLastFolder] = s
			}
		}
		return fp, nil
	case err != nil:
		return fp, fmt.Errorf("read preferences %s: %w", path, err)
	}
	var raw map[string]any
	if err := json.Unmarshal(b, &raw); err != nil {
		return fp, fmt.Errorf("read preferences %s: %w", path, err)
	}
	for k, v := range raw {
		switch x := v.(type) {
		case string:
			fp.vals[k] = x
		case []any:
			list := make([]string, 0, len(x))
			for _, e := range x {
				if s, ok := e.(string); ok {
					list = append(list, s)
				}
			}
			fp.vals[k] = list
		}
	}
	return fp, nil
}

// String returns the string stored under key, or "".
func (fp *FilePreferences) String(key string) string {
	fp.mu.Lock()
	defer fp.mu.Unlock()
	s, _ := fp.vals[key].(string)
	return s
}

// SetString stores a string and saves the file.
func (fp *FilePreferences) SetString(key, value string) { fp.set(key, value) }

// StringList returns the list stored under key, or nil.
func (fp *FilePreferences) StringList(key string) []string {
	fp.mu.Lock()
	defer fp.mu.Unlock()
	l, _ := fp.vals[key].([]string)
	return append([]string(nil), l...)
}

// SetStringList stores a list and saves the file.
func (fp *FilePreferences) SetStringList(key string, value []string) {
	fp.set(key, append([]string(nil), value...))
}

func (fp *FilePreferences) set(key string, v any) {
	fp.mu.Lock()
	defer fp.mu.Unlock()
	fp.vals[key] = v
	if err := fp.save(); err != nil {
		fyne.LogError("保存偏好设置失败", err)
	}
}

// save writes the values sorted by key (the same values, the same bytes)
// to a temporary file beside the real one, syncs it and renames it over.
func (fp *FilePreferences) save() error {
	keys := make([]string, 0, len(fp.vals))
	for k := range fp.vals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	ordered := make(map[string]any, len(keys))
	for _, k := range keys {
		ordered[k] = fp.vals[k]
	}
	b, err := json.MarshalIndent(ordered, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(fp.path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(fp.path), ".preferences-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), fp.path)
}

// PreferencesPath is where the desktop app keeps its preferences: the
// user's configuration folder, dossier/preferences.json.
func PreferencesPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "dossier", "preferences.json")
}
