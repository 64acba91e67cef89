// Package testprog finds and drives the outside programs that tests
// compare our files with: LibreOffice, Gnumeric, node. CI installs them
// all (.ci/run) and sets DOSSIER_REQUIRE_PROGRAMS, so that there a test
// never passes by skipping; elsewhere a missing program skips the test.
package testprog

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// RequireEnv is the variable that turns a missing program into a failure.
const RequireEnv = "DOSSIER_REQUIRE_PROGRAMS"

// Need returns the path of the program name, or ends the test: a failure
// when RequireEnv is set, a skip otherwise.
func Need(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv(RequireEnv) != "" {
		t.Fatalf("%s is required (%s) but not installed", name, RequireEnv)
		return ""
	}
	t.Skipf("%s not installed", name)
	return ""
}

// LibreOffice converts src with LibreOffice headless into dir with the
// given --convert-to argument ("ods", "xls", "csv:Text - txt - csv
// (StarCalc):44,34,76", "xlsx:Calc MS Excel 2007 XML") and returns the new
// file's path. Each call has its own profile, so that conversions do not
// wait on one another's lock or read another run's settings.
func LibreOffice(t testing.TB, src, dir, to string) string {
	t.Helper()
	soffice := Need(t, "soffice")
	profile := filepath.Join(t.TempDir(), "lo-profile")
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+profile, "--headless", "--norestore",
		"--convert-to", to, "--outdir", dir, src)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s", to, err, out)
	}
	ext, _, _ := strings.Cut(to, ":")
	out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))+"."+ext)
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("soffice wrote no %s", out)
	}
	return out
}
