package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/dossier-app/dossier/dossier"
)

// jsonEvent is one history entry in `history --json`.
type jsonEvent struct {
	ID         int64   `json:"id"`
	At         string  `json:"at"`
	Action     string  `json:"action"`
	Unit       *string `json:"unit"` // the unit's code, null when the entry is not about a unit
	Subject    string  `json:"subject"`
	Source     string  `json:"source"`
	Detail     string  `json:"detail"`
	Before     string  `json:"before"`
	After      string  `json:"after"`
	Restorable bool    `json:"restorable"`
}

func runHistory(ctx context.Context, x *call) error {
	f := x.flags
	code := f.String("unit", "", "申报编号")
	asJSON := f.Bool("json", false, "JSON 输出")
	if err := f.parseNone(); err != nil {
		return err
	}
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	unitID := ""
	if *code != "" {
		u, err := s.UnitByCode(ctx, *code)
		if err != nil {
			return err
		}
		unitID = u.ID
	}
	events, err := s.History(ctx, unitID)
	if err != nil {
		return err
	}
	// Oldest first: the file's changes in the order they were made.
	for i, j := 0, len(events)-1; i < j; i, j = i+1, j-1 {
		events[i], events[j] = events[j], events[i]
	}
	if *asJSON {
		out := make([]jsonEvent, 0, len(events))
		for _, ev := range events {
			je := jsonEvent{ID: ev.ID, At: ev.At.UTC().Format(time.RFC3339), Action: ev.Action, Subject: ev.Subject, Source: ev.Source,
				Detail: ev.Detail, Before: ev.Before, After: ev.After, Restorable: ev.Restorable}
			if ev.UnitCode != "" {
				c := ev.UnitCode
				je.Unit = &c
			}
			out = append(out, je)
		}
		return printJSON(x.out, out)
	}
	for _, ev := range events {
		head := fmt.Sprintf("#%d %s %s", ev.ID, ev.At.Local().Format("2006-01-02 15:04:05"), ev.Detail)
		if ev.Source != "" {
			head += "（来自 " + ev.Source + "）"
		}
		fmt.Fprintln(x.out, head)
		if ev.Before != "" {
			fmt.Fprintln(x.out, "  原内容：")
			fmt.Fprintln(x.out, indent(ev.Before, "    "))
		}
		switch {
		case ev.After != "" && ev.Before != "":
			fmt.Fprintln(x.out, "  改为：")
			fmt.Fprintln(x.out, indent(ev.After, "    "))
		case ev.After != "":
			fmt.Fprintln(x.out, "  内容：")
			fmt.Fprintln(x.out, indent(ev.After, "    "))
		}
		if ev.Restorable {
			fmt.Fprintf(x.out, "  可恢复：dossierctl history restore --db %s --id %d\n", shown(*f.db), ev.ID)
		}
	}
	fmt.Fprintf(x.out, "共 %d 条记录\n", len(events))
	return nil
}

func indent(text, prefix string) string {
	return prefix + strings.ReplaceAll(text, "\n", "\n"+prefix)
}

func runHistoryRestore(ctx context.Context, x *call) error {
	f := x.flags
	id := f.Int64("id", 0, "历史记录编号")
	reason := f.String("reason", "", "评分开始后恢复评分规则的理由")
	if err := f.parseNone(); err != nil {
		return err
	}
	if *id <= 0 {
		return usagef("缺少 --id（history 列出的记录编号，如 12）")
	}
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	if err := s.RestoreEvent(dossier.WithReason(ctx, *reason), *id); err != nil {
		return err
	}
	fmt.Fprintf(x.out, "已恢复历史记录 #%d 替换前的内容（这次恢复也已记入历史，可再次恢复）\n", *id)
	return nil
}
