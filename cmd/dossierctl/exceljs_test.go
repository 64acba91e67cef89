package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/internal/testprog"
)

// exceljsScript opens each workbook named on the command line with
// ExcelJS and prints, per workbook, its title and each sheet's name and a
// few cells (a formula cell as its cached result).
const exceljsScript = `
const ExcelJS = require('exceljs');
(async () => {
  const out = [];
  for (const f of process.argv.slice(2)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    const sheets = {};
    wb.eachSheet(ws => {
      const cells = {};
      ws.eachRow((row, r) => row.eachCell((c, col) => {
        let v = c.value;
        if (v && typeof v === 'object' && 'result' in v) v = v.result;
        if (v && typeof v === 'object' && v.richText) v = v.richText.map(x => x.text).join('');
        cells[c.address] = v;
      }));
      sheets[ws.name] = cells;
    });
    out.push({title: wb.title, sheets});
  }
  console.log(JSON.stringify(out));
})().catch(e => { console.error(e.message); process.exit(1); });
`

// exceljsModules installs ExcelJS (npm) once into the user's cache folder
// and returns the node_modules folder.
func exceljsModules(t *testing.T) string {
	t.Helper()
	npm := testprog.Need(t, "npm")
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "dossier-test-node")
	mods := filepath.Join(dir, "node_modules")
	if _, err := os.Stat(filepath.Join(mods, "exceljs", "package.json")); err == nil {
		return mods
	}
	os.MkdirAll(dir, 0o755)
	cmd := exec.Command(npm, "install", "--no-audit", "--no-fund", "--prefix", dir, "exceljs@4")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npm install exceljs: %v\n%s", err, out)
	}
	return mods
}

// TestExcelJSOpensOurWorkbooks opens the template, a score workbook and
// the summary with ExcelJS, which refused all three while excelize wrote
// core properties in a default namespace (exceljs #2603), and checks what
// it reads: titles, sheets, cells, and the score workbook's cached 合计.
func TestExcelJSOpensOurWorkbooks(t *testing.T) {
	node := testprog.Need(t, "node")
	mods := exceljsModules(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "d.dossier")
	mustCtl(t, "demo", "--db", db)
	files := []string{filepath.Join(dir, "模板.xlsx"), filepath.Join(dir, "评分表.xlsx"), filepath.Join(dir, "汇总.xlsx")}
	mustCtl(t, "template", "--db", db, "--out", files[0])
	mustCtl(t, "scoresheet", "--db", db, "--evaluator", "李华（示例）", "--out", files[1])
	mustCtl(t, "export", "xlsx", "--db", db, "--out", files[2])
	script := filepath.Join(dir, "read.js")
	os.WriteFile(script, []byte(exceljsScript), 0o644)
	cmd := exec.Command(node, append([]string{script}, files...)...)
	cmd.Env = append(os.Environ(), "NODE_PATH="+mods)
	out, err := cmd.Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("ExcelJS: %v\n%s", err, stderr)
	}
	var books []struct {
		Title  string
		Sheets map[string]map[string]any
	}
	if err := json.Unmarshal(out, &books); err != nil || len(books) != 3 {
		t.Fatalf("ExcelJS output %s: %v", out, err)
	}
	for i, want := range []struct {
		title  string
		sheet  string
		cell   string
		value  any
		sheets int
	}{
		{"申报表", "基本信息", "A2", "单位名称", 5},
		{"评分表", "评分", "H2", 92.5, 2}, // 李华's 合计 for 郑州市教育局, the cached sum
		{"评审结果汇总", "排名", "C2", "郑州市教育局", 5},
	} {
		bk := books[i]
		if !strings.Contains(bk.Title, want.title) || len(bk.Sheets) != want.sheets {
			t.Errorf("%s: title %q, %d sheets", files[i], bk.Title, len(bk.Sheets))
		}
		if got := bk.Sheets[want.sheet][want.cell]; got != want.value {
			t.Errorf("%s: %s!%s = %v, want %v", files[i], want.sheet, want.cell, got, want.value)
		}
	}
}
