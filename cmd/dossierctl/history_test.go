package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func testPNG(t *testing.T, seed int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for y := 0; y < 30; y++ {
		for x := 0; x < 40; x++ {
			img.Set(x, y, color.RGBA{uint8(seed * 30), uint8(x * 6), uint8(y * 8), 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type unitJSON struct {
	Code, Name, Title, Summary string
	Revision                   int
	Achievements               []struct{ Category, Heading, Body string }
	Indicators                 []struct {
		Name  string
		Value float64
	}
	Photos []struct {
		Caption string
		Bytes   int
	}
}

func unitsJSON(t *testing.T, db string) []unitJSON {
	t.Helper()
	var units []unitJSON
	if err := json.Unmarshal([]byte(mustCtl(t, "units", "--db", db, "--json")), &units); err != nil {
		t.Fatal(err)
	}
	return units
}

// Issue 8 items 4, 5 and 6 from the command line: unchanged re-imports,
// renamed and missing sheets, removals printed before the write, the full
// history and restoring a revision.
func TestReimportHistoryAndRestore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.dossier")
	tpl := filepath.Join(dir, "模板.xlsx")
	mustCtl(t, "new", "--db", db, "--title", "历史测试")
	mustCtl(t, "template", "--db", db, "--out", tpl)
	summary := strings.Repeat("郑州市坚持高位推进“五大工程”，", 4) + "简介的最后一句。"
	// fill writes a workbook; photos pictures on 图片; edit may change it.
	fill := func(name string, photos int, edit func(f *excelize.File)) string {
		f, err := excelize.OpenFile(tpl)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		fillByLabel(t, f, "基本信息", "申报编号", "T-01")
		fillByLabel(t, f, "基本信息", "单位名称", "郑州市教育局")
		fillByLabel(t, f, "基本信息", "事迹标题", "郑州市的事迹")
		fillByLabel(t, f, "基本信息", "事迹简介", summary)
		fillRow(t, f, "事迹材料", []string{"优化扩充工程"}, map[string]string{"标题": "增学位", "正文": "新增学位27.6万个。"})
		fillRow(t, f, "量化指标", []string{"优化扩充工程", "新增学位"}, map[string]string{"数值": "27.6万"})
		for i := 1; i <= photos; i++ {
			f.SetCellStr("图片", fmt.Sprintf("C%d", i+1), fmt.Sprintf("校园一角%d", i))
			if err := f.AddPictureFromBytes("图片", fmt.Sprintf("D%d", i+1), &excelize.Picture{Extension: ".png", File: testPNG(t, i)}); err != nil {
				t.Fatal(err)
			}
		}
		if edit != nil {
			edit(f)
		}
		path := filepath.Join(dir, name)
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	full := fill("完整.xlsx", 8, nil)
	mustCtl(t, "import", "--db", db, full)

	// Item 6: the same workbook again changes nothing and says so.
	out := mustCtl(t, "import", "--db", db, full)
	if !strings.Contains(out, "未改变 T-01 郑州市教育局") || !strings.Contains(out, "内容与现有版本相同，未改变") {
		t.Errorf("identical re-import: %s", out)
	}
	if u := unitsJSON(t, db); u[0].Revision != 1 || len(u[0].Photos) != 8 {
		t.Fatalf("after identical re-import: revision %d, %d photos", u[0].Revision, len(u[0].Photos))
	}

	// Item 5: a renamed sheet is refused, nothing changes.
	renamed := fill("改名.xlsx", 8, func(f *excelize.File) {
		fillRow(t, f, "事迹材料", []string{"优化扩充工程"}, map[string]string{"正文": "改过的正文"})
		f.SetSheetName("事迹材料", "事迹材料（已填）")
	})
	code, out, errs := ctl(t, "import", "--db", db, renamed)
	if code != 1 || !strings.Contains(errs, "工作表“事迹材料（已填）”的表头像是“事迹材料”，请把工作表改名为“事迹材料”") || !strings.Contains(errs, "改名.xlsx") {
		t.Fatalf("renamed sheet: exit %d\n%s%s", code, out, errs)
	}
	if u := unitsJSON(t, db); len(u[0].Achievements) != 1 || u[0].Achievements[0].Body != "新增学位27.6万个。" || u[0].Revision != 1 {
		t.Fatalf("material changed by a refused file: %+v", u[0])
	}

	// A deleted 图片 sheet keeps the photos, with a warning.
	noSheet := fill("无图片表.xlsx", 0, func(f *excelize.File) { f.DeleteSheet("图片") })
	code, out, errs = ctl(t, "import", "--db", db, noSheet)
	if code != 0 || !strings.Contains(errs, "没有工作表“图片”") || !strings.Contains(errs, "已有的 8 张图片保留不变") || !strings.Contains(out, "未改变") {
		t.Fatalf("missing sheet: exit %d\n%s%s", code, out, errs)
	}

	// A partial workbook: the removals are listed in the dry run and before
	// the write.
	partial := fill("部分.xlsx", 0, func(f *excelize.File) {
		fillByLabel(t, f, "基本信息", "事迹简介", "短简介")
	})
	out = mustCtl(t, "import", "--db", db, "--dry-run", partial)
	for i := 1; i <= 8; i++ {
		if !strings.Contains(out, fmt.Sprintf("图片 %d：校园一角%d将被删除", i, i)) {
			t.Errorf("dry run does not list photo %d:\n%s", i, out)
		}
	}
	if u := unitsJSON(t, db); len(u[0].Photos) != 8 {
		t.Fatal("dry run wrote")
	}
	out = mustCtl(t, "import", "--db", db, partial)
	warn, upd := strings.Index(out, "图片 8：校园一角8将被删除"), strings.Index(out, "更新 T-01")
	if warn < 0 || upd < 0 || warn > upd || !strings.Contains(out, "删除 图片 8：校园一角8已被删除") {
		t.Fatalf("removals not printed before the write:\n%s", out)
	}
	if u := unitsJSON(t, db); u[0].Revision != 2 || len(u[0].Photos) != 0 || u[0].Summary != "短简介" {
		t.Fatalf("after partial import: %+v", u[0])
	}

	// Item 4: the history keeps the whole summary and every photo.
	var events []struct {
		ID         int64   `json:"id"`
		At         string  `json:"at"`
		Action     string  `json:"action"`
		Unit       *string `json:"unit"`
		Source     string  `json:"source"`
		Detail     string  `json:"detail"`
		Before     string  `json:"before"`
		After      string  `json:"after"`
		Restorable bool    `json:"restorable"`
	}
	if err := json.Unmarshal([]byte(mustCtl(t, "history", "--db", db, "--json")), &events); err != nil {
		t.Fatal(err)
	}
	last := events[len(events)-1]
	if events[0].Action != "campaign.create" || events[0].Unit != nil || last.Action != "import.update" || last.Unit == nil || *last.Unit != "T-01" ||
		!strings.Contains(last.Before, "事迹简介："+summary) || !strings.Contains(last.Before, "图片 8：校园一角8") || last.After == "" ||
		!strings.HasSuffix(last.Source, "部分.xlsx") || last.At == "" || !last.Restorable {
		t.Fatalf("history --json: first %+v, last %+v", events[0], last)
	}
	if n := len(events); n != 2+1 { // created, imported, re-imported once
		t.Errorf("%d history entries, want 3 (identical and refused imports add none)", n)
	}
	text := mustCtl(t, "history", "--db", db, "--unit", "T-01")
	if !strings.Contains(text, summary) || !strings.Contains(text, "原内容：") {
		t.Errorf("history --unit:\n%s", text)
	}

	// Every earlier revision can be restored.
	out = mustCtl(t, "unit", "restore", "--db", db, "--code", "T-01", "--revision", "1")
	if !strings.Contains(out, "现为第 3 版") {
		t.Errorf("restore: %s", out)
	}
	if u := unitsJSON(t, db); u[0].Revision != 3 || len(u[0].Photos) != 8 || u[0].Summary != summary || u[0].Photos[7].Caption != "校园一角8" {
		t.Fatalf("after restore: %+v", u[0])
	}
	if code, _, errs := ctl(t, "unit", "restore", "--db", db, "--code", "T-01", "--revision", "9"); code != 1 || !strings.Contains(errs, "没有第 9 版") {
		t.Errorf("unknown revision: exit %d %s", code, errs)
	}

	// A settings change restored by its history entry.
	mustCtl(t, "settings", "--db", db, "--organiser", "新的主办单位")
	json.Unmarshal([]byte(mustCtl(t, "history", "--db", db, "--json")), &events)
	e := events[len(events)-1]
	if !strings.Contains(e.Before, "主办单位：（空）") || !strings.Contains(e.After, "主办单位：新的主办单位") {
		t.Fatalf("settings event %+v", e)
	}
	mustCtl(t, "history", "restore", "--db", db, "--id", fmt.Sprint(e.ID))
	json.Unmarshal([]byte(mustCtl(t, "history", "--db", db, "--json")), &events)
	if e := events[len(events)-1]; e.Action != "campaign.restore" || !strings.Contains(e.After, "主办单位：（空）") {
		t.Errorf("restore event %+v", e)
	}
}

// Issue 8 item 6: an import run again after an interruption imports what is
// left and leaves the units already imported at revision 1.
func TestResumedImportMakesNoRevisions(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.dossier")
	tpl := filepath.Join(dir, "模板.xlsx")
	mustCtl(t, "new", "--db", db, "--title", "续导测试")
	mustCtl(t, "template", "--db", db, "--out", tpl)
	folder := filepath.Join(dir, "申报表")
	var files []string
	for i := 1; i <= 3; i++ {
		f, err := excelize.OpenFile(tpl)
		if err != nil {
			t.Fatal(err)
		}
		fillByLabel(t, f, "基本信息", "申报编号", fmt.Sprintf("T-%02d", i))
		fillByLabel(t, f, "基本信息", "单位名称", fmt.Sprintf("第%d单位", i))
		fillRow(t, f, "事迹材料", []string{"优化扩充工程"}, map[string]string{"标题": "增学位", "正文": "正文。"})
		path := filepath.Join(folder, fmt.Sprintf("%d.xlsx", i))
		if i == 1 {
			os.MkdirAll(folder, 0o755)
		}
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		f.Close()
		files = append(files, path)
	}
	mustCtl(t, "import", "--db", db, files[0], files[1]) // the run that was interrupted
	out := mustCtl(t, "import", "--db", db, folder)
	if !strings.Contains(out, "新增 T-03") || strings.Count(out, "未改变 T-") != 2 || !strings.Contains(out, "新增 1 个，更新 0 个，拒绝 0 个，未改变 2 个") {
		t.Fatalf("resumed import:\n%s", out)
	}
	for _, u := range unitsJSON(t, db) {
		if u.Revision != 1 {
			t.Errorf("%s at revision %d", u.Code, u.Revision)
		}
	}
	var events []struct{ Action string }
	json.Unmarshal([]byte(mustCtl(t, "history", "--db", db, "--json")), &events)
	if len(events) != 4 { // created, three units imported
		t.Errorf("%d history entries, want 4: %+v", len(events), events)
	}
}
