package dossier

import (
	"errors"
	"fmt"
)

// Error codes, after the style of benbjohnson/wtf: a code for programs, a
// Chinese message for people.
const (
	EINVALID     = "invalid"      // input that breaks a rule
	ENOTFOUND    = "not_found"    // a named thing that does not exist
	ECONFLICT    = "conflict"     // clashes with what exists (duplicate code…)
	ENOTCAMPAIGN = "not_campaign" // a file that is not a campaign file
	EREADONLY    = "read_only"    // a campaign opened read-only refuses a write
	EDAMAGED     = "damaged"      // the campaign file is damaged: restore a backup
	EBUSY        = "busy"         // another program holds the file's lock
	EDISKFULL    = "disk_full"    // the disk is full or cannot be written
	EINTERNAL    = "internal"
)

// Error is an error meant for the user: Message is Chinese and complete.
type Error struct {
	Code    string
	Message string
	// Err is the technical cause (often English, from SQLite or the
	// system), kept for logs and errors.Is/As; it is never shown.
	Err error
}

// Error returns the user-facing message.
func (e *Error) Error() string { return e.Message }

// Unwrap returns the technical cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf builds an *Error with a formatted Chinese message. An argument
// that is an operating-system error is rendered in Chinese (OSMessage), so
// no English "file exists" reaches the user.
func Errorf(code, format string, args ...any) *Error {
	for i, a := range args {
		if err, ok := a.(error); ok {
			if s, ok := osArg(err, args); ok {
				args[i] = s
			} else if m := ErrorMessage(err); m != err.Error() {
				args[i] = m
			}
		}
	}
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err: the *Error's message
// when there is one, an operating-system error in Chinese (OSMessage), else
// err's own text.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	if err == nil {
		return ""
	}
	if m, ok := OSMessage(err); ok {
		return m
	}
	return err.Error()
}
