package safefile

import (
	"errors"

	"golang.org/x/sys/windows"
)

// targetInUse reports whether a rename over a file failed because another
// program has it open: Windows refuses to replace a file opened without
// FILE_SHARE_DELETE (sharing violation, or "access denied" for MoveFileEx),
// or one it has locked.
func targetInUse(err error) bool {
	return errors.Is(err, windows.ERROR_SHARING_VIOLATION) || errors.Is(err, windows.ERROR_LOCK_VIOLATION) ||
		errors.Is(err, windows.ERROR_ACCESS_DENIED)
}
