// Package netpath tells whether a file lies on a network drive (a UNC path
// \\server\share, a mapped drive letter, an SMB or NFS mount). SQLite's
// locking over such file systems is not to be trusted, so a campaign opened
// there carries a warning that only one person may open it at a time.
package netpath

// Warning is the Chinese warning for a campaign at path on a network drive,
// or "" for a local file.
func Warning(path string) string {
	if !Network(path) {
		return ""
	}
	return "评选活动文件 " + path + " 位于网络共享位置。网络文件夹不能可靠地防止两处同时修改：" +
		"请确保同一时间只有一个人打开它；多人协作时，请把文件复制到本机处理，完成后再放回共享位置"
}
