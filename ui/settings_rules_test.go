package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

// TestSettingsFormSaysWhatStoreSays: the settings form refuses what the
// campaign's rules refuse, as it is typed, in the rules' words (issue 12:
// the form had its own ranges and messages, and let a maximum of 2000 pass
// to be refused by the store).
func TestSettingsFormSaysWhatStoreSays(t *testing.T) {
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	ctx := context.Background()
	a.ShowScreen(ScreenSettings)
	st := s.screen(ScreenSettings).(*settingsTab)

	st.catList.Select(0)
	cats, _ := s.store.Categories(ctx)
	tooBig := cats[0]
	tooBig.Max = dossier.Points(2000)
	storeErr := s.store.UpdateCategory(ctx, &tooBig)
	formErr := st.catEdit.maxCheck("2000")
	if storeErr == nil || formErr == nil || !strings.Contains(dossier.ErrorMessage(storeErr), dossier.ErrorMessage(formErr)) {
		t.Errorf("maximum 2000: store says %v, form says %v", storeErr, formErr)
	}
	if !strings.Contains(dossier.ErrorMessage(formErr), "应在 0.1 到 1000 之间") {
		t.Errorf("form message %q", dossier.ErrorMessage(formErr))
	}

	c, _ := s.store.Campaign(ctx)
	for _, tc := range []struct {
		name  string
		check func(string) error
		typed string
		put   func(*dossier.Campaign)
	}{
		{"quota", st.quotaCheck, "-1", func(c *dossier.Campaign) { c.Quota = -1 }},
		{"trim threshold", st.trimCheck, "2", func(c *dossier.Campaign) { c.TrimMin = 2 }},
		{"year", st.yearCheck, "1800", func(c *dossier.Campaign) { c.Year = 1800 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := c
			tc.put(&bad)
			storeErr := s.store.UpdateCampaign(ctx, &bad)
			formErr := tc.check(tc.typed)
			if storeErr == nil || formErr == nil || dossier.ErrorMessage(storeErr) != dossier.ErrorMessage(formErr) {
				t.Errorf("%q: store says %v, form says %v", tc.typed, storeErr, formErr)
			}
		})
	}
	if err := st.quotaCheck("３"); err != nil {
		t.Errorf("full-width quota refused: %v", err)
	}
}
