package ui

import (
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
)

// The app's own file picker (issue 11 item 7). Fyne v2.7's file dialog
// names its places "Home" and "Computer" in English (they bypass its
// translations), picks one file at a time and shows no files when it picks
// a folder. This one is Chinese throughout, filters by purpose, selects
// several files (Ctrl/Shift click, the check boxes, 全选 or Ctrl+A), shows the
// files of a folder being picked (dimmed), and is driven by the keyboard:
// ↑/↓ move, Space ticks, Enter opens a folder or confirms, Backspace goes up,
// Esc cancels.

// pickMode is what a filePicker answers with.
type pickMode int

const (
	pickOne    pickMode = iota // one existing file
	pickMany                   // one or more existing files
	pickFolder                 // a folder
)

// Extensions of the files each purpose picks.
var (
	submissionExts = []string{".xlsx", ".xlsm", ".xltx", ".xls", ".et", ".ods", ".csv"}
	imageExts      = []string{".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp"}
	purposeExts    = map[string][]string{
		purposeCampaign:    {".dossier"},
		purposeSubmissions: submissionExts,
		purposeScoreSheets: {".xlsx"},
		purposePhotos:      imageExts,
	}
)

// pickEntry is one row of a folder's listing.
type pickEntry struct {
	name, path string
	dir        bool
	size       int64
	mod        time.Time
	// dim marks a file shown for orientation only (a folder is being
	// picked); it cannot be selected.
	dim bool
}

// pickPlace is a place on the left of the picker.
type pickPlace struct {
	name string
	icon fyne.Resource
	path string // "" is the list of drives (此电脑, Windows)
}

// filePicker is one showing of the picker.
type filePicker struct {
	a       *App
	mode    pickMode
	title   string
	purpose string
	exts    []string // lower case, with the dot; nil shows every file
	// allFiles is set when the user switched the filter to 所有文件.
	allFiles   bool
	showHidden bool
	done       func(paths []string)

	dir     string // the folder shown; "" is 此电脑 on Windows
	entries []pickEntry
	sel     map[int]bool
	cursor  int // the row the keyboard is on, -1 for none
	anchor  int // where a Shift click's range starts

	list    *pickList
	path    *widget.Entry
	status  *widget.Label
	ok      *widget.Button
	all     *widget.Button
	d       dialog.Dialog
	closed  bool
	places  []pickPlace
	focused bool
	// mods reports the keyboard modifiers held during a click; tests
	// replace it.
	mods func() fyne.KeyModifier
}

// newFilePicker builds a picker; show displays it.
func newFilePicker(a *App, mode pickMode, title string, exts []string, done func([]string)) *filePicker {
	fp := &filePicker{a: a, mode: mode, title: title, purpose: purposeOf(title), done: done,
		sel: map[int]bool{}, cursor: -1, mods: currentModifiers}
	if mode == pickFolder && exts == nil {
		exts = purposeExts[fp.purpose] // the files the folder is picked for, dimmed
	}
	seen := map[string]bool{}
	for _, e := range exts {
		e = strings.ToLower(e)
		if !seen[e] {
			seen[e] = true
			fp.exts = append(fp.exts, e)
		}
	}
	fp.places = pickPlaces()
	fp.build()
	fp.open(startFolder(a.prefs.Folder(fp.purpose)))
	return fp
}

func currentModifiers() fyne.KeyModifier {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()
	}
	return 0
}

// startFolder is dir or, when it is gone, its nearest existing parent.
func startFolder(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	return string(filepath.Separator)
}

// pickPlaces are the places on the left: the home folder, documents,
// desktop and downloads where XDG (or the usual names) define them, and
// the root folder (此电脑, the drives, on Windows).
func pickPlaces() []pickPlace {
	var out []pickPlace
	home, err := os.UserHomeDir()
	if err == nil {
		out = append(out, pickPlace{"主文件夹", theme.HomeIcon(), home})
		seen := map[string]bool{filepath.Clean(home): true}
		for _, p := range []struct {
			name, xdg string
			icon      fyne.Resource
			usual     []string
		}{
			{"文档", "DOCUMENTS", theme.DocumentIcon(), []string{"Documents", "文档"}},
			{"桌面", "DESKTOP", theme.DesktopIcon(), []string{"Desktop", "桌面"}},
			{"下载", "DOWNLOAD", theme.DownloadIcon(), []string{"Downloads", "下载"}},
		} {
			dir := userDir(home, p.xdg, p.usual...)
			if st, err := os.Stat(dir); dir == "" || err != nil || !st.IsDir() || seen[filepath.Clean(dir)] {
				continue
			}
			seen[filepath.Clean(dir)] = true
			out = append(out, pickPlace{p.name, p.icon, dir})
		}
	}
	if runtime.GOOS == "windows" {
		out = append(out, pickPlace{"此电脑", theme.ComputerIcon(), ""})
	} else {
		out = append(out, pickPlace{"根目录", theme.ComputerIcon(), "/"})
	}
	return out
}

func (fp *filePicker) build() {
	fp.list = newPickList(fp)
	fp.path = widget.NewEntry()
	fp.path.OnSubmitted = fp.typed
	up := widget.NewButtonWithIcon("上一级", theme.MoveUpIcon(), fp.up)
	var right fyne.CanvasObject
	if fp.mode == pickFolder {
		right = widget.NewButtonWithIcon("新建文件夹…", theme.FolderNewIcon(), fp.askNewFolder)
	}
	top := container.NewBorder(nil, nil, up, right, fp.path)

	var placeBtns []fyne.CanvasObject
	for _, p := range fp.places {
		p := p
		b := widget.NewButtonWithIcon(p.name, p.icon, func() { fp.open(p.path); fp.focusList() })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		placeBtns = append(placeBtns, b)
	}
	left := container.NewVBox(placeBtns...)

	col := func(s string) *widget.Label {
		l := widget.NewLabel(s)
		l.Importance = widget.LowImportance
		l.SizeName = theme.SizeNameCaptionText
		return l
	}
	header := container.NewBorder(nil, nil, nil,
		container.NewHBox(fixedWidth(pickDateWidth, col("修改时间")), fixedWidth(pickSizeWidth, col("大小"))),
		container.NewHBox(widthSpacer(pickIconsWidth(fp.mode)), col("名称")))

	filters := []string{fp.filterName(), "所有文件"}
	if len(fp.exts) == 0 {
		filters = filters[1:]
	}
	filter := widget.NewSelect(filters, nil)
	filter.SetSelectedIndex(0)
	filter.OnChanged = func(s string) {
		fp.allFiles = s == "所有文件"
		fp.open(fp.dir)
	}
	hidden := widget.NewCheck("显示隐藏的文件", func(on bool) { fp.showHidden = on; fp.open(fp.dir) })

	fp.status = widget.NewLabel(" ")
	fp.status.Truncation = fyne.TextTruncateEllipsis
	confirm := "打开"
	if fp.mode == pickFolder {
		confirm = "选择此文件夹"
	}
	fp.ok = widget.NewButton(confirm, fp.confirm)
	fp.ok.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", fp.cancel)
	buttons := container.NewHBox(cancel, fp.ok)
	if fp.mode == pickMany {
		fp.all = widget.NewButton("全选", fp.selectAll)
		buttons = container.NewHBox(fp.all, cancel, fp.ok)
	}
	bottom := container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("文件类型"), fixedWidth(selectWidth(filters), filter)), hidden),
		container.NewBorder(nil, nil, nil, buttons, fp.status),
	)
	center := container.NewBorder(header, nil, nil, nil, fp.list)
	content := container.NewBorder(top, bottom, container.NewHBox(left, widget.NewSeparator()), nil, center)
	fp.d = dialog.NewCustomWithoutButtons(fp.title, content, fp.a.win)
	fp.d.SetOnClosed(func() { fp.closed = true })
}

// selectWidth is wide enough for a Select to show the longest option
// (Fyne sizes it for its placeholder only).
func selectWidth(options []string) float32 {
	var w float32
	for _, o := range options {
		w = max(w, fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	return w + 5*theme.InnerPadding() + theme.IconInlineSize()
}

// typed goes where a path typed (or pasted) in the path field leads: a
// folder opens; a file, where files are picked, is chosen.
func (fp *filePicker) typed(s string) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "~") {
		if home, err := os.UserHomeDir(); err == nil {
			s = home + s[1:]
		}
	}
	st, err := os.Stat(s)
	switch {
	case err != nil:
		fp.say("找不到“" + s + "”：" + osReason(err) + "，请检查路径。")
	case st.IsDir():
		fp.open(s)
		fp.focusList()
	case fp.mode == pickFolder:
		fp.say("“" + s + "”是一个文件，请选择文件夹。")
	default:
		fp.open(filepath.Dir(s))
		for i, e := range fp.entries {
			if e.name == filepath.Base(s) {
				fp.clickRow(i, 0)
				fp.confirm()
				return
			}
		}
		fp.say("“" + filepath.Base(s) + "”不是" + fp.filterName() + "，请换一个文件，或把文件类型改为“所有文件”。")
	}
}

// askNewFolder makes a folder in the one shown and opens it (folder
// pickers: a new place to save in).
func (fp *filePicker) askNewFolder() {
	if fp.dir == "" {
		fp.say("请先打开一个磁盘或文件夹，再新建文件夹。")
		return
	}
	name := widget.NewEntry()
	name.SetPlaceHolder("例如：2026年申报表")
	fp.a.formItemsDialog("新建文件夹", "新建", []*widget.FormItem{widget.NewFormItem("名称", name)}, 480, func() error {
		n := strings.TrimSpace(name.Text)
		switch {
		case n == "":
			return dossier.Errorf(dossier.EINVALID, "请填写文件夹名称。")
		case strings.ContainsAny(n, `/\`) || n == "." || n == "..":
			return dossier.Errorf(dossier.EINVALID, "文件夹名称“%s”中不能有 / 或 \\。", n)
		}
		path := filepath.Join(fp.dir, n)
		if err := os.Mkdir(path, 0o755); err != nil {
			return dossier.Errorf(dossier.EINVALID, "无法在“%s”中新建文件夹“%s”：%s。", fp.dir, n, osReason(err))
		}
		fp.open(path)
		fp.focusList()
		return nil
	}).show(name)
}

// filterName describes the purpose's filter: "申报表（*.xlsx、*.xls）".
func (fp *filePicker) filterName() string {
	what := map[string]string{
		purposeCampaign:    "评选活动文件",
		purposeSubmissions: "申报表",
		purposeTemplate:    "申报表模板",
		purposeScoreSheets: "评分表",
		purposePhotos:      "图片",
	}[fp.purpose]
	if what == "" {
		what = "文件"
	}
	var pats []string
	for _, e := range fp.exts {
		pats = append(pats, "*"+e)
	}
	return what + "（" + strings.Join(pats, "、") + "）"
}

// show displays the picker with the keyboard on the listing.
func (fp *filePicker) show() {
	fp.d.Resize(dialogSize(fp.a.win))
	fp.d.Show()
	fp.focusList()
}

func (fp *filePicker) focusList() {
	if c := fp.a.win.Canvas(); c != nil {
		c.Focus(fp.list)
	}
}

// matches reports whether a file passes the filter.
func (fp *filePicker) matches(name string) bool {
	if fp.allFiles || len(fp.exts) == 0 {
		return true
	}
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range fp.exts {
		if ext == e {
			return true
		}
	}
	return false
}

// hiddenName reports names hidden unless asked for: dot files and the
// lock files office programs leave beside an open workbook (~$名单.xlsx).
func hiddenName(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")
}

// open shows the folder dir ("" is the list of drives on Windows). A
// folder that cannot be read leaves the listing as it was and says why.
func (fp *filePicker) open(dir string) {
	entries, err := fp.listing(dir)
	if err != nil {
		fp.say("无法打开文件夹“" + dir + "”：" + osReason(err) + "。")
		return
	}
	fp.dir = dir
	fp.entries = entries
	fp.sel = map[int]bool{}
	fp.cursor, fp.anchor = -1, -1
	if len(entries) > 0 {
		fp.cursor = 0
	}
	shown := dir
	if dir == "" {
		shown = "此电脑"
	}
	fp.path.SetText(shown)
	fp.list.Refresh()
	fp.list.ScrollToTop()
	fp.selectionChanged()
}

func (fp *filePicker) listing(dir string) ([]pickEntry, error) {
	if dir == "" {
		return drives(), nil
	}
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []pickEntry
	for _, de := range des {
		name := de.Name()
		if !fp.showHidden && hiddenName(name) {
			continue
		}
		path := filepath.Join(dir, name)
		info, err := os.Stat(path) // follows links: a link to a folder is a folder
		if err != nil {
			continue
		}
		e := pickEntry{name: name, path: path, dir: info.IsDir(), size: info.Size(), mod: info.ModTime()}
		if !e.dir {
			if !info.Mode().IsRegular() || !fp.matches(name) {
				continue
			}
			e.dim = fp.mode == pickFolder
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].dir != out[j].dir {
			return out[i].dir
		}
		return naturalLess(out[i].name, out[j].name)
	})
	return out, nil
}

// drives lists the drives of a Windows computer (此电脑).
func drives() []pickEntry {
	var out []pickEntry
	for c := 'A'; c <= 'Z'; c++ {
		root := string(c) + `:\`
		if st, err := os.Stat(root); err == nil && st.IsDir() {
			out = append(out, pickEntry{name: string(c) + ":", path: root, dir: true})
		}
	}
	return out
}

// naturalLess orders names as people count: 申报表2 before 申报表10, case
// ignored.
func naturalLess(a, b string) bool {
	ra, rb := []rune(strings.ToLower(a)), []rune(strings.ToLower(b))
	i, j := 0, 0
	for i < len(ra) && j < len(rb) {
		if unicode.IsDigit(ra[i]) && unicode.IsDigit(rb[j]) {
			si, sj := i, j
			for i < len(ra) && unicode.IsDigit(ra[i]) {
				i++
			}
			for j < len(rb) && unicode.IsDigit(rb[j]) {
				j++
			}
			na := strings.TrimLeft(string(ra[si:i]), "0")
			nb := strings.TrimLeft(string(rb[sj:j]), "0")
			if len(na) != len(nb) {
				return len(na) < len(nb)
			}
			if na != nb {
				return na < nb
			}
			continue
		}
		if ra[i] != rb[j] {
			return ra[i] < rb[j]
		}
		i++
		j++
	}
	if len(ra)-i != len(rb)-j {
		return len(ra)-i < len(rb)-j
	}
	return a < b
}

// up shows the parent folder, with the folder left selected.
func (fp *filePicker) up() {
	if fp.dir == "" {
		return
	}
	parent := filepath.Dir(fp.dir)
	if parent == fp.dir {
		if runtime.GOOS == "windows" {
			parent = "" // from C:\ up to 此电脑
		} else {
			return
		}
	}
	from := fp.dir
	fp.open(parent)
	for i, e := range fp.entries {
		if filepath.Clean(e.path) == filepath.Clean(from) {
			fp.clickRow(i, 0)
			fp.list.ScrollTo(i)
		}
	}
}

// selectable reports whether row i can be selected in this mode.
func (fp *filePicker) selectable(i int) bool {
	if i < 0 || i >= len(fp.entries) {
		return false
	}
	e := fp.entries[i]
	if fp.mode == pickFolder {
		return e.dir
	}
	return !e.dim
}

// clickRow selects row i as a click with mods held does: alone, toggled
// (Ctrl, or the check box), or the range from the last click (Shift).
// Only pickMany keeps more than one row.
func (fp *filePicker) clickRow(i int, mods fyne.KeyModifier) {
	if !fp.selectable(i) {
		fp.cursor = i
		fp.list.Refresh()
		return
	}
	many := fp.mode == pickMany
	switch {
	case many && mods&fyne.KeyModifierShift != 0 && fp.anchor >= 0:
		if mods&fyne.KeyModifierShortcutDefault == 0 {
			fp.sel = map[int]bool{}
		}
		lo, hi := min(fp.anchor, i), max(fp.anchor, i)
		for k := lo; k <= hi; k++ {
			if fp.selectable(k) && !fp.entries[k].dir {
				fp.sel[k] = true
			}
		}
	case many && (mods&fyne.KeyModifierShortcutDefault != 0 || mods&fyne.KeyModifierControl != 0):
		if fp.sel[i] {
			delete(fp.sel, i)
		} else {
			fp.sel[i] = true
		}
		fp.anchor = i
	default:
		fp.sel = map[int]bool{i: true}
		fp.anchor = i
	}
	fp.cursor = i
	fp.selectionChanged()
}

// toggle ticks or unticks row i (its check box, Space).
func (fp *filePicker) toggle(i int) {
	fp.clickRow(i, fyne.KeyModifierControl)
}

// selectAll selects every file shown (pickMany).
func (fp *filePicker) selectAll() {
	if fp.mode != pickMany {
		return
	}
	fp.sel = map[int]bool{}
	for i, e := range fp.entries {
		if !e.dir && fp.selectable(i) {
			fp.sel[i] = true
		}
	}
	fp.selectionChanged()
}

// selected lists the selected rows in listing order.
func (fp *filePicker) selected() []pickEntry {
	var out []pickEntry
	for i, e := range fp.entries {
		if fp.sel[i] {
			out = append(out, e)
		}
	}
	return out
}

func (fp *filePicker) selectedFiles() []string {
	var out []string
	for _, e := range fp.selected() {
		if !e.dir {
			out = append(out, e.path)
		}
	}
	return out
}

// selectionChanged says what the confirm button will do.
func (fp *filePicker) selectionChanged() {
	fp.list.Refresh()
	files := fp.selectedFiles()
	switch fp.mode {
	case pickFolder:
		fp.say("将选择：" + fp.folderAnswer())
	case pickMany:
		if len(files) == 0 {
			fp.say("单击选择文件；按住 Ctrl 或勾选可多选，按住 Shift 选择一段，也可以全选。")
		} else {
			fp.say(fmt.Sprintf("已选择 %d 个文件：%s", len(files), strings.Join(baseNames(files), "、")))
		}
	default:
		if len(files) == 0 {
			fp.say("请选择一个文件。")
		} else {
			fp.say("已选择：" + filepath.Base(files[0]))
		}
	}
}

func baseNames(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	return out
}

// folderAnswer is the folder pickFolder answers: the selected folder,
// else the one shown.
func (fp *filePicker) folderAnswer() string {
	for _, e := range fp.selected() {
		if e.dir {
			return e.path
		}
	}
	return fp.dir
}

func (fp *filePicker) say(msg string) { fp.status.SetText(msg) }

// activate is Enter or a double click on row i: a folder opens, a file is
// chosen (with the others selected, in pickMany).
func (fp *filePicker) activate(i int) {
	if i < 0 || i >= len(fp.entries) {
		fp.confirm()
		return
	}
	e := fp.entries[i]
	if e.dir {
		fp.open(e.path)
		return
	}
	if !fp.selectable(i) {
		return
	}
	if !fp.sel[i] {
		fp.clickRow(i, 0)
	}
	fp.confirm()
}

// confirm answers with what is selected, remembering the folder for the
// purpose; with nothing to answer it says what to do and stays open.
func (fp *filePicker) confirm() {
	if fp.closed {
		return
	}
	var answer []string
	switch fp.mode {
	case pickFolder:
		dir := fp.folderAnswer()
		if dir == "" {
			fp.say("请选择一个文件夹。")
			return
		}
		answer = []string{dir}
		fp.a.prefs.SetFolder(fp.purpose, dir)
	default:
		answer = fp.selectedFiles()
		if len(answer) == 0 {
			if sel := fp.selected(); len(sel) == 1 && sel[0].dir {
				fp.open(sel[0].path)
				return
			}
			if fp.mode == pickMany {
				fp.say("请选择要打开的文件（可多选）。")
			} else {
				fp.say("请选择一个文件。")
			}
			return
		}
		if fp.mode == pickOne {
			answer = answer[:1]
		}
		fp.a.prefs.SetFolder(fp.purpose, fp.dir)
	}
	fp.closed = true
	fp.d.Hide()
	fp.done(answer)
}

func (fp *filePicker) cancel() {
	fp.closed = true
	fp.d.Hide()
}

// key handles a key typed while the listing has the keyboard.
func (fp *filePicker) key(k *fyne.KeyEvent) {
	n := len(fp.entries)
	move := func(to int) {
		if n == 0 {
			return
		}
		to = max(0, min(n-1, to))
		if fp.mode == pickMany && fp.mods()&fyne.KeyModifierShift != 0 {
			fp.clickRow(to, fyne.KeyModifierShift)
		} else if fp.mode == pickMany && len(fp.sel) > 1 {
			fp.cursor = to // keep a many-file selection while moving
			fp.list.Refresh()
		} else {
			fp.clickRow(to, 0)
		}
		fp.list.ScrollTo(to)
	}
	switch k.Name {
	case fyne.KeyDown:
		move(fp.cursor + 1)
	case fyne.KeyUp:
		move(fp.cursor - 1)
	case fyne.KeyHome:
		move(0)
	case fyne.KeyEnd:
		move(n - 1)
	case fyne.KeyPageDown:
		move(fp.cursor + 10)
	case fyne.KeyPageUp:
		move(fp.cursor - 10)
	case fyne.KeySpace:
		if fp.cursor >= 0 {
			fp.toggle(fp.cursor)
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if len(fp.selectedFiles()) > 1 {
			fp.confirm()
		} else {
			fp.activate(fp.cursor)
		}
	case fyne.KeyBackspace:
		fp.up()
	case fyne.KeyEscape:
		fp.cancel()
	}
}

// --- the listing -----------------------------------------------------------

const (
	pickDateWidth = 150
	pickSizeWidth = 80
	pickCheckSize = 28
)

func pickIconsWidth(m pickMode) float32 {
	if m == pickMany {
		return 2*pickCheckSize + 8
	}
	return pickCheckSize + 4
}

// pickList is the listing: a Fyne list whose keyboard is the picker's.
type pickList struct {
	widget.List
	fp *filePicker
}

func newPickList(fp *filePicker) *pickList {
	l := &pickList{fp: fp}
	l.Length = func() int { return len(fp.entries) }
	l.CreateItem = func() fyne.CanvasObject { return newPickRow(fp) }
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) { o.(*pickRow).set(id) }
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey gives the keys to the picker rather than to the list's own
// focus handling.
func (l *pickList) TypedKey(k *fyne.KeyEvent) { l.fp.key(k) }

// TypedRune ignores letters typed at the listing.
func (l *pickList) TypedRune(rune) {}

// FocusGained marks the cursor row.
func (l *pickList) FocusGained() { l.fp.focused = true; l.Refresh() }

// FocusLost unmarks it.
func (l *pickList) FocusLost() { l.fp.focused = false; l.Refresh() }

// TypedShortcut selects every file on Ctrl+A.
func (l *pickList) TypedShortcut(s fyne.Shortcut) {
	if _, ok := s.(*fyne.ShortcutSelectAll); ok {
		l.fp.selectAll()
	}
}

// pickRow is one row of the listing: a click selects, a double click opens,
// a click on its check box (pickMany) ticks it.
type pickRow struct {
	widget.BaseWidget
	fp *filePicker
	id int
	// pressed is set by a mouse press that selected the row, so that the
	// Tapped following it does not select it again.
	pressed bool
	bg      *canvas.Rectangle
	check   *widget.Icon
	icon    *widget.Icon
	name    *widget.Label
	date    *widget.Label
	size    *widget.Label
}

func newPickRow(fp *filePicker) *pickRow {
	r := &pickRow{fp: fp, id: -1, bg: canvas.NewRectangle(color.Transparent),
		check: widget.NewIcon(theme.CheckButtonIcon()), icon: widget.NewIcon(theme.FileIcon()),
		name: widget.NewLabel(""), date: widget.NewLabel(""), size: widget.NewLabel("")}
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.size.Alignment = fyne.TextAlignTrailing
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer lays the row out: icons, name, date, size.
func (r *pickRow) CreateRenderer() fyne.WidgetRenderer {
	icons := []fyne.CanvasObject{fixedWidth(pickCheckSize, r.icon)}
	if r.fp.mode == pickMany {
		icons = append([]fyne.CanvasObject{fixedWidth(pickCheckSize, r.check)}, icons...)
	}
	row := container.NewBorder(nil, nil, container.NewHBox(icons...),
		container.NewHBox(fixedWidth(pickDateWidth, r.date), fixedWidth(pickSizeWidth, r.size)), r.name)
	return widget.NewSimpleRenderer(container.NewStack(r.bg, row))
}

func (r *pickRow) set(id int) {
	r.id = id
	fp := r.fp
	if id < 0 || id >= len(fp.entries) {
		return
	}
	e := fp.entries[id]
	r.name.SetText(e.name)
	r.name.Importance = widget.MediumImportance
	if e.dim {
		r.name.Importance = widget.LowImportance
	}
	if e.dir {
		r.icon.SetResource(theme.FolderIcon())
		r.size.SetText("")
	} else {
		r.icon.SetResource(fileIcon(e.name))
		r.size.SetText(humanSize(e.size))
	}
	if e.mod.IsZero() {
		r.date.SetText("")
	} else {
		r.date.SetText(e.mod.Format("2006-01-02 15:04"))
	}
	if fp.sel[id] {
		r.check.SetResource(theme.CheckButtonCheckedIcon())
	} else {
		r.check.SetResource(theme.CheckButtonIcon())
	}
	if e.dir {
		r.check.SetResource(nil)
	}
	th := fyne.CurrentApp().Settings().Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	switch {
	case fp.sel[id]:
		r.bg.FillColor = th.Color(theme.ColorNameSelection, v)
	case id == fp.cursor && fp.focused:
		r.bg.FillColor = th.Color(theme.ColorNameHover, v)
	default:
		r.bg.FillColor = color.Transparent
	}
	if id == fp.cursor && fp.focused {
		r.bg.StrokeColor = th.Color(theme.ColorNameFocus, v)
		r.bg.StrokeWidth = 1
	} else {
		r.bg.StrokeWidth = 0
	}
	r.name.Refresh()
	r.bg.Refresh()
}

// MouseDown selects the row at once, with the modifier keys held at the
// press: Fyne delivers Tapped only after the double-click delay, by which
// time a quick Ctrl+click has often let go of Ctrl.
func (r *pickRow) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	r.pressed = true
	r.click(ev.Position, ev.Modifier)
}

// MouseUp is part of desktop.Mouseable.
func (r *pickRow) MouseUp(*desktop.MouseEvent) {}

// Tapped selects the row where no mouse press did (touch, tests).
func (r *pickRow) Tapped(ev *fyne.PointEvent) {
	if r.pressed {
		r.pressed = false
		return
	}
	r.click(ev.Position, r.fp.mods())
}

// click selects the row; a click on the check box toggles it.
func (r *pickRow) click(at fyne.Position, mods fyne.KeyModifier) {
	if r.fp.mode == pickMany && at.X < pickCheckSize+theme.Padding() {
		mods |= fyne.KeyModifierControl
	}
	r.fp.clickRow(r.id, mods)
	r.fp.focusList()
}

// DoubleTapped opens a folder or chooses a file.
func (r *pickRow) DoubleTapped(*fyne.PointEvent) {
	r.pressed = false
	r.fp.activate(r.id)
}

func fileIcon(name string) fyne.Resource {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".tif", ".tiff":
		return theme.FileImageIcon()
	case ".xlsx", ".xls", ".xlsm", ".xltx", ".ods", ".et", ".csv", ".dossier":
		return theme.FileApplicationIcon()
	case ".pdf", ".txt":
		return theme.FileTextIcon()
	}
	return theme.FileIcon()
}

// humanSize is a file size as 12 KB or 3.4 MB.
func humanSize(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d 字节", n)
	case n < 1024*1024:
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	case n < 1024*1024*1024:
		return fmt.Sprintf("%.1f MB", float64(n)/(1024*1024))
	}
	return fmt.Sprintf("%.1f GB", float64(n)/(1024*1024*1024))
}

// widthSpacer is empty space w wide.
func widthSpacer(w float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(w, 1))
	return r
}
