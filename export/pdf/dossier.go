package pdf

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/export/typeset"
)

// doc is one document being made.
type doc struct {
	b     *dossier.Book
	r     *dossier.Ranking
	c     *composer
	opt   Options
	title string // campaign title, for the running header
	// noHeader leaves out the running header (the notice, like an
	// official document, has page numbers only).
	noHeader bool
	// noScores leaves out each unit's score box (the single-unit PDF
	// without Options.WithScores).
	noScores bool
	// start is the index of the first page of each standing's section, -1
	// when the document does not hold it.
	start []int
	toc   []tocEntry
	// fingerprint is the rule's, computed once (see seal).
	fingerprint string
	// withAppendices puts the appendices (appendix.go) after the units:
	// the dossier has them, the other documents not.
	withAppendices bool
	// appendixStart is the page index of each appendix, once laid out.
	appendixStart []int
}

// tocEntry is a line of the table of contents whose page number is filled
// in once the pages it points to are laid out.
type tocEntry struct {
	page   int     // page of the contents the entry is on
	y      float64 // baseline of the entry's last line
	end    float64 // right end of the entry's text
	unit   int     // standing it points to, or -1
	target int     // page it points to when unit is -1 and appendix is 0
	// appendix is the number (1-based) of the appendix it points to, 0
	// for none: its page is known only when the appendices are laid out.
	appendix int
	top      float64 // top of the entry, for the link
	linkEnd  float64
}

func newDoc(b *dossier.Book, r *dossier.Ranking, opt Options) (*doc, error) {
	if b == nil {
		return nil, fmt.Errorf("pdf: no book")
	}
	if r == nil {
		r = dossier.Rank(b)
	}
	fs, err := loadFonts(b.Campaign.BodyFont)
	if err != nil {
		return nil, err
	}
	d := &doc{b: b, r: r, c: newComposer(fs), opt: opt}
	d.start = make([]int, len(r.Standings))
	for i := range d.start {
		d.start[i] = -1
	}
	d.title = b.Campaign.Title
	if strings.TrimSpace(d.title) == "" {
		d.title = "先进单位评选"
	}
	return d, nil
}

// write lays out the given standings' sections after the pages already
// laid out (each on new pages), renders everything and writes the PDF to w.
// The units are laid out in a goroutine of their own while the pages before
// them are rendered, so that layout and printing overlap; the result does
// not depend on the timing, as pages are rendered in order.
func (d *doc) write(w io.Writer, units []int, m meta) (*Report, error) {
	m.author = d.plain(d.b.Campaign.Organiser)
	m.date = d.b.Campaign.DateTime()
	parts := make(chan *composer, 8)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(parts)
		for _, i := range units {
			select {
			case parts <- d.layoutUnit(i):
			case <-stop:
				return
			}
		}
	}()
	progress := func(done int) {
		if d.opt.Progress != nil {
			d.opt.Progress(done, len(units))
		}
	}
	progress(0)
	r, err := newRenderer(d.c.fonts, m, &d.c.warn, newImages(d.opt.PPI, d.opt.Photos))
	if err != nil {
		return nil, err
	}
	n := 0
	emit := func(pg *page, photos []photoRef) error {
		d.furnish(pg, n)
		n++
		return r.page(pg, photos)
	}
	for _, pg := range d.c.pages {
		if err := emit(pg, d.c.photos); err != nil {
			return nil, err
		}
	}
	k := 0
	for uc := range parts {
		d.start[units[k]] = n
		for _, pg := range uc.pages {
			if err := emit(pg, uc.photos); err != nil {
				return nil, err
			}
		}
		d.c.warn.merge(&uc.warn)
		k++
		progress(k)
	}
	if d.withAppendices && len(d.appendices()) > 0 {
		ac, starts := d.layoutAppendices()
		for _, s := range starts {
			d.appendixStart = append(d.appendixStart, n+s)
		}
		for _, pg := range ac.pages {
			if err := emit(pg, ac.photos); err != nil {
				return nil, err
			}
		}
		d.c.warn.merge(&ac.warn)
	}
	for _, e := range d.toc {
		if items := d.tocItems(e); items != nil {
			if err := r.addTo(e.page, items); err != nil {
				return nil, err
			}
		}
	}
	imageBytes, err := r.output(w)
	if err != nil {
		return nil, err
	}
	return &Report{Pages: n, Warnings: d.c.warn.list, Images: len(r.images.list), ImageBytes: imageBytes}, nil
}

// layoutUnit lays out standing i's section with a composer of its own.
func (d *doc) layoutUnit(i int) *composer {
	ud := *d
	ud.c = newComposer(d.c.fonts)
	ud.unit(i)
	return ud.c
}

// furnish adds the running header (campaign title and section) and the
// page number (“— 7 —”, odd pages right, even pages left, one character in
// from the edge of the text block) to page number n (0-based), if it has them.
func (d *doc) furnish(pg *page, n int) {
	if !pg.furniture {
		return
	}
	c := d.c
	c.ctx = label(d.title) + " 页眉"
	left := c.clean(d.title, furniture.font)
	y := marginT - 7
	right := c.clean(pg.header, furniture.font)
	l, right := c.headerParts(left, right)
	rw := c.width(right, furniture)
	h := furniture.size * ptMM
	if !d.noHeader {
		pg.items = append(pg.items,
			item{kind: kText, font: furniture.font, color: grey, x: marginL, y: y, w: c.width(l, furniture), h: h, size: furniture.size, text: l, outside: true},
			item{kind: kText, font: furniture.font, color: grey, x: blockR - rw, y: y, w: rw, h: h, size: furniture.size, text: right, outside: true},
			item{kind: kLine, x: marginL, y: y + 2, w: blockW, size: 0.25, color: grey, outside: true},
		)
	}
	// Two spaces: fpdf's Unicode fonts give a single space too little room
	// for text extraction (pdftotext) to see it, and the folio must read
	// “— 7 —” there too.
	num := "—  " + strconv.Itoa(n+1) + "  —"
	nw := c.width(num, folio)
	em := folio.size * ptMM
	x := blockR - em - nw
	if (n+1)%2 == 0 {
		x = marginL + em
	}
	pg.items = append(pg.items, item{kind: kText, font: folio.font, x: x, y: blockB + 7 + emAscent*em, w: nw, h: em, size: folio.size, text: num, outside: true})
	if seal := d.seal(); seal != "" {
		// On the side away from the folio, on its baseline.
		sw := c.width(seal, furniture)
		sx := marginL
		if (n+1)%2 == 0 {
			sx = blockR - sw
		}
		pg.items = append(pg.items, item{kind: kText, font: furniture.font, color: grey, x: sx, y: blockB + 7 + emAscent*em, w: sw, h: furniture.size * ptMM, size: furniture.size, text: seal, outside: true})
	}
}

// seal is the footer's small print matching paper to file: the first 16
// digits of the rule fingerprint and of the score log head, or "".
func (d *doc) seal() string {
	if len(d.opt.LogHead) < 16 {
		return ""
	}
	if d.fingerprint == "" {
		d.fingerprint = dossier.Fingerprint(d.b)
	}
	return "规则 " + d.fingerprint[:16] + "  记录 " + d.opt.LogHead[:16]
}

// cover sets the cover: campaign title, 评审材料汇编, a line of figures,
// organiser and date. It has neither running header nor page number.
func (d *doc) cover() {
	c := d.c
	c.newPage()
	c.pg.furniture = false
	c.ctx = label(d.title) + " 评选活动名称"
	c.y = marginT + 28
	c.title(d.title, style{songBold, 26, 26 * ptMM * 1.5, black}, 0)
	c.y += 14
	c.ctx = ""
	c.title("评审材料汇编", style{songBold, 36, 36 * ptMM * 1.4, black}, 0)
	c.y += 16
	ranked := 0
	for _, s := range d.r.Standings {
		if s.Rank > 0 {
			ranked++
		}
	}
	c.paragraph(fmt.Sprintf("申报单位%d个　参与排名%d个　评委%d名　拟表彰名额%d个",
		len(d.r.Standings), ranked, len(d.b.Evaluators), d.r.Quota), subtitle, marginL, blockW, 0, center)
	c.y = blockB - 3*subtitle.pitch
	c.ctx = label(d.b.Campaign.Organiser) + " 主办单位"
	if org := strings.TrimSpace(d.b.Campaign.Organiser); org != "" {
		c.paragraph(org, style{sans, 18, 18 * ptMM * 1.8, black}, marginL, blockW, 0, center)
	}
	c.ctx = ""
	if date := dateText(d.b.Campaign.Date); date != "" {
		c.paragraph(date, style{serif, 16, 16 * ptMM * 1.8, black}, marginL, blockW, 0, center)
	}
}

// sectionTitle starts a front-matter section on a new page.
func (d *doc) sectionTitle(name string) {
	c := d.c
	c.header = name
	c.newPage()
	c.pg.marks = append(c.pg.marks, mark{name, 0, marginT})
	c.ctx = ""
	c.title(name, titleBig, 0)
	c.y += bodyPitch / 2
}

// rules states the scoring and ranking rule in words, with the campaign's
// own categories, maxima, trim threshold, tie-breaks and quota.
func (d *doc) rules() {
	c := d.c
	d.sectionTitle("评分与排名规则")
	b, r := d.b, d.r
	cats := r.Categories
	var names []string
	max := dossier.Tenths(0)
	for _, cat := range cats {
		names = append(names, cat.Name)
		max += cat.Max
	}
	c.heading("一、评分类别", heading1, left, 2*bodyPitch)
	if len(cats) == 0 {
		c.body("本次评选未设置评分类别。")
	} else {
		c.body(fmt.Sprintf("本次评选设%s共%d个评分类别，满分合计%s分。评委按类别逐项评分，分值为0至该类别满分之间、最多保留一位小数的数值。",
			strings.Join(names, "、"), len(cats), max.Short()))
		for i, cat := range cats {
			c.ctx = label(cat.Name) + " 类别说明"
			s := fmt.Sprintf("（%s）%s", chineseNumber(i+1), cat.Name)
			if sl := strings.TrimSpace(cat.Slogan); sl != "" {
				s += "（" + sl + "）"
			}
			s += fmt.Sprintf("，满分%s分。", cat.Max.Short())
			if desc := strings.TrimSpace(cat.Description); desc != "" {
				s += strings.TrimRight(desc, "。") + "。"
			}
			c.body(s)
		}
		c.ctx = ""
	}
	c.heading("二、有效总分", heading1, left, 2*bodyPitch)
	c.body("评委对一个单位各类别评分之和，为该评委给出的总分。评委与申报单位存在回避关系的（评委所属地区与单位所属地区相同或存在隶属关系，评委工作单位即申报单位或其推荐单位，以及经记录理由确定的其他回避情形），其评分不计入；评委未对全部类别评分的，其评分不完整，不计入。其余为该单位的有效总分。")
	c.heading("三、最终得分", heading1, left, 2*bodyPitch)
	c.body(fmt.Sprintf("有效总分达到%d份的，去掉一个最高分和一个最低分，以其余总分的平均值为最终得分；不足%d份的，以全部有效总分的平均值为最终得分。最高分或最低分有多个相同的，去掉评委名单中排列在前的评委的评分。各类别得分按同样保留的评委评分取平均值，各类别得分之和即最终得分。",
		r.TrimMin, r.TrimMin))
	c.body("得分四舍五入保留两位小数，仅用于显示和导出；排名按未经舍入的精确值进行。")
	c.heading("四、排名", heading1, left, 2*bodyPitch)
	var tie []string
	for _, id := range b.Campaign.TieBreak {
		if cat := b.Category(id); cat != nil {
			tie = append(tie, cat.Name)
		}
	}
	if len(tie) > 0 {
		c.ctx = "并列规则"
		c.body(fmt.Sprintf("按最终得分从高到低排名。最终得分相同的，依次比较%s得分，得分高者在前；仍然相同的为并列，名次相同（如1、2、2、4），并列单位按申报编号排列。", strings.Join(tie, "、")))
		c.ctx = ""
	} else {
		c.body("按最终得分从高到低排名。最终得分相同的为并列，名次相同（如1、2、2、4），并列单位按申报编号排列。")
	}
	c.body("没有有效总分的单位列于最后，不参与排名；已撤回的单位不参与排名。")
	c.heading("五、拟推荐名额", heading1, left, 2*bodyPitch)
	c.body(fmt.Sprintf("本次评选拟表彰名额为%d个。名次在名额以内的单位为拟推荐单位。并列单位跨越名额线的，均不标注为拟推荐，提请评审委员会决定；评审委员会作出决定前，不列入公示名单。", r.Quota))
	if len(r.Caps) > 0 {
		c.body("本次评选设有推荐名额限制：" + strings.Join(r.Caps, "；") + "（地市按所属地区中第一个“市、州、盟、地区”及其以前的部分认定）。拟推荐单位按名次依次确定，仅因上述限制跳过的单位在其“评分情况”中写明所受限制和递补单位；并列单位跨越限制的，提请评审委员会决定；下限无法达到的如实说明，不调整名次。")
		for _, u := range r.Unmet {
			c.body(u)
		}
	}
	c.heading("六、评审情况", heading1, left, 2*bodyPitch)
	ranked, noScore, withdrawn, decide := 0, 0, 0, 0
	for _, s := range r.Standings {
		switch {
		case s.Rank > 0:
			ranked++
		case s.Unit.Status == dossier.StatusWithdrawn:
			withdrawn++
		default:
			noScore++
		}
		if s.NeedsDecision {
			decide++
		}
	}
	s := fmt.Sprintf("本次评选共有申报单位%d个，评委%d名。参与排名的单位%d个，拟推荐单位%d个", len(r.Standings), len(b.Evaluators), ranked, r.RecommendedCount())
	if decide > 0 {
		s += fmt.Sprintf("，并列跨越名额线、待评审委员会决定的单位%d个", decide)
	}
	if noScore > 0 {
		s += fmt.Sprintf("，无有效评分的单位%d个", noScore)
	}
	if withdrawn > 0 {
		s += fmt.Sprintf("，已撤回的单位%d个", withdrawn)
	}
	c.body(s + "。各单位的评分明细及计算过程见其材料后的“评分情况”。")
	c.heading("七、材料使用范围", heading1, left, 2*bodyPitch)
	c.body("本汇编载有各评委的姓名和评分明细，仅供评审委员会及评选工作人员使用，不对外公开。公示名单只列拟推荐单位的申报编号、名称、所属地区和得分。单独导出的单位事迹材料可发回申报单位核对，默认不含评委姓名和评分明细；确需附上时另行选择。")
	if d.seal() != "" {
		c.heading("八、规则指纹与评分记录", heading1, left, 2*bodyPitch)
		c.body("评分规则指纹（SHA-256）：" + d.fingerprint + "。评分记录链头：" + d.opt.LogHead +
			"。每页页脚印有两者的前 16 位；以 dossierctl verify 核对评选活动文件，输出相同的链头，即表明文件中的评分与本材料一致、未被改动。")
	}
	if d.opt.Flags != nil {
		d.reviewFlags()
	}
}

// reviewFlags lists the 复核 flags still unresolved: they block nothing
// but must be impossible to miss.
func (d *doc) reviewFlags() {
	c := d.c
	c.heading("九、复核标记", heading1, left, 2*bodyPitch)
	var open []dossier.Flag
	for _, f := range d.opt.Flags {
		if f.Resolved == nil {
			open = append(open, f)
		}
	}
	if d.withAppendices {
		defer c.body("全部复核标记及其复核人、复核时间和复核意见见附录一。")
	}
	if len(open) == 0 {
		c.body(fmt.Sprintf("复核标记共 %d 项，均已复核。复核标记不改变任何评分和排名。", len(d.opt.Flags)))
		return
	}
	c.body(fmt.Sprintf("复核标记共 %d 项，其中 %d 项尚未复核（复核标记不改变任何评分和排名）：", len(d.opt.Flags), len(open)))
	for i, f := range open {
		what := f.UnitCode + " " + f.UnitName + "，"
		if f.UnitCode == "" {
			what = ""
		}
		c.body(fmt.Sprintf("（%s）%s：%s%s。", chineseNumber(i+1), dossier.FlagLabel(f.Kind), what, f.Detail))
	}
}

// remark is the 备注 of a standing in the ranking table.
func remark(s *dossier.Standing) string {
	var parts []string
	if s.Tie {
		parts = append(parts, "并列")
	}
	switch v := s.Verdict(); v {
	case dossier.VerdictUnranked:
		// The table's 备注 column is narrow: the full reason is on the
		// unit's own page.
		parts = append(parts, "无有效评分")
	default:
		if l := v.Label(); l != "" {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, " ")
}

// rankText is how a standing's place is written: 第2名（并列）, 未排名, 已撤回.
func rankText(s *dossier.Standing) string {
	switch {
	case s.Rank > 0 && s.Tie:
		return fmt.Sprintf("第%d名（并列）", s.Rank)
	case s.Rank > 0:
		return fmt.Sprintf("第%d名", s.Rank)
	case s.Unit.Status == dossier.StatusWithdrawn:
		return "已撤回"
	}
	return "未排名"
}

// rankingTable sets the ranking: rank, unit, region, per-category scores,
// total and remark, with the cut line after the recommended units.
func (d *doc) rankingTable() {
	c := d.c
	d.sectionTitle("排名表")
	t, rows := d.ranking()
	c.table(t, rows)
	c.y += 2
	c.paragraph("注：各类别得分和总分为保留的评委评分的平均值（有效总分达到规定份数的，已去掉一个最高分和一个最低分），四舍五入保留两位小数；排名按精确值进行。",
		style{serif, 10, 10 * ptMM * 1.6, black}, marginL, blockW, 0, left)
}

// ranking returns the ranking table and its rows, the columns sized.
func (d *doc) ranking() (*table, []trow) {
	c := d.c
	r := d.r
	nc := len(r.Categories)
	catW := 0.0
	if nc > 0 {
		catW = min(17, max(12, (blockW-10.5-16-12.5-19.5-31)/float64(nc)))
	}
	t := &table{
		widths: []float64{10.5, 0, 16},
		aligns: []align{right, left, left},
		head:   []string{"名次", "申报单位", "所属地区"},
		style:  style{serif, 9, 9 * ptMM * 1.4, black},
		hstyle: style{sans, 8, 8 * ptMM * 1.35, black},
		nums:   []bool{true, false, false},
	}
	for _, cat := range r.Categories {
		t.widths = append(t.widths, catW)
		t.aligns = append(t.aligns, right)
		t.nums = append(t.nums, true)
		t.head = append(t.head, fmt.Sprintf("%s（%s）", cat.Name, cat.Max.Short()))
	}
	t.widths = append(t.widths, 12.5, 19.5)
	t.aligns = append(t.aligns, right, left)
	t.nums = append(t.nums, true, false)
	t.head = append(t.head, "总分", "备注")
	t.widths[1] = blockW - t.total()
	var rows []trow
	decide := 0
	for i := range r.Standings {
		s := &r.Standings[i]
		if s.NeedsDecision {
			decide++
		}
	}
	cutText := fmt.Sprintf("名额线：以上%d个单位拟推荐（拟表彰名额%d个）", r.RecommendedCount(), r.Quota)
	if decide > 0 {
		cutText += fmt.Sprintf("；以下%d个单位并列跨越名额线，待评审委员会决定", decide)
	}
	cut := r.Quota > 0 && len(r.Standings) > 0 && r.Standings[0].Rank > 0
	for i := range r.Standings {
		s := &r.Standings[i]
		if cut && i == r.CutAfter {
			rows = append(rows, trow{cells: []string{cutText}, span: true, color: red, cut: true})
		}
		name := label(s.Unit.Name)
		rank := "—"
		if s.Rank > 0 {
			rank = strconv.Itoa(s.Rank)
		}
		cells := []string{rank, s.Unit.Name, s.Unit.Region}
		for ci := range r.Categories {
			cells = append(cells, s.Categories[ci].String())
		}
		cells = append(cells, s.Total.String(), remark(s))
		row := trow{cells: cells, ctx: []string{"", name + " 单位名称", name + " 所属地区"}}
		if s.Rank == 0 {
			row.color = grey
		}
		rows = append(rows, row)
	}
	if len(r.Standings) == 0 {
		rows = append(rows, trow{cells: []string{"（暂无申报单位）"}, span: true, color: grey})
	}
	if cut && r.CutAfter == len(r.Standings) {
		rows = append(rows, trow{cells: []string{cutText}, span: true, color: red, cut: true})
	}
	// Columns sized from their content: names wrap only when they must;
	// regions, scores and remarks never do.
	limit := make([]float64, len(t.widths))
	limit[2] = 30
	c.fit(t, rows, 1, limit, 30)
	return t, rows
}

// tocStyle sets the entries of the table of contents.
var tocStyle = style{serif, 13, 8.6, black}

// contents sets the table of contents; page numbers are filled in by
// tocItems once the units are laid out.
func (d *doc) contents() {
	c := d.c
	d.sectionTitle("目　录")
	st := tocStyle
	numW := c.width("0000", st) + 2
	front := []struct {
		name string
		page int
	}{{"评分与排名规则", 1}, {"排名表", 2}}
	for i, pg := range c.pages {
		for _, mk := range pg.marks {
			if mk.text == "评分与排名规则" {
				front[0].page = i
			}
			if mk.text == "排名表" {
				front[1].page = i
			}
		}
	}
	for _, f := range front {
		d.tocLine("", 0, f.name, st, numW, -1, f.page)
	}
	c.y += st.pitch / 2
	labelW := 0.0
	for i := range d.r.Standings {
		labelW = max(labelW, c.width(rankText(&d.r.Standings[i]), st))
	}
	labelW += 3
	shownUnranked := false
	for i := range d.r.Standings {
		s := &d.r.Standings[i]
		if s.Rank == 0 && !shownUnranked {
			shownUnranked = true
			c.y += st.pitch / 2
			c.heading("未参与排名的单位", style{sans, 13, 8.6, black}, left, st.pitch)
		}
		c.ctx = label(s.Unit.Name) + " 单位名称"
		d.tocLine(rankText(s), labelW, s.Unit.Name, st, numW, i, 0)
	}
	c.ctx = ""
	if d.withAppendices {
		for k, title := range d.appendices() {
			if k == 0 && shownUnranked {
				// Set apart from the unranked units' group above.
				c.y += st.pitch / 2
				c.heading("附　录", style{sans, 13, 8.6, black}, left, st.pitch)
			} else if k == 0 {
				c.y += st.pitch / 2
			}
			d.tocLine("", 0, title, st, numW, -1, -1)
			d.toc[len(d.toc)-1].appendix = k + 1
		}
	}
}

// tocLine sets one entry: a label column, the name (wrapped if long) and,
// later, the leader dots and page number.
func (d *doc) tocLine(lab string, labelW float64, name string, st style, numW float64, unit, target int) {
	c := d.c
	x := marginL + labelW
	w := blockW - labelW - numW - 6
	lines := c.lines(name, st, w, 0)
	c.keepLines(lines, st, 0)
	top := c.y
	if lab != "" {
		lab = c.clean(lab, st.font)
		c.textItem(typeset.Line{Text: lab, Width: c.width(lab, st), Last: true}, st, marginL, c.y, labelW, left)
	}
	end := x
	for _, l := range lines {
		if c.y+st.pitch > blockB+1e-6 { // a name longer than half a page flows on
			c.newPage()
			top = c.y
		}
		c.textItem(l, st, x, c.y, w, left)
		end = x + l.Width
		c.y += st.pitch
	}
	c.kept = nil
	d.toc = append(d.toc, tocEntry{page: len(c.pages) - 1, y: baseline(c.y-st.pitch, st), end: end, unit: unit, target: target, top: top, linkEnd: c.y})
}

// tocItems returns the page number, leader dots and link of an entry of
// the table of contents, once the page it points to is known.
func (d *doc) tocItems(e tocEntry) []item {
	c := d.c
	target := e.target
	switch {
	case e.unit >= 0:
		target = d.start[e.unit]
	case e.appendix > 0 && e.appendix <= len(d.appendixStart):
		target = d.appendixStart[e.appendix-1]
	case e.appendix > 0:
		target = -1
	}
	if target < 0 {
		return nil
	}
	st := tocStyle
	dot := c.width(".", st)
	num := strconv.Itoa(target + 1)
	nw := c.width(num, st)
	h := st.size * ptMM
	items := []item{{kind: kText, font: st.font, x: blockR - nw, y: e.y, w: nw, h: h, size: st.size, text: num}}
	from, to := e.end+2, blockR-nw-2
	if n := int((to - from) / (dot * 1.6)); n > 0 {
		// Spread the dots to end exactly before the number.
		tc := 0.0
		if n > 1 {
			tc = (to - from - float64(n)*dot) / float64(n-1) / ptMM
		}
		items = append(items, item{kind: kText, font: st.font, color: grey, x: from, y: e.y, w: to - from, h: h, size: st.size, tc: tc, text: strings.Repeat(".", n)})
	}
	return append(items, item{kind: kLink, x: marginL, y: e.top, w: blockW, h: e.linkEnd - e.top, target: target})
}

// dateText writes a YYYY-MM-DD date the Chinese way: 2022年3月15日.
func dateText(date string) string {
	parts := strings.Split(strings.TrimSpace(date), "-")
	if len(parts) != 3 {
		return strings.TrimSpace(date)
	}
	y, e1 := strconv.Atoi(parts[0])
	m, e2 := strconv.Atoi(parts[1])
	dd, e3 := strconv.Atoi(parts[2])
	if e1 != nil || e2 != nil || e3 != nil {
		return strings.TrimSpace(date)
	}
	return fmt.Sprintf("%d年%d月%d日", y, m, dd)
}

// chineseNumber writes 1–99 in Chinese numerals: 一, 十, 十一, 二十三.
func chineseNumber(n int) string {
	digits := []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n > 99:
		return strconv.Itoa(n)
	case n < 10:
		return digits[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + digits[n%10]
	case n%10 == 0:
		return digits[n/10] + "十"
	}
	return digits[n/10] + "十" + digits[n%10]
}
