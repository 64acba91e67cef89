//go:build cgo && screenshots

package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/dossier-app/dossier/ui"
)

// screenshotHooks adds what scripts/screenshots.sh drives, in a build made
// with -tags screenshots only (make screenshots): --screen NAME shows that
// screen first, DOSSIER_IMPORT (a path list) previews those workbooks, and
// DOSSIER_ALERT (title|message) shows a message dialog.
// The shipped app has none of them, so no user meets a hidden flag.
func screenshotHooks(flags *flag.FlagSet) func(*ui.App) {
	screen := flags.String("screen", "", "先显示的界面（截图用）："+strings.Join(ui.Screens, "、"))
	return func(u *ui.App) {
		if files := os.Getenv("DOSSIER_IMPORT"); files != "" {
			u.PreviewImport(strings.Split(files, string(os.PathListSeparator))...)
		}
		if *screen != "" && !u.ShowScreen(*screen) {
			fmt.Fprintf(os.Stderr, "没有名为 %q 的界面（可用：%s）\n", *screen, strings.Join(ui.Screens, "、"))
		}
		if msg := os.Getenv("DOSSIER_ALERT"); msg != "" { // title|message
			title, text, _ := strings.Cut(msg, "|")
			u.Alert(title, text)
		}
	}
}
