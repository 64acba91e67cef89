package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/dossier-app/dossier/export"
	"github.com/dossier-app/dossier/export/pdf"
	"github.com/dossier-app/dossier/export/xlsx"
)

func runTemplate(ctx context.Context, x *call) error {
	f := x.flags
	out := f.String("out", "", "输出文件")
	if err := f.parseNone(); err != nil {
		return err
	}
	if err := need("out", *out); err != nil {
		return err
	}
	_, b, err := x.book(ctx, store.LoadOptions{})
	if err != nil {
		return err
	}
	if err := export.WriteFile(*out, func(w io.Writer) error { return xlsx.WriteTemplate(w, b) }, *f.db); err != nil {
		return err
	}
	fmt.Fprintf(x.out, "已生成申报表模板：%s\n", *out)
	return nil
}

func runImport(ctx context.Context, x *call) error {
	f := x.flags
	dry := f.Bool("dry-run", false, "只检查，不写入")
	paths, err := f.parse()
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usagef("请指定要导入的申报表文件或文件夹")
	}
	s, b, err := x.book(ctx, store.LoadOptions{})
	if err != nil {
		return err
	}
	// Every file that looks like a submission is read (in parallel, the
	// outcomes in the order listed) and each one refused says why.
	list := xlsx.ListSubmissions(paths)
	rejected := len(list.Problems)
	for _, p := range list.Problems {
		fmt.Fprintf(x.err, "拒绝 %s：%s\n", p.File, p.Message)
	}
	var subs []dossier.Submission
	for _, rd := range xlsx.ReadSubmissions(list.Files, b, nil) {
		var fe *xlsx.FileError
		switch {
		case errors.As(rd.Err, &fe):
			rejected++
			fmt.Fprintf(x.err, "拒绝 %s：\n", rd.Path)
			for _, p := range fe.Problems {
				fmt.Fprintln(x.err, "  "+p.String())
			}
		case rd.Err != nil:
			rejected++
			fmt.Fprintf(x.err, "拒绝 %s：%s\n", rd.Path, dossier.ErrorMessage(rd.Err))
		default:
			subs = append(subs, *rd.Sub)
		}
	}
	if !*dry {
		// What a re-import would remove is said before anything is written.
		plan, err := s.Import(ctx, subs, true)
		if err != nil {
			return err
		}
		printRemovals(x.env, plan)
	}
	items, err := s.Import(ctx, subs, *dry)
	if err != nil {
		return err
	}
	verb := map[dossier.ImportAction]string{dossier.ImportNew: "新增", dossier.ImportUpdate: "更新"}
	if *dry {
		verb = map[dossier.ImportAction]string{dossier.ImportNew: "将新增", dossier.ImportUpdate: "将更新"}
	}
	var nNew, nUpd, nSame int
	for _, it := range items {
		for _, w := range it.Warnings {
			fmt.Fprintln(x.err, "注意 "+w)
		}
		switch it.Action {
		case dossier.ImportRejected:
			rejected++
			fmt.Fprintf(x.err, "拒绝 %s：\n", it.File)
			for _, p := range it.Problems {
				fmt.Fprintln(x.err, "  "+p.String())
			}
		case dossier.ImportNew:
			nNew++
			code := it.Code
			if code == "" {
				code = "（自动编号）"
			}
			fmt.Fprintf(x.out, "%s %s %s ← %s\n", verb[it.Action], code, it.Name, it.File)
		case dossier.ImportUpdate:
			if it.Unchanged {
				nSame++
				fmt.Fprintf(x.out, "未改变 %s %s ← %s：%s\n", it.Code, it.Name, it.File, store.Unchanged)
				continue
			}
			nUpd++
			fmt.Fprintf(x.out, "%s %s %s ← %s\n", verb[it.Action], it.Code, it.Name, it.File)
			for _, c := range it.Changes {
				fmt.Fprintln(x.out, "  "+c)
			}
			for _, r := range it.Removals {
				if !*dry {
					r = strings.Replace(r, "将被", "已被", 1)
				}
				fmt.Fprintln(x.out, "  删除 "+r)
			}
		}
	}
	mode := "导入完成"
	if *dry {
		mode = "试导入（未写入）"
	}
	summary := fmt.Sprintf("%s：新增 %d 个，更新 %d 个，拒绝 %d 个", mode, nNew, nUpd, rejected)
	if nSame > 0 {
		summary += fmt.Sprintf("，未改变 %d 个（内容与现有版本相同）", nSame)
	}
	if skipped := list.SkippedText(); skipped != "" {
		summary += "；" + skipped
	}
	fmt.Fprintln(x.out, summary)
	if rejected > 0 {
		return &rejectedError{rejected}
	}
	return nil
}

// printRemovals lists, before an import writes, every stored item it will
// remove, unit by unit.
func printRemovals(e *env, plan []dossier.ImportItem) {
	for _, it := range plan {
		if it.Action != dossier.ImportUpdate || len(it.Removals) == 0 {
			continue
		}
		fmt.Fprintf(e.out, "重新导入 %s 将删除单位 %s %s 的 %d 项已有内容：\n", it.File, it.Code, it.Name, len(it.Removals))
		for _, r := range it.Removals {
			fmt.Fprintln(e.out, "  "+r)
		}
	}
}

func runScoresheet(ctx context.Context, x *call) error {
	f := x.flags
	name := f.String("evaluator", "", "评委姓名")
	out := f.String("out", "", "输出文件")
	if err := f.parseNone(); err != nil {
		return err
	}
	if err := need("evaluator", *name, "out", *out); err != nil {
		return err
	}
	_, b, err := x.book(ctx, store.LoadOptions{})
	if err != nil {
		return err
	}
	ev := b.EvaluatorByName(*name)
	if ev == nil {
		return dossier.Errorf(dossier.ENOTFOUND, "评委“%s”不存在", *name)
	}
	if err := export.WriteFile(*out, func(w io.Writer) error { return xlsx.WriteScoreSheet(w, b, ev.ID) }, *f.db); err != nil {
		return err
	}
	fmt.Fprintf(x.out, "已生成评委“%s”的评分表：%s\n", ev.Name, *out)
	return nil
}

func runScoresImport(ctx context.Context, x *call) error {
	f := x.flags
	files, err := f.parse()
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usagef("请指定要导入的评分表文件")
	}
	// Reading a workbook needs the units, categories, evaluators and 回避,
	// which merging scores does not change: load them once.
	s, b, err := x.book(ctx, store.LoadOptions{})
	if err != nil {
		return err
	}
	rejected := 0
	for _, path := range files {
		sheet, err := xlsx.ReadScoreSheet(path, b)
		var fe *xlsx.FileError
		if errors.As(err, &fe) {
			rejected++
			fmt.Fprintf(x.err, "拒绝 %s：\n", path)
			for _, p := range fe.Problems {
				fmt.Fprintln(x.err, "  "+p.String())
			}
			continue
		} else if err != nil {
			rejected++
			fmt.Fprintf(x.err, "拒绝 %s：%s\n", path, dossier.ErrorMessage(err))
			continue
		}
		res, err := s.ApplyScoreSheet(ctx, sheet)
		if errors.As(err, &fe) {
			rejected++
			fmt.Fprintf(x.err, "拒绝 %s：\n", path)
			for _, p := range fe.Problems {
				fmt.Fprintln(x.err, "  "+p.String())
			}
			continue
		} else if err != nil {
			return err
		}
		for _, w := range res.Warnings {
			fmt.Fprintln(x.err, "提示："+w.String())
		}
		fmt.Fprintf(x.out, "已导入评委“%s”的评分表 %s：%d 项评分、%d 条评语有变化\n", res.Evaluator, path, res.Changed, res.Comments)
	}
	if rejected > 0 {
		return &rejectedError{rejected}
	}
	return nil
}

// runExport is export pdf and export xlsx; both take the same flags, as
// they always have.
func runExport(ctx context.Context, x *call) error {
	what := x.cmd.Name
	f := x.flags
	out := f.String("out", "", "输出文件")
	kind := f.String("kind", "dossier", "dossier|notice|unit")
	code := f.String("unit", "", "申报编号（--kind unit）")
	quality := f.String("quality", "print", "print|screen：照片按打印尺寸约 300 ppi（打印版）或 150 ppi（电子版）嵌入")
	withScores := f.Bool("with-scores", false, "单位事迹材料附评分情况（评委姓名和评分明细，--kind unit）")
	if err := f.parseNone(); err != nil {
		return err
	}
	if err := need("out", *out); err != nil {
		return err
	}
	if what == "pdf" {
		if f.set("unit") && !f.set("kind") {
			*kind = "unit" // --unit alone can only mean one unit's material
		}
		if f.set("unit") && *kind != "unit" {
			return usagef("--unit 只用于 --kind unit")
		}
		if *quality != "print" && *quality != "screen" {
			return usagef("--quality 应为 print（打印版）或 screen（电子版），而不是“%s”", *quality)
		}
		if f.set("with-scores") && *kind != "unit" {
			return usagef("--with-scores 只用于 --kind unit（评审材料汇编总是含评分情况）")
		}
		switch *kind {
		case "dossier", "notice":
		case "unit":
			if strings.TrimSpace(*code) == "" {
				return usagef("--kind unit 需要 --unit 申报编号")
			}
		default:
			return usagef("--kind 应为 dossier、notice 或 unit，而不是“%s”", *kind)
		}
	}
	// The summary lists every unit's material (量化指标, counts of sections,
	// values and photos); a PDF reads the photos' pictures one at a time
	// while it is written (opt.Photos), never all at once.
	s, b, err := x.book(ctx, store.LoadOptions{Material: true})
	if err != nil {
		return err
	}
	if err := mayRank(ctx, s); err != nil {
		return err
	}
	r := dossier.Rank(b)
	if what == "xlsx" {
		if err := export.WriteFile(*out, func(w io.Writer) error { return xlsx.WriteSummary(w, b, r) }, *f.db); err != nil {
			return err
		}
		fmt.Fprintf(x.out, "已导出 Excel 汇总：%s\n", *out)
		return nil
	}
	opt := pdf.Options{PPI: pdf.PrintPPI, Photos: s.Photos(ctx)}
	if *quality == "screen" {
		opt.PPI = pdf.ScreenPPI
	}
	var rep *pdf.Report
	sc, err := s.Scoring(ctx)
	if err != nil {
		return err
	}
	flags, stab, err := flagsFor(ctx, s, b, r)
	if err != nil {
		return err
	}
	opt.LogHead, opt.Flags, opt.Stability = sc.Head, flags, stab
	err = export.WriteFile(*out, func(w io.Writer) error {
		var werr error
		switch *kind {
		case "dossier":
			rep, werr = pdf.WriteDossier(w, b, r, opt)
		case "notice":
			rep, werr = pdf.WriteNotice(w, b, r, opt)
		case "unit":
			u := b.UnitByCode(*code)
			if u == nil {
				return dossier.Errorf(dossier.ENOTFOUND, "申报编号“%s”的单位不存在", *code)
			}
			uopt := opt
			uopt.WithScores = *withScores
			rep, werr = pdf.WriteUnit(w, b, r, u.ID, uopt)
		}
		return werr
	}, *f.db)
	if err != nil {
		return err
	}
	for _, w := range rep.Warnings {
		fmt.Fprintln(x.err, "提示："+w)
	}
	fmt.Fprintf(x.out, "已导出 PDF（%d 页）：%s\n", rep.Pages, *out)
	return nil
}
