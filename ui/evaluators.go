package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/dossier-app/dossier/ops"
)

// evaluatorsTab lists the evaluators (评委) and, for the selected one, edits
// their details and shows their 回避: automatic ones with the reason,
// manual ones, and automatic ones lifted; each can be added or lifted with
// a recorded reason. Score workbooks go out and come back from here.
type evaluatorsTab struct {
	s    *session
	view fyne.CanvasObject

	book  *dossier.Book
	list  *widget.List
	selID string
	slot  *fyne.Container
	ed    *evaluatorEditor

	up, down *widget.Button // move the selected evaluator in the list
	quiet    bool           // selecting a list row to match selID, not by the user
}

// evaluatorEditor is the form of the selected evaluator.
type evaluatorEditor struct {
	ev                              *dossier.Evaluator
	name, affiliation, region, role *field
	save                            *debounce
}

// conflictRow is one 回避 line of an evaluator.
type conflictRow struct {
	unit   *dossier.Unit
	kind   string // 自动回避, 手动回避, 已解除自动回避
	reason string
	active bool // the evaluator's scores of the unit do not count
}

func newEvaluatorsTab(s *session) *evaluatorsTab {
	t := &evaluatorsTab{s: s}
	s.onFlush(func() {
		if t.ed != nil {
			t.ed.save.flush()
		}
	})
	t.list = widget.NewList(
		func() int {
			if t.book == nil {
				return 0
			}
			return len(t.book.Evaluators)
		},
		func() fyne.CanvasObject {
			name := boldLabel("")
			info := widget.NewLabel("")
			info.Importance = widget.LowImportance
			info.SizeName = theme.SizeNameCaptionText
			info.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(name, info)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			e := &t.book.Evaluators[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%d. %s", i+1, e.Name))
			var parts []string
			for _, p := range []string{e.Affiliation, e.Region, e.Role} {
				if p != "" {
					parts = append(parts, p)
				}
			}
			n := 0
			for _, c := range t.conflicts(e) {
				if c.active {
					n++
				}
			}
			if n > 0 {
				parts = append(parts, fmt.Sprintf("回避 %d 个单位", n))
			}
			box.Objects[1].(*widget.Label).SetText(strings.Join(parts, " · "))
		})
	t.list.OnSelected = func(i widget.ListItemID) {
		if !t.quiet && t.book != nil && i < len(t.book.Evaluators) {
			t.open(t.book.Evaluators[i].ID)
		}
	}
	add := widget.NewButtonWithIcon("新增评委…", theme.ContentAddIcon(), t.askAdd)
	add.Importance = widget.HighImportance
	imp := widget.NewButtonWithIcon("导入评分表…", theme.UploadIcon(), t.askImportSheet)
	t.up = widget.NewButtonWithIcon("上移", theme.MoveUpIcon(), func() { t.move(-1) })
	t.down = widget.NewButtonWithIcon("下移", theme.MoveDownIcon(), func() { t.move(1) })
	t.up.Disable()
	t.down.Disable()
	help := muted("列表顺序决定多个相同的最高分（或最低分）去掉哪一个：去掉排在前面的评委的分数。可用“上移”“下移”调整，立即保存。")
	left := container.NewBorder(container.NewVBox(container.NewHBox(add, imp), container.NewHBox(t.up, t.down), help), nil, nil, nil, t.list)
	t.slot = container.NewStack(container.NewCenter(fixedWidth(360, muted("选择左侧的评委查看和编辑。"))))
	split := container.NewHSplit(left, container.NewPadded(t.slot))
	split.Offset = 0.3
	t.view = split
	s.lockEditing(container.NewVBox(add, imp))
	return t
}

func (t *evaluatorsTab) content() fyne.CanvasObject { return t.view }

func (t *evaluatorsTab) refresh() {
	if t.ed != nil {
		t.ed.save.flush()
	}
	b, err := t.s.store.Book(t.s.ctx, store.LoadOptions{})
	if err != nil {
		t.s.a.alert("读取失败", dossier.ErrorMessage(err))
		return
	}
	t.book = b
	t.list.Refresh()
	if t.ed != nil && t.s.errs.hasPrefix("evaluator:"+t.ed.ev.ID+":") {
		return // keep the form holding text that did not save
	}
	if t.selID != "" && b.Evaluator(t.selID) != nil {
		t.open(t.selID)
		t.showSelected()
	} else if len(b.Evaluators) > 0 {
		t.list.Select(0)
	} else {
		t.selID, t.ed = "", nil
		t.updateMove()
		t.slot.Objects = []fyne.CanvasObject{container.NewCenter(fixedWidth(360, muted("还没有评委。点“新增评委…”添加。")))}
		t.slot.Refresh()
	}
}

// conflicts lists an evaluator's 回避 lines, in unit order.
func (t *evaluatorsTab) conflicts(e *dossier.Evaluator) []conflictRow {
	over := map[string]dossier.ConflictOverride{}
	for _, o := range t.book.Overrides {
		if o.EvaluatorID == e.ID {
			over[o.UnitID] = o
		}
	}
	var out []conflictRow
	for i := range t.book.Units {
		u := &t.book.Units[i]
		auto := dossier.AutoConflict(*e, *u)
		o, ok := over[u.ID]
		switch {
		case ok && o.Conflict:
			out = append(out, conflictRow{u, "手动回避", o.Reason, true})
		case ok && auto != "":
			out = append(out, conflictRow{u, "已解除自动回避", auto + "；解除理由：" + o.Reason, false})
		case auto != "":
			out = append(out, conflictRow{u, "自动回避", auto, true})
		}
	}
	return out
}

// open shows the evaluator's details and 回避. The form of another
// evaluator first saves what is pending; if an edit of it is still not in
// the file the user is asked (see session.leave), and on 取消 it stays.
func (t *evaluatorsTab) open(id string) {
	ed := t.ed
	if ed == nil || ed.ev.ID == id {
		t.show(id)
		return
	}
	t.s.leave("evaluator:"+ed.ev.ID+":", func() {
		ed.save.stop()
		t.show(id)
	}, t.showSelected)
}

// show builds the form of an evaluator in place of the current one.
func (t *evaluatorsTab) show(id string) {
	if t.ed != nil {
		t.ed.save.flush()
	}
	e := t.book.Evaluator(id)
	if e == nil {
		return
	}
	t.selID = id
	t.updateMove()
	ed := &evaluatorEditor{ev: e}
	ed.save = newDebounce(func() { t.saveEvaluator(ed) })
	mk := func(text, hint string) *field {
		f := newField(false)
		f.SetText(text)
		f.SetPlaceHolder(hint)
		f.OnChanged = func(string) { ed.save.poke() }
		f.onBlur = ed.save.flush
		return f
	}
	ed.name = mk(e.Name, "")
	ed.affiliation = mk(e.Affiliation, "例如：郑州市教育局")
	ed.region = mk(e.Region, "例如：郑州市")
	ed.role = mk(e.Role, "例如：组长、成员")
	t.ed = ed
	form := widget.NewForm(
		widget.NewFormItem("姓名", ed.name),
		&widget.FormItem{Text: "工作单位", Widget: ed.affiliation, HintText: "与单位名称或推荐单位相同时自动回避"},
		&widget.FormItem{Text: "所属地区", Widget: ed.region, HintText: "与单位所属地区相同或存在隶属关系时自动回避"},
		widget.NewFormItem("角色", ed.role),
	)
	sheet := widget.NewButtonWithIcon("导出评分表…", theme.DocumentSaveIcon(), func() { t.askExportSheet(e) })
	score := widget.NewButtonWithIcon("录入评分", theme.DocumentCreateIcon(), func() {
		t.s.show(ScreenScoring)
		if sc, ok := t.s.screen(ScreenScoring).(*scoringTab); ok {
			sc.selectEvaluator(e.Name)
		}
	})
	del := widget.NewButtonWithIcon("删除评委", theme.DeleteIcon(), func() {
		t.s.a.confirm("删除评委", "删除评委“"+e.Name+"”？", "删除", func() { t.remove(e.ID) })
	})
	del.Importance = widget.LowImportance

	rows := t.conflicts(e)
	var list fyne.CanvasObject = container.NewVBox(muted("没有回避的单位。"))
	if len(rows) > 0 {
		list = widget.NewList(
			func() int { return len(rows) },
			func() fyne.CanvasObject {
				kind := boldLabel("")
				unit := widget.NewLabel("")
				unit.Truncation = fyne.TextTruncateEllipsis
				reason := widget.NewLabel("")
				reason.Truncation = fyne.TextTruncateEllipsis
				reason.Importance = widget.LowImportance
				return container.NewBorder(nil, nil, container.New(&columnsLayout{widths: []float32{110, 290}}, kind, unit),
					widget.NewButton("恢复回避", nil), reason)
			},
			func(i widget.ListItemID, o fyne.CanvasObject) {
				c := rows[i]
				box := o.(*fyne.Container)
				reason := box.Objects[0].(*widget.Label)
				cols := box.Objects[1].(*fyne.Container)
				btn := box.Objects[2].(*widget.Button)
				kind, unit := cols.Objects[0].(*widget.Label), cols.Objects[1].(*widget.Label)
				kind.Importance = widget.LowImportance
				if c.active {
					kind.Importance = widget.WarningImportance
				}
				kind.SetText(c.kind)
				unit.SetText(c.unit.Code + "  " + c.unit.Name)
				reason.SetText(c.reason)
				switch {
				case !c.active:
					btn.SetText("恢复回避")
					btn.OnTapped = func() {
						t.s.a.ask("恢复回避", fmt.Sprintf("恢复评委“%s”对 %s %s 的回避？", e.Name, c.unit.Code, c.unit.Name), "理由", func(r string) {
							if err := t.avoid(e.Name, c.unit.Code, r); err != nil {
								t.s.a.alert("未能恢复回避", dossier.ErrorMessage(err))
							}
						})
					}
				default:
					btn.SetText("解除")
					if c.kind == "手动回避" {
						btn.SetText("撤销")
					}
					btn.OnTapped = func() {
						t.s.a.ask("解除回避", fmt.Sprintf("解除评委“%s”对 %s %s 的回避？请填写理由，理由记入活动的历史。", e.Name, c.unit.Code, c.unit.Name), "解除理由", func(r string) {
							t.lift(e.Name, c.unit.Code, r)
						})
					}
				}
			})
	}
	addBtn := widget.NewButtonWithIcon("添加回避…", theme.ContentAddIcon(), func() { t.askAvoid(e) })
	top := container.NewVBox(
		heading("评委 "+e.Name),
		form,
		container.NewHBox(sheet, score, del),
		widget.NewSeparator(),
		container.NewBorder(nil, nil, nil, addBtn, heading(fmt.Sprintf("回避（%d）", countActive(rows)))),
		muted("自动回避：评委所属地区与单位所属地区相同或存在隶属关系，或评委工作单位即该单位或其推荐单位。回避的评分不计入该单位的得分。"),
	)
	t.slot.Objects = []fyne.CanvasObject{container.NewBorder(top, nil, nil, nil, list)}
	t.s.lockEditing(top)
	t.slot.Refresh()
}

// index is the place of an evaluator in the list, or -1.
func (t *evaluatorsTab) index(id string) int {
	if t.book == nil {
		return -1
	}
	for i, e := range t.book.Evaluators {
		if e.ID == id {
			return i
		}
	}
	return -1
}

// showSelected highlights the selected evaluator's row without opening
// it again.
func (t *evaluatorsTab) showSelected() {
	if i := t.index(t.selID); i >= 0 {
		t.quiet = true
		t.list.Select(i)
		t.quiet = false
	}
}

// updateMove enables 上移 and 下移 for the selected evaluator, except at
// the ends of the list.
func (t *evaluatorsTab) updateMove() {
	i := t.index(t.selID)
	n := 0
	if t.book != nil {
		n = len(t.book.Evaluators)
	}
	ro := t.s.readOnly()
	enable(t.up, i > 0 && !ro)
	enable(t.down, i >= 0 && i < n-1 && !ro)
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// move moves the selected evaluator d places (-1 up, 1 down) and saves the
// new order at once. The order decides which of several equal highest or
// lowest totals is dropped, so the ranking follows it.
func (t *evaluatorsTab) move(d int) {
	i := t.index(t.selID)
	j := i + d
	if i < 0 || j < 0 || j >= len(t.book.Evaluators) {
		return
	}
	ids := make([]string, len(t.book.Evaluators))
	for k, e := range t.book.Evaluators {
		ids[k] = e.ID
	}
	ids[i], ids[j] = ids[j], ids[i]
	t.s.save("evaluators:order", "评委顺序", func() error {
		if err := t.s.store.ReorderEvaluators(t.s.ruleCtx(), ids); err != nil {
			return err
		}
		t.refresh()
		return nil
	})
}

func countActive(rows []conflictRow) int {
	n := 0
	for _, r := range rows {
		if r.active {
			n++
		}
	}
	return n
}

// saveEvaluator saves an evaluator's form, each field on its own (see
// formSave).
func (t *evaluatorsTab) saveEvaluator(ed *evaluatorEditor) {
	type E = dossier.Evaluator
	f := formSave[E]{
		s:    t.s,
		key:  "evaluator:" + ed.ev.ID + ":",
		what: "评委“" + ed.ev.Name + "”",
		fields: []formField[E]{
			textField("姓名", ed.name, func(e E) string { return e.Name }, func(e *E, v string) { e.Name = v }),
			textField("工作单位", ed.affiliation, func(e E) string { return e.Affiliation }, func(e *E, v string) { e.Affiliation = v }),
			textField("所属地区", ed.region, func(e E) string { return e.Region }, func(e *E, v string) { e.Region = v }),
			textField("角色", ed.role, func(e E) string { return e.Role }, func(e *E, v string) { e.Role = v }),
		},
		write: func(e *E) error { return t.s.store.UpdateEvaluator(t.s.ruleCtx(), e) },
		again: func() { t.saveEvaluator(ed) },
		rebase: func(e E) {
			*ed.ev = e
			t.list.Refresh()
		},
	}
	if e, ok := f.run(*ed.ev); ok {
		*ed.ev = e
		t.list.Refresh()
	}
}

func (t *evaluatorsTab) askAdd() {
	name := widget.NewEntry()
	aff := widget.NewEntry()
	aff.SetPlaceHolder("例如：河南省教育厅")
	region := widget.NewEntry()
	region.SetPlaceHolder("例如：郑州市")
	role := widget.NewEntry()
	form := []*widget.FormItem{
		widget.NewFormItem("姓名", name),
		widget.NewFormItem("工作单位", aff),
		widget.NewFormItem("所属地区", region),
		widget.NewFormItem("角色", role),
	}
	t.s.a.formItemsDialog("新增评委", "添加", form, 480, func() error {
		return t.add(dossier.Evaluator{Name: name.Text, Affiliation: aff.Text, Region: region.Text, Role: role.Text})
	}).show(name)
}

// add appends an evaluator and selects them.
func (t *evaluatorsTab) add(e dossier.Evaluator) error {
	if err := t.s.store.AddEvaluator(t.s.ruleCtx(), &e); err != nil {
		return err
	}
	t.selID = e.ID
	t.refresh()
	t.s.note("已新增评委 " + e.Name)
	return nil
}

func (t *evaluatorsTab) remove(id string) {
	var base int64
	if ev := t.book.Evaluator(id); ev != nil {
		base = ev.Version
	}
	if err := t.s.store.RemoveEvaluator(t.s.ruleCtx(), id, base); err != nil {
		t.s.a.alert("不能删除评委", dossier.ErrorMessage(err))
		return
	}
	// The record is gone: its pending and failed edits go with it.
	if t.ed != nil && t.ed.ev.ID == id {
		t.ed.save.stop()
	}
	t.s.errs.clearPrefix("evaluator:" + id + ":")
	t.selID, t.ed = "", nil
	t.list.UnselectAll()
	t.refresh()
}

// askAvoid adds a manual 回避 for the evaluator: a unit and a reason.
func (t *evaluatorsTab) askAvoid(e *dossier.Evaluator) {
	units := t.book.Units
	unit := unitPicker(func() []dossier.Unit { return units })
	reason := widget.NewEntry()
	reason.SetPlaceHolder("例如：评委曾在该单位任职")
	form := []*widget.FormItem{
		widget.NewFormItem("单位", unit),
		widget.NewFormItem("回避理由", reason),
	}
	t.s.a.formItemsDialog("添加回避："+e.Name, "添加", form, 560, func() error {
		return t.avoid(e.Name, pickedCode(unit.Text), reason.Text)
	}).show(unit)
}

// avoid records a manual 回避; a missing unit or reason is refused with a
// message for the dialog, which stays open.
func (t *evaluatorsTab) avoid(evaluator, code, reason string) error {
	if strings.TrimSpace(code) == "" {
		return dossier.Errorf(dossier.EINVALID, "请选择要回避的单位。")
	}
	if strings.TrimSpace(reason) == "" {
		return dossier.Errorf(dossier.EINVALID, "请填写回避理由，例如：评委曾在该单位任职。理由记入活动的历史。")
	}
	if err := t.s.store.AddConflict(t.s.ctx, evaluator, code, strings.TrimSpace(reason)); err != nil {
		return err
	}
	t.s.note("已记录评委 " + evaluator + " 对 " + code + " 的回避")
	t.refresh()
	return nil
}

// lift lifts a 回避, automatic or manual.
func (t *evaluatorsTab) lift(evaluator, code, reason string) {
	if err := t.s.store.RemoveConflict(t.s.ctx, evaluator, code, reason); err != nil {
		t.s.a.alert("未能解除回避", dossier.ErrorMessage(err))
		return
	}
	t.s.note("已解除评委 " + evaluator + " 对 " + code + " 的回避")
	t.refresh()
}

func (t *evaluatorsTab) askExportSheet(e *dossier.Evaluator) {
	name := "评分表-" + safeFileName(e.Name) + ".xlsx"
	t.s.a.pick.saveFile("导出评分表", name, true, func(path string) {
		t.s.background("正在导出评委“"+e.Name+"”的评分表", func(ops.Progress) func() {
			err := t.exportSheet(e.ID, path)
			return func() {
				if err != nil {
					t.s.a.alert("未能导出评分表", dossier.ErrorMessage(err))
					return
				}
				t.s.a.resultDialog("已导出评分表", "评委“"+e.Name+"”的评分表已保存到：", []string{path}, path, false)
			}
		})
	})
}

// exportSheet writes an evaluator's score workbook.
func (t *evaluatorsTab) exportSheet(evaluatorID, path string) error {
	b, err := t.s.store.Book(t.s.ctx, store.LoadOptions{})
	if err != nil {
		return err
	}
	e := b.Evaluator(evaluatorID)
	if e == nil {
		return dossier.Errorf(dossier.ENOTFOUND, "评委不存在（%s）", evaluatorID)
	}
	_, err = ops.Export(t.s.ctx, t.s.store, ops.ExportRequest{Kind: ops.KindScoreSheet, Evaluator: e.Name, Out: path})
	return err
}

func (t *evaluatorsTab) askImportSheet() {
	t.s.a.pick.openFile("导入评分表", []string{".xlsx"}, func(path string) {
		t.s.flush()
		t.s.background("正在导入评分表 "+filepath.Base(path), func(p ops.Progress) func() {
			title, lines, merged := readScoreSheet(t.s, path, p)
			return func() {
				if merged {
					t.refresh()
				}
				t.s.a.resultDialog(title, "", lines, "", false)
			}
		})
	})
}

// importSheet reads an evaluator's score workbook back and merges it, whole
// or not at all, on the calling goroutine. It returns a title and the lines
// to show.
func (t *evaluatorsTab) importSheet(path string) (string, []string) {
	title, lines, merged := readScoreSheet(t.s, path, nil)
	if merged {
		t.refresh()
	}
	return title, lines
}

// readScoreSheet merges a score workbook (ops.ImportScoreSheets) and says
// the outcome: a title, the lines to show, and whether scores were merged.
// It touches no widget.
func readScoreSheet(s *session, path string, progress ops.Progress) (string, []string, bool) {
	outs, err := ops.ImportScoreSheets(s.ctx, s.store, []string{path}, progress)
	if err != nil {
		return "未能导入评分表", []string{dossier.ErrorMessage(err)}, false
	}
	o := outs[0]
	if o.Err != nil {
		return "评分表未导入", problemLines(o.Err), false
	}
	res := o.Result
	lines := []string{fmt.Sprintf("已导入评委“%s”的评分表：%d 项评分、%d 条评语有变化。", res.Evaluator, res.Changed, res.Comments)}
	if len(res.Warnings) > 0 {
		lines = append(lines, "以下各行因回避未导入：")
		lines = append(lines, dossier.ProblemLines(res.Warnings)...)
	}
	return "已导入评分表", lines, true
}

// problemLines turns an import error into the Chinese lines to show.
func problemLines(err error) []string {
	return dossier.ProblemLines(ops.ProblemsOf("", err))
}
