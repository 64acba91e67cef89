package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/dossier-app/dossier/dossier"
)

// runScoring is scoring open and scoring close.
func runScoring(ctx context.Context, x *call) error {
	f := x.flags
	reason := f.String("reason", "", "理由")
	if err := f.parseNone(); err != nil {
		return err
	}
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	if x.cmd.Name == "open" {
		err = s.OpenScoring(ctx, *reason)
	} else {
		err = s.CloseScoring(ctx, *reason)
	}
	if err != nil {
		return err
	}
	st, err := s.Scoring(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(x.out, "%s；评分规则指纹 %s\n", st.Label, st.Fingerprint)
	return nil
}

// verifyJSON is the output of verify --json.
type verifyJSON struct {
	OK          bool   `json:"ok"`
	Records     int64  `json:"records"`
	Head        string `json:"head"`
	Fingerprint string `json:"rule_fingerprint"`
	State       string `json:"state"`
	BadRecord   *int64 `json:"bad_record"`
	Problem     string `json:"problem,omitempty"`
}

func runVerify(ctx context.Context, x *call) error {
	f := x.flags
	asJSON := f.Bool("json", false, "JSON 输出")
	if err := f.parseNone(); err != nil {
		return err
	}
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	v, err := s.Verify(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		out := verifyJSON{OK: v.OK, Records: v.Records, Head: v.Head, Fingerprint: v.Fingerprint, State: v.State, Problem: v.Problem}
		if !v.OK && v.BadRecord > 0 {
			out.BadRecord = &v.BadRecord
		}
		if err := printJSON(x.out, out); err != nil {
			return err
		}
	}
	if !v.OK {
		fmt.Fprintf(x.err, "错误：评分记录校验未通过：%s\n", v.Problem)
		return &rejectedError{1}
	}
	if !*asJSON {
		fmt.Fprintf(x.out, "评分记录完好：共 %d 条，链头 %s\n评分规则指纹 %s\n", v.Records, v.Head, v.Fingerprint)
	}
	return nil
}

func runDecision(ctx context.Context, x *call) error {
	f := x.flags
	unit := f.String("unit", "", "申报编号")
	rec := f.String("recommend", "", "yes 或 no")
	reason := f.String("reason", "", "决定的依据")
	if err := f.parseNone(); err != nil {
		return err
	}
	if err := need("unit", *unit, "recommend", *rec, "reason", *reason); err != nil {
		return err
	}
	var yes bool
	switch strings.ToLower(strings.TrimSpace(*rec)) {
	case "yes", "是", "推荐":
		yes = true
	case "no", "否", "不推荐":
	default:
		return usagef("--recommend 应为 yes 或 no，而不是“%s”", *rec)
	}
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	if err := s.SetDecision(ctx, *unit, yes, *reason); err != nil {
		return err
	}
	verdict := "推荐"
	if !yes {
		verdict = "不推荐"
	}
	fmt.Fprintf(x.out, "已记录评委会决定：单位 %s %s（依据：%s）\n", dossier.NormCode(*unit), verdict, strings.TrimSpace(*reason))
	return nil
}
