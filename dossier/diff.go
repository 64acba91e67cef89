package dossier

import (
	"fmt"
	"strings"
)

// UnitDiff is what changes from one state of a unit to another.
type UnitDiff struct {
	// Changes are one short Chinese line per change, for previews and the
	// history's one-line detail.
	Changes []string
	// Before and After hold the full content of each changed item, as it
	// was and as it becomes ("事迹简介：…" whole), for the history.
	Before, After []string
	// Removals name each stored item the change deletes or empties.
	Removals []string
}

// Same reports whether nothing changes.
func (d *UnitDiff) Same() bool { return len(d.Changes) == 0 }

// UnitField is one basic field of a unit, with its Chinese label.
type UnitField struct {
	Label string
	Get   func(*Unit) *string
}

// UnitFields lists a unit's basic fields in display order.
var UnitFields = []UnitField{
	{"申报编号", func(u *Unit) *string { return &u.Code }},
	{"单位名称", func(u *Unit) *string { return &u.Name }},
	{"所属地区", func(u *Unit) *string { return &u.Region }},
	{"单位类型", func(u *Unit) *string { return &u.Kind }},
	{"推荐单位", func(u *Unit) *string { return &u.Recommender }},
	{"联系人", func(u *Unit) *string { return &u.Contact }},
	{"联系电话", func(u *Unit) *string { return &u.Phone }},
	{"事迹标题", func(u *Unit) *string { return &u.Title }},
	{"事迹简介", func(u *Unit) *string { return &u.Summary }},
	{"状态", func(u *Unit) *string { return (*string)(&u.Status) }},
}

// ShowText is a value as the history shows it: "（空）" for nothing.
func ShowText(s string) string {
	if s == "" {
		return "（空）"
	}
	return s
}

// CompareUnits describes every change from old to new: basic fields (all
// of them, in full), sections, indicator values and photos. basicOnly
// leaves the material out of the comparison.
func CompareUnits(b *Book, old, new *Unit, basicOnly bool) UnitDiff {
	var d UnitDiff
	for _, f := range UnitFields {
		a, c := *f.Get(old), *f.Get(new)
		if a == c {
			continue
		}
		if f.Label == "事迹简介" {
			d.Changes = append(d.Changes, fmt.Sprintf("事迹简介：%d 字→%d 字", runeLen(a), runeLen(c)))
		} else {
			d.Changes = append(d.Changes, fmt.Sprintf("%s：“%s”→“%s”", f.Label, clip(a), clip(c)))
		}
		d.Before = append(d.Before, f.Label+"："+ShowText(a))
		d.After = append(d.After, f.Label+"："+ShowText(c))
		if c == "" && f.Label != "状态" {
			d.Removals = append(d.Removals, fmt.Sprintf("%s“%s”将被清空", f.Label, clip(a)))
		}
	}
	if basicOnly {
		return d
	}
	compareSections(b, &d, old, new)
	compareValues(b, &d, old, new)
	comparePhotos(b, &d, old, new)
	return d
}

func runeLen(s string) int { return len([]rune(s)) }

func catLabel(b *Book, id string) string {
	if c := b.Category(id); c != nil {
		return c.Name
	}
	if id == "" {
		return "未分类"
	}
	return "（已删除的类别）"
}

// SectionText is a section as the history shows it: heading, then body.
func SectionText(a Achievement) string {
	if a.Body == "" {
		return ShowText(a.Heading)
	}
	return ShowText(a.Heading) + "\n" + a.Body
}

func compareSections(b *Book, d *UnitDiff, old, new *Unit) {
	group := func(u *Unit) (map[string][]Achievement, []string) {
		m := map[string][]Achievement{}
		var order []string
		for _, a := range u.Achievements {
			if _, ok := m[a.CategoryID]; !ok {
				order = append(order, a.CategoryID)
			}
			m[a.CategoryID] = append(m[a.CategoryID], a)
		}
		return m, order
	}
	os, oo := group(old)
	ns, no := group(new)
	// Campaign order first, then categories the campaign no longer has.
	var ids []string
	seen := map[string]bool{}
	for _, c := range b.Categories {
		ids, seen[c.ID] = append(ids, c.ID), true
	}
	for _, id := range append(oo, no...) {
		if !seen[id] {
			ids, seen[id] = append(ids, id), true
		}
	}
	for _, id := range ids {
		a, n := os[id], ns[id]
		name := catLabel(b, id)
		if len(a) != len(n) {
			d.Changes = append(d.Changes, fmt.Sprintf("事迹材料“%s”：%d 节→%d 节", name, len(a), len(n)))
		}
		for i := 0; i < len(a) || i < len(n); i++ {
			label := fmt.Sprintf("事迹材料“%s”第 %d 节：", name, i+1)
			switch {
			case i >= len(n):
				d.Before = append(d.Before, label+SectionText(a[i]))
				d.Removals = append(d.Removals, fmt.Sprintf("事迹材料“%s”第 %d 节“%s”将被删除", name, i+1, clip(a[i].Heading)))
			case i >= len(a):
				d.After = append(d.After, label+SectionText(n[i]))
			case a[i].Heading != n[i].Heading || a[i].Body != n[i].Body:
				if len(a) == len(n) {
					d.Changes = append(d.Changes, fmt.Sprintf("事迹材料“%s”第 %d 节已修改", name, i+1))
				}
				d.Before = append(d.Before, label+SectionText(a[i]))
				d.After = append(d.After, label+SectionText(n[i]))
			}
		}
	}
}

// ValueText is an indicator value with its unit and note, as shown in
// history and removal lines: "27.6万个", "—（说明：约27万）".
func ValueText(v IndicatorValue, unit string) string {
	s := v.Display()
	if !v.NoValue {
		s += unit
	}
	if v.Note != "" {
		s += "（说明：" + v.Note + "）"
	}
	return s
}

func compareValues(b *Book, d *UnitDiff, old, new *Unit) {
	ind := func(id string) (string, string) {
		if in := b.Indicator(id); in != nil {
			return in.Name, in.Unit
		}
		return "（已删除的指标）", ""
	}
	ov := map[string]IndicatorValue{}
	for _, v := range old.Values {
		ov[v.IndicatorID] = v
	}
	nv := map[string]bool{}
	for _, v := range new.Values {
		nv[v.IndicatorID] = true
		name, unit := ind(v.IndicatorID)
		o, ok := ov[v.IndicatorID]
		switch {
		case !ok:
			d.Changes = append(d.Changes, fmt.Sprintf("量化指标“%s”：新填 %s", name, v.Display()))
		case o.NoValue != v.NoValue || (!v.NoValue && o.Value != v.Value):
			d.Changes = append(d.Changes, fmt.Sprintf("量化指标“%s”：%s→%s", name, o.Display(), v.Display()))
		case o.Note != v.Note:
			d.Changes = append(d.Changes, fmt.Sprintf("量化指标“%s”：说明已修改", name))
		default:
			continue
		}
		if ok {
			d.Before = append(d.Before, fmt.Sprintf("量化指标“%s”：%s", name, ValueText(o, unit)))
		}
		d.After = append(d.After, fmt.Sprintf("量化指标“%s”：%s", name, ValueText(v, unit)))
	}
	for _, v := range old.Values {
		if nv[v.IndicatorID] {
			continue
		}
		name, unit := ind(v.IndicatorID)
		d.Changes = append(d.Changes, fmt.Sprintf("量化指标“%s”：已清空", name))
		d.Before = append(d.Before, fmt.Sprintf("量化指标“%s”：%s", name, ValueText(v, unit)))
		shown := v.Display()
		if !v.NoValue {
			shown += unit
		}
		if v.Note != "" {
			shown += "，说明：" + v.Note
		}
		d.Removals = append(d.Removals, fmt.Sprintf("量化指标“%s”（%s）将被清除", name, shown))
	}
}

// PhotoText is a photo as the history shows it: caption, category, size.
func PhotoText(b *Book, i int, p Photo) string {
	s := fmt.Sprintf("图片 %d：%s", i+1, ShowText(p.Caption))
	if p.CategoryID != "" {
		s += "（" + catLabel(b, p.CategoryID) + "）"
	}
	if p.Width > 0 {
		s += fmt.Sprintf("，%d×%d", p.Width, p.Height)
	}
	return s
}

func comparePhotos(b *Book, d *UnitDiff, old, new *Unit) {
	kept := map[string]int{}
	for _, p := range new.Photos {
		kept[string(p.Data)]++
	}
	for i, p := range old.Photos {
		if kept[string(p.Data)] > 0 {
			kept[string(p.Data)]--
			continue
		}
		cap := p.Caption
		if cap == "" {
			cap = "（无说明）"
		}
		d.Removals = append(d.Removals, fmt.Sprintf("图片 %d：%s将被删除", i+1, cap))
	}
	if len(old.Photos) != len(new.Photos) {
		d.Changes = append(d.Changes, fmt.Sprintf("图片：%d 张→%d 张", len(old.Photos), len(new.Photos)))
	}
	for i := 0; i < len(old.Photos) || i < len(new.Photos); i++ {
		switch {
		case i >= len(new.Photos):
			d.Before = append(d.Before, PhotoText(b, i, old.Photos[i]))
		case i >= len(old.Photos):
			d.After = append(d.After, PhotoText(b, i, new.Photos[i]))
		default:
			p, q := old.Photos[i], new.Photos[i]
			if p.Caption != q.Caption || p.CategoryID != q.CategoryID || string(p.Data) != string(q.Data) {
				if len(old.Photos) == len(new.Photos) {
					d.Changes = append(d.Changes, fmt.Sprintf("图片第 %d 张已修改（%s）", i+1, catLabel(b, q.CategoryID)))
				}
				d.Before = append(d.Before, PhotoText(b, i, p))
				d.After = append(d.After, PhotoText(b, i, q))
			}
		}
	}
}

// JoinLines joins display lines for Event.Before and Event.After.
func JoinLines(lines []string) string { return strings.Join(lines, "\n") }
