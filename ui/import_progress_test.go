package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"github.com/dossier-app/dossier/dossier"
)

// TestPreviewOf100WorkbooksShowsProgressPerFile is issue 10's GUI goal: a
// folder of 100 submissions is previewed off the UI goroutine, the bar and
// the status line counting the files as they are read; held half-way, the
// window takes events (another screen, typing in its search box) and has
// written nothing; released, the preview lists all 100.
func TestPreviewOf100WorkbooksShowsProgressPerFile(t *testing.T) {
	a, p := newTestApp(t)
	s := newTestCampaign(t, a)
	a.ShowScreen(ScreenImport)
	it := s.screen(ScreenImport).(*importTab)
	dir := t.TempDir()
	blank := filepath.Join(dir, "模板.xlsx")
	if err := it.saveTemplate(blank); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "申报表")
	os.Mkdir(folder, 0o755)
	f, err := excelize.OpenFile(blank)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 100; i++ {
		f.SetCellStr("基本信息", "B1", fmt.Sprintf("2022-%04d", i))
		f.SetCellStr("基本信息", "B2", fmt.Sprintf("第%d号申报单位", i))
		f.SetCellStr("基本信息", "B3", "郑州市")
		f.SetCellStr("事迹材料", "B2", "坚持“增学位、补短板”")
		f.SetCellStr("事迹材料", "C2", "新建学校 12 所。")
		if err := f.SaveAs(filepath.Join(folder, fmt.Sprintf("%03d.xlsx", i))); err != nil {
			t.Fatal(err)
		}
	}
	f.Close()

	var counted []int
	half, release := make(chan struct{}), make(chan struct{})
	it.checked = func(done, total int) {
		if total != 100 {
			t.Errorf("progress of %d files, want 100", total)
		}
		counted = append(counted, done)
		if done == 50 {
			close(half)
			<-release
		}
	}
	p.dir = folder
	it.addFolder.OnTapped()
	<-half
	if !it.bar.Visible() || it.bar.Value != 0.5 {
		t.Errorf("half-way the bar is at %v (visible %v), want 0.5", it.bar.Value, it.bar.Visible())
	}
	if it.state.Text != "正在检查：50 / 100 个文件" {
		t.Errorf("half-way the status line says %q", it.state.Text)
	}
	if len(it.rows) != 0 || !it.addFiles.Disabled() || !it.commit.Disabled() {
		t.Errorf("half-way: %d rows shown, add disabled %v, import disabled %v", len(it.rows), it.addFiles.Disabled(), it.commit.Disabled())
	}
	// The window is the user's meanwhile.
	a.ShowScreen(ScreenUnits)
	ut := s.screen(ScreenUnits).(*unitsTab)
	test.Type(ut.search, "郑州")
	if ut.search.Text != "郑州" {
		t.Errorf("typing while the preview runs gave %q", ut.search.Text)
	}
	ut.search.SetText("")
	if units, _ := s.store.Units(context.Background()); len(units) != 0 {
		t.Errorf("the preview wrote %d units", len(units))
	}
	close(release)
	s.jobs.Wait()

	for i, d := range counted {
		if d != i+1 {
			t.Fatalf("progress went %v: want each file counted once, 1 to 100", counted)
		}
	}
	if len(counted) != 100 {
		t.Errorf("progress counted %d files, want 100", len(counted))
	}
	if len(it.rows) != 100 || it.bar.Visible() {
		t.Fatalf("%d rows after the preview (bar visible %v)", len(it.rows), it.bar.Visible())
	}
	for _, r := range it.rows {
		if r.action != dossier.ImportNew {
			t.Fatalf("%s: %s %q", filepath.Base(r.file), r.action.Label(), r.lines)
		}
	}
	if !strings.Contains(it.state.Text, "已检查 100 个文件：新增 100 个单位") {
		t.Errorf("after the preview the status line says %q", it.state.Text)
	}
	if it.commit.Disabled() {
		t.Error("import button disabled after the preview")
	}
}
