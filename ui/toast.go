package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// toastTime is how long a toast stays unless clicked away.
var toastTime = 8 * time.Second

// toast shows a short success message at the window's lower right, with
// 打开 for the file it names (path "" for none). It does not block: a click
// elsewhere or the timeout takes it away.
func (a *App) toast(msg, path string) {
	text := newZhLabel(msg)
	text.Importance = widget.SuccessImportance
	row := container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), nil, text)
	var pop *widget.PopUp
	if path != "" {
		open := widget.NewButtonWithIcon("打开", theme.FileIcon(), func() {
			pop.Hide()
			a.openPath(path)
		})
		row = container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), open, text)
	}
	c := a.win.Canvas()
	pop = widget.NewPopUp(fixedWidth(360, row), c)
	size := pop.MinSize()
	pad := theme.Padding() * 4
	pop.ShowAtPosition(fyne.NewPos(c.Size().Width-size.Width-pad, c.Size().Height-size.Height-pad))
	time.AfterFunc(toastTime, func() { onUI(pop.Hide) })
}
