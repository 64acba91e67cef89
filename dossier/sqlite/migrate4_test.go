package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

// A file written by the format before versions (migrations 0001–0003)
// opens, and its records get versions and full history.
func TestMigrationFromFormat3(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v3.dossier")
	s, err := open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		for _, m := range migrations() {
			if m.Version > 3 {
				break
			}
			if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
				return fmt.Errorf("%s: %w", m.Name, err)
			}
			tx.ExecContext(ctx, `INSERT INTO schema_migration (version, applied_at) VALUES (?, '2022-01-01T00:00:00Z')`, m.Version)
		}
		for _, q := range []string{
			fmt.Sprintf(`PRAGMA application_id = %d`, ApplicationID),
			`INSERT INTO campaign (singleton, id, title, trim_min) VALUES (1, '00000000-0000-0000-0000-000000000001', '旧版活动', 5)`,
			`INSERT INTO category (id, name, description, max_tenths, position) VALUES ('00000000-0000-0000-0000-0000000000c1', '优化扩充工程', '旧说明', 200, 0)`,
			`INSERT INTO indicator (id, category_id, name, unit, position) VALUES ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000c1', '新增学位', '个', 0)`,
			`INSERT INTO evaluator (id, name, position) VALUES ('00000000-0000-0000-0000-0000000000e1', '张敏', 0)`,
			`INSERT INTO unit (id, code, name, summary, created_at, updated_at) VALUES ('00000000-0000-0000-0000-0000000000a1', '2022-0001', '郑州市教育局', '旧的事迹简介', '2022-01-01T00:00:00Z', '2022-01-01T00:00:00Z')`,
			`INSERT INTO indicator_value (unit_id, indicator_id, value) VALUES ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000d1', 276000)`,
			`INSERT INTO history (at, action, unit_id, detail) VALUES ('2022-01-01T00:00:00Z', 'import.new', '00000000-0000-0000-0000-0000000000a1', '导入新单位')`,
			`INSERT INTO score (evaluator_id, unit_id, category_id, tenths) VALUES ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000c1', 175)`,
			`PRAGMA user_version = 3`,
		} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("%s: %w", q, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// The score already there is the log's genesis, and it opened scoring.
	if v, err := st.Verify(ctx); err != nil || !v.OK || v.Records != 1 || v.State != "open" {
		t.Fatalf("genesis of an old file: %+v %v", v, err)
	}
	b, err := st.Book(ctx, LoadOptions{Material: true})
	if err != nil {
		t.Fatal(err)
	}
	if b.Campaign.Version != 1 || b.Categories[0].Version != 1 || b.Categories[0].Indicators[0].Version != 1 || b.Evaluators[0].Version != 1 || b.Units[0].Version != 1 {
		t.Fatalf("versions after upgrade: %+v", b)
	}
	// Its documents were printed in 宋体 and keep printing so (format 10).
	if b.Campaign.BodyFont != dossier.BodySong {
		t.Errorf("body face after upgrade %q, want song", b.Campaign.BodyFont)
	}
	u, _ := st.UnitByCode(ctx, "2022-0001")
	stale := u
	u.Summary = "新的事迹简介"
	if err := st.UpdateUnit(ctx, &u); err != nil || u.Version != 2 {
		t.Fatalf("update after upgrade: %v, version %d", err, u.Version)
	}
	stale.Title = "旧副本"
	if err := st.UpdateUnit(ctx, &stale); dossier.ErrorCode(err) != dossier.ESTALE {
		t.Errorf("stale write after upgrade: %v", err)
	}
	hist, _ := st.History(ctx, u.ID)
	if len(hist) != 2 || hist[0].Before != "事迹简介：旧的事迹简介" || hist[0].After != "事迹简介：新的事迹简介" || hist[1].Action != "import.new" || hist[1].Restorable {
		t.Fatalf("history after upgrade: %+v", hist)
	}
	if err := st.RestoreEvent(ctx, hist[0].ID); err != nil {
		t.Fatal(err)
	}
	in := b.Categories[0].Indicators[0]
	in.Unit = "万个"
	if err := st.UpdateIndicator(ctx, &in); err != nil {
		t.Fatal(err)
	}
	if u, _ = st.UnitByCode(ctx, "2022-0001"); u.Summary != "旧的事迹简介" || u.Values[0].Value != 27.6 {
		t.Errorf("after restore and conversion: %q %v", u.Summary, u.Values[0].Value)
	}
	if p, _ := st.Check(ctx); len(p) > 0 {
		t.Errorf("check: %v", p)
	}
	if !strings.Contains(hist[0].Subject, "2022-0001") {
		t.Errorf("subject %q", hist[0].Subject)
	}
}
