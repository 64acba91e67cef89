// The 基本信息 sheet of a submission: label in column A, value in B.

package xlsx

import (
	"github.com/dossier-app/dossier/dossier"
)

func (sr *subReader) basic(sh *sheet) {
	type field struct {
		row  int
		cell *cell
	}
	found := map[string]field{}
	for i := range sh.Rows {
		r := &sh.Rows[i]
		a := r.at(1)
		if a == nil {
			continue
		}
		label := normLabel(sr.text(sh, a))
		known := false
		for _, l := range basicLabels {
			known = known || l == label
		}
		if !known {
			continue
		}
		if prev, dup := found[label]; dup {
			sr.ps.add(sh.Name, a.Ref(), "“%s”出现了两次（第 %d 行和第 %d 行），请只保留一行", label, prev.row, r.N)
			continue
		}
		v := r.at(2)
		found[label] = field{r.N, v}
		if r.Hidden && v != nil && !v.Blank() {
			sr.hiddenRow(sh, r)
		}
	}
	for _, m := range sh.Merges {
		if m.Col1 <= 1 && m.Col2 >= 2 {
			sr.ps.add(sh.Name, m.String(), "项目名称与填写内容所在的单元格被合并；请取消合并，在 B 列填写")
			continue
		}
		if m.Col1 <= 2 && m.Col2 >= 2 && m.Row2 > m.Row1 {
			labels := 0
			for _, f := range found {
				if f.row >= m.Row1 && f.row <= m.Row2 {
					labels++
				}
			}
			if labels > 1 {
				sr.ps.add(sh.Name, m.String(), "几个项目的填写内容被合并成一个单元格；请取消合并，每项分别填写")
			}
		}
	}
	if sh.colHidden(2) {
		sr.ps.add(sh.Name, "B1", "B 列（填写内容）被隐藏；请取消隐藏、确认内容后重新提交")
	}
	get := func(label string) (string, string) {
		f, ok := found[label]
		if !ok {
			return "", ""
		}
		return sr.text(sh, f.cell), ref(2, f.row)
	}
	u := &sr.unit
	single := func(label string, limit int, dst *string) {
		v, at := get(label)
		*dst = oneLine(v)
		sr.checkLength(sh, at, label, *dst, limit, "请精简")
	}
	code, at := get(LabelCode)
	u.Code = dossier.NormCode(oneLine(code))
	sr.checkLength(sh, at, LabelCode, u.Code, 50, "请核对申报编号")
	sr.codeCell = at
	_, sr.nameCell = get(LabelName)
	single(LabelName, MaxFieldChars, &u.Name)
	u.Name = dossier.NormName(u.Name)
	single(LabelRegion, MaxFieldChars, &u.Region)
	single(LabelKind, MaxFieldChars, &u.Kind)
	single(LabelRecommender, MaxFieldChars, &u.Recommender)
	single(LabelContact, MaxFieldChars, &u.Contact)
	single(LabelPhone, MaxFieldChars, &u.Phone)
	single(LabelTitle, MaxHeadingChars, &u.Title)
	summary, at := get(LabelSummary)
	u.Summary = paragraphs(summary)
	sr.checkLength(sh, at, LabelSummary, u.Summary, MaxSummaryChars, "请精简，详细内容写在“事迹材料”中")
	if _, ok := found[LabelName]; !ok {
		sr.ps.add(sh.Name, "", "找不到“单位名称”一栏（应在 A 列）；请使用本次评选下发的模板，不要修改 A 列的项目名称")
	} else if u.Name == "" {
		f := found[LabelName]
		if f.cell == nil || !f.cell.HasF {
			sr.ps.add(sh.Name, ref(2, f.row), "“单位名称”为必填项，请填写单位全称")
		}
	}
}
