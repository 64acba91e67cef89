package dossier

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// osReasons are the Chinese words for the operating-system errors a user
// meets, most specific first.
var osReasons = []struct {
	err    error
	reason string
}{
	{fs.ErrExist, "文件已存在"},
	{fs.ErrNotExist, "文件或文件夹不存在"},
	{fs.ErrPermission, "没有权限（请检查文件或文件夹的权限，或是否被其他程序占用）"},
	{syscall.ENOSPC, "磁盘空间已满"},
	{syscall.EDQUOT, "磁盘配额已用完"},
	{syscall.EROFS, "磁盘或文件夹是只读的"},
	{syscall.EISDIR, "这是一个文件夹，不是文件"},
	{syscall.ENOTDIR, "路径中有一段不是文件夹"},
	{syscall.ENAMETOOLONG, "文件名或路径过长"},
	{syscall.EMFILE, "同时打开的文件过多"},
	{syscall.ENFILE, "同时打开的文件过多"},
	{syscall.EBUSY, "文件正被其他程序使用"},
	{syscall.ETXTBSY, "文件正被其他程序使用"},
	{syscall.EXDEV, "不能跨磁盘移动文件"},
	{syscall.EIO, "读写出错（磁盘或网络故障）"},
	{syscall.ELOOP, "路径中的符号链接形成了循环"},
	{syscall.EINVAL, "文件名或操作无效"},
	{fs.ErrClosed, "文件已关闭"},
}

// osVerbs name, in Chinese, what was being done in an fs.PathError's Op.
var osVerbs = map[string]string{
	"open": "打开", "read": "读取", "write": "写入", "close": "关闭", "stat": "读取", "lstat": "读取",
	"mkdir": "创建文件夹", "remove": "删除", "unlinkat": "删除", "rename": "改名", "chmod": "修改权限",
	"sync": "写入", "fsync": "写入", "truncate": "写入", "readdirent": "读取文件夹", "openat": "打开",
	"link": "链接", "symlink": "链接", "mkdirat": "创建文件夹", "seek": "读取", "fstat": "读取",
	"readlink": "读取", "chown": "修改权限", "lock": "锁定", "flock": "锁定",
}

// OSReason returns the Chinese reason of an operating-system error
// ("文件已存在"), and false when err is not one.
func OSReason(err error) (string, bool) {
	for _, r := range osReasons {
		if errors.Is(err, r.err) {
			return r.reason, true
		}
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return fmt.Sprintf("操作系统报告错误（代码 %d）", int(errno)), true
	}
	return "", false
}

// OSMessage renders an operating-system error in Chinese, naming the file
// and what was being done: "无法打开 /x/a.xlsx：文件已存在". ok is false
// when err holds no operating-system error.
func OSMessage(err error) (msg string, ok bool) {
	reason, ok := OSReason(err)
	if !ok {
		return "", false
	}
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &le):
		verb := osVerbs[le.Op]
		if verb == "" {
			verb = "处理"
		}
		return fmt.Sprintf("无法把 %s %s为 %s：%s", le.Old, verb, le.New, reason), true
	case errors.As(err, &pe):
		verb := osVerbs[pe.Op]
		if verb == "" {
			verb = "处理"
		}
		return fmt.Sprintf("无法%s %s：%s", verb, pe.Path, reason), true
	}
	return reason, true
}

// osArg is what an operating-system error reads as inside a Chinese
// message: the reason alone when the message already names the file (one
// of the other arguments is its path), else the whole OSMessage.
func osArg(err error, args []any) (string, bool) {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		for _, a := range args {
			if s, ok := a.(string); ok && s == pe.Path {
				return OSReason(err)
			}
		}
	}
	return OSMessage(err)
}
