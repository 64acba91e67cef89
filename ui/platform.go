package ui

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// osDesktop is what the app asks of the operating system outside Fyne: open a
// file or folder with its usual program, list the printers, hand a PDF to
// the spooler. platform_unix.go (CUPS, xdg-open) and platform_windows.go
// (the shell and the Windows spooler) implement it; tests use the real one
// with fake programs on the PATH.
type osDesktop interface {
	// open shows path with the program the system associates with it. It
	// returns at once; done runs (on any goroutine) with nil once the
	// program started, or with why nothing could open the file. The child
	// is always waited for, so none is left a zombie.
	open(path string, done func(error))
	// printers lists the printers and names the default one ("" for none).
	printers() (names []string, def string, err error)
	// print sends the PDF to a printer and returns the spooler's job id.
	// It blocks: call it off the UI thread.
	print(path string, job printJob) (string, error)
	// printOptions reports whether copies, page ranges and duplex can be
	// asked of the spooler (CUPS yes; the Windows shell no).
	printOptions() bool
}

// printJob is what the print dialog asks for.
type printJob struct {
	Printer string
	Copies  int
	Pages   string // "" for all, else e.g. "1-3,7"
	Duplex  bool   // two-sided, long edge
}

// parsePages checks a page range as a clerk types it: "1-3,7", "5",
// full-width digits and "，" or "、" between parts allowed. It returns the
// range as lp takes it.
func parsePages(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '，' || r == '、' || r == ';' || r == '；':
			return ','
		case r == '－' || r == '—' || r == '~' || r == '～' || r == '至':
			return '-'
		case unicode.IsSpace(r):
			return -1
		}
		return r
	}, s)
	for _, part := range strings.Split(s, ",") {
		a, b, isRange := strings.Cut(part, "-")
		n1, err1 := strconv.Atoi(a)
		n2, err2 := n1, error(nil)
		if isRange {
			n2, err2 = strconv.Atoi(b)
		}
		if err1 != nil || err2 != nil || n1 < 1 || n2 < n1 {
			return "", fmt.Errorf("页码范围“%s”无法识别，请写成 1-3,7 这样的形式（页码从 1 开始）", part)
		}
	}
	return s, nil
}
