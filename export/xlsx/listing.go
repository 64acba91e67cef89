package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Listing is what a set of paths given for import holds: the files to read
// (each will be read, and a file that is not a workbook we can read is
// refused with its reason), the temporary and hidden files left out, and
// the paths that could not be listed.
type Listing struct {
	// Files are the files to read, in the order given, each folder's
	// files sorted by path.
	Files []string
	// Skipped counts temporary files (Office's ~$… owner files,
	// LibreOffice's .~lock.…# files) and, inside folders, hidden files.
	Skipped int
	// Others counts files inside folders that are not spreadsheets by
	// name or content (photos, Word documents, PDFs…): not listed.
	Others int
	// Problems are paths that do not exist or cannot be read, and folders
	// without a single spreadsheet; File names the path.
	Problems []Problem
}

// SkippedText says what was left out, for the end of an import's
// report ("跳过临时文件 2 个"), or "" when nothing was.
func (l *Listing) SkippedText() string {
	var parts []string
	if l.Skipped > 0 {
		parts = append(parts, fmt.Sprintf("跳过临时文件 %d 个", l.Skipped))
	}
	if l.Others > 0 {
		parts = append(parts, fmt.Sprintf("不是电子表格的文件 %d 个未列入", l.Others))
	}
	return strings.Join(parts, "，")
}

// spreadsheetExts are the names a spreadsheet file goes by. Every file
// with one of them is listed, and read: a format we cannot read (.ods,
// .xls, .et, .csv…) is refused with how to save it as .xlsx.
var spreadsheetExts = map[string]bool{
	".xlsx": true, ".xlsm": true, ".xltx": true, ".xltm": true, ".xlsb": true, ".xls": true, ".xlt": true,
	".ods": true, ".ots": true, ".fods": true, ".et": true, ".ett": true, ".csv": true, ".tsv": true,
	".numbers": true, ".uos": true, ".sxc": true,
}

// otherExts are names of files that are surely not spreadsheets, whatever
// their content (a .docx is a zip archive too).
var otherExts = map[string]bool{
	".doc": true, ".docx": true, ".docm": true, ".dot": true, ".dotx": true, ".wps": true, ".wpt": true, ".odt": true,
	".ppt": true, ".pptx": true, ".pps": true, ".ppsx": true, ".dps": true, ".odp": true, ".pdf": true, ".ofd": true,
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".bmp": true, ".tif": true, ".tiff": true, ".webp": true,
	".heic": true, ".heif": true, ".txt": true, ".md": true, ".rtf": true, ".html": true, ".htm": true, ".zip": true,
	".rar": true, ".7z": true, ".gz": true, ".tar": true, ".msg": true, ".eml": true, ".mp4": true, ".mov": true,
	".dossier": true, ".db": true, ".sqlite": true, ".ini": true, ".lnk": true, ".apk": true, ".jar": true,
	".epub": true,
}

// isTempName reports whether a file name is a spreadsheet program's
// temporary or lock file: Office's owner files (~$a.xlsx), LibreOffice's
// lock files (.~lock.a.xlsx#), and the ~…tmp files Office saves through.
func isTempName(name string) bool {
	switch {
	case strings.HasPrefix(name, "~$"), strings.HasPrefix(name, ".~lock."):
		return true
	case strings.HasPrefix(name, "~") && strings.EqualFold(filepath.Ext(name), ".tmp"):
		return true
	}
	return false
}

// looksLikeSpreadsheet reports whether a file found in a folder should be
// listed: by its name, or, for a name that says nothing, by its content
// (a zip archive holding a workbook or an OpenDocument spreadsheet, or an
// old binary Office file).
func looksLikeSpreadsheet(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	if spreadsheetExts[ext] {
		return true
	}
	if otherExts[ext] {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return true // listed, so that reading it says why it cannot be read
	}
	defer f.Close()
	head := make([]byte, 8)
	n, _ := f.Read(head)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte(oleMagic)):
		return true
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		st, err := f.Stat()
		if err != nil {
			return true
		}
		zr, err := zip.NewReader(f, st.Size())
		if err != nil {
			return false
		}
		return zipSpreadsheet(zr) != ""
	}
	return false
}

// oleMagic begins every OLE compound file: .xls, .et, .doc, encrypted
// OOXML.
const oleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"

// zipSpreadsheet names the spreadsheet format of a zip archive from its
// directory: "xlsx" (a workbook we read), "xlsb", "ods", "numbers", or ""
// for an archive that holds none.
func zipSpreadsheet(zr *zip.Reader) string {
	var hasContent, hasIndex bool
	for _, f := range zr.File {
		switch n := strings.ToLower(partName(f.Name)); {
		case n == "xl/workbook.xml":
			return "xlsx"
		case n == "xl/workbook.bin":
			return "xlsb"
		case n == "mimetype":
			if rc, err := f.Open(); err == nil {
				b := make([]byte, 64)
				k, _ := rc.Read(b)
				rc.Close()
				if bytes.HasPrefix(b[:k], []byte("application/vnd.oasis.opendocument.spreadsheet")) {
					return "ods"
				}
			}
		case n == "content.xml":
			hasContent = true
		case strings.HasPrefix(n, "index/") && strings.HasSuffix(n, ".iwa"):
			hasIndex = true
		}
	}
	switch {
	case hasIndex:
		return "numbers"
	case hasContent:
		return "ods"
	}
	return ""
}

// ListSubmissions expands the paths given for an import (files and
// folders, folders searched with their subfolders) into the files to read.
// A file given by name is listed whatever it is called (reading it says
// what it is), except a temporary file; inside folders, hidden files and
// folders and temporary files are skipped and counted, and files that are
// neither spreadsheets by name nor by content are counted as others. The
// command line and the GUI's folder scan and drag-and-drop all list files
// through it.
func ListSubmissions(paths []string) Listing {
	var l Listing
	seen := map[string]bool{}
	add := func(p string) {
		key := p
		if abs, err := filepath.Abs(p); err == nil {
			key = abs
		}
		if !seen[key] {
			seen[key] = true
			l.Files = append(l.Files, p)
		}
	}
	problem := func(p, format string, args ...any) {
		l.Problems = append(l.Problems, Problem{File: p, Message: fmt.Sprintf(format, args...)})
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		switch {
		case err != nil && os.IsNotExist(err):
			problem(p, "文件或文件夹不存在")
			continue
		case err != nil && os.IsPermission(err):
			problem(p, "没有读取权限")
			continue
		case err != nil:
			problem(p, "无法读取")
			continue
		case !st.IsDir():
			if isTempName(filepath.Base(p)) {
				l.Skipped++
				continue
			}
			add(p)
			continue
		}
		var found []string
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if path == p {
					problem(path, "无法读取文件夹（没有权限或已损坏）")
				} else {
					problem(path, "无法读取（没有权限或已损坏）")
				}
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if path == p {
				return nil
			}
			if d.IsDir() {
				if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "__MACOSX") {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
				return nil // sockets, devices, pipes
			}
			switch {
			case isTempName(name), strings.HasPrefix(name, "."):
				l.Skipped++
			case looksLikeSpreadsheet(path):
				found = append(found, path)
			default:
				l.Others++
			}
			return nil
		})
		sort.Strings(found)
		if len(found) == 0 {
			problem(p, "文件夹中没有申报表（.xlsx 等电子表格文件）")
		}
		for _, f := range found {
			add(f)
		}
	}
	return l
}
