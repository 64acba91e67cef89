package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/dossier-app/dossier/export"
	"github.com/dossier-app/dossier/ops"
)

func runNew(ctx context.Context, x *call) error {
	f := x.flags
	title := f.String("title", "", "评选活动名称")
	if err := f.parseNone(); err != nil {
		return err
	}
	t := strings.TrimSpace(*title)
	if t == "" {
		t = "未命名评选活动"
	}
	now := time.Now()
	s, err := ops.CreateCampaign(ctx, *f.db, ops.NewCampaign{Title: t, Date: now, Year: now.Year(), Server: cliOpen})
	if err != nil {
		return err
	}
	x.own(s)
	cats, err := s.Categories(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(x.out, "已创建评选活动“%s”：%s（%d 个类别）\n", t, shown(*f.db), len(cats))
	return nil
}

func runDemo(ctx context.Context, x *call) error {
	f := x.flags
	if err := f.parseNone(); err != nil {
		return err
	}
	s, err := ops.CreateDemoOn(ctx, *f.db, cliOpen)
	if err != nil {
		return err
	}
	x.own(s)
	b, err := s.Book(ctx, store.LoadOptions{})
	if err != nil {
		return err
	}
	fmt.Fprintf(x.out, "已创建示例评选活动“%s”：%s（%d 个单位，%d 位评委）\n", b.Campaign.Title, shown(*f.db), len(b.Units), len(b.Evaluators))
	return nil
}

func runSettings(ctx context.Context, x *call) error {
	f := x.flags
	title := f.String("title", "", "名称")
	org := f.String("organiser", "", "主办单位")
	date := f.String("date", "", "日期 YYYY-MM-DD")
	quota := f.Int("quota", 0, "拟表彰名额")
	trim := f.Int("trim-min", 0, "去掉最高最低分的起点")
	tie := f.String("tie-break", "", "同分时依次比较的类别")
	year := f.Int("year", 0, "年份")
	minValid := f.Int("min-valid", 1, "参与排名所需的最少有效评分份数")
	reason := f.String("reason", "", "评分开始后修改评分规则的理由")
	outlier := f.Int("outlier-pct", 0, "畸高畸低阈值（满分的百分比）")
	bodyFont := f.String("body-font", "", "文件正文字体：fangsong（仿宋）或 song（宋体）")
	proc := addProcFlags(f)
	if err := f.parseNone(); err != nil {
		return err
	}
	if err := proc.check(f); err != nil {
		return err
	}
	// A value the campaign's rule refuses is a usage error, said in the
	// rule's own words.
	for _, c := range []struct {
		flag string
		err  func() error
	}{
		{"min-valid", func() error { return dossier.CheckMinValid(*minValid) }},
		{"quota", func() error { return dossier.CheckQuota(*quota) }},
		{"trim-min", func() error { return dossier.CheckTrimMin(*trim) }},
		{"date", func() error { return dossier.CheckDate(strings.TrimSpace(*date)) }},
		{"body-font", func() error { _, err := dossier.ParseBodyFont(*bodyFont); return err }},
	} {
		if f.set(c.flag) {
			if err := c.err(); err != nil {
				return usagef("--%s：%s", c.flag, dossier.ErrorMessage(err))
			}
		}
	}
	s, b, err := x.book(ctx, store.LoadOptions{})
	if err != nil {
		return err
	}
	c := b.Campaign
	changed := false
	if f.set("title") {
		c.Title, changed = *title, true
	}
	if f.set("organiser") {
		c.Organiser, changed = *org, true
	}
	if f.set("date") {
		c.Date, changed = strings.TrimSpace(*date), true
		if t, perr := time.Parse("2006-01-02", c.Date); perr == nil && !f.set("year") {
			c.Year = t.Year()
		}
	}
	if f.set("year") {
		c.Year, changed = *year, true
	}
	if f.set("quota") {
		c.Quota, changed = *quota, true
	}
	if f.set("trim-min") {
		c.TrimMin, changed = *trim, true
	}
	if f.set("min-valid") {
		c.MinValid, changed = *minValid, true
	}
	if f.set("tie-break") {
		changed = true
		c.TieBreak = nil
		for _, name := range strings.FieldsFunc(*tie, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
			cat := b.CategoryByName(name)
			if cat == nil {
				return dossier.Errorf(dossier.ENOTFOUND, "同分比较的类别“%s”不存在（现有类别：%s）", strings.TrimSpace(name), categoryNames(b))
			}
			for _, id := range c.TieBreak {
				if id == cat.ID {
					return usagef("--tie-break 中类别“%s”出现了两次", cat.Name)
				}
			}
			c.TieBreak = append(c.TieBreak, cat.ID)
		}
	}
	if proc.apply(f, &c) {
		changed = true
	}
	if f.set("body-font") {
		c.BodyFont, _ = dossier.ParseBodyFont(*bodyFont) // checked
		changed = true
	}
	if f.set("outlier-pct") {
		if err := s.SetOutlierPct(ctx, *outlier); err != nil {
			return err
		}
	}
	if changed {
		if err := s.UpdateCampaign(dossier.WithReason(ctx, *reason), &c); err != nil {
			return err
		}
		b.Campaign = c
	}
	printSettings(x.env, b)
	return nil
}

func categoryNames(b *dossier.Book) string {
	var names []string
	for _, c := range b.Categories {
		names = append(names, c.Name)
	}
	return strings.Join(names, "、")
}

func printSettings(e *env, b *dossier.Book) {
	c := b.Campaign
	fmt.Fprintf(e.out, "评选活动：%s\n主办单位：%s\n年份：%d\n日期：%s\n拟表彰名额：%d\n去高去低起点：有效评分达到 %d 份时去掉一个最高分和一个最低分\n",
		c.Title, c.Organiser, c.Year, c.Date, c.Quota, c.TrimMin)
	fmt.Fprintf(e.out, "参与排名：至少 %d 份有效评分\n", max(1, c.MinValid))
	var tie []string
	for _, id := range c.TieBreak {
		if cat := b.Category(id); cat != nil {
			tie = append(tie, cat.Name)
		}
	}
	if len(tie) == 0 {
		fmt.Fprintln(e.out, "同分比较：无（并列）")
	} else {
		fmt.Fprintf(e.out, "同分比较：%s\n", strings.Join(tie, " → "))
	}
	fmt.Fprintln(e.out, "类别：")
	for i, cat := range b.Categories {
		fmt.Fprintf(e.out, "  %d. %s（%s），满分 %s，指标 %d 项\n", i+1, cat.Name, cat.Slogan, cat.Max.Short(), len(cat.Indicators))
	}
	if w := dossier.MaximaWarning(b.Categories); w != "" {
		fmt.Fprintln(e.out, "注意："+w)
	}
	printProcSettings(e, b)
	fmt.Fprintf(e.out, "正文字体：%s\n", c.BodyFont.Label())
}

func runBackup(ctx context.Context, x *call) error {
	f := x.flags
	out := f.String("out", "", "备份文件")
	if err := f.parseNone(); err != nil {
		return err
	}
	if err := need("out", *out); err != nil {
		return err
	}
	// The same rules as every document: never over a campaign or one of
	// its journals (a backup named c.dossier-wal would be taken for the
	// journal of c.dossier, and discarded).
	if err := export.Refuse(*out, *f.db); err != nil {
		return err
	}
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	if _, err := ops.Export(ctx, s, ops.ExportRequest{Kind: ops.KindBackup, Out: *out, Protect: []string{*f.db}}); err != nil {
		return err
	}
	fmt.Fprintf(x.out, "已备份到 %s\n", *out)
	return nil
}

func runCheck(ctx context.Context, x *call) error {
	f := x.flags
	if err := f.parseNone(); err != nil {
		return err
	}
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	problems, err := s.Check(ctx)
	// Close first: "检查通过" is printed only when nothing went wrong,
	// closing included.
	if cerr := x.release(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(x.err, "问题："+p)
		}
		return &rejectedError{len(problems)}
	}
	fmt.Fprintf(x.out, "检查通过：%s\n", shown(*f.db))
	return nil
}
