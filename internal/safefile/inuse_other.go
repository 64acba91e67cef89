//go:build !windows

package safefile

// targetInUse is false: outside Windows a rename replaces a file whatever other
// programs have it open (they keep the old content).
func targetInUse(err error) bool { return false }
