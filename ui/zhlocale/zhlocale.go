// Package zhlocale makes the process's locale Simplified Chinese before
// Fyne reads it. Fyne's lang package reads LC_ALL, LC_MESSAGES, LANG and
// LANGUAGE in its own init, logging "Error parsing user locale C" for the
// common C.UTF-8 and falling back to English for its dialogs' labels
// ("Home", "Computer"). The app is Chinese throughout, so Fyne's own
// strings should be too. Import this package (for its side effect) before
// anything that imports Fyne: it depends on the standard library only, and
// Go initialises such a package before fyne.io/fyne/v2/lang, whose
// dependencies (golang.org/x/text) sort after github.com.
package zhlocale

import (
	"os"
	"strings"
)

// Fallback is the locale set when the environment has none usable.
const Fallback = "zh_CN.UTF-8"

func init() { Apply(os.Getenv, os.Setenv) }

// Apply adjusts the locale variables through get and set: an unusable
// locale (unset, C, POSIX, C.UTF-8, or not a language_REGION form) becomes
// zh_CN.UTF-8, and LANGUAGE, which gettext and Fyne read for the language
// of messages, asks for Simplified Chinese first.
func Apply(get func(string) string, set func(string, string) error) {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := get(name)
		if v == "" {
			continue
		}
		if !Usable(v) {
			set(name, Fallback)
		}
	}
	if get("LC_ALL") == "" && get("LC_MESSAGES") == "" && get("LANG") == "" {
		set("LANG", Fallback)
	}
	if l := get("LANGUAGE"); !strings.HasPrefix(l, "zh_CN") && !strings.HasPrefix(l, "zh-CN") {
		set("LANGUAGE", "zh_CN")
	}
}

// Usable reports whether a locale value names a language that can be
// parsed: "zh_CN.UTF-8", "en_US", "de" are; "C", "POSIX", "C.UTF-8" are
// not.
func Usable(v string) bool {
	base, _, _ := strings.Cut(v, ".")
	base, _, _ = strings.Cut(base, "@")
	lang, _, _ := strings.Cut(strings.ReplaceAll(base, "-", "_"), "_")
	if len(lang) < 2 || len(lang) > 3 {
		return false
	}
	for _, r := range lang {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}
