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
	d.timer = time.AfterFunc(saveDelay, func() { fyne.Do(d.flush) })
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
type errorBar struct {
	box   *fyne.Container
	msg   *widget.Label
	retry *widget.Button
	items []barItem
}

type barItem struct {
	key, msg string
	retry    func()
}

func newErrorBar() *errorBar {
	e := &errorBar{msg: widget.NewLabel("")}
	e.msg.Wrapping = fyne.TextWrapBreak
	e.msg.Importance = widget.DangerImportance
	e.retry = widget.NewButtonWithIcon("重试", theme.ViewRefreshIcon(), func() {
		if n := len(e.items); n > 0 && e.items[n-1].retry != nil {
			e.items[n-1].retry()
		}
	})
	dismiss := widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
		e.items = nil
		e.update()
	})
	dismiss.Importance = widget.LowImportance
	bg := canvas.NewRectangle(colErrorSoft)
	edge := canvas.NewRectangle(colError)
	edge.SetMinSize(fyne.NewSize(4, 0))
	icon := widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon()))
	e.box = container.NewStack(bg, container.NewBorder(nil, nil,
		container.NewHBox(edge, icon), container.NewHBox(e.retry, dismiss), e.msg))
	e.box.Hide()
	return e
}

// set shows a failure under key, replacing an earlier one of that key.
func (e *errorBar) set(key, msg string, retry func()) {
	e.drop(key)
	e.items = append(e.items, barItem{key, msg, retry})
	e.update()
}

// clear removes the failure of key, if any.
func (e *errorBar) clear(key string) {
	if e.drop(key) {
		e.update()
	}
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

// has reports whether a failure of key is showing: its widgets hold text
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
// showing.
func (e *errorBar) hasPrefix(prefix string) bool {
	for _, it := range e.items {
		if strings.HasPrefix(it.key, prefix) {
			return true
		}
	}
	return false
}

// Message is the text the bar shows, "" when hidden.
func (e *errorBar) Message() string {
	if len(e.items) == 0 {
		return ""
	}
	return e.msg.Text
}

func (e *errorBar) update() {
	if len(e.items) == 0 {
		e.box.Hide()
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
