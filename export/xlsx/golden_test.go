package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/demo"
	"github.com/dossier-app/dossier/internal/golden"
)

// TestGoldenWorkbooks compares a dump of the cells of the demo campaign's
// summary, submission template and one evaluator's score workbook
// (demo.Book) with testdata/*.cells.txt: each sheet's settings, then every
// cell that has a value, a formula or a style, with its type, raw and
// shown value, formula and style. The raw bytes of an xlsx are no use for
// this (zip timestamps, part order); the dump is what a user sees and what
// another program reads. After a deliberate change,
// `go test ./export/xlsx -run GoldenWorkbooks -update` rewrites the files.
func TestGoldenWorkbooks(t *testing.T) {
	b, err := demo.Book()
	if err != nil {
		t.Fatal(err)
	}
	r := dossier.Rank(b)
	e := b.EvaluatorByName("陈志强（示例）") // in 回避 with the 开封 unit
	if e == nil {
		t.Fatal("no evaluator 陈志强（示例） in the demo")
	}
	for _, wb := range []struct {
		name  string
		write func(io.Writer) error
	}{
		{"summary", func(w io.Writer) error { return WriteSummary(w, b, r) }},
		{"template", func(w io.Writer) error { return WriteTemplate(w, b) }},
		{"scoresheet", func(w io.Writer) error { return WriteScoreSheet(w, b, e.ID) }},
	} {
		t.Run(wb.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := wb.write(&buf); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", wb.name+".cells.txt"), []byte(cellDump(t, buf.Bytes())))
		})
	}
}

// cellDump writes out a workbook's parts, sheets and cells as lines of text.
func cellDump(t *testing.T, data []byte) string {
	t.Helper()
	var w strings.Builder
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for _, zf := range zr.File {
		parts = append(parts, zf.Name)
	}
	sort.Strings(parts)
	fmt.Fprintf(&w, "parts %s\n", strings.Join(parts, " "))
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	extent := sheetExtents(t, zr)
	styles := &styleNames{index: map[string]string{}}
	props, err := f.GetDocProps()
	must(err)
	fmt.Fprintf(&w, "docprops %s\n", essentials(props))
	for _, n := range f.GetDefinedName() {
		fmt.Fprintf(&w, "name %s\n", essentials(n))
	}
	for _, sheet := range f.GetSheetList() {
		visible, err := f.GetSheetVisible(sheet)
		must(err)
		fmt.Fprintf(&w, "\n=== %s visible=%v ===\n", sheet, visible)
		// excelize writes "A1" as every sheet's dimension: the extent is
		// that of the cells the sheet's part holds.
		cols, rows := extent[sheet][0], extent[sheet][1]
		fmt.Fprintf(&w, "extent %d columns %d rows\n", cols, rows)
		panes, err := f.GetPanes(sheet)
		must(err)
		fmt.Fprintf(&w, "panes %s\n", essentials(panes))
		prot, err := f.GetSheetProtection(sheet)
		must(err)
		fmt.Fprintf(&w, "protection %s\n", essentials(prot))
		layout, err := f.GetPageLayout(sheet)
		must(err)
		fmt.Fprintf(&w, "page %s\n", essentials(layout))
		merged, err := f.GetMergeCells(sheet, true)
		must(err)
		covered := map[string]bool{} // merged cells but the first: excelize reads the first's value there
		for _, m := range merged {
			fmt.Fprintf(&w, "merge %s:%s\n", m.GetStartAxis(), m.GetEndAxis())
			c1, r1, err := excelize.CellNameToCoordinates(m.GetStartAxis())
			must(err)
			c2, r2, err := excelize.CellNameToCoordinates(m.GetEndAxis())
			must(err)
			for r := r1; r <= r2; r++ {
				for c := c1; c <= c2; c++ {
					if ref, _ := excelize.CoordinatesToCellName(c, r); ref != m.GetStartAxis() {
						covered[ref] = true
					}
				}
			}
		}
		dvs, err := f.GetDataValidations(sheet)
		must(err)
		for _, dv := range dvs {
			fmt.Fprintf(&w, "validation %s\n", essentials(dv))
		}
		cfs, err := f.GetConditionalFormats(sheet)
		must(err)
		for _, ref := range sortedRefs(cfs) {
			for _, cf := range cfs[ref] {
				fmt.Fprintf(&w, "conditional %s %s\n", ref, essentials(cf))
			}
		}
		comments, err := f.GetComments(sheet)
		must(err)
		for _, c := range comments {
			fmt.Fprintf(&w, "comment %s %q %q\n", c.Cell, c.Author, c.Text)
		}
		cells, err := f.GetPictureCells(sheet)
		must(err)
		for _, c := range cells {
			pics, err := f.GetPictures(sheet, c)
			must(err)
			for _, p := range pics {
				fmt.Fprintf(&w, "picture %s %s %d bytes %s\n", c, p.Extension, len(p.File), essentials(p.Format))
			}
		}
		var widths []string
		for c := 1; c <= cols; c++ {
			name, _ := excelize.ColumnNumberToName(c)
			wd, err := f.GetColWidth(sheet, name)
			must(err)
			hidden, err := f.GetColVisible(sheet, name)
			must(err)
			widths = append(widths, fmt.Sprintf("%s=%s%s", name, num(wd), map[bool]string{false: "(hidden)"}[hidden]))
		}
		fmt.Fprintf(&w, "columns %s\n", strings.Join(widths, " "))
		for r := 1; r <= rows; r++ {
			h, err := f.GetRowHeight(sheet, r)
			must(err)
			vis, err := f.GetRowVisible(sheet, r)
			must(err)
			var line []string
			for c := 1; c <= cols; c++ {
				ref, _ := excelize.CoordinatesToCellName(c, r)
				raw, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
				must(err)
				shown, err := f.GetCellValue(sheet, ref)
				must(err)
				formula, err := f.GetCellFormula(sheet, ref)
				must(err)
				sid, err := f.GetCellStyle(sheet, ref)
				must(err)
				if covered[ref] {
					raw, shown = "", ""
				}
				if raw == "" && formula == "" && sid == 0 {
					continue
				}
				typ, err := f.GetCellType(sheet, ref)
				must(err)
				s := fmt.Sprintf("  %s %s %q", ref, cellTypes[typ], raw)
				if shown != raw {
					s += fmt.Sprintf(" shown=%q", shown)
				}
				if formula != "" {
					s += fmt.Sprintf(" formula=%q", formula)
				}
				if sid != 0 {
					st, err := f.GetStyle(sid)
					must(err)
					s += " " + styles.name(essentials(st))
				}
				line = append(line, s)
			}
			if len(line) > 0 || !vis {
				fmt.Fprintf(&w, "row %d height=%s visible=%v\n%s\n", r, num(h), vis, strings.Join(line, "\n"))
			}
		}
	}
	w.WriteString("\n=== styles ===\n")
	for i, st := range styles.list {
		fmt.Fprintf(&w, "s%d %s\n", i+1, st)
	}
	return w.String()
}

var cellTypes = map[excelize.CellType]string{excelize.CellTypeUnset: "-", excelize.CellTypeBool: "bool",
	excelize.CellTypeDate: "date", excelize.CellTypeError: "error", excelize.CellTypeFormula: "formula",
	excelize.CellTypeInlineString: "inline", excelize.CellTypeNumber: "number", excelize.CellTypeSharedString: "text"}

// styleNames names each distinct style s1, s2… in the order cells first
// use it, so that a cell line says which style it has without repeating
// it; the table closes the dump.
type styleNames struct {
	index map[string]string
	list  []string
}

func (sn *styleNames) name(essentials string) string {
	if n, ok := sn.index[essentials]; ok {
		return n
	}
	sn.list = append(sn.list, essentials)
	n := fmt.Sprintf("s%d", len(sn.list))
	sn.index[essentials] = n
	return n
}

var cellRef = regexp.MustCompile(`<c r="([A-Z]+[0-9]+)"`)

// sheetExtents finds each worksheet's part through the workbook and its
// relationships, and the last column and row of the cells it holds.
func sheetExtents(t *testing.T, zr *zip.Reader) map[string][2]int {
	t.Helper()
	read := func(name string) []byte {
		rc, err := zr.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		data, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(read("xl/workbook.xml"), &wb); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(read("xl/_rels/workbook.xml.rels"), &rels); err != nil {
		t.Fatal(err)
	}
	out := map[string][2]int{}
	for _, sh := range wb.Sheets {
		for _, r := range rels.Rels {
			if r.ID != sh.RID {
				continue
			}
			part := strings.TrimPrefix(path.Join("xl", r.Target), "/")
			if strings.HasPrefix(r.Target, "/") {
				part = strings.TrimPrefix(r.Target, "/")
			}
			var ext [2]int
			for _, m := range cellRef.FindAllSubmatch(read(part), -1) {
				c, rw, err := excelize.CellNameToCoordinates(string(m[1]))
				if err != nil {
					t.Fatal(err)
				}
				ext = [2]int{max(ext[0], c), max(ext[1], rw)}
			}
			out[sh.Name] = ext
		}
	}
	return out
}

func sortedRefs[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// essentials prints the set fields of v (a struct, pointer or slice of
// them, as excelize returns settings and styles) as Name=value, leaving out
// zero values and following pointers, so that the dump has no addresses.
func essentials(v any) string {
	var b strings.Builder
	writeValue(&b, reflect.ValueOf(v))
	return b.String()
}

func writeValue(b *strings.Builder, v reflect.Value) {
	switch v.Kind() {
	case reflect.Invalid:
		b.WriteString("nil")
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		writeValue(b, v.Elem())
	case reflect.Struct:
		b.WriteString("{")
		first := true
		for i := 0; i < v.NumField(); i++ {
			fv := v.Field(i)
			if !v.Type().Field(i).IsExported() || fv.IsZero() {
				continue
			}
			if !first {
				b.WriteString(" ")
			}
			first = false
			b.WriteString(v.Type().Field(i).Name + "=")
			writeValue(b, fv)
		}
		b.WriteString("}")
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			fmt.Fprintf(b, "%d bytes", v.Len())
			return
		}
		b.WriteString("[")
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteString(" ")
			}
			writeValue(b, v.Index(i))
		}
		b.WriteString("]")
	case reflect.String:
		fmt.Fprintf(b, "%q", v.String())
	case reflect.Float32, reflect.Float64:
		b.WriteString(num(v.Float()))
	default:
		fmt.Fprint(b, v.Interface())
	}
}

// TestCellDumpSeesChanges: a changed character in a cell, a changed number
// format and a changed column width each change the dump, so the golden
// comparison fails on them.
func TestCellDumpSeesChanges(t *testing.T) {
	b, err := demo.Book()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteScoreSheet(&buf, b, b.Evaluators[0].ID); err != nil {
		t.Fatal(err)
	}
	base := cellDump(t, buf.Bytes())
	for _, c := range []struct {
		name   string
		change func(f *excelize.File) error
	}{
		{"a character", func(f *excelize.File) error { return f.SetCellValue("评分", "B2", "郑州市教育厅") }},
		{"a number format", func(f *excelize.File) error {
			id, err := f.NewStyle(&excelize.Style{NumFmt: 2})
			if err != nil {
				return err
			}
			return f.SetCellStyle("评分", "C2", "C2", id)
		}},
		{"a column width", func(f *excelize.File) error { return f.SetColWidth("评分", "B", "B", 31) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := c.change(f); err != nil {
				t.Fatal(err)
			}
			changed, err := f.WriteToBuffer()
			if err != nil {
				t.Fatal(err)
			}
			if cellDump(t, changed.Bytes()) == base {
				t.Fatal("the dump does not show the change")
			}
		})
	}
}
