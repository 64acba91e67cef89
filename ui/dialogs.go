package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
)

// picker chooses files and folders for the screens. The app uses its own
// picker (filePicker); tests substitute answers.
type picker interface {
	// openFile asks for an existing file; exts filters by extension
	// (".xlsx", any case), nil shows every file.
	openFile(title string, exts []string, fn func(path string))
	// openFiles asks for one or more existing files, as openFile.
	openFiles(title string, exts []string, fn func(paths []string))
	// saveFile asks where to write a new file, suggesting name. With
	// overwrite false an existing file is refused; with true the user is
	// asked to confirm replacing it.
	saveFile(title, name string, overwrite bool, fn func(path string))
	// folder asks for a folder.
	folder(title string, fn func(path string))
}

// dialogPicker is the picker of the real app. Each purpose (told by the
// title, see purposeOf) starts in the folder it last used.
type dialogPicker struct {
	a *App
}

func (p *dialogPicker) openFile(title string, exts []string, fn func(path string)) {
	newFilePicker(p.a, pickOne, title, exts, func(paths []string) { fn(paths[0]) }).show()
}

func (p *dialogPicker) openFiles(title string, exts []string, fn func(paths []string)) {
	newFilePicker(p.a, pickMany, title, exts, fn).show()
}

func (p *dialogPicker) folder(title string, fn func(path string)) {
	newFilePicker(p.a, pickFolder, title, nil, func(paths []string) { fn(paths[0]) }).show()
}

// saveFile shows a small form (folder and file name) rather than Fyne's
// save dialog, because that dialog truncates an existing file before the
// caller can decide anything, and asks its questions in English. A
// missing folder is made; on any problem the form stays open with what was
// typed and says what is wrong.
func (p *dialogPicker) saveFile(title, name string, overwrite bool, fn func(path string)) {
	dirEntry := widget.NewEntry()
	dirEntry.SetText(p.a.prefs.Folder(purposeOf(title)))
	nameEntry := widget.NewEntry()
	nameEntry.SetText(name)
	browse := widget.NewButton("选择文件夹…", func() {
		p.folder(title, func(path string) { dirEntry.SetText(path) })
	})
	form := widget.NewForm(
		widget.NewFormItem("保存位置", container.NewBorder(nil, nil, nil, browse, dirEntry)),
		widget.NewFormItem("文件名", nameEntry),
	)
	fd := p.a.formDialog(title, "保存", form, 620, func() error {
		file := strings.TrimSpace(nameEntry.Text)
		if file == "" {
			return dossier.Errorf(dossier.EINVALID, "请填写文件名。")
		}
		if strings.ContainsAny(file, `/\`) {
			return dossier.Errorf(dossier.EINVALID, "文件名“%s”中不能有 / 或 \\。", file)
		}
		dir := strings.TrimSpace(dirEntry.Text)
		if dir == "" {
			return dossier.Errorf(dossier.EINVALID, "请填写保存位置。")
		}
		if err := ensureDir(dir); err != nil {
			return err
		}
		path := filepath.Join(dir, file)
		if err := p.a.refuseTarget(path); err != nil {
			return err // never offer to replace a campaign file
		}
		_, err := os.Stat(path)
		exists := err == nil || !errors.Is(err, os.ErrNotExist)
		if exists && !overwrite {
			return dossier.Errorf(dossier.ECONFLICT, "文件 %s 已存在，不会覆盖。请换一个文件名。", path)
		}
		p.a.prefs.SetFolder(purposeOf(title), dir)
		if exists {
			p.a.confirm("替换文件", "文件 "+path+" 已存在，要替换它吗？", "替换", func() { fn(path) })
		} else {
			fn(path)
		}
		return nil
	})
	fd.submitOnEnter(dirEntry, nameEntry)
	fd.show(nameEntry)
}

// dialogSize is the size of file dialogs: most of the window, but no
// wider or taller than a name, its date and size need on a wide screen.
func dialogSize(w fyne.Window) fyne.Size {
	s := w.Canvas().Size()
	return fyne.NewSize(max(600, min(s.Width*0.8, 1100)), max(420, min(s.Height*0.85, 820)))
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
// Nothing typed keeps the dialog open with a message; Enter submits
// (Shift+Enter starts a new line).
func (a *App) ask(title, msg, placeholder string, fn func(text string)) {
	e := newSubmitEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetPlaceHolder(placeholder)
	e.SetMinRowsVisible(3)
	content := container.NewVBox(fixedWidth(500, wrapped(msg)), e)
	fd := a.formDialog(title, "确定", content, 560, func() error {
		text := strings.TrimSpace(e.Text)
		if text == "" {
			return dossier.Errorf(dossier.EINVALID, "请填写%s，它会记入活动的历史。", strings.TrimPrefix(placeholder, "例如："))
		}
		fn(text)
		return nil
	})
	e.onSubmit = fd.submit
	fd.show(e)
}

// formDialog is a dialog whose action may fail: on an error it stays open,
// keeps everything typed and says in Chinese what is wrong, in a line
// reserved for it (so nothing jumps under the mouse).
type formDialog struct {
	d      *dialog.CustomDialog
	msg    *zhLabel
	ok     *widget.Button
	act    func() error
	win    fyne.Window
	closed bool
}

// formDialog builds a dialog of width w around body with 取消 and confirm;
// act runs on confirm (and on Enter where submitOnEnter is set) and the
// dialog closes only when it returns nil.
func (a *App) formDialog(title, confirm string, body fyne.CanvasObject, w float32, act func() error) *formDialog {
	f := &formDialog{act: act, win: a.win}
	f.msg = newZhLabel(" ")
	f.msg.Importance = widget.DangerImportance
	f.ok = widget.NewButton(confirm, f.submit)
	f.ok.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { f.hide() })
	buttons := container.NewHBox(layout.NewSpacer(), cancel, f.ok, layout.NewSpacer())
	content := container.NewBorder(nil, container.NewVBox(fixedWidth(w-40, f.msg), buttons), nil, nil, body)
	f.d = dialog.NewCustomWithoutButtons(title, content, a.win)
	f.d.Resize(fyne.NewSize(w, 0))
	return f
}

// submit runs the action; the dialog closes only when it succeeds.
func (f *formDialog) submit() {
	if f.closed {
		return
	}
	if err := f.act(); err == errKeepOpen {
		return
	} else if err != nil {
		f.msg.SetText(dossier.ErrorMessage(err))
		return
	}
	f.hide()
}

func (f *formDialog) hide() {
	f.closed = true
	f.d.Hide()
}

// submitOnEnter makes Enter in each single-line entry confirm the dialog.
func (f *formDialog) submitOnEnter(es ...*widget.Entry) {
	for _, e := range es {
		e.OnSubmitted = func(string) { f.submit() }
	}
}

// show opens the dialog with the cursor in first.
func (f *formDialog) show(first fyne.Focusable) {
	f.d.Show()
	if first != nil {
		f.win.Canvas().Focus(first)
	}
}

// submitEntry is a multi-line entry in which Enter submits its dialog and
// Shift+Enter starts a new line.
type submitEntry struct {
	widget.Entry
	onSubmit func()
}

func newSubmitEntry() *submitEntry {
	e := &submitEntry{}
	e.MultiLine = true
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey submits on Enter unless Shift is held.
func (e *submitEntry) TypedKey(k *fyne.KeyEvent) {
	if (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && !shiftHeld() && e.onSubmit != nil {
		e.onSubmit()
		return
	}
	e.Entry.TypedKey(k)
}
