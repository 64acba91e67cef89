package postgres

import (
	"context"
	"database/sql"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/sqlite"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/dossier-app/dossier/internal/pgtest"
)

// The server's schema mirrors the file's: the same version, the same
// tables and columns (but for what only a server has), and every table is
// either copied or the container's own. A migration added to the file
// without its twin here fails this test.
func TestSchemaMirrorsTheFile(t *testing.T) {
	if a, b := SchemaVersion(), sqlite.SchemaVersion(); a != b {
		t.Fatalf("server schema version %d, file %d: mirror the file's migrations", a, b)
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.dossier")
	f, err := sqlite.Create(ctx, path, sqlite.CreateOptions{Title: "结构", TrimMin: dossier.DefaultTrimMin})
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	fdb, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer fdb.Close()
	fileCols := columnsOf(t, fdb, `SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`)

	s, err := Create(ctx, pgtest.Database(t), CreateOptions{Campaign: dossier.Campaign{Title: "结构"}, Open: OpenOptions{NoListen: true}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	srv := s.Backend().(*server)
	serverCols := columnsOf(t, srv.db, `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`)
	if len(fileCols) < 80 || len(serverCols) < 80 {
		t.Fatalf("read %d columns of the file, %d of the server", len(fileCols), len(serverCols))
	}
	serverOnly := map[string]bool{"history.login": true, "score_log.login": true}
	for c := range serverCols {
		if strings.HasPrefix(c, "account.") {
			serverOnly[c] = true
		}
	}
	for c := range fileCols {
		if !serverCols[c] {
			t.Errorf("the file has %s, the server not", c)
		}
	}
	for c := range serverCols {
		if !fileCols[c] && !serverOnly[c] {
			t.Errorf("the server has %s, the file not", c)
		}
	}
	tables := map[string]bool{}
	for c := range fileCols {
		tables[strings.Split(c, ".")[0]] = true
	}
	for _, tb := range append(store.CopyTables(), "schema_migration", "file_identity") {
		delete(tables, tb)
	}
	var left []string
	for tb := range tables {
		left = append(left, tb)
	}
	sort.Strings(left)
	if len(left) > 0 {
		t.Errorf("tables neither copied nor the container's own: %v (add them to store.copyTables and to security.sql's grants)", left)
	}
}

func columnsOf(t *testing.T, db *sql.DB, q string) map[string]bool {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var tb, c string
		if err := rows.Scan(&tb, &c); err != nil {
			t.Fatal(err)
		}
		out[tb+"."+c] = true
	}
	return out
}
