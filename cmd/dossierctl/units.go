package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

func runUnitAdd(ctx context.Context, x *call) error {
	f := x.flags
	code := f.String("code", "", "申报编号")
	name := f.String("name", "", "单位名称")
	region := f.String("region", "", "所属地区")
	kind := f.String("kind", "", "单位类型")
	rec := f.String("recommender", "", "推荐单位")
	if err := f.parseNone(); err != nil {
		return err
	}
	if err := need("code", *code, "name", *name); err != nil {
		return err
	}
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	u := dossier.Unit{Code: *code, Name: *name, Region: *region, Kind: *kind, Recommender: *rec}
	if err := s.AddUnit(ctx, &u); err != nil {
		return err
	}
	fmt.Fprintf(x.out, "已新增单位 %s %s\n", u.Code, u.Name)
	return nil
}

func runUnitStatus(ctx context.Context, x *call) error {
	f := x.flags
	code := f.String("code", "", "申报编号")
	status := f.String("status", "", "已受理|材料待补|已撤回")
	if err := f.parseNone(); err != nil {
		return err
	}
	if err := need("code", *code, "status", *status); err != nil {
		return err
	}
	st := dossier.Status(strings.TrimSpace(*status))
	if !st.Valid() {
		return usagef("--status 应为 已受理、材料待补 或 已撤回，而不是“%s”", *status)
	}
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	// Re-read then write: the command line has no older copy, but the
	// write still goes through the version check.
	u, err := s.UnitByCode(ctx, *code)
	if err != nil {
		return err
	}
	if _, err := s.SetStatus(ctx, u.Code, st, u.Version); err != nil {
		return err
	}
	fmt.Fprintf(x.out, "单位 %s 的状态已设为 %s\n", *code, st)
	return nil
}

func runUnitRestore(ctx context.Context, x *call) error {
	f := x.flags
	code := f.String("code", "", "申报编号")
	rev := f.Int("revision", 0, "要恢复的版本号")
	if err := f.parseNone(); err != nil {
		return err
	}
	if err := need("code", *code); err != nil {
		return err
	}
	if *rev <= 0 {
		return usagef("缺少 --revision（要恢复的版本号，从 1 起）")
	}
	s, err := x.campaign(ctx)
	if err != nil {
		return err
	}
	u, err := s.UnitByCode(ctx, *code)
	if err != nil {
		return err
	}
	if err := s.RestoreRevision(ctx, u.ID, *rev); err != nil {
		return err
	}
	now, err := s.Unit(ctx, u.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(x.out, "已将单位 %s %s 恢复为第 %d 版的内容，现为第 %d 版（恢复前的内容保留为第 %d 版）\n", now.Code, now.Name, *rev, now.Revision, u.Revision)
	return nil
}

type jsonAchievement struct {
	Category string `json:"category"`
	Heading  string `json:"heading"`
	Body     string `json:"body"`
}

type jsonIndicator struct {
	Category string  `json:"category"`
	Name     string  `json:"name"`
	Unit     string  `json:"unit"`
	Value    float64 `json:"value"`
	Note     string  `json:"note,omitempty"`
}

type jsonPhoto struct {
	Category string `json:"category"`
	Caption  string `json:"caption"`
	Bytes    int    `json:"bytes"`
	Format   string `json:"format"`
	Width    int    `json:"width"`
	Height   int    `json:"height"`
}

type jsonUnit struct {
	ID           string            `json:"id"`
	Code         string            `json:"code"`
	Name         string            `json:"name"`
	Region       string            `json:"region"`
	Kind         string            `json:"kind"`
	Recommender  string            `json:"recommender"`
	Contact      string            `json:"contact"`
	Phone        string            `json:"phone"`
	Title        string            `json:"title"`
	Summary      string            `json:"summary"`
	Status       string            `json:"status"`
	Revision     int               `json:"revision"`
	Achievements []jsonAchievement `json:"achievements"`
	Indicators   []jsonIndicator   `json:"indicators"`
	Photos       []jsonPhoto       `json:"photos"`
}

func runUnits(ctx context.Context, x *call) error {
	f := x.flags
	asJSON := f.Bool("json", false, "JSON 输出")
	if err := f.parseNone(); err != nil {
		return err
	}
	_, b, err := x.book(ctx, store.LoadOptions{Material: true, Photos: true})
	if err != nil {
		return err
	}
	if !*asJSON {
		fmt.Fprintf(x.out, "%-14s %-24s %-12s %-8s %s\n", "申报编号", "单位名称", "所属地区", "状态", "版本")
		for _, u := range b.Units {
			fmt.Fprintf(x.out, "%-14s %-24s %-12s %-8s %d\n", u.Code, u.Name, u.Region, u.Status, u.Revision)
		}
		fmt.Fprintf(x.out, "共 %d 个单位\n", len(b.Units))
		return nil
	}
	catName := func(id string) string {
		if c := b.Category(id); c != nil {
			return c.Name
		}
		return ""
	}
	out := make([]jsonUnit, 0, len(b.Units))
	for _, u := range b.Units {
		ju := jsonUnit{ID: u.ID, Code: u.Code, Name: u.Name, Region: u.Region, Kind: u.Kind, Recommender: u.Recommender,
			Contact: u.Contact, Phone: u.Phone, Title: u.Title, Summary: u.Summary, Status: string(u.Status), Revision: u.Revision,
			Achievements: []jsonAchievement{}, Indicators: []jsonIndicator{}, Photos: []jsonPhoto{}}
		for _, a := range u.Achievements {
			ju.Achievements = append(ju.Achievements, jsonAchievement{catName(a.CategoryID), a.Heading, a.Body})
		}
		for _, v := range u.Values {
			in := b.Indicator(v.IndicatorID)
			if in == nil || v.NoValue { // only those with a value (DESIGN.md)
				continue
			}
			ju.Indicators = append(ju.Indicators, jsonIndicator{catName(in.CategoryID), in.Name, in.Unit, v.Value, v.Note})
		}
		for _, p := range u.Photos {
			ju.Photos = append(ju.Photos, jsonPhoto{catName(p.CategoryID), p.Caption, len(p.Data), p.Format, p.Width, p.Height})
		}
		out = append(out, ju)
	}
	return printJSON(x.out, out)
}
