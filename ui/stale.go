package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
)

// An editor keeps the version of the record it loaded; the file refuses a
// write based on an older version (a re-import, another window or program,
// dossierctl changed the record meanwhile) with a *dossier.StaleError. The
// editor then shows what differs, the user's text beside the file's, and
// lets the user keep theirs (written on top of the newer record: fields
// the user did not touch take the newer content) or take the newer content.
// Until the user chooses, the edit is listed as unsaved and nothing is
// written: nothing is overwritten unseen.

// diffRow is one line of a conflict: a field, the user's text and the
// file's.
type diffRow struct {
	label, mine, theirs string
}

// staleCurrent returns the record as now stored, carried by a stale error.
func staleCurrent(err error) (any, bool) {
	var se *dossier.StaleError
	if !errors.As(err, &se) {
		return nil, false
	}
	return se.Current, true
}

// asRecord reads a stale error's current record as a T (value or pointer).
func asRecord[T any](cur any) (T, bool) {
	switch v := cur.(type) {
	case T:
		return v, true
	case *T:
		if v != nil {
			return *v, true
		}
	}
	var zero T
	return zero, false
}

// showConflict asks what to do about an edit the file refused as stale:
// what names the record, rows the differences. keep and take run on the
// user's choice; 稍后决定 leaves the edit listed as unsaved.
func (s *session) showConflict(what string, rows []diffRow, keep, take func()) {
	grid := container.NewGridWithColumns(3, boldLabel("项目"), boldLabel("您的修改（未保存）"), boldLabel("文件中的最新内容"))
	for _, r := range rows {
		mine, theirs := selectableText(orNone(r.mine)), selectableText(orNone(r.theirs))
		if r.mine != r.theirs {
			mine.Importance = widget.HighImportance
		}
		grid.Add(boldLabel(r.label))
		grid.Add(mine)
		grid.Add(theirs)
	}
	intro := wrapped(what + "在您打开之后已在别处被修改（重新导入、另一窗口、另一程序或命令行）。您的修改尚未保存，文件中的内容也没有被覆盖。请对照下面的内容选择保留哪一份。")
	note := muted("“保留我的修改”：在最新内容的基础上保存您改过的项目，您没有改动的项目采用最新内容。“采用最新内容”：放弃您的这些修改，编辑框显示文件中的最新内容。")
	scroll := newVScroll(container.NewVBox(grid))
	size := historySize(s.a.win)
	scroll.SetMinSize(fyne.NewSize(size.Width*0.8, size.Height*0.5))
	var d *dialog.CustomDialog
	keepBtn := widget.NewButtonWithIcon("保留我的修改", theme.DocumentSaveIcon(), func() {
		d.Hide()
		s.conflictDlg = nil
		keep()
	})
	keepBtn.Importance = widget.HighImportance
	takeBtn := widget.NewButtonWithIcon("采用最新内容", theme.ViewRefreshIcon(), func() {
		d.Hide()
		s.conflictDlg = nil
		take()
	})
	later := widget.NewButton("稍后决定", func() {
		d.Hide()
		s.conflictDlg = nil
	})
	d = dialog.NewCustomWithoutButtons("内容已在别处被修改", container.NewBorder(intro, note, nil, nil, scroll), s.a.win)
	d.SetButtons([]fyne.CanvasObject{later, takeBtn, keepBtn})
	if s.conflictDlg != nil {
		s.conflictDlg.Hide()
	}
	s.conflictDlg = d
	d.Show()
}

func orNone(s string) string {
	if s == "" {
		return "（空）"
	}
	return s
}

// staleKey is the error bar's key of a record's stale edit, under prefix.
func staleKey(prefix string) string { return prefix + "stale" }

// markStale lists a stale edit as unsaved; its 重试 shows the question
// again.
func (s *session) markStale(prefix, what string, ask func()) {
	s.errs.set(staleKey(prefix), what+"（与文件中的最新内容不一致）",
		what+"已在别处被修改，您的修改尚未保存。请选择保留您的修改或采用最新内容。", ask)
}

// stale handles a form's stale write: the user's fields against the
// file's, then keep (rebase on the newer record and save again) or take
// (show the newer record).
func (f formSave[T]) stale(saved, cur T) {
	var rows []diffRow
	for _, fl := range f.fields {
		if fl.shown == nil {
			continue
		}
		mine, old, theirs := fl.typed(), fl.shown(saved), fl.shown(cur)
		if mine != old || theirs != old {
			rows = append(rows, diffRow{fl.label, mine, theirs})
		}
	}
	var ask func()
	keep := func() {
		f.s.errs.clear(staleKey(f.key))
		for _, fl := range f.fields {
			if fl.shown != nil && fl.typed() == fl.shown(saved) {
				fl.load(cur) // untouched here: take the newer content
			}
		}
		f.rebase(cur)
		f.again()
	}
	take := func() {
		f.s.errs.clearPrefix(f.key)
		for _, fl := range f.fields {
			if fl.load != nil {
				fl.load(cur)
			}
		}
		f.rebase(cur)
	}
	ask = func() { f.s.showConflict(f.what, rows, keep, take) }
	f.s.markStale(f.key, f.what, ask)
	ask()
}
