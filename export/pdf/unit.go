package pdf

import (
	"fmt"
	"strings"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/export/typeset"
)

// unit sets the section of standing i on new pages: name, headline title,
// basic facts, summary, one numbered section per category with its
// paragraphs and photos, the indicator table and the score box.
func (d *doc) unit(i int) {
	c := d.c
	s := &d.r.Standings[i]
	u := s.Unit
	name := label(u.Name)
	c.header = u.Name
	c.unit = i
	c.newPage()
	c.frame = frames{}
	c.frame.unitW, c.frame.unitH = photoFrame(u)
	prefix := rankText(s)
	if s.Rank > 0 {
		prefix = fmt.Sprintf("%d.", s.Rank)
	}
	c.ctx = name + " 单位名称"
	c.pg.marks = append(c.pg.marks, mark{d.plain(prefix + " " + c.clean(u.Name, serif)), 0, marginT})

	c.title(u.Name, style{songBold, 20, 20 * ptMM * 1.6, black}, 0)
	if strings.TrimSpace(u.Title) != "" {
		c.ctx = name + " 事迹标题"
		c.y += 1
		c.title(u.Title, style{sans, 16, 16 * ptMM * 1.55, black}, 0)
	}
	c.y += 4
	d.facts(s)
	c.y += 4

	c.ctx = name + " 事迹简介"
	for _, p := range dossier.Paragraphs(u.Summary) {
		c.body(p)
	}
	// Photos tied to no category follow the summary, as in the seed.
	for pi := range u.Photos {
		if p := &u.Photos[pi]; p.CategoryID == "" || d.b.Category(p.CategoryID) == nil {
			d.photo(u, p)
		}
	}

	n := 0
	for ci := range d.r.Categories {
		cat := &d.r.Categories[ci]
		n++
		d.category(u, cat, n)
	}
	c.settleFrames()
	d.indicators(u)
	if !d.noScores {
		d.scoreBox(s)
	}
	c.unit = -1
}

// facts sets the unit's basic facts as a key–value table.
func (d *doc) facts(s *dossier.Standing) {
	c := d.c
	u := s.Unit
	name := label(u.Name)
	place := placeText(s, "　")
	score := s.Total.String()
	if s.Total.Valid() {
		score += "分"
	}
	t := &table{
		widths: []float64{24, 54, 24, 54},
		aligns: []align{center, left, center, left},
		style:  style{serif, 11, 11 * ptMM * 1.45, black},
		hstyle: style{sans, 11, 11 * ptMM * 1.45, black},
		label:  []bool{true, false, true, false},
	}
	pair := func(k1, v1, ctx1, k2, v2, ctx2 string) trow {
		return trow{cells: []string{k1, v1, k2, v2}, ctx: []string{"", name + " " + ctx1, "", name + " " + ctx2}}
	}
	rows := []trow{
		pair("申报编号", u.Code, "申报编号", "所属地区", u.Region, "所属地区"),
		pair("单位类型", u.Kind, "单位类型", "推荐单位", u.Recommender, "推荐单位"),
		pair("联系人", u.Contact, "联系人", "联系电话", u.Phone, "联系电话"),
		pair("名次", place, "名次", "最终得分", score, "最终得分"),
	}
	if u.Status != "" && u.Status != dossier.StatusAccepted {
		dec := decisionText(s)
		if dec == "" {
			dec = "—"
		}
		rows = append(rows, trow{cells: []string{"状态", string(u.Status), "评审意见", dec}, ctx: []string{"", name + " 状态"}})
	}
	c.table(t, rows)
}

// placeText is a standing's place with its mark: 第1名　拟推荐,
// 第2名（并列）　待评委会决定, 已撤回，不参与排名.
func placeText(s *dossier.Standing, sep string) string {
	if s.Unranked != "" {
		return s.Unranked
	}
	place := rankText(s)
	if m := strings.TrimPrefix(remark(s), "并列"); strings.TrimSpace(m) != "" {
		place += sep + strings.TrimSpace(m)
	}
	return place
}

// decisionText is the committee's decision on a straddling tie, if any.
func decisionText(s *dossier.Standing) string {
	switch v := s.Verdict(); {
	case v.Decided():
		return v.Label() + "：" + s.Decision.Reason
	case v == dossier.VerdictPending:
		return v.Label()
	}
	return ""
}

// category sets the n-th section: 一、优化扩充工程, then each achievement
// section's heading and paragraphs, and the photos tied to the category.
func (d *doc) category(u *dossier.Unit, cat *dossier.Category, n int) {
	c := d.c
	name := label(u.Name)
	var secs []*dossier.Achievement
	for ai := range u.Achievements {
		if u.Achievements[ai].CategoryID == cat.ID {
			secs = append(secs, &u.Achievements[ai])
		}
	}
	var photos []*dossier.Photo
	for pi := range u.Photos {
		if u.Photos[pi].CategoryID == cat.ID {
			photos = append(photos, &u.Photos[pi])
		}
	}
	c.ctx = label(cat.Name) + " 类别名称"
	head := chineseNumber(n) + "、" + cat.Name
	// The heading keeps the first section's heading and two lines with it.
	keep := 2 * bodyPitch
	if len(secs) > 0 && strings.TrimSpace(secs[0].Heading) != "" {
		keep += float64(len(c.lines(secs[0].Heading, heading2, blockW, 0))) * heading2.pitch
	}
	c.space(bodyPitch / 3)
	c.heading(head, heading1, left, keep)
	c.pg.marks = append(c.pg.marks, mark{d.plain(c.clean(head, serif)), 1, c.y - bodyPitch})
	if len(secs) == 0 && len(photos) == 0 {
		c.ctx = ""
		c.paragraph("（本类别未提交事迹材料）", style{serif, bodySize, bodyPitch, grey}, marginL, blockW, 2*bodySize*ptMM, left)
		return
	}
	for k, a := range secs {
		if h := strings.TrimSpace(a.Heading); h != "" {
			c.ctx = name + " 事迹标题"
			if len(secs) > 1 {
				h = "（" + chineseNumber(k+1) + "）" + h
			}
			c.heading(h, heading2, left, 2*bodyPitch)
		}
		c.ctx = name + " 事迹材料"
		for _, p := range a.Paragraphs() {
			c.body(p)
		}
	}
	for _, p := range photos {
		d.photo(u, p)
	}
}

// Photo frames. A photo is printed fitted, its aspect kept, in a frame at
// most frameMaxW × frameMaxH millimetres; a small picture is not blown up
// beyond lowPPI (nor made narrower than frameMinW), and is reported when it
// still prints below lowPPI.
const (
	frameMaxW, frameMaxH = 150.0, 100.0
	frameMinW            = 40.0
)

// naturalSize is the size a pw × ph pixel picture prints at in a frame
// fw × fh millimetres: fitted inside, aspect kept, not blown up beyond
// lowPPI nor below frameMinW wide.
func naturalSize(pw, ph int, fw, fh float64) (w, h float64) {
	s := min(fw/float64(pw), fh/float64(ph))
	if capW := max(float64(pw)/lowPPI*25.4, frameMinW); float64(pw)*s > capW {
		s = capW / float64(pw)
	}
	return float64(pw) * s, float64(ph) * s
}

// photoFrame is the frame every photo of unit u is printed in: the
// smallest box that holds each of them at its size in the largest frame.
// One frame per unit makes photos that share a page print at one size, so
// a page of photos reads as a set (issue 9 item 10); a unit's pages hold
// no other unit's photos. A unit with no readable photo gets 120 × 80 mm,
// the size of the empty frame drawn for a picture that cannot be shown.
func photoFrame(u *dossier.Unit) (fw, fh float64) {
	for pi := range u.Photos {
		if _, pw, ph, err := photoInfo(&u.Photos[pi]); err == nil {
			w, h := naturalSize(pw, ph, frameMaxW, frameMaxH)
			fw, fh = max(fw, w), max(fh, h)
		}
	}
	if fw == 0 {
		return 120, 80
	}
	return fw, fh
}

// frames are the photo frames of the unit being set (see photoFrame).
type frames struct {
	unitW, unitH float64 // the unit's frame
	pg           *page   // the page the last photo was set on
	w, h         float64 // the frame of the photos on pg
	placed       []framed
}

// framed is a photo set in a frame on frames.pg.
type framed struct {
	from, to int     // its frame's items in pg.items: the picture, or the empty frame and its text
	top      float64 // top of its frame
	unit     string  // the unit's name, for the warning
	photo    *dossier.Photo
	pw, ph   int // pixels; 0 for an empty frame
}

// settleFrames ends the frame of the photos on the page last set: each is
// checked for resolution at the size it is finally printed at.
func (c *composer) settleFrames() {
	for _, f := range c.frame.placed {
		if f.pw > 0 {
			w, h := naturalSize(f.pw, f.ph, c.frame.w, c.frame.h)
			lowResolution(c, f.unit, f.photo, f.pw, f.ph, w, h)
		}
	}
	c.frame.pg, c.frame.placed = nil, nil
}

// shrinkFrames makes the frame of the photos already on the current page
// fh millimetres high (its width in proportion): each picture is fitted in
// again, and everything set after a frame moves up by what the frames
// above it gave back.
func (c *composer) shrinkFrames(fh float64) {
	fr := &c.frame
	fw := fr.w * fh / fr.h
	d := fr.h - fh
	items := c.pg.items
	for j, f := range fr.placed {
		top := f.top - float64(j)*d
		for k := f.from; k < f.to; k++ {
			it := &items[k]
			switch it.kind {
			case kImage:
				ph := fr.placed[j]
				it.w, it.h = naturalSize(ph.pw, ph.ph, fw, fh)
				it.x, it.y = marginL+(blockW-it.w)/2, top+(fh-it.h)/2
			case kRect:
				it.x, it.y, it.w, it.h = marginL+(blockW-fw)/2, top, fw, fh
			default: // the empty frame's text, centred in it
				it.y += top + fh/2 - (f.top + fr.h/2)
			}
		}
		end := len(items)
		if j+1 < len(fr.placed) {
			end = fr.placed[j+1].from
		}
		up := float64(j+1) * d
		for k := f.to; k < end; k++ {
			items[k].y -= up
		}
		bottom := f.top + fr.h
		for m := range c.pg.marks {
			if mk := &c.pg.marks[m]; mk.y > bottom && (j+1 == len(fr.placed) || mk.y <= fr.placed[j+1].top) {
				mk.y -= up
			}
		}
		if k := c.kept; k != nil && k.pg == c.pg && k.from >= f.to && k.from < end {
			k.top -= up
		}
		fr.placed[j].top = top
	}
	c.y -= float64(len(fr.placed)) * d
	fr.w, fr.h = fw, fh
}

// photo places a photo fitted in the unit's frame, centred, with its
// caption below the frame; a picture that cannot be embedded is drawn as
// an empty frame and reported. Photos on one page share one frame: a photo
// that does not fit below the others on its page makes all of them
// smaller to fit, down to 60 % of the unit's frame (and 40 mm), before it
// is moved to the next page; so does the first photo on a page.
func (d *doc) photo(u *dossier.Unit, p *dossier.Photo) {
	c := d.c
	name := label(u.Name)
	c.ctx = name + " 图片说明"
	capStyle := style{sans, 11, 11 * ptMM * 1.5, black}
	// Balanced lines: no runt last line ("（示例图 ⏎ 片）").
	caption := c.br.BreakBalanced(c.clean(p.Caption, capStyle.font), c.fonts.face[capStyle.font], capStyle.size*ptMM, blockW*0.8)
	capH := float64(len(caption)) * capStyle.pitch
	typ, pw, ph, err := photoInfo(p)
	if err != nil {
		c.warn.addLine(fmt.Sprintf("%s 图片“%s”：%v，已以空框代替", name, photoLabel(p), err))
	}
	if c.frame.pg != c.pg {
		c.settleFrames()
	}
	c.space(3)
	least := max(40, 0.6*c.frame.unitH)
	room := blockB - c.y - 2 - capH - 3
	fw, fh := c.frame.unitW, c.frame.unitH
	if n := float64(len(c.frame.placed)); n > 0 {
		fw, fh = c.frame.w, c.frame.h
		// n frames shrunk to x and this one at x fit when
		// x ≤ room + n·(fh − x).
		if x := min(fh, (room+n*fh)/(n+1)); fh > room && x >= least {
			c.shrinkFrames(x)
			fw, fh = c.frame.w, c.frame.h
		}
	} else if fh > room && !c.atTop() && room >= least {
		fw, fh = fw*room/fh, room
	}
	// The picture keeps its caption with it, or the caption's first two
	// lines when it is longer than a third of a page (the rest flows on).
	before := c.pg
	c.ensure(fh + 2 + min(capH, max(blockH/3, 2*capStyle.pitch)))
	if c.pg != before {
		c.settleFrames()
		fw, fh = c.frame.unitW, c.frame.unitH // a new page: the unit's frame
	}
	c.frame.pg, c.frame.w, c.frame.h = c.pg, fw, fh
	f := framed{from: len(c.pg.items), top: c.y, unit: name, photo: p}
	if err == nil {
		f.pw, f.ph = pw, ph
		w, h := naturalSize(pw, ph, fw, fh)
		c.photos = append(c.photos, photoRef{photo: p, typ: typ})
		c.pg.items = append(c.pg.items, item{kind: kImage, x: marginL + (blockW-w)/2, y: c.y + (fh-h)/2, w: w, h: h, photo: len(c.photos) - 1})
	} else {
		x := marginL + (blockW-fw)/2
		c.pg.items = append(c.pg.items, item{kind: kRect, x: x, y: c.y, w: fw, h: fh, fill: 0.95, stroke: true, size: 0.3})
		st := style{sans, 11, 11 * ptMM * 1.5, grey}
		msg := "图片无法显示"
		c.textItem(typeset.Line{Text: msg, Width: c.width(msg, st), Last: true}, st, x, c.y+(fh-st.pitch)/2, fw, center)
	}
	f.to = len(c.pg.items)
	c.frame.placed = append(c.frame.placed, f)
	c.y += fh + 2
	for _, l := range caption {
		c.ensure(capStyle.pitch)
		c.textItem(l, capStyle, marginL, c.y, blockW, center)
		c.y += capStyle.pitch
	}
	c.y += 3
}

// indicators sets the unit's quantified indicators: category, indicator,
// value with its unit of measure, note.
func (d *doc) indicators(u *dossier.Unit) {
	c := d.c
	name := label(u.Name)
	var rows []trow
	for ci := range d.r.Categories {
		cat := &d.r.Categories[ci]
		first := true
		for ii := range cat.Indicators {
			ind := &cat.Indicators[ii]
			for _, v := range u.Values {
				if v.IndicatorID != ind.ID {
					continue
				}
				rows = append(rows, trow{
					cells: []string{cat.Name, ind.Name, valueText(v, ind.Unit), v.Note},
					ctx:   []string{label(cat.Name) + " 类别名称", label(ind.Name) + " 指标名称", "", name + " 指标说明"},
					join:  []bool{!first},
				})
				first = false
				break
			}
		}
	}
	c.ctx = ""
	c.space(bodyPitch / 3)
	c.heading("主要量化指标", heading1, left, 25)
	if len(rows) == 0 {
		c.paragraph("（未填报量化指标）", style{serif, bodySize, bodyPitch, grey}, marginL, blockW, 2*bodySize*ptMM, left)
		return
	}
	t := &table{
		widths: []float64{30, 40, 26, 60},
		aligns: []align{left, left, right, left},
		head:   []string{"类别", "指标", "数值", "说明"},
		style:  tableText,
		hstyle: tableHead,
		nums:   []bool{false, false, true, false},
	}
	// The 数值 column is as wide as its longest figure (never cut inside
	// a number); category and indicator names wrap beyond 36 mm.
	c.fit(t, rows, 3, []float64{36, 40, 60, 0}, 40)
	c.table(t, rows)
}

// scoreBox sets the unit's score and how it came about: every evaluator's
// category scores and total, marked 去掉最高分, 去掉最低分, 回避 or 不完整,
// the kept average, and the arithmetic in words.
func (d *doc) scoreBox(s *dossier.Standing) {
	c := d.c
	name := label(s.Unit.Name)
	c.ctx = ""
	c.space(bodyPitch / 3)
	t, rows := d.scoreTable(s)
	// The heading keeps the summary line and the whole table with it.
	keep := smallSans.pitch + 1.5 + c.tableHeight(t, rows)
	if keep > blockH-2*bodyPitch {
		keep = 30
	}
	c.heading("评分情况", heading1, left, keep)
	c.pg.marks = append(c.pg.marks, mark{"评分情况", 1, c.y - bodyPitch})
	place := placeText(s, "，")
	sum := fmt.Sprintf("名次：%s　　最终得分：%s", place, s.Total.String())
	c.paragraph(sum, smallSans, marginL, blockW, 0, left)
	c.y += 1.5
	if len(rows) > 0 {
		c.table(t, rows)
		c.y += 2
	}
	c.ctx = name + " 评分说明"
	st := style{serif, 11, 11 * ptMM * 1.6, black}
	for _, step := range s.Explanation.Steps {
		c.paragraph(step, st, marginL, blockW, 2*11*ptMM, justify)
	}
	if s.Decision != nil {
		c.paragraph(decisionText(s)+"。", st, marginL, blockW, 2*11*ptMM, justify)
	}
}

// scoreTable returns the table of every evaluator's scores of the unit:
// category scores, total and what became of them, then the kept average.
func (d *doc) scoreTable(s *dossier.Standing) (*table, []trow) {
	cats := d.r.Categories
	if len(s.Explanation.Lines) == 0 {
		return nil, nil
	}
	nc := len(cats)
	catW := 0.0
	if nc > 0 {
		catW = min(20, (blockW-30-13-27)/float64(nc))
	}
	t := &table{
		widths: []float64{30},
		aligns: []align{left},
		head:   []string{"评委"},
		style:  style{serif, 10, 10 * ptMM * 1.45, black},
		hstyle: style{sans, 9, 9 * ptMM * 1.35, black},
	}
	t.nums = []bool{false}
	for _, cat := range cats {
		t.widths = append(t.widths, catW)
		t.aligns = append(t.aligns, right)
		t.nums = append(t.nums, true)
		t.head = append(t.head, fmt.Sprintf("%s（%s）", cat.Name, cat.Max.Short()))
	}
	t.widths = append(t.widths, 13, 0)
	t.aligns = append(t.aligns, right, center)
	t.nums = append(t.nums, true, false)
	t.head = append(t.head, "合计", "处理")
	t.widths[len(t.widths)-1] = blockW - t.total()
	var rows []trow
	for _, ln := range s.Explanation.Lines {
		cells := []string{ln.Evaluator.Name}
		for ci := range cats {
			if ci < len(ln.Has) && ln.Has[ci] {
				cells = append(cells, ln.Scores[ci].String())
			} else {
				cells = append(cells, "—")
			}
		}
		cells = append(cells, ln.Total.String(), ln.Status.Label())
		row := trow{cells: cells, ctx: []string{label(ln.Evaluator.Name) + " 评委姓名"}}
		if ln.Status != dossier.Kept {
			row.fill, row.color = 0.94, grey
		}
		rows = append(rows, row)
	}
	avg := []string{fmt.Sprintf("平均（%d 份）", s.Total.N)}
	for ci := range cats {
		avg = append(avg, s.Categories[ci].String())
	}
	avg = append(avg, s.Total.String(), "最终得分")
	return t, append(rows, trow{cells: avg, fill: 0.88})
}

// valueText prints an indicator value with its unit, or "—" for a note
// without a figure.
func valueText(v dossier.IndicatorValue, unit string) string {
	if v.NoValue {
		return "—"
	}
	return figure(v.Value, unit)
}
