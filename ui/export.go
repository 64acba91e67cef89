package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/export/pdf"
	"github.com/dossier-app/dossier/ops"
)

// Kinds of document the export screen makes.
const (
	docDossier    = "dossier"
	docNotice     = "notice"
	docUnit       = "unit"
	docSummary    = "summary"
	docTemplate   = "template"
	docScoreBooks = "scorebooks"
	// The signable forms (DESIGN.md "Official procedure").
	docScoreForms   = "scoresheets"
	docSummaryForm  = "summary-sheet"
	docDeclarations = "declarations"
	docReport       = "report"
)

// exportTab makes the campaign's documents. Each runs in the background
// with a progress bar, so the window never freezes; a finished document
// can be opened, printed (PDF) or shown in its folder, and the PDF's
// warnings (characters the fonts lack, pictures left out) are listed.
type exportTab struct {
	s    *session
	view fyne.CanvasObject

	unitSel *widget.SelectEntry
	quality *widget.RadioGroup // photo resolution of the PDFs: 打印版 or 电子版
	// scores, when checked, puts the score box (evaluators' names and
	// scores) into the single-unit PDF, which is off by default.
	scores  *widget.Check
	units   []dossier.Unit
	jobs    *fyne.Container
	running map[string]bool
	// noticeAgreed is set while the user goes on with a 公示名单 despite
	// ties still waiting for the committee.
	noticeAgreed bool
}

// pendingDecisions counts the units of a tie across the cut line that the
// committee has not decided yet.
func (t *exportTab) pendingDecisions() int {
	_, r, err := t.s.store.Rank(t.s.ctx)
	if err != nil {
		return 0
	}
	n := 0
	for _, st := range r.Standings {
		if st.Verdict() == dossier.VerdictPending {
			n++
		}
	}
	return n
}

// exportJob is one document being made, and then made.
type exportJob struct {
	kind, title, path string
	withScores        bool // the unit PDF includes the score box
	bar               *widget.ProgressBar
	state             *zhLabel
	warn              *zhLabel
	buttons           *fyne.Container
	row               fyne.CanvasObject
	err               error
	warnings          []string
	pages             int
	files             []string
	ppi               int // photo resolution of a PDF
}

func newExportTab(s *session) *exportTab {
	t := &exportTab{s: s, jobs: container.NewVBox(), running: map[string]bool{}}
	t.unitSel = unitPicker(func() []dossier.Unit { return t.units })
	t.quality = widget.NewRadioGroup([]string{qualityPrint, qualityScreen}, nil)
	t.quality.Horizontal = true
	t.quality.Required = true
	t.quality.SetSelected(qualityPrint)
	t.scores = widget.NewCheck("附评分情况（评委姓名和评分明细，仅供内部使用）", nil)
	row := func(title, desc string, extra fyne.CanvasObject, kind string) fyne.CanvasObject {
		btn := widget.NewButtonWithIcon("导出…", theme.DocumentSaveIcon(), func() { t.ask(kind) })
		text := container.NewVBox(boldLabel(title), muted(desc))
		if extra != nil {
			text.Add(extra)
		}
		return container.NewBorder(nil, nil, nil, container.NewCenter(btn), text)
	}
	docs := container.NewVBox(
		container.NewBorder(nil, nil, boldLabel("PDF 中的图片"), nil, t.quality),
		muted("打印版按打印尺寸约 300 ppi 嵌入图片；电子版约 150 ppi，文件小，适合邮件发送。活动文件中的原图不变。"),
		widget.NewSeparator(),
		row("评审材料汇编（PDF）", "封面、评分规则、排名表（含名额线）、目录，按名次排列的各单位事迹材料、量化指标、图片和评分说明。", nil, docDossier),
		widget.NewSeparator(),
		row("公示名单（PDF）", "拟推荐单位按名次排列；并列跨越名额线的单位在评委会决定后列入。", nil, docNotice),
		widget.NewSeparator(),
		row("单位事迹材料（PDF）", "一个单位的材料，可打印或发回单位核对。", container.NewVBox(t.unitSel, t.scores), docUnit),
		widget.NewSeparator(),
		row("评分表（PDF，签字用）", "每位评委一份：各单位各类别评分、合计和评语，评委签字、日期。", nil, docScoreForms),
		widget.NewSeparator(),
		row("评分汇总表（PDF，签字用）", "各单位各评委总分（标明去掉的最高分、最低分和回避），最终得分、名次、拟推荐；计分人、复核人、监督人签字。", nil, docSummaryForm),
		widget.NewSeparator(),
		row("回避声明（PDF，签字用）", "每位评委一份：列出其回避的单位及原因，无回避的声明与各申报单位均无利害关系；声明人签字。", nil, docDeclarations),
		widget.NewSeparator(),
		row("评审结果报告（PDF，签字用）", "评选活动、评分规则及指纹、评委、评审结果、并列决定、复核情况，评审委员会签字。", nil, docReport),
		widget.NewSeparator(),
		row("评审结果汇总表（Excel）", "排名、各评委评分矩阵（标明去掉和不计的分数）、量化指标、单位名单。", nil, docSummary),
		widget.NewSeparator(),
		row("申报表模板（Excel）", "发给各申报单位填写的空白申报表，填好后在“导入申报表”中导入。", nil, docTemplate),
		widget.NewSeparator(),
		row("评委评分表（Excel，每位评委一份）", "保存到所选文件夹，每位评委一个文件；评委填写后在“评委与回避”中导入。", nil, docScoreBooks),
	)
	left := container.NewBorder(heading("导出文件"), nil, nil, nil, newVScroll(docs))
	right := container.NewBorder(heading("导出结果"), nil, nil, nil, newVScroll(t.jobs))
	split := container.NewHSplit(container.NewPadded(left), container.NewPadded(right))
	split.Offset = 0.55
	t.view = split
	return t
}

func (t *exportTab) content() fyne.CanvasObject { return t.view }

func (t *exportTab) refresh() {
	units, err := t.s.store.Units(t.s.ctx)
	if err != nil {
		return
	}
	t.units = units
	if !strings.Contains(t.unitSel.Text, "  ") {
		t.unitSel.OnChanged(t.unitSel.Text) // offer the units now loaded
	}
	if len(t.jobs.Objects) == 0 {
		t.jobs.Add(muted("导出的文件会列在这里，可直接打开或打印。"))
	}
}

// unitCode finds the unit named in the unit selector: its code, its name,
// or a part of either that only one unit has, and returns its 申报编号 and
// name. With several matches it names them so the clerk can choose.
func (t *exportTab) unitCode() (code, name string, err error) {
	text := strings.TrimSpace(t.unitSel.Text)
	picked := pickedCode(text)
	for _, u := range t.units {
		if u.Code == picked || u.Name == text {
			return u.Code, u.Name, nil
		}
	}
	if text == "" {
		return "", "", dossier.Errorf(dossier.EINVALID, "请先在“单位事迹材料”一行选择要导出的单位。")
	}
	q := searchKey(text)
	var hits []dossier.Unit
	for _, u := range t.units {
		if strings.Contains(searchKey(u.Code+"\x00"+u.Name), q) {
			hits = append(hits, u)
		}
	}
	switch len(hits) {
	case 1:
		return hits[0].Code, hits[0].Name, nil
	case 0:
		return "", "", dossier.Errorf(dossier.ENOTFOUND, "没有申报编号或名称含“%s”的单位。", text)
	}
	var names []string
	for i, u := range hits {
		if i == 5 {
			names = append(names, "…")
			break
		}
		names = append(names, u.Code+" "+u.Name)
	}
	return "", "", dossier.Errorf(dossier.EINVALID, "有 %d 个单位含“%s”：%s。请从列表中选择一个。", len(hits), text, strings.Join(names, "、"))
}

// ask asks where to save a document, then makes it.
func (t *exportTab) ask(kind string) {
	base := safeFileName(t.s.campaign.Title)
	switch kind {
	case docScoreBooks:
		t.s.a.pick.folder("选择保存评分表的文件夹", func(dir string) { t.start(kind, dir, "") })
		return
	case docUnit:
		code, name, err := t.unitCode()
		if err != nil {
			t.s.a.alert("请选择单位", dossier.ErrorMessage(err))
			return
		}
		t.s.a.pick.saveFile("导出单位事迹材料", safeFileName(name)+"-事迹材料.pdf", true, func(p string) { t.start(kind, p, code) })
		return
	}
	if kind == docNotice && !t.noticeAgreed {
		if n := t.pendingDecisions(); n > 0 {
			t.s.a.confirm("尚有并列待决定", fmt.Sprintf("有 %d 个单位总分并列且跨越名额线，评委会尚未决定。公示名单不会列入这些单位，名单可能少于拟表彰名额。\n\n建议先在“排名”中记录评委会决定。仍要现在导出吗？", n), "仍然导出", func() {
				t.noticeAgreed = true
				defer func() { t.noticeAgreed = false }()
				t.ask(kind)
			})
			return
		}
	}
	names := map[string]string{
		docDossier:      base + "-评审材料汇编.pdf",
		docNotice:       base + "-公示名单.pdf",
		docScoreForms:   base + "-评分表.pdf",
		docSummaryForm:  base + "-评分汇总表.pdf",
		docDeclarations: base + "-回避声明.pdf",
		docReport:       base + "-评审结果报告.pdf",
		docSummary:      base + "-评审结果汇总表.xlsx",
		docTemplate:     base + "-申报表模板.xlsx",
	}
	t.s.a.pick.saveFile("导出"+docTitles[kind], names[kind], true, func(p string) { t.start(kind, p, "") })
}

// The choices of photo resolution.
const (
	qualityPrint  = "打印版"
	qualityScreen = "电子版"
)

var docTitles = map[string]string{
	docDossier:      "评审材料汇编",
	docNotice:       "公示名单",
	docUnit:         "单位事迹材料",
	docSummary:      "评审结果汇总表",
	docTemplate:     "申报表模板",
	docScoreBooks:   "评委评分表",
	docScoreForms:   "评分表",
	docSummaryForm:  "评分汇总表",
	docDeclarations: "回避声明",
	docReport:       "评审结果报告",
}

// start makes a document in the background and lists it with its
// progress; code is the unit's 申报编号 for docUnit.
func (t *exportTab) start(kind, path, code string) *exportJob {
	t.s.flush()
	j := &exportJob{kind: kind, title: docTitles[kind], path: path, withScores: t.scores.Checked, ppi: pdf.PrintPPI}
	if t.quality.Selected == qualityScreen {
		j.ppi = pdf.ScreenPPI
	}
	j.bar = widget.NewProgressBar()
	j.state = newZhLabel("正在准备…")
	j.warn = newZhLabel("")
	j.warn.Importance = widget.WarningImportance
	j.warn.Hide()
	j.buttons = container.NewHBox()
	head := container.NewBorder(nil, nil, boldLabel(j.title), j.buttons)
	j.row = container.NewVBox(head, j.state, j.bar, j.warn, widget.NewSeparator())
	if len(t.jobs.Objects) == 1 {
		if _, ok := t.jobs.Objects[0].(*zhLabel); ok { // the placeholder (muted)
			t.jobs.Objects = nil
		}
	}
	t.jobs.Objects = append([]fyne.CanvasObject{j.row}, t.jobs.Objects...)
	t.jobs.Refresh()

	s := t.s
	s.goJob(func() {
		progress := func(done, total int) {
			if total <= 0 {
				return
			}
			v := float64(done) / float64(total)
			onUI(func() {
				j.bar.SetValue(v)
				j.state.SetText(fmt.Sprintf("正在生成：%d / %d", done, total))
			})
		}
		j.err = t.make(j, code, progress)
		onUI(func() { t.finished(j) })
	})
	return j
}

// opsKinds are the documents of the export screen as ops makes them.
var opsKinds = map[string]ops.Kind{
	docDossier: ops.KindDossier, docNotice: ops.KindNotice, docUnit: ops.KindUnit,
	docSummary: ops.KindSummary, docTemplate: ops.KindTemplate, docScoreBooks: ops.KindScoreSheetFolder,
	docScoreForms: ops.KindScoreForms, docSummaryForm: ops.KindSummaryForm, docDeclarations: ops.KindDeclarations,
	docReport: ops.KindReport,
}

// make writes the document; it runs in the background.
func (t *exportTab) make(j *exportJob, code string, progress func(done, total int)) error {
	res, err := ops.Export(t.s.ctx, t.s.store, ops.ExportRequest{
		Kind: opsKinds[j.kind], Out: j.path, Unit: code, WithScores: j.kind == docUnit && j.withScores,
		PPI: j.ppi, Progress: progress,
		// The screen asked before a notice with an undecided tie (ask).
		AllowPending: true,
	})
	if res != nil {
		j.warnings, j.pages, j.files = res.Warnings, res.Pages, res.Files
	}
	return err
}

// finished shows a job's outcome; it runs on the UI thread.
func (t *exportTab) finished(j *exportJob) {
	if j.err != nil {
		j.bar.Hide()
		j.state.Importance = widget.DangerImportance
		j.state.SetText("未能生成：" + dossier.ErrorMessage(j.err))
		return
	}
	j.bar.SetValue(1)
	j.bar.Hide()
	j.state.Importance = widget.SuccessImportance
	switch {
	case j.kind == docScoreBooks:
		j.state.SetText(fmt.Sprintf("已生成 %d 份评分表，保存在 %s", len(j.files), j.path))
		j.buttons.Add(widget.NewButtonWithIcon("打开文件夹", theme.FolderOpenIcon(), func() { t.s.a.openPath(j.path) }))
	default:
		msg := "已保存 " + filepath.Base(j.path)
		if j.pages > 0 {
			msg += fmt.Sprintf("，共 %d 页", j.pages)
		}
		j.state.SetText(msg + "（" + filepath.Dir(j.path) + "）")
		j.buttons.Add(widget.NewButtonWithIcon("打开", theme.FileIcon(), func() { t.s.a.openPath(j.path) }))
		if strings.HasSuffix(strings.ToLower(j.path), ".pdf") {
			j.buttons.Add(widget.NewButtonWithIcon("打印", theme.DocumentPrintIcon(), func() { t.s.a.printPath(j.path) }))
		}
		j.buttons.Add(widget.NewButtonWithIcon("所在文件夹", theme.FolderIcon(), func() { t.s.a.openPath(filepath.Dir(j.path)) }))
	}
	if len(j.warnings) > 0 {
		j.warn.SetText(fmt.Sprintf("注意（%d 条）：", len(j.warnings)) + strings.Join(j.warnings, "；"))
		j.warn.Show()
	}
	t.s.note("已生成" + j.title)
	if j.kind == docScoreBooks {
		t.s.a.toast(j.state.Text, j.path)
	} else {
		t.s.a.toast("已生成"+j.title+"："+filepath.Base(j.path), j.path)
	}
	t.jobs.Refresh()
}

// resultDialog shows the outcome of an action: a summary and lines (each
// a file or a problem), with 打开 and 打印 for a file that was made.
func (a *App) resultDialog(title, intro string, lines []string, path string, printable bool) {
	box := container.NewVBox()
	if intro != "" {
		box.Add(wrapped(intro))
	}
	for _, l := range lines {
		box.Add(wrapped(l))
	}
	scroll := newVScroll(fixedWidth(600, box))
	scroll.SetMinSize(fyne.NewSize(620, min(float32(80+60*len(lines)), 380)))
	content := fyne.CanvasObject(scroll)
	if path != "" {
		btns := container.NewHBox(widget.NewButtonWithIcon("打开", theme.FileIcon(), func() { a.openPath(path) }))
		if printable {
			btns.Add(widget.NewButtonWithIcon("打印", theme.DocumentPrintIcon(), func() { a.printPath(path) }))
		}
		btns.Add(widget.NewButtonWithIcon("所在文件夹", theme.FolderIcon(), func() { a.openPath(filepath.Dir(path)) }))
		content = container.NewBorder(nil, btns, nil, nil, scroll)
	}
	dialog.NewCustom(title, "关闭", content, a.win).Show()
}
