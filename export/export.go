// Package export is the home of Dossier's documents and workbooks: the PDF
// documents (export/pdf), the Excel exchange (export/xlsx) and picture
// normalisation (export/photo). This package holds what every document
// writer shares: writing the file safely.
package export

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/internal/safefile"
)

// WriteFile writes a file through a temporary file in the same folder,
// fsynced and renamed into place only when write succeeds, then fsyncs the
// folder: a failed or killed export never leaves half a file, nor destroys
// the earlier one. Leftover temporary files of an earlier kill are removed
// first.
//
// It refuses, changing nothing, to write over a campaign file (by its
// header), over one of its journals, or over any of the protect paths (the
// open campaign, the files being read), compared by identity so that a
// symbolic or hard link or another spelling of the same name counts.
func WriteFile(path string, write func(w io.Writer) error, protect ...string) error {
	if err := Refuse(path, protect...); err != nil {
		return err
	}
	safefile.Clean(path)
	t, err := safefile.NewTemp(path)
	if err != nil {
		return DiskError(path, err)
	}
	if err := write(t); err != nil {
		t.Discard()
		var errno syscall.Errno
		if dossier.ErrorCode(err) == dossier.EINTERNAL && errors.As(err, &errno) {
			return DiskError(path, err)
		}
		return err
	}
	if err := t.Chmod(0o644); err != nil {
		t.Discard()
		return DiskError(path, err)
	}
	kept, err := t.ReplaceOrKeep(func(n int) string { return SideName(path, n) })
	if err != nil {
		return DiskError(path, err)
	}
	if kept != "" {
		return &KeptError{Path: path, Kept: kept}
	}
	return nil
}

// KeptError says that the document could not replace Path, which another
// program holds open (on Windows, WPS or Acrobat showing the previous PDF),
// and was written in full under Kept instead. Its code is ECONFLICT.
type KeptError struct{ Path, Kept string }

func (e *KeptError) Error() string {
	return fmt.Sprintf("文件 %s 正被其他程序打开（例如 WPS 或 Acrobat 正在显示它）或设为只读，不能覆盖；"+
		"新的文件已完整保存为 %s。关闭那个程序后再导出一次即可覆盖原文件", e.Path, e.Kept)
}

// Unwrap gives the error as a *dossier.Error (ECONFLICT, the same message).
func (e *KeptError) Unwrap() error { return dossier.Errorf(dossier.ECONFLICT, "%s", e.Error()) }

// SideName is the name a document gets beside path when path cannot be
// replaced: "评审材料.pdf" → "评审材料（新）.pdf", then "评审材料（新 2）.pdf"…
func SideName(path string, n int) string {
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	if n <= 1 {
		return stem + "（新）" + ext
	}
	return fmt.Sprintf("%s（新 %d）%s", stem, n, ext)
}

// Refuse says why a document must not be written at path, or nil: path is
// (by identity) one of protect, a campaign file, or a campaign's journal.
func Refuse(path string, protect ...string) error {
	st, err := os.Stat(path)
	if err == nil && st.IsDir() {
		return dossier.Errorf(dossier.EINVALID, "%s 是文件夹，不能作为输出文件；请指定文件名", path)
	}
	for _, p := range protect {
		if p == "" {
			continue
		}
		pst, perr := os.Stat(p)
		if err == nil && perr == nil && os.SameFile(st, pst) {
			return dossier.Errorf(dossier.ECONFLICT, "输出文件 %s 就是正在使用的文件 %s，写入会毁掉它；请换一个文件名。文件未作任何改动", path, p)
		}
		for _, j := range []string{"-wal", "-shm", "-journal"} {
			if same(path, p+j) {
				return dossier.Errorf(dossier.ECONFLICT, "输出文件 %s 是评选活动文件 %s 的日志文件，不能覆盖；请换一个文件名。文件未作任何改动", path, p)
			}
		}
	}
	if err == nil && isCampaign(path) {
		return dossier.Errorf(dossier.ECONFLICT, "文件 %s 是评选活动文件，不会用导出的内容覆盖它；请换一个文件名。文件未作任何改动", path)
	}
	for _, j := range []string{"-wal", "-shm", "-journal"} {
		if main, ok := strings.CutSuffix(path, j); ok && isCampaign(main) {
			return dossier.Errorf(dossier.ECONFLICT, "输出文件 %s 是评选活动文件 %s 的日志文件，不能覆盖；请换一个文件名。文件未作任何改动", path, main)
		}
	}
	return nil
}

// same reports whether two names are the same file, or the same name in
// the same folder when neither exists yet.
func same(a, b string) bool {
	as, aerr := os.Stat(a)
	bs, berr := os.Stat(b)
	if aerr == nil && berr == nil {
		return os.SameFile(as, bs)
	}
	aa, err1 := filepath.Abs(a)
	ba, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == ba
}

func isCampaign(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	b := make([]byte, dossier.HeaderSize)
	n, _ := io.ReadFull(f, b)
	return dossier.IsCampaignHeader(b[:n])
}

// DiskError turns a system error from writing path into a Chinese message
// naming the file and the cause (see dossier.DiskError).
func DiskError(path string, err error) error { return dossier.DiskError(path, err) }
