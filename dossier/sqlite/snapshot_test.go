package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

// Revision snapshots are a tagged DTO: new ones say {"v":1,…} with their
// own field names; those written before the tag (dossier.Unit's Go field
// names) still read and restore; a newer version is refused in Chinese.
func TestRevisionSnapshotVersions(t *testing.T) {
	ctx := context.Background()
	s, path := newStore(t)
	b, _ := s.Book(ctx, LoadOptions{})
	cat, ind := b.Categories[0].ID, b.Categories[0].Indicators[0].ID
	u := dossier.Unit{Code: "A-001", Name: "郑州市教育局", Region: "郑州市", Summary: "第一版简介",
		Achievements: []dossier.Achievement{{CategoryID: cat, Heading: "第一版标题", Body: "第一版正文"}},
		Values:       []dossier.IndicatorValue{{IndicatorID: ind, Value: 27.6, Note: "万个"}}}
	if _, err := s.Import(ctx, []dossier.Submission{{File: "v1.xlsx", Unit: u}}, false); err != nil {
		t.Fatal(err)
	}
	u.Summary, u.Achievements[0].Body = "第二版简介", "第二版正文"
	if _, err := s.Import(ctx, []dossier.Submission{{File: "v2.xlsx", Unit: u}}, false); err != nil {
		t.Fatal(err)
	}
	db := fileOf(s).r
	var js, id string
	if err := db.QueryRowContext(ctx, `SELECT snapshot, unit_id FROM revision WHERE revision = 1`).Scan(&js, &id); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(js, `{"v":1,"unit":{"id":`) || !strings.Contains(js, `"category_id":"`+cat+`"`) || strings.Contains(js, `"Summary"`) {
		t.Fatalf("new snapshot is not the tagged DTO: %s", js)
	}

	// A snapshot as the untagged format wrote it.
	v0 := fmt.Sprintf(`{"unit":{"ID":%q,"Code":"A-001","Name":"郑州市教育局","Region":"郑州市","Kind":"","Recommender":"","Contact":"","Phone":"","Title":"","Summary":"旧格式简介","Status":"已受理","Revision":1,"Version":1,`+
		`"Achievements":[{"CategoryID":%q,"Heading":"旧格式标题","Body":"旧格式正文"}],"Values":[{"IndicatorID":%q,"Value":12.5,"Note":"旧说明","NoValue":false}],"Photos":null},"photos":null}`, id, cat, ind)
	setSnapshot(t, path, v0)
	revs, err := s.Revisions(ctx, id)
	if err != nil || len(revs) != 1 {
		t.Fatalf("revisions of an old snapshot: %+v %v", revs, err)
	}
	r := revs[0].Unit
	if r.Summary != "旧格式简介" || len(r.Achievements) != 1 || r.Achievements[0].Body != "旧格式正文" || r.Achievements[0].CategoryID != cat ||
		len(r.Values) != 1 || r.Values[0].Value != 12.5 || r.Values[0].Note != "旧说明" || r.Status != dossier.StatusAccepted {
		t.Fatalf("old snapshot read as %+v", r)
	}
	if err := s.RestoreRevision(ctx, id, 1); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Unit(ctx, id); got.Summary != "旧格式简介" || got.Achievements[0].Heading != "旧格式标题" || got.Values[0].Value != 12.5 {
		t.Fatalf("restored from an old snapshot: %+v", got)
	}

	setSnapshot(t, path, `{"v":2,"unit":{}}`)
	if _, err := s.Revisions(ctx, id); !strings.Contains(dossier.ErrorMessage(err), "快照格式 2") {
		t.Fatalf("a newer snapshot: %v", err)
	}
}

// setSnapshot replaces revision 1's snapshot behind the store's back.
func setSnapshot(t *testing.T, path, js string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE revision SET snapshot = ? WHERE revision = 1`, js); err != nil {
		t.Fatal(err)
	}
}
