package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// fullDisk mounts a small tmpfs (as root; CI runs as root) and returns its
// folder and a function that fills it up.
func fullDisk(t *testing.T, size string) (string, func()) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "disk")
	os.Mkdir(dir, 0o755)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs (needs root): %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	fill := func() {
		f, err := os.Create(filepath.Join(dir, "filler"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		block := make([]byte, 4096)
		for {
			if _, err := f.Write(block); err != nil {
				if !errors.Is(err, syscall.ENOSPC) {
					t.Fatal(err)
				}
				return
			}
		}
	}
	return dir, fill
}

// TestFullDiskSpeaksChinese: on a full disk every write fails with "磁盘空间
// 不足" naming the file, no English, nothing half-written; once space is
// freed the campaign is whole.
func TestFullDiskSpeaksChinese(t *testing.T) {
	disk, fill := fullDisk(t, "4m")
	db := filepath.Join(disk, "c.dossier")
	mustCtl(t, "new", "--db", db)
	mustCtl(t, "unit", "add", "--db", db, "--code", "A1", "--name", "甲单位")
	fill()
	bin := binary(t)
	for _, c := range []struct {
		args []string
		file string
	}{
		{[]string{"unit", "add", "--db", db, "--code", "A2", "--name", strings.Repeat("乙", 40)}, db},
		{[]string{"settings", "--db", db, "--organiser", strings.Repeat("主办", 2000)}, db},
		{[]string{"export", "pdf", "--db", db, "--out", filepath.Join(disk, "d.pdf")}, filepath.Join(disk, "d.pdf")},
		{[]string{"backup", "--db", db, "--out", filepath.Join(disk, "b.dossier")}, filepath.Join(disk, "b.dossier")},
	} {
		var se bytes.Buffer
		cmd := exec.Command(bin, c.args...)
		cmd.Stderr = &se
		err := cmd.Run()
		if err == nil || cmd.ProcessState.ExitCode() != 1 || !strings.Contains(se.String(), "磁盘空间不足") ||
			!strings.Contains(se.String(), c.file) || english.MatchString(se.String()) {
			t.Errorf("%s on a full disk: %v\n%s", c.args[0], err, se.String())
		}
	}
	// Room to open, not to write: the write itself fails, in Chinese.
	filler := filepath.Join(disk, "filler")
	st, _ := os.Stat(filler)
	os.Truncate(filler, st.Size()-96<<10)
	var se bytes.Buffer
	cmd := exec.Command(bin, "settings", "--db", db, "--organiser", strings.Repeat("主办单位", 9000))
	cmd.Stderr = &se
	if err := cmd.Run(); err == nil || !strings.Contains(se.String(), "磁盘空间不足，未能保存到 "+db) || english.MatchString(se.String()) {
		t.Errorf("a write that fills the disk: %v\n%s", err, se.String())
	}
	os.Remove(filler)
	if got := strings.Join(listDir(t, disk), " "); got != "c.dossier" {
		t.Errorf("left on the disk: %s", got)
	}
	out := mustCtl(t, "units", "--db", db)
	if !strings.Contains(out, "甲单位") || strings.Contains(out, "乙乙") {
		t.Errorf("units after the full disk:\n%s", out)
	}
	if p := mustCtl(t, "check", "--db", db); !strings.Contains(p, "检查通过") {
		t.Error(p)
	}
}
