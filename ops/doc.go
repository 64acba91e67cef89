// Package ops holds the operations both front-ends run: find submission
// files, preview and commit an import, import score workbooks, export any
// document, create a campaign. A dossierctl verb parses its flags, calls
// one of these and prints; a screen of the app runs one in a background
// job and shows the outcome with fyne.Do. So each workflow is written once,
// and the two front-ends cannot drift apart (the parity test in ui checks
// that they do not).
//
// ops imports no Fyne and builds with CGO_ENABLED=0. Long operations take
// a Progress callback, called from the goroutine running the operation.
package ops

// Progress is told how much of a long operation is done: done of total
// steps (files read or written, units set). It may be nil.
type Progress func(done, total int)

func (p Progress) report(done, total int) {
	if p != nil {
		p(done, total)
	}
}
