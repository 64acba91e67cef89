//go:build !windows

package ui

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// fakeBin puts shell scripts named like system programs on a PATH of
// their own, so the test runs the real code against known answers.
func fakeBin(t *testing.T, scripts map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range scripts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"+body), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir+":/usr/bin:/bin")
	return dir
}

// tapOnUI taps b as the UI thread would: holding uiMu, so that work the
// tap starts in the background reaches the screen (onUI) only after the
// tap's own changes (the print dialog closing). The test driver runs onUI
// functions on the calling goroutine at once, where the real driver queues
// them for the UI thread; without this the result dialog raced the closing
// print dialog over the overlay stack and was now and then lost (seen
// under load: no dialog within 30 s).
func tapOnUI(b *widget.Button) {
	uiMu.Lock()
	defer uiMu.Unlock()
	test.Tap(b)
}

// waitOverlay waits for a dialog whose text holds want.
func waitOverlay(t *testing.T, a *App, want string) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second) // generous: the machine is shared
	for time.Now().Before(deadline) {
		uiMu.Lock()
		msg := overlayTexts(a)
		uiMu.Unlock()
		if strings.Contains(msg, want) {
			return msg
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no dialog with %q; showing %q", want, overlayTexts(a))
	return ""
}

// zombies counts our children that exited and were never waited for.
func zombies() int {
	n := 0
	me := strconv.Itoa(os.Getpid())
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, p := range stats {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(f) > 1 && f[0] == "Z" && f[1] == me {
			n++
		}
	}
	return n
}

// TestOpenWithNoViewer is issue 11 item 5: when xdg-open finds no program
// the app says so, shows the path with 复制路径, and reaps the child.
func TestOpenWithNoViewer(t *testing.T) {
	fakeBin(t, map[string]string{"xdg-open": "echo 'xdg-open: no method available for opening' >&2\nexit 3\n"})
	a, _ := newTestApp(t)
	path := filepath.Join(t.TempDir(), "评审材料汇编.pdf")
	os.WriteFile(path, []byte("%PDF-1.4"), 0o644)
	a.openPath(path)
	msg := waitOverlay(t, a, "无法打开这个文件")
	if !strings.Contains(msg, path) || !strings.Contains(msg, "没有找到能打开此文件的程序") {
		t.Errorf("message %q", msg)
	}
	test.Tap(dialogButton(t, a, "复制路径"))
	if got := a.fa.Clipboard().Content(); got != path {
		t.Errorf("clipboard %q", got)
	}
	if z := zombies(); z != 0 {
		t.Errorf("%d zombie children", z)
	}
}

func TestOpenWithoutXdgOpen(t *testing.T) {
	fakeBin(t, nil)
	t.Setenv("PATH", t.TempDir())
	a, _ := newTestApp(t)
	a.openPath("/tmp")
	if msg := waitOverlay(t, a, "无法打开这个文件夹"); !strings.Contains(msg, "xdg-open") {
		t.Errorf("message %q", msg)
	}
}

// TestPrintDialog is issue 11 item 6 with CUPS: printers from lpstat, the
// default chosen, copies, pages and long-edge duplex passed to lp in the
// background, the job id reported.
func TestPrintDialog(t *testing.T) {
	dir := fakeBin(t, map[string]string{
		"lpstat": `case "$1" in
-e) printf 'Office\nLab\n' ;;
-d) echo 'system default destination: Lab' ;;
esac
`,
		"lp": `echo "$@" > "$(dirname "$0")/lp.args"
echo 'request id is Lab-42 (1 file(s))'
`,
	})
	a, _ := newTestApp(t)
	path := filepath.Join(t.TempDir(), "汇编.pdf")
	a.printPath(path)
	var sel *widget.Select
	var duplex *widget.Check
	for _, o := range objects(a.win.Canvas().Overlays().Top()) {
		switch w := o.(type) {
		case *widget.Select:
			sel = w
		case *widget.Check:
			duplex = w
		}
	}
	if sel == nil || sel.Selected != "Lab" || strings.Join(sel.Options, ",") != "Office,Lab" {
		t.Fatalf("printer choice %+v", sel)
	}
	if duplex == nil || !duplex.Checked || duplex.Text != "双面打印（长边翻转）" {
		t.Fatalf("duplex %+v", duplex)
	}
	es := overlayEntries(a)
	es[0].SetText("2")
	es[1].SetText("1-3，5")
	tapOnUI(dialogButton(t, a, "打印"))
	done := waitOverlay(t, a, "任务编号：Lab-42")
	if !strings.Contains(done, "2 份") || !strings.Contains(done, "双面") {
		t.Errorf("report %q", done)
	}
	args, _ := os.ReadFile(filepath.Join(dir, "lp.args"))
	want := "-d Lab -n 2 -P 1-3,5 -o sides=two-sided-long-edge -- " + path
	if strings.TrimSpace(string(args)) != want {
		t.Errorf("lp %s, want %s", args, want)
	}
}

func TestPrintBadPagesKeepsDialog(t *testing.T) {
	fakeBin(t, map[string]string{"lpstat": "case \"$1\" in -e) echo Office ;; esac\n", "lp": "exit 0\n"})
	a, _ := newTestApp(t)
	a.printPath("/tmp/x.pdf")
	overlayEntries(a)[1].SetText("3-1")
	test.Tap(dialogButton(t, a, "打印"))
	if msg := overlayTexts(a); !strings.Contains(msg, "页码范围“3-1”无法识别") {
		t.Errorf("dialog %q", msg)
	}
}

func TestPrintWithoutPrinter(t *testing.T) {
	fakeBin(t, map[string]string{"lpstat": "exit 0\n", "lp": "echo 'lp: Error - no default destination.' >&2; exit 1\n"})
	a, _ := newTestApp(t)
	a.printPath("/tmp/x.pdf")
	msg := overlayTexts(a)
	if !strings.Contains(msg, "本机没有设置打印机") || strings.Contains(msg, "exit status") {
		t.Errorf("dialog %q", msg)
	}
	dialogButton(t, a, "打开 PDF")
}

func TestPrintWithoutCUPS(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	a, _ := newTestApp(t)
	a.printPath("/tmp/x.pdf")
	if msg := overlayTexts(a); !strings.Contains(msg, "本机没有安装打印系统") || strings.Contains(msg, "已用默认程序打开") {
		t.Errorf("dialog %q", msg)
	}
}

func TestPrintRefused(t *testing.T) {
	fakeBin(t, map[string]string{"lpstat": "case \"$1\" in -e) echo Office ;; esac\n", "lp": "echo 'lp: The printer or class does not exist.' >&2; exit 1\n"})
	a, _ := newTestApp(t)
	a.printPath("/tmp/x.pdf")
	tapOnUI(dialogButton(t, a, "打印"))
	msg := waitOverlay(t, a, "打印失败")
	if !strings.Contains(msg, "打印机“Office”拒绝了打印任务") || strings.Contains(msg, "exit status") {
		t.Errorf("dialog %q", msg)
	}
}

func TestParsePages(t *testing.T) {
	for in, want := range map[string]string{"": "", "1-3,7": "1-3,7", " ５、７－９ ": "5,7-9", "2": "2"} {
		if got, err := parsePages(in); err != nil || got != want {
			t.Errorf("parsePages(%q) = %q, %v", in, got, err)
		}
	}
	for _, bad := range []string{"0", "a", "3-1", "1-", "1,,2"} {
		if _, err := parsePages(bad); err == nil {
			t.Errorf("parsePages(%q) accepted", bad)
		}
	}
}
