package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
)

// settingsTab edits the campaign's settings (title, organiser, date, quota,
// the scoring rule's threshold and tie-break order) and its categories with
// their indicators.
type settingsTab struct {
	s    *session
	view fyne.CanvasObject

	title, organiser, year, date, quota, trimMin *field
	tie                                          []string // category IDs, in order
	tieBox                                       *fyne.Container
	tieAdd                                       *widget.Select
	campSave                                     *debounce
	yearCheck, quotaCheck, trimCheck             fyne.StringValidator
	// minValid is the fewest valid totals for a unit to be ranked.
	minValid      *field
	minValidCheck fyne.StringValidator
	loading       bool
	// proc holds the caps, the 公示 and the calendar.
	proc *procedureForm
	// bodyFont is the documents' body face (正文字体): 仿宋 or 宋体.
	bodyFont *widget.RadioGroup

	cats    []dossier.Category
	sel     int
	catList *tabStrip
	sumLbl  *zhLabel
	detail  *fyne.Container
	catEdit *categoryEditor
}

// categoryEditor is the form of the selected category and its indicators.
type categoryEditor struct {
	id                 string
	name, slogan, desc *field
	max                *field
	maxCheck           fyne.StringValidator
	maxAgreed          dossier.Tenths // a new maximum the user confirmed
	save               *debounce
	indicators         *fyne.Container
	indicatorSaves     []*debounce
}

func newSettingsTab(s *session) *settingsTab {
	t := &settingsTab{s: s, sel: -1}
	t.campSave = newDebounce(t.saveCampaign)
	s.onFlush(t.campSave.flush)
	s.onFlush(func() {
		if t.catEdit != nil {
			t.catEdit.flush()
		}
	})
	mk := func(hint string) *field {
		f := newField(false)
		f.OnChanged = func(string) {
			if !t.loading {
				t.campSave.poke()
			}
		}
		f.onBlur = t.campSave.flush
		f.SetPlaceHolder(hint)
		return f
	}
	t.title = mk("评选活动名称")
	t.organiser = mk("例如：河南省教育厅")
	t.year = mk("例如：2022")
	t.yearCheck = intValidator("请填写四位年份", dossier.CheckYear)
	t.date = mk("YYYY-MM-DD")
	t.quota = mk("例如：10")
	t.quotaCheck = intValidator("请填写整数", dossier.CheckQuota)
	t.trimMin = mk("至少 3")
	t.trimCheck = intValidator("请填写整数", dossier.CheckTrimMin)
	t.minValid = mk("默认 1")
	t.minValidCheck = intValidator("请填写整数", dossier.CheckMinValid)
	t.proc = newProcedureForm(t, mk)
	var faces []string
	for _, f := range dossier.BodyFonts {
		faces = append(faces, f.Label())
	}
	t.bodyFont = widget.NewRadioGroup(faces, func(sel string) {
		// A choice is saved at once; showing the stored one (loading,
		// or a newer version taken after a conflict) saves nothing.
		if !t.loading && sel != t.s.campaign.BodyFont.Label() {
			t.campSave.poke()
			t.campSave.flush()
		}
	})
	t.bodyFont.Horizontal = true
	t.bodyFont.Required = true

	t.tieBox = container.NewVBox()
	t.tieAdd = widget.NewSelect(nil, nil)
	t.tieAdd.PlaceHolder = "添加比较类别…"

	form := widget.NewForm(
		widget.NewFormItem("活动名称", t.title),
		widget.NewFormItem("主办单位", t.organiser),
		widget.NewFormItem("年份", t.year),
		&widget.FormItem{Text: "文件日期", Widget: t.date, HintText: "印在评审材料和公示名单上的日期"},
		&widget.FormItem{Text: "拟表彰名额", Widget: t.quota, HintText: "名次在名额以内的单位为拟推荐"},
		&widget.FormItem{Text: "去高去低起点", Widget: t.trimMin, HintText: "有效总分达到此份数时，去掉一个最高分和一个最低分"},
		&widget.FormItem{Text: "最少有效评分", Widget: t.minValid, HintText: "有效总分少于此份数的单位不参与排名"},
		&widget.FormItem{Text: "正文字体", Widget: t.bodyFont, HintText: "各类文件的正文字体，公文通常用仿宋"},
	)
	tieHelp := muted("总分相同时依次比较下列类别的得分，高者在前；未设置或仍相同的为并列。")
	left := container.NewVBox(heading("评选活动"), form, widget.NewSeparator(),
		heading("同分比较顺序"), tieHelp, t.tieBox, t.tieAdd, widget.NewSeparator(), t.proc.view())

	t.sumLbl = newZhLabel("")
	// The categories are a strip of tabs over their editor, so each name
	// is read whole at 1024 px and the editor has the pane's full width.
	t.catList = newTabStrip(func() int { return len(t.cats) }, func(i int) string {
		return fmt.Sprintf("%d. %s %s 分", i+1, t.cats[i].Name, t.cats[i].Max.Short())
	})
	t.catList.OnSelected = func(i int) { t.selectCategory(i) }
	add := widget.NewButtonWithIcon("新增", theme.ContentAddIcon(), t.askAddCategory)
	up := widget.NewButtonWithIcon("上移", theme.MoveUpIcon(), func() { t.moveCategory(-1) })
	down := widget.NewButtonWithIcon("下移", theme.MoveDownIcon(), func() { t.moveCategory(1) })
	del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), t.askRemoveCategory)
	t.detail = container.NewStack(muted("选择上方的类别进行编辑。"))
	cats := withStrip(t.catList, newVScroll(t.detail))
	heads := container.NewBorder(nil, nil, nil, container.NewHBox(add, del, up, down), heading("类别与指标"))
	right := container.NewBorder(container.NewVBox(heads, t.sumLbl), nil, nil, nil, cats)

	split := container.NewHSplit(newVScroll(container.NewPadded(left)), container.NewPadded(right))
	split.Offset = 0.36
	t.view = split
	s.lockEditing(t.view)
	return t
}

func (t *settingsTab) content() fyne.CanvasObject { return t.view }

func (t *settingsTab) refresh() {
	c, err := t.s.store.Campaign(t.s.ctx)
	if err != nil {
		t.s.a.alert("读取失败", dossier.ErrorMessage(err))
		return
	}
	cats, err := t.s.store.Categories(t.s.ctx)
	if err != nil {
		t.s.a.alert("读取失败", dossier.ErrorMessage(err))
		return
	}
	t.cats = cats
	if !t.s.errs.hasPrefix("campaign:") {
		t.loading = true
		t.title.SetText(c.Title)
		t.organiser.SetText(c.Organiser)
		t.year.SetText(itoaOrEmpty(c.Year))
		t.date.SetText(c.Date)
		t.quota.SetText(strconv.Itoa(c.Quota))
		t.trimMin.SetText(strconv.Itoa(c.TrimMin))
		t.minValid.SetText(strconv.Itoa(max(1, c.MinValid)))
		t.tie = append([]string(nil), c.TieBreak...)
		t.bodyFont.SetSelected(c.BodyFont.Label())
		t.proc.load(c)
		t.loading = false
		t.s.campaignChanged(c)
	}
	t.fillTie()
	t.updateSum()
	t.catList.Refresh()
	sel := t.sel
	if sel < 0 && len(t.cats) > 0 {
		sel = 0
	}
	if sel >= len(t.cats) {
		sel = len(t.cats) - 1
	}
	if t.catEdit != nil && t.s.errs.hasPrefix("category:"+t.catEdit.id+":") {
		return // keep the editor holding text that did not save
	}
	t.sel = -1
	if sel >= 0 {
		t.catList.Select(sel)
		t.selectCategory(sel)
	} else {
		t.detail.Objects = []fyne.CanvasObject{muted("还没有类别。点“新增”添加类别。")}
		t.detail.Refresh()
	}
}

func itoaOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// intValidator reads a whole number (full-width digits too), saying
// notNumber when it is none, and checks it with the campaign's rule for the
// field, so the form says what the store would.
func intValidator(notNumber string, check func(int) error) fyne.StringValidator {
	return func(s string) error {
		n, err := strconv.Atoi(strings.TrimSpace(dossier.FoldWidth(s)))
		if err != nil {
			return dossier.Errorf(dossier.EINVALID, "%s", notNumber)
		}
		return check(n)
	}
}

func dateValidator(s string) error { return dossier.CheckDate(strings.TrimSpace(s)) }

// campaignFields are the fields of the campaign form. The tie-break order
// is one of them: it is saved with the form.
func (t *settingsTab) campaignFields() []formField[dossier.Campaign] {
	type C = dossier.Campaign
	number := func(label string, e *field, check fyne.StringValidator, get func(C) int, put func(*C, int)) formField[C] {
		return formField[C]{
			label:   label,
			shown:   func(c C) string { return strconv.Itoa(get(c)) },
			typed:   func() string { return strings.TrimSpace(e.Text) },
			load:    func(c C) { e.SetText(strconv.Itoa(get(c))) },
			changed: func(c C) bool { return strings.TrimSpace(e.Text) != strconv.Itoa(get(c)) },
			set: func(c *C) error {
				if err := check(e.Text); err != nil {
					return dossier.Errorf(dossier.EINVALID, "“%s”无效，%s", strings.TrimSpace(e.Text), dossier.ErrorMessage(err))
				}
				n, _ := strconv.Atoi(strings.TrimSpace(dossier.FoldWidth(e.Text)))
				put(c, n)
				return nil
			},
		}
	}
	return append([]formField[C]{
		textField("活动名称", t.title, func(c C) string { return c.Title }, func(c *C, v string) { c.Title = v }),
		textField("主办单位", t.organiser, func(c C) string { return c.Organiser }, func(c *C, v string) { c.Organiser = v }),
		{
			label:   "年份",
			shown:   func(c C) string { return itoaOrEmpty(c.Year) },
			typed:   func() string { return strings.TrimSpace(t.year.Text) },
			load:    func(c C) { t.year.SetText(itoaOrEmpty(c.Year)) },
			changed: func(c C) bool { return strings.TrimSpace(t.year.Text) != itoaOrEmpty(c.Year) },
			set: func(c *C) error {
				y := strings.TrimSpace(t.year.Text)
				if y == "" {
					c.Year = 0
					return nil
				}
				if err := t.yearCheck(y); err != nil {
					return dossier.Errorf(dossier.EINVALID, "“%s”无效，%s", y, dossier.ErrorMessage(err))
				}
				c.Year, _ = strconv.Atoi(dossier.FoldWidth(y))
				return nil
			},
		},
		{
			label:   "文件日期",
			shown:   func(c C) string { return c.Date },
			typed:   func() string { return strings.TrimSpace(t.date.Text) },
			load:    func(c C) { t.date.SetText(c.Date) },
			changed: func(c C) bool { return strings.TrimSpace(t.date.Text) != c.Date },
			set: func(c *C) error {
				d := strings.TrimSpace(t.date.Text)
				if err := dateValidator(d); err != nil {
					return err
				}
				c.Date = d
				return nil
			},
		},
		number("拟表彰名额", t.quota, t.quotaCheck, func(c C) int { return c.Quota }, func(c *C, n int) { c.Quota = n }),
		number("去高去低起点", t.trimMin, t.trimCheck, func(c C) int { return c.TrimMin }, func(c *C, n int) { c.TrimMin = n }),
		number("最少有效评分", t.minValid, t.minValidCheck, func(c C) int { return max(1, c.MinValid) }, func(c *C, n int) { c.MinValid = n }),
		{
			label:   "同分比较顺序",
			shown:   func(c C) string { return t.tieNames(c.TieBreak) },
			typed:   func() string { return t.tieNames(t.tie) },
			load:    func(c C) { t.tie = append([]string(nil), c.TieBreak...); t.fillTie() },
			changed: func(c C) bool { return strings.Join(c.TieBreak, "\x00") != strings.Join(t.tie, "\x00") },
			set:     func(c *C) error { c.TieBreak = append([]string(nil), t.tie...); return nil },
		},
		{
			label:   "正文字体",
			shown:   func(c C) string { return c.BodyFont.Label() },
			typed:   func() string { return t.bodyFont.Selected },
			load:    func(c C) { t.bodyFont.SetSelected(c.BodyFont.Label()) },
			changed: func(c C) bool { return t.bodyFont.Selected != c.BodyFont.Label() },
			set: func(c *C) error {
				f, err := dossier.ParseBodyFont(t.bodyFont.Selected)
				if err != nil {
					return err
				}
				c.BodyFont = f
				return nil
			},
		},
	}, t.proc.fields()...)
}

// saveCampaign saves the campaign form, each field on its own (see
// formSave): an invalid 去高去低起点 does not keep a new 主办单位 out of the
// file.
func (t *settingsTab) saveCampaign() {
	f := formSave[dossier.Campaign]{
		s:      t.s,
		key:    "campaign:",
		what:   "评选设置",
		fields: t.campaignFields(),
		write:  func(c *dossier.Campaign) error { return t.s.store.UpdateCampaign(t.s.ruleCtx(), c) },
		again:  t.saveCampaign,
		rebase: t.s.campaignChanged,
	}
	if c, ok := f.run(t.s.campaign); ok {
		t.s.campaignChanged(c)
		t.proc.showPeriod(c)
	}
}

// tieNames is a tie-break order as the user reads it.
func (t *settingsTab) tieNames(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = t.catName(id)
	}
	return strings.Join(names, "、")
}

func (t *settingsTab) catName(id string) string {
	for _, c := range t.cats {
		if c.ID == id {
			return c.Name
		}
	}
	return "（已删除的类别）"
}

func (t *settingsTab) fillTie() {
	t.tieBox.Objects = nil
	if len(t.tie) == 0 {
		t.tieBox.Add(muted("未设置：总分相同即为并列。"))
	}
	for i, id := range t.tie {
		i := i
		lbl := widget.NewLabel(fmt.Sprintf("%d. %s", i+1, t.catName(id)))
		up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { t.moveTie(i, -1) })
		down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { t.moveTie(i, 1) })
		rm := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() {
			t.tie = append(t.tie[:i:i], t.tie[i+1:]...)
			t.tieChanged()
		})
		if i == 0 {
			up.Disable()
		}
		if i == len(t.tie)-1 {
			down.Disable()
		}
		t.tieBox.Add(container.NewBorder(nil, nil, nil, container.NewHBox(up, down, rm), lbl))
	}
	t.tieBox.Refresh()
	var opts []string
	in := map[string]bool{}
	for _, id := range t.tie {
		in[id] = true
	}
	for _, c := range t.cats {
		if !in[c.ID] {
			opts = append(opts, c.Name)
		}
	}
	t.tieAdd.OnChanged = nil
	t.tieAdd.Options = opts
	t.tieAdd.ClearSelected()
	t.tieAdd.OnChanged = func(name string) {
		for _, c := range t.cats {
			if c.Name == name {
				t.tie = append(t.tie, c.ID)
			}
		}
		t.tieChanged()
	}
	t.s.lockEditing(t.tieBox)
	t.s.lockEditing(t.tieAdd)
	t.tieAdd.Refresh()
}

func (t *settingsTab) moveTie(i, d int) {
	j := i + d
	if j < 0 || j >= len(t.tie) {
		return
	}
	t.tie[i], t.tie[j] = t.tie[j], t.tie[i]
	t.tieChanged()
}

func (t *settingsTab) tieChanged() {
	t.saveCampaign()
	t.fillTie()
}

func (t *settingsTab) updateSum() {
	warn := dossier.MaximaWarning(t.cats)
	switch {
	case len(t.cats) == 0:
		t.sumLbl.SetText("还没有类别。")
		t.sumLbl.Importance = widget.WarningImportance
	case warn != "":
		t.sumLbl.SetText("注意：" + warn)
		t.sumLbl.Importance = widget.WarningImportance
	default:
		t.sumLbl.SetText(fmt.Sprintf("共 %d 个类别，满分合计 %s 分。", len(t.cats), dossier.FullMarks.Short()))
		t.sumLbl.Importance = widget.MediumImportance
	}
	t.sumLbl.Refresh()
}

// SumWarning is the text above the categories (for tests).
func (t *settingsTab) sumText() string { return t.sumLbl.Text }

// selectCategory shows the editor of category i. The editor of another
// category first saves what is pending; if an edit of it (or of one of
// its indicators) is still not in the file the user is asked (see
// session.leave), and on 取消 it stays selected.
func (t *settingsTab) selectCategory(i int) {
	if i == t.sel {
		return
	}
	if t.catEdit == nil || t.catEdit.id == "" || i < 0 || i >= len(t.cats) || t.cats[i].ID == t.catEdit.id {
		t.showCategory(i)
		return
	}
	ed, old := t.catEdit, t.sel
	t.s.leave("category:"+ed.id+":", func() {
		if t.catEdit == ed {
			ed.stop()
		}
		t.showCategory(i)
	}, func() {
		if old >= 0 && old < len(t.cats) {
			t.catList.Select(old)
		}
	})
}

// showCategory builds the editor of category i in place of the current one.
func (t *settingsTab) showCategory(i int) {
	if t.catEdit != nil {
		t.catEdit.flush()
	}
	t.sel = i
	if i < 0 || i >= len(t.cats) {
		return
	}
	t.catEdit = t.newCategoryEditor(i)
	t.detail.Objects = []fyne.CanvasObject{t.catEdit.view(t)}
	t.s.lockEditing(t.detail)
	t.detail.Refresh()
}

// stop forgets the editor's pending saves (its edits were given up).
func (e *categoryEditor) stop() {
	e.save.stop()
	for _, d := range e.indicatorSaves {
		d.stop()
	}
}

func (e *categoryEditor) flush() {
	e.save.flush()
	for _, d := range e.indicatorSaves {
		d.flush()
	}
}

func (t *settingsTab) newCategoryEditor(i int) *categoryEditor {
	c := t.cats[i]
	e := &categoryEditor{id: c.ID}
	e.save = newDebounce(func() { t.saveCategory(e) })
	mk := func(multi bool, text string) *field {
		f := newField(multi)
		f.SetText(text)
		f.OnChanged = func(string) { e.save.poke() }
		f.onBlur = e.save.flush
		return f
	}
	e.name = mk(false, c.Name)
	e.slogan = mk(false, c.Slogan)
	e.slogan.SetPlaceHolder("例如：增学位、补短板")
	e.desc = mk(true, c.Description)
	e.desc.SetMinRowsVisible(3)
	e.max = mk(false, c.Max.Short())
	e.maxCheck = func(s string) error {
		v, err := dossier.ParseTenths(s)
		if err != nil {
			return err
		}
		return dossier.CheckMax(v)
	}
	e.indicators = container.NewVBox()
	t.fillIndicators(e, c)
	return e
}

func (e *categoryEditor) view(t *settingsTab) fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem("类别名称", e.name),
		widget.NewFormItem("口号", e.slogan),
		widget.NewFormItem("说明", e.desc),
		&widget.FormItem{Text: "满分", Widget: e.max, HintText: "评分范围 0 到满分，最多一位小数"},
	)
	addInd := widget.NewButtonWithIcon("新增指标…", theme.ContentAddIcon(), func() { t.askAddIndicator(e) })
	return container.NewVBox(form, widget.NewSeparator(),
		container.NewBorder(nil, nil, nil, addInd, heading("量化指标")),
		e.indicators)
}

// categoryFields are the fields of a category's form.
func (e *categoryEditor) categoryFields() []formField[dossier.Category] {
	type C = dossier.Category
	return []formField[C]{
		textField("类别名称", e.name, func(c C) string { return c.Name }, func(c *C, v string) { c.Name = v }),
		textField("口号", e.slogan, func(c C) string { return c.Slogan }, func(c *C, v string) { c.Slogan = v }),
		textField("说明", e.desc, func(c C) string { return c.Description }, func(c *C, v string) { c.Description = v }),
		{
			label:   "满分",
			shown:   func(c C) string { return c.Max.Short() },
			typed:   func() string { return strings.TrimSpace(e.max.Text) },
			load:    func(c C) { e.max.SetText(c.Max.Short()) },
			changed: func(c C) bool { return strings.TrimSpace(e.max.Text) != c.Max.Short() },
			set: func(c *C) error {
				if err := e.maxCheck(e.max.Text); err != nil {
					return dossier.Errorf(dossier.EINVALID, "满分“%s”无效：%s", e.max.Text, dossier.ErrorMessage(err))
				}
				c.Max, _ = dossier.ParseTenths(e.max.Text)
				return nil
			},
		},
	}
}

// saveCategory saves a category's form, each field on its own (see
// formSave).
func (t *settingsTab) saveCategory(e *categoryEditor) {
	idx := -1
	for i := range t.cats {
		if t.cats[i].ID == e.id {
			idx = i
		}
	}
	if idx < 0 {
		return
	}
	if m, err := dossier.ParseTenths(e.max.Text); err == nil && e.maxCheck(e.max.Text) == nil && m != t.cats[idx].Max && m != e.maxAgreed {
		if msg := t.rescaleWarning(t.cats[idx], m); msg != "" {
			old := t.cats[idx].Max
			t.s.a.confirm("修改满分", msg, "修改满分", func() {
				e.maxAgreed = m
				e.max.SetText(m.Short())
				t.saveCategory(e)
			})
			// Until confirmed the field shows what the file holds.
			e.max.SetText(old.Short())
			return
		}
	}
	f := formSave[dossier.Category]{
		s:      t.s,
		key:    "category:" + e.id + ":",
		what:   "类别“" + t.cats[idx].Name + "”",
		fields: e.categoryFields(),
		write:  func(c *dossier.Category) error { return t.s.store.UpdateCategory(t.s.ruleCtx(), c) },
		again:  func() { t.saveCategory(e) },
		rebase: func(c dossier.Category) {
			for i := range t.cats {
				if t.cats[i].ID == c.ID {
					if c.Indicators == nil {
						c.Indicators = t.cats[i].Indicators
					}
					t.cats[i] = c
					t.catList.RefreshItem(i)
				}
			}
			t.updateSum()
		},
	}
	c, ok := f.run(t.cats[idx])
	if !ok {
		return
	}
	e.maxAgreed = 0
	t.cats[idx] = c
	t.catList.RefreshItem(idx)
	t.updateSum()
	t.fillTie()
}

var directions = []dossier.Direction{dossier.HigherBetter, dossier.LowerBetter}

func (t *settingsTab) fillIndicators(e *categoryEditor, c dossier.Category) {
	e.indicators.Objects = nil
	e.indicatorSaves = nil
	if len(c.Indicators) == 0 {
		e.indicators.Add(muted("此类别还没有量化指标。"))
	} else {
		e.indicators.Add(container.New(&columnsLayout{widths: []float32{220, 100, 120, 40}},
			boldLabel("指标名称"), boldLabel("计量单位"), boldLabel("方向"), widget.NewLabel("")))
	}
	for _, in := range c.Indicators {
		in := in
		name := newField(false)
		name.SetText(in.Name)
		unit := newField(false)
		unit.SetText(in.Unit)
		unit.SetPlaceHolder("个、所、%…")
		dir := widget.NewSelect([]string{dossier.HigherBetter.Label(), dossier.LowerBetter.Label()}, nil)
		dir.SetSelected(in.Direction.Label())
		type I = dossier.Indicator
		fields := []formField[I]{
			textField("指标名称", name, func(v I) string { return v.Name }, func(v *I, s string) { v.Name = s }),
			textField("计量单位", unit, func(v I) string { return v.Unit }, func(v *I, s string) { v.Unit = s }),
			{
				label:   "方向",
				shown:   func(v I) string { return v.Direction.Label() },
				typed:   func() string { return dir.Selected },
				load:    func(v I) { dir.SetSelected(v.Direction.Label()) },
				changed: func(v I) bool { return dir.Selected != v.Direction.Label() },
				set:     func(v *I) error { v.Direction = directions[dir.SelectedIndex()]; return nil },
			},
		}
		var saveIndicator func()
		saveIndicator = func() {
			f := formSave[I]{
				s:      t.s,
				key:    "category:" + e.id + ":indicator:" + in.ID + ":",
				what:   "指标“" + in.Name + "”",
				fields: fields,
				write:  func(v *I) error { return t.s.store.UpdateIndicator(t.s.ctx, v) },
				again:  saveIndicator,
				rebase: func(v I) { in = v },
			}
			if v, ok := f.run(in); ok {
				in = v
			}
		}
		save := newDebounce(saveIndicator)
		e.indicatorSaves = append(e.indicatorSaves, save)
		name.OnChanged = func(string) { save.poke() }
		unit.OnChanged = func(string) { save.poke() }
		name.onBlur, unit.onBlur = save.flush, save.flush
		dir.OnChanged = func(string) { save.poke(); save.flush() }
		rm := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			t.s.a.confirm("删除指标", "删除指标“"+in.Name+"”？", "删除", func() {
				if err := t.s.store.RemoveIndicator(t.s.ctx, in.ID, in.Version); err != nil {
					t.s.a.alert("不能删除指标", dossier.ErrorMessage(err))
					return
				}
				save.stop()
				t.s.errs.clearPrefix("category:" + e.id + ":indicator:" + in.ID + ":")
				t.reloadCategory(e)
			})
		})
		rm.Importance = widget.LowImportance
		e.indicators.Add(container.New(&columnsLayout{widths: []float32{220, 100, 120, 40}}, name, unit, dir, rm))
	}
	t.s.lockEditing(e.indicators)
	e.indicators.Refresh()
}

// reloadCategory re-reads the categories and redraws the editor's indicators.
func (t *settingsTab) reloadCategory(e *categoryEditor) {
	cats, err := t.s.store.Categories(t.s.ctx)
	if err != nil {
		t.s.a.alert("读取失败", dossier.ErrorMessage(err))
		return
	}
	t.cats = cats
	for _, c := range cats {
		if c.ID == e.id {
			t.fillIndicators(e, c)
		}
	}
}

func (t *settingsTab) askAddIndicator(e *categoryEditor) {
	name := widget.NewEntry()
	unit := widget.NewEntry()
	unit.SetPlaceHolder("例如：个、所、万元、%")
	dir := widget.NewSelect([]string{dossier.HigherBetter.Label(), dossier.LowerBetter.Label()}, nil)
	dir.SetSelectedIndex(0)
	form := []*widget.FormItem{
		widget.NewFormItem("指标名称", name),
		widget.NewFormItem("计量单位", unit),
		widget.NewFormItem("方向", dir),
	}
	t.s.a.formItemsDialog("新增量化指标", "添加", form, 480, func() error {
		if err := t.addIndicator(e.id, name.Text, unit.Text, directions[dir.SelectedIndex()]); err != nil {
			return err
		}
		t.reloadCategory(e)
		t.s.note("已新增量化指标“" + strings.TrimSpace(name.Text) + "”")
		return nil
	}).show(name)
}

func (t *settingsTab) addIndicator(catID, name, unit string, dir dossier.Direction) error {
	in := dossier.Indicator{CategoryID: catID, Name: name, Unit: unit, Direction: dir}
	if err := t.s.store.AddIndicator(t.s.ctx, &in); err != nil {
		return err
	}
	return nil
}

func (t *settingsTab) askAddCategory() {
	name := widget.NewEntry()
	slogan := widget.NewEntry()
	max := widget.NewEntry()
	max.SetText("20")
	form := []*widget.FormItem{
		widget.NewFormItem("类别名称", name),
		widget.NewFormItem("口号", slogan),
		widget.NewFormItem("满分", max),
	}
	var f *formDialog
	f = t.s.a.formItemsDialog("新增类别", "添加", form, 480, func() error {
		if msg := t.addWarning(); msg != "" {
			// Asked over the form, which stays open: a refusal after the
			// confirmation is said in it with everything still typed.
			t.s.a.confirm("新增类别", msg, "仍然新增", func() {
				if err := t.addCategory(name.Text, slogan.Text, max.Text); err != nil {
					f.msg.SetText(dossier.ErrorMessage(err))
					return
				}
				f.hide()
			})
			return errKeepOpen
		}
		return t.addCategory(name.Text, slogan.Text, max.Text)
	})
	f.show(name)
}

// addCategory appends a category and selects it.
func (t *settingsTab) addCategory(name, slogan, max string) error {
	m, err := dossier.ParseTenths(max)
	if err != nil {
		return err
	}
	c := dossier.Category{Name: name, Slogan: strings.TrimSpace(slogan), Max: m}
	if err := t.s.store.AddCategory(t.s.ruleCtx(), &c); err != nil {
		return err
	}
	t.sel = len(t.cats)
	t.refresh()
	return nil
}

func (t *settingsTab) moveCategory(d int) {
	i := t.sel
	j := i + d
	if i < 0 || j < 0 || j >= len(t.cats) {
		return
	}
	if t.catEdit != nil {
		t.catEdit.flush()
	}
	ids := make([]string, len(t.cats))
	for k, c := range t.cats {
		ids[k] = c.ID
	}
	ids[i], ids[j] = ids[j], ids[i]
	if err := t.s.store.ReorderCategories(t.s.ruleCtx(), ids); err != nil {
		t.s.a.alert("未能调整顺序", dossier.ErrorMessage(err))
		return
	}
	t.sel = -1
	t.catEdit = nil
	cats, _ := t.s.store.Categories(t.s.ctx)
	t.cats = cats
	t.catList.Refresh()
	t.catList.Select(j)
}

func (t *settingsTab) askRemoveCategory() {
	if t.sel < 0 || t.sel >= len(t.cats) {
		return
	}
	c := t.cats[t.sel]
	msg := "删除类别“" + c.Name + "”及其量化指标？"
	if w := t.removeWarning(c); w != "" {
		msg = w + "\n\n" + msg
	}
	t.s.a.confirm("删除类别", msg, "删除", func() { t.removeCategory(c.ID) })
}

// removeCategory deletes a category, or shows why the file refuses to.
func (t *settingsTab) removeCategory(id string) {
	var base int64
	for _, c := range t.cats {
		if c.ID == id {
			base = c.Version
		}
	}
	if err := t.s.store.RemoveCategory(t.s.ruleCtx(), id, base); err != nil {
		t.s.a.alert("不能删除类别", dossier.ErrorMessage(err))
		return
	}
	// The record is gone: its pending and failed edits go with it.
	if t.catEdit != nil && t.catEdit.id == id {
		t.catEdit.stop()
	}
	t.s.errs.clearPrefix("category:" + id + ":")
	t.catEdit = nil
	t.refresh()
}
