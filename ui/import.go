package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/ops"
)

// importTab imports filled submission workbooks (申报表): pick files or a
// folder (or drop them on the window), see a preview of every file — new
// unit, update, or rejected with the reasons in Chinese — then import what
// passed, with a progress bar and a summary. The blank template is saved
// from here too.
type importTab struct {
	s    *session
	view fyne.CanvasObject

	files []string
	rows  []importRow
	// plan is the preview the rows show, committed by 导入 (ops).
	plan   *ops.ImportPlan
	sel    int
	busy   bool
	done   bool // the rows show the outcome of an import, not a preview
	table  *widget.Table
	detail *zhLabel
	bar    *widget.ProgressBar
	state  *zhLabel

	addFiles, addFolder, clear, commit, template *widget.Button

	// checked, when set, is called on the reading goroutine after each
	// file of a preview is read and shown: tests hold a preview mid-way
	// with it.
	checked func(done, total int)

	// what the last listing left out ("跳过临时文件 2 个") and the paths it
	// could not list, said with the preview
	skipped      string
	listProblems []string
}

// importRow is one file in the preview, and after the import its outcome.
type importRow struct {
	file   string
	action dossier.ImportAction
	code   string
	name   string
	lines  []string // changes of an update, problems of a rejection
	// problems are a rejection's problems, typed: the row shows them
	// without the file it already names.
	problems []dossier.Problem
	sub      *dossier.Submission
	// removals are the stored items an update deletes or empties, said in
	// the row and asked about before the import; warnings are notes (an
	// absent sheet, whose material is kept); unchanged marks a workbook
	// equal to the stored unit.
	removals, warnings []string
	unchanged          bool
	written            bool // the row shows what the import did
}

// take fills the row from what the campaign file says importing it does.
func (r *importRow) take(it dossier.ImportItem) {
	r.action, r.code, r.name = it.Action, it.Code, it.Name
	r.removals, r.warnings, r.unchanged, r.problems = nil, nil, false, nil
	if it.Action == dossier.ImportRejected {
		r.problems = it.Problems
		r.lines = dossier.ProblemLines(it.Problems)
		return
	}
	r.lines = it.Changes
	r.removals, r.warnings, r.unchanged = it.Removals, it.Warnings, it.Unchanged
}

// removalSummary counts the removals by kind: "将删除 8 张图片、1 节事迹材料".
func (r *importRow) removalSummary() string {
	if len(r.removals) == 0 {
		return ""
	}
	var photos, sections, values, fields int
	for _, m := range r.removals {
		switch {
		case strings.HasPrefix(m, "图片"):
			photos++
		case strings.HasPrefix(m, "事迹材料"):
			sections++
		case strings.HasPrefix(m, "量化指标"):
			values++
		default:
			fields++
		}
	}
	var parts []string
	for _, p := range []struct {
		n    int
		unit string
	}{{photos, " 张图片"}, {sections, " 节事迹材料"}, {values, " 项量化指标"}, {fields, " 项基本信息"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprint(p.n)+p.unit)
		}
	}
	verb := "将删除 "
	if photos+sections == 0 {
		verb = "将清除 "
	}
	if r.written {
		verb = "已" + strings.TrimPrefix(verb, "将")
	}
	return verb + strings.Join(parts, "、")
}

var importColumns = []struct {
	title string
	width float32
}{{"文件", 230}, {"结果", 64}, {"申报编号", 104}, {"单位名称", 210}, {"说明", 560}}

func newImportTab(s *session) *importTab {
	t := &importTab{s: s, sel: -1}
	t.addFiles = widget.NewButtonWithIcon("选择文件…", theme.FileIcon(), func() {
		s.a.pick.openFiles("选择申报表", submissionExts, t.add)
	})
	t.addFolder = widget.NewButtonWithIcon("选择文件夹…", theme.FolderOpenIcon(), func() {
		s.a.pick.folder("选择存放申报表的文件夹", func(dir string) { t.addListed([]string{dir}) })
	})
	t.clear = widget.NewButtonWithIcon("清空列表", theme.ContentClearIcon(), t.reset)
	t.commit = widget.NewButtonWithIcon("导入", theme.ConfirmIcon(), t.doImport)
	t.commit.Importance = widget.HighImportance
	t.commit.Disable()
	t.template = widget.NewButtonWithIcon("保存申报表模板…", theme.DocumentSaveIcon(), t.askTemplate)

	t.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(t.rows), len(importColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(canvas.NewRectangle(nil), l)
		},
		t.updateCell)
	t.table.ShowHeaderColumn = false
	t.table.CreateHeader = func() fyne.CanvasObject { return boldLabel("") }
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(importColumns[id.Col].title)
	}
	for i, c := range importColumns {
		t.table.SetColumnWidth(i, c.width)
	}
	t.table.OnSelected = func(id widget.TableCellID) {
		t.sel = id.Row
		t.showDetail()
		t.table.UnselectAll()
		t.table.Refresh()
	}
	t.detail = newZhLabel("")
	t.bar = widget.NewProgressBar()
	t.bar.Hide()
	t.state = newZhLabel("选择填好的申报表文件或文件夹（也可以把文件拖到窗口里）。导入前会先逐个检查，列出每个文件将新增、更新还是被拒绝及其原因。")

	bar := container.NewHBox(t.addFiles, t.addFolder, t.clear, widget.NewSeparator(), t.commit)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, t.template, bar), t.state, t.bar)
	detail := newVScroll(container.NewPadded(t.detail))
	// 说明 takes the width the other columns leave (at 1024 px its fixed
	// 560 px ran off the right edge); the row's full text is in the detail.
	var others float32
	for _, c := range importColumns[:len(importColumns)-1] {
		others += c.width
	}
	fitted := container.New(&fillColumn{table: t.table, col: len(importColumns) - 1, others: others, min: 240}, t.table)
	split := container.NewVSplit(fitted, detail)
	split.Offset = 0.68
	t.view = container.NewBorder(top, nil, nil, nil, split)
	return t
}

func (t *importTab) content() fyne.CanvasObject { return t.view }

func (t *importTab) refresh() {}

// dropped takes files and folders dropped on the window: listed as the
// folder scan and the command line list them (xlsx.ListSubmissions).
func (t *importTab) dropped(uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		paths = append(paths, u.Path())
	}
	t.addListed(paths)
}

// addListed lists the files and folders given, every spreadsheet found
// (a format we cannot read is refused in the preview with its reason), and
// says how many temporary and other files were left out.
func (t *importTab) addListed(paths []string) {
	if t.busy {
		return
	}
	// A folder of hundreds of workbooks is walked and each file's head
	// read to tell a workbook from a photo: in the background.
	t.setBusy(true)
	t.state.SetText("正在查找申报表…")
	s := t.s
	s.goJob(func() {
		list := ops.FindSubmissions(paths)
		onUI(func() {
			if s.a.cur != s {
				return // the campaign was closed meanwhile
			}
			t.setBusy(false)
			t.listed(list)
		})
	})
}

// listed takes what the folder walk found.
func (t *importTab) listed(list ops.Listing) {
	t.skipped = list.SkippedText()
	if len(list.Files) == 0 {
		msg := "没有找到申报表（.xlsx 等电子表格文件）。"
		for _, p := range list.Problems {
			msg += "\n" + p.File + "：" + p.Message
		}
		if t.skipped != "" {
			msg += "\n" + t.skipped + "。"
		}
		t.state.SetText("没有找到申报表。")
		t.s.a.alert("没有申报表", msg)
		return
	}
	t.listProblems = nil
	for _, p := range list.Problems {
		t.listProblems = append(t.listProblems, p.File+"："+p.Message)
	}
	t.add(list.Files)
}

func (t *importTab) reset() {
	if t.busy {
		return
	}
	t.files, t.rows, t.plan, t.sel, t.done = nil, nil, nil, -1, false
	t.detail.SetText("")
	t.bar.Hide()
	t.state.SetText("列表已清空。")
	t.commit.Disable()
	t.table.Refresh()
}

// add puts files on the list and previews the whole list again.
func (t *importTab) add(paths []string) {
	if t.busy {
		return
	}
	if t.done {
		t.files = nil
		t.done = false
	}
	have := map[string]bool{}
	for _, f := range t.files {
		have[f] = true
	}
	for _, p := range paths {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		if !have[p] {
			have[p] = true
			t.files = append(t.files, p)
		}
	}
	t.preview()
}

func (t *importTab) setBusy(b bool) {
	t.busy = b
	for _, btn := range []*widget.Button{t.addFiles, t.addFolder, t.clear, t.template} {
		if b {
			btn.Disable()
		} else {
			btn.Enable()
		}
	}
	t.commit.Disable()
	if !b && !t.done {
		for _, r := range t.rows {
			if r.action != dossier.ImportRejected {
				t.commit.Enable()
				break
			}
		}
	}
}

// preview reads every file and plans the import without writing anything.
func (t *importTab) preview() {
	files := append([]string(nil), t.files...)
	t.setBusy(true)
	t.bar.SetValue(0)
	t.bar.Show()
	t.state.SetText(fmt.Sprintf("正在检查 %d 个文件…", len(files)))
	s := t.s
	s.goJob(func() {
		// Each file read moves the bar and the count: a folder of a
		// hundred workbooks takes seconds, and the window goes on working.
		plan, err := ops.PreviewImport(s.ctx, s.store, files, func(done, total int) {
			v := float64(done) / float64(total)
			onUI(func() {
				t.bar.SetValue(v)
				t.state.SetText(fmt.Sprintf("正在检查：%d / %d 个文件", done, total))
			})
			if t.checked != nil {
				t.checked(done, total)
			}
		})
		onUI(func() {
			t.bar.Hide()
			if err != nil {
				t.state.SetText("检查失败：" + dossier.ErrorMessage(err))
				t.setBusy(false)
				return
			}
			rows := planRows(plan)
			t.rows, t.plan, t.sel = rows, plan, -1
			t.detail.SetText("")
			var n, u, r int
			for _, row := range rows {
				switch row.action {
				case dossier.ImportNew:
					n++
				case dossier.ImportUpdate:
					u++
				default:
					r++
				}
			}
			msg := fmt.Sprintf("已检查 %d 个文件：新增 %d 个单位，更新 %d 个，拒绝 %d 个文件。", len(rows), n, u, r)
			if n+u > 0 {
				msg += "点“导入”写入通过检查的文件；被拒绝的文件不会导入，改正后可重新选择。"
			} else {
				msg += "没有可以导入的文件。"
			}
			if r > 0 {
				msg += "点表格中的一行查看全部原因。"
			}
			if t.skipped != "" {
				msg += t.skipped + "。"
			}
			for _, p := range t.listProblems {
				msg += "无法列出 " + p + "。"
			}
			t.state.SetText(msg)
			t.setBusy(false)
			t.table.Refresh()
		})
	})
}

// planRows are the preview's rows, one per file.
func planRows(p *ops.ImportPlan) []importRow {
	rows := make([]importRow, len(p.Files))
	for i, f := range p.Files {
		rows[i].file = f.Path
		rows[i].take(f.ImportItem)
	}
	return rows
}

// doImport writes the files that passed the preview. If an update would
// remove stored material, the removals are listed and the user confirms
// first.
func (t *importTab) doImport() {
	if t.busy {
		return
	}
	if t.plan == nil || !t.plan.Importable() {
		return
	}
	var gone strings.Builder
	n := 0
	for _, r := range t.rows {
		if r.action != dossier.ImportRejected {
			if len(r.removals) > 0 {
				fmt.Fprintf(&gone, "\n%s %s（%s）：\n", r.code, r.name, filepath.Base(r.file))
				for _, m := range r.removals {
					gone.WriteString("　· " + m + "\n")
					n++
				}
			}
		}
	}
	plan := t.plan
	if n == 0 {
		t.write(plan)
		return
	}
	msg := fmt.Sprintf("导入后将删除或清空以下 %d 项已有材料：\n%s\n被替换的内容会保存为单位的历史版本，可在单位的“修改记录 > 历史版本”中恢复。仍要导入吗？", n, gone.String())
	t.s.a.confirm("导入将删除已有材料", msg, "仍然导入", func() { t.write(plan) })
}

// write imports the files of the plan in the background, with progress.
func (t *importTab) write(plan *ops.ImportPlan) {
	t.s.flush()
	t.setBusy(true)
	t.bar.SetValue(0)
	t.bar.Show()
	n := 0
	for _, f := range plan.Files {
		if f.Action != dossier.ImportRejected {
			n++
		}
	}
	t.state.SetText(fmt.Sprintf("正在导入 %d 个文件…", n))
	s := t.s
	s.goJob(func() {
		out, err := ops.CommitImport(s.ctx, s.store, plan, func(done, total int) {
			v := float64(done) / float64(total)
			onUI(func() {
				t.bar.SetValue(v)
				t.state.SetText(fmt.Sprintf("正在导入：%d / %d", done, total))
			})
		})
		onUI(func() { t.imported(out, err) })
	})
}

// imported shows the outcome of an import.
func (t *importTab) imported(out *ops.ImportPlan, err error) {
	t.bar.Hide()
	var n, u, r int
	if out != nil {
		// Only the files the preview let through were written.
		for i, f := range out.Files {
			if t.plan.Files[i].Action != dossier.ImportRejected {
				t.rows[i].take(f.ImportItem)
				t.rows[i].written = true
			}
		}
		t.plan = out
	}
	for _, row := range t.rows {
		switch row.action {
		case dossier.ImportNew:
			n++
		case dossier.ImportUpdate:
			u++
		default:
			r++
		}
	}
	t.done = true
	msg := fmt.Sprintf("导入完成：新增 %d 个单位，更新 %d 个单位，%d 个文件未导入。", n, u, r)
	if err != nil {
		msg = "导入中断：" + dossier.ErrorMessage(err) + "。" + msg
	}
	t.state.SetText(msg)
	t.s.note(msg)
	t.setBusy(false)
	t.table.Refresh()
	t.showDetail()
}

func (t *importTab) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	bg := c.Objects[0].(*canvas.Rectangle)
	l := c.Objects[1].(*widget.Label)
	if id.Row >= len(t.rows) {
		return
	}
	r := &t.rows[id.Row]
	imp := widget.MediumImportance
	var text string
	switch id.Col {
	case 0:
		text = filepath.Base(r.file)
	case 1:
		text = r.action.Label()
		switch r.action {
		case dossier.ImportRejected:
			imp = widget.DangerImportance
		case dossier.ImportNew:
			imp = widget.SuccessImportance
		}
	case 2:
		text = r.code
		if text == "" && r.action == dossier.ImportNew {
			text, imp = "导入时分配", widget.LowImportance
		}
	case 3:
		text = r.name
	case 4:
		text = r.summary()
		if r.action == dossier.ImportRejected {
			imp = widget.DangerImportance
		} else if len(r.removals) > 0 && !t.done {
			imp = widget.WarningImportance
		}
	}
	l.Text, l.Importance = text, imp
	l.Refresh()
	fill := theme.Color(theme.ColorNameBackground)
	if id.Row == t.sel {
		fill = colSealSoft
	} else if r.action == dossier.ImportRejected {
		fill = colErrorSoft
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
}

// summary is the row's explanation in one line; removals come first.
func (r *importRow) summary() string {
	if rm := r.removalSummary(); rm != "" && r.action == dossier.ImportUpdate {
		return rm + "；" + strings.Join(r.lines, "；")
	}
	if r.unchanged {
		return "内容与现有版本相同，不会写入"
	}
	if len(r.lines) == 0 {
		if r.action == dossier.ImportNew {
			return "新单位"
		}
		return ""
	}
	first := r.lines[0]
	// The row already shows the file: its own problems are said without it.
	if len(r.problems) > 0 && r.problems[0].File == r.file {
		first = r.problems[0].Place()
	}
	if len(r.lines) > 1 {
		return fmt.Sprintf("%s（共 %d 条）", first, len(r.lines))
	}
	return first
}

func (t *importTab) showDetail() {
	if t.sel < 0 || t.sel >= len(t.rows) {
		t.detail.SetText("")
		return
	}
	r := &t.rows[t.sel]
	var b strings.Builder
	fmt.Fprintf(&b, "%s：%s", r.file, r.action.Label())
	if r.name != "" {
		fmt.Fprintf(&b, "（%s %s）", r.code, r.name)
	}
	b.WriteString("\n")
	if len(r.removals) > 0 {
		b.WriteString(r.removalSummary() + "：\n")
		for _, m := range r.removals {
			b.WriteString("· " + m + "\n")
		}
	}
	for _, l := range r.lines {
		b.WriteString("· " + l + "\n")
	}
	for _, w := range r.warnings {
		b.WriteString("注意：" + w + "\n")
	}
	t.detail.SetText(b.String())
}

func (t *importTab) askTemplate() {
	name := safeFileName(t.s.campaign.Title) + "-申报表模板.xlsx"
	t.s.a.pick.saveFile("保存申报表模板", name, true, func(path string) {
		t.s.background("正在生成申报表模板", func(ops.Progress) func() {
			err := t.saveTemplate(path)
			return func() {
				if err != nil {
					t.s.a.alert("未能保存模板", dossier.ErrorMessage(err))
					return
				}
				t.s.a.resultDialog("已保存申报表模板", "空白申报表已保存，可发给各申报单位填写：", []string{path}, path, false)
			}
		})
	})
}

// saveTemplate writes the blank submission workbook.
func (t *importTab) saveTemplate(path string) error {
	_, err := ops.Export(t.s.ctx, t.s.store, ops.ExportRequest{Kind: ops.KindTemplate, Out: path})
	return err
}
