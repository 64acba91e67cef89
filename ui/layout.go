package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// columnsLayout places objects side by side at fixed widths; the first
// column takes what is left when there is more room.
type columnsLayout struct {
	widths []float32
}

// MinSize is the sum of the column widths.
func (l *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objs {
		m := o.MinSize()
		if i < len(l.widths) {
			w += l.widths[i]
		} else {
			w += m.Width
		}
		h = max(h, m.Height)
	}
	return fyne.NewSize(w+theme.Padding()*float32(len(objs)-1), h)
}

// Layout places the columns left to right.
func (l *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	min := l.MinSize(objs)
	extra := max(0, size.Width-min.Width)
	x := float32(0)
	for i, o := range objs {
		w := o.MinSize().Width
		if i < len(l.widths) {
			w = l.widths[i]
		}
		if i == 0 {
			w += extra
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

var _ fyne.Layout = (*columnsLayout)(nil)

// fixedWidth lays obj out at width w and as tall as it needs to be there,
// so that wrapped text in a dialog is never cut off.
func fixedWidth(w float32, obj fyne.CanvasObject) *fyne.Container {
	return container.New(widthLayout{w}, obj)
}

type widthLayout struct{ w float32 }

// MinSize is the fixed width and the height needed at it.
func (l widthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		if o.Size().Width != l.w {
			o.Resize(fyne.NewSize(l.w, o.MinSize().Height))
		}
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.w, h)
}

// Layout gives each object the whole space.
func (l widthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// insetLayout keeps its object a few pixels inside its cell, so the
// background shows round it as a frame.
type insetLayout struct{ inset float32 }

// MinSize is the object's with the inset round it.
func (l *insetLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s.AddWidthHeight(2*l.inset, 2*l.inset)
}

// Layout places the object inside the inset.
func (l *insetLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(l.inset, l.inset))
		o.Resize(size.SubtractWidthHeight(2*l.inset, 2*l.inset))
	}
}
