//go:build !windows

package ui

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// systemDesktop is the desktop of a Unix system: xdg-open (open on macOS)
// and CUPS (lpstat, lp).
type systemDesktop struct{}

// openWait is how long a failure of the opener is waited for: xdg-open
// that finds no program exits at once with an error, while one that found
// it may stay as long as the viewer runs.
const openWait = 5 * time.Second

func (systemDesktop) open(path string, done func(error)) {
	name := "xdg-open"
	if runtime.GOOS == "darwin" {
		name = "open"
	}
	prog, err := exec.LookPath(name)
	if err != nil {
		done(fmt.Errorf("本机没有 %s，无法调用默认程序", name))
		return
	}
	cmd := exec.Command(prog, path)
	var out bytes.Buffer
	cmd.Stderr = &out
	if err := cmd.Start(); err != nil {
		done(err)
		return
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }() // always reaped
	go func() {
		select {
		case err := <-exited:
			if err != nil {
				done(fmt.Errorf("没有找到能打开此文件的程序（%s）", strings.TrimSpace(out.String())))
				return
			}
			done(nil)
		case <-time.After(openWait):
			done(nil) // still running: a viewer is showing the file
		}
	}()
}

// cupsEnv runs CUPS tools in the C locale, so their answers can be read.
func cupsEnv() []string { return append(os.Environ(), "LC_ALL=C", "LANG=C", "LANGUAGE=") }

func (systemDesktop) printers() ([]string, string, error) {
	lpstat, err := exec.LookPath("lpstat")
	if err != nil {
		return nil, "", errNoSpooler
	}
	cmd := exec.Command(lpstat, "-e")
	cmd.Env = cupsEnv()
	out, err := cmd.Output()
	if err != nil {
		// lpstat -e exits 1 with no destinations at all on some versions.
		if len(bytes.TrimSpace(out)) == 0 {
			return nil, "", nil
		}
		return nil, "", fmt.Errorf("lpstat: %w", err)
	}
	var names []string
	for _, l := range strings.Split(string(out), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			names = append(names, l)
		}
	}
	cmd = exec.Command(lpstat, "-d")
	cmd.Env = cupsEnv()
	def := ""
	if out, err := cmd.Output(); err == nil {
		// "system default destination: Office" or "no system default destination"
		if s, ok := strings.CutPrefix(strings.TrimSpace(string(out)), "system default destination:"); ok {
			def = strings.TrimSpace(s)
		}
	}
	return names, def, nil
}

var lpJobID = regexp.MustCompile(`request id is (\S+)`)

func (systemDesktop) print(path string, job printJob) (string, error) {
	lp, err := exec.LookPath("lp")
	if err != nil {
		return "", errNoSpooler
	}
	args := []string{"-d", job.Printer, "-n", strconv.Itoa(max(1, job.Copies))}
	if job.Pages != "" {
		args = append(args, "-P", job.Pages)
	}
	if job.Duplex {
		args = append(args, "-o", "sides=two-sided-long-edge")
	} else {
		args = append(args, "-o", "sides=one-sided")
	}
	args = append(args, "--", path)
	cmd := exec.Command(lp, args...)
	cmd.Env = cupsEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("打印机“%s”拒绝了打印任务：%s", job.Printer, strings.TrimSpace(strings.TrimPrefix(stderr.String(), "lp: ")))
	}
	if m := lpJobID.FindStringSubmatch(string(out)); m != nil {
		return m[1], nil
	}
	return strings.TrimSpace(string(out)), nil
}

func (systemDesktop) printOptions() bool { return true }

// errNoSpooler: the machine has no printing system to hand a file to.
var errNoSpooler = errors.New("本机没有安装打印系统（CUPS 的 lp 和 lpstat 命令）")
