package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// picker chooses files and folders for the screens. The app uses Fyne's
// dialogs; tests substitute answers.
type picker interface {
	// openFile asks for an existing file; exts filters by extension
	// (".xlsx"), nil shows every file.
	openFile(title string, exts []string, fn func(path string))
	// saveFile asks where to write a new file, suggesting name. With
	// overwrite false an existing file is refused; with true the user is
	// asked to confirm replacing it.
	saveFile(title, name string, overwrite bool, fn func(path string))
	// folder asks for a folder.
	folder(title string, fn func(path string))
}

// dialogPicker is the picker of the real app.
type dialogPicker struct {
	a *App
}

func (p *dialogPicker) location() fyne.ListableURI {
	dir := p.a.prefs.LastFolder()
	if dir == "" {
		dir, _ = os.UserHomeDir()
	}
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		return nil
	}
	return l
}

func (p *dialogPicker) openFile(title string, exts []string, fn func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		p.a.prefs.SetLastFolder(filepath.Dir(path))
		fn(path)
	}, p.a.win)
	d.SetTitleText(title)
	d.SetConfirmText("打开")
	d.SetDismissText("取消")
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	if l := p.location(); l != nil {
		d.SetLocation(l)
	}
	d.Resize(dialogSize(p.a.win))
	d.Show()
}

func (p *dialogPicker) folder(title string, fn func(path string)) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			return
		}
		p.a.prefs.SetLastFolder(l.Path())
		fn(l.Path())
	}, p.a.win)
	d.SetTitleText(title)
	d.SetConfirmText("选择")
	d.SetDismissText("取消")
	if l := p.location(); l != nil {
		d.SetLocation(l)
	}
	d.Resize(dialogSize(p.a.win))
	d.Show()
}

// saveFile shows a small form (folder and file name) rather than Fyne's
// save dialog, because that dialog truncates an existing file before the
// caller can decide anything, and asks its questions in English.
func (p *dialogPicker) saveFile(title, name string, overwrite bool, fn func(path string)) {
	dir := p.a.prefs.LastFolder()
	if dir == "" {
		dir, _ = os.UserHomeDir()
	}
	dirEntry := widget.NewEntry()
	dirEntry.SetText(dir)
	nameEntry := widget.NewEntry()
	nameEntry.SetText(name)
	browse := widget.NewButton("选择文件夹…", func() {
		p.folder("选择保存位置", func(path string) { dirEntry.SetText(path) })
	})
	form := widget.NewForm(
		widget.NewFormItem("保存位置", container.NewBorder(nil, nil, nil, browse, dirEntry)),
		widget.NewFormItem("文件名", nameEntry),
	)
	var d *dialog.ConfirmDialog
	d = dialog.NewCustomConfirm(title, "保存", "取消", form, func(ok bool) {
		if !ok {
			return
		}
		path := filepath.Join(strings.TrimSpace(dirEntry.Text), strings.TrimSpace(nameEntry.Text))
		if strings.TrimSpace(nameEntry.Text) == "" {
			p.a.alert("请填写文件名", "文件名不能为空。")
			return
		}
		if st, err := os.Stat(filepath.Dir(path)); err != nil || !st.IsDir() {
			p.a.alert("无法保存", "保存位置“"+filepath.Dir(path)+"”不是一个已有的文件夹。")
			return
		}
		if p.a.refusedTarget(path) {
			return // never offer to replace a campaign file
		}
		_, err := os.Stat(path)
		exists := err == nil || !errors.Is(err, os.ErrNotExist)
		p.a.prefs.SetLastFolder(filepath.Dir(path))
		switch {
		case exists && !overwrite:
			p.a.alert("文件已存在", "文件 "+path+" 已存在，不会覆盖。请换一个文件名。")
		case exists:
			p.a.confirm("替换文件", "文件 "+path+" 已存在，要替换它吗？", "替换", func() { fn(path) })
		default:
			fn(path)
		}
	}, p.a.win)
	d.Resize(fyne.NewSize(620, 0))
	d.Show()
}

// dialogSize is the size of file dialogs: most of the window.
func dialogSize(w fyne.Window) fyne.Size {
	s := w.Canvas().Size()
	return fyne.NewSize(max(600, s.Width*0.8), max(420, s.Height*0.85))
}

// alert shows a message with an OK button. Long Chinese messages wrap.
func (a *App) alert(title, msg string) {
	d := dialog.NewCustom(title, "确定", fixedWidth(520, wrapped(msg)), a.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// confirm asks a yes/no question; fn runs on yes.
func (a *App) confirm(title, msg, yes string, fn func()) {
	d := dialog.NewCustomConfirm(title, yes, "取消", fixedWidth(480, wrapped(msg)), func(ok bool) {
		if ok {
			fn()
		}
	}, a.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// ask asks for a required text (a reason); fn runs with what was typed.
func (a *App) ask(title, msg, placeholder string, fn func(text string)) {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetPlaceHolder(placeholder)
	e.SetMinRowsVisible(3)
	content := container.NewVBox(fixedWidth(500, wrapped(msg)), e)
	d := dialog.NewCustomConfirm(title, "确定", "取消", content, func(ok bool) {
		if ok {
			fn(strings.TrimSpace(e.Text))
		}
	}, a.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	a.win.Canvas().Focus(e)
}
