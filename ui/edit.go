package ui

import (
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// saveDelay is how long typing must pause before an edit is saved; leaving
// the field saves at once. Tests set it long so that only focus loss and
// explicit flushes save.
var saveDelay = 1200 * time.Millisecond

// field is an Entry that reports when it loses focus, so that what was
// typed is saved then.
type field struct {
	widget.Entry
	onBlur func()
}

// newField returns a one-line field, or a wrapping multi-line one.
func newField(multiLine bool) *field {
	f := &field{}
	f.MultiLine = multiLine
	if multiLine {
		f.Wrapping = fyne.TextWrapWord
	}
	f.ExtendBaseWidget(f)
	return f
}

// CreateRenderer lays a wheelPass over a multi-line field, so that the
// wheel scrolls the page when the box has nothing to scroll (wheel.go).
func (f *field) CreateRenderer() fyne.WidgetRenderer {
	r := f.Entry.CreateRenderer()
	if !f.MultiLine {
		return r
	}
	return withWheelPass(f, r)
}

// FocusLost saves what was typed.
func (f *field) FocusLost() {
	f.Entry.FocusLost()
	if f.onBlur != nil {
		f.onBlur()
	}
}

// debounce runs fn on the UI thread once edits pause for saveDelay; flush
// runs it at once if an edit is pending.
type debounce struct {
	mu      sync.Mutex
	timer   *time.Timer
	pending bool
	fn      func()
}

func newDebounce(fn func()) *debounce { return &debounce{fn: fn} }

// poke marks an edit and restarts the pause.
func (d *debounce) poke() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.pending = true
	if d.timer != nil {
		d.timer.Stop()
	}
	d.timer = time.AfterFunc(saveDelay, func() { onUI(d.flush) })
}

// flush runs the save now if an edit is pending. Call it on the UI thread.
func (d *debounce) flush() {
	d.mu.Lock()
	if !d.pending {
		d.mu.Unlock()
		return
	}
	d.pending = false
	if d.timer != nil {
		d.timer.Stop()
	}
	d.mu.Unlock()
	d.fn()
}

// stop forgets a pending save without running it.
func (d *debounce) stop() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.pending = false
	if d.timer != nil {
		d.timer.Stop()
	}
}

// errorBar is the visible band that says a write failed. Each failure has a
// key (the field or record that failed); a later success of the same key
// clears it. What was typed stays in its widget, so nothing is lost.
//
// The bar's × only hides the message: the failures stay listed (the small
// 未保存 marker in the header says how many), so leaving the editor or the
// campaign still asks what to do with them.
type errorBar struct {
	box    *fyne.Container
	msg    *zhLabel
	retry  *widget.Button
	marker *widget.Button
	close  *widget.Button
	items  []barItem
	hidden bool // the user dismissed the message; the items remain
}

// barItem is one edit that is not in the file: what it is (which field of
// which record), why it did not save, and how to try again.
type barItem struct {
	key, what, msg string
	retry          func()
}

func newErrorBar() *errorBar {
	e := &errorBar{msg: newZhLabel("")}
	e.msg.Importance = widget.DangerImportance
	e.retry = widget.NewButtonWithIcon("重试", theme.ViewRefreshIcon(), func() {
		if n := len(e.items); n > 0 && e.items[n-1].retry != nil {
			e.items[n-1].retry()
		}
	})
	e.close = widget.NewButtonWithIcon("", theme.CancelIcon(), e.dismiss)
	e.close.Importance = widget.LowImportance
	e.marker = widget.NewButtonWithIcon("", theme.NewErrorThemedResource(theme.WarningIcon()), func() {
		e.hidden = false
		e.update()
	})
	e.marker.Importance = widget.DangerImportance
	e.marker.Hide()
	bg := canvas.NewRectangle(colErrorSoft)
	edge := canvas.NewRectangle(colError)
	edge.SetMinSize(fyne.NewSize(4, 0))
	icon := widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon()))
	e.box = container.NewStack(bg, container.NewBorder(nil, nil,
		container.NewHBox(edge, icon), container.NewHBox(e.retry, e.close), e.msg))
	e.box.Hide()
	return e
}

// dismiss hides the message and keeps the failures: their text is still
// not saved.
func (e *errorBar) dismiss() {
	e.hidden = true
	e.update()
}

// set shows a failure under key, replacing an earlier one of that key. A
// new failure shows the bar again even if it was dismissed.
func (e *errorBar) set(key, what, msg string, retry func()) {
	e.drop(key)
	e.items = append(e.items, barItem{key, what, msg, retry})
	e.hidden = false
	e.update()
}

// clear removes the failure of key, if any.
func (e *errorBar) clear(key string) {
	if e.drop(key) {
		e.update()
	}
}

// clearPrefix removes every failure whose key starts with prefix: the user
// chose to give those edits up.
func (e *errorBar) clearPrefix(prefix string) {
	kept := e.items[:0]
	for _, it := range e.items {
		if !strings.HasPrefix(it.key, prefix) {
			kept = append(kept, it)
		}
	}
	e.items = kept
	e.update()
}

func (e *errorBar) drop(key string) bool {
	for i, it := range e.items {
		if it.key == key {
			e.items = append(e.items[:i], e.items[i+1:]...)
			return true
		}
	}
	return false
}

// has reports whether a failure of key is listed: its widgets hold text
// that is not saved, which a reload must not overwrite.
func (e *errorBar) has(key string) bool {
	for _, it := range e.items {
		if it.key == key {
			return true
		}
	}
	return false
}

// hasPrefix reports whether a failure whose key starts with prefix is
// listed.
func (e *errorBar) hasPrefix(prefix string) bool {
	return len(e.withPrefix(prefix)) > 0
}

// withPrefix lists the failures whose key starts with prefix, oldest first.
func (e *errorBar) withPrefix(prefix string) []barItem {
	var out []barItem
	for _, it := range e.items {
		if strings.HasPrefix(it.key, prefix) {
			out = append(out, it)
		}
	}
	return out
}

// Message is the text of the latest failure, "" when there is none (also
// while the bar is dismissed: the failure is still there).
func (e *errorBar) Message() string {
	if len(e.items) == 0 {
		return ""
	}
	return e.msg.Text
}

func (e *errorBar) update() {
	if len(e.items) == 0 {
		e.hidden = false
		e.box.Hide()
		e.marker.Hide()
		return
	}
	last := e.items[len(e.items)-1]
	text := last.msg
	if n := len(e.items); n > 1 {
		text = fmt.Sprintf("（共 %d 处未保存）%s", n, text)
	}
	e.msg.SetText(text)
	if last.retry != nil {
		e.retry.Show()
	} else {
		e.retry.Hide()
	}
	e.marker.SetText(fmt.Sprintf("未保存 %d 处", len(e.items)))
	e.marker.Show()
	if e.hidden {
		e.box.Hide()
		return
	}
	e.box.Show()
	e.box.Refresh()
}

// countChars counts the characters of a text as a reader would: letters,
// digits and punctuation, not spaces or line breaks.
func countChars(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}
