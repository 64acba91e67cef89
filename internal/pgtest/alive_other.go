//go:build !unix

package pgtest

// processAlive cannot tell on this system: every server is taken as owned.
func processAlive(int) bool { return true }
