package sqlite

import "github.com/dossier-app/dossier/dossier/store"

// These names moved to dossier/store; the aliases keep code written
// against the old package compiling while it moves over.

// Deprecated: use store.LoadOptions.
type LoadOptions = store.LoadOptions

// Deprecated: use store.ScoreInput.
type ScoreInput = store.ScoreInput

// Deprecated: use store.ScoreSheetResult.
type ScoreSheetResult = store.ScoreSheetResult

// Deprecated: use store.ScoringStatus.
type ScoringStatus = store.ScoringStatus

// Deprecated: use store.Verification.
type Verification = store.Verification

// Deprecated: use store.PhotoReader.
type PhotoReader = store.PhotoReader

// Deprecated: use store.Unchanged.
const Unchanged = store.Unchanged

// Deprecated: use store.StateLabel.
func StateLabel(state string) string { return store.StateLabel(state) }
