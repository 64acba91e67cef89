package pdf

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/export"
	"github.com/dossier-app/dossier/export/typeset"
)

// notice sets the public-notice list: title, a paragraph, the listed units
// in rank order, how to object, and the organiser and date.
func (d *doc) notice() {
	c := d.c
	b, r := d.b, d.r
	d.noHeader = true
	c.newPage()
	c.pg.marks = append(c.pg.marks, mark{"拟推荐单位名单公示", 0, marginT})
	c.ctx = label(d.title) + " 评选活动名称"
	c.title(d.title, titleBig, 0)
	c.ctx = ""
	c.title("拟推荐单位名单公示", titleBig, 0)
	c.y += bodyPitch / 2

	org := strings.TrimSpace(b.Campaign.Organiser)
	c.ctx = label(org) + " 主办单位"
	who := "评审委员会"
	if org != "" {
		who = org + "组织的评审委员会"
	}
	listed := 0
	for i := range r.Standings {
		if r.Standings[i].Listed() {
			listed++
		}
	}
	c.body(fmt.Sprintf("经单位申报、材料审核和%s评审，%s拟推荐单位共%d个，现予以公示（按名次排列），接受社会监督。", who, "本次评选", listed))
	if p, ok := export.NoticePeriod(b); ok {
		c.body(fmt.Sprintf("公示期：%s至%s（%d个工作日）。", dossier.ChineseDate(p.Start), dossier.ChineseDate(p.End), p.Days))
	}
	c.y += 2

	var rows []trow
	n := 0
	for i := range r.Standings {
		s := &r.Standings[i]
		if !s.Listed() {
			continue
		}
		n++
		name := label(s.Unit.Name)
		rows = append(rows, trow{
			cells: []string{strconv.Itoa(n), s.Unit.Code, s.Unit.Name, s.Unit.Region, s.Total.String()},
			ctx:   []string{"", name + " 申报编号", name + " 单位名称", name + " 所属地区"},
		})
	}
	if len(rows) == 0 {
		rows = append(rows, trow{cells: []string{"（暂无拟推荐单位）"}, span: true, color: grey})
	}
	t := &table{
		widths: []float64{14, 30, 68, 26, 18},
		aligns: []align{center, center, left, left, right},
		head:   []string{"序号", "申报编号", "单位名称", "所属地区", "得分"},
		style:  style{serif, 12, 12 * ptMM * 1.5, black},
		hstyle: style{sans, 12, 12 * ptMM * 1.5, black},
		nums:   []bool{true, false, false, false, true},
	}
	c.fit(t, rows, 2, []float64{0, 40, 0, 36, 0}, 50)
	c.table(t, rows)
	c.y += bodyPitch / 2

	c.ctx = label(org) + " 主办单位"
	to := "主办单位"
	if org != "" {
		to = org
	}
	c.body(fmt.Sprintf("公示期间，对公示单位有异议的，请以书面形式向%s提出，写明异议事项和理由并提供必要的证明材料。以单位名义提出的须加盖公章，以个人名义提出的须署真实姓名并注明联系方式。", to))
	if contact := strings.TrimSpace(b.Campaign.ObjectionContact); contact != "" {
		// The contact as the clerk typed it, one paragraph per line.
		c.ctx = "异议受理联系方式"
		head := "异议受理："
		for _, line := range strings.Split(contact, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				c.body(head + line)
				head = ""
			}
		}
		c.ctx = ""
	} else {
		c.ensure(2 * bodyPitch)
		indent := 2 * bodySize * ptMM
		x := c.blank("异议受理联系人：", marginL+indent, 36)
		c.blank("电话：", x+6, blockR)
		c.y += bodyPitch
		c.blank("受理地址：", marginL+indent, blockR)
		c.y += bodyPitch
	}

	// Signature block of an unsealed document (GB/T 9704 §7.3.5.2): one
	// blank line below the text, the organiser 右空二字, the date on the
	// next line starting two characters right of the organiser's first
	// character; a date longer than that ends 右空二字 itself, and the
	// organiser moves left to keep the two-character step.
	c.y += bodyPitch
	c.ensure(2 * bodyPitch)
	em := bodySize * ptMM
	org = c.clean(org, body.font)
	c.ctx = ""
	date := c.clean(dateText(b.Campaign.Date), body.font)
	ow, dw := c.width(org, body), c.width(date, body)
	xo := blockR - 2*em - ow
	if date != "" && xo+2*em+dw > blockR-2*em {
		xo = blockR - 2*em - dw - 2*em
	}
	xo = max(xo, marginL)
	if org != "" {
		if ow <= blockR-xo {
			c.textItem(typeset.Line{Text: org, Width: ow, Last: true}, body, xo, c.y, ow, left)
			c.y += bodyPitch
		} else {
			c.paragraph(org, body, marginL, blockW-2*em, 0, right)
		}
	}
	if date != "" {
		c.textItem(typeset.Line{Text: date, Width: dw, Last: true}, body, min(xo+2*em, blockR-dw), c.y, dw, left)
		c.y += bodyPitch
	}
}

// blank sets a label at x on the current line followed by a line to write
// on, n millimetres long, or to the right edge of the text block when n
// reaches it; it returns the line's right end.
func (c *composer) blank(label string, x, n float64) float64 {
	lw := c.width(label, body)
	c.textItem(typeset.Line{Text: label, Width: lw, Last: true}, body, x, c.y, lw, left)
	end := min(x+lw+1+n, blockR)
	c.rule(x+lw+1, baseline(c.y, body)+1.2, end-x-lw-1, 0.3, black, false)
	return end
}
