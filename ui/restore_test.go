package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/dossier-app/dossier/dossier"
)

func TestHistoryShowsAndRestoresContent(t *testing.T) {
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	ctx := context.Background()
	a.ShowScreen(ScreenUnits)
	ut := s.screen(ScreenUnits).(*unitsTab)
	old := strings.Repeat("郑州市坚持以人民为中心的发展思想，统筹推进义务教育学校标准化建设。", 12) + "（原文结尾）"
	u, err := ut.add(dossier.Unit{Code: "2022-0001", Name: "郑州市教育局", Summary: old})
	if err != nil {
		t.Fatal(err)
	}
	ut.editor.summary.SetText("改过的简介。")
	ut.editor.summary.FocusLost()

	h := ut.editor.showHistory()
	s.jobs.Wait()
	if len(h.list.all) == 0 || h.list.all[0].Action != "unit.update" {
		t.Fatalf("history %+v", h.list.all)
	}
	h.list.list.Select(0)
	if d := h.list.detail.Text; !strings.Contains(d, old) || !strings.Contains(d, "修改前的内容") {
		t.Errorf("the detail does not show the whole previous 事迹简介:\n%s", d)
	}
	if !h.list.restore.Visible() {
		t.Fatal("no 恢复此内容 for an edit of the basic information")
	}
	test.Tap(h.list.restore)
	tapOverlayButton(t, a, "恢复")
	s.jobs.Wait()
	got, _ := s.store.Unit(ctx, u.ID)
	if got.Summary != old {
		t.Errorf("restored summary %q", got.Summary)
	}
	if ut.editor.summary.Text != old {
		t.Error("the editor does not show the restored summary")
	}
	// The restore is itself listed, so it can be undone too.
	if len(h.list.all) < 2 || h.list.all[0].ID == h.list.all[1].ID || !h.list.all[0].Restorable {
		t.Errorf("restore not listed: %+v", h.list.all[:1])
	}
	h.dlg.Hide()

	// A unit entry that replaced nothing offers no restore.
	h = ut.editor.showHistory()
	s.jobs.Wait()
	last := len(h.list.all) - 1
	h.list.list.Select(last) // unit.add
	if h.list.restore.Visible() {
		t.Errorf("恢复此内容 offered for %s", h.list.all[last].Action)
	}
	h.dlg.Hide()
}

func TestRestoreRevision(t *testing.T) {
	a, _ := newTestApp(t)
	s, ut, u := reimported(t, a)
	ctx := context.Background()
	before, _ := s.store.Revisions(ctx, u.ID)
	if len(before) == 0 {
		t.Fatal("the re-import kept no revision")
	}
	h := ut.editor.showHistory()
	s.jobs.Wait()
	if len(h.revs) == 0 {
		t.Fatal("no revisions listed")
	}
	h.openRevision(0)
	if !strings.Contains(overlayTexts(a), "旧简介。") {
		t.Errorf("the revision shown lacks its summary:\n%s", overlayTexts(a))
	}
	tapOverlayButton(t, a, "恢复此版本")
	if !strings.Contains(overlayTexts(a), "替换 2022-0001 郑州市教育局 的当前内容") {
		t.Errorf("no confirmation:\n%s", overlayTexts(a))
	}
	tapOverlayButton(t, a, "恢复")
	s.jobs.Wait()
	got, _ := s.store.Unit(ctx, u.ID)
	if got.Summary != "旧简介。" || got.Region != "郑州" || len(got.Achievements) != 0 {
		t.Errorf("after restoring the revision: %+v", got)
	}
	if ut.editor.summary.Text != "旧简介。" {
		t.Errorf("editor shows %q", ut.editor.summary.Text)
	}
	// The imported content was kept as a revision: nothing is lost.
	revs, _ := s.store.Revisions(ctx, u.ID)
	found := false
	for _, r := range revs {
		if r.Unit.Summary == "导入的事迹简介：全市新增学位 27.6 万个。" {
			found = true
		}
	}
	if !found {
		t.Error("the replaced content is not kept as a revision")
	}
	if len(h.revs) != len(revs) {
		t.Errorf("history lists %d revisions, file has %d", len(h.revs), len(revs))
	}
}
