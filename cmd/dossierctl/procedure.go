package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/export"
)

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

// procFlags are the settings of the official procedure (DESIGN.md
// "Official procedure"): quota caps and the 公示.
type procFlags struct {
	regionCap   *int
	kindQuotas  listFlag
	noticeStart *string
	noticeDays  *int
	contact     *string
}

func addProcFlags(f *flags) *procFlags {
	p := &procFlags{
		regionCap:   f.Int("region-cap", 0, "每个地市最多推荐的单位数（0 为不限）"),
		noticeStart: f.String("notice-start", "", "公示开始日期 YYYY-MM-DD"),
		noticeDays:  f.Int("notice-days", dossier.DefaultNoticeDays, "公示期工作日数"),
		contact:     f.String("objection-contact", "", "异议受理单位、电话、地址或邮箱"),
	}
	f.Var(&p.kindQuotas, "kind-quota", "单位类型名额，如 基层学校>=30% 或 教育行政部门<=5（可重复；--kind-quota '' 清除）")
	return p
}

// check validates the flags as given, before the campaign is opened.
func (p *procFlags) check(f *flags) error {
	if f.set("region-cap") && *p.regionCap < 0 {
		return usagef("--region-cap 不能为负数（0 为不限）")
	}
	if f.set("notice-days") && (*p.noticeDays < 1 || *p.noticeDays > 100) {
		return usagef("--notice-days 应为 1 到 100 个工作日")
	}
	if s := strings.TrimSpace(*p.noticeStart); f.set("notice-start") && s != "" {
		if _, err := time.Parse("2006-01-02", s); err != nil {
			return usagef("--notice-start 日期“%s”无效，应为 YYYY-MM-DD，例如 2026-05-06", *p.noticeStart)
		}
	}
	for _, q := range p.kindQuotas {
		if strings.TrimSpace(q) == "" {
			continue
		}
		if _, err := dossier.ParseKindQuota(q); err != nil {
			return usagef("--kind-quota %s", dossier.ErrorMessage(err))
		}
	}
	return nil
}

// apply puts the flags given into c and reports whether any was given.
// --kind-quota replaces the whole list: the flags given are the new list
// (one empty value clears it).
func (p *procFlags) apply(f *flags, c *dossier.Campaign) bool {
	changed := false
	if f.set("region-cap") {
		c.RegionCap, changed = *p.regionCap, true
	}
	if f.set("kind-quota") {
		changed = true
		c.KindQuotas = nil
		for _, s := range p.kindQuotas {
			if strings.TrimSpace(s) == "" {
				continue
			}
			q, _ := dossier.ParseKindQuota(s) // checked
			c.KindQuotas = append(c.KindQuotas, q)
		}
	}
	if f.set("notice-start") {
		c.NoticeStart, changed = strings.TrimSpace(*p.noticeStart), true
	}
	if f.set("notice-days") {
		c.NoticeDays, changed = *p.noticeDays, true
	}
	if f.set("objection-contact") {
		c.ObjectionContact, changed = *p.contact, true
	}
	return changed
}

// printProcSettings prints the caps and the 公示 as settings shows them.
func printProcSettings(e *env, b *dossier.Book) {
	c := b.Campaign
	var caps []string
	if c.RegionCap > 0 {
		caps = append(caps, dossier.RegionCapLabel(c.RegionCap))
	}
	for _, q := range c.KindQuotas {
		caps = append(caps, q.Label())
	}
	if len(caps) == 0 {
		fmt.Fprintln(e.out, "推荐名额限制：无")
	} else {
		fmt.Fprintf(e.out, "推荐名额限制：%s\n", strings.Join(caps, "；"))
	}
	days := c.NoticeLength()
	if c.NoticeStart == "" {
		fmt.Fprintf(e.out, "公示：%d 个工作日，开始日期未设定\n", days)
	} else if p, ok := export.NoticePeriod(b); ok {
		fmt.Fprintf(e.out, "公示：%s 至 %s（%d 个工作日）\n", dossier.ChineseDate(p.Start), dossier.ChineseDate(p.End), days)
		warnUncovered(e, p)
	}
	contact := c.ObjectionContact
	if contact == "" {
		contact = "未设定"
	}
	fmt.Fprintf(e.out, "异议受理：%s\n", strings.ReplaceAll(contact, "\n", "；"))
}

// warnUncovered tells on stderr that the period runs through a year whose
// holidays the calendar does not have.
func warnUncovered(e *env, p dossier.NoticePeriod) {
	for _, y := range p.Uncovered {
		fmt.Fprintf(e.err, "提示：日历中没有 %d 年的节假日安排，公示期按周末计算；国务院公布后请用 calendar add 补充\n", y)
	}
}
