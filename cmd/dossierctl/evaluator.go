package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/dossier-app/dossier/dossier"
)

func init() {
	register("evaluator", runEvaluator, "evaluator  add --db FILE --name N [--affiliation A] [--region R] [--role R] [--reason 理由]")
	register("conflict", runConflict, "conflict   add|remove --db FILE --evaluator N --unit CODE --reason TEXT")
}

func runEvaluator(ctx context.Context, args []string, e *env) (err error) {
	if isHelp(args) {
		return flag.ErrHelp
	}
	if len(args) == 0 || args[0] != "add" {
		return usagef("应为 evaluator add")
	}
	f := newFlags("evaluator add", true)
	name := f.String("name", "", "评委姓名")
	aff := f.String("affiliation", "", "工作单位")
	region := f.String("region", "", "所属地区")
	role := f.String("role", "", "角色")
	reason := f.String("reason", "", "评分开始后增加评委的理由")
	if err := f.parseNone(args[1:]); err != nil {
		return err
	}
	if err := need("name", *name); err != nil {
		return err
	}
	s, err := openDB(ctx, *f.db)
	if err != nil {
		return err
	}
	defer closeDB(s, &err)
	ev := dossier.Evaluator{Name: *name, Affiliation: *aff, Region: *region, Role: *role}
	if err := s.AddEvaluator(dossier.WithReason(ctx, *reason), &ev); err != nil {
		return err
	}
	fmt.Fprintf(e.out, "已新增评委“%s”\n", ev.Name)
	return nil
}

func runConflict(ctx context.Context, args []string, e *env) (err error) {
	if isHelp(args) {
		return flag.ErrHelp
	}
	if len(args) == 0 || (args[0] != "add" && args[0] != "remove") {
		return usagef("应为 conflict add 或 conflict remove")
	}
	f := newFlags("conflict "+args[0], true)
	ev := f.String("evaluator", "", "评委姓名")
	unit := f.String("unit", "", "申报编号")
	reason := f.String("reason", "", "理由")
	if err := f.parseNone(args[1:]); err != nil {
		return err
	}
	if err := need("evaluator", *ev, "unit", *unit, "reason", *reason); err != nil {
		return err
	}
	s, err := openDB(ctx, *f.db)
	if err != nil {
		return err
	}
	defer closeDB(s, &err)
	if args[0] == "add" {
		if err := s.AddConflict(ctx, *ev, *unit, *reason); err != nil {
			return err
		}
		fmt.Fprintf(e.out, "已登记：评委“%s”回避单位 %s\n", *ev, *unit)
		return nil
	}
	if err := s.RemoveConflict(ctx, *ev, *unit, *reason); err != nil {
		return err
	}
	fmt.Fprintf(e.out, "已解除：评委“%s”对单位 %s 的回避\n", *ev, *unit)
	return nil
}
