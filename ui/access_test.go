package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/assets"
	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/sqlite"
)

// overlayEntry finds an entry holding text in the dialogs on screen.
func overlayEntry(a *App, text string) *widget.Entry {
	for _, o := range a.win.Canvas().Overlays().List() {
		for _, obj := range objects(o) {
			if e, ok := obj.(*widget.Entry); ok && e.Text == text {
				return e
			}
		}
	}
	return nil
}

func TestExportNeverReplacesACampaign(t *testing.T) {
	a, p := newTestApp(t)
	s := newTestCampaign(t, a)
	ctx := context.Background()
	if _, err := s.screen(ScreenUnits).(*unitsTab).add(dossier.Unit{Code: "2022-0001", Name: "郑州市教育局"}); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(t.TempDir(), "另一个评选.dossier")
	st, err := sqlite.Create(ctx, other, sqlite.CreateOptions{Title: "另一个评选", TrimMin: dossier.DefaultTrimMin})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	own := s.store.Path()

	for _, target := range []string{own, other} {
		before, _ := os.ReadFile(target)
		t.Run(filepath.Base(target), func(t *testing.T) {
			// The save dialog refuses it before offering to replace it.
			a.pick = &dialogPicker{a: a}
			called := false
			a.pick.saveFile("导出评审材料汇编", "评审材料汇编.pdf", true, func(string) { called = true })
			name := overlayEntry(a, "评审材料汇编.pdf")
			if name == nil {
				t.Fatalf("no file name field in the save dialog:\n%s", overlayTexts(a))
			}
			var dir *widget.Entry
			for _, o := range a.win.Canvas().Overlays().List() {
				for _, obj := range objects(o) {
					if e, ok := obj.(*widget.Entry); ok && e != name && dir == nil {
						dir = e
					}
				}
			}
			dir.SetText(filepath.Dir(target))
			name.SetText(filepath.Base(target))
			tapOverlayButton(t, a, "保存")
			got := overlayTexts(a)
			if called || overlayButton(a, "替换") != nil {
				t.Errorf("replacing a campaign was offered:\n%s", got)
			}
			if !strings.Contains(got, "文件未作任何改动") {
				t.Errorf("refusal not said:\n%s", got)
			}
			// The save dialog stays open with the message (issue 11 item 1): close it.
			tapOverlayButton(t, a, "取消")
			// An export aimed at it anyway (e.g. typed before it became a
			// campaign) is refused by the writer, with the message.
			a.pick = p
			et := s.screen(ScreenExport).(*exportTab)
			j := et.start(docSummary, target, "")
			s.jobs.Wait()
			if j.err == nil || !strings.Contains(dossier.ErrorMessage(j.err), "评选活动文件") {
				t.Errorf("export over a campaign: %v", j.err)
			}
			if after, _ := os.ReadFile(target); !bytes.Equal(before, after) {
				t.Error("the campaign file changed")
			}
		})
	}
	// The campaign still works: the export did not replace it.
	if units, err := s.store.Units(ctx); err != nil || len(units) != 1 {
		t.Errorf("campaign after the refused exports: %d units, %v", len(units), err)
	}
	// 保存副本 over the open campaign is refused too.
	p.save = own
	s.saveCopy()
	s.jobs.Wait()
	if got := overlayTexts(a); !strings.Contains(got, "不能") {
		t.Errorf("save copy over the campaign:\n%s", got)
	}
}

// closedCampaign makes a campaign file with one unit and closes it.
func closedCampaign(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "只读评选.dossier")
	cats, err := dossier.ParseCategories(assets.DefaultCategories)
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Create(ctx, path, sqlite.CreateOptions{Title: "2022年只读评选", TrimMin: dossier.DefaultTrimMin, Categories: cats})
	if err != nil {
		t.Fatal(err)
	}
	u := dossier.Unit{Code: "2022-0001", Name: "郑州市教育局", Summary: "原有简介。"}
	if err := st.AddUnit(ctx, &u); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestFileInUseAsks(t *testing.T) {
	ctx := context.Background()
	path := closedCampaign(t)
	holder, err := sqlite.OpenWith(ctx, path, sqlite.OpenOptions{Program: "dossierctl"})
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()

	a, _ := newTestApp(t)
	for _, choice := range []string{"取消", "只读打开", "仍然打开"} {
		t.Run(choice, func(t *testing.T) {
			if err := a.Open(path); err != ErrAsking {
				t.Fatalf("Open of a file in use elsewhere: %v", err)
			}
			got := overlayTexts(a)
			for _, want := range []string{"此文件正由", "dossierctl", "只读打开", "仍然打开", "取消"} {
				if !strings.Contains(got, want) {
					t.Errorf("question lacks %q:\n%s", want, got)
				}
			}
			if a.cur != nil {
				t.Fatal("opened before the user chose")
			}
			tapOverlayButton(t, a, choice)
			switch choice {
			case "取消":
				if a.cur != nil {
					t.Error("取消 opened the file")
				}
			case "只读打开":
				if a.cur == nil || !a.cur.readOnly() {
					t.Fatal("not open read-only")
				}
			case "仍然打开":
				if a.cur == nil || a.cur.readOnly() {
					t.Fatal("not open for writing")
				}
			}
			a.Close()
		})
	}
}

func TestReadOnlyCampaign(t *testing.T) {
	path := closedCampaign(t)
	before, _ := os.ReadFile(path)
	a, _ := newTestApp(t)
	if err := a.openWith(path, sqlite.OpenOptions{ReadOnly: true}); err != nil {
		t.Fatal(err)
	}
	s := a.cur
	if !strings.Contains(a.win.Title(), "只读") || !strings.Contains(s.titleLbl.Text, "只读") {
		t.Errorf("title %q, header %q", a.win.Title(), s.titleLbl.Text)
	}
	if !strings.Contains(strings.Join(texts(s.view), "\n"), "不能修改") {
		t.Error("no read-only band in the header")
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Error("a read-only open left a -wal beside the file")
	}

	a.ShowScreen(ScreenUnits)
	ut := s.screen(ScreenUnits).(*unitsTab)
	ed := ut.editor
	if ed == nil {
		t.Fatal("no unit shown")
	}
	for name, d := range map[string]interface{ Disabled() bool }{
		"申报编号": ed.code, "事迹简介": ed.summary, "状态": ed.status, "正文": ed.panes[0].sections[0].body,
	} {
		if !d.Disabled() {
			t.Errorf("%s is editable in a read-only campaign", name)
		}
	}
	if b := viewButton(a, "新增单位…"); b == nil || !b.Disabled() {
		t.Error("新增单位… is enabled")
	}
	if b := viewButton(a, "修改记录"); b == nil || b.Disabled() {
		t.Error("修改记录 (reading) is disabled")
	}
	// What reaches the file anyway is refused with the message, and the
	// text stays as an unsaved edit.
	ed.summary.SetText("不该写入的简介。")
	ed.saveBasic()
	if msg := s.errs.Message(); !strings.Contains(msg, "只读") {
		t.Errorf("refusal %q", msg)
	}
	s.errs.clearPrefix("")

	a.ShowScreen(ScreenSettings)
	st := s.screen(ScreenSettings).(*settingsTab)
	if !st.title.Disabled() || !st.trimMin.Disabled() || st.catEdit == nil || !st.catEdit.max.Disabled() {
		t.Error("settings are editable in a read-only campaign")
	}

	// Exports work.
	out := filepath.Join(t.TempDir(), "模板.xlsx")
	et := s.screen(ScreenExport).(*exportTab)
	j := et.start(docTemplate, out, "")
	s.jobs.Wait()
	if j.err != nil {
		t.Fatalf("export of a read-only campaign: %v", j.err)
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
		t.Error("no template written")
	}
	a.Close()
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the read-only campaign file changed")
	}
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + side); err == nil {
			t.Errorf("%s left beside the file", side)
		}
	}
}

func TestOpenTellsWhatItSetAside(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := closedCampaign(t)
	old := filepath.Join(dir, "备份.dossier")
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, old); err != nil {
		t.Fatal(err)
	}
	if err := s.AddUnit(ctx, &dossier.Unit{Code: "X1", Name: "崩溃前新增"}); err != nil {
		t.Fatal(err)
	}
	// A crash leaves the file's journal; an older backup is then restored
	// under the file's name, beside that journal.
	crash := filepath.Join(dir, "c.dossier")
	wal, err := os.ReadFile(db + "-wal")
	if err != nil || len(wal) == 0 {
		t.Fatalf("no journal to leave behind: %v", err)
	}
	s.Close()
	restored, _ := os.ReadFile(old)
	os.WriteFile(crash, restored, 0o644)
	os.WriteFile(crash+"-wal", wal, 0o644)

	a, _ := newTestApp(t)
	if err := a.Open(crash); err != nil {
		t.Fatal(err)
	}
	if got := overlayTexts(a); !strings.Contains(got, "打开时的提示") || !strings.Contains(got, "c.dossier-wal") {
		t.Errorf("the set-aside journal is not told:\n%s", got)
	}
	if units, _ := a.cur.store.Units(ctx); len(units) != 1 {
		t.Errorf("%d units: a foreign journal was applied", len(units))
	}
}
