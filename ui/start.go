package ui

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
)

// startScreen is what the window shows with no campaign open: new, open,
// the recent files and the demo.
type startScreen struct {
	a      *App
	view   fyne.CanvasObject
	recent *fyne.Container
}

func newStartScreen(a *App) *startScreen {
	st := &startScreen{a: a, recent: container.NewVBox()}
	icon := canvas.NewImageFromResource(AppIcon())
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(88, 88))
	title := widget.NewLabelWithStyle(AppName, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	sub := muted("先进单位评选：申报材料导入、评委评分、排名说明，评审材料汇编与公示名单打印。一个评选活动保存为一个文件，可复制、归档、发送。")

	newBtn := widget.NewButtonWithIcon("新建评选活动…", theme.DocumentCreateIcon(), func() { a.askNewCampaign() })
	newBtn.Importance = widget.HighImportance
	openBtn := widget.NewButtonWithIcon("打开评选活动文件…", theme.FolderOpenIcon(), func() { a.askOpen() })
	demoBtn := widget.NewButtonWithIcon("打开示例活动", theme.InfoIcon(), func() { st.openDemo() })

	st.fillRecent()
	card := container.NewVBox(
		container.NewBorder(nil, nil, icon, nil, container.NewVBox(title, sub)),
		widget.NewSeparator(),
		container.NewHBox(newBtn, openBtn, demoBtn),
		heading("最近打开"),
		st.recent,
	)
	paper := canvas.NewRectangle(colPaper)
	paper.StrokeColor = colRule
	paper.StrokeWidth = 1
	paper.CornerRadius = 6
	framed := container.NewStack(paper, container.NewPadded(container.NewPadded(card)))
	gap := canvas.NewRectangle(nil)
	gap.SetMinSize(fyne.NewSize(0, 48))
	st.view = container.NewVScroll(container.NewVBox(gap,
		container.NewHBox(layout.NewSpacer(), fixedWidth(760, framed), layout.NewSpacer())))
	return st
}

func (st *startScreen) fillRecent() {
	st.recent.Objects = nil
	files := st.a.prefs.Recent()
	if len(files) == 0 {
		st.recent.Add(muted("还没有打开过评选活动文件。可以先打开示例活动看看。"))
	}
	for _, path := range files {
		path := path
		name := widget.NewLabelWithStyle(filepath.Base(path), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		dir := widget.NewLabel(filepath.Dir(path))
		dir.Importance = widget.LowImportance
		dir.Truncation = fyne.TextTruncateEllipsis
		open := widget.NewButton("打开", func() {
			if err := st.a.Open(path); err != nil {
				st.a.alert("无法打开", dossier.ErrorMessage(err))
			}
		})
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			st.a.prefs.RemoveRecent(path)
			st.fillRecent()
		})
		remove.Importance = widget.LowImportance
		if _, err := os.Stat(path); err != nil {
			open.Disable()
			dir.SetText(filepath.Dir(path) + "（文件已不存在）")
		}
		st.recent.Add(container.NewBorder(nil, nil, name, container.NewHBox(open, remove), dir))
	}
	st.recent.Refresh()
}

func (st *startScreen) openDemo() {
	path := DemoPath()
	if err := st.a.OpenDemo(path); err != nil {
		st.a.alert("无法打开示例活动", dossier.ErrorMessage(err))
	}
}

// askNewCampaign asks for the new campaign's title, organiser, year and
// file, then creates it with the default categories.
func (a *App) askNewCampaign() {
	if !a.canLeaveThen(a.askNewCampaign) {
		return
	}
	title := widget.NewEntry()
	title.SetPlaceHolder("例如：2022年义务教育学校标准化建设先进单位评选")
	organiser := widget.NewEntry()
	organiser.SetPlaceHolder("例如：河南省教育厅")
	year := widget.NewEntry()
	year.SetText(strconv.Itoa(a.now().Year()))
	dir := a.prefs.LastFolder()
	if dir == "" {
		dir = filepath.Dir(DemoPath())
	}
	folder := widget.NewEntry()
	folder.SetText(dir)
	fileName := widget.NewEntry()
	fileName.SetPlaceHolder("评选活动.dossier")
	touched := false
	fileName.OnChanged = func(string) { touched = true }
	title.OnChanged = func(t string) {
		if !touched || fileName.Text == "" {
			fileName.SetText(safeFileName(t) + ".dossier")
			touched = false
		}
	}
	browse := widget.NewButton("选择…", func() {
		a.pick.folder("选择保存位置", func(p string) { folder.SetText(p) })
	})
	form := widget.NewForm(
		widget.NewFormItem("活动名称", title),
		widget.NewFormItem("主办单位", organiser),
		widget.NewFormItem("年份", year),
		widget.NewFormItem("保存位置", container.NewBorder(nil, nil, nil, browse, folder)),
		widget.NewFormItem("文件名", fileName),
	)
	note := muted("新活动带有默认的五个类别（五大工程，各 20 分）及其量化指标，可在“评选设置”中修改。")
	d := dialog.NewCustomConfirm("新建评选活动", "创建", "取消", container.NewVBox(form, note), func(ok bool) {
		if !ok {
			return
		}
		y, err := strconv.Atoi(dossier.FoldWidth(strings.TrimSpace(year.Text)))
		if strings.TrimSpace(year.Text) != "" && (err != nil || y < 1900 || y > 2200) {
			a.alert("年份无效", "年份“"+year.Text+"”无效，请填写四位年份，例如 "+strconv.Itoa(a.now().Year())+"。")
			return
		}
		name := strings.TrimSpace(fileName.Text)
		if name == "" {
			name = safeFileName(title.Text) + ".dossier"
		}
		if filepath.Ext(name) == "" {
			name += ".dossier"
		}
		path := filepath.Join(strings.TrimSpace(folder.Text), name)
		if err := a.NewCampaign(path, title.Text, strings.TrimSpace(organiser.Text), y); err != nil {
			a.alert("未能创建评选活动", dossier.ErrorMessage(err))
		}
	}, a.win)
	d.Resize(fyne.NewSize(640, 0))
	d.Show()
	a.win.Canvas().Focus(title)
}

// safeFileName turns a title into a file name: no path separators or
// characters other systems refuse.
func safeFileName(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Map(func(r rune) rune {
		switch r {
		case '/', '\\', ':', '*', '?', '"', '<', '>', '|', '\n', '\r', '\t':
			return '-'
		}
		return r
	}, s)
	if s == "" {
		return "评选活动"
	}
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60])
	}
	return s
}
