package ops

import (
	"context"
	"errors"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/dossier-app/dossier/export/xlsx"
)

// ScoreSheetOutcome is what importing one score workbook did.
type ScoreSheetOutcome struct {
	Path string
	// Result is set when the workbook was merged.
	Result *store.ScoreSheetResult
	// Err is why the workbook was refused, whole: a *dossier.FileError
	// naming the cells (by the reader or by dossier.PlanScoreSheet), or
	// another error of the file (one that cannot be opened).
	Err error
}

// ImportScoreSheets reads evaluators' score workbooks and merges each,
// whole or not at all, in the order given (progress counts workbooks). A
// refused workbook does not stop the others; a failure of the campaign
// file does: the outcomes so far are returned with it.
func ImportScoreSheets(ctx context.Context, st *store.Store, paths []string, progress Progress) ([]ScoreSheetOutcome, error) {
	// Reading a workbook needs the units, categories, evaluators and 回避,
	// which merging scores does not change: load them once.
	b, err := st.Book(ctx, store.LoadOptions{})
	if err != nil {
		return nil, err
	}
	var out []ScoreSheetOutcome
	for i, path := range paths {
		o := ScoreSheetOutcome{Path: path}
		sheet, err := xlsx.ReadScoreSheet(path, b)
		if err != nil {
			o.Err = err
		} else {
			res, err := st.ApplyScoreSheet(ctx, sheet)
			var fe *dossier.FileError
			switch {
			case errors.As(err, &fe):
				o.Err = err
			case err != nil:
				return out, err
			default:
				o.Result = res
			}
		}
		out = append(out, o)
		progress.report(i+1, len(paths))
	}
	return out, nil
}
