package ui

import (
	"fmt"
	"strings"

	"github.com/dossier-app/dossier/dossier"
)

// formField is one field of a form that edits a stored record of type T
// (a unit's basic information, the campaign settings, a category, an
// evaluator): how it is named to the user, whether what is typed differs
// from the stored record, and how to put what is typed into a record. set
// refuses text that is not a valid value of the field. shown, typed and
// load, when given, let a conflict with a newer record be shown and
// settled: the field's value in a record and in the widget as text, and
// putting a record's value into the widget.
type formField[T any] struct {
	label   string
	changed func(saved T) bool
	set     func(rec *T) error
	shown   func(rec T) string
	typed   func() string
	load    func(rec T)
}

// formSave is one save of a form: the fields, the record as stored, and
// how to write a record. Its failures are listed in the error bar under
// key+label, each named what+"的"+label, so that the user is told which
// field of which record is not in the file.
type formSave[T any] struct {
	s      *session
	key    string // e.g. "unit:ID:basic:"
	what   string // e.g. "单位“郑州市教育局”"
	fields []formField[T]
	write  func(*T) error // updates the record's version
	again  func()         // the form's save, for 重试
	// rebase makes rec the record the form is based on, after a conflict
	// with a newer one.
	rebase func(rec T)
	// onStale, when given, settles a conflict with a newer record itself
	// (the unit editor, whose material shares the unit's version).
	onStale func(cur T)
}

// run writes the changed fields onto saved and returns the record as it is
// now stored, and whether any field was written. Each field saves on its own: a field whose text is invalid
// is listed and left out, and the others are written; if the write of all
// of them together fails, each is written alone, so one field the file
// refuses (a code already taken) does not keep the others out of it.
func (f formSave[T]) run(saved T) (T, bool) {
	if f.s.errs.has(staleKey(f.key)) {
		// The user is choosing between their edit and a newer record;
		// writing again on the old base would only be refused again.
		return saved, false
	}
	rec := saved
	var valid []formField[T]
	for _, fl := range f.fields {
		if !fl.changed(saved) {
			f.s.errs.clear(f.key + fl.label)
			continue
		}
		try := rec
		if err := fl.set(&try); err != nil {
			f.fail(fl, err)
			continue
		}
		rec = try
		valid = append(valid, fl)
	}
	if len(valid) == 0 {
		return saved, false
	}
	err := f.write(&rec)
	if err == nil {
		f.saved(valid)
		return rec, true
	}
	if cur, ok := staleCurrent(err); ok && (f.rebase != nil || f.onStale != nil) {
		if c, ok := asRecord[T](cur); ok {
			if f.onStale != nil {
				f.onStale(c)
			} else {
				f.stale(saved, c)
			}
			return saved, false
		}
	}
	if len(valid) == 1 || !fieldCaused(err) {
		for _, fl := range valid {
			f.fail(fl, err)
		}
		return saved, false
	}
	cur := saved
	var ok []formField[T]
	for _, fl := range valid {
		try := cur
		if err := fl.set(&try); err != nil {
			f.fail(fl, err)
			continue
		}
		if err := f.write(&try); err != nil {
			f.fail(fl, err)
			continue
		}
		cur = try
		ok = append(ok, fl)
	}
	if len(ok) > 0 {
		f.saved(ok)
	}
	return cur, len(ok) > 0
}

// fieldCaused reports whether a refused write may be the fault of one of
// the fields written (a rule or a clash), so that writing the fields one
// by one can save the others; a closed or read-only file refuses them all.
func fieldCaused(err error) bool {
	switch dossier.ErrorCode(err) {
	case dossier.EINVALID, dossier.ECONFLICT:
		return true
	}
	return false
}

func (f formSave[T]) fail(fl formField[T], err error) {
	what := f.what + "的" + fl.label
	f.s.errs.set(f.key+fl.label, what,
		fmt.Sprintf("未能保存%s：%s。已输入的内容仍保留在编辑框中，改正后会重新保存。", what, dossier.ErrorMessage(err)), f.again)
}

func (f formSave[T]) saved(fields []formField[T]) {
	labels := make([]string, len(fields))
	for i, fl := range fields {
		f.s.errs.clear(f.key + fl.label)
		labels[i] = fl.label
	}
	f.s.note("已保存" + f.what + "的" + strings.Join(labels, "、"))
}

// textField is a form field holding trimmed text: get reads it from a
// record, put stores it.
func textField[T any](label string, e *field, get func(T) string, put func(*T, string)) formField[T] {
	return formField[T]{
		label:   label,
		changed: func(saved T) bool { return strings.TrimSpace(e.Text) != get(saved) },
		set: func(rec *T) error {
			put(rec, strings.TrimSpace(e.Text))
			return nil
		},
		shown: get,
		typed: func() string { return strings.TrimSpace(e.Text) },
		load:  func(rec T) { e.SetText(get(rec)) },
	}
}
