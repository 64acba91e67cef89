//go:build unix

package main

import (
	"os"
	"syscall"
)

// maxRSS is the finished process's peak resident memory in bytes (Linux
// reports ru_maxrss in KB).
func maxRSS(ps *os.ProcessState) int64 { return ps.SysUsage().(*syscall.Rusage).Maxrss * 1024 }
