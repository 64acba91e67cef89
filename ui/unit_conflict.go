package ui

import (
	"fmt"
	"strings"

	"github.com/dossier-app/dossier/dossier"
)

// conflict settles an edit of the unit that the file refused because the
// unit changed since the editor loaded it (re-imported, edited elsewhere):
// the user's basic fields and material beside the file's, then 保留我的修改
// or 采用最新内容. Until then the edit is listed as unsaved and nothing
// is written.
func (e *unitEditor) conflict(cur dossier.Unit) {
	rows := e.conflictRows(cur)
	var ask func()
	ask = func() {
		e.s.showConflict(e.named(), rows, func() { e.keepMine(cur, ask) }, e.takeTheirs)
	}
	e.s.markStale(e.prefix(), e.named(), ask)
	ask()
}

// conflictRows lists what differs: each basic field the user changed or
// that changed in the file, and each category's sections, indicator values
// and photos where the editor's differ from the file's.
func (e *unitEditor) conflictRows(cur dossier.Unit) []diffRow {
	var rows []diffRow
	for _, fl := range e.basicFields() {
		if fl.shown == nil {
			continue
		}
		mine, old, theirs := fl.typed(), fl.shown(e.unit), fl.shown(cur)
		if mine != old || theirs != old {
			rows = append(rows, diffRow{fl.label, mine, theirs})
		}
	}
	m := e.material()
	for _, c := range e.cats {
		if a, b := sectionsText(m.Achievements, c.ID), sectionsText(cur.Achievements, c.ID); a != b {
			rows = append(rows, diffRow{"事迹材料“" + c.Name + "”", a, b})
		}
		for _, in := range c.Indicators {
			if a, b := valueText(m.Values, in), valueText(cur.Values, in); a != b {
				rows = append(rows, diffRow{"量化指标“" + in.Name + "”", a, b})
			}
		}
	}
	if a, b := photosText(m.Photos), photosText(cur.Photos); a != b {
		rows = append(rows, diffRow{"图片", a, b})
	}
	return rows
}

// sectionsText is a category's sections as text to compare and read.
func sectionsText(as []dossier.Achievement, catID string) string {
	var parts []string
	for _, a := range as {
		if a.CategoryID != catID {
			continue
		}
		parts = append(parts, strings.TrimSpace(a.Heading+"\n"+a.Body))
	}
	return strings.Join(parts, "\n\n")
}

// valueText is an indicator's value as the user reads it, "" when absent.
func valueText(vs []dossier.IndicatorValue, in dossier.Indicator) string {
	for _, v := range vs {
		if v.IndicatorID == in.ID {
			s := strings.TrimSpace(v.Display() + " " + in.Unit)
			if v.Note != "" {
				s += "（" + v.Note + "）"
			}
			return s
		}
	}
	return ""
}

// photosText is the photos' count and captions.
func photosText(ps []dossier.Photo) string {
	if len(ps) == 0 {
		return ""
	}
	caps := make([]string, len(ps))
	for i, p := range ps {
		caps[i] = fmt.Sprintf("%d. %s", i+1, orNone(p.Caption))
	}
	return fmt.Sprintf("%d 张：", len(ps)) + strings.Join(caps, "；")
}

// keepMine writes the user's edit on top of the newer unit: the basic
// fields the user changed, and the material if the user edited it; the
// rest keeps the newer content. The editor then shows the unit as stored.
// If the file refuses again the edit stays listed, with the question.
func (e *unitEditor) keepMine(cur dossier.Unit, ask func()) {
	b := cur
	b.Achievements, b.Values, b.Photos = nil, nil, nil
	for _, fl := range e.basicFields() {
		if fl.changed(e.unit) {
			if err := fl.set(&b); err != nil {
				e.keepFailed(err, ask)
				return
			}
		}
	}
	if err := e.s.store.UpdateUnit(e.s.ctx, &b); err != nil {
		e.keepFailed(err, ask)
		return
	}
	if len(e.what) > 0 {
		m := e.material()
		m.Version = b.Version
		what := strings.Join(e.what, "、")
		if err := e.s.store.SetMaterial(e.s.ctx, &m, "在应用中修改"+what+"（保留我的修改）"); err != nil {
			e.keepFailed(err, ask)
			return
		}
	}
	e.s.errs.clearPrefix(e.prefix())
	e.s.note("已在最新内容的基础上保存" + e.named() + "的修改")
	e.reload()
}

func (e *unitEditor) keepFailed(err error, ask func()) {
	e.s.errs.set(staleKey(e.prefix()), e.named()+"（与文件中的最新内容不一致）",
		"未能保存"+e.named()+"的修改："+dossier.ErrorMessage(err)+"。您的修改仍保留在编辑框中。", ask)
}

// takeTheirs gives the user's edit up and shows the unit as stored.
func (e *unitEditor) takeTheirs() {
	e.s.errs.clearPrefix(e.prefix())
	e.reload()
}

// reload builds the editor again from the file, in place of this one.
func (e *unitEditor) reload() {
	e.close()
	if e.t.editor == e {
		e.t.editor = nil
	}
	e.t.show(e.unit.ID)
}
