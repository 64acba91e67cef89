package sqlite

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/dossier-app/dossier/dossier"
)

// childCommand re-runs this test binary as a child process running test.
func childCommand(t *testing.T, test, path string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), "DOSSIER_CHILD=1", "DOSSIER_CHILD_DB="+path)
	cmd.Stderr = os.Stderr
	return cmd
}

// TestChildWriter is the child process: it writes whole units in a loop.
func TestChildWriter(t *testing.T) {
	path := os.Getenv("DOSSIER_CHILD_DB")
	if os.Getenv("DOSSIER_CHILD") == "" || path == "" {
		t.Skip("child process only")
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, err := s.Book(ctx, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	n, _ := strconv.Atoi(os.Getenv("DOSSIER_CHILD_UNITS"))
	if n == 0 {
		n = 1 << 30
	}
	pid := os.Getpid()
	for i := 0; i < n; i++ {
		u := fullUnit(b, fmt.Sprintf("C%d-%05d", pid, i), fmt.Sprintf("子进程%d单位%05d", pid, i))
		items, err := s.Import(ctx, []dossier.Submission{{File: "child.xlsx", Unit: u}}, false)
		if err != nil || items[0].Action == dossier.ImportRejected {
			t.Fatalf("child import %d: %v %+v", i, err, items)
		}
	}
}

// TestCrashKeepsWholeUnits kills a writing process with SIGKILL at random
// moments; each time the file must pass integrity_check and hold only whole
// units (every unit with all its sections, values and photos).
func TestCrashKeepsWholeUnits(t *testing.T) {
	if os.Getenv("DOSSIER_CHILD") != "" {
		return
	}
	ctx := context.Background()
	s, path := newStore(t)
	s.Close()
	rng := rand.New(rand.NewSource(7))
	kills := 20
	if testing.Short() {
		kills = 5
	}
	for k := 0; k < kills; k++ {
		cmd := childCommand(t, "TestChildWriter", path)
		cmd.Stderr = nil
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(30+rng.Intn(250)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()

		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("kill %d: reopen: %v", k, err)
		}
		var ok string
		if err := fileOf(s).r.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
			t.Fatalf("kill %d: integrity_check = %q %v", k, ok, err)
		}
		var units, partial int
		err = fileOf(s).r.QueryRowContext(ctx, `SELECT count(*),
			coalesce(sum((SELECT count(*) FROM achievement a WHERE a.unit_id = u.id) <> 6
			 OR (SELECT count(*) FROM indicator_value v WHERE v.unit_id = u.id) <> 6
			 OR (SELECT count(*) FROM photo p WHERE p.unit_id = u.id) <> 2), 0) FROM unit u`).Scan(&units, &partial)
		if err != nil {
			t.Fatal(err)
		}
		if partial != 0 {
			t.Fatalf("kill %d: %d of %d units incomplete", k, partial, units)
		}
		if p, err := s.Check(ctx); err != nil || len(p) > 0 {
			t.Fatalf("kill %d: check %v %v", k, p, err)
		}
		s.Close()
		t.Logf("kill %d: %d whole units", k, units)
	}
}
