package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

// TestHistoryNamesEveryAction: opening and closing scoring are named in
// Chinese on the history screen (issue 12: actions the screen's own table
// lacked were shown as "scoring.open").
func TestHistoryNamesEveryAction(t *testing.T) {
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	ctx := context.Background()
	if err := s.store.OpenScoring(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.store.CloseScoring(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if !a.ShowScreen(ScreenHistory) || s.history == nil {
		t.Fatal("history not shown")
	}
	s.jobs.Wait()
	h := s.history.list
	want := map[dossier.Action]string{dossier.ActionScoringOpen: "开始评分", dossier.ActionScoringClose: "结束评分", dossier.ActionCampaignCreate: "创建评选活动"}
	found := 0
	for i, e := range h.all {
		label, ok := want[dossier.Action(e.Action)]
		if !ok {
			continue
		}
		found++
		h.sel = i
		h.showDetail()
		if first := strings.SplitN(h.detail.Text, "\n", 2)[0]; !strings.Contains(first, label) || strings.Contains(first, e.Action) {
			t.Errorf("%s shown as %q, want %s", e.Action, first, label)
		}
	}
	if found != len(want) {
		t.Errorf("history has %d of the %d actions", found, len(want))
	}
}
