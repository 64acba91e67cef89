package store

import (
	"context"
	"errors"
	"log/slog"
	"strings"

	"github.com/dossier-app/dossier/dossier"
)

// wrap is how every public method hands back its error, once: a domain
// error (*dossier.Error, *dossier.StaleError, *dossier.FileError, or one
// the dialect classifies: busy, damaged, disk full, read-only, connection
// lost) passes as it is, stripped of the technical prefixes wrapped around
// it on the way up; any other error reaches the user as
// "内部错误（op）", with the detail logged to stderr and kept as the cause
// (errors.Is and errors.As still find it).
func (s *Store) wrap(errp *error, op string) {
	err := *errp
	if err == nil {
		return
	}
	*errp = s.userError(op, err)
}

const internalPrefix = "内部错误（"

func (s *Store) userError(op string, err error) error {
	if s.d != nil {
		err = s.d.Classify(err)
	}
	var stale *dossier.StaleError
	if errors.As(err, &stale) {
		return stale
	}
	var fe *dossier.FileError
	if errors.As(err, &fe) {
		return fe
	}
	var de *dossier.Error
	if errors.As(err, &de) {
		if de.Code == dossier.EINTERNAL && strings.HasPrefix(de.Message, internalPrefix) {
			// From a public method this one called (Rank reads the Book):
			// logged there; the user did this operation.
			return &dossier.Error{Code: dossier.EINTERNAL, Message: internalPrefix + op + "）", Err: de.Err}
		}
		return de
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return &dossier.Error{Code: dossier.EINTERNAL, Message: "操作已取消（" + op + "）", Err: err}
	}
	slog.Error("内部错误", "操作", op, "where", s.where(), "error", err.Error())
	return &dossier.Error{Code: dossier.EINTERNAL, Message: internalPrefix + op + "）", Err: err}
}

func (s *Store) where() string {
	if s.b == nil {
		return ""
	}
	return s.b.Where()
}
