package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier/sqlite"
)

// NewMainWindow builds the campaign window for an open campaign file.
func NewMainWindow(a fyne.App, s *sqlite.Store) (fyne.Window, error) {
	ctx := context.Background()
	b, r, err := s.Rank(ctx)
	if err != nil {
		return nil, err
	}
	w := a.NewWindow(fmt.Sprintf("%s — %s", b.Campaign.Title, s.Path()))
	list := widget.NewList(
		func() int { return len(r.Standings) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			st := r.Standings[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s  %s  %s  总分 %s", st.Unit.Code, st.Unit.Name, st.Unit.Region, st.Total))
		})
	title := widget.NewLabelWithStyle(b.Campaign.Title, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	w.SetContent(container.NewBorder(title, nil, nil, nil, list))
	w.Resize(fyne.NewSize(1100, 700))
	return w, nil
}
