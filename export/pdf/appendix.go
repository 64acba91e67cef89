package pdf

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-app/dossier/dossier"
)

// The dossier's appendices (附录), after the units' material: what a
// committee shows when a ranking is challenged. Each starts on a new page
// and has an outline entry and a line in the table of contents.
const (
	appendixFlags     = "复核标记及处理情况"
	appendixStability = "排名稳定性"
	appendixNormal    = "标准化排名（仅供参考）"
)

// beijing is the time zone review times are printed in: the document must
// read the same on every machine, whatever its own zone.
var beijing = time.FixedZone("北京时间", 8*3600)

// appendices returns the titles of the appendices this dossier has, in
// order: the 复核 flags when Options.Flags is set, stability and the
// normalised view when Options.Stability is.
func (d *doc) appendices() []string {
	var out []string
	if d.opt.Flags != nil {
		out = append(out, appendixFlags)
	}
	if d.opt.Stability != nil {
		out = append(out, appendixStability, appendixNormal)
	}
	for i := range out {
		out[i] = "附录" + chineseNumber(i+1) + "　" + out[i]
	}
	return out
}

// layoutAppendices lays the appendices out with a composer of their own and
// returns it, with the index of the first page of each among its pages.
func (d *doc) layoutAppendices() (*composer, []int) {
	ad := *d
	ad.c = newComposer(d.c.fonts)
	var starts []int
	for _, title := range d.appendices() {
		ad.sectionTitle(title)
		starts = append(starts, len(ad.c.pages)-1)
		switch {
		case strings.HasSuffix(title, appendixFlags):
			ad.flagAppendix()
		case strings.HasSuffix(title, appendixStability):
			ad.stabilityAppendix()
		default:
			ad.normalAppendix()
		}
	}
	return ad.c, starts
}

// appendixTable is the style of the appendices' tables.
func appendixTable(widths []float64, aligns []align, head []string, nums []bool) *table {
	return &table{
		widths: widths, aligns: aligns, head: head, nums: nums,
		style:  style{serif, 9, 9 * ptMM * 1.4, black},
		hstyle: style{sans, 8.5, 8.5 * ptMM * 1.35, black},
	}
}

// note sets the small print under a table.
func (d *doc) note(text string) {
	d.c.y += 2
	d.c.paragraph(text, style{serif, 10, 10 * ptMM * 1.6, black}, marginL, blockW, 0, left)
}

// flagAppendix lists every 复核 flag with its resolution: the unresolved
// first, in red and said to be so above the table, then the resolved with
// who reviewed them, when, and what they decided.
func (d *doc) flagAppendix() {
	c := d.c
	flags := d.opt.Flags
	var open, done []dossier.Flag
	for _, f := range flags {
		if f.Resolved == nil {
			open = append(open, f)
		} else {
			done = append(done, f)
		}
	}
	c.body("复核标记由软件按财政部令第87号第六十四条所列复核情形和本次评选的设置自动提出：畸高畸低（某评委的总分与其余有效总分的平均值相差超过满分的规定比例）、雷同（某评委给所评全部单位的总分相同）、回避仍评分、评分不完整、有效评分不足、排名不稳（去掉任一评委的评分后推荐结果改变）。复核标记不改变任何评分和排名；评审委员会逐项复核，记录复核人和复核意见。")
	if len(flags) == 0 {
		c.body("本次评选未发现需要复核的情形。")
		return
	}
	c.body(fmt.Sprintf("复核标记共%d项，已复核%d项，未复核%d项。", len(flags), len(done), len(open)))
	if len(open) > 0 {
		c.paragraph(fmt.Sprintf("注意：尚有%d项复核标记未经复核，以红色列于下表最前，请评审委员会复核并记录意见。", len(open)),
			style{sansBold, bodySize, bodyPitch, red}, marginL, blockW, 0, left)
	}
	c.y += 2
	t := appendixTable([]float64{8, 16, 0, 16, 0, 0}, []align{right, left, left, left, left, left},
		[]string{"序号", "标记", "申报单位", "评委", "情况", "复核结果"}, []bool{true, false, false, false, false, false})
	var rows []trow
	for i, f := range append(open, done...) {
		unit := strings.TrimSpace(f.UnitCode + " " + f.UnitName)
		if unit == "" {
			unit = "—"
		}
		ev := f.Evaluator
		if ev == "" {
			ev = "—"
		}
		row := trow{cells: []string{strconv.Itoa(i + 1), dossier.FlagLabel(f.Kind), unit, ev, f.Detail, resolutionText(f.Resolved)},
			ctx: []string{"", "", label(f.UnitName) + " 单位名称", label(f.Evaluator) + " 评委", "复核标记", "复核意见"}}
		if f.Resolved == nil {
			row.color = red
		}
		rows = append(rows, row)
	}
	c.fit(t, rows, 4, []float64{0, 0, 32, 20, 0, 44}, 40)
	c.table(t, rows)
}

// resolutionText is a flag's review as printed: 未复核, or who reviewed it,
// when (Beijing time) and what they decided.
func resolutionText(r *dossier.Resolution) string {
	if r == nil {
		return "未复核"
	}
	s := "复核人：" + r.By
	if at, err := time.Parse(time.RFC3339Nano, r.At); err == nil {
		s += "（" + at.In(beijing).Format("2006-01-02 15:04") + "）"
	}
	return s + "。意见：" + r.Note
}

// rangeText is a unit's leave-one-out rank range, "—" for none.
func rangeText(st *dossier.Stability) string {
	if t := st.RangeText(); t != "" {
		return t
	}
	return "—"
}

// stabilityAppendix sets each ranked unit's rank range over leaving out
// each evaluator in turn and whether its recommendation holds in all.
func (d *doc) stabilityAppendix() {
	c := d.c
	c.body("逐一去掉一位评委的全部评分，其余评分按本次评选规则（有效总分、去掉最高分和最低分、同分比较、名额）重新计算排名，得到各单位名次的最好和最差情况，即“名次范围”。推荐结果（拟推荐、提请评审委员会决定或不推荐）在每一种情况下都与正式排名相同的，为“推荐稳定”；否则列出去掉哪几位评委之一的评分会改变推荐结果。本附录只说明名次的稳健程度，不改变正式排名。")
	if len(d.b.Evaluators) < 2 {
		c.body("本次评选评委不足两名，无法逐一去掉评委重新排名。")
		return
	}
	t := appendixTable([]float64{10.5, 0, 13, 0, 0, 0}, []align{right, left, right, left, center, left},
		[]string{"名次", "申报单位", "总分", "结果", "名次范围", "推荐稳定"}, []bool{true, false, true, false, true, false})
	var rows []trow
	unstable, ranked, open := 0, 0, false
	for i := range d.r.Standings {
		s := &d.r.Standings[i]
		if s.Rank <= 0 {
			continue
		}
		ranked++
		st := d.opt.Stability[s.Unit.ID]
		open = open || st != nil && st.Best > 0 && st.Worst == 0
		stable := "是"
		row := trow{ctx: []string{"", label(s.Unit.Name) + " 单位名称"}}
		if st != nil && !st.Stable {
			unstable++
			stable = "否：去掉评委" + joinQuoted(st.Flips) + "的评分时改变"
			if len(st.Flips) > 1 {
				stable = "否：去掉评委" + joinQuoted(st.Flips) + "中任一位的评分时改变"
			}
			row.color = red
		}
		res := remark(s)
		if res == "" {
			res = "—"
		}
		row.cells = []string{strconv.Itoa(s.Rank), s.Unit.Name, s.Total.String(), res, rangeText(st), stable}
		rows = append(rows, row)
	}
	if ranked == 0 {
		c.body("本次评选暂无参与排名的单位。")
		return
	}
	c.body(fmt.Sprintf("参与排名的单位%d个，推荐稳定的%d个，推荐结果会因去掉一位评委而改变的%d个（以红色标出，并列为“排名不稳”复核标记）。", ranked, ranked-unstable, unstable))
	c.y += 2
	c.fit(t, rows, 5, []float64{0, 50, 0, 28, 22, 0}, 40)
	c.table(t, rows)
	if open {
		d.note("注：名次范围“2–未排名”表示去掉某位评委后该单位的有效评分不足，不参与排名。")
	}
}

// normalAppendix sets the normalised view beside the rule's ranking, with
// Kendall's tau between the two; it is for information and says so.
func (d *doc) normalAppendix() {
	c := d.c
	c.paragraph("本附录仅供参考，不替代也不改变按本次评选规则确定的排名和推荐结果。", style{sansBold, bodySize, bodyPitch, black}, marginL, blockW, 0, left)
	c.y += 1
	c.body("为观察评委打分宽严不一的影响，将每位评委给出的每个有效总分换算为标准分（z 分数：该总分减去这位评委全部有效总分的平均值，再除以其总体标准差；总分全部相同的评委，标准分记为 0），一个单位的标准化得分为其各份有效总分的标准分的平均值，按标准化得分从高到低排出标准化名次。")
	tau, n, ok := dossier.RuleZTau(d.r, d.opt.Stability)
	if ok {
		c.body(fmt.Sprintf("两种排名的一致程度用肯德尔等级相关系数 τb（Kendall's tau-b，计入并列）衡量：1 表示完全一致，0 表示无关，−1 表示完全相反。本次评选参与排名的%d个单位，规则名次与标准化名次的 τb = %s。", n, fixed3(tau)))
	} else {
		c.body("参与排名的单位不足两个，或名次全部并列，无法计算规则名次与标准化名次的肯德尔等级相关系数 τb。")
	}
	if n == 0 {
		return
	}
	t := appendixTable([]float64{13, 0, 13, 17, 15, 13}, []align{right, left, right, right, right, right},
		[]string{"规则名次", "申报单位", "总分", "标准化得分（仅供参考）", "标准化名次（仅供参考）", "名次差"}, []bool{true, false, true, true, true, true})
	var rows []trow
	for i := range d.r.Standings {
		s := &d.r.Standings[i]
		st := d.opt.Stability[s.Unit.ID]
		if s.Rank <= 0 || st == nil || st.ZRank <= 0 {
			continue
		}
		diff := "0"
		if k := st.ZRank - s.Rank; k > 0 {
			diff = "+" + strconv.Itoa(k)
		} else if k < 0 {
			diff = "−" + strconv.Itoa(-k)
		}
		rows = append(rows, trow{cells: []string{strconv.Itoa(s.Rank), s.Unit.Name, s.Total.String(), fixed3(st.ZMean), strconv.Itoa(st.ZRank), diff},
			ctx: []string{"", label(s.Unit.Name) + " 单位名称"}})
	}
	c.y += 2
	c.fit(t, rows, 1, nil, 40)
	c.table(t, rows)
	d.note("注：名次差为标准化名次减规则名次，正数表示在标准化排名中靠后。")
}

// fixed3 writes x with three decimals and a true minus sign, never −0.000.
func fixed3(x float64) string {
	s := strconv.FormatFloat(x, 'f', 3, 64)
	if s == "-0.000" {
		return "0.000"
	}
	return strings.Replace(s, "-", "−", 1)
}

func joinQuoted(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "“" + n + "”"
	}
	return strings.Join(q, "、")
}
