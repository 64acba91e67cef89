package ui

import (
	"errors"

	"fyne.io/fyne/v2/widget"
)

// errKeepOpen, returned by a form dialog's action, leaves the dialog open
// without a message: the action has asked something of its own first.
var errKeepOpen = errors.New("keep the dialog open")

// formItemsDialog is formDialog around labelled fields: the add dialogs
// (单位, 评委, 类别, 指标) used Fyne's form dialog, which closes on confirm,
// so a refused name (a duplicate code, an empty name) threw away all that
// was typed. This one stays open, keeps the fields and says why in its
// reserved line; Enter in any single-line field confirms.
func (a *App) formItemsDialog(title, confirm string, items []*widget.FormItem, w float32, act func() error) *formDialog {
	f := a.formDialog(title, confirm, widget.NewForm(items...), w, act)
	for _, it := range items {
		if e, ok := it.Widget.(*widget.Entry); ok && !e.MultiLine {
			f.submitOnEnter(e)
		}
	}
	return f
}
