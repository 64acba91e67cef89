package ui

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestExportSummaryCarriesMaterial checks that the GUI's Excel summary
// holds the units' material: 单位名单 counts and 量化指标 figures.
func TestExportSummaryCarriesMaterial(t *testing.T) {
	a, _ := newTestApp(t)
	if err := a.OpenDemo(filepath.Join(t.TempDir(), "demo.dossier")); err != nil {
		t.Fatal(err)
	}
	s := a.cur
	a.ShowScreen(ScreenExport)
	et := s.screen(ScreenExport).(*exportTab)
	path := filepath.Join(t.TempDir(), "汇总.xlsx")
	j := et.start(docSummary, path, "")
	s.jobs.Wait()
	if j.err != nil {
		t.Fatal(j.err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("单位名单")
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, r := range rows[1:] {
		if r[0] == "HN2022-002" { // 3 sections, 8 values, 10 photos in demo.json
			got := [3]string{r[col["事迹节数"]], r[col["量化指标数"]], r[col["图片数"]]}
			if got != [3]string{"3", "8", "10"} {
				t.Errorf("单位名单 HN2022-002 = %v", got)
			}
			return
		}
	}
	t.Error("HN2022-002 missing from 单位名单")
}
