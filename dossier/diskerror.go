package dossier

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

// DiskError turns a system error from writing path into a Chinese *Error
// that names the file and the cause (full disk, read-only disk, no
// permission, missing folder); the system's text is kept as its cause for
// logs. An *Error passes unchanged.
func DiskError(path string, err error) error {
	var de *Error
	if err == nil || errors.As(err, &de) {
		return err
	}
	e := &Error{Code: EINVALID, Err: err}
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT), errors.Is(err, syscall.EFBIG):
		e.Code, e.Message = EDISKFULL, "磁盘空间不足，无法写入 "+path+"；请腾出空间后重试。原有文件未作改动"
	case errors.Is(err, syscall.EIO):
		e.Code, e.Message = EDISKFULL, "磁盘空间不足或磁盘读写出错，无法写入 "+path+"；请检查磁盘后重试。原有文件未作改动"
	case errors.Is(err, syscall.EROFS):
		e.Code, e.Message = EREADONLY, "无法写入 "+path+"：所在磁盘为只读；请换一个位置保存"
	case errors.Is(err, os.ErrPermission):
		e.Message = "无法写入 " + path + "：没有写入文件夹 " + filepath.Dir(path) + " 的权限；请换一个位置保存"
	case errors.Is(err, os.ErrNotExist):
		e.Message = "无法写入 " + path + "：文件夹 " + filepath.Dir(path) + " 不存在"
	default:
		e.Message = "无法写入 " + path + "（请检查文件夹是否存在、是否有写入权限、磁盘空间是否足够）"
	}
	return e
}
