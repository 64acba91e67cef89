package ui

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/export/typeset"
)

// zhLabel is a label whose text wraps by the rules of Chinese typesetting,
// with the breaker the printed documents use (export/typeset): no line
// starts with closing punctuation (，。）、) or ends with opening punctuation
// (（“《), a number keeps its unit (共5份, 2022年, 85.00 分), and Latin words and
// figures stay whole where they fit. Fyne's own wrapping (TextWrapBreak,
// TextWrapWord) knows none of this.
//
// The text is broken for the width the label is given, measured with
// Fyne's own text measurement in the label's size and style, and broken
// again whenever that width changes. The lines are drawn by a plain
// widget.Label that does not wrap, so colour (Importance), size (SizeName)
// and style look exactly like a label's. Like Fyne's wrapped labels it asks
// for almost no width and for the height its lines need at the width it
// has: give it its width from the layout (a VBox, a Border's centre,
// fixedWidth), not from its own MinSize.
type zhLabel struct {
	widget.BaseWidget
	// Text is the whole text, as set; what is drawn is it broken into lines.
	Text       string
	Alignment  fyne.TextAlign
	TextStyle  fyne.TextStyle
	Importance widget.Importance
	SizeName   fyne.ThemeSizeName

	inner *widget.Label
	broke zhBroken // what inner.Text was broken from
}

// zhBroken is what a label's lines depend on.
type zhBroken struct {
	text  string
	width float32
	size  float32
	style fyne.TextStyle
	font  string
}

// newZhLabel returns a wrapping label showing text.
func newZhLabel(text string) *zhLabel {
	l := &zhLabel{Text: text}
	l.ExtendBaseWidget(l)
	return l
}

// SetText replaces the text and breaks it again.
func (l *zhLabel) SetText(text string) {
	l.Text = text
	l.Refresh()
}

// CreateRenderer draws the lines with a label that does not wrap.
func (l *zhLabel) CreateRenderer() fyne.WidgetRenderer {
	l.ExtendBaseWidget(l)
	l.inner = widget.NewLabel("")
	l.sync()
	return &zhRenderer{l: l}
}

// Resize breaks the text again for the new width before laying it out, so
// that the MinSize the parent asks for next is the height at this width.
func (l *zhLabel) Resize(size fyne.Size) {
	if l.inner != nil && size.Width != l.Size().Width {
		l.BaseWidget.Resize(size) // the width first: sync breaks for l.Size()
		l.sync()
		l.inner.Resize(size)
		return
	}
	l.BaseWidget.Resize(size)
}

// Refresh takes in changed fields (text, importance, size, style).
func (l *zhLabel) Refresh() {
	if l.inner == nil { // not shown yet: CreateRenderer will sync
		return
	}
	l.sync()
	l.BaseWidget.Refresh()
}

// MinSize is the height of the lines at the current width; Fyne's canvas
// lays the parent out again when it changes (as for its wrapped labels).
func (l *zhLabel) MinSize() fyne.Size {
	l.ExtendBaseWidget(l)
	return l.BaseWidget.MinSize()
}

// textSize is the size the text is set in, from the label's theme.
func (l *zhLabel) textSize() float32 {
	name := l.SizeName
	if name == "" {
		name = theme.SizeNameText
	}
	return l.Theme().Size(name)
}

// sync copies the fields to the inner label and breaks the text for the
// width it has now, when anything the lines depend on has changed.
func (l *zhLabel) sync() {
	in := l.inner
	in.Alignment, in.TextStyle, in.Importance, in.SizeName = l.Alignment, l.TextStyle, l.Importance, l.SizeName
	th := l.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	key := zhBroken{
		text:  l.Text,
		width: l.Size().Width - 2*pad,
		size:  l.textSize(),
		style: l.TextStyle,
		font:  th.Font(l.TextStyle).Name(),
	}
	if key != l.broke {
		l.broke = key
		in.Text = strings.Join(zhLines(key), "\n")
	}
	in.Refresh()
}

// zhLines breaks k.text for k.width; before the label has a width, only
// at its line feeds.
func zhLines(k zhBroken) []string {
	if k.text == "" {
		return nil
	}
	if k.width <= 0 {
		return strings.Split(k.text, "\n")
	}
	zhMu.Lock()
	defer zhMu.Unlock()
	mk := zhMetricsKey{k.font, k.size, k.style}
	m := zhMetrics[mk]
	if m == nil {
		size, style := k.size, k.style
		m = typeset.NewMeasured(float64(size), func(r rune) float64 {
			return float64(fyne.MeasureText(string(r), size, style).Width)
		})
		zhMetrics[mk] = m
	}
	f := m.Font(k.text)
	width := float64(k.width)
	var out []string
	// The metrics add up the advances of single characters; Fyne shapes a
	// line as a whole (kerning, fallback fonts for what the theme's font
	// lacks). Where a line comes out wider, the text is broken again a
	// little narrower.
	for try := 0; try < 4; try++ {
		out = out[:0]
		over := float32(0)
		for _, ln := range zhBreaker.Break(k.text, f, float64(k.size), width, 0) {
			s := strings.TrimRight(ln.Trimmed(), "\r\n\u2028\u2029")
			s = strings.TrimRight(s, " \u3000\u00a0")
			out = append(out, s)
			if w := fyne.MeasureText(s, k.size, k.style).Width; w > k.width+0.5 && len([]rune(s)) > 1 {
				over = max(over, w-k.width)
			}
		}
		if over == 0 {
			break
		}
		width -= float64(over) + 0.5
		if width <= 0 {
			break
		}
	}
	return out
}

// zhMetricsKey names the face and size a Measured measures.
type zhMetricsKey struct {
	font  string
	size  float32
	style fyne.TextStyle
}

// One breaker and one set of metrics per face and size for every label: the
// metrics learn each character once.
var (
	zhMu      sync.Mutex
	zhBreaker typeset.Breaker
	zhMetrics = map[zhMetricsKey]*typeset.Measured{}
)

type zhRenderer struct{ l *zhLabel }

func (r *zhRenderer) Destroy() {}

func (r *zhRenderer) Layout(size fyne.Size) { r.l.inner.Resize(size) }

// MinSize asks for the inner padding only in width, as Fyne's wrapped
// labels do, and for the height of the lines as broken.
func (r *zhRenderer) MinSize() fyne.Size {
	pad := r.l.Theme().Size(theme.SizeNameInnerPadding)
	return fyne.NewSize(2*pad, r.l.inner.MinSize().Height)
}

func (r *zhRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.l.inner} }

func (r *zhRenderer) Refresh() { r.l.inner.Refresh() }

// Alert shows a message in the app's own dialog, the way the app shows
// its messages; the screenshot build (cmd/dossier, -tags screenshots)
// uses it to show how a long message wraps.
func (a *App) Alert(title, msg string) { a.alert(title, msg) }
