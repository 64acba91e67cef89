package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The few kinds of text the screens use.

// heading is a bold label one size up.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// Text that wraps is a zhLabel: it wraps by the rules of Chinese
// typesetting (see zhtext.go), where Fyne's wrapping either breaks between
// any two characters, before a comma or inside 5份 (TextWrapBreak), or
// carries a whole run of Chinese to the next line at the last space
// (TextWrapWord).

// muted is a quiet, small explanatory label that wraps.
func muted(text string) *zhLabel {
	l := newZhLabel(text)
	l.Importance = widget.LowImportance
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// boldLabel is a label in the bold face.
func boldLabel(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// selectableText is read-only text that can be selected and copied. It
// keeps Fyne's wrapping: a zhLabel draws its lines with line feeds put in,
// which a copy would carry into whatever the text is pasted into.
func selectableText(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapBreak
	l.Selectable = true
	return l
}

// wrapped is a label that wraps, for messages in dialogs.
func wrapped(text string) *zhLabel { return newZhLabel(text) }
