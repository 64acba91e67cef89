package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A campaign on a server goes into the recent list, and the preferences
// file, without its password.
func TestRecentServerWithoutPassword(t *testing.T) {
	path := filepath.Join(t.TempDir(), "preferences.json")
	fp, err := OpenFilePreferences(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := prefs{fp}
	p.AddRecent("/a/b.dossier")
	p.AddRecent("postgres://clerk:Zq9-secret@db.example.cn:5432/pg2026?sslmode=require&password=Zq9-secret")
	if r := p.Recent(); len(r) != 2 || r[0] != "postgres://clerk@db.example.cn:5432/pg2026?sslmode=require" {
		t.Errorf("recent = %v", r)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "Zq9") {
		t.Errorf("the password is in the preferences file: %s", b)
	}
	if d := fp.String(prefFolderOf + purposeCampaign); d != "/a" {
		t.Errorf("campaign folder = %q, want /a (a server is no folder)", d)
	}
}
