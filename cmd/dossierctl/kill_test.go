package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/sqlite"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/xuri/excelize/v2"
)

// killTrials is how many times each command is killed (kill -9) at a
// random moment.
const killTrials = 50

// runKilled starts the built dossierctl and kills it after d, unless it
// finished first; it reports whether it finished.
func runKilled(t *testing.T, args []string, d time.Duration) bool {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-time.After(d):
		cmd.Process.Signal(syscall.SIGKILL)
		<-done
		return false
	}
}

// duration times a full run (the faster of two: the first is slowed by
// cold caches), to spread the kills over a whole run. setup runs before
// each, so that both runs do the same work.
func duration(t *testing.T, setup func(), args ...string) time.Duration {
	t.Helper()
	best := time.Duration(0)
	for i := 0; i < 2; i++ {
		setup()
		start := time.Now()
		out, err := exec.Command(binary(t), args...).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
		}
		if d := time.Since(start); best == 0 || d < best {
			best = d
		}
	}
	return best
}

// killLoop kills args at random moments within a run's duration and calls
// after each time.
func killLoop(t *testing.T, seed int64, full time.Duration, args func(k int) []string, after func(k int, finished bool)) {
	t.Helper()
	rng := rand.New(rand.NewSource(seed))
	killed := 0
	for k := 0; k < killTrials; k++ {
		d := time.Duration(rng.Int63n(int64(full + full/5)))
		finished := runKilled(t, args(k), d)
		if !finished {
			killed++
		}
		after(k, finished)
		if t.Failed() {
			t.Fatalf("trial %d (kill after %v)", k, d)
		}
	}
	t.Logf("%d trials, %d killed mid-run (a run takes %v)", killTrials, killed, full)
}

// sound opens the campaign as the next user would and checks it whole.
func sound(t *testing.T, db string) *dossier.Book {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer s.Close()
	if p, err := s.Check(ctx); err != nil || len(p) > 0 {
		t.Fatalf("check after kill: %v %v", p, err)
	}
	b, err := s.Book(ctx, store.LoadOptions{Material: true})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// noLitter checks that the folder holds exactly the expected files: no
// temporary file, journal or lock file left.
func noLitter(t *testing.T, dir string, want ...string) {
	t.Helper()
	if got := strings.Join(listDir(t, dir), " "); got != strings.Join(want, " ") {
		t.Errorf("left in the folder: %s (want %s)", got, strings.Join(want, " "))
	}
}

func TestKillDuringImport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.dossier")
	mustCtl(t, "new", "--db", db)
	tpl := filepath.Join(dir, "tpl.xlsx")
	mustCtl(t, "template", "--db", db, "--out", tpl)
	subs := filepath.Join(dir, "subs")
	os.Mkdir(subs, 0o755)
	for i := 0; i < 20; i++ {
		f, err := excelize.OpenFile(tpl)
		if err != nil {
			t.Fatal(err)
		}
		fillByLabel(t, f, "基本信息", "申报编号", fmt.Sprintf("K-%02d", i))
		fillByLabel(t, f, "基本信息", "单位名称", fmt.Sprintf("第%02d单位", i))
		fillByLabel(t, f, "基本信息", "所属地区", "某市")
		fillByLabel(t, f, "基本信息", "事迹标题", "标题")
		fillByLabel(t, f, "基本信息", "事迹简介", strings.Repeat("简介。", 200))
		fillRow(t, f, "事迹材料", []string{"优化扩充工程"}, map[string]string{"标题": "增学位", "正文": strings.Repeat("正文。", 500)})
		fillRow(t, f, "量化指标", []string{"优化扩充工程", "新增学位"}, map[string]string{"数值": "100"})
		fillRow(t, f, "量化指标", []string{"优化扩充工程", "大班额比例"}, map[string]string{"数值": "5%"})
		if err := f.SaveAs(filepath.Join(subs, fmt.Sprintf("%02d.xlsx", i))); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	os.Remove(tpl)
	// Each trial imports into a fresh copy, so that a kill can land in the
	// middle of new units (not only of identical re-imports).
	empty := readBytes(t, db)
	full := duration(t, func() { os.Remove(db); os.WriteFile(db, empty, 0o644) }, "import", "--db", db, subs)
	killLoop(t, 1, full, func(k int) []string {
		os.Remove(db)
		os.WriteFile(db, empty, 0o644)
		return []string{"import", "--db", db, subs}
	}, func(k int, finished bool) {
		b := sound(t, db)
		for _, u := range b.Units {
			if len(u.Achievements) != 1 || len(u.Values) != 2 || !strings.HasPrefix(u.Summary, "简介。") {
				t.Errorf("unit %s half-written: %d sections, %d values", u.Code, len(u.Achievements), len(u.Values))
			}
		}
		if finished && len(b.Units) != 20 {
			t.Errorf("a finished import left %d units", len(b.Units))
		}
	})
	mustCtl(t, "import", "--db", db, subs)
	noLitter(t, dir, "c.dossier", "subs")
}

func TestKillDuringScoresImport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.dossier")
	mustCtl(t, "demo", "--db", db)
	base := filepath.Join(dir, "base.xlsx")
	mustCtl(t, "scoresheet", "--db", db, "--evaluator", "赵丽（示例）", "--out", base)
	b := sound(t, db)
	ev := b.EvaluatorByName("赵丽（示例）")
	var cols []string
	for _, c := range b.Categories {
		cols = append(cols, c.Name+"("+c.Max.Short()+")")
	}
	sheet := filepath.Join(dir, "s.xlsx")
	write := func(v dossier.Tenths) {
		f, err := excelize.OpenFile(base)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range b.Units {
			vals := map[string]string{}
			for _, c := range cols {
				vals[c] = v.Short()
			}
			fillRow(t, f, "评分", []string{u.Code}, vals)
		}
		if err := f.SaveAs(sheet); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	count := func(v dossier.Tenths) int {
		n := 0
		for _, s := range sound(t, db).Scores {
			if s.EvaluatorID == ev.ID && s.Value == v {
				n++
			}
		}
		return n
	}
	value := func(k int) dossier.Tenths { return dossier.Tenths(100 + k) } // 10.0, 10.1, …: a new value each trial
	write(value(-1))
	full := duration(t, func() {}, "scores", "import", "--db", db, sheet)
	whole := count(value(-1))
	if whole == 0 {
		t.Fatal("the score sheet changed nothing")
	}
	killLoop(t, 2, full, func(k int) []string {
		write(value(k))
		return []string{"scores", "import", "--db", db, sheet}
	}, func(k int, finished bool) {
		if n := count(value(k)); n != 0 && n != whole {
			t.Errorf("%d of %d scores of the workbook written", n, whole)
		} else if finished && n != whole {
			t.Errorf("a finished import wrote %d of %d scores", n, whole)
		}
	})
	mustCtl(t, "scores", "import", "--db", db, sheet)
	noLitter(t, dir, "base.xlsx", "c.dossier", "s.xlsx")
}

func TestKillDuringBackup(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.dossier")
	mustCtl(t, "demo", "--db", db)
	out := filepath.Join(dir, "b.dossier")
	full := duration(t, func() { os.Remove(out) }, "backup", "--db", db, "--out", out)
	killLoop(t, 3, full, func(k int) []string {
		os.Remove(out)
		return []string{"backup", "--db", db, "--out", out}
	}, func(k int, finished bool) {
		if _, err := os.Stat(out); err != nil {
			if finished {
				t.Error("a finished backup left no file")
			}
			return
		}
		if b := sound(t, out); len(b.Units) != 4 {
			t.Errorf("backup holds %d units", len(b.Units))
		}
		sound(t, db)
	})
	os.Remove(out)
	mustCtl(t, "backup", "--db", db, "--out", out)
	noLitter(t, dir, "b.dossier", "c.dossier")
}

func TestKillDuringNew(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.dossier")
	full := duration(t, func() { os.Remove(db) }, "new", "--db", db)
	killLoop(t, 4, full, func(k int) []string {
		os.Remove(db)
		return []string{"new", "--db", db, "--title", "新活动"}
	}, func(k int, finished bool) {
		if _, err := os.Stat(db); err != nil {
			if finished {
				t.Error("a finished new left no file")
			}
			return
		}
		if b := sound(t, db); b.Campaign.Title != "新活动" || len(b.Categories) != 5 {
			t.Errorf("new campaign = %+v, %d categories", b.Campaign, len(b.Categories))
		}
	})
	os.Remove(db)
	mustCtl(t, "new", "--db", db)
	noLitter(t, dir, "n.dossier")
	if code, _, _ := ctl(t, "new", "--db", db); code != 1 {
		t.Error("new over an existing file")
	}
}

func TestKillDuringExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.dossier")
	mustCtl(t, "demo", "--db", db)
	out := filepath.Join(dir, "n.pdf")
	pdfinfo, _ := exec.LookPath("pdfinfo") // poppler-utils, in TEST_DEPS
	full := duration(t, func() {}, "export", "pdf", "--db", db, "--kind", "notice", "--out", out)
	killLoop(t, 5, full, func(k int) []string {
		if k%2 == 0 {
			os.Remove(out) // half the kills over an earlier document
		}
		return []string{"export", "pdf", "--db", db, "--kind", "notice", "--out", out}
	}, func(k int, finished bool) {
		b, err := os.ReadFile(out)
		if err != nil {
			if finished {
				t.Error("a finished export left no file")
			}
			return
		}
		if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b[max(0, len(b)-64):], []byte("%%EOF")) {
			t.Errorf("a half-written PDF (%d bytes) under the final name", len(b))
		}
		if pdfinfo != "" {
			if msg, err := exec.Command(pdfinfo, out).CombinedOutput(); err != nil {
				t.Errorf("pdfinfo: %v %s", err, msg)
			}
		}
	})
	mustCtl(t, "export", "pdf", "--db", db, "--kind", "notice", "--out", out)
	noLitter(t, dir, "c.dossier", "n.pdf")
}
