package ui

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
)

const (
	allStatuses = "全部状态"
	allKinds    = "全部类型"
)

// unitColumns are the unit list's columns and their widths.
var unitColumns = []struct {
	title string
	width float32
}{{"申报编号", 112}, {"单位名称", 232}, {"所属地区", 112}, {"状态", 72}}

// unitsTab lists the units, with search and filters, beside the editor of
// the selected unit. The list is a virtualised table: it paints only the
// rows in view, so thousands of units cost no more than a dozen.
type unitsTab struct {
	s    *session
	view fyne.CanvasObject

	all   []dossier.Unit // sorted by code
	keys  []string       // what search matches, per unit
	shown []int          // indexes into all, after search and filters

	search    *widget.Entry
	statusSel *widget.Select
	kindSel   *widget.Select
	count     *widget.Label
	table     *widget.Table

	editorSlot *fyne.Container
	editor     *unitEditor
	selID      string
	seen       uint64 // store generation when the editor was built or last saved
}

func newUnitsTab(s *session) *unitsTab {
	t := &unitsTab{s: s}
	s.onFlush(func() {
		if t.editor != nil {
			t.editor.flush()
		}
	})
	t.search = widget.NewEntry()
	t.search.SetPlaceHolder("按名称、申报编号或地区查找")
	t.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	t.search.OnChanged = func(string) { t.filter() }
	t.statusSel = widget.NewSelect(append([]string{allStatuses}, statusLabels()...), nil)
	t.statusSel.SetSelected(allStatuses)
	t.kindSel = widget.NewSelect([]string{allKinds}, nil)
	t.kindSel.SetSelected(allKinds)
	t.count = widget.NewLabel("")
	t.count.Importance = widget.LowImportance
	t.count.SizeName = theme.SizeNameCaptionText

	t.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(t.shown), len(unitColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(canvas.NewRectangle(nil), l)
		},
		t.updateCell)
	t.table.ShowHeaderColumn = false
	t.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(unitColumns) {
			o.(*widget.Label).SetText(unitColumns[id.Col].title)
		}
	}
	for i, c := range unitColumns {
		t.table.SetColumnWidth(i, c.width)
	}
	t.statusSel.OnChanged = func(string) { t.filter() }
	t.kindSel.OnChanged = func(string) { t.filter() }
	t.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(t.shown) {
			t.open(t.all[t.shown[id.Row]].ID)
		}
		t.table.UnselectAll()
	}

	add := widget.NewButtonWithIcon("新增单位…", theme.ContentAddIcon(), t.askAdd)
	add.Importance = widget.HighImportance
	s.lockEditing(add)
	filters := container.NewGridWithColumns(2, t.statusSel, t.kindSel)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, add, t.search),
		filters,
		t.count,
	)
	list := container.NewBorder(top, nil, nil, nil, fastTable(t.table))
	t.editorSlot = container.NewStack(t.placeholder())
	split := container.NewHSplit(list, t.editorSlot)
	split.Offset = 0.44
	t.view = split
	return t
}

func (t *unitsTab) content() fyne.CanvasObject { return t.view }

func (t *unitsTab) placeholder() fyne.CanvasObject {
	return container.NewCenter(fixedWidth(360, muted("在左侧选择一个单位查看和编辑材料，或点“新增单位…”。申报表可在“导入申报表”中批量导入。")))
}

func statusLabels() []string {
	out := make([]string, len(dossier.Statuses))
	for i, s := range dossier.Statuses {
		out[i] = string(s)
	}
	return out
}

func (t *unitsTab) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	bg := c.Objects[0].(*canvas.Rectangle)
	l := c.Objects[1].(*widget.Label)
	if id.Row < 0 || id.Row >= len(t.shown) {
		l.SetText("")
		return
	}
	u := &t.all[t.shown[id.Row]]
	var text string
	switch id.Col {
	case 0:
		text = u.Code
	case 1:
		text = u.Name
	case 2:
		text = u.Region
	case 3:
		text = string(u.Status)
	}
	imp := widget.MediumImportance
	if u.Status == dossier.StatusWithdrawn {
		imp = widget.LowImportance
	} else if u.Status == dossier.StatusPending && id.Col == 3 {
		imp = widget.WarningImportance
	}
	if l.Text != text || l.Importance != imp {
		l.Text = text
		l.Importance = imp
		l.Refresh()
	}
	var fill = theme.Color(theme.ColorNameBackground)
	if u.ID == t.selID {
		fill = colSealSoft
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
}

// refresh reloads the units from the file. An open editor stays, with
// what is typed in it, unless its unit was changed elsewhere (a re-import)
// or the categories and indicators changed: then it is built again.
func (t *unitsTab) refresh() {
	units, err := t.s.store.Units(t.s.ctx)
	if err != nil {
		t.s.a.alert("读取失败", dossier.ErrorMessage(err))
		return
	}
	t.setUnits(units)
	if t.editor == nil && len(t.shown) > 0 {
		t.open(t.all[t.shown[0]].ID)
		return
	}
	if t.editor == nil {
		return
	}
	// Anything written since (another screen, an import, a restore, or
	// another program: Poll) may change what the editor shows.
	stale := t.seen != t.s.store.Poll(t.s.ctx)
	for _, u := range units {
		if u.ID == t.editor.unit.ID && (u.Revision != t.editor.unit.Revision || u.Version != t.editor.unit.Version) {
			stale = true
		}
	}
	if !stale {
		return
	}
	t.editor.flush()
	if !t.s.errs.hasPrefix("unit:" + t.editor.unit.ID + ":") {
		id := t.editor.unit.ID
		t.editor.close()
		t.editor, t.selID = nil, ""
		t.show(id)
	}
}

func (t *unitsTab) setUnits(units []dossier.Unit) {
	t.all = units
	t.keys = make([]string, len(units))
	kinds := map[string]bool{}
	for i, u := range units {
		t.keys[i] = searchKey(u.Code + "\x00" + u.Name + "\x00" + u.Region)
		if u.Kind != "" {
			kinds[u.Kind] = true
		}
	}
	opts := []string{allKinds}
	for k := range kinds {
		opts = append(opts, k)
	}
	sort.Strings(opts[1:])
	t.kindSel.Options = opts
	t.kindSel.Refresh()
	t.filter()
}

// searchKey folds text for matching: lower case, half-width.
func searchKey(s string) string {
	return strings.ToLower(dossier.FoldWidth(s))
}

// filter applies the search text and the filters.
func (t *unitsTab) filter() {
	q := searchKey(strings.TrimSpace(t.search.Text))
	status := t.statusSel.Selected
	kind := t.kindSel.Selected
	t.shown = t.shown[:0]
	for i := range t.all {
		u := &t.all[i]
		if status != "" && status != allStatuses && string(u.Status) != status {
			continue
		}
		if kind != "" && kind != allKinds && u.Kind != kind {
			continue
		}
		if q != "" && !strings.Contains(t.keys[i], q) {
			continue
		}
		t.shown = append(t.shown, i)
	}
	if len(t.shown) == len(t.all) {
		t.count.SetText(fmt.Sprintf("共 %d 个单位", len(t.all)))
	} else {
		t.count.SetText(fmt.Sprintf("共 %d 个单位，显示 %d 个", len(t.all), len(t.shown)))
	}
	t.table.Refresh()
}

// open shows the editor of a unit. The editor of another unit first saves
// what is pending; if an edit of it is still not in the file the user is
// asked (see session.leave), and on 取消 it stays.
func (t *unitsTab) open(id string) {
	ed := t.editor
	if ed == nil {
		t.show(id)
		return
	}
	if ed.unit.ID == id && t.selID == id {
		ed.flush()
		return
	}
	t.s.leave("unit:"+ed.unit.ID+":", func() {
		if t.editor == ed {
			ed.close()
			t.editor = nil
		}
		t.show(id)
	}, nil)
}

// show builds the editor of a unit in place of the current one.
func (t *unitsTab) show(id string) {
	ed, err := newUnitEditor(t, id)
	if err != nil {
		t.s.a.alert("无法打开单位", dossier.ErrorMessage(err))
		return
	}
	t.editor = ed
	t.selID = id
	t.seen = t.s.store.Generation()
	t.editorSlot.Objects = []fyne.CanvasObject{ed.view}
	t.editorSlot.Refresh()
	t.table.Refresh()
}

// unitChanged takes a unit's saved basic information into the list.
func (t *unitsTab) unitChanged(u dossier.Unit) {
	for i := range t.all {
		if t.all[i].ID == u.ID {
			t.all[i] = u
			t.keys[i] = searchKey(u.Code + "\x00" + u.Name + "\x00" + u.Region)
		}
	}
	t.table.Refresh()
}

// nextCode suggests the next free code in the campaign's own numbering:
// dossier.NextCode over every unit's code and the campaign's year, exactly
// what an import assigns to a workbook without a 申报编号.
func (t *unitsTab) nextCode() string {
	codes := make([]string, len(t.all))
	for i, u := range t.all {
		codes[i] = u.Code
	}
	// The year as stored now: another screen, process or login may have
	// changed the settings since this session read them.
	year := t.s.campaign.Year
	if c, err := t.s.store.Campaign(t.s.ctx); err == nil {
		year = c.Year
	}
	return dossier.NextCode(codes, year)
}

func (t *unitsTab) askAdd() {
	code := widget.NewEntry()
	code.SetText(t.nextCode())
	name := widget.NewEntry()
	region := widget.NewEntry()
	region.SetPlaceHolder("例如：郑州市")
	kind := widget.NewSelectEntry(t.kindSel.Options[1:])
	kind.SetPlaceHolder("例如：市级教育行政部门")
	form := []*widget.FormItem{
		widget.NewFormItem("申报编号", code),
		widget.NewFormItem("单位名称", name),
		widget.NewFormItem("所属地区", region),
		widget.NewFormItem("单位类型", kind),
	}
	t.s.a.formItemsDialog("新增单位", "添加", form, 520, func() error {
		_, err := t.add(dossier.Unit{Code: code.Text, Name: name.Text, Region: region.Text, Kind: kind.Text})
		return err
	}).show(name)
}

// add creates a unit and opens its editor.
func (t *unitsTab) add(u dossier.Unit) (dossier.Unit, error) {
	u.Status = dossier.StatusAccepted
	if err := t.s.store.AddUnit(t.s.ctx, &u); err != nil {
		return u, err
	}
	t.refresh()
	t.open(u.ID)
	t.s.note("已新增单位 " + u.Code + " " + u.Name)
	return u, nil
}

// unitPicker is an entry for a unit's code whose list offers the units
// matching what is typed (code, name or region), a few at a time, so that
// it stays quick with thousands of units.
func unitPicker(units func() []dossier.Unit) *widget.SelectEntry {
	const shown = 30
	match := func(q string) []string {
		q = searchKey(strings.TrimSpace(q))
		var out []string
		for _, u := range units() {
			if len(out) == shown {
				break
			}
			if q == "" || strings.Contains(searchKey(u.Code+"\x00"+u.Name+"\x00"+u.Region), q) {
				out = append(out, u.Code+"  "+u.Name)
			}
		}
		return out
	}
	e := widget.NewSelectEntry(nil)
	e.SetPlaceHolder("输入申报编号或名称，或从列表中选择")
	e.OnChanged = func(s string) {
		// A choice from the list is "code  name": offer nothing new for it.
		if !strings.Contains(s, "  ") {
			e.SetOptions(match(s))
		}
	}
	e.SetOptions(match(""))
	return e
}

// pickedCode is the unit code in what a unitPicker holds.
func pickedCode(s string) string {
	return strings.TrimSpace(strings.SplitN(strings.TrimSpace(s), " ", 2)[0])
}
