package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/postgres"
	"github.com/dossier-app/dossier/ops"
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
	serverBtn := widget.NewButtonWithIcon("连接服务器…", theme.ComputerIcon(), func() { a.askServer() })

	st.fillRecent()
	card := container.NewVBox(
		container.NewBorder(nil, nil, icon, nil, container.NewVBox(title, sub)),
		widget.NewSeparator(),
		container.NewHBox(newBtn, openBtn, demoBtn, serverBtn),
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
	st.view = newVScroll(container.NewVBox(gap,
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
			if postgres.IsURL(path) {
				st.a.connectURL(path) // off the UI thread
				return
			}
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

func (st *startScreen) openDemo() { st.a.openDemoInBackground(DemoPath()) }

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
	dir := a.prefs.Folder(purposeCampaign)
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
	note := muted("新活动带有默认的五个类别（五大工程，各 20 分）及其量化指标，可在“评选设置”中修改。保存位置不存在时会自动创建。")
	fd := a.formDialog("新建评选活动", "创建", container.NewVBox(form, note), 640, func() error {
		return a.createFromForm(title.Text, organiser.Text, year.Text, folder.Text, fileName.Text)
	})
	fd.submitOnEnter(title, organiser, year, folder, fileName)
	fd.show(title)
}

// createFromForm checks what the new-campaign dialog holds, makes the
// folder when it is missing and creates the campaign. Every problem comes
// back as a Chinese message for the dialog, which stays open.
func (a *App) createFromForm(title, organiser, yearText, folder, fileName string) error {
	if strings.TrimSpace(title) == "" {
		return dossier.Errorf(dossier.EINVALID, "请填写活动名称，例如：2022年义务教育学校标准化建设先进单位评选。")
	}
	y, err := strconv.Atoi(dossier.FoldWidth(strings.TrimSpace(yearText)))
	if strings.TrimSpace(yearText) != "" && (err != nil || y < dossier.MinYear || y > dossier.MaxYear) {
		return dossier.Errorf(dossier.EINVALID, "年份“%s”无效，请填写四位年份，例如 %d。", yearText, a.now().Year())
	}
	name := strings.TrimSpace(fileName)
	if name == "" {
		name = safeFileName(title) + ".dossier"
	}
	if strings.ContainsAny(name, `/\`) {
		return dossier.Errorf(dossier.EINVALID, "文件名“%s”中不能有 / 或 \\。", name)
	}
	if filepath.Ext(name) == "" {
		name += ".dossier"
	}
	dir := strings.TrimSpace(folder)
	if dir == "" {
		return dossier.Errorf(dossier.EINVALID, "请填写保存位置。")
	}
	if err := ensureDir(dir); err != nil {
		return err
	}
	path := filepath.Join(dir, name)
	if _, err := os.Stat(path); err == nil {
		return dossier.Errorf(dossier.ECONFLICT, "文件 %s 已存在。请换一个文件名，或用“打开评选活动文件”打开它。", path)
	}
	if err := a.NewCampaign(path, strings.TrimSpace(title), strings.TrimSpace(organiser), y); err != nil {
		if pe := (*os.PathError)(nil); errors.As(err, &pe) {
			return dossier.Errorf(dossier.EINVALID, "无法在“%s”创建文件：%s。请换一个保存位置。", dir, osReason(pe.Err))
		}
		return err
	}
	a.prefs.SetFolder(purposeCampaign, dir)
	return nil
}

// safeFileName turns a title into a file name: no path separators or
// characters other systems refuse.
func safeFileName(s string) string { return ops.SafeFileName(s) }
