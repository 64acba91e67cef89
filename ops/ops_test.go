package ops

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

func demoStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := CreateDemo(context.Background(), filepath.Join(t.TempDir(), "示例.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// fill writes a copy of the workbook at blank with the cells set.
func fill(t *testing.T, blank, out string, cells map[string]map[string]string) string {
	t.Helper()
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
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestImportPreviewAndCommit(t *testing.T) {
	ctx := context.Background()
	st, err := CreateCampaign(ctx, filepath.Join(t.TempDir(), "新.dossier"), NewCampaign{Title: "2022年评选", Year: 2022, Date: time.Date(2022, 3, 15, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if c, _ := st.Campaign(ctx); c.Year != 2022 || c.Date != "2022-03-15" {
		t.Errorf("campaign %+v", c)
	}
	dir := t.TempDir()
	blank := filepath.Join(dir, "模板.xlsx")
	if res, err := Export(ctx, st, ExportRequest{Kind: KindTemplate, Out: blank}); err != nil || len(res.Files) != 1 {
		t.Fatal(res, err)
	}
	sub := filepath.Join(dir, "申报")
	os.Mkdir(sub, 0o755)
	fill(t, blank, filepath.Join(sub, "新乡.xlsx"), map[string]map[string]string{"基本信息": {"B1": "2022-0101", "B2": "新乡市教育局"}})
	fill(t, blank, filepath.Join(sub, "焦作.xlsx"), map[string]map[string]string{"基本信息": {"B2": "焦作市教育局"}, "量化指标": {"D2": "约27万"}})
	os.WriteFile(filepath.Join(sub, "~$新乡.xlsx"), []byte("owner"), 0o644)

	list := FindSubmissions([]string{sub})
	if len(list.Files) != 2 || list.Skipped != 1 {
		t.Fatalf("listing %+v", list)
	}
	var calls int
	plan, err := PreviewImport(ctx, st, list.Files, func(done, total int) { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	if calls == 0 {
		t.Error("no progress while reading")
	}
	byName := map[string]ImportFile{}
	for _, f := range plan.Files {
		byName[filepath.Base(f.Path)] = f
	}
	good, bad := byName["新乡.xlsx"], byName["焦作.xlsx"]
	if good.Action != dossier.ImportNew || good.Code != "2022-0101" || good.ReadErr != nil {
		t.Errorf("good %+v", good)
	}
	var fe *dossier.FileError
	if bad.Action != dossier.ImportRejected || !errors.As(bad.ReadErr, &fe) || len(bad.Problems) == 0 ||
		bad.Problems[0].Sheet != "量化指标" || bad.Problems[0].Cell != "D2" || !strings.Contains(bad.Problems[0].Message, "约数") {
		t.Errorf("bad %+v", bad)
	}
	if bad.Name != "焦作市教育局" {
		t.Errorf("the refused file's row does not say whose it is: %q", bad.Name)
	}
	if n, c, u, r := plan.Counts(); n != 1 || c != 0 || u != 0 || r != 1 {
		t.Errorf("counts %d %d %d %d", n, c, u, r)
	}
	if units, _ := st.Units(ctx); len(units) != 0 {
		t.Fatal("the preview wrote")
	}
	out, err := CommitImport(ctx, st, plan, nil)
	if err != nil {
		t.Fatal(err)
	}
	if units, _ := st.Units(ctx); len(units) != 1 || units[0].Name != "新乡市教育局" {
		t.Fatalf("units %+v", units)
	}
	if len(out.Files) != 2 || out.Files[0].Path != plan.Files[0].Path {
		t.Errorf("outcome %+v", out.Files)
	}
	// The same file again changes nothing.
	again, err := PreviewImport(ctx, st, []string{good.Path}, nil)
	if err != nil || len(again.Files) != 1 || !again.Files[0].Unchanged {
		t.Fatalf("re-import %+v %v", again, err)
	}
}

func TestScoreSheets(t *testing.T) {
	ctx := context.Background()
	st := demoStore(t)
	b, _ := st.Book(ctx, store.LoadOptions{})
	ev := b.Evaluators[0]
	path := filepath.Join(t.TempDir(), "评分表.xlsx")
	res, err := Export(ctx, st, ExportRequest{Kind: KindScoreSheet, Evaluator: ev.Name, Out: path})
	if err != nil || res.Evaluator != ev.Name {
		t.Fatal(res, err)
	}
	if _, err := Export(ctx, st, ExportRequest{Kind: KindScoreSheet, Evaluator: "无此人", Out: path + "2"}); dossier.ErrorCode(err) != dossier.ENOTFOUND {
		t.Errorf("unknown evaluator: %v", err)
	}
	f, _ := excelize.OpenFile(path)
	f.SetCellStr("评委信息", "B3", "0000000000")
	tampered := filepath.Join(t.TempDir(), "改.xlsx")
	f.SaveAs(tampered)
	f.Close()
	outs, err := ImportScoreSheets(ctx, st, []string{path, tampered, filepath.Join(t.TempDir(), "无.xlsx")}, nil)
	if err != nil || len(outs) != 3 {
		t.Fatal(outs, err)
	}
	if outs[0].Err != nil || outs[0].Result == nil {
		t.Errorf("own workbook: %v", outs[0].Err)
	}
	var fe *dossier.FileError
	if !errors.As(outs[1].Err, &fe) || fe.Problems[0].Sheet != "评委信息" || fe.Problems[0].Cell != "B3" {
		t.Errorf("tampered: %v", outs[1].Err)
	}
	if outs[2].Err == nil {
		t.Error("a missing file was accepted")
	}
}

func TestExportKinds(t *testing.T) {
	ctx := context.Background()
	st := demoStore(t)
	dir := t.TempDir()
	b, _ := st.Book(ctx, store.LoadOptions{})
	for _, c := range []struct {
		req   ExportRequest
		magic string
	}{
		{ExportRequest{Kind: KindDossier, Out: filepath.Join(dir, "汇编.pdf")}, "%PDF"},
		{ExportRequest{Kind: KindNotice, Out: filepath.Join(dir, "公示.pdf")}, "%PDF"},
		{ExportRequest{Kind: KindUnit, Unit: b.Units[0].Code, Out: filepath.Join(dir, "单位.pdf")}, "%PDF"},
		{ExportRequest{Kind: KindSummary, Out: filepath.Join(dir, "汇总.xlsx")}, "PK"},
		{ExportRequest{Kind: KindBackup, Out: filepath.Join(dir, "备份.dossier")}, "SQLite format 3"},
	} {
		t.Run(string(c.req.Kind), func(t *testing.T) {
			var steps int
			c.req.Progress = func(done, total int) { steps++ }
			res, err := Export(ctx, st, c.req)
			if err != nil {
				t.Fatal(err)
			}
			data, _ := os.ReadFile(c.req.Out)
			if !bytes.HasPrefix(data, []byte(c.magic)) || len(res.Files) != 1 || res.Files[0] != c.req.Out {
				t.Errorf("%q… %v", data[:min(len(data), 8)], res.Files)
			}
			if c.req.Kind == KindDossier && (res.Pages < 10 || steps == 0) {
				t.Errorf("%d pages, %d progress calls", res.Pages, steps)
			}
		})
	}
	t.Run("unknown unit", func(t *testing.T) {
		out := filepath.Join(dir, "无.pdf")
		_, err := Export(ctx, st, ExportRequest{Kind: KindUnit, Unit: "X-404", Out: out})
		if dossier.ErrorCode(err) != dossier.ENOTFOUND || !strings.Contains(dossier.ErrorMessage(err), "X-404") {
			t.Errorf("%v", err)
		}
		if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
			t.Error("a file was left")
		}
	})
	t.Run("never over the campaign", func(t *testing.T) {
		before, _ := os.ReadFile(st.Path())
		for _, k := range []Kind{KindBackup, KindSummary, KindNotice} {
			if _, err := Export(ctx, st, ExportRequest{Kind: k, Out: st.Path()}); err == nil {
				t.Errorf("%s over the campaign accepted", k)
			}
		}
		if after, _ := os.ReadFile(st.Path()); !bytes.Equal(before, after) {
			t.Error("the campaign changed")
		}
	})
	t.Run("score workbooks never replace a returned one", func(t *testing.T) {
		folder := filepath.Join(dir, "评分表")
		os.Mkdir(folder, 0o755)
		first, err := Export(ctx, st, ExportRequest{Kind: KindScoreSheetFolder, Out: folder})
		if err != nil || len(first.Files) != len(b.Evaluators) {
			t.Fatal(first, err)
		}
		second, err := Export(ctx, st, ExportRequest{Kind: KindScoreSheetFolder, Out: folder})
		if err != nil || !strings.HasSuffix(second.Files[0], " (2).xlsx") {
			t.Fatal(second, err)
		}
	})
}
