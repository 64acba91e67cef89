package netpath

import (
	"path/filepath"
	"testing"
)

func TestLocalFolderIsNotNetwork(t *testing.T) {
	p := filepath.Join(t.TempDir(), "评选 活动.dossier")
	if Network(p) || Warning(p) != "" {
		t.Errorf("a local temp folder counts as a network drive: %q", Warning(p))
	}
}
