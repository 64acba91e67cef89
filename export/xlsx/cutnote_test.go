package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/xuri/excelize/v2"
)

// TestCutNoteCountsOnlyPendingDecisions: with one of the three straddling
// units decided, the note says two are waiting and one is decided.
func TestCutNoteCountsOnlyPendingDecisions(t *testing.T) {
	b := rankedBook()
	b.Decisions = append(b.Decisions, dossier.Decision{UnitID: "u2", Recommended: true, Reason: "评委会表决"})
	f, err := excelize.OpenReader(bytes.NewReader(summaryBytes(t, b)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(SheetRanking)
	note := strings.Join(rows[len(rows)-1], "")
	if !strings.Contains(note, "“待评委会决定”的 2 个单位") || !strings.Contains(note, "1 个并列跨越名额线的单位已由评委会决定") {
		t.Errorf("note %q", note)
	}
}
