package xlsx

import (
	"encoding/xml"
	"errors"
	"sort"
	"strings"
)

// The ooxml*.go files read the parts of a workbook that an import needs,
// straight from the checked archive, with a streaming XML decoder
// (ooxml_xml.go), one file per part: the workbook and its relationships
// (here), the worksheets (ooxml_sheet.go: every cell with its type, style,
// formula and value; hidden rows and columns; merged ranges; the drawing),
// shared strings (ooxml_strings.go), number formats (ooxml_styles.go),
// drawings and WPS's cell images (ooxml_drawing.go). They see what
// excelize's row iterator hides (formulas, styles, types) and never write a
// temporary file.

// rel is one relationship of a part.
type rel struct {
	Type, Target string // Target resolved to a part name
	External     bool
}

// sheetInfo is a worksheet as the workbook lists it.
type sheetInfo struct {
	Name, Part string
}

// workbook is a workbook (.xlsx) open for reading.
type workbook struct {
	a          *archive
	sheets     []sheetInfo
	sst        string // part names, "" when absent
	styles     string
	cellImages string

	sstLoaded bool
	strs      []string
	strBad    map[int]bool
	sstErr    error

	stylesLoaded bool
	xfFmt        []int
	fmtCode      map[int]string
}

// structErr is a structural fault of a worksheet, described in Chinese.
type structErr string

func (e structErr) Error() string { return string(e) }

// openWorkbook reads the workbook's structure. A file that is not a
// spreadsheet, or whose structure cannot be read, gives a FileError naming
// what it is.
func openWorkbook(a *archive) (*workbook, *FileError) {
	fail := func(format string, args ...any) (*workbook, *FileError) {
		return nil, fileError(a.name, "", "", format, args...)
	}
	wb := &workbook{a: a}
	main := ""
	if rels, err := wb.rels("_rels/.rels", ""); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.Type, "/officeDocument") && !r.External {
				main = r.Target
			}
		}
	}
	if main == "" && a.has("xl/workbook.xml") {
		main = "xl/workbook.xml"
	}
	switch {
	case strings.HasPrefix(main, "word/") || (main == "" && a.has("word/document.xml")):
		return fail("文件是 Word 文档（.docx），只是扩展名为 .xlsx，不是 Excel 工作簿；请使用下发的申报表模板填写")
	case strings.HasPrefix(main, "ppt/") || (main == "" && a.has("ppt/presentation.xml")):
		return fail("文件是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿；请使用下发的申报表模板填写")
	case main == "" || !a.has(main) || !strings.HasSuffix(strings.ToLower(main), ".xml"):
		switch zipSpreadsheet(a.zr) {
		case "ods":
			return fail("%s", msgODS)
		case "xlsb":
			return fail("%s", msgXLSB)
		case "numbers":
			return fail("%s", msgNumbers)
		}
		return fail("文件是 zip 压缩包，但不是 Excel 工作簿（缺少工作簿部件）；请使用下发的申报表模板填写并保存为 .xlsx")
	}
	data, err := a.read(main, maxXMLBytes)
	if a.fail != nil {
		return nil, a.fail
	} else if err != nil {
		return fail("文件结构已损坏（无法读取“%s”）；请用 Excel/WPS 打开后重新保存", main)
	}
	type sheetRef struct{ name, rid string }
	var refs []sheetRef
	err = scanXML(data, func(d *xml.Decoder, se xml.StartElement) error {
		if se.Name.Local == "sheet" {
			refs = append(refs, sheetRef{attr(se, "name"), relID(se)})
		}
		return nil
	})
	if err != nil {
		return fail("文件结构已损坏（“%s”无法解析）；请用 Excel/WPS 打开后重新保存", main)
	}
	rels, err := wb.rels(relsOf(main), main)
	if a.fail != nil {
		return nil, a.fail
	} else if err != nil {
		return fail("文件结构已损坏（“%s”无法解析）；请用 Excel/WPS 打开后重新保存", relsOf(main))
	}
	for _, ref := range refs {
		r, ok := rels[ref.rid]
		if !ok || r.External || !strings.HasSuffix(r.Type, "/worksheet") {
			continue // chart sheets, dialog sheets, dangling references
		}
		wb.sheets = append(wb.sheets, sheetInfo{Name: ref.name, Part: r.Target})
	}
	ids := make([]string, 0, len(rels))
	for id := range rels {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		r := rels[id]
		switch {
		case r.External:
		case strings.HasSuffix(r.Type, "/sharedStrings"):
			wb.sst = r.Target
		case strings.HasSuffix(r.Type, "/styles"):
			wb.styles = r.Target
		case strings.Contains(strings.ToLower(r.Type), "cellimage"):
			wb.cellImages = r.Target
		}
	}
	if wb.cellImages == "" && a.has("xl/cellimages.xml") {
		wb.cellImages = "xl/cellimages.xml"
	}
	return wb, nil
}

// sheet returns the worksheet named name (surrounding spaces ignored).
func (wb *workbook) sheet(name string) (sheetInfo, bool) {
	for _, s := range wb.sheets {
		if strings.TrimSpace(s.Name) == name {
			return s, true
		}
	}
	return sheetInfo{}, false
}

// rels reads a relationships part; targets are resolved against owner.
func (wb *workbook) rels(part, owner string) (map[string]rel, error) {
	out := map[string]rel{}
	data, err := wb.a.read(part, maxXMLBytes)
	if errors.Is(err, errNoPart) {
		return out, nil
	} else if err != nil {
		return nil, err
	}
	err = scanXML(data, func(d *xml.Decoder, se xml.StartElement) error {
		if se.Name.Local == "Relationship" {
			r := rel{Type: attr(se, "Type"), External: strings.EqualFold(attr(se, "TargetMode"), "External")}
			if r.External {
				r.Target = attr(se, "Target")
			} else {
				r.Target = resolve(owner, attr(se, "Target"))
			}
			out[attr(se, "Id")] = r
		}
		return nil
	})
	return out, err
}

// emuPerPixel and emuPerPoint convert drawing offsets (EMU) to the units of
// column widths and row heights.
const (
	emuPerPixel = 9525
	emuPerPoint = 12700
)

// partWithRels reads an optional XML part that refers to images, with its
// relationships; data is nil when the part is named nowhere or absent.
func (wb *workbook) partWithRels(part string) (data []byte, rels map[string]rel, err error) {
	if part == "" {
		return nil, nil, nil
	}
	data, err = wb.a.read(part, maxXMLBytes)
	if errors.Is(err, errNoPart) {
		return nil, nil, nil
	} else if err != nil {
		return nil, nil, err
	}
	if rels, err = wb.rels(relsOf(part), part); err != nil {
		return nil, nil, err
	}
	data, _ = sanitize(data)
	return data, rels, nil
}
