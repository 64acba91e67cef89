package pgtest

import (
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// Two tests get two databases on one server, reachable only through the
// socket, with the superuser's password required.
func TestDatabasePerTest(t *testing.T) {
	a, b := Database(t), Database(t)
	if a == b {
		t.Fatalf("same database twice: %s", a)
	}
	db, err := sql.Open("pgx", a)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var name, addr string
	if err := db.QueryRow(`SELECT current_database(), coalesce(inet_server_addr()::text, 'socket')`).Scan(&name, &addr); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a, "/"+name+"?") || addr != "socket" {
		t.Fatalf("connected to %s via %s, want %s via the socket", name, addr, a)
	}
	var listen string
	if err := db.QueryRow(`SHOW listen_addresses`).Scan(&listen); err != nil || listen != "" {
		t.Fatalf("listen_addresses = %q (%v), want none", listen, err)
	}
	s := Shared(t)
	wrong, err := sql.Open("pgx", s.URL(name, Superuser, "wrong"))
	if err != nil {
		t.Fatal(err)
	}
	defer wrong.Close()
	if err := wrong.PingContext(context.Background()); err == nil {
		t.Fatal("a wrong password was accepted")
	}
	if _, err := exec.LookPath("psql"); err == nil {
		out, err := exec.Command("psql", "-X", "-At", "-c", "SELECT 40 + 2", b).CombinedOutput()
		if err != nil || strings.TrimSpace(string(out)) != "42" {
			t.Fatalf("psql on %s: %v %s", b, err, out)
		}
	}
}

// A server whose test process died is stopped by the next Start.
func TestOrphanStopped(t *testing.T) {
	Shared(t)
	s, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	// Pretend its owner died: a process id that cannot exist.
	if err := os.WriteFile(filepath.Join(s.dir, "owner.pid"), []byte("999999999"), 0o644); err != nil {
		t.Fatal(err)
	}
	s2, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Stop()
	if _, err := os.Stat(s.dir); !os.IsNotExist(err) {
		s.Stop()
		t.Fatalf("the orphan's folder is still there: %v", err)
	}
}
