package ui

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

// odsLike writes the skeleton of an OpenDocument spreadsheet: its first
// entry, mimetype, is what names the format.
func odsLike(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	w, _ = zw.Create("content.xml")
	w.Write([]byte(`<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>`))
	zw.Close()
	f.Close()
}

// TestImportFolderScanAndDrop checks that the folder scan and a drop list
// the same files as the command line: every spreadsheet (an .ods refused
// with how to save it as .xlsx), temporary files left out and counted.
func TestImportFolderScanAndDrop(t *testing.T) {
	a, p := newTestApp(t)
	s := newTestCampaign(t, a)
	a.ShowScreen(ScreenImport)
	it := s.screen(ScreenImport).(*importTab)
	tpl := t.TempDir()
	dir := t.TempDir()
	good := fillTemplate(t, it, tpl, "新乡市教育局.xlsx", map[string]map[string]string{
		"基本信息": {"B1": "2022-0101", "B2": "新乡市教育局"},
	})
	data, _ := os.ReadFile(good)
	os.WriteFile(filepath.Join(dir, "新乡市教育局.xlsx"), data, 0o644)
	odsLike(t, filepath.Join(dir, "安阳市教育局.ods"))
	os.WriteFile(filepath.Join(dir, "~$新乡市教育局.xlsx"), []byte("owner"), 0o644)
	os.WriteFile(filepath.Join(dir, ".~lock.安阳市教育局.ods#"), []byte("lock"), 0o644)

	check := func(how string) {
		t.Helper()
		if len(it.rows) != 2 {
			t.Fatalf("%s: %d rows: %+v", how, len(it.rows), it.rows)
		}
		for _, r := range it.rows {
			switch filepath.Base(r.file) {
			case "新乡市教育局.xlsx":
				if r.action != dossier.ImportNew {
					t.Errorf("%s: good file %v %q", how, r.action.Label(), r.lines)
				}
			case "安阳市教育局.ods":
				if r.action != dossier.ImportRejected || !strings.Contains(strings.Join(r.lines, "\n"), "这是 OpenDocument 表格（.ods），请在 WPS 或 LibreOffice 中“另存为”Excel 工作簿（.xlsx）后再导入") {
					t.Errorf("%s: ods %v %q", how, r.action.Label(), r.lines)
				}
			default:
				t.Errorf("%s: listed %s", how, r.file)
			}
		}
		if !strings.Contains(it.state.Text, "跳过临时文件 2 个") || !strings.Contains(it.state.Text, "拒绝 1 个文件") {
			t.Errorf("%s: state %q", how, it.state.Text)
		}
	}
	p.dir = dir
	it.addFolder.OnTapped()
	s.jobs.Wait()
	check("folder")

	it.reset()
	entries, _ := os.ReadDir(dir)
	var paths []string
	for _, e := range entries {
		paths = append(paths, filepath.Join(dir, e.Name()))
	}
	a.PreviewImport(paths...) // every file of the folder dropped on the window
	s.jobs.Wait()
	check("drop")
}
