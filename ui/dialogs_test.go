package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// freshHome gives the test a new account's home folder: no Documents, no
// xdg-user-dir on the PATH, and user-dirs.dirs naming ~/文档 (not made yet)
// when docs is set.
func freshHome(t *testing.T, docs bool) string {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("PATH", t.TempDir())
	if docs {
		os.MkdirAll(filepath.Join(home, ".config"), 0o755)
		os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte("XDG_DOCUMENTS_DIR=\"$HOME/文档\"\nXDG_VIDEOS_DIR=\"$HOME\"\n"), 0o644)
	}
	return home
}

// overlayEntries lists the entries of the top dialog, in order.
func overlayEntries(a *App) []*widget.Entry {
	var out []*widget.Entry
	for _, o := range objects(a.win.Canvas().Overlays().Top()) {
		switch e := o.(type) {
		case *widget.Entry:
			out = append(out, e)
		case *submitEntry:
			out = append(out, &e.Entry)
		}
	}
	return out
}

// dialogButton finds a button of the top dialog by its text.
func dialogButton(t *testing.T, a *App, text string) *widget.Button {
	t.Helper()
	top := a.win.Canvas().Overlays().Top()
	for _, o := range objects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q in the dialog: %q", text, texts(top))
	return nil
}

func TestDocumentsDir(t *testing.T) {
	home := freshHome(t, false)
	if got := DocumentsDir(); got != home {
		t.Errorf("no documents folder: %s, want the home folder %s", got, home)
	}
	os.Mkdir(filepath.Join(home, "文档"), 0o755)
	if got := DocumentsDir(); got != filepath.Join(home, "文档") {
		t.Errorf("with ~/文档: %s", got)
	}
	freshHome(t, true)
	if got := DocumentsDir(); !strings.HasSuffix(got, "文档") || strings.Contains(got, ".config") {
		t.Errorf("XDG documents: %s", got)
	}
}

// TestNewCampaignOnFreshAccount is issue 11 item 1: the default folder is
// the documents folder (made when missing, never ~/.config), a failure
// keeps the dialog and what was typed with a Chinese message, and Enter
// creates.
func TestNewCampaignOnFreshAccount(t *testing.T) {
	home := freshHome(t, true)
	a, _ := newTestApp(t)
	a.askNewCampaign()
	es := overlayEntries(a)
	if len(es) != 5 {
		t.Fatalf("%d entries in the new-campaign dialog", len(es))
	}
	title, year, folder := es[0], es[2], es[3]
	docs := filepath.Join(home, "文档")
	if folder.Text != docs {
		t.Fatalf("default folder %q, want %q", folder.Text, docs)
	}

	// A bad year: the dialog stays, with the message and the input.
	test.Type(title, "2026年测试评选")
	year.SetText("20x6")
	test.Tap(dialogButton(t, a, "创建"))
	if a.cur != nil || a.win.Canvas().Overlays().Top() == nil {
		t.Fatal("dialog closed on a bad year")
	}
	if msg := overlayTexts(a); !strings.Contains(msg, "年份“20x6”无效") {
		t.Errorf("no year message in %q", msg)
	}
	if title.Text != "2026年测试评选" {
		t.Errorf("title lost: %q", title.Text)
	}
	year.SetText("2026")

	// A folder that cannot be made (its parent is a file): Chinese, kept.
	blocker := filepath.Join(home, "文件")
	os.WriteFile(blocker, []byte("x"), 0o644)
	folder.SetText(filepath.Join(blocker, "子文件夹"))
	test.Tap(dialogButton(t, a, "创建"))
	msg := overlayTexts(a)
	if a.cur != nil || !strings.Contains(msg, "无法创建文件夹") || strings.Contains(msg, "no such file") {
		t.Errorf("unmakeable folder: open %v, message %q", a.cur != nil, msg)
	}
	if title.Text != "2026年测试评选" || year.Text != "2026" {
		t.Errorf("input lost: %q %q", title.Text, year.Text)
	}

	// Back to the documents folder, which does not exist yet; Enter creates.
	folder.SetText(docs)
	title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if a.cur == nil {
		t.Fatalf("not created: %q", overlayTexts(a))
	}
	want := filepath.Join(docs, "2026年测试评选.dossier")
	if a.cur.store.Path() != want {
		t.Errorf("created %s, want %s", a.cur.store.Path(), want)
	}
	if _, err := os.Stat(want); err != nil {
		t.Error(err)
	}
}

// TestAskNeedsReason: a reason dialog left empty stays open and says so.
func TestAskNeedsReason(t *testing.T) {
	a, _ := newTestApp(t)
	got := ""
	a.ask("解除回避", "解除回避？", "解除理由", func(s string) { got = s })
	test.Tap(dialogButton(t, a, "确定"))
	if a.win.Canvas().Overlays().Top() == nil || !strings.Contains(overlayTexts(a), "请填写解除理由") {
		t.Fatalf("empty reason accepted: %q", overlayTexts(a))
	}
	var e *submitEntry
	for _, o := range objects(a.win.Canvas().Overlays().Top()) {
		if x, ok := o.(*submitEntry); ok {
			e = x
		}
	}
	test.Type(e, "评委会确认")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got != "评委会确认" || a.win.Canvas().Overlays().Top() != nil {
		t.Errorf("reason %q, dialog open %v", got, a.win.Canvas().Overlays().Top() != nil)
	}
}

// TestSaveFileMakesFolderAndKeepsPerPurpose: export to a folder that does
// not exist makes it; the template's folder is not the import's.
func TestSaveFileMakesFolderAndKeepsPerPurpose(t *testing.T) {
	home := freshHome(t, false)
	a, _ := newTestApp(t)
	p := &dialogPicker{a: a}
	got := ""
	p.saveFile("保存申报表模板", "模板.xlsx", true, func(path string) { got = path })
	es := overlayEntries(a)
	dir := filepath.Join(home, "发给各单位")
	es[0].SetText(dir)
	test.Tap(dialogButton(t, a, "保存"))
	if got != filepath.Join(dir, "模板.xlsx") {
		t.Fatalf("saved to %q (%s)", got, overlayTexts(a))
	}
	if a.prefs.Folder(purposeTemplate) != dir {
		t.Errorf("template folder %q", a.prefs.Folder(purposeTemplate))
	}
	if f := a.prefs.Folder(purposeOf("选择申报表")); f == dir {
		t.Errorf("the import's folder is the template's: %q", f)
	}
	// No file name: the dialog stays.
	p.saveFile("导出评审材料汇编", "", true, func(path string) { t.Errorf("saved %q", path) })
	test.Tap(dialogButton(t, a, "保存"))
	if !strings.Contains(overlayTexts(a), "请填写文件名") {
		t.Errorf("no message: %q", overlayTexts(a))
	}
}

// TestFilePreferencesAtomic: the preferences file is replaced whole, never
// left half written, and reads back.
func TestFilePreferencesAtomic(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dossier", "preferences.json")
	fp, err := OpenFilePreferences(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := prefs{fp}
	p.AddRecent("/a/b.dossier")
	p.SetFolder(purposeTemplate, "/x")
	before, _ := os.Stat(path)
	p.AddRecent("/a/c.dossier")
	after, _ := os.Stat(path)
	if os.SameFile(before, after) {
		t.Error("the file was rewritten in place, not replaced")
	}
	fp2, err := OpenFilePreferences(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r := (prefs{fp2}).Recent(); len(r) != 2 || r[0] != "/a/c.dossier" || fp2.String(prefFolderOf+purposeTemplate) != "/x" {
		t.Errorf("read back %v", r)
	}
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".preferences-*")); len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}
}

func TestQuietLog(t *testing.T) {
	var sb strings.Builder
	w := QuietLog(&sb)
	for _, l := range []string{
		"2026/01/01 Fyne error:  Getting favorite locations\n",
		"2026/01/01   Cause: this computer does not define a VIDEOS folder\n",
		"2026/01/01   At: /x/file.go:388\n",
		"2026/01/01 Fyne error:  Preferences load error:\n",
		"2026/01/01   Cause: EOF\n",
		"2026/01/01   At: /x/preferences.go:103\n",
		"2026/01/01 Fyne error:  something real\n",
		"2026/01/01   Cause: boom\n",
	} {
		w.Write([]byte(l))
	}
	if got := sb.String(); strings.Contains(got, "VIDEOS") || strings.Contains(got, "EOF") || strings.Contains(got, "preferences.go") || !strings.Contains(got, "something real") || !strings.Contains(got, "boom") {
		t.Errorf("log:\n%s", got)
	}
}
