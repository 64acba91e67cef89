package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// --version prints the version FyneApp.toml gives, on stdout, exit 0.
func TestVersionFlag(t *testing.T) {
	b, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	want := regexp.MustCompile(`(?m)^Version = "([^"]+)"`).FindSubmatch(b)[1]
	for _, arg := range []string{"--version", "version"} {
		code, out, errs := ctl(t, arg)
		if code != 0 || errs != "" {
			t.Fatalf("%s: exit %d, stderr %q", arg, code, errs)
		}
		if !strings.HasPrefix(out, "dossierctl "+string(want)+"（") {
			t.Errorf("%s printed %q, want the version %s", arg, out, want)
		}
	}
	if _, _, errs := ctl(t, "--help"); !strings.Contains(errs, "--version") {
		t.Errorf("usage does not mention --version:\n%s", errs)
	}
}
