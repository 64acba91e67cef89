package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

// binary builds dossierctl once per test run, for tests that must run it
// as a separate process (kill -9, another user). DOSSIER_TEST_DOSSIERCTL
// names one built beforehand instead: the Windows run under Wine
// (packaging/wine/gotest.sh), whose test binary cannot start Linux's go.
func binary(t *testing.T) string {
	t.Helper()
	if bin := os.Getenv("DOSSIER_TEST_DOSSIERCTL"); bin != "" {
		return bin
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "dossierctl-bin-")
		if err != nil {
			buildErr = err
			return
		}
		os.Chmod(dir, 0o755)
		builtBin = filepath.Join(dir, "dossierctl")
		gobin, err := exec.LookPath("go")
		if err != nil {
			gobin = filepath.Join(runtime.GOROOT(), "bin", "go")
		}
		cmd := exec.Command(gobin, "build", "-o", builtBin, ".")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = &buildError{string(out), err}
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

type buildError struct {
	out string
	err error
}

func (e *buildError) Error() string { return "go build: " + e.err.Error() + "\n" + e.out }

// asUser runs the built binary as the unprivileged user nobody when the
// test runs as root (root ignores file modes), else as the current user.
func asUser(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	bin := binary(t)
	if os.Geteuid() != 0 {
		return exec.Command(bin, args...)
	}
	if _, err := exec.LookPath("setpriv"); err != nil {
		t.Fatal("setpriv (util-linux) is needed to run as another user")
	}
	return exec.Command("setpriv", append([]string{"--reuid=65534", "--regid=65534", "--clear-groups", bin}, args...)...)
}
