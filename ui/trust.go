package ui

import (
	"context"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

// verifyBanner replays the campaign's score log when the file is opened and
// returns the red banner to show when it fails (nil when it verifies): a
// score changed behind the app's back must be impossible to miss.
func verifyBanner(ctx context.Context, st *store.Store) fyne.CanvasObject {
	v, err := st.Verify(ctx)
	var msg string
	switch {
	case err != nil:
		msg = "无法校验评分记录：" + dossier.ErrorMessage(err)
	case !v.OK:
		msg = "评分记录校验未通过：" + v.Problem + "。本文件的评分可能被绕过本软件改动，请核查，必要时用备份恢复。"
	default:
		return nil
	}
	lbl := newZhLabel(msg)
	lbl.TextStyle.Bold = true
	lbl.Importance = widget.DangerImportance
	bg := canvas.NewRectangle(color.NRGBA{R: 0xfd, G: 0xe2, B: 0xe1, A: 0xff})
	edge := canvas.NewRectangle(color.NRGBA{R: 0xc0, G: 0x1c, B: 0x28, A: 0xff})
	edge.SetMinSize(fyne.NewSize(4, 0))
	return container.NewStack(bg, container.NewBorder(nil, nil, edge, nil, lbl))
}
