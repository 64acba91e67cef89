package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dossier-app/dossier/dossier/sqlite"
	"github.com/dossier-app/dossier/dossier/store"
	_ "modernc.org/sqlite"
)

// english finds text a user must never see: SQLite's or the system's own.
var english = regexp.MustCompile(`(?i)sqlite|database|locked|disk i/o|malformed|page \d|tree \d|permission denied|no such`)

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func readBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestNoOutputOverACampaign: no document, workbook or backup is written
// over the open campaign (by any spelling or link), over another campaign,
// or over a campaign's journal; exit 1, a Chinese message, bytes unchanged.
func TestNoOutputOverACampaign(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.dossier")
	other := filepath.Join(dir, "other.dossier")
	mustCtl(t, "demo", "--db", db)
	mustCtl(t, "new", "--db", other)
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	// Wine 8's CreateSymbolicLink says yes and makes nothing: there the
	// link cannot be a target (a real Windows makes one, or refuses).
	_, err := os.Lstat(link)
	madeLink := err == nil
	if !madeLink {
		t.Logf("no symbolic link made on this system (%v): not tried as a target", err)
	}
	hard := filepath.Join(dir, "hard.xlsx")
	if err := os.Link(db, hard); err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	os.Chdir(dir)
	defer os.Chdir(wd)
	targets := []string{db, "./c.dossier", filepath.Join(dir, "sub", "..", "c.dossier"), hard, other}
	if madeLink {
		targets = append(targets, link)
	}
	writers := [][]string{
		{"export", "pdf", "--db", db, "--out"},
		{"export", "pdf", "--db", db, "--kind", "notice", "--out"},
		{"export", "xlsx", "--db", db, "--out"},
		{"template", "--db", db, "--out"},
		{"scoresheet", "--db", db, "--evaluator", "赵丽（示例）", "--out"},
		{"backup", "--db", db, "--out"},
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	before := readBytes(t, db)
	beforeOther := readBytes(t, other)
	for _, w := range writers {
		for _, target := range targets {
			args := append(append([]string(nil), w...), target)
			code, out, errs := ctl(t, args...)
			if code != 1 || !strings.Contains(errs, "未作任何改动") || !strings.Contains(errs, "换一个文件名") || english.MatchString(errs) || out != "" {
				t.Errorf("%s: exit %d, stdout %q, stderr %q", strings.Join(args, " "), code, out, errs)
			}
		}
	}
	if !bytes.Equal(readBytes(t, db), before) || !bytes.Equal(readBytes(t, other), beforeOther) {
		t.Fatal("a campaign file changed")
	}
	if fi, err := os.Lstat(link); madeLink && (err != nil || fi.Mode()&os.ModeSymlink == 0) {
		t.Error("the symbolic link was replaced")
	}
	// A campaign's journal is no output either.
	for _, args := range [][]string{{"export", "xlsx", "--db", other, "--out", db + "-wal"}, {"backup", "--db", other, "--out", db + "-wal"}, {"backup", "--db", db, "--out", db + "-shm"}} {
		code, _, errs := ctl(t, args...)
		if code != 1 || !strings.Contains(errs, "日志文件") {
			t.Errorf("%s over a journal: exit %d %s", args[0], code, errs)
		}
	}
	if _, err := os.Stat(db + "-wal"); err == nil {
		t.Error("a -wal was written")
	}
	// Still fine: a new name, and replacing an earlier document.
	mustCtl(t, "export", "pdf", "--db", db, "--out", filepath.Join(dir, "d.pdf"))
	mustCtl(t, "export", "pdf", "--db", db, "--kind", "notice", "--out", filepath.Join(dir, "d.pdf"))
	if b := readBytes(t, filepath.Join(dir, "d.pdf")); !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Error("export failed")
	}
	if p := mustCtl(t, "check", "--db", db); !strings.Contains(p, "检查通过") {
		t.Error(p)
	}
}

// corruptTable overwrites the first bytes of a table's root page (its
// b-tree header), as a bad sector or a stray write would.
func corruptTable(t *testing.T, db, table string) {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+db+"?mode=ro&immutable=1")
	if err != nil {
		t.Fatal(err)
	}
	var root, pageSize int64
	if err := raw.QueryRow(`SELECT rootpage FROM sqlite_master WHERE name = ?`, table).Scan(&root); err != nil {
		t.Fatal(err)
	}
	raw.QueryRow(`PRAGMA page_size`).Scan(&pageSize)
	raw.Close()
	f, err := os.OpenFile(db, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	junk := bytes.Repeat([]byte{0xA5}, 48)
	if _, err := f.WriteAt(junk, (root-1)*pageSize); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// TestDamagedFileRefusesWrites: after a table page is damaged, writes are
// refused with a Chinese message that names the file and says to restore
// a backup; the file is unchanged; check says so in Chinese, exit 1.
func TestDamagedFileRefusesWrites(t *testing.T) {
	for _, table := range []string{"score", "unit", "achievement"} {
		t.Run(table, func(t *testing.T) { damagedRefusesWrites(t, table) })
	}
}

func damagedRefusesWrites(t *testing.T, table string) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.dossier")
	mustCtl(t, "demo", "--db", db)
	sheet := filepath.Join(dir, "赵丽.xlsx")
	mustCtl(t, "scoresheet", "--db", db, "--evaluator", "赵丽（示例）", "--out", sheet)
	tpl := filepath.Join(dir, "t.xlsx")
	mustCtl(t, "template", "--db", db, "--out", tpl)
	corruptTable(t, db, table)
	before := readBytes(t, db)
	for _, args := range [][]string{
		{"scores", "set", "--db", db, "--evaluator", "赵丽（示例）", "--unit", "HN2022-001", "--category", "优化扩充工程", "--value", "12"},
		{"unit", "add", "--db", db, "--code", "X1", "--name", "新单位"},
		{"scores", "import", "--db", db, sheet},
		{"import", "--db", db, tpl},
	} {
		code, _, errs := ctl(t, args...)
		if code != 1 || !strings.Contains(errs, db) || !strings.Contains(errs, "已损坏") || !strings.Contains(errs, "备份恢复") || english.MatchString(errs) {
			t.Errorf("%s: exit %d\n%s", args[0], code, errs)
		}
	}
	code, out, errs := ctl(t, "check", "--db", db)
	if code != 1 || strings.Contains(out, "检查通过") || !strings.Contains(errs, "已损坏") || english.MatchString(errs) {
		t.Errorf("check: exit %d\n%s%s", code, out, errs)
	}
	if !bytes.Equal(readBytes(t, db), before) {
		t.Error("the damaged file was written to")
	}
	if got := listDir(t, dir); strings.Join(got, " ") != "c.dossier t.xlsx 赵丽.xlsx" {
		t.Errorf("left beside the file: %v", got)
	}
}

// holdLock takes SQLite's write (or read) lock on db from a connection of
// another "program" and keeps it until release is called.
func holdLock(t *testing.T, db string, write bool) (release func()) {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+db+"?_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	raw.SetMaxOpenConns(1)
	conn, err := raw.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	begin := "BEGIN"
	if write {
		begin = "BEGIN IMMEDIATE"
	}
	if _, err := conn.ExecContext(context.Background(), begin); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := conn.QueryRowContext(context.Background(), `SELECT count(*) FROM unit`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return func() {
		conn.ExecContext(context.Background(), "ROLLBACK")
		conn.Close()
		raw.Close()
	}
}

// TestBusyFileSpeaksChinese: a write blocked by another program's lock
// fails with "另一个程序正在修改此文件 F"; reads do not wait on it; a close
// whose checkpoint another program's reader prevents says that the file
// does not stand alone yet, exit 1, and the work is kept.
func TestBusyFileSpeaksChinese(t *testing.T) {
	old := sqlite.BusyTimeout
	sqlite.BusyTimeout = 300 * time.Millisecond
	defer func() { sqlite.BusyTimeout = old }()
	dir := t.TempDir()
	db := filepath.Join(dir, "c.dossier")
	mustCtl(t, "demo", "--db", db)

	release := holdLock(t, db, true)
	code, _, errs := ctl(t, "unit", "add", "--db", db, "--code", "X1", "--name", "新单位")
	if code != 1 || !strings.Contains(errs, "另一个程序正在修改此文件 "+db+"，请稍后再试") || english.MatchString(errs) {
		t.Errorf("write while locked: exit %d %s", code, errs)
	}
	sqlite.BusyTimeout = 10 * time.Second
	start := time.Now()
	mustCtl(t, "rank", "--db", db)
	mustCtl(t, "check", "--db", db)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("reads waited %v on another program's lock", d)
	}
	release()

	sqlite.BusyTimeout = 300 * time.Millisecond
	release = holdLock(t, db, false)
	code, out, errs := ctl(t, "unit", "add", "--db", db, "--code", "X2", "--name", "又一单位")
	if code != 1 || !strings.Contains(out, "X2") || !strings.Contains(errs, "未能把修改并入文件本身") || !strings.Contains(errs, db) || english.MatchString(errs) {
		t.Errorf("close with a reader: exit %d\n%s%s", code, out, errs)
	}
	release()
	if out := mustCtl(t, "units", "--db", db); !strings.Contains(out, "又一单位") {
		t.Errorf("the unit added before the failed checkpoint is gone:\n%s", out)
	}
	mustCtl(t, "unit", "add", "--db", db, "--code", "X3", "--name", "第三单位")
	if _, err := os.Stat(db + "-wal"); err == nil {
		t.Error("the journal was not merged by the next clean close")
	}
}

// TestOpenElsewhereIsTold: a holder is recorded while the file is open,
// named in Chinese, ignored once its process is gone, and leaves nothing
// after a clean close; dossierctl warns about the app, not about itself.
func TestOpenElsewhereIsTold(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "c.dossier")
	mustCtl(t, "new", "--db", db)
	if h, err := sqlite.InUse(db); h != nil || err != nil {
		t.Fatalf("InUse of a closed file = %v %v", h, err)
	}
	app, err := sqlite.OpenWith(ctx, db, sqlite.OpenOptions{Program: "dossier"})
	if err != nil {
		t.Fatal(err)
	}
	h, err := sqlite.InUse(db)
	if err != nil || h == nil || h.Program != "dossier" || h.PID != os.Getpid() || time.Since(h.Since) > time.Minute {
		t.Fatalf("InUse = %+v %v", h, err)
	}
	want := "本机 dossier（进程 " + strconv.Itoa(os.Getpid()) + "）自 " + h.Since.Local().Format("15:04") + " 起"
	if h.String() != want {
		t.Errorf("String = %q, want %q", h.String(), want)
	}
	code, _, errs := ctl(t, "unit", "add", "--db", db, "--code", "X1", "--name", "新单位")
	if code != 0 || !strings.Contains(errs, "同时由"+want+"打开") {
		t.Errorf("unit add while the app has it: exit %d %q", code, errs)
	}
	app.Close()
	if code, _, errs := ctl(t, "unit", "add", "--db", db, "--code", "X2", "--name", "又一单位"); code != 0 || errs != "" {
		t.Errorf("after the app closed: exit %d %q", code, errs)
	}
	// Another dossierctl is not warned about.
	cli, err := sqlite.OpenWith(ctx, db, sqlite.OpenOptions{Program: "dossierctl"})
	if err != nil {
		t.Fatal(err)
	}
	if code, _, errs := ctl(t, "unit", "add", "--db", db, "--code", "X3", "--name", "第三单位"); code != 0 || errs != "" {
		t.Errorf("beside another dossierctl: exit %d %q", code, errs)
	}
	cli.Close()
	// A record left by a process that died holds no lock: ignored.
	lock := filepath.Join(dir, ".~lock.c.dossier#")
	os.WriteFile(lock, []byte("otherhost,dossier,999999,2026-01-01T08:00:00Z,3\n"), 0o644)
	if h, err := sqlite.InUse(db); h != nil || err != nil {
		t.Errorf("stale record = %v %v", h, err)
	}
	mustCtl(t, "rank", "--db", db)
	if got := listDir(t, dir); strings.Join(got, " ") != "c.dossier" {
		t.Errorf("left beside the file after clean closes: %v", got)
	}
}

// TestParallelCommandsDoNotWarn: dossierctl processes on one file at once
// neither warn about each other nor lose a write, and leave nothing behind.
func TestParallelCommandsDoNotWarn(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.dossier")
	mustCtl(t, "demo", "--db", db)
	bin := binary(t)
	cats := []string{"优化扩充工程", "增效创优工程", "改革攻坚工程", "队伍提升工程", "惠民暖心工程"}
	units := []string{"HN2022-001", "HN2022-002", "HN2022-003", "HN2022-004"}
	type result struct {
		args   []string
		err    error
		stderr string
	}
	results := make(chan result)
	n := 0
	for _, u := range units {
		for _, c := range cats {
			n++
			go func(u, c string) {
				args := []string{"scores", "set", "--db", db, "--evaluator", "张敏（示例）", "--unit", u, "--category", c, "--value", "7.5"}
				var se bytes.Buffer
				cmd := exec.Command(bin, args...)
				cmd.Stderr = &se
				err := cmd.Run()
				results <- result{args, err, se.String()}
			}(u, c)
		}
		n++
		go func(u string) {
			args := []string{"rank", "--db", db, "--json"}
			var se bytes.Buffer
			cmd := exec.Command(bin, args...)
			cmd.Stderr = &se
			results <- result{args, cmd.Run(), se.String()}
		}(u)
	}
	for i := 0; i < n; i++ {
		r := <-results
		if r.err != nil || strings.Contains(r.stderr, "同时由") || strings.Contains(r.stderr, "错误") {
			t.Errorf("%s: %v %s", strings.Join(r.args[:2], " "), r.err, r.stderr)
		}
	}
	ctx := context.Background()
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := s.Book(ctx, store.LoadOptions{})
	ev := b.EvaluatorByName("张敏（示例）")
	got := 0
	for _, sc := range b.Scores {
		if sc.EvaluatorID == ev.ID && sc.Value == 75 {
			got++
		}
	}
	s.Close()
	if got != len(units)*len(cats) {
		t.Errorf("%d of %d parallel scores kept", got, len(units)*len(cats))
	}
	if got := strings.Join(listDir(t, dir), " "); got != "c.dossier" {
		t.Errorf("left beside the file: %s", got)
	}
}
