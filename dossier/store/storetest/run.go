// Package storetest is the contract suite of dossier/store: the store's
// behaviour, run through the seam against every adapter (a SQLite file, a
// PostgreSQL database). An adapter's test calls Run with an Adapter that
// makes fresh campaigns.
package storetest

import (
	"testing"

	"github.com/dossier-app/dossier/assets"
	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

// Adapter makes and reopens campaigns for the suite.
type Adapter struct {
	// New creates an empty campaign with settings c and categories cats
	// (the adapter's own creation, ending in store.InitCampaign) and
	// returns it open. The adapter closes and removes it when t ends.
	New func(t *testing.T, c dossier.Campaign, cats []dossier.Category) *store.Store
	// Reopen closes s and opens the same campaign again, as the next run
	// of the program would; the adapter closes the result when t ends.
	Reopen func(t *testing.T, s *store.Store) *store.Store
}

// The campaign every test starts from.
var campaign = dossier.Campaign{Title: "测试评选", Organiser: "某某省教育厅", Year: 2022, Date: "2022-03-15", Quota: 2, TrimMin: dossier.DefaultTrimMin}

// Categories are the default categories (五大工程, with their indicators).
func Categories(t testing.TB) []dossier.Category {
	t.Helper()
	cats, err := dossier.ParseCategories(assets.DefaultCategories)
	if err != nil {
		t.Fatal(err)
	}
	return cats
}

func (ad Adapter) newStore(t *testing.T) *store.Store {
	t.Helper()
	return ad.New(t, campaign, Categories(t))
}

var tests = []struct {
	name string
	run  func(t *testing.T, ad Adapter)
}{
	{"RoundTripEveryEntity", testRoundTripEveryEntity},
	{"ImportNewUpdateAndRevisions", testImportNewUpdateAndRevisions},
	{"ImportPlannedWritesThePlan", testImportPlannedWritesThePlan},
	{"ScoreRules", testScoreRules},
	{"ApplyScoreSheet", testApplyScoreSheet},
	{"RemoveCategoryKeepsData", testRemoveCategoryKeepsData},
	{"ReorderEvaluators", testReorderEvaluators},
	{"SetMaterialKeepsWhatItReplaced", testSetMaterialKeepsWhatItReplaced},
	{"StaleUnitEditAfterReimport", testStaleUnitEditAfterReimport},
	{"StaleSettingsCategoryIndicatorEvaluator", testStaleSettingsCategoryIndicatorEvaluator},
	{"HistoryKeepsAndRestoresWhatItReplaced", testHistoryKeepsAndRestoresWhatItReplaced},
	{"RestoreRevisionBringsBackPhotos", testRestoreRevisionBringsBackPhotos},
	{"IdenticalReimportChangesNothing", testIdenticalReimportChangesNothing},
	{"ReimportAbsentAndEmptiedSheets", testReimportAbsentAndEmptiedSheets},
	{"IndicatorUnitChangeConvertsValues", testIndicatorUnitChangeConvertsValues},
	{"ConflictAndDecisionOverwritesKeepOldReason", testConflictAndDecisionOverwritesKeepOldReason},
	{"RestoreEventKinds", testRestoreEventKinds},
	{"PhotoReader", testPhotoReader},
	{"RuleLockedOnceScoringOpen", testRuleLockedOnceScoringOpen},
	{"GenerationCountsCommits", testGenerationCountsCommits},
	{"InternalErrorsSpeakChinese", testInternalErrorsSpeakChinese},
	{"CodesIgnoreCase", testCodesIgnoreCase},
	{"SameScoreAgainWritesNothing", testSameScoreAgainWritesNothing},
	{"BodyFontSetting", testBodyFontSetting},
}

// Run runs the whole contract suite, each test in a subtest of its name
// on a fresh campaign.
func Run(t *testing.T, ad Adapter) {
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.run(t, ad) })
	}
}
