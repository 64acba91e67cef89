package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

// buildCtl builds dossierctl for the parity test.
func buildCtl(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "dossierctl")
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", bin, "../cmd/dossierctl")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build dossierctl: %v\n%s", err, out)
	}
	return bin
}

// ctl runs dossierctl and returns its stdout and stderr; exit status 1
// (some input rejected) is expected where want1 is set.
func ctl(t *testing.T, bin string, want1 bool, args ...string) (string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if code != 0 && !(want1 && code == 1) {
		t.Fatalf("dossierctl %s: exit %d\n%s%s", strings.Join(args, " "), code, out.String(), errb.String())
	}
	return out.String(), errb.String()
}

// fileOutcome is what one front-end said about one file.
type fileOutcome struct {
	Action string   // 新增 / 更新 / 未改变 / 拒绝
	Code   string   // for a new or updated unit
	Lines  []string // changes, removals (“删除 …”) and problems, in order
}

// cliOutcomes reads `dossierctl import --dry-run`'s report per file.
func cliOutcomes(stdout, stderr string) map[string]*fileOutcome {
	m := map[string]*fileOutcome{}
	var cur *fileOutcome
	for _, l := range strings.Split(stdout+stderr, "\n") {
		switch {
		case strings.HasPrefix(l, "  ") && cur != nil:
			cur.Lines = append(cur.Lines, strings.TrimPrefix(l, "  "))
		case strings.HasPrefix(l, "拒绝 "):
			file, rest, _ := strings.Cut(strings.TrimPrefix(l, "拒绝 "), "：")
			cur = &fileOutcome{Action: "拒绝"}
			if rest != "" {
				cur.Lines = append(cur.Lines, rest)
			}
			m[file] = cur
		case strings.Contains(l, " ← "):
			head, file, _ := strings.Cut(l, " ← ")
			f := strings.Fields(head)
			action := strings.TrimPrefix(f[0], "将")
			if i := strings.Index(file, "："); i >= 0 {
				file = file[:i]
			}
			cur = &fileOutcome{Action: action, Code: f[1]}
			if cur.Code == "（自动编号）" {
				cur.Code = ""
			}
			m[file] = cur
		default:
			cur = nil
		}
	}
	return m
}

// guiOutcomes reads the import screen's preview rows.
func guiOutcomes(it *importTab) map[string]*fileOutcome {
	m := map[string]*fileOutcome{}
	for _, r := range it.rows {
		o := &fileOutcome{Action: r.action.Label(), Code: r.code}
		switch {
		case r.action == dossier.ImportRejected:
			o.Code = ""
			for _, p := range r.problems {
				o.Lines = append(o.Lines, p.String())
			}
		case r.unchanged:
			o.Action = "未改变"
		default:
			if r.action == dossier.ImportUpdate {
				o.Lines = append(o.Lines, r.lines...)
				for _, rm := range r.removals {
					o.Lines = append(o.Lines, "删除 "+rm)
				}
			}
		}
		m[r.file] = o
	}
	return m
}

// unitsJSON is `units --json` without the random unit IDs.
func unitsJSON(t *testing.T, bin, db string) []map[string]any {
	t.Helper()
	out, _ := ctl(t, bin, false, "units", "--db", db, "--json")
	var units []map[string]any
	if err := json.Unmarshal([]byte(out), &units); err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		delete(u, "id")
	}
	return units
}

// TestImportParity is issue 12 item 3: the same files through the command
// line and through the app's import screen (both on ops) give the same
// plan, file by file — action, code, changes, removals, every problem
// with its file, sheet and cell — and the same campaign after the import
// and after a score workbook comes back.
func TestImportParity(t *testing.T) {
	if testing.Short() {
		t.Skip("builds dossierctl")
	}
	bin := buildCtl(t)
	work := t.TempDir()
	cliDB, guiDB := filepath.Join(work, "命令行.dossier"), filepath.Join(work, "界面.dossier")
	ctl(t, bin, false, "demo", "--db", cliDB)
	data, err := os.ReadFile(cliDB)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(guiDB, data, 0o644) // a plain copy is the same campaign

	tpl := filepath.Join(work, "模板.xlsx")
	ctl(t, bin, false, "template", "--db", cliDB, "--out", tpl)
	units := unitsJSON(t, bin, cliDB)
	demoCode, demoName, otherName := units[0]["code"].(string), units[0]["name"].(string), units[1]["name"].(string)
	dir := filepath.Join(work, "申报表")
	os.Mkdir(dir, 0o755)
	fill := func(name string, cells map[string]map[string]string) {
		f, err := excelize.OpenFile(tpl)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for sheet, m := range cells {
			for cell, v := range m {
				f.SetCellStr(sheet, cell, v)
			}
		}
		if err := f.SaveAs(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	fill("新乡市教育局.xlsx", map[string]map[string]string{
		"基本信息": {"B1": "2022-0101", "B2": "新乡市教育局", "B3": "新乡市"},
		"事迹材料": {"B2": "坚持“增学位、补短板”", "C2": "新建学校 12 所。"},
		"量化指标": {"D2": "2.1万"},
	})
	fill("焦作市教育局.xlsx", map[string]map[string]string{"基本信息": {"B2": "焦作市教育局"}})
	fill("安阳市教育局.xlsx", map[string]map[string]string{"基本信息": {"B2": "安阳市教育局"}, "量化指标": {"D2": "约27万", "D3": "1.2.3"}})
	fill("更新.xlsx", map[string]map[string]string{"基本信息": {"B1": demoCode, "B2": demoName, "B8": "新的事迹标题"}})
	fill("鹤壁1.xlsx", map[string]map[string]string{"基本信息": {"B2": "鹤壁市教育局"}})
	fill("鹤壁2.xlsx", map[string]map[string]string{"基本信息": {"B2": "鹤壁市教育局"}})
	fill("抢编号.xlsx", map[string]map[string]string{"基本信息": {"B1": "2099-0001", "B2": otherName}})
	odsLike(t, filepath.Join(dir, "濮阳市教育局.ods"))
	os.WriteFile(filepath.Join(dir, "~$新乡市教育局.xlsx"), []byte("owner"), 0o644)

	// The plans.
	cliPlan := cliOutcomes(ctl(t, bin, true, "import", "--db", cliDB, "--dry-run", dir))
	a, _ := newTestApp(t)
	if err := a.Open(guiDB); err != nil {
		t.Fatal(err)
	}
	s := a.cur
	if !a.PreviewImport(dir) {
		t.Fatal("no import screen")
	}
	s.jobs.Wait()
	it := s.screen(ScreenImport).(*importTab)
	guiPlan := guiOutcomes(it)
	if len(cliPlan) != 8 {
		t.Errorf("the command line reported %d files, want 8: %v", len(cliPlan), keys(cliPlan))
	}
	compareOutcomes(t, "plan", cliPlan, guiPlan)
	want := map[string]string{"新乡市教育局.xlsx": "新增", "焦作市教育局.xlsx": "新增", "安阳市教育局.xlsx": "拒绝", "更新.xlsx": "更新",
		"鹤壁1.xlsx": "拒绝", "鹤壁2.xlsx": "拒绝", "抢编号.xlsx": "拒绝", "濮阳市教育局.ods": "拒绝"}
	for f, o := range guiPlan {
		if want[filepath.Base(f)] != o.Action {
			t.Errorf("%s: %s, want %s", filepath.Base(f), o.Action, want[filepath.Base(f)])
		}
	}

	// The imports.
	ctl(t, bin, true, "import", "--db", cliDB, dir)
	it.commit.OnTapped()
	if overlayButton(a, "仍然导入") == nil {
		t.Fatal("the removals of 更新.xlsx were not asked about")
	}
	tapOverlayButton(t, a, "仍然导入")
	s.jobs.Wait()

	// A score workbook comes back to both.
	sheet := filepath.Join(work, "评分表.xlsx")
	b, _ := s.store.Book(context.Background(), store.LoadOptions{})
	ev := b.Evaluators[1].Name
	ctl(t, bin, false, "scoresheet", "--db", cliDB, "--evaluator", ev, "--out", sheet)
	f, _ := excelize.OpenFile(sheet)
	rows, _ := f.GetRows("评分")
	for i, r := range rows {
		if len(r) > 0 && r[0] == "2022-0101" {
			for c := 0; c < 5; c++ {
				cell, _ := excelize.CoordinatesToCellName(3+c, i+1)
				f.SetCellFloat("评分", cell, 15.5, 1, 64)
			}
		}
	}
	f.Save()
	f.Close()
	cliOut, _ := ctl(t, bin, false, "scores", "import", "--db", cliDB, sheet)
	a.ShowScreen(ScreenEvaluators)
	title, lines := s.screen(ScreenEvaluators).(*evaluatorsTab).importSheet(sheet)
	if title != "已导入评分表" || !strings.Contains(cliOut, "5 项评分") || !strings.Contains(lines[0], "5 项评分") {
		t.Errorf("score workbook: CLI %q, app %s %q", cliOut, title, lines)
	}
	a.Close()

	cliUnits, guiUnits := unitsJSON(t, bin, cliDB), unitsJSON(t, bin, guiDB)
	if len(cliUnits) != 6 {
		t.Errorf("%d units after the import, want 6", len(cliUnits))
	}
	if !reflect.DeepEqual(cliUnits, guiUnits) {
		cj, _ := json.MarshalIndent(cliUnits, "", " ")
		gj, _ := json.MarshalIndent(guiUnits, "", " ")
		t.Errorf("the campaigns differ after the import:\nCLI %s\napp %s", cj, gj)
	}
	cliRank, _ := ctl(t, bin, false, "rank", "--db", cliDB, "--json")
	guiRank, _ := ctl(t, bin, false, "rank", "--db", guiDB, "--json")
	if cliRank != guiRank {
		t.Errorf("the rankings differ:\nCLI %s\napp %s", cliRank, guiRank)
	}
}

func keys(m map[string]*fileOutcome) []string {
	var out []string
	for k := range m {
		out = append(out, filepath.Base(k))
	}
	sort.Strings(out)
	return out
}

func compareOutcomes(t *testing.T, what string, cli, gui map[string]*fileOutcome) {
	t.Helper()
	if !reflect.DeepEqual(keys(cli), keys(gui)) {
		t.Errorf("%s: files differ: CLI %v, app %v", what, keys(cli), keys(gui))
	}
	for f, c := range cli {
		g := gui[f]
		if g == nil {
			continue
		}
		if c.Action != g.Action || c.Code != g.Code {
			t.Errorf("%s %s: CLI %s %q, app %s %q", what, filepath.Base(f), c.Action, c.Code, g.Action, g.Code)
		}
		// A file the reader could not open is said on one line by the
		// command line, as a problem of the file by the app.
		if len(c.Lines) == 1 && len(g.Lines) == 1 && strings.HasSuffix(g.Lines[0], "："+c.Lines[0]) {
			continue
		}
		if !reflect.DeepEqual(c.Lines, g.Lines) {
			t.Errorf("%s %s lines differ:\nCLI %q\napp %q", what, filepath.Base(f), c.Lines, g.Lines)
		}
	}
}
