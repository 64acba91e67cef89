package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/dossier-app/dossier/export"
)

// procedureForm is the settings screen's part for the official procedure
// (DESIGN.md "Official procedure"): quota caps, the 公示 and the campaign's
// own calendar days. Its fields save with the campaign form.
type procedureForm struct {
	t                     *settingsTab
	regionCap, kindQuotas *field
	noticeStart, days     *field
	contact               *field
	period                *zhLabel // the computed 公示期
	calendar              *field   // days to add, one per line
	calendarMsg           *zhLabel
}

func newProcedureForm(t *settingsTab, mk func(hint string) *field) *procedureForm {
	p := &procedureForm{t: t}
	p.regionCap = mk("0 为不限")
	p.kindQuotas = mk("例如：基层学校>=30%；教育行政部门<=5")
	p.noticeStart = mk("YYYY-MM-DD")
	p.days = mk("默认 5")
	p.contact = mk("受理单位、电话、地址或邮箱")
	p.period = newZhLabel("")
	p.calendar = newField(true)
	p.calendar.SetPlaceHolder("每行一项，例如：\n2027-01-01..2027-01-03 放假 元旦\n2027-01-09 上班")
	p.calendar.SetMinRowsVisible(3)
	p.calendarMsg = newZhLabel("")
	return p
}

// view is the part as laid out in the settings screen's left column.
func (p *procedureForm) view() fyne.CanvasObject {
	form := widget.NewForm(
		&widget.FormItem{Text: "每个地市上限", Widget: p.regionCap, HintText: "地市按所属地区中第一个“市、州、盟、地区”认定；0 为不限"},
		&widget.FormItem{Text: "单位类型名额", Widget: p.kindQuotas, HintText: "类型>=数量 或 类型<=数量，数量可带 %（占拟表彰名额），多项用“；”分隔"},
		&widget.FormItem{Text: "公示开始日期", Widget: p.noticeStart, HintText: "当天计入公示期"},
		&widget.FormItem{Text: "公示工作日数", Widget: p.days, HintText: "不少于 5 个工作日为常规做法"},
		&widget.FormItem{Text: "异议受理", Widget: p.contact, HintText: "印在公示名单上"},
	)
	add := widget.NewButtonWithIcon("添加到日历", theme.ContentAddIcon(), p.addCalendar)
	var years []string
	for _, y := range export.HolidayYears() {
		years = append(years, strconv.Itoa(y.Year))
	}
	help := muted("公示期按工作日计算：周末休息，法定节假日休息，调休上班日上班。软件已收录国务院办公厅公布的 " +
		strings.Join(years, "、") + " 年节假日安排；其他年份或地方假日可在下面补充。")
	return container.NewVBox(heading("名额限制与公示"), form, p.period, help, p.calendar,
		container.NewBorder(nil, nil, nil, add, p.calendarMsg))
}

// load shows the campaign's settings.
func (p *procedureForm) load(c dossier.Campaign) {
	p.regionCap.SetText(strconv.Itoa(c.RegionCap))
	p.kindQuotas.SetText(quotasText(c.KindQuotas))
	p.noticeStart.SetText(c.NoticeStart)
	p.days.SetText(strconv.Itoa(c.NoticeLength()))
	p.contact.SetText(c.ObjectionContact)
	p.showPeriod(c)
}

func quotasText(qs []dossier.KindQuota) string {
	var out []string
	for _, q := range qs {
		out = append(out, q.String())
	}
	return strings.Join(out, "；")
}

func parseQuotas(s string) ([]dossier.KindQuota, error) {
	var out []dossier.KindQuota
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '；' || r == ';' || r == '\n' || r == '，' || r == ',' }) {
		if strings.TrimSpace(part) == "" {
			continue
		}
		q, err := dossier.ParseKindQuota(part)
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, nil
}

// showPeriod says the 公示期 the settings give.
func (p *procedureForm) showPeriod(c dossier.Campaign) {
	if c.NoticeStart == "" {
		p.period.SetText(fmt.Sprintf("公示期：%d 个工作日，开始日期未设定。", c.NoticeLength()))
		return
	}
	b, err := p.t.s.store.Book(p.t.s.ctx, store.LoadOptions{})
	if err != nil {
		return
	}
	b.Campaign = c
	per, ok := export.NoticePeriod(b)
	if !ok {
		return
	}
	text := fmt.Sprintf("公示期：%s 至 %s（%d 个工作日）。", dossier.ChineseDate(per.Start), dossier.ChineseDate(per.End), per.Days)
	for _, y := range per.Uncovered {
		text += fmt.Sprintf(" 日历中没有 %d 年的节假日安排，按周末计算，请在下面补充。", y)
	}
	p.period.SetText(text)
}

// fields are the part's fields of the campaign form.
func (p *procedureForm) fields() []formField[dossier.Campaign] {
	type C = dossier.Campaign
	return []formField[C]{
		{
			label:   "每个地市上限",
			shown:   func(c C) string { return strconv.Itoa(c.RegionCap) },
			typed:   func() string { return strings.TrimSpace(p.regionCap.Text) },
			load:    func(c C) { p.regionCap.SetText(strconv.Itoa(c.RegionCap)) },
			changed: func(c C) bool { return strings.TrimSpace(p.regionCap.Text) != strconv.Itoa(c.RegionCap) },
			set: func(c *C) error {
				s := strings.TrimSpace(dossier.FoldWidth(p.regionCap.Text))
				if s == "" {
					s = "0"
				}
				n, err := strconv.Atoi(s)
				if err != nil || n < 0 {
					return dossier.Errorf(dossier.EINVALID, "“%s”无效，请填写 0 或正整数（0 为不限）", strings.TrimSpace(p.regionCap.Text))
				}
				c.RegionCap = n
				return nil
			},
		},
		{
			label: "单位类型名额",
			shown: func(c C) string { return quotasText(c.KindQuotas) },
			typed: func() string { return strings.TrimSpace(p.kindQuotas.Text) },
			load:  func(c C) { p.kindQuotas.SetText(quotasText(c.KindQuotas)) },
			changed: func(c C) bool {
				qs, err := parseQuotas(p.kindQuotas.Text)
				return err != nil || quotasText(qs) != quotasText(c.KindQuotas)
			},
			set: func(c *C) error {
				qs, err := parseQuotas(p.kindQuotas.Text)
				if err != nil {
					return err
				}
				c.KindQuotas = qs
				return nil
			},
		},
		{
			label:   "公示开始日期",
			shown:   func(c C) string { return c.NoticeStart },
			typed:   func() string { return strings.TrimSpace(p.noticeStart.Text) },
			load:    func(c C) { p.noticeStart.SetText(c.NoticeStart) },
			changed: func(c C) bool { return strings.TrimSpace(p.noticeStart.Text) != c.NoticeStart },
			set: func(c *C) error {
				d := strings.TrimSpace(p.noticeStart.Text)
				if err := dossier.CheckDate(d); err != nil {
					return err
				}
				c.NoticeStart = d
				return nil
			},
		},
		{
			label:   "公示工作日数",
			shown:   func(c C) string { return strconv.Itoa(c.NoticeLength()) },
			typed:   func() string { return strings.TrimSpace(p.days.Text) },
			load:    func(c C) { p.days.SetText(strconv.Itoa(c.NoticeLength())) },
			changed: func(c C) bool { return strings.TrimSpace(p.days.Text) != strconv.Itoa(c.NoticeLength()) },
			set: func(c *C) error {
				n, err := strconv.Atoi(strings.TrimSpace(dossier.FoldWidth(p.days.Text)))
				if err != nil || n < 1 || n > 100 {
					return dossier.Errorf(dossier.EINVALID, "“%s”无效，公示期应为 1 到 100 个工作日", strings.TrimSpace(p.days.Text))
				}
				c.NoticeDays = n
				return nil
			},
		},
		textField("异议受理", p.contact, func(c C) string { return c.ObjectionContact }, func(c *C, v string) { c.ObjectionContact = v }),
	}
}

// addCalendar adds the typed days to the campaign's calendar, all or none:
// a line that does not read is named and nothing is written.
func (p *procedureForm) addCalendar() {
	var days []dossier.CalendarDay
	for i, line := range strings.Split(p.calendar.Text, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		bad := func(why string) {
			p.calendarMsg.SetText(fmt.Sprintf("第 %d 行“%s”%s；日历未改动。", i+1, strings.TrimSpace(line), why))
		}
		if len(f) < 2 || (f[1] != "放假" && f[1] != "上班") {
			bad("应写成“日期 放假 [说明]”或“日期 上班 [说明]”")
			return
		}
		dates, err := dossier.ParseDayRange(f[0])
		if err != nil {
			bad("：" + dossier.ErrorMessage(err))
			return
		}
		work := f[1] == "上班"
		if work && len(dates) > 1 {
			bad("：调休上班日请逐日填写")
			return
		}
		note := strings.Join(f[2:], " ")
		for _, d := range dates {
			days = append(days, dossier.CalendarDay{Date: d, Workday: work, Note: note})
		}
	}
	if len(days) == 0 {
		p.calendarMsg.SetText("请先填写要添加的日期。")
		return
	}
	n, err := p.t.s.store.SetCalendarDays(p.t.s.ctx, days)
	if err != nil {
		p.calendarMsg.SetText("未能添加：" + dossier.ErrorMessage(err))
		return
	}
	p.calendar.SetText("")
	p.calendarMsg.SetText(fmt.Sprintf("已添加到日历：%d 天有改动。", n))
	p.showPeriod(p.t.s.campaign)
}
