//go:build cgo

// Command dossier is the Dossier desktop app.
//
//	dossier                 the start screen (new, open, recent files, demo)
//	dossier FILE            opens that campaign file
//	dossier --demo FILE     opens the demo campaign at FILE, creating it first
//	                        when the file does not exist
//
// The app is in Simplified Chinese whatever the system's language, with a
// bundled CJK font.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	appinfo "github.com/dossier-app/dossier"
	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/internal/single"
	"github.com/dossier-app/dossier/ui"
	// Before Fyne reads the locale: Chinese, and no "Error parsing user
	// locale C" on a C.UTF-8 system.
	_ "github.com/dossier-app/dossier/ui/zhlocale"
)

func main() {
	flags := flag.NewFlagSet("dossier", flag.ContinueOnError)
	demoFlag := flags.Bool("demo", false, "打开示例评选活动；文件不存在时先在该位置创建")
	showHooks := screenshotHooks(flags)
	flags.Usage = func() {
		fmt.Fprintln(os.Stderr, "用法：dossier [评选活动文件]\n      dossier --demo 文件   （文件不存在时先创建示例评选活动）")
	}
	if err := flags.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if flags.NArg() > 1 || (*demoFlag && flags.NArg() != 1) {
		flags.Usage()
		os.Exit(2)
	}
	// A second double-click on a file this user already has open brings
	// that window to the front instead of opening a second writer.
	if flags.NArg() == 1 && !*demoFlag && single.Notify(flags.Arg(0)) {
		return
	}
	app.SetMetadata(fyne.AppMetadata{
		ID: "cn.dossier.app", Name: ui.AppName, Version: appinfo.Version, Build: appinfo.Build,
		Icon: ui.AppIcon(), Migrations: map[string]bool{"fyneDo": true},
	})
	// Before the app exists: Fyne logs while it loads its preferences.
	log.SetOutput(ui.QuietLog(os.Stderr))
	a := app.NewWithID("cn.dossier.app")
	u := ui.New(a)
	if err := u.UseFilePreferences(ui.PreferencesPath()); err != nil {
		fmt.Fprintln(os.Stderr, "偏好设置无法读取，将使用默认设置：", err)
	}
	if flags.NArg() == 1 {
		path := flags.Arg(0)
		var err error
		if *demoFlag {
			err = u.OpenDemo(path)
		} else {
			err = u.Open(path)
		}
		if err != nil && err != ui.ErrAsking { // ErrAsking: a question is on screen
			fmt.Fprintln(os.Stderr, "错误：", dossier.ErrorMessage(err))
			u.ShowError("无法打开", err)
		} else if l, lerr := single.Listen(path, func() {
			fyne.Do(func() { u.Window().Show(); u.Window().RequestFocus() })
		}); lerr == nil {
			defer l.Close()
		}
	}
	showHooks(u)
	// Interrupted from a terminal or by the session: save and close the
	// campaign file properly (its journal checkpointed) before quitting.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		fyne.Do(func() {
			u.Close()
			a.Quit()
		})
	}()
	u.Window().ShowAndRun()
	u.Close()
}
