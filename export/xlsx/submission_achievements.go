// The 事迹材料 sheet of a submission: sections by category, heading and body.

package xlsx

import (
	"github.com/dossier-app/dossier/dossier"
)

func (sr *subReader) achievements(sh *sheet) {
	want := []string{HeaderCategory, HeaderHeading, HeaderBody}
	t, ok := sr.findTable(sh, want)
	if !ok {
		return
	}
	sr.checkMerges(t, want, map[string]bool{HeaderCategory: true})
	sr.checkHiddenUnderMerges(t, want)
	sr.checkHiddenCols(t, want)
	cc, hc, bc := t.cols[HeaderCategory], t.cols[HeaderHeading], t.cols[HeaderBody]
	for i := range sh.Rows {
		r := &sh.Rows[i]
		if r.N <= t.header {
			continue
		}
		heading := oneLine(sr.text(sh, r.at(hc)))
		body := paragraphs(sr.text(sh, r.at(bc)))
		if heading == "" && body == "" {
			continue
		}
		if r.Hidden {
			sr.hiddenRow(sh, r)
		}
		sr.checkLength(sh, ref(hc, r.N), HeaderHeading, heading, MaxHeadingChars, "请精简标题")
		sr.checkLength(sh, ref(bc, r.N), HeaderBody, body, MaxBodyChars, "请分成同一类别的几行填写")
		name := oneLine(sr.text(sh, sh.mergedValue(r, cc)))
		cat := sr.category(name)
		switch {
		case name == "":
			sr.ps.add(sh.Name, ref(cc, r.N), "这一行填写了事迹，但没有选择类别；请从下拉列表中选择（%s）", sr.categoryNames())
			continue
		case cat == nil:
			sr.ps.add(sh.Name, ref(cc, r.N), "类别“%s”不是本次评选的类别（%s）；请从下拉列表中选择", clipText(name, 30), sr.categoryNames())
			continue
		}
		sr.unit.Achievements = append(sr.unit.Achievements, dossier.Achievement{CategoryID: cat.ID, Heading: heading, Body: body})
	}
}
