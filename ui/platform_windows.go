//go:build windows

package ui

import (
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"syscall"

	"golang.org/x/sys/windows"
)

// systemDesktop is the Windows desktop: the shell (ShellExecute "open" and
// "printto") and the spooler's printer list.
type systemDesktop struct{}

func shellExecute(verb, file, args string) error {
	v, _ := syscall.UTF16PtrFromString(verb)
	f, _ := syscall.UTF16PtrFromString(file)
	var a *uint16
	if args != "" {
		a, _ = syscall.UTF16PtrFromString(args)
	}
	// ShellExecute starts the associated program itself: no child of ours
	// is left to wait for.
	return windows.ShellExecute(0, v, f, a, nil, windows.SW_SHOWNORMAL)
}

func (systemDesktop) open(path string, done func(error)) {
	go func() {
		if err := shellExecute("open", path, ""); err != nil {
			done(fmt.Errorf("没有找到能打开此文件的程序（%v）", err))
			return
		}
		done(nil)
	}()
}

// printers asks the spooler through PowerShell (Win32_Printer): one line
// per printer, "name|True" for the default one.
func (systemDesktop) printers() ([]string, string, error) {
	cmd := exec.Command("powershell", "-NoProfile", "-NonInteractive", "-Command",
		"Get-CimInstance Win32_Printer | ForEach-Object { $_.Name + '|' + $_.Default }")
	cmd.SysProcAttr = &syscall.SysProcAttr{HideWindow: true}
	out, err := cmd.Output()
	if err != nil {
		return nil, "", fmt.Errorf("无法读取打印机列表：%v", err)
	}
	var names []string
	def := ""
	for _, l := range strings.Split(string(out), "\n") {
		name, isDef, _ := strings.Cut(strings.TrimSpace(l), "|")
		if name == "" {
			continue
		}
		names = append(names, name)
		if strings.EqualFold(isDef, "true") {
			def = name
		}
	}
	return names, def, nil
}

// print hands the PDF to the program registered for printing PDFs
// ("printto" with the printer's name); copies, pages and duplex are that
// program's to ask (printOptions is false).
func (systemDesktop) print(path string, job printJob) (string, error) {
	if err := shellExecute("printto", path, `"`+job.Printer+`"`); err != nil {
		return "", errors.New("没有能打印 PDF 的程序（请安装 PDF 阅读器），或打印机拒绝了任务：" + err.Error())
	}
	return "", nil
}

func (systemDesktop) printOptions() bool { return false }

var errNoSpooler = errors.New("本机没有可用的打印服务")
