package ui

import (
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/postgres"
	"github.com/dossier-app/dossier/dossier/sqlite"
	"github.com/dossier-app/dossier/export"
)

// How the app shares a campaign file: a file another program (another copy
// of the app, dossierctl, another machine on a shared folder) has open for
// writing is not opened silently, the user chooses 只读打开 / 仍然打开 /
// 取消; a campaign that cannot be written (read-only medium, file or
// folder, or opened read-only) shows 只读 in the title and the header,
// its editors are disabled, and what still reaches the file is refused by
// it with a Chinese message; reading, ranking and exports work. No document,
// workbook or copy is ever written over a campaign file.

// holderProgram names the app in the campaign's lock file, as another
// program that finds the file open reports it.
const holderProgram = AppName

// sameFile reports whether two paths name the same file.
func sameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// openChecked opens a campaign file for writing unless another program has
// it open: then the user is asked, and ErrAsking returned.
func (a *App) openChecked(path string) error {
	if postgres.IsURL(path) {
		return a.openServer(path)
	}
	if a.cur != nil && sameFile(a.cur.store.Path(), path) {
		return nil // already open here
	}
	if h, err := sqlite.InUse(path); err == nil && h != nil {
		a.askInUse(path, h.String())
		return ErrAsking
	}
	return a.openWith(path, sqlite.OpenOptions{})
}

// openWith opens a campaign file as opt says and shows it.
func (a *App) openWith(path string, opt sqlite.OpenOptions) error {
	if opt.Program == "" {
		opt.Program = holderProgram
	}
	st, err := sqlite.OpenWith(a.ctx, path, opt)
	if err != nil {
		return err
	}
	if err := a.attach(st); err != nil {
		return err
	}
	// What the opening found and set right (a journal that did not belong
	// to the file, set aside under a name) is told, not hidden.
	if n := st.Notices(); len(n) > 0 {
		a.alert("打开时的提示", strings.Join(n, "\n\n"))
	}
	return nil
}

// askInUse asks how to open a file that another program has open.
func (a *App) askInUse(path, holder string) {
	msg := wrapped("此文件正由" + holder + "打开：\n" + path +
		"\n\n两处同时修改同一个文件时，后保存的一方会被告知内容已在别处修改，不会悄悄覆盖；但为免混乱，建议只读打开，或先在另一处关闭它。")
	var d *dialog.CustomDialog
	done := func(opt *sqlite.OpenOptions) func() {
		return func() {
			d.Hide()
			if opt != nil {
				a.openFailed("无法打开", a.openWith(path, *opt))
			}
		}
	}
	ro := widget.NewButtonWithIcon("只读打开", theme.VisibilityIcon(), done(&sqlite.OpenOptions{ReadOnly: true}))
	ro.Importance = widget.HighImportance
	anyway := widget.NewButton("仍然打开", done(&sqlite.OpenOptions{}))
	cancel := widget.NewButton("取消", done(nil))
	d = dialog.NewCustomWithoutButtons("文件正在别处打开", fixedWidth(520, msg), a.win)
	d.SetButtons([]fyne.CanvasObject{cancel, anyway, ro})
	d.Show()
}

// refusedTarget says so, and reports true, when a document or copy must
// not be written at path: it is the open campaign, any campaign file, or a
// journal of one. The save dialog asks this before it offers to replace a
// file, so replacing a campaign is never offered.
func (a *App) refusedTarget(path string) bool {
	if err := a.refuseTarget(path); err != nil {
		a.alert("不能保存到这里", dossier.ErrorMessage(err))
		return true
	}
	return false
}

// refuseTarget is the reason refusedTarget gives, nil when path may be
// written (for dialogs that show the reason themselves).
func (a *App) refuseTarget(path string) error {
	var protect []string
	if a.cur != nil {
		protect = append(protect, a.cur.store.Path())
	}
	return export.Refuse(path, protect...)
}

// readOnly reports whether the campaign refuses writes: it is read-only,
// or it was found damaged (written no more until restored from a backup).
func (s *session) readOnly() bool { return s.store.ReadOnly() || s.store.Damaged() }

// readOnlyBanner is the header's band for a read-only campaign, nil for a
// writable one.
func (s *session) readOnlyBanner() fyne.CanvasObject {
	var text string
	switch {
	case s.store.ReadOnly():
		text = "只读：" + s.store.ReadOnlyReason() + "。可以查看、排名、检查和导出，不能修改。要修改，请把文件复制到可写的位置（或在别处关闭它）后再打开。"
	case s.store.Damaged():
		text = "文件已损坏：为免损坏扩大，不再写入。可以查看和导出，请尽快用备份恢复（“保存副本”或 dossierctl backup 生成的文件）。"
	default:
		return nil
	}
	l := newZhLabel(text)
	l.TextStyle.Bold = true
	l.Importance = widget.WarningImportance
	return container.NewBorder(nil, nil, widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon())), nil, l)
}

// readOnlyButtons are the buttons a read-only campaign keeps: they read or
// export, they do not write.
var readOnlyButtons = map[string]bool{
	"修改记录": true, "预览": true, "查看": true, "导出评分表…": true, "录入评分": true, "查看修改前的内容": true,
}

// lockEditing disables, in a read-only campaign, every field, choice and
// editing button in o, so that nothing can be typed that the file would
// refuse.
func (s *session) lockEditing(o fyne.CanvasObject) {
	if s.readOnly() {
		disableEditing(o)
	}
}

func disableEditing(o fyne.CanvasObject) {
	switch w := o.(type) {
	case nil:
	case *fyne.Container:
		for _, c := range w.Objects {
			disableEditing(c)
		}
	case *container.Scroll:
		disableEditing(w.Content)
	case *container.Split:
		disableEditing(w.Leading)
		disableEditing(w.Trailing)
	case *container.AppTabs:
		for _, it := range w.Items {
			disableEditing(it.Content)
		}
	case *wrapTabs:
		for _, it := range w.Items {
			disableEditing(it.Content)
		}
	case *widget.Form:
		for _, it := range w.Items {
			disableEditing(it.Widget)
		}
	case *widget.Button:
		if !readOnlyButtons[w.Text] {
			w.Disable()
		}
	case fyne.Disableable:
		w.Disable()
	}
}
