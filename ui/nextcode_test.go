package ui

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

// TestNextCodeMatchesImport: the unit dialog suggests the code an import
// gives a workbook without a 申报编号 (issue 12: the app suggested
// 2022-0004 where the import assigned 2022-0002), with and without a year.
func TestNextCodeMatchesImport(t *testing.T) {
	for _, tc := range []struct {
		name  string
		year  int
		codes []string
		want  string
	}{
		{"gap in the year's numbering", 2022, []string{"2022-0001", "2022-0003"}, "2022-0002"},
		{"campaign without a year", 0, nil, "D-0001"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, _ := newTestApp(t)
			if err := a.NewCampaign(filepath.Join(t.TempDir(), "编号.dossier"), "编号测试", "河南省教育厅", tc.year); err != nil {
				t.Fatal(err)
			}
			s := a.cur
			ctx := context.Background()
			if tc.year == 0 {
				// A new campaign takes its date's year (ops.CreateCampaign);
				// an older file or a cleared setting has none.
				c, err := s.store.Campaign(ctx)
				if err != nil {
					t.Fatal(err)
				}
				c.Year = 0
				if err := s.store.UpdateCampaign(ctx, &c); err != nil {
					t.Fatal(err)
				}
			}
			for i, c := range tc.codes {
				u := dossier.Unit{Code: c, Name: "已有单位" + string(rune('甲'+i))}
				if err := s.store.AddUnit(ctx, &u); err != nil {
					t.Fatal(err)
				}
			}
			a.ShowScreen(ScreenUnits)
			ut := s.screen(ScreenUnits).(*unitsTab)
			ut.refresh()
			suggested := ut.nextCode()
			items, err := s.store.Import(ctx, []dossier.Submission{{File: "无编号.xlsx", Unit: dossier.Unit{Name: "新申报单位"}}}, false)
			if err != nil {
				t.Fatal(err)
			}
			if len(items) != 1 || items[0].Action != dossier.ImportNew {
				t.Fatalf("import: %+v", items)
			}
			u, err := s.store.UnitByCode(ctx, tc.want)
			if err != nil || u.Name != "新申报单位" {
				t.Fatalf("import did not assign %s: %v %+v", tc.want, err, u)
			}
			if suggested != tc.want {
				t.Errorf("app suggested %q, import assigned %q", suggested, tc.want)
			}
		})
	}
}
