package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
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
	loading                                      bool

	cats    []dossier.Category
	sel     int
	catList *widget.List
	sumLbl  *widget.Label
	detail  *fyne.Container
	catEdit *categoryEditor
}

// categoryEditor is the form of the selected category and its indicators.
type categoryEditor struct {
	id                 string
	name, slogan, desc *field
	max                *field
	maxCheck           fyne.StringValidator
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
	t.yearCheck = intValidator(1900, 2200, "请填写四位年份")
	t.date = mk("YYYY-MM-DD")
	t.quota = mk("例如：10")
	t.quotaCheck = intValidator(0, 100000, "请填写整数")
	t.trimMin = mk("至少 3")
	t.trimCheck = intValidator(dossier.MinTrimMin, 1000, fmt.Sprintf("请填写不小于 %d 的整数", dossier.MinTrimMin))

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
	)
	tieHelp := muted("总分相同时依次比较下列类别的得分，高者在前；未设置或仍相同的为并列。")
	left := container.NewVBox(heading("评选活动"), form, widget.NewSeparator(),
		heading("同分比较顺序"), tieHelp, t.tieBox, t.tieAdd)

	t.sumLbl = widget.NewLabel("")
	t.sumLbl.Wrapping = fyne.TextWrapBreak
	t.catList = widget.NewList(
		func() int { return len(t.cats) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("")
			name.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, nil, widget.NewLabel("20 分"), name)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%d. %s", i+1, t.cats[i].Name))
			c.Objects[1].(*widget.Label).SetText(t.cats[i].Max.Short() + " 分")
		})
	t.catList.OnSelected = func(i widget.ListItemID) { t.selectCategory(i) }
	add := widget.NewButtonWithIcon("新增", theme.ContentAddIcon(), t.askAddCategory)
	up := widget.NewButtonWithIcon("上移", theme.MoveUpIcon(), func() { t.moveCategory(-1) })
	down := widget.NewButtonWithIcon("下移", theme.MoveDownIcon(), func() { t.moveCategory(1) })
	del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), t.askRemoveCategory)
	listBox := container.NewBorder(nil, container.NewGridWithColumns(2, add, del, up, down), nil, nil, t.catList)
	t.detail = container.NewStack(muted("选择左侧的类别进行编辑。"))
	cats := container.NewHSplit(listBox, container.NewVScroll(t.detail))
	cats.Offset = 0.32
	right := container.NewBorder(container.NewVBox(heading("类别与指标"), t.sumLbl), nil, nil, nil, cats)

	split := container.NewHSplit(container.NewVScroll(container.NewPadded(left)), container.NewPadded(right))
	split.Offset = 0.36
	t.view = split
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
	if !t.s.errs.has("campaign") {
		t.loading = true
		t.title.SetText(c.Title)
		t.organiser.SetText(c.Organiser)
		t.year.SetText(itoaOrEmpty(c.Year))
		t.date.SetText(c.Date)
		t.quota.SetText(strconv.Itoa(c.Quota))
		t.trimMin.SetText(strconv.Itoa(c.TrimMin))
		t.tie = append([]string(nil), c.TieBreak...)
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
	if t.catEdit != nil && t.s.errs.hasPrefix("category:"+t.catEdit.id) {
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

func intValidator(lo, hi int, msg string) fyne.StringValidator {
	return func(s string) error {
		n, err := strconv.Atoi(strings.TrimSpace(dossier.FoldWidth(s)))
		if err != nil || n < lo || n > hi {
			return dossier.Errorf(dossier.EINVALID, "%s", msg)
		}
		return nil
	}
}

func dateValidator(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	c := dossier.Campaign{Date: s}
	if c.DateTime().IsZero() {
		return dossier.Errorf(dossier.EINVALID, "日期应为 YYYY-MM-DD，例如 2022-03-15")
	}
	return nil
}

// campaignFromForm reads the form into campaign settings.
func (t *settingsTab) campaignFromForm() (dossier.Campaign, error) {
	c := t.s.campaign
	c.Title = strings.TrimSpace(t.title.Text)
	c.Organiser = strings.TrimSpace(t.organiser.Text)
	c.Date = strings.TrimSpace(t.date.Text)
	if err := dateValidator(c.Date); err != nil {
		return c, err
	}
	c.Year = 0
	if y := strings.TrimSpace(t.year.Text); y != "" {
		if err := t.yearCheck(y); err != nil {
			return c, err
		}
		c.Year, _ = strconv.Atoi(dossier.FoldWidth(y))
	}
	for _, f := range []struct {
		e     *field
		check fyne.StringValidator
		dst   *int
		lbl   string
	}{{t.quota, t.quotaCheck, &c.Quota, "拟表彰名额"}, {t.trimMin, t.trimCheck, &c.TrimMin, "去高去低起点"}} {
		if err := f.check(f.e.Text); err != nil {
			return c, dossier.Errorf(dossier.EINVALID, "%s：%s", f.lbl, dossier.ErrorMessage(err))
		}
		*f.dst, _ = strconv.Atoi(strings.TrimSpace(dossier.FoldWidth(f.e.Text)))
	}
	c.TieBreak = append([]string(nil), t.tie...)
	return c, nil
}

func (t *settingsTab) saveCampaign() {
	t.s.save("campaign", "评选设置", func() error {
		c, err := t.campaignFromForm()
		if err != nil {
			return err
		}
		if err := t.s.store.UpdateCampaign(t.s.ruleCtx(), &c); err != nil {
			return err
		}
		t.s.campaignChanged(c)
		return nil
	})
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
	var sum dossier.Tenths
	for _, c := range t.cats {
		sum += c.Max
	}
	switch {
	case len(t.cats) == 0:
		t.sumLbl.SetText("还没有类别。")
		t.sumLbl.Importance = widget.WarningImportance
	case sum != dossier.Points(100):
		t.sumLbl.SetText(fmt.Sprintf("注意：各类别满分合计 %s 分，不是 100 分。总分是各类别得分之和，请核对各类别的满分。", sum.Short()))
		t.sumLbl.Importance = widget.WarningImportance
	default:
		t.sumLbl.SetText(fmt.Sprintf("共 %d 个类别，满分合计 100 分。", len(t.cats)))
		t.sumLbl.Importance = widget.MediumImportance
	}
	t.sumLbl.Refresh()
}

// SumWarning is the text above the categories (for tests).
func (t *settingsTab) sumText() string { return t.sumLbl.Text }

func (t *settingsTab) selectCategory(i int) {
	if i == t.sel {
		return
	}
	if t.catEdit != nil {
		t.catEdit.flush()
		if t.catEdit.id != "" && i >= 0 && i < len(t.cats) && t.cats[i].ID != t.catEdit.id &&
			t.s.unsaved("category:"+t.catEdit.id, "类别") {
			return
		}
	}
	t.sel = i
	if i < 0 || i >= len(t.cats) {
		return
	}
	t.catEdit = t.newCategoryEditor(i)
	t.detail.Objects = []fyne.CanvasObject{t.catEdit.view(t)}
	t.detail.Refresh()
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
		if v <= 0 {
			return dossier.Errorf(dossier.EINVALID, "满分应大于 0")
		}
		return nil
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
	t.s.save("category:"+e.id, "类别“"+strings.TrimSpace(e.name.Text)+"”", func() error {
		c := t.cats[idx]
		c.Name = strings.TrimSpace(e.name.Text)
		c.Slogan = strings.TrimSpace(e.slogan.Text)
		c.Description = strings.TrimSpace(e.desc.Text)
		if err := e.maxCheck(e.max.Text); err != nil {
			return dossier.Errorf(dossier.EINVALID, "满分“%s”无效：%s", e.max.Text, dossier.ErrorMessage(err))
		}
		c.Max, _ = dossier.ParseTenths(e.max.Text)
		if err := t.s.store.UpdateCategory(t.s.ruleCtx(), &c); err != nil {
			return err
		}
		t.cats[idx] = c
		t.s.changed++
		t.catList.RefreshItem(idx)
		t.updateSum()
		t.fillTie()
		return nil
	})
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
		var save *debounce
		save = newDebounce(func() {
			t.s.save("indicator:"+in.ID, "指标“"+strings.TrimSpace(name.Text)+"”", func() error {
				v := in
				v.Name, v.Unit = strings.TrimSpace(name.Text), strings.TrimSpace(unit.Text)
				v.Direction = directions[dir.SelectedIndex()]
				if err := t.s.store.UpdateIndicator(t.s.ctx, &v); err != nil {
					return err
				}
				in = v
				t.s.changed++
				return nil
			})
		})
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
				t.s.changed++
				t.reloadCategory(e)
			})
		})
		rm.Importance = widget.LowImportance
		e.indicators.Add(container.New(&columnsLayout{widths: []float32{220, 100, 120, 40}}, name, unit, dir, rm))
	}
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
	d := dialog.NewForm("新增量化指标", "添加", "取消", form, func(ok bool) {
		if !ok {
			return
		}
		if err := t.addIndicator(e.id, name.Text, unit.Text, directions[dir.SelectedIndex()]); err != nil {
			t.s.a.alert("未能添加指标", dossier.ErrorMessage(err))
			return
		}
		t.reloadCategory(e)
	}, t.s.a.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

func (t *settingsTab) addIndicator(catID, name, unit string, dir dossier.Direction) error {
	in := dossier.Indicator{CategoryID: catID, Name: name, Unit: unit, Direction: dir}
	if err := t.s.store.AddIndicator(t.s.ctx, &in); err != nil {
		return err
	}
	t.s.changed++
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
	d := dialog.NewForm("新增类别", "添加", "取消", form, func(ok bool) {
		if !ok {
			return
		}
		if err := t.addCategory(name.Text, slogan.Text, max.Text); err != nil {
			t.s.a.alert("未能添加类别", dossier.ErrorMessage(err))
		}
	}, t.s.a.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
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
	t.s.changed++
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
	t.s.changed++
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
	t.s.a.confirm("删除类别", "删除类别“"+c.Name+"”及其量化指标？", "删除", func() { t.removeCategory(c.ID) })
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
	t.s.changed++
	t.catEdit = nil
	t.refresh()
}
