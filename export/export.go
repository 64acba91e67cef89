// Package export is the home of Dossier's documents and workbooks: the PDF
// documents (export/pdf), the Excel exchange (export/xlsx) and picture
// normalisation (export/photo). This package holds what every document
// writer shares: writing the file safely.
package export

import (
	"io"
	"os"
	"path/filepath"

	"github.com/dossier-app/dossier/dossier"
)

// WriteFile writes a file through a temporary file in the same folder,
// renamed into place only when write succeeds: a failed export never
// leaves half a file, nor destroys the earlier one.
func WriteFile(path string, write func(w io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return dossier.Errorf(dossier.EINVALID, "无法在 %s 中写入文件：%v", filepath.Dir(path), err)
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return dossier.Errorf(dossier.EINVALID, "写入 %s 失败：%v", path, err)
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return dossier.Errorf(dossier.EINVALID, "无法保存 %s：%v", path, err)
	}
	return nil
}
