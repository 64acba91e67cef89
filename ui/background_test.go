package ui

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/dossier-app/dossier/dossier/sqlite"
)

// TestLongWorkOffTheUIThread is issue 12 item 6: the template, a score
// workbook out and back, 保存副本 and adding a photo run as background jobs.
// Each job is held at its start; meanwhile the action has returned, the
// window takes a typed event, the activity bar shows, and nothing is
// written yet. Released, the job does its work and shows the outcome.
func TestLongWorkOffTheUIThread(t *testing.T) {
	a, s := scoringCampaign(t)
	p := a.pick.(*stubPicker)
	ctx := context.Background()
	dir := t.TempDir()

	var release chan struct{}
	a.holdJob = func() { <-release }
	held := func(t *testing.T, action func(), out string) {
		t.Helper()
		release = make(chan struct{})
		action()
		// The handler returned with the job still held: the UI goroutine
		// is free, and an event is processed while the work waits.
		if !s.busy() {
			t.Fatal("no background job is running")
		}
		if !s.activity.Visible() && out != "" {
			t.Error("no activity bar while the job runs")
		}
		entry := s.scoring.reason
		entry.SetText("")
		test.Type(entry, "评委会同意")
		if entry.Text != "评委会同意" {
			t.Errorf("typing while the job runs gave %q", entry.Text)
		}
		entry.SetText("")
		if out != "" {
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("%s written before the job ran", out)
			}
		}
		close(release)
		s.jobs.Wait()
		if s.busy() {
			t.Error("still busy after the job")
		}
		if out != "" {
			if _, err := os.Stat(out); err != nil {
				t.Errorf("not written: %v", err)
			}
		}
	}

	t.Run("template", func(t *testing.T) {
		a.ShowScreen(ScreenImport)
		it := s.screen(ScreenImport).(*importTab)
		p.save = filepath.Join(dir, "模板.xlsx")
		held(t, it.template.OnTapped, p.save)
		if !strings.Contains(overlayTexts(a), "已保存申报表模板") {
			t.Errorf("no outcome shown: %q", overlayTexts(a))
		}
	})

	t.Run("folder walk and preview", func(t *testing.T) {
		it := s.screen(ScreenImport).(*importTab)
		folder := filepath.Join(dir, "申报表")
		os.Mkdir(folder, 0o755)
		data, _ := os.ReadFile(filepath.Join(dir, "模板.xlsx"))
		os.WriteFile(filepath.Join(folder, "空白.xlsx"), data, 0o644)
		p.dir = folder
		held(t, func() {
			it.addFolder.OnTapped()
			if len(it.rows) != 0 || !it.addFiles.Disabled() {
				t.Error("the folder was listed on the UI goroutine")
			}
		}, "")
		if len(it.rows) != 1 || it.rows[0].action.Label() != "拒绝" {
			t.Errorf("preview rows %+v", it.rows)
		}
	})

	sheet := filepath.Join(dir, "评分表-王评委.xlsx")
	t.Run("score workbook out", func(t *testing.T) {
		a.ShowScreen(ScreenEvaluators)
		et := s.screen(ScreenEvaluators).(*evaluatorsTab)
		p.save = sheet
		held(t, func() { et.askExportSheet(et.book.EvaluatorByName("王评委")) }, sheet)
	})

	t.Run("score workbook back", func(t *testing.T) {
		et := s.screen(ScreenEvaluators).(*evaluatorsTab)
		p.open = sheet
		held(t, et.askImportSheet, "")
		if !strings.Contains(overlayTexts(a), "已导入评分表") {
			t.Errorf("no outcome shown: %q", overlayTexts(a))
		}
	})

	t.Run("save a copy", func(t *testing.T) {
		p.save = filepath.Join(dir, "副本.dossier")
		held(t, s.saveCopy, p.save)
		st, err := sqlite.OpenWith(ctx, p.save, sqlite.OpenOptions{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if units, _ := st.Units(ctx); len(units) != 3 {
			t.Errorf("the copy has %d units", len(units))
		}
	})

	t.Run("photo", func(t *testing.T) {
		a.ShowScreen(ScreenUnits)
		ut := s.screen(ScreenUnits).(*unitsTab)
		ut.open(ut.all[0].ID)
		ed := ut.editor
		img := image.NewRGBA(image.Rect(0, 0, 640, 480))
		for i := range img.Pix {
			img.Pix[i] = uint8(i * 7)
		}
		img.Set(3, 3, color.RGBA{200, 10, 10, 255})
		var buf bytes.Buffer
		png.Encode(&buf, img)
		path := filepath.Join(dir, "校园.png")
		os.WriteFile(path, buf.Bytes(), 0o644)
		p.open = path
		held(t, func() {
			ed.addPhotoInBackground(path)
			if len(ed.photos) != 0 || !ed.photoBusy.Visible() {
				t.Errorf("photo added before it was prepared (%d), busy line %v", len(ed.photos), ed.photoBusy.Visible())
			}
		}, "")
		if len(ed.photos) != 1 || ed.photoBusy.Visible() {
			t.Fatalf("%d photos after the job", len(ed.photos))
		}
		u, _ := s.store.Unit(ctx, ed.unit.ID)
		if len(u.Photos) != 1 || u.Photos[0].Caption != "校园" || u.Photos[0].Width != 640 {
			t.Errorf("stored photos %+v", u.Photos)
		}
	})
}
