package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
)

// openPath opens a file or folder with the system's usual program; when
// nothing can, it says so and shows the path with a button to copy it.
func (a *App) openPath(path string) {
	a.os.open(path, func(err error) {
		if err == nil {
			return
		}
		onUI(func() { a.cannotOpen(path, err) })
	})
}

// cannotOpen explains that a file could not be opened and offers its path.
func (a *App) cannotOpen(path string, err error) {
	what := "文件"
	if filepath.Ext(path) == "" {
		what = "文件夹"
	}
	msg := fmt.Sprintf("无法打开这个%s：%s。\n\n可以复制下面的路径，在文件管理器或其他程序中打开。", what, dossier.ErrorMessage(err))
	pathLbl := newZhLabel(path)
	copyBtn := widget.NewButtonWithIcon("复制路径", theme.ContentCopyIcon(), nil)
	copyBtn.OnTapped = func() {
		a.fa.Clipboard().SetContent(path)
		copyBtn.SetText("已复制")
	}
	body := container.NewVBox(fixedWidth(520, wrapped(msg)), fixedWidth(520, pathLbl), container.NewHBox(copyBtn))
	d := dialog.NewCustom("无法打开", "关闭", body, a.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// printPath shows the app's print dialog for a PDF: the system's printers,
// copies, page range and duplex on the long edge (the dossier paginates odd
// and even pages); the job goes to the spooler in the background and its
// id is reported. With no printer it says so and offers to open the PDF.
func (a *App) printPath(path string) {
	names, def, err := a.os.printers()
	if err != nil || len(names) == 0 {
		why := "本机没有设置打印机。"
		if errors.Is(err, errNoSpooler) {
			why = "本机没有安装打印系统，无法直接打印。"
		} else if err != nil {
			why = "无法读取打印机列表（" + err.Error() + "）。"
		}
		d := dialog.NewCustomConfirm("没有可用的打印机", "打开 PDF", "关闭",
			fixedWidth(480, wrapped(why+"可以先打开 PDF，在阅读器中打印，或把文件拷到有打印机的电脑上。\n\n"+path)),
			func(ok bool) {
				if ok {
					a.openPath(path)
				}
			}, a.win)
		d.Resize(fyne.NewSize(520, 0))
		d.Show()
		return
	}
	printer := widget.NewSelect(names, nil)
	if def == "" {
		def = names[0]
	}
	printer.SetSelected(def)
	copies := widget.NewEntry()
	copies.SetText("1")
	pages := widget.NewEntry()
	pages.SetPlaceHolder("全部页；或如 1-3,7")
	duplex := widget.NewCheck("双面打印（长边翻转）", nil)
	duplex.SetChecked(true)
	items := []*widget.FormItem{widget.NewFormItem("打印机", printer)}
	if a.os.printOptions() {
		items = append(items,
			widget.NewFormItem("份数", copies),
			&widget.FormItem{Text: "页码范围", Widget: pages, HintText: "留空打印全部页"},
			widget.NewFormItem("", duplex))
	}
	body := container.NewVBox(fixedWidth(460, muted("文件："+path)), widget.NewForm(items...))
	if !a.os.printOptions() {
		body.Add(fixedWidth(460, muted("份数、页码和双面请在随后打开的 PDF 阅读器中选择。")))
	}
	fd := a.formDialog("打印", "打印", body, 520, func() error {
		job := printJob{Printer: printer.Selected, Copies: 1, Duplex: duplex.Checked}
		if job.Printer == "" {
			return dossier.Errorf(dossier.EINVALID, "请选择打印机。")
		}
		n, err := strconv.Atoi(dossier.FoldWidth(strings.TrimSpace(copies.Text)))
		if err != nil || n < 1 || n > 999 {
			return dossier.Errorf(dossier.EINVALID, "份数“%s”无效，请填写 1 到 999 的整数。", copies.Text)
		}
		job.Copies = n
		if job.Pages, err = parsePages(pages.Text); err != nil {
			return dossier.Errorf(dossier.EINVALID, "%s", err.Error())
		}
		a.startPrint(path, job)
		return nil
	})
	fd.submitOnEnter(copies, pages)
	fd.show(nil)
}

// startPrint hands the job to the spooler off the UI thread and reports
// the outcome.
func (a *App) startPrint(path string, job printJob) {
	if a.cur != nil {
		a.cur.note("正在发送到打印机 " + job.Printer + "…")
	}
	go func() {
		id, err := a.os.print(path, job)
		onUI(func() {
			if err != nil {
				d := dialog.NewCustomConfirm("打印失败", "打开 PDF", "关闭",
					fixedWidth(480, wrapped(dossier.ErrorMessage(err)+"\n\n可以打开 PDF，在阅读器中打印。")), func(ok bool) {
						if ok {
							a.openPath(path)
						}
					}, a.win)
				d.Resize(fyne.NewSize(520, 0))
				d.Show()
				return
			}
			msg := fmt.Sprintf("已将 %s 发送到打印机 %s（%d 份", filepath.Base(path), job.Printer, job.Copies)
			if job.Pages != "" {
				msg += "，第 " + job.Pages + " 页"
			}
			if job.Duplex {
				msg += "，双面"
			}
			msg += "）。"
			if id != "" {
				msg += "任务编号：" + id + "。"
			}
			if a.cur != nil {
				a.cur.note(msg)
			}
			a.alert("已发送到打印机", msg)
		})
	}()
}
