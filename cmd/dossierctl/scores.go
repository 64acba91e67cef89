package main

import (
	"context"
	"fmt"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

func runScoresSet(ctx context.Context, x *call) error {
	f := x.flags
	ev := f.String("evaluator", "", "评委姓名")
	unit := f.String("unit", "", "申报编号")
	cat := f.String("category", "", "类别名称")
	val := f.String("value", "", "分值，最多一位小数")
	if err := f.parseNone(); err != nil {
		return err
	}
	if err := need("evaluator", *ev, "unit", *unit, "category", *cat); err != nil {
		return err
	}
	if !f.set("value") {
		return usagef("缺少 --value")
	}
	v, err := dossier.ParseTenths(*val)
	if err != nil {
		return dossier.Errorf(dossier.EINVALID, "分值“%s”无效：%s", *val, dossier.ErrorMessage(err))
	}
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	if err := s.SetScore(ctx, store.ScoreInput{Evaluator: *ev, Unit: *unit, Category: *cat, Value: &v}); err != nil {
		return err
	}
	// A score in 回避 is kept but never counts: say so.
	if why, err := s.Conflict(ctx, *ev, *unit); err == nil && why != "" {
		fmt.Fprintf(x.err, "提示：评委“%s”须回避单位 %s（%s），此评分已记录但不计入排名\n", *ev, dossier.NormCode(*unit), why)
	}
	fmt.Fprintf(x.out, "已记录：评委“%s”对 %s“%s”评分 %s\n", *ev, *unit, *cat, v)
	return nil
}
