package ui

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // photos are stored as JPEG
	_ "image/png"  // or PNG
	"os"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	xdraw "golang.org/x/image/draw"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/export/photo"
)

// unitEditor edits one unit: its basic information, its achievements in one
// tab per category (sections of heading and text, with indicator values),
// and its photos. Every edit is saved as it is made: when the field is left
// or typing pauses.
type unitEditor struct {
	t    *unitsTab
	s    *session
	unit dossier.Unit // basic information as last saved; ID and revision
	cats []dossier.Category
	view fyne.CanvasObject
	tabs *wrapTabs

	header, sub *widget.Label

	code, name, region, kind, recommender, contact, phone, title *field
	summary                                                      *field
	summaryCount                                                 *zhLabel
	status                                                       *widget.Select
	basicSave                                                    *debounce

	panes    []*categoryPane
	photos   []dossier.Photo
	photoBox *fyne.Container
	photoTab *container.TabItem
	// photoBusy says a photo is being prepared in the background.
	photoBusy *widget.Label
	thumbs    map[*byte]image.Image
	// thumbMu guards thumbs, which background thumbnail jobs fill (through
	// fyne.Do, which the test driver runs on the job's goroutine).
	thumbMu sync.Mutex
	matSave *debounce
	what    []string // what changed since the last save of the material
}

// categoryPane is one category's tab: its sections and indicator values.
type categoryPane struct {
	cat      dossier.Category
	sections []*sectionEdit
	box      *fyne.Container
	values   []*valueEdit
}

// sectionEdit is one section of achievements: a heading and paragraphs.
type sectionEdit struct {
	heading, body *field
	count         *zhLabel
}

// valueEdit is one indicator's value, validated as typed.
type valueEdit struct {
	ind   dossier.Indicator
	entry *field
	note  *field
	msg   *zhLabel
	good  *dossier.IndicatorValue // the last valid value; nil when empty
}

func newUnitEditor(t *unitsTab, id string) (*unitEditor, error) {
	s := t.s
	u, err := s.store.Unit(s.ctx, id)
	if err != nil {
		return nil, err
	}
	cats, err := s.store.Categories(s.ctx)
	if err != nil {
		return nil, err
	}
	e := &unitEditor{t: t, s: s, unit: u, cats: cats, photos: append([]dossier.Photo(nil), u.Photos...), thumbs: map[*byte]image.Image{}}
	e.basicSave = newDebounce(e.saveBasic)
	e.matSave = newDebounce(e.saveMaterial)

	e.header = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.header.SizeName = theme.SizeNameSubHeadingText
	e.header.Truncation = fyne.TextTruncateEllipsis
	e.sub = widget.NewLabel("")
	e.sub.Importance = widget.LowImportance
	e.sub.SizeName = theme.SizeNameCaptionText
	e.updateHeader()

	items := []*container.TabItem{container.NewTabItem("基本信息", e.basicView())}
	for _, c := range cats {
		p := e.newCategoryPane(c, u)
		e.panes = append(e.panes, p)
		items = append(items, container.NewTabItem(c.Name, e.paneView(p)))
	}
	e.photoBox = container.NewVBox()
	e.photoTab = container.NewTabItem("图片", e.photosView())
	items = append(items, e.photoTab)
	e.fillPhotos()
	e.tabs = newWrapTabs(items...)
	e.tabs.OnSelected = func(*container.TabItem) { e.flush() }
	hist := widget.NewButtonWithIcon("修改记录", theme.HistoryIcon(), func() { e.showHistory() })
	hist.Importance = widget.LowImportance
	head := container.NewBorder(nil, nil, nil, container.NewVBox(hist), container.NewVBox(e.header, e.sub))
	e.view = container.NewBorder(head, nil, nil, nil, e.tabs)
	s.lockEditing(e.view)
	return e, nil
}

func (e *unitEditor) updateHeader() {
	e.header.SetText(e.unit.Code + "  " + e.unit.Name)
	parts := []string{string(e.unit.Status)}
	if e.unit.Region != "" {
		parts = append(parts, e.unit.Region)
	}
	if e.unit.Revision > 0 {
		parts = append(parts, fmt.Sprintf("第 %d 版", e.unit.Revision))
	}
	if e.s.readOnly() {
		parts = append(parts, "只读")
	} else {
		parts = append(parts, "修改即时保存")
	}
	e.sub.SetText(strings.Join(parts, " · "))
}

// flush saves what is pending.
func (e *unitEditor) flush() {
	e.basicSave.flush()
	e.matSave.flush()
}

// close stops pending timers; call flush first.
func (e *unitEditor) close() {
	e.basicSave.stop()
	e.matSave.stop()
}

func (e *unitEditor) basicView() fyne.CanvasObject {
	mk := func(text, hint string) *field {
		f := newField(false)
		f.SetText(text)
		f.SetPlaceHolder(hint)
		f.OnChanged = func(string) { e.basicSave.poke() }
		f.onBlur = e.basicSave.flush
		return f
	}
	u := e.unit
	e.code = mk(u.Code, "")
	e.name = mk(u.Name, "")
	e.region = mk(u.Region, "例如：郑州市")
	e.kind = mk(u.Kind, "例如：市级教育行政部门")
	e.recommender = mk(u.Recommender, "")
	e.contact = mk(u.Contact, "")
	e.phone = mk(u.Phone, "")
	e.title = mk(u.Title, "例如：高位推进“五大工程” 开创义务教育公平优质新局面")
	e.summary = newField(true)
	e.summary.SetText(u.Summary)
	e.summary.SetMinRowsVisible(6)
	e.summaryCount = muted("")
	e.summary.OnChanged = func(s string) {
		e.summaryCount.SetText(fmt.Sprintf("%d 字", countChars(s)))
		e.basicSave.poke()
	}
	e.summary.onBlur = e.basicSave.flush
	e.summaryCount.SetText(fmt.Sprintf("%d 字", countChars(u.Summary)))
	e.status = widget.NewSelect(statusLabels(), nil)
	e.status.SetSelected(string(u.Status))
	e.status.OnChanged = func(string) { e.basicSave.poke(); e.basicSave.flush() }
	form := widget.NewForm(
		widget.NewFormItem("申报编号", e.code),
		widget.NewFormItem("单位名称", e.name),
		widget.NewFormItem("所属地区", e.region),
		widget.NewFormItem("单位类型", e.kind),
		widget.NewFormItem("推荐单位", e.recommender),
		widget.NewFormItem("联系人", e.contact),
		widget.NewFormItem("联系电话", e.phone),
		widget.NewFormItem("状态", e.status),
		widget.NewFormItem("事迹标题", e.title),
		&widget.FormItem{Text: "事迹简介", Widget: container.NewBorder(nil, e.summaryCount, nil, nil, e.summary)},
	)
	return newVScroll(container.NewPadded(form))
}

// basicFields are the fields of the basic information form.
func (e *unitEditor) basicFields() []formField[dossier.Unit] {
	type U = dossier.Unit
	return []formField[U]{
		textField("申报编号", e.code, func(u U) string { return u.Code }, func(u *U, v string) { u.Code = v }),
		textField("单位名称", e.name, func(u U) string { return u.Name }, func(u *U, v string) { u.Name = v }),
		textField("所属地区", e.region, func(u U) string { return u.Region }, func(u *U, v string) { u.Region = v }),
		textField("单位类型", e.kind, func(u U) string { return u.Kind }, func(u *U, v string) { u.Kind = v }),
		textField("推荐单位", e.recommender, func(u U) string { return u.Recommender }, func(u *U, v string) { u.Recommender = v }),
		textField("联系人", e.contact, func(u U) string { return u.Contact }, func(u *U, v string) { u.Contact = v }),
		textField("联系电话", e.phone, func(u U) string { return u.Phone }, func(u *U, v string) { u.Phone = v }),
		textField("事迹标题", e.title, func(u U) string { return u.Title }, func(u *U, v string) { u.Title = v }),
		textField("事迹简介", e.summary, func(u U) string { return u.Summary }, func(u *U, v string) { u.Summary = v }),
		{
			label:   "状态",
			shown:   func(u U) string { return string(u.Status) },
			typed:   func() string { return e.status.Selected },
			load:    func(u U) { e.status.SetSelected(string(u.Status)) },
			changed: func(u U) bool { return dossier.Status(e.status.Selected) != u.Status },
			set:     func(u *U) error { u.Status = dossier.Status(e.status.Selected); return nil },
		},
	}
}

// saveBasic saves the basic information, each field on its own (see
// formSave): a code already taken does not keep a new name out of the file.
func (e *unitEditor) saveBasic() {
	if e.s.errs.has(staleKey(e.prefix())) {
		return // the user is choosing between this edit and a newer unit
	}
	f := formSave[dossier.Unit]{
		s:      e.s,
		key:    e.prefix() + "basic:",
		what:   e.named(),
		fields: e.basicFields(),
		write: func(u *dossier.Unit) error {
			// Basic information only: the material is saved on its own, and
			// the store would compare what it is given with the basic fields.
			b := *u
			b.Achievements, b.Values, b.Photos = nil, nil, nil
			err := e.s.store.UpdateUnit(e.s.ctx, &b)
			u.Version = b.Version
			e.ownWrite(err)
			return err
		},
		again:   e.saveBasic,
		onStale: e.conflict,
	}
	u, ok := f.run(e.unit)
	if ok {
		e.unit = u
		e.updateHeader()
		e.t.unitChanged(e.unit)
	}
}

// ownWrite notes that the editor's own save succeeded: that change is
// already on screen, so it alone is no reason to build the editor again
// when the units screen comes forward.
func (e *unitEditor) ownWrite(err error) {
	if err == nil {
		e.t.seen = e.s.store.Generation()
	}
}

// --- achievements and indicator values -------------------------------------

func (e *unitEditor) newCategoryPane(c dossier.Category, u dossier.Unit) *categoryPane {
	p := &categoryPane{cat: c, box: container.NewVBox()}
	for _, a := range u.Achievements {
		if a.CategoryID == c.ID {
			p.sections = append(p.sections, e.newSection(p, a.Heading, a.Body))
		}
	}
	if len(p.sections) == 0 {
		p.sections = append(p.sections, e.newSection(p, "", ""))
	}
	vals := map[string]dossier.IndicatorValue{}
	for _, v := range u.Values {
		vals[v.IndicatorID] = v
	}
	for _, in := range c.Indicators {
		v := &valueEdit{ind: in, entry: newField(false), note: newField(false), msg: newZhLabel("")}
		v.msg.Importance = widget.DangerImportance
		v.msg.SizeName = theme.SizeNameCaptionText
		v.msg.Hide()
		if old, ok := vals[in.ID]; ok {
			old := old
			v.good = &old
			if !old.NoValue {
				v.entry.SetText(dossier.FormatNumber(old.Value))
			}
			v.note.SetText(old.Note)
		}
		v.entry.SetPlaceHolder("数值")
		v.note.SetPlaceHolder("说明（可不填）")
		v.entry.OnChanged = func(string) { e.valueTyped(v) }
		v.note.OnChanged = func(string) { e.valueTyped(v) }
		v.entry.onBlur, v.note.onBlur = e.matSave.flush, e.matSave.flush
		p.values = append(p.values, v)
	}
	e.fillSections(p)
	return p
}

// valueTyped validates an indicator value as it is typed. A valid value
// (or an empty one) is taken into the material; an invalid one is shown
// in red and not saved, and the last valid value stays stored.
func (e *unitEditor) valueTyped(v *valueEdit) {
	text := strings.TrimSpace(v.entry.Text)
	note := strings.TrimSpace(v.note.Text)
	switch {
	case text == "" && note != "":
		// No exact figure: the note alone is kept (shown as “—”).
		v.good = &dossier.IndicatorValue{IndicatorID: v.ind.ID, NoValue: true, Note: note}
		v.showMsg("")
	case text == "":
		v.good = nil
		v.showMsg("")
	default:
		n, err := dossier.ParseNumber(text, v.ind.Unit)
		if err != nil {
			v.showMsg(err.Error() + "（未保存）")
			// Typed text that is not a value is an unsaved edit: leaving
			// the unit asks about it.
			e.s.invalid(e.valueKey(v), e.named()+"的量化指标“"+v.ind.Name+"”", "“"+text+"”"+dossier.ErrorMessage(err))
			return
		}
		v.good = &dossier.IndicatorValue{IndicatorID: v.ind.ID, Value: n, Note: note}
		if dossier.FormatNumber(n) != dossier.FoldWidth(strings.ReplaceAll(text, ",", "")) {
			v.showOK(fmt.Sprintf("按 %s 计为 %s", unitOrBlank(v.ind.Unit), dossier.FormatNumber(n)))
		} else {
			v.showMsg("")
		}
	}
	e.s.errs.clear(e.valueKey(v))
	e.materialEdited("量化指标“" + v.ind.Name + "”")
}

// valueKey is the error bar's key of an indicator value that is invalid.
func (e *unitEditor) valueKey(v *valueEdit) string {
	return "unit:" + e.unit.ID + ":value:" + v.ind.ID
}

// prefix starts the error bar's keys of the unit's unsaved edits.
func (e *unitEditor) prefix() string { return "unit:" + e.unit.ID + ":" }

// named is the unit as the user knows it, for messages.
func (e *unitEditor) named() string {
	return "单位“" + e.unit.Name + "”"
}

func unitOrBlank(u string) string {
	if u == "" {
		return "本指标单位"
	}
	return "“" + u + "”"
}

func (v *valueEdit) showMsg(msg string) {
	v.msg.Importance = widget.DangerImportance
	v.msg.SetText(msg)
	if msg == "" {
		v.msg.Hide()
	} else {
		v.msg.Show()
	}
}

func (v *valueEdit) showOK(msg string) {
	v.msg.Importance = widget.LowImportance
	v.msg.SetText(msg)
	v.msg.Show()
}

func (e *unitEditor) newSection(p *categoryPane, head, body string) *sectionEdit {
	sec := &sectionEdit{heading: newField(false), body: newField(true), count: muted("")}
	sec.heading.SetText(head)
	sec.heading.SetPlaceHolder("本节标题，例如：坚持“增学位、补短板”，实施优化扩充工程")
	sec.body.SetText(body)
	sec.body.SetPlaceHolder("正文。每段一行，段与段之间换行。")
	sec.body.SetMinRowsVisible(9)
	sec.count.SetText(fmt.Sprintf("正文 %d 字，%d 段", countChars(body), len(dossier.Paragraphs(body))))
	what := "事迹材料“" + p.cat.Name + "”"
	sec.heading.OnChanged = func(string) { e.materialEdited(what) }
	sec.body.OnChanged = func(s string) {
		sec.count.SetText(fmt.Sprintf("正文 %d 字，%d 段", countChars(s), len(dossier.Paragraphs(s))))
		e.materialEdited(what)
	}
	sec.heading.onBlur, sec.body.onBlur = e.matSave.flush, e.matSave.flush
	return sec
}

// fillSections lays out a category's sections in their order.
func (e *unitEditor) fillSections(p *categoryPane) {
	p.box.Objects = nil
	n := len(p.sections)
	for i, sec := range p.sections {
		i, sec := i, sec
		up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { e.moveSection(p, i, -1) })
		down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { e.moveSection(p, i, 1) })
		rm := widget.NewButtonWithIcon("删除本节", theme.DeleteIcon(), func() { e.askRemoveSection(p, i) })
		up.Importance, down.Importance, rm.Importance = widget.LowImportance, widget.LowImportance, widget.LowImportance
		if i == 0 {
			up.Disable()
		}
		if i == n-1 {
			down.Disable()
		}
		title := boldLabel(fmt.Sprintf("第 %d 节", i+1))
		p.box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(up, down, rm), title))
		p.box.Add(sec.heading)
		p.box.Add(sec.body)
		p.box.Add(sec.count)
	}
	p.box.Refresh()
}

func (e *unitEditor) moveSection(p *categoryPane, i, d int) {
	j := i + d
	if j < 0 || j >= len(p.sections) {
		return
	}
	p.sections[i], p.sections[j] = p.sections[j], p.sections[i]
	e.fillSections(p)
	e.materialEdited("事迹材料“" + p.cat.Name + "”的顺序")
	e.matSave.flush()
}

func (e *unitEditor) askRemoveSection(p *categoryPane, i int) {
	sec := p.sections[i]
	if strings.TrimSpace(sec.heading.Text) == "" && strings.TrimSpace(sec.body.Text) == "" {
		e.removeSection(p, i)
		return
	}
	e.s.a.confirm("删除本节", fmt.Sprintf("删除“%s”第 %d 节（%d 字）？修改记录会记下这次删除，但不保存被删除的文字。", p.cat.Name, i+1, countChars(sec.body.Text)), "删除", func() {
		e.removeSection(p, i)
	})
}

func (e *unitEditor) removeSection(p *categoryPane, i int) {
	p.sections = append(p.sections[:i:i], p.sections[i+1:]...)
	e.fillSections(p)
	e.materialEdited("事迹材料“" + p.cat.Name + "”")
	e.matSave.flush()
}

func (e *unitEditor) addSection(p *categoryPane) *sectionEdit {
	sec := e.newSection(p, "", "")
	p.sections = append(p.sections, sec)
	e.fillSections(p)
	e.s.a.win.Canvas().Focus(sec.heading)
	return sec
}

func (e *unitEditor) paneView(p *categoryPane) fyne.CanvasObject {
	top := container.NewVBox()
	if p.cat.Slogan != "" || p.cat.Description != "" {
		top.Add(muted(strings.TrimSpace(p.cat.Slogan + "　" + p.cat.Description)))
	}
	add := widget.NewButtonWithIcon("添加一节", theme.ContentAddIcon(), func() { e.addSection(p) })
	body := container.NewVBox(top, p.box, container.NewHBox(add))
	if len(p.values) > 0 {
		body.Add(widget.NewSeparator())
		body.Add(heading("量化指标"))
		for _, v := range p.values {
			unit := widget.NewLabel(v.ind.Unit)
			name := widget.NewLabel(v.ind.Name)
			name.Truncation = fyne.TextTruncateEllipsis
			if v.ind.Direction == dossier.LowerBetter {
				name.SetText(v.ind.Name + "（越低越好）")
			}
			row := container.New(&columnsLayout{widths: []float32{190, 130, 60, 180}}, name, v.entry, unit, v.note)
			body.Add(row)
			body.Add(v.msg)
		}
	}
	return newVScroll(container.NewPadded(body))
}

// materialEdited marks the material changed and schedules its save.
func (e *unitEditor) materialEdited(what string) {
	for _, w := range e.what {
		if w == what {
			e.matSave.poke()
			return
		}
	}
	e.what = append(e.what, what)
	e.matSave.poke()
}

// material gathers the unit's material as the editor holds it: sections
// with any text, valid indicator values, photos.
func (e *unitEditor) material() dossier.Unit {
	u := e.unit
	u.Achievements, u.Values = nil, nil
	for _, p := range e.panes {
		for _, sec := range p.sections {
			head := strings.TrimSpace(sec.heading.Text)
			body := strings.TrimSpace(strings.ReplaceAll(sec.body.Text, "\r\n", "\n"))
			if head == "" && body == "" {
				continue
			}
			u.Achievements = append(u.Achievements, dossier.Achievement{CategoryID: p.cat.ID, Heading: head, Body: body})
		}
		for _, v := range p.values {
			if v.good != nil {
				v.good.Note = strings.TrimSpace(v.note.Text)
				u.Values = append(u.Values, *v.good)
			}
		}
	}
	u.Photos = e.photos
	return u
}

func (e *unitEditor) saveMaterial() {
	what := "事迹材料"
	if len(e.what) > 0 {
		what = strings.Join(e.what, "、")
	}
	if e.s.errs.has(staleKey(e.prefix())) {
		return // the user is choosing between this edit and a newer unit
	}
	e.s.saveOr(e.prefix()+"material", e.named()+"的"+what, func() error {
		m := e.material()
		if err := e.s.store.SetMaterial(e.s.ctx, &m, "在应用中修改"+what); err != nil {
			return err
		}
		e.ownWrite(nil)
		e.unit.Version = m.Version
		e.what = nil
		return nil
	}, func(cur any) {
		if u, ok := asRecord[dossier.Unit](cur); ok {
			e.conflict(u)
		}
	})
}

// --- photos ----------------------------------------------------------------

func (e *unitEditor) photosView() fyne.CanvasObject {
	add := widget.NewButtonWithIcon("添加图片…", theme.ContentAddIcon(), func() {
		e.s.a.pick.openFiles("添加图片", imageExts, e.addPhotosInBackground)
	})
	add.Importance = widget.HighImportance
	help := muted("图片会自动转正、压缩为适合打印的 JPEG 或 PNG。可填写说明、指定所属类别、调整顺序。")
	e.photoBusy = widget.NewLabel("")
	e.photoBusy.Importance = widget.LowImportance
	e.photoBusy.Hide()
	return container.NewBorder(container.NewVBox(container.NewHBox(add, e.photoBusy), help), nil, nil, nil,
		newVScroll(e.photoBox))
}

// addPhotoInBackground adds one picture as addPhotosInBackground does.
func (e *unitEditor) addPhotoInBackground(path string) { e.addPhotosInBackground([]string{path}) }

// addPhotosInBackground reads, normalises and thumbnails pictures in a
// background job (a 40 MP camera photo takes seconds), while the window
// stays responsive and says which file it is on; then it adds those that
// could be read, in the order chosen, in one save. Every file that is not
// a usable picture is listed by name with its reason; the others are added
// all the same.
func (e *unitEditor) addPhotosInBackground(paths []string) {
	if len(paths) == 0 {
		return
	}
	catID := e.selectedCategory()
	busy := func(i int) string {
		if len(paths) == 1 {
			return "正在处理图片 " + filepath.Base(paths[i]) + "…"
		}
		return fmt.Sprintf("正在处理图片 %d/%d：%s…", i+1, len(paths), filepath.Base(paths[i]))
	}
	e.photoBusy.SetText(busy(0))
	e.photoBusy.Show()
	e.s.goJob(func() {
		var ready []preparedPhoto
		var bad []string
		for i, path := range paths {
			if i > 0 {
				msg := busy(i)
				onUI(func() { e.photoBusy.SetText(msg) })
			}
			p, thumb, err := preparePhoto(path)
			if err != nil {
				bad = append(bad, dossier.ErrorMessage(err))
				continue
			}
			p.CategoryID = catID
			ready = append(ready, preparedPhoto{p, thumb})
		}
		onUI(func() {
			e.photoBusy.Hide()
			e.addPrepared(ready...)
			switch {
			case len(bad) == 0:
			case len(paths) == 1:
				e.s.a.alert("未能添加图片", bad[0])
			default:
				head := fmt.Sprintf("%d 个文件未能添加为图片", len(bad))
				if len(ready) > 0 {
					head += fmt.Sprintf("，其余 %d 张已添加", len(ready))
				}
				e.s.a.alert("部分图片未能添加", head+"：\n"+strings.Join(bad, "\n"))
			}
		})
	})
}

// preparedPhoto is a normalised photo and its thumbnail.
type preparedPhoto struct {
	p     dossier.Photo
	thumb image.Image
}

// addPhotoFile reads a picture, normalises it for printing and adds it,
// all on the calling goroutine.
func (e *unitEditor) addPhotoFile(path string) error {
	p, thumb, err := preparePhoto(path)
	if err != nil {
		return err
	}
	p.CategoryID = e.selectedCategory()
	e.addPrepared(preparedPhoto{p, thumb})
	return nil
}

// selectedCategory is the category whose tab is open, "" for another tab:
// a photo added there belongs to it.
func (e *unitEditor) selectedCategory() string {
	if i := e.tabs.SelectedIndex() - 1; i >= 0 && i < len(e.cats) {
		return e.cats[i].ID
	}
	return ""
}

// preparePhoto reads a picture file, normalises it (photo.Normalize) and
// makes its thumbnail. It touches no widget, so it runs in the background.
func preparePhoto(path string) (dossier.Photo, image.Image, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return dossier.Photo{}, nil, dossier.Errorf(dossier.EINVALID, "无法读取图片文件 %s：%s", path, osReason(err))
	}
	p, err := photo.Normalize(data)
	if err != nil {
		// The reason alone does not say which of several files it was.
		return dossier.Photo{}, nil, dossier.Errorf(dossier.EINVALID, "%s：%s", filepath.Base(path), dossier.ErrorMessage(err))
	}
	p.Caption = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return p, makeThumb(p.Data), nil
}

// addPrepared adds normalised photos with their thumbnails and saves them
// in one write.
func (e *unitEditor) addPrepared(ps ...preparedPhoto) {
	if len(ps) == 0 {
		return
	}
	for _, pp := range ps {
		p := pp.p
		if len(p.Data) > 0 && pp.thumb != nil {
			e.thumbMu.Lock()
			e.thumbs[&p.Data[0]] = pp.thumb
			e.thumbMu.Unlock()
		}
		e.photos = append(e.photos, p)
	}
	e.fillPhotos()
	e.materialEdited("图片")
	e.matSave.flush()
}

func (e *unitEditor) fillPhotos() {
	e.photoBox.Objects = nil
	e.photoTab.Text = fmt.Sprintf("图片（%d）", len(e.photos))
	if e.tabs != nil {
		e.tabs.Refresh()
	}
	if len(e.photos) == 0 {
		e.photoBox.Add(muted("还没有图片。"))
	}
	catNames := []string{"（不指定类别）"}
	for _, c := range e.cats {
		catNames = append(catNames, c.Name)
	}
	n := len(e.photos)
	var late []lateThumb
	for i := range e.photos {
		i := i
		p := &e.photos[i]
		t, ok := e.thumb(p)
		img := canvas.NewImageFromImage(t)
		if !ok {
			late = append(late, lateThumb{key: &p.Data[0], data: p.Data, img: img})
		}
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(160, 110))
		caption := newField(false)
		caption.SetText(p.Caption)
		caption.SetPlaceHolder("图片说明")
		caption.OnChanged = func(s string) {
			e.photos[i].Caption = strings.TrimSpace(s)
			e.materialEdited("图片说明")
		}
		caption.onBlur = e.matSave.flush
		cat := widget.NewSelect(catNames, nil)
		cat.SetSelectedIndex(0)
		for k, c := range e.cats {
			if c.ID == p.CategoryID {
				cat.SetSelectedIndex(k + 1)
			}
		}
		cat.OnChanged = func(string) {
			k := cat.SelectedIndex()
			e.photos[i].CategoryID = ""
			if k > 0 {
				e.photos[i].CategoryID = e.cats[k-1].ID
			}
			e.materialEdited("图片类别")
			e.matSave.flush()
		}
		up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { e.movePhoto(i, -1) })
		down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { e.movePhoto(i, 1) })
		view := widget.NewButtonWithIcon("预览", theme.VisibilityIcon(), func() { e.preview(i) })
		rm := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() {
			e.s.a.confirm("删除图片", "删除第 "+fmt.Sprint(i+1)+" 张图片？修改记录会记下这次删除，但不保存被删除的图片。", "删除", func() { e.removePhoto(i) })
		})
		if i == 0 {
			up.Disable()
		}
		if i == n-1 {
			down.Disable()
		}
		info := muted(fmt.Sprintf("第 %d 张 · %d×%d 像素 · %s · %d KB", i+1, p.Width, p.Height, strings.ToUpper(p.Format), (len(p.Data)+1023)/1024))
		fields := container.NewVBox(caption, cat, info)
		buttons := container.NewVBox(container.NewHBox(up, down), view, rm)
		e.photoBox.Add(container.NewBorder(nil, nil, img, buttons, fields))
		e.photoBox.Add(widget.NewSeparator())
	}
	e.photoBox.Refresh()
	e.makeThumbs(late)
}

// lateThumb is a thumbnail still to be made, and the image to show it in.
type lateThumb struct {
	key  *byte
	data []byte
	img  *canvas.Image
}

// thumb returns the photo's thumbnail and true when it is made; else a
// blank placeholder (fillPhotos has the thumbnail made in the background:
// decoding a stored photo takes a tenth of a second).
func (e *unitEditor) thumb(p *dossier.Photo) (image.Image, bool) {
	if len(p.Data) == 0 {
		return image.NewRGBA(image.Rect(0, 0, 1, 1)), true
	}
	e.thumbMu.Lock()
	t, ok := e.thumbs[&p.Data[0]]
	e.thumbMu.Unlock()
	if ok {
		return t, true
	}
	return image.NewRGBA(image.Rect(0, 0, 1, 1)), false
}

// makeThumbs makes the missing thumbnails off the UI thread and shows each
// when it is ready. It is not counted as a running job (closing the
// campaign waits for it without asking the user to wait).
func (e *unitEditor) makeThumbs(late []lateThumb) {
	if len(late) == 0 {
		return
	}
	e.s.goQuiet(func() {
		for _, l := range late {
			t := makeThumb(l.data)
			e.thumbMu.Lock()
			e.thumbs[l.key] = t
			e.thumbMu.Unlock()
			onUI(func() {
				l.img.Image = t
				l.img.Refresh()
			})
		}
	})
}

// makeThumb is a small copy of a picture for the photo list.
func makeThumb(data []byte) image.Image {
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	b := src.Bounds()
	scale := min(320/float64(b.Dx()), 220/float64(b.Dy()), 1)
	w, h := max(1, int(float64(b.Dx())*scale)), max(1, int(float64(b.Dy())*scale))
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	xdraw.ApproxBiLinear.Scale(dst, dst.Bounds(), src, b, xdraw.Src, nil)
	return dst
}

func (e *unitEditor) movePhoto(i, d int) {
	j := i + d
	if j < 0 || j >= len(e.photos) {
		return
	}
	e.photos[i], e.photos[j] = e.photos[j], e.photos[i]
	e.fillPhotos()
	e.materialEdited("图片顺序")
	e.matSave.flush()
}

func (e *unitEditor) removePhoto(i int) {
	if i < 0 || i >= len(e.photos) {
		return
	}
	e.photos = append(e.photos[:i:i], e.photos[i+1:]...)
	e.fillPhotos()
	e.materialEdited("图片")
	e.matSave.flush()
}

func (e *unitEditor) preview(i int) {
	p := e.photos[i]
	img := canvas.NewImageFromResource(fyne.NewStaticResource("photo."+p.Format, p.Data))
	img.FillMode = canvas.ImageFillContain
	size := e.s.a.win.Canvas().Size()
	img.SetMinSize(fyne.NewSize(size.Width*0.75, size.Height*0.7))
	title := p.Caption
	if title == "" {
		title = fmt.Sprintf("第 %d 张图片", i+1)
	}
	dialog.NewCustom(title, "关闭", img, e.s.a.win).Show()
}
