package testprog

import (
	"fmt"
	"testing"
)

// recorder is a testing.TB that keeps what Need asks of it.
type recorder struct {
	testing.TB
	fatal, skip string
}

func (r *recorder) Helper()                      {}
func (r *recorder) Fatalf(f string, args ...any) { r.fatal = fmt.Sprintf(f, args...) }
func (r *recorder) Skipf(f string, args ...any)  { r.skip = fmt.Sprintf(f, args...) }

// TestNeed: a program on PATH is found; a missing one skips the test, or
// fails it where RequireEnv says every program must be there.
func TestNeed(t *testing.T) {
	if p := Need(t, "sh"); p == "" {
		t.Fatal("sh not found")
	}
	const missing = "no-such-program-dossier"
	t.Setenv(RequireEnv, "")
	r := &recorder{TB: t}
	if p := Need(r, missing); p != "" || r.skip != missing+" not installed" || r.fatal != "" {
		t.Errorf("without %s: %q, skip %q, fatal %q", RequireEnv, p, r.skip, r.fatal)
	}
	t.Setenv(RequireEnv, "1")
	r = &recorder{TB: t}
	if p := Need(r, missing); p != "" || r.fatal == "" || r.skip != "" {
		t.Errorf("with %s: %q, skip %q, fatal %q", RequireEnv, p, r.skip, r.fatal)
	}
}
