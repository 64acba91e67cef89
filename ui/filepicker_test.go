package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// pickerHome makes a home folder with documents, desktop and a folder of
// returned submissions (with a text file, an office lock file and a
// subfolder), and points HOME at it.
func pickerHome(t *testing.T) (home, subs string) {
	t.Helper()
	home = t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	for _, d := range []string{"Documents", "Desktop", "Documents/申报表/第二批"} {
		if err := os.MkdirAll(filepath.Join(home, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	subs = filepath.Join(home, "Documents", "申报表")
	for _, f := range []string{"郑州10.xlsx", "郑州2.xlsx", "开封.XLS", "洛阳.ods", "说明.txt", "~$郑州2.xlsx", ".隐藏.xlsx"} {
		if err := os.WriteFile(filepath.Join(subs, f), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return home, subs
}

// pickerRows are the rows of the picker on screen, by the name they show.
func pickerRows(a *App) map[string]*pickRow {
	rows := map[string]*pickRow{}
	for _, o := range a.win.Canvas().Overlays().List() {
		for _, obj := range objects(o) {
			if r, ok := obj.(*pickRow); ok && r.id >= 0 && r.id < len(r.fp.entries) {
				rows[r.name.Text] = r
			}
		}
	}
	return rows
}

// pickerNames lists the names shown, in order.
func pickerNames(fp *filePicker) []string {
	var out []string
	for _, e := range fp.entries {
		out = append(out, e.name)
	}
	return out
}

// clickName clicks a row's name (not its check box) with mods held.
func clickName(t *testing.T, a *App, fp *filePicker, name string, mods fyne.KeyModifier) {
	t.Helper()
	r := pickerRows(a)[name]
	if r == nil {
		t.Fatalf("no row %q on screen; shown: %v", name, pickerNames(fp))
	}
	fp.mods = func() fyne.KeyModifier { return mods }
	test.TapAt(r, fyne.NewPos(120, 5))
	fp.mods = func() fyne.KeyModifier { return 0 }
}

// TestFilePickerInChinese is issue 11 item 7: the places are named in
// Chinese (no "Home" or "Computer"), the submissions filter shows the
// workbooks only (any case of extension), folders first, numbers in
// counting order, office lock files and dot files hidden.
func TestFilePickerInChinese(t *testing.T) {
	_, subs := pickerHome(t)
	a, _ := newTestApp(t)
	a.prefs.SetFolder(purposeSubmissions, subs)
	fp := newFilePicker(a, pickMany, "选择申报表", submissionExts, func([]string) {})
	fp.show()
	got := overlayTexts(a)
	for _, o := range a.win.Canvas().Overlays().List() {
		for _, obj := range objects(o) {
			switch w := obj.(type) {
			case *widget.Check:
				got += "\n" + w.Text
			case *widget.Select:
				got += "\n" + w.Selected
			}
		}
	}
	for _, want := range []string{"主文件夹", "文档", "桌面", "根目录", "上一级", "全选", "取消", "打开", "申报表（*.xlsx", "显示隐藏的文件", "修改时间"} {
		if !strings.Contains(got, want) {
			t.Errorf("picker lacks %q:\n%s", want, got)
		}
	}
	for _, bad := range []string{"Home", "Computer", "Open", "Cancel"} {
		if strings.Contains(got, bad) {
			t.Errorf("picker shows English %q", bad)
		}
	}
	want := []string{"第二批", "开封.XLS", "洛阳.ods", "郑州2.xlsx", "郑州10.xlsx"}
	if names := pickerNames(fp); !reflect.DeepEqual(names, want) {
		t.Errorf("listing %v, want %v", names, want)
	}
	if r := pickerRows(a)["郑州2.xlsx"]; r == nil || r.size.Text != "1 字节" {
		t.Errorf("row without its size: %+v", r)
	}
	// 所有文件 shows the text file; hidden files only when asked.
	for _, o := range a.win.Canvas().Overlays().List() {
		for _, obj := range objects(o) {
			if s, ok := obj.(*widget.Select); ok {
				s.SetSelected("所有文件")
			}
			if c, ok := obj.(*widget.Check); ok && c.Text == "显示隐藏的文件" {
				defer c.SetChecked(false)
			}
		}
	}
	if names := pickerNames(fp); !contains(names, "说明.txt") || contains(names, "~$") {
		t.Errorf("all files: %v", names)
	}
	fp.showHidden = true
	fp.open(fp.dir)
	if names := pickerNames(fp); !contains(names, "~$郑州2.xlsx") || !contains(names, ".隐藏.xlsx") {
		t.Errorf("hidden files not shown when asked: %v", names)
	}
}

// TestFilePickerSelectsSeveral is issue 11 item 7 (multi-select for the
// import): a click, Ctrl+click, Shift+click and a check box build the
// selection; 打开 answers the files in listing order; 全选 takes every file
// and no folder. The import screen's 选择文件… previews them all.
func TestFilePickerSelectsSeveral(t *testing.T) {
	_, subs := pickerHome(t)
	a, _ := newTestApp(t)
	a.prefs.SetFolder(purposeSubmissions, subs)
	var answer []string
	fp := newFilePicker(a, pickMany, "选择申报表", submissionExts, func(p []string) { answer = p })
	fp.show()

	clickName(t, a, fp, "开封.XLS", 0)
	clickName(t, a, fp, "郑州10.xlsx", fyne.KeyModifierControl)
	if got := baseNames(fp.selectedFiles()); !reflect.DeepEqual(got, []string{"开封.XLS", "郑州10.xlsx"}) {
		t.Errorf("click, Ctrl+click: %v", got)
	}
	if !strings.Contains(fp.status.Text, "已选择 2 个文件") {
		t.Errorf("status %q", fp.status.Text)
	}
	// A mouse press selects with the keys held at the press: Fyne's
	// Tapped comes a double-click delay later, Ctrl perhaps let go.
	r := pickerRows(a)["郑州2.xlsx"]
	r.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(120, 5)}, Button: desktop.MouseButtonPrimary, Modifier: fyne.KeyModifierControl})
	test.TapAt(r, fyne.NewPos(120, 5))
	if got := baseNames(fp.selectedFiles()); !reflect.DeepEqual(got, []string{"开封.XLS", "郑州2.xlsx", "郑州10.xlsx"}) {
		t.Errorf("Ctrl+press: %v", got)
	}
	clickName(t, a, fp, "开封.XLS", 0)
	clickName(t, a, fp, "郑州2.xlsx", fyne.KeyModifierShift)
	if got := baseNames(fp.selectedFiles()); !reflect.DeepEqual(got, []string{"开封.XLS", "洛阳.ods", "郑州2.xlsx"}) {
		t.Errorf("Shift+click range: %v", got)
	}
	// The check box ticks without a modifier key.
	test.TapAt(pickerRows(a)["郑州10.xlsx"], fyne.NewPos(4, 5))
	if got := len(fp.selectedFiles()); got != 4 {
		t.Errorf("check box: %d selected", got)
	}
	test.TapAt(pickerRows(a)["开封.XLS"], fyne.NewPos(4, 5))
	tapOverlayButton(t, a, "打开")
	if got := baseNames(answer); !reflect.DeepEqual(got, []string{"洛阳.ods", "郑州2.xlsx", "郑州10.xlsx"}) {
		t.Errorf("answer %v", got)
	}
	if len(a.win.Canvas().Overlays().List()) != 0 {
		t.Error("picker still open after 打开")
	}

	// 全选 on the import screen: every workbook goes to the preview.
	s := newTestCampaign(t, a)
	a.pick = &dialogPicker{a: a}
	it := s.screen(ScreenImport).(*importTab)
	s.show(ScreenImport)
	test.Tap(it.addFiles)
	tapOverlayButton(t, a, "全选")
	tapOverlayButton(t, a, "打开")
	s.jobs.Wait()
	var files []string
	for _, f := range it.files {
		files = append(files, filepath.Base(f))
	}
	if !reflect.DeepEqual(files, []string{"开封.XLS", "洛阳.ods", "郑州2.xlsx", "郑州10.xlsx"}) {
		t.Errorf("import preview got %v", files)
	}
}

// TestFilePickerKeyboard: ↓ moves, Enter opens a folder, Backspace goes
// back up with that folder selected, Enter on a file chooses it; Esc
// cancels without an answer.
func TestFilePickerKeyboard(t *testing.T) {
	_, subs := pickerHome(t)
	a, _ := newTestApp(t)
	a.prefs.SetFolder(purposeSubmissions, filepath.Dir(subs))
	var answer []string
	fp := newFilePicker(a, pickOne, "选择申报表", submissionExts, func(p []string) { answer = p })
	fp.show()
	if a.win.Canvas().Focused() != fp.list {
		t.Fatalf("the listing does not have the keyboard: %T", a.win.Canvas().Focused())
	}
	key := func(k fyne.KeyName) { a.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k}) }
	if got := pickerNames(fp); !reflect.DeepEqual(got, []string{"申报表"}) {
		t.Fatalf("documents show %v", got)
	}
	key(fyne.KeyReturn)
	if fp.dir != subs {
		t.Fatalf("Enter on a folder: in %s", fp.dir)
	}
	key(fyne.KeyBackspace)
	if fp.dir != filepath.Dir(subs) || len(fp.selected()) != 1 || fp.selected()[0].name != "申报表" {
		t.Fatalf("Backspace: in %s, selected %v", fp.dir, fp.selected())
	}
	key(fyne.KeyReturn)
	key(fyne.KeyDown) // 第二批 → 开封.XLS
	key(fyne.KeyDown) // → 洛阳.ods
	key(fyne.KeyReturn)
	if len(answer) != 1 || filepath.Base(answer[0]) != "洛阳.ods" {
		t.Errorf("Enter on a file answered %v", answer)
	}

	answer = nil
	fp = newFilePicker(a, pickOne, "选择申报表", submissionExts, func(p []string) { answer = p })
	fp.show()
	key(fyne.KeyEscape)
	if answer != nil || len(a.win.Canvas().Overlays().List()) != 0 {
		t.Errorf("Esc: answer %v, overlays %d", answer, len(a.win.Canvas().Overlays().List()))
	}
}

// TestFilePickerRemembersEachPurpose: a folder chosen for submissions is
// where the next submissions picker starts; photos and campaign files keep
// their own (issue 11 item 7: a template saved for units landed among the
// submissions).
func TestFilePickerRemembersEachPurpose(t *testing.T) {
	home, subs := pickerHome(t)
	a, _ := newTestApp(t)
	a.pick = &dialogPicker{a: a}
	var got string
	a.pick.openFile("选择申报表", submissionExts, func(p string) { got = p })
	fp := shownPicker(t, a)
	fp.open(subs)
	clickName(t, a, fp, "洛阳.ods", 0)
	tapOverlayButton(t, a, "打开")
	if got != filepath.Join(subs, "洛阳.ods") {
		t.Fatalf("answer %q", got)
	}
	a.pick.openFiles("选择申报表", submissionExts, func([]string) {})
	if fp := shownPicker(t, a); fp.dir != subs {
		t.Errorf("second submissions picker starts in %s, want %s", fp.dir, subs)
	}
	tapOverlayButton(t, a, "取消")
	a.pick.openFiles("添加图片", imageExts, func([]string) {})
	if fp := shownPicker(t, a); fp.dir != filepath.Join(home, "Documents") {
		t.Errorf("photos picker starts in %s, want the documents folder", fp.dir)
	}
	tapOverlayButton(t, a, "取消")

	// A folder picker shows the folder's files, dimmed, and answers the
	// selected folder, else the one shown.
	var dir string
	a.pick.folder("选择存放申报表的文件夹", func(p string) { dir = p })
	fp = shownPicker(t, a)
	if fp.dir != subs {
		t.Errorf("folder picker starts in %s", fp.dir)
	}
	if r := pickerRows(a)["郑州2.xlsx"]; r == nil || r.name.Importance != widget.LowImportance {
		t.Errorf("folder picker hides or does not dim the files: %v", pickerNames(fp))
	}
	clickName(t, a, fp, "郑州2.xlsx", 0)
	if len(fp.selected()) != 0 {
		t.Error("a file was selected in a folder picker")
	}
	tapOverlayButton(t, a, "选择此文件夹")
	if dir != subs {
		t.Errorf("folder answer %q", dir)
	}
	a.pick.folder("选择存放申报表的文件夹", func(p string) { dir = p })
	fp = shownPicker(t, a)
	clickName(t, a, fp, "第二批", 0)
	tapOverlayButton(t, a, "选择此文件夹")
	if dir != filepath.Join(subs, "第二批") {
		t.Errorf("selected folder answer %q", dir)
	}
}

// shownPicker is the picker on screen.
func shownPicker(t *testing.T, a *App) *filePicker {
	t.Helper()
	ov := a.win.Canvas().Overlays().List()
	for i := len(ov) - 1; i >= 0; i-- {
		for _, obj := range objects(ov[i]) {
			if l, ok := obj.(*pickList); ok {
				return l.fp
			}
		}
	}
	t.Fatalf("no file picker on screen:\n%s", overlayTexts(a))
	return nil
}

func TestNaturalLess(t *testing.T) {
	for _, c := range [][2]string{{"申报表2", "申报表10"}, {"a", "B"}, {"x9", "x10"}, {"a01", "a2"}, {"A", "a"}} {
		if !naturalLess(c[0], c[1]) || naturalLess(c[1], c[0]) {
			t.Errorf("%q < %q not so", c[0], c[1])
		}
	}
}

// TestFilePickerTypedPathAndNewFolder: a path pasted in the path field
// opens its folder, or chooses its file; a file the filter excludes is
// refused saying so; a folder picker makes a new folder and opens it, and
// a name with a slash is refused with the dialog kept open.
func TestFilePickerTypedPathAndNewFolder(t *testing.T) {
	home, subs := pickerHome(t)
	a, _ := newTestApp(t)
	var answer []string
	fp := newFilePicker(a, pickOne, "选择申报表", submissionExts, func(p []string) { answer = p })
	fp.show()
	fp.path.SetText(subs)
	fp.path.OnSubmitted(fp.path.Text)
	if fp.dir != subs {
		t.Errorf("typed folder: in %s", fp.dir)
	}
	fp.path.SetText(filepath.Join(subs, "说明.txt"))
	fp.path.OnSubmitted(fp.path.Text)
	if answer != nil || !strings.Contains(fp.status.Text, "“说明.txt”不是申报表") {
		t.Errorf("a text file typed: answer %v, says %q", answer, fp.status.Text)
	}
	fp.path.SetText(filepath.Join(subs, "洛阳.ods"))
	fp.path.OnSubmitted(fp.path.Text)
	if len(answer) != 1 || answer[0] != filepath.Join(subs, "洛阳.ods") {
		t.Errorf("typed file: answer %v", answer)
	}

	var dir string
	fp = newFilePicker(a, pickFolder, "选择保存位置", nil, func(p []string) { dir = p[0] })
	fp.show()
	fp.open(home)
	tapOverlayButton(t, a, "新建文件夹…")
	name := overlayEntry(a, "")
	test.Type(name, "a/b")
	tapOverlayButton(t, a, "新建")
	if got := overlayTexts(a); !strings.Contains(got, "不能有 /") {
		t.Errorf("a name with a slash: %s", got)
	}
	name.SetText("2026年评选")
	tapOverlayButton(t, a, "新建")
	want := filepath.Join(home, "2026年评选")
	if st, err := os.Stat(want); err != nil || !st.IsDir() || fp.dir != want {
		t.Fatalf("new folder: %v, picker in %s", err, fp.dir)
	}
	tapOverlayButton(t, a, "选择此文件夹")
	if dir != want {
		t.Errorf("answer %q", dir)
	}
}
