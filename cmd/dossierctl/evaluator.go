package main

import (
	"context"
	"fmt"

	"github.com/dossier-app/dossier/dossier"
)

func runEvaluatorAdd(ctx context.Context, x *call) error {
	f := x.flags
	name := f.String("name", "", "评委姓名")
	aff := f.String("affiliation", "", "工作单位")
	region := f.String("region", "", "所属地区")
	role := f.String("role", "", "角色")
	reason := f.String("reason", "", "评分开始后增加评委的理由")
	if err := f.parseNone(); err != nil {
		return err
	}
	if err := need("name", *name); err != nil {
		return err
	}
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	ev := dossier.Evaluator{Name: *name, Affiliation: *aff, Region: *region, Role: *role}
	if err := s.AddEvaluator(dossier.WithReason(ctx, *reason), &ev); err != nil {
		return err
	}
	fmt.Fprintf(x.out, "已新增评委“%s”\n", ev.Name)
	return nil
}

// runConflict is conflict add and conflict remove.
func runConflict(ctx context.Context, x *call) error {
	f := x.flags
	ev := f.String("evaluator", "", "评委姓名")
	unit := f.String("unit", "", "申报编号")
	reason := f.String("reason", "", "理由")
	if err := f.parseNone(); err != nil {
		return err
	}
	if err := need("evaluator", *ev, "unit", *unit, "reason", *reason); err != nil {
		return err
	}
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	if x.cmd.Name == "add" {
		if err := s.AddConflict(ctx, *ev, *unit, *reason); err != nil {
			return err
		}
		fmt.Fprintf(x.out, "已登记：评委“%s”回避单位 %s\n", *ev, *unit)
		return nil
	}
	if err := s.RemoveConflict(ctx, *ev, *unit, *reason); err != nil {
		return err
	}
	fmt.Fprintf(x.out, "已解除：评委“%s”对单位 %s 的回避\n", *ev, *unit)
	return nil
}
