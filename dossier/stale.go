package dossier

import "fmt"

// ESTALE is the code of a write refused because the record changed since
// the caller loaded it (ErrorCode(err) == ESTALE for a *StaleError).
const ESTALE = "stale"

// StaleError refuses a write based on an older version of a record: since
// the caller loaded its copy, someone (a re-import, another window, another
// program, the command line) changed it. Nothing was written.
type StaleError struct {
	// What names the record in Chinese: "单位 2022-0001 郑州市教育局",
	// "类别“优化扩充工程”", "指标“新增学位”", "评委“张敏”", "评选设置".
	What string
	// Current is the stored value as it is now, of the record's type
	// (Unit with material, Category, Indicator, Evaluator, Campaign), so
	// the caller can show what changed and let the user choose.
	Current any
}

// Error returns the Chinese message.
func (e *StaleError) Error() string {
	return fmt.Sprintf("%s已在别处被修改（重新导入、另一窗口、另一程序或命令行），您的修改基于修改前的内容，未保存；请查看最新内容后再决定保留哪一份", e.What)
}

// As lets errors.As find an *Error with code ESTALE in a *StaleError, so
// ErrorCode and ErrorMessage treat it like every other user-facing error.
func (e *StaleError) As(target any) bool {
	if t, ok := target.(**Error); ok {
		*t = &Error{Code: ESTALE, Message: e.Error()}
		return true
	}
	return false
}
