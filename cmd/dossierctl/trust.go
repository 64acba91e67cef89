package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"github.com/dossier-app/dossier/dossier"
)

func init() {
	register("scoring", runScoring, "scoring    open|close --db FILE [--reason TEXT]   开始或结束评分（开始后评分规则锁定）")
	register("verify", runVerify, "verify     --db FILE [--json]           重放评分记录：完好退出 0，被改动退出 1 并指出第一条问题记录")
	register("decision", runDecision, "decision   --db FILE --unit CODE --recommend yes|no --reason TEXT   评委会对跨线并列的决定")
}

func runScoring(ctx context.Context, args []string, e *env) (err error) {
	if isHelp(args) {
		return flag.ErrHelp
	}
	if len(args) == 0 || (args[0] != "open" && args[0] != "close") {
		return usagef("应为 scoring open 或 scoring close")
	}
	f := newFlags("scoring "+args[0], true)
	reason := f.String("reason", "", "理由")
	if err := f.parseNone(args[1:]); err != nil {
		return err
	}
	s, err := openDB(ctx, *f.db)
	if err != nil {
		return err
	}
	defer closeDB(s, &err)
	if args[0] == "open" {
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
	fmt.Fprintf(e.out, "%s；评分规则指纹 %s\n", st.Label, st.Fingerprint)
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

func runVerify(ctx context.Context, args []string, e *env) (err error) {
	f := newFlags("verify", true)
	asJSON := f.Bool("json", false, "JSON 输出")
	if err := f.parseNone(args); err != nil {
		return err
	}
	s, err := openDB(ctx, *f.db)
	if err != nil {
		return err
	}
	defer closeDB(s, &err)
	v, err := s.Verify(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		out := verifyJSON{OK: v.OK, Records: v.Records, Head: v.Head, Fingerprint: v.Fingerprint, State: v.State, Problem: v.Problem}
		if !v.OK && v.BadRecord > 0 {
			out.BadRecord = &v.BadRecord
		}
		enc := json.NewEncoder(e.out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
	}
	if !v.OK {
		fmt.Fprintf(e.err, "错误：评分记录校验未通过：%s\n", v.Problem)
		return &rejectedError{1}
	}
	if !*asJSON {
		fmt.Fprintf(e.out, "评分记录完好：共 %d 条，链头 %s\n评分规则指纹 %s\n", v.Records, v.Head, v.Fingerprint)
	}
	return nil
}

func runDecision(ctx context.Context, args []string, e *env) (err error) {
	f := newFlags("decision", true)
	unit := f.String("unit", "", "申报编号")
	rec := f.String("recommend", "", "yes 或 no")
	reason := f.String("reason", "", "决定的依据")
	if err := f.parseNone(args); err != nil {
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
	s, err := openDB(ctx, *f.db)
	if err != nil {
		return err
	}
	defer closeDB(s, &err)
	if err := s.SetDecision(ctx, *unit, yes, *reason); err != nil {
		return err
	}
	verdict := "推荐"
	if !yes {
		verdict = "不推荐"
	}
	fmt.Fprintf(e.out, "已记录评委会决定：单位 %s %s（依据：%s）\n", dossier.NormCode(*unit), verdict, strings.TrimSpace(*reason))
	return nil
}
