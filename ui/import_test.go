package ui

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/export/photo"
)

// fillTemplate saves the campaign's blank submission workbook through the
// import screen, fills it as a unit would, and saves it as name.
func fillTemplate(t *testing.T, it *importTab, dir, name string, cells map[string]map[string]string) string {
	t.Helper()
	blank := filepath.Join(dir, "模板.xlsx")
	if _, err := os.Stat(blank); err != nil {
		if err := it.saveTemplate(blank); err != nil {
			t.Fatal(err)
		}
	}
	f, err := excelize.OpenFile(blank)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for sheet, m := range cells {
		for cell, v := range m {
			if err := f.SetCellStr(sheet, cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(dir, name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImport(t *testing.T) {
	a, p := newTestApp(t)
	s := newTestCampaign(t, a)
	ctx := context.Background()
	a.ShowScreen(ScreenImport)
	it := s.screen(ScreenImport).(*importTab)
	dir := t.TempDir()

	good := fillTemplate(t, it, dir, "新乡市教育局.xlsx", map[string]map[string]string{
		"基本信息": {"B1": "2022-0101", "B2": "新乡市教育局", "B3": "新乡市", "B8": "新乡市推进义务教育优质均衡发展"},
		"事迹材料": {"B2": "坚持“增学位、补短板”", "C2": "新建学校 12 所。\n新增学位 2.1 万个。"},
		"量化指标": {"D2": "2.1万"},
	})
	bad := fillTemplate(t, it, dir, "焦作市教育局.xlsx", map[string]map[string]string{
		"基本信息": {"B2": "焦作市教育局", "B3": "焦作市"},
		"量化指标": {"D2": "约27万"},
	})

	p.open = good
	it.addFiles.OnTapped()
	s.jobs.Wait()
	p.open = bad
	it.addFiles.OnTapped()
	s.jobs.Wait()
	if len(it.rows) != 2 {
		t.Fatalf("%d rows in the preview", len(it.rows))
	}
	byName := map[string]importRow{}
	for _, r := range it.rows {
		byName[filepath.Base(r.file)] = r
	}
	g, b := byName["新乡市教育局.xlsx"], byName["焦作市教育局.xlsx"]
	if g.action != dossier.ImportNew || g.name != "新乡市教育局" {
		t.Errorf("good file: %v %q %q", g.action.Label(), g.name, g.lines)
	}
	if b.action != dossier.ImportRejected || len(b.lines) == 0 || !strings.Contains(strings.Join(b.lines, "\n"), "约数") {
		t.Errorf("bad file: %v %q", b.action.Label(), b.lines)
	}
	if !strings.Contains(strings.Join(b.lines, "\n"), "量化指标") {
		t.Errorf("the rejection does not name the sheet: %q", b.lines)
	}
	labels := texts(it.table)
	if !contains(labels, "新增") || !contains(labels, "拒绝") || !contains(labels, "约数") {
		t.Errorf("preview table shows %q", labels)
	}
	if !strings.Contains(it.state.Text, "新增 1 个单位") || !strings.Contains(it.state.Text, "拒绝 1 个文件") {
		t.Errorf("state %q", it.state.Text)
	}
	if units, _ := s.store.Units(ctx); len(units) != 0 {
		t.Fatal("the preview wrote units")
	}
	if it.commit.Disabled() {
		t.Fatal("import button disabled")
	}

	it.commit.OnTapped()
	s.jobs.Wait()
	if it.bar.Value != 1 || it.bar.Visible() {
		t.Errorf("progress bar at %v (visible %v) after the import", it.bar.Value, it.bar.Visible())
	}
	units, _ := s.store.Units(ctx)
	if len(units) != 1 || units[0].Name != "新乡市教育局" || units[0].Code != "2022-0101" {
		t.Fatalf("units after import: %+v", units)
	}
	u, _ := s.store.Unit(ctx, units[0].ID)
	if len(u.Achievements) != 1 || len(u.Values) != 1 || u.Values[0].Value != 21000 {
		t.Errorf("imported material: %+v %+v", u.Achievements, u.Values)
	}
	if !strings.Contains(it.state.Text, "导入完成：新增 1 个单位") {
		t.Errorf("summary %q", it.state.Text)
	}
	if !it.commit.Disabled() {
		t.Error("import button still enabled after the import")
	}

	// The units screen shows the imported unit.
	a.ShowScreen(ScreenUnits)
	ut := s.screen(ScreenUnits).(*unitsTab)
	if len(ut.all) != 1 {
		t.Errorf("units screen has %d units", len(ut.all))
	}

	// Re-importing the same file is an update; a folder is read whole.
	a.ShowScreen(ScreenImport)
	p.dir = dir
	it.addFolder.OnTapped()
	s.jobs.Wait()
	var upd, rej int
	for _, r := range it.rows {
		switch r.action {
		case dossier.ImportUpdate:
			upd++
		case dossier.ImportRejected:
			rej++
		}
	}
	// 模板.xlsx (blank, no name), 焦作 (bad) rejected; 新乡 is an update.
	if upd != 1 || rej != 2 {
		t.Errorf("folder preview: %d updates, %d rejected: %+v", upd, rej, it.rows)
	}
}

func TestImportSaysWhatItRemoves(t *testing.T) {
	a, p := newTestApp(t)
	s := newTestCampaign(t, a)
	ctx := context.Background()
	a.ShowScreen(ScreenImport)
	it := s.screen(ScreenImport).(*importTab)
	dir := t.TempDir()

	// A unit with 3 photos, then a workbook of it without any.
	u := dossier.Unit{Code: "2022-0101", Name: "新乡市教育局", Region: "新乡市"}
	if err := s.store.AddUnit(ctx, &u); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		img := image.NewRGBA(image.Rect(0, 0, 40+i, 30))
		var buf bytes.Buffer
		png.Encode(&buf, img)
		ph, err := photo.Normalize(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		ph.Caption = fmt.Sprintf("校园一角 %d", i+1)
		u.Photos = append(u.Photos, ph)
	}
	if err := s.store.SetMaterial(ctx, &u, "添加图片"); err != nil {
		t.Fatal(err)
	}
	file := fillTemplate(t, it, dir, "新乡市教育局.xlsx", map[string]map[string]string{
		"基本信息": {"B1": "2022-0101", "B2": "新乡市教育局", "B3": "新乡市"},
		"事迹材料": {"B2": "坚持“增学位、补短板”", "C2": "新建学校 12 所。"},
	})
	p.open = file
	it.addFiles.OnTapped()
	s.jobs.Wait()
	if len(it.rows) != 1 || it.rows[0].action != dossier.ImportUpdate {
		t.Fatalf("rows %+v", it.rows)
	}
	if got := it.rows[0].summary(); !strings.HasPrefix(got, "将删除 3 张图片") {
		t.Errorf("the preview row does not say what it removes: %q", got)
	}
	if !contains(tableLabels(it.table), it.rows[0].summary()) {
		t.Errorf("row not shown: %q", tableLabels(it.table))
	}

	test.Tap(it.commit)
	got := overlayTexts(a)
	for _, want := range []string{"导入将删除已有材料", "图片 1：校园一角 1", "图片 3：校园一角 3", "仍然导入", "历史版本"} {
		if !strings.Contains(got, want) {
			t.Errorf("confirmation lacks %q:\n%s", want, got)
		}
	}
	s.jobs.Wait()
	if stored, _ := s.store.Unit(ctx, u.ID); len(stored.Photos) != 3 {
		t.Fatalf("photos removed before the user confirmed: %d left", len(stored.Photos))
	}
	tapOverlayButton(t, a, "取消")
	s.jobs.Wait()
	if stored, _ := s.store.Unit(ctx, u.ID); len(stored.Photos) != 3 {
		t.Fatal("取消 still imported")
	}

	test.Tap(it.commit)
	tapOverlayButton(t, a, "仍然导入")
	s.jobs.Wait()
	stored, _ := s.store.Unit(ctx, u.ID)
	if len(stored.Photos) != 0 || len(stored.Achievements) != 1 {
		t.Errorf("after the confirmed import: %d photos, %d sections", len(stored.Photos), len(stored.Achievements))
	}
	if got := it.rows[0].summary(); !strings.HasPrefix(got, "已删除 3 张图片") {
		t.Errorf("outcome row %q", got)
	}
	revs, _ := s.store.Revisions(ctx, u.ID)
	if len(revs) == 0 || len(revs[len(revs)-1].Unit.Photos) != 3 {
		t.Error("the removed photos are not kept in a revision")
	}
}
