//go:build cgo

// Command dossier is the Dossier desktop app: `dossier FILE` opens a
// campaign file; `dossier --demo FILE` creates the demo campaign there first
// if the file does not exist.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/dossier-app/dossier/dossier/demo"
	"github.com/dossier-app/dossier/dossier/sqlite"
	"github.com/dossier-app/dossier/ui"
)

func main() {
	demoFlag := flag.Bool("demo", false, "在指定文件创建示例评选活动（文件不存在时）后打开")
	flag.Parse()
	// Metadata set in code, so a binary built anywhere behaves the same
	// without FyneApp.toml beside it.
	app.SetMetadata(fyne.AppMetadata{ID: "cn.dossier.app", Name: "先进单位评选材料汇编", Version: "0.1.0", Build: 1})
	a := app.NewWithID("cn.dossier.app")
	a.Settings().SetTheme(ui.Theme{})
	ctx := context.Background()
	if flag.NArg() < 1 {
		fmt.Fprintln(os.Stderr, "用法：dossier [--demo] 评选活动文件")
		os.Exit(2)
	}
	path := flag.Arg(0)
	var s *sqlite.Store
	var err error
	if _, statErr := os.Stat(path); *demoFlag && os.IsNotExist(statErr) {
		s, err = demo.Create(ctx, path)
	} else {
		s, err = sqlite.Open(ctx, path)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "错误：", err)
		os.Exit(1)
	}
	defer s.Close()
	w, err := ui.NewMainWindow(a, s)
	if err != nil {
		fmt.Fprintln(os.Stderr, "错误：", err)
		os.Exit(1)
	}
	w.ShowAndRun()
}
