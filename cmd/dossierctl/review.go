package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

type jsonFlag struct {
	ID        string  `json:"id"`
	Kind      string  `json:"kind"`
	Label     string  `json:"label"`
	Unit      *string `json:"unit"`
	Name      *string `json:"name"`
	Evaluator *string `json:"evaluator"`
	Detail    string  `json:"detail"`
	Resolved  bool    `json:"resolved"`
	By        *string `json:"by"`
	Note      *string `json:"note"`
	At        *string `json:"at"`
}

func strOrNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// reviewFlags returns the campaign's 复核 flags with their resolutions.
func reviewFlags(ctx context.Context, s *store.Store) ([]dossier.Flag, error) {
	b, r, err := s.Rank(ctx)
	if err != nil {
		return nil, err
	}
	pct, err := s.OutlierPct(ctx)
	if err != nil {
		return nil, err
	}
	res, err := s.Resolutions(ctx)
	if err != nil {
		return nil, err
	}
	return dossier.ReviewFlags(b, r, dossier.Stabilities(b, r), pct, res), nil
}

func runReview(ctx context.Context, x *call) error {
	f := x.flags
	asJSON := f.Bool("json", false, "JSON 输出")
	if err := f.parseNone(); err != nil {
		return err
	}
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	if err := mayRank(ctx, s); err != nil {
		return err
	}
	flags, err := reviewFlags(ctx, s)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]jsonFlag, 0, len(flags))
		for _, fl := range flags {
			jf := jsonFlag{ID: fl.ID, Kind: fl.Kind, Label: dossier.FlagLabel(fl.Kind), Unit: strOrNil(fl.UnitCode), Name: strOrNil(fl.UnitName),
				Evaluator: strOrNil(fl.Evaluator), Detail: fl.Detail, Resolved: fl.Resolved != nil}
			if r := fl.Resolved; r != nil {
				jf.By, jf.Note, jf.At = &r.By, &r.Note, &r.At
			}
			out = append(out, jf)
		}
		return printJSON(x.out, out)
	}
	open := 0
	for _, fl := range flags {
		what := fl.UnitCode + " " + fl.UnitName
		if fl.UnitCode == "" {
			what = "评委“" + fl.Evaluator + "”"
		}
		state := "未复核"
		if r := fl.Resolved; r != nil {
			state = "已复核（" + r.By + "：" + r.Note + "）"
		} else {
			open++
		}
		fmt.Fprintf(x.out, "%s\t%s\t%s\t%s\t%s\n", fl.ID, dossier.FlagLabel(fl.Kind), strings.TrimSpace(what), fl.Detail, state)
	}
	fmt.Fprintf(x.out, "复核标记 %d 项，未复核 %d 项（复核标记不改变任何评分和排名）\n", len(flags), open)
	return nil
}

func runReviewResolve(ctx context.Context, x *call) error {
	f := x.flags
	id := f.String("flag", "", "复核标记编号")
	by := f.String("by", "", "复核人")
	note := f.String("note", "", "复核意见")
	if err := f.parseNone(); err != nil {
		return err
	}
	if err := need("flag", *id, "by", *by, "note", *note); err != nil {
		return err
	}
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	flags, err := reviewFlags(ctx, s)
	if err != nil {
		return err
	}
	for _, fl := range flags {
		if fl.ID == strings.TrimSpace(*id) {
			if err := s.ResolveFlag(ctx, fl, *by, *note); err != nil {
				return err
			}
			fmt.Fprintf(x.out, "已记录复核：%s（%s）由 %s 复核：%s\n", fl.ID, dossier.FlagLabel(fl.Kind), strings.TrimSpace(*by), strings.TrimSpace(*note))
			return nil
		}
	}
	return dossier.Errorf(dossier.ENOTFOUND, "复核标记“%s”不存在（用 review --db %s 查看现有标记）", *id, shown(*f.db))
}
