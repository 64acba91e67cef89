package pdf

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dossier-app/dossier/dossier"
)

// The signable forms of the official procedure (DESIGN.md "Official
// procedure"): 评分表 and 回避声明 per evaluator, the 评分汇总表 and the
// 评审结果报告, in the dossier's page style, each with its signature lines.

// formSmall is the type of the forms' notes and wide tables.
var formSmall = style{serif, 10, 10 * ptMM * 1.6, black}

// WriteScoresheets writes one 评分表 per evaluator, in list order, each on
// its own pages: every unit (by 申报编号) with the evaluator's score in each
// category, the total and the comment; a unit the evaluator is in 回避 with
// is marked so, with no scores. Each sheet ends with 评委签字 and 日期 lines.
func WriteScoresheets(w io.Writer, b *dossier.Book, r *dossier.Ranking, opt Options) (*Report, error) {
	d, err := newDoc(b, r, opt)
	if err != nil {
		return nil, err
	}
	for ei := range b.Evaluators {
		d.scoresheet(ei)
	}
	if len(b.Evaluators) == 0 {
		d.formTitle("评分表", "评分表")
		d.c.body("本次评选尚未确定评委。")
	}
	return d.write(w, nil, d.formMeta("评分表"))
}

// WriteSummarySheet writes the 评分汇总表: units in rank order × every
// evaluator's total (去掉的最高分、最低分 and excluded totals marked), the
// final score, the rank and 拟推荐, with 计分人、复核人、监督人 lines.
func WriteSummarySheet(w io.Writer, b *dossier.Book, r *dossier.Ranking, opt Options) (*Report, error) {
	d, err := newDoc(b, r, opt)
	if err != nil {
		return nil, err
	}
	d.summarySheet()
	return d.write(w, nil, d.formMeta("评分汇总表"))
}

// WriteDeclarations writes one 回避声明 per evaluator: the units the
// evaluator is in 回避 with and why, or that there are none, the
// declaration and the signature line.
func WriteDeclarations(w io.Writer, b *dossier.Book, r *dossier.Ranking, opt Options) (*Report, error) {
	d, err := newDoc(b, r, opt)
	if err != nil {
		return nil, err
	}
	for ei := range b.Evaluators {
		d.declaration(ei)
	}
	if len(b.Evaluators) == 0 {
		d.formTitle("回避声明", "回避声明")
		d.c.body("本次评选尚未确定评委。")
	}
	return d.write(w, nil, d.formMeta("回避声明"))
}

// WriteReport writes the 评审结果报告: the campaign, the rule and its
// fingerprint, the evaluators, the units ranked, the results, the
// committee's decisions on ties, the 复核 flags (Options.Flags) and the
// committee's signature lines.
func WriteReport(w io.Writer, b *dossier.Book, r *dossier.Ranking, opt Options) (*Report, error) {
	d, err := newDoc(b, r, opt)
	if err != nil {
		return nil, err
	}
	d.report()
	return d.write(w, nil, d.formMeta("评审结果报告"))
}

func (d *doc) formMeta(name string) meta {
	return meta{
		title:    d.plain(d.b.Campaign.Title + " " + name),
		subject:  d.plain(name),
		keywords: d.plain(strings.Join([]string{d.b.Campaign.Title, "先进单位", name, yearText(d.b)}, " ")),
	}
}

// formTitle starts a form on a new page: the running header's section, an
// outline entry, the campaign title and the form's name.
func (d *doc) formTitle(name, outline string) {
	c := d.c
	c.header = name
	c.newPage()
	c.pg.marks = append(c.pg.marks, mark{outline, 0, marginT})
	c.ctx = label(d.title) + " 评选活动名称"
	c.title(d.title, subtitle, 0)
	c.ctx = ""
	c.title(name, titleBig, 0)
	c.y += bodyPitch / 3
}

// signatures sets signature lines, two to a line: each label followed by
// a line to sign on.
func (d *doc) signatures(labels ...string) {
	c := d.c
	c.y += bodyPitch / 2
	indent := 2 * bodySize * ptMM
	half := (blockW - indent) / 2
	for i := 0; i < len(labels); i += 2 {
		c.ensure(bodyPitch * 1.5)
		x := marginL + indent
		c.blank(labels[i], x, half-c.width(labels[i], body)-6)
		if i+1 < len(labels) {
			c.blank(labels[i+1], x+half, blockR)
		}
		c.y += bodyPitch * 1.5
	}
}

// lineOf is evaluator ei's line in standing s.
func lineOf(s *dossier.Standing, ei int) *dossier.Line {
	if ei < len(s.Explanation.Lines) {
		return &s.Explanation.Lines[ei]
	}
	return nil
}

// byCode is the standings in 申报编号 order, as the score workbooks list them.
func (d *doc) byCode() []*dossier.Standing {
	idx := map[string]*dossier.Standing{}
	for i := range d.r.Standings {
		idx[d.r.Standings[i].Unit.ID] = &d.r.Standings[i]
	}
	var out []*dossier.Standing
	for i := range d.b.Units {
		if s := idx[d.b.Units[i].ID]; s != nil {
			out = append(out, s)
		}
	}
	return out
}

func evaluatorText(e *dossier.Evaluator) string {
	var parts []string
	for _, s := range []string{e.Affiliation, e.Region, e.Role} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return e.Name
	}
	return e.Name + "（" + strings.Join(parts, "，") + "）"
}

func (d *doc) scoresheet(ei int) {
	c := d.c
	e := &d.b.Evaluators[ei]
	d.formTitle("评分表", "评分表："+e.Name)
	c.ctx = label(e.Name) + " 评委"
	c.body("评委：" + evaluatorText(e))
	c.ctx = ""
	cats := d.r.Categories
	catW := 0.0
	if len(cats) > 0 {
		catW = min(16, max(11, (blockW-9-60-13-22)/float64(len(cats))))
	}
	t := &table{
		widths: []float64{9, 0},
		aligns: []align{right, left},
		head:   []string{"序号", "申报单位"},
		style:  style{serif, 9, 9 * ptMM * 1.4, black},
		hstyle: style{sans, 8, 8 * ptMM * 1.35, black},
		nums:   []bool{true, false},
	}
	for _, cat := range cats {
		t.widths = append(t.widths, catW)
		t.aligns = append(t.aligns, right)
		t.nums = append(t.nums, true)
		t.head = append(t.head, fmt.Sprintf("%s（%s）", cat.Name, cat.Max.Short()))
	}
	t.widths = append(t.widths, 13, 22)
	t.aligns = append(t.aligns, right, left)
	t.nums = append(t.nums, true, false)
	t.head = append(t.head, "合计", "备注")
	t.widths[1] = blockW - t.total()
	var rows []trow
	for n, s := range d.byCode() {
		ln := lineOf(s, ei)
		name := label(s.Unit.Name)
		cells := []string{strconv.Itoa(n + 1), s.Unit.Code + " " + s.Unit.Name}
		row := trow{ctx: []string{"", name + " 单位名称"}}
		switch {
		case ln == nil:
		case ln.Status == dossier.ExcludedConflict:
			for range cats {
				cells = append(cells, "—")
			}
			cells = append(cells, "—", "回避")
			row.color = grey
		default:
			for ci := range cats {
				v := ""
				if ci < len(ln.Has) && ln.Has[ci] {
					v = ln.Scores[ci].String()
				}
				cells = append(cells, v)
			}
			total := ""
			if ln.Status.Valid() || ln.Total > 0 {
				total = ln.Total.String()
			}
			cells = append(cells, total, ln.Comment)
			row.ctx = append(row.ctx, make([]string, len(cats)+1)...)
			row.ctx = append(row.ctx, name+" 评语")
		}
		row.cells = cells
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		rows = append(rows, trow{cells: []string{"（暂无申报单位）"}, span: true, color: grey})
	}
	// Comments wrap in a column of their own; the unit's name keeps the rest.
	limit := make([]float64, len(t.widths))
	limit[len(limit)-1] = 34
	c.fit(t, rows, 1, limit, 42)
	c.table(t, rows)
	c.y += 2
	c.paragraph("注：每个类别的评分不超过该类别满分，最多保留一位小数；“回避”的单位不评分。本表评分与评选活动文件中记录的评分一致，评委核对无误后签字。",
		formSmall, marginL, blockW, 0, left)
	d.signatures("评委签字：", "日期：")
}

func (d *doc) summarySheet() {
	c := d.c
	r := d.r
	d.formTitle("评分汇总表", "评分汇总表")
	evs := d.b.Evaluators
	ne := len(evs)
	evW := 0.0
	if ne > 0 {
		evW = min(16, max(9, (blockW-9-40-13-10-16)/float64(ne)))
	}
	small := style{serif, 8, 8 * ptMM * 1.4, black}
	t := &table{
		widths: []float64{9, 0},
		aligns: []align{right, left},
		head:   []string{"名次", "申报单位"},
		style:  small,
		hstyle: style{sans, 7.5, 7.5 * ptMM * 1.35, black},
		nums:   []bool{true, false},
	}
	for _, e := range evs {
		t.widths = append(t.widths, evW)
		t.aligns = append(t.aligns, right)
		t.nums = append(t.nums, true)
		t.head = append(t.head, e.Name)
	}
	t.widths = append(t.widths, 13, 16)
	t.aligns = append(t.aligns, right, left)
	t.nums = append(t.nums, true, false)
	t.head = append(t.head, "最终得分", "拟推荐")
	t.widths[1] = blockW - t.total()
	var rows []trow
	for i := range r.Standings {
		s := &r.Standings[i]
		name := label(s.Unit.Name)
		rank := "—"
		if s.Rank > 0 {
			rank = strconv.Itoa(s.Rank)
			if s.Tie {
				rank += "并"
			}
		}
		cells := []string{rank, s.Unit.Code + " " + s.Unit.Name}
		for ei := range evs {
			ln := lineOf(s, ei)
			v := ""
			switch {
			case ln == nil:
			case ln.Status == dossier.ExcludedConflict:
				v = "回避"
			case ln.Status == dossier.ExcludedIncomplete && ln.Reason == "未评分":
				v = "未评"
			case ln.Status == dossier.ExcludedIncomplete:
				v = ln.Total.String() + "缺"
			case ln.Status == dossier.DroppedHigh:
				v = ln.Total.String() + "高"
			case ln.Status == dossier.DroppedLow:
				v = ln.Total.String() + "低"
			default:
				v = ln.Total.String()
			}
			cells = append(cells, v)
		}
		cells = append(cells, s.Total.String(), remark(s))
		row := trow{cells: cells, ctx: []string{"", name + " 单位名称"}}
		if s.Rank == 0 {
			row.color = grey
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		rows = append(rows, trow{cells: []string{"（暂无申报单位）"}, span: true, color: grey})
	}
	limit := make([]float64, len(t.widths))
	limit[len(limit)-1] = 20
	c.fit(t, rows, 1, limit, 34)
	c.table(t, rows)
	c.y += 2
	c.paragraph(fmt.Sprintf("注：表中为各评委给出的总分。“高”“低”为有效总分达到%d份时去掉的一个最高分和一个最低分；“回避”为回避不计，“缺”为评分不完整不计，“未评”为未评分。最终得分为其余总分的平均值，四舍五入保留两位小数，排名按精确值进行。", r.TrimMin),
		formSmall, marginL, blockW, 0, left)
	d.signatures("计分人：", "复核人：", "监督人：", "日期：")
}

func (d *doc) declaration(ei int) {
	c := d.c
	e := &d.b.Evaluators[ei]
	d.formTitle("回避声明", "回避声明："+e.Name)
	c.ctx = label(e.Name) + " 评委"
	c.body("评委：" + evaluatorText(e))
	c.ctx = ""
	type recusal struct{ code, name, reason string }
	var list []recusal
	for _, s := range d.byCode() {
		if ln := lineOf(s, ei); ln != nil && ln.Status == dossier.ExcludedConflict {
			reason := strings.TrimSuffix(strings.TrimPrefix(ln.Reason, "回避（"), "）")
			list = append(list, recusal{s.Unit.Code, s.Unit.Name, reason})
		}
	}
	title := "“" + d.title + "”"
	if len(list) == 0 {
		c.body("本人作为" + title + "的评委，已阅知回避规定。经逐一核对申报单位名单，本人与各申报单位均无利害关系，无须回避。")
	} else {
		c.body(fmt.Sprintf("本人作为%s的评委，已阅知回避规定。本人与下列%d个申报单位存在回避情形，不参与其评分，本人对其给出的评分不计入：", title, len(list)))
		t := &table{
			widths: []float64{10, 32, 0, 0},
			aligns: []align{right, left, left, left},
			head:   []string{"序号", "申报编号", "申报单位", "回避原因"},
			style:  style{serif, 11, 11 * ptMM * 1.5, black},
			hstyle: style{sans, 11, 11 * ptMM * 1.5, black},
			nums:   []bool{true, false, false, false},
		}
		t.widths[2] = (blockW - 42) / 2
		t.widths[3] = blockW - 42 - t.widths[2]
		var rows []trow
		for i, x := range list {
			n := label(x.name)
			rows = append(rows, trow{cells: []string{strconv.Itoa(i + 1), x.code, x.name, x.reason},
				ctx: []string{"", n + " 申报编号", n + " 单位名称", n + " 回避原因"}})
		}
		c.table(t, rows)
		c.y += 2
		c.body("除上述单位外，本人与其他申报单位均无利害关系。")
	}
	c.body("本人承诺：以上声明真实、完整；评审中坚持公平公正，独立评分，不受任何单位和个人影响，对评审情况保密。如有不实，愿承担相应责任。")
	d.signatures("声明人（签字）：", "日期：")
}

func (d *doc) report() {
	c := d.c
	b, r := d.b, d.r
	d.formTitle("评审结果报告", "评审结果报告")
	ranked, listed := 0, 0
	for i := range r.Standings {
		if r.Standings[i].Rank > 0 {
			ranked++
		}
		if r.Standings[i].Listed() {
			listed++
		}
	}
	org := strings.TrimSpace(b.Campaign.Organiser)
	c.heading("一、评选活动", heading1, left, 2*bodyPitch)
	s := "评选活动：" + d.title
	if org != "" {
		s += "；主办单位：" + org
	}
	if date := dateText(b.Campaign.Date); date != "" {
		s += "；日期：" + date
	}
	c.body(s + "。")
	c.heading("二、评分规则", heading1, left, 2*bodyPitch)
	var cats []string
	for _, cat := range r.Categories {
		cats = append(cats, cat.Name+"（"+cat.Max.Short()+"分）")
	}
	c.body(fmt.Sprintf("评分类别%d个：%s。有效总分达到%d份的去掉一个最高分和一个最低分后取平均值，不足的取全部有效总分的平均值；参与排名至少须有%d份有效评分。拟表彰名额%d个。",
		len(cats), strings.Join(cats, "、"), r.TrimMin, max(1, r.MinValid), r.Quota))
	if len(r.Caps) > 0 {
		c.body("推荐名额限制：" + strings.Join(r.Caps, "；") + "。")
	}
	fp := dossier.Fingerprint(b)
	rule := "评分规则指纹（SHA-256）：" + fp
	if len(d.opt.LogHead) == 64 {
		rule += "；评分记录链头：" + d.opt.LogHead
	}
	c.paragraph(rule+"。", formSmall, marginL, blockW, 0, left)
	c.heading("三、评委", heading1, left, 2*bodyPitch)
	var names []string
	for i := range b.Evaluators {
		names = append(names, b.Evaluators[i].Name)
	}
	if len(names) == 0 {
		c.body("尚未确定评委。")
	} else {
		c.ctx = "评委名单"
		c.body(fmt.Sprintf("参加评审的评委%d名：%s。", len(names), strings.Join(names, "、")))
		c.ctx = ""
	}
	c.heading("四、评审结果", heading1, left, 2*bodyPitch)
	c.body(fmt.Sprintf("申报单位%d个，参与排名%d个，按规则拟推荐%d个，列入公示名单%d个（按名次）：", len(r.Standings), ranked, r.RecommendedCount(), listed))
	n := 0
	for i := range r.Standings {
		st := &r.Standings[i]
		if !st.Listed() {
			continue
		}
		n++
		c.ctx = label(st.Unit.Name) + " 单位名称"
		c.body(fmt.Sprintf("%d. %s（%s，%s分，%s）", n, st.Unit.Name, st.Unit.Code, st.Total.String(), rankText(st)))
	}
	c.ctx = ""
	if n == 0 {
		c.body("暂无列入公示名单的单位。")
	}
	for _, st := range r.Standings {
		if st.SkippedBy != "" {
			c.ctx = label(st.Unit.Name) + " 单位名称"
			c.body(fmt.Sprintf("%s（%s）受“%s”限制未列入。", st.Unit.Name, rankText(&st), st.SkippedBy))
		}
	}
	c.ctx = ""
	for _, u := range r.Unmet {
		c.body(u)
	}
	c.heading("五、并列决定", heading1, left, 2*bodyPitch)
	decided := 0
	for _, st := range r.Standings {
		if !st.NeedsDecision {
			continue
		}
		what := "并列跨越名额线"
		if st.CapTie != "" {
			what = "并列跨越名额限制（" + st.CapTie + "）"
		}
		c.ctx = label(st.Unit.Name) + " 单位名称"
		if st.Decision == nil {
			c.body(fmt.Sprintf("%s（%s）%s，尚待评审委员会决定。", st.Unit.Name, rankText(&st), what))
			continue
		}
		decided++
		verdict := "推荐"
		if !st.Decision.Recommended {
			verdict = "不推荐"
		}
		c.body(fmt.Sprintf("%s（%s）%s，评审委员会决定%s，依据：%s。", st.Unit.Name, rankText(&st), what, verdict, strings.TrimRight(st.Decision.Reason, "。")))
	}
	c.ctx = ""
	if decided == 0 && !hasPending(r) {
		c.body("无并列跨越名额线或名额限制的情形。")
	}
	c.heading("六、复核情况", heading1, left, 2*bodyPitch)
	if len(d.opt.Flags) == 0 {
		c.body("无复核标记。")
	}
	for i, f := range d.opt.Flags {
		what := ""
		if f.UnitCode != "" {
			what = f.UnitCode + " " + f.UnitName + "，"
		}
		state := "尚未复核"
		if f.Resolved != nil {
			state = "已由" + f.Resolved.By + "复核：" + strings.TrimRight(f.Resolved.Note, "。")
		}
		c.body(fmt.Sprintf("（%s）%s：%s%s。%s。", chineseNumber(i+1), dossier.FlagLabel(f.Kind), what, strings.TrimRight(f.Detail, "。"), state))
	}
	c.heading("七、评审委员会签字", heading1, left, 2*bodyPitch)
	c.body("评审委员会对上述评审过程和结果予以确认。")
	d.signatures("主任委员：", "副主任委员：", "委员：", "委员：", "委员：", "委员：", "监督人：", "日期：")
}

func hasPending(r *dossier.Ranking) bool {
	for _, st := range r.Standings {
		if st.Pending() {
			return true
		}
	}
	return false
}
