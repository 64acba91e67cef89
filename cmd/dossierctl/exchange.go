package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/dossier-app/dossier/export/pdf"
	"github.com/dossier-app/dossier/ops"
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
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	if _, err := ops.Export(ctx, s, ops.ExportRequest{Kind: ops.KindTemplate, Out: *out, Protect: []string{*f.db}}); err != nil {
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
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	// Every file that looks like a submission is read (in parallel, the
	// outcomes in the order listed) and each one refused says why.
	list := ops.FindSubmissions(paths)
	rejected := len(list.Problems)
	for _, p := range list.Problems {
		fmt.Fprintf(x.err, "拒绝 %s：%s\n", p.File, p.Message)
	}
	plan, err := ops.PreviewImport(ctx, s, list.Files, nil)
	if err != nil {
		return err
	}
	for _, f := range plan.Files {
		var fe *dossier.FileError
		switch {
		case errors.As(f.ReadErr, &fe):
			rejected++
			fmt.Fprintf(x.err, "拒绝 %s：\n", f.Path)
			for _, p := range fe.Problems {
				fmt.Fprintln(x.err, "  "+p.String())
			}
		case f.ReadErr != nil:
			rejected++
			fmt.Fprintf(x.err, "拒绝 %s：%s\n", f.Path, dossier.ErrorMessage(f.ReadErr))
		}
	}
	if !*dry {
		// What a re-import would remove is said before anything is written.
		printRemovals(x.env, plan)
		if plan, err = ops.WriteImport(ctx, s, plan, nil); err != nil {
			return err
		}
	}
	verb := map[dossier.ImportAction]string{dossier.ImportNew: "新增", dossier.ImportUpdate: "更新"}
	if *dry {
		verb = map[dossier.ImportAction]string{dossier.ImportNew: "将新增", dossier.ImportUpdate: "将更新"}
	}
	var nNew, nUpd, nSame int
	for _, it := range plan.Files {
		if it.ReadErr != nil {
			continue // said above
		}
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
func printRemovals(e *env, plan *ops.ImportPlan) {
	for _, it := range plan.Files {
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
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	res, err := ops.Export(ctx, s, ops.ExportRequest{Kind: ops.KindScoreSheet, Evaluator: *name, Out: *out, Protect: []string{*f.db}})
	if err != nil {
		return err
	}
	fmt.Fprintf(x.out, "已生成评委“%s”的评分表：%s\n", res.Evaluator, *out)
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
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	outcomes, err := ops.ImportScoreSheets(ctx, s, files, nil)
	rejected := 0
	for _, o := range outcomes {
		var fe *dossier.FileError
		switch {
		case errors.As(o.Err, &fe):
			rejected++
			fmt.Fprintf(x.err, "拒绝 %s：\n", o.Path)
			for _, p := range fe.Problems {
				fmt.Fprintln(x.err, "  "+p.String())
			}
		case o.Err != nil:
			rejected++
			fmt.Fprintf(x.err, "拒绝 %s：%s\n", o.Path, dossier.ErrorMessage(o.Err))
		default:
			for _, w := range o.Result.Warnings {
				fmt.Fprintln(x.err, "提示："+w.String())
			}
			fmt.Fprintf(x.out, "已导入评委“%s”的评分表 %s：%d 项评分、%d 条评语有变化\n", o.Result.Evaluator, o.Path, o.Result.Changed, o.Result.Comments)
		}
	}
	if err != nil {
		return err
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
	kind := f.String("kind", "dossier", "dossier|notice|unit|scoresheets|summary-sheet|declarations|report")
	code := f.String("unit", "", "申报编号（--kind unit）")
	quality := f.String("quality", "print", "print|screen：照片按打印尺寸约 300 ppi（打印版）或 150 ppi（电子版）嵌入")
	withScores := f.Bool("with-scores", false, "单位事迹材料附评分情况（评委姓名和评分明细，--kind unit）")
	allowPending := f.Bool("allow-pending", false, "并列跨越名额线（或名额限制）尚待评委会决定时仍导出公示名单（--kind notice）")
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
		case "dossier", "notice", "scoresheets", "summary-sheet", "declarations", "report":
		case "unit":
			if strings.TrimSpace(*code) == "" {
				return usagef("--kind unit 需要 --unit 申报编号")
			}
		default:
			return usagef("--kind 应为 dossier、notice、unit、scoresheets、summary-sheet、declarations 或 report，而不是“%s”", *kind)
		}
	}
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	if err := mayRank(ctx, s); err != nil {
		return err
	}
	req := ops.ExportRequest{Kind: ops.Kind(*kind), Out: *out, Unit: *code, WithScores: *withScores, AllowPending: *allowPending, PPI: pdf.PrintPPI, Protect: []string{*f.db}}
	if *quality == "screen" {
		req.PPI = pdf.ScreenPPI
	}
	if what == "xlsx" {
		req.Kind = ops.KindSummary
	}
	res, err := ops.Export(ctx, s, req)
	if err != nil {
		return err
	}
	if what == "xlsx" {
		fmt.Fprintf(x.out, "已导出 Excel 汇总：%s\n", *out)
		return nil
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(x.err, "提示："+w)
	}
	fmt.Fprintf(x.out, "已导出 PDF（%d 页）：%s\n", res.Pages, *out)
	return nil
}
