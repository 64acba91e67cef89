package appinfo

import (
	"os"
	"regexp"
	"testing"
)

func TestVersionFromFyneApp(t *testing.T) {
	b, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^Version = "([^"]+)"`).FindSubmatch(b)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version")
	}
	if Version != string(m[1]) {
		t.Errorf("Version = %q, FyneApp.toml says %q", Version, m[1])
	}
	if !regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+$`).MatchString(Version) {
		t.Errorf("Version %q is not MAJOR.MINOR.PATCH (the Windows version resource and dpkg need it)", Version)
	}
	if Build < 1 {
		t.Errorf("Build = %d", Build)
	}
}
