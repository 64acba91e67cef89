package ui

import (
	"bytes"
	"context"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier/sqlite"
)

var updateIcon = flag.Bool("update-icon", false, "write assets/icon.png from AppIcon")

// stubPicker answers file questions without dialogs.
type stubPicker struct {
	open, save, dir string
	many            []string // openFiles' answer (else open)
}

func (p *stubPicker) openFile(_ string, _ []string, fn func(string)) {
	if p.open != "" {
		fn(p.open)
	}
}

func (p *stubPicker) openFiles(_ string, _ []string, fn func([]string)) {
	if len(p.many) > 0 {
		fn(p.many)
	} else if p.open != "" {
		fn([]string{p.open})
	}
}

func (p *stubPicker) saveFile(_, _ string, _ bool, fn func(string)) {
	if p.save != "" {
		fn(p.save)
	}
}

func (p *stubPicker) folder(_ string, fn func(string)) {
	if p.dir != "" {
		fn(p.dir)
	}
}

// newTestApp builds the app on Fyne's test driver, its window the size of
// a 1366 × 768 laptop screen, saving only when a field is left.
func newTestApp(t testing.TB) (*App, *stubPicker) {
	t.Helper()
	fa := test.NewTempApp(t)
	old, oldWatch := saveDelay, watchEvery
	saveDelay, watchEvery = time.Hour, 0
	t.Cleanup(func() { saveDelay, watchEvery = old, oldWatch })
	a := New(fa)
	p := &stubPicker{}
	a.pick = p
	a.now = func() time.Time { return time.Date(2022, 3, 15, 9, 0, 0, 0, time.Local) }
	a.win.Resize(fyne.NewSize(1366, 768))
	t.Cleanup(a.Close)
	return a, p
}

// newTestCampaign creates a campaign file with the default categories and
// opens it.
func newTestCampaign(t testing.TB, a *App) *session {
	t.Helper()
	path := filepath.Join(t.TempDir(), "测试.dossier")
	if err := a.NewCampaign(path, "2022年测试先进单位评选", "河南省教育厅", 2022); err != nil {
		t.Fatal(err)
	}
	return a.cur
}

// texts collects the text of every label, entry and button in o.
func texts(o fyne.CanvasObject) []string {
	var out []string
	for _, obj := range objects(o) {
		switch w := obj.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *zhLabel:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		case *widget.Entry:
			out = append(out, w.Text)
		case *field:
			out = append(out, w.Text)
		}
	}
	return out
}

// objects lists o and every visible object inside it, as the window holds
// them now (without laying anything out again).
func objects(o fyne.CanvasObject) []fyne.CanvasObject {
	if o == nil || !o.Visible() {
		return nil
	}
	out := []fyne.CanvasObject{o}
	switch w := o.(type) {
	case *zhLabel:
		// Its whole text, not the lines its inner label draws.
	case *fyne.Container:
		for _, c := range w.Objects {
			out = append(out, objects(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			out = append(out, objects(c)...)
		}
	}
	return out
}

func overlayTexts(a *App) string {
	var all []string
	for _, o := range a.win.Canvas().Overlays().List() {
		all = append(all, texts(o)...)
	}
	return strings.Join(all, "\n")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.Contains(x, s) {
			return true
		}
	}
	return false
}

func TestIcon(t *testing.T) {
	img := drawIcon(iconSize)
	if img.Bounds().Dx() != iconSize {
		t.Fatalf("icon is %v", img.Bounds())
	}
	// The middle is covered by the white glyph or the red seal, never empty.
	if c := img.NRGBAAt(iconSize/2, iconSize/5); c.A == 0 {
		t.Errorf("icon has a hole at the top middle")
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join("..", "assets", "icon.png")
	if *updateIcon {
		if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// assets/icon.png (packaging, FyneApp.toml) is the same picture.
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for y := 0; y < iconSize; y += 7 {
		for x := 0; x < iconSize; x += 7 {
			r1, g1, b1, a1 := saved.At(x, y).RGBA()
			r2, g2, b2, a2 := img.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				t.Fatalf("assets/icon.png differs from AppIcon at %d,%d; run go test ./ui -run TestIcon -args -update-icon", x, y)
			}
		}
	}
	// The app shows the embedded file itself, not a drawing made at start
	// (after -update-icon the binary still embeds the old file).
	if ic := AppIcon(); ic == nil || (!*updateIcon && !bytes.Equal(ic.Content(), data)) {
		t.Fatal("AppIcon is not the embedded assets/icon.png")
	}
	if m, err := png.DecodeConfig(bytes.NewReader(AppIcon().Content())); err != nil || m.Width != iconSize || m.Height != iconSize {
		t.Fatalf("AppIcon: %v %v", m, err)
	}
}

func TestStartScreen(t *testing.T) {
	a, p := newTestApp(t)
	if a.win.Title() != AppName {
		t.Errorf("title %q", a.win.Title())
	}
	if !contains(texts(a.start.view), "还没有打开过评选活动文件") {
		t.Errorf("start screen without the empty recent list: %q", texts(a.start.view))
	}

	t.Run("new campaign", func(t *testing.T) {
		s := newTestCampaign(t, a)
		if !strings.Contains(a.win.Title(), "2022年测试先进单位评选") || !strings.Contains(a.win.Title(), s.store.Path()) {
			t.Errorf("window title %q lacks the campaign or the file", a.win.Title())
		}
		cats, _ := s.store.Categories(context.Background())
		if len(cats) != 5 {
			t.Errorf("%d default categories, want 5", len(cats))
		}
		c, _ := s.store.Campaign(context.Background())
		if c.Organiser != "河南省教育厅" || c.Year != 2022 || c.Date != "2022-03-15" {
			t.Errorf("campaign %+v", c)
		}
		path := s.store.Path()
		a.ShowStart()
		if got := a.prefs.Recent(); len(got) == 0 || got[0] != path {
			t.Errorf("recent files %q, want %s first", got, path)
		}
		if !contains(texts(a.start.view), filepath.Base(path)) {
			t.Errorf("recent file not listed: %q", texts(a.start.view))
		}
	})

	t.Run("refuses a file that is not a campaign", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "notes.dossier")
		data := []byte("这不是评选活动文件，只是一段文字。")
		os.WriteFile(bad, data, 0o644)
		p.open = bad
		a.askOpen()
		if a.cur != nil {
			t.Fatal("opened a file that is not a campaign")
		}
		if msg := overlayTexts(a); !strings.Contains(msg, "不是评选活动文件") {
			t.Errorf("no Chinese refusal shown: %q", msg)
		}
		got, _ := os.ReadFile(bad)
		if !bytes.Equal(got, data) {
			t.Error("the refused file was modified")
		}
		if _, err := os.Stat(bad + "-wal"); err == nil {
			t.Error("opening left a journal beside the refused file")
		}
	})

	t.Run("demo", func(t *testing.T) {
		home := t.TempDir()
		t.Setenv("HOME", home)
		t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
		os.MkdirAll(filepath.Join(home, "文档"), 0o755)
		os.MkdirAll(filepath.Join(home, ".config"), 0o755)
		os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte(`XDG_DOCUMENTS_DIR="$HOME/文档"`+"\n"), 0o644)
		want := filepath.Join(home, "文档", "示例评选活动.dossier")
		if got := DemoPath(); got != want {
			t.Fatalf("DemoPath = %s, want %s", got, want)
		}
		a.ShowStart()
		a.start.openDemo()
		a.opening.Wait() // made off the UI thread
		if a.cur == nil {
			t.Fatalf("demo not opened: %s", overlayTexts(a))
		}
		if _, err := os.Stat(want); err != nil {
			t.Fatal("demo file not created")
		}
		units, _ := a.cur.store.Units(context.Background())
		if len(units) != 4 {
			t.Errorf("demo has %d units, want 4", len(units))
		}
		// Opening it again reuses the file.
		a.ShowStart()
		a.start.openDemo()
		if a.cur == nil || a.cur.store.Path() != want {
			t.Fatal("demo not reopened")
		}
	})
}

func TestOpenDemoFlagCreatesFile(t *testing.T) {
	a, _ := newTestApp(t)
	path := filepath.Join(t.TempDir(), "demo.dossier")
	if err := a.OpenDemo(path); err != nil {
		t.Fatal(err)
	}
	a.Close()
	// The closed file stands alone: a campaign, no journal left beside it.
	if err := sqlite.CheckFile(path); err != nil {
		t.Fatal(err)
	}
	if err := a.Open(path); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.win.Title(), "demo.dossier") {
		t.Errorf("title %q", a.win.Title())
	}
	for _, name := range append(Screens[1:], ScreenStart) {
		if !a.ShowScreen(name) {
			t.Errorf("screen %s not shown", name)
		}
	}
}

var fyneKeyReturn = fyne.KeyEvent{Name: fyne.KeyReturn}
