package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/dossier-app/dossier/dossier"
)

// twoDecimals is a number printed with exactly two decimals in JSON.
type twoDecimals struct{ m dossier.Mean }

func (t twoDecimals) MarshalJSON() ([]byte, error) {
	if !t.m.Valid() {
		return []byte("null"), nil
	}
	return []byte(t.m.String()), nil
}

type jsonStanding struct {
	Rank          *int                   `json:"rank"`
	Code          string                 `json:"code"`
	Name          string                 `json:"name"`
	Region        string                 `json:"region"`
	Status        string                 `json:"status"`
	Total         twoDecimals            `json:"total"`
	Categories    map[string]twoDecimals `json:"categories"`
	Evaluators    int                    `json:"evaluators"`
	Kept          int                    `json:"kept"`
	Recommended   bool                   `json:"recommended"`
	Tie           bool                   `json:"tie"`
	NeedsDecision bool                   `json:"needs_decision"`
	Listed        bool                   `json:"listed"`
	Unranked      string                 `json:"unranked,omitempty"`
	RankRange     []*int                 `json:"rank_range"`
	Stable        bool                   `json:"stable"`
	ZRank         *int                   `json:"z_rank"`
	SkippedBy     *string                `json:"skipped_by"`
	Explanation   jsonExplanation        `json:"explanation"`
}

func runRank(ctx context.Context, x *call) error {
	f := x.flags
	asJSON := f.Bool("json", false, "JSON 输出")
	withMeta := f.Bool("with-meta", false, "JSON 末尾附规则指纹和评分记录链头")
	if err := f.parseNone(); err != nil {
		return err
	}
	if *withMeta && !*asJSON {
		return usagef("--with-meta 须与 --json 一起使用")
	}
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	b, r, err := s.Rank(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		stab := dossier.Stabilities(b, r)
		out := make([]any, 0, len(r.Standings)+1)
		for _, st := range r.Standings {
			js := jsonStanding{Code: st.Unit.Code, Name: st.Unit.Name, Region: st.Unit.Region, Status: string(st.Unit.Status),
				Total: twoDecimals{st.Total}, Categories: map[string]twoDecimals{}, Evaluators: st.Explanation.Valid, Kept: st.Total.N,
				Recommended: st.Recommended, Tie: st.Tie, NeedsDecision: st.NeedsDecision, Listed: st.Listed(), Unranked: st.Unranked}
			if st.Rank > 0 {
				rank := st.Rank
				js.Rank = &rank
			}
			for i, c := range b.Categories {
				js.Categories[c.Name] = twoDecimals{st.Categories[i]}
			}
			sb := stab[st.Unit.ID]
			js.RankRange, js.Stable, js.Explanation = rankRange(sb), sb.Stable, explanationJSON(b, &st)
			if sb.ZRank > 0 {
				js.ZRank = &sb.ZRank
			}
			if st.SkippedBy != "" {
				by := st.SkippedBy
				js.SkippedBy = &by
			}
			out = append(out, js)
		}
		if *withMeta {
			sc, err := s.Scoring(ctx)
			if err != nil {
				return err
			}
			out = append(out, procMeta(b, r, jsonMeta{RuleFingerprint: sc.Fingerprint, LogHead: sc.Head}))
		}
		return printJSON(x.out, out)
	}
	fmt.Fprintf(x.out, "%s — 排名（拟表彰名额 %d）\n", b.Campaign.Title, r.Quota)
	head := []string{"名次", "申报编号", "单位名称"}
	for _, c := range b.Categories {
		head = append(head, c.Name)
	}
	head = append(head, "总分", "有效评分", "备注")
	fmt.Fprintln(x.out, strings.Join(head, "\t"))
	for i, st := range r.Standings {
		rank := "—"
		if st.Rank > 0 {
			rank = fmt.Sprint(st.Rank)
			if st.Tie {
				rank += "（并列）"
			}
		}
		row := []string{rank, st.Unit.Code, st.Unit.Name}
		for _, m := range st.Categories {
			row = append(row, m.String())
		}
		note := st.Unranked
		if note == "" {
			note = st.Verdict().Label()
			switch {
			case st.CapTie != "" && st.Decision == nil:
				note = "同分跨越名额限制（" + st.CapTie + "），待评委会决定"
			case st.SkippedBy != "":
				note = "受名额限制未列入（" + st.SkippedBy + "）"
			}
		}
		row = append(row, st.Total.String(), fmt.Sprint(st.Explanation.Valid), note)
		fmt.Fprintln(x.out, strings.Join(row, "\t"))
		if i+1 == r.CutAfter && r.Quota > 0 {
			fmt.Fprintln(x.out, "———————— 拟推荐线 ————————")
		}
	}
	if len(r.Caps) > 0 {
		fmt.Fprintf(x.out, "推荐名额限制：%s\n", strings.Join(r.Caps, "；"))
	}
	for _, u := range r.Unmet {
		fmt.Fprintln(x.out, "注意："+u)
	}
	return nil
}
