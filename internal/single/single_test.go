package single

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The second start on the same file reaches the first, which focuses its
// window; a start on another file, or after the first closed, does not.
func TestSecondStartFocusesFirst(t *testing.T) {
	Dir = t.TempDir()
	dir := t.TempDir()
	file := filepath.Join(dir, "评选 活动.dossier")
	other := filepath.Join(dir, "另一个.dossier")
	if Notify(file) {
		t.Fatal("Notify answered with no app running")
	}
	focused := make(chan bool, 4)
	l, err := Listen(file, func() { focused <- true })
	if err != nil {
		t.Fatal(err)
	}
	if !Notify(file) {
		t.Fatal("second start on the same file was not answered")
	}
	select {
	case <-focused:
	case <-time.After(5 * time.Second):
		t.Fatal("the first app was not asked to focus")
	}
	// Another spelling of the same file reaches the same app.
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	os.Chdir(dir)
	if !Notify("评选 活动.dossier") {
		t.Error("a relative name of the same file was not answered")
	}
	if Notify(other) {
		t.Error("a start on another file was answered")
	}
	if _, err := Listen(file, func() {}); err == nil {
		t.Error("a second listener on the same file was allowed")
	}
	l.Close()
	if Notify(file) {
		t.Error("answered after the first app closed")
	}
	// A socket left behind (a crash) does not stop the next app.
	os.WriteFile(sockPath(file), nil, 0o600)
	l2, err := Listen(file, func() { focused <- true })
	if err != nil {
		t.Fatalf("a leftover socket file blocks the next app: %v", err)
	}
	defer l2.Close()
	if !Notify(file) {
		t.Error("the next app is not answered")
	}
}
