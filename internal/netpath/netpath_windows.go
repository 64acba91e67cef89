package netpath

import (
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

// Network reports whether path is a UNC path (\\server\share\…, also as
// \\?\UNC\…) or on a drive letter mapped to a network share.
func Network(path string) bool {
	p := filepath.Clean(path)
	if strings.HasPrefix(p, `\\?\UNC\`) {
		return true
	}
	if strings.HasPrefix(p, `\\?\`) || strings.HasPrefix(p, `\\.\`) {
		p = p[4:] // a local device path: \\?\C:\…
	} else if strings.HasPrefix(p, `\\`) {
		return true
	}
	vol := filepath.VolumeName(p)
	if len(vol) != 2 || vol[1] != ':' {
		return false
	}
	root, err := windows.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return false
	}
	return windows.GetDriveType(root) == windows.DRIVE_REMOTE
}
