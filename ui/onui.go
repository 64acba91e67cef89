package ui

import (
	"sync"

	"fyne.io/fyne/v2"
)

// uiMu serialises the functions background work hands to the UI thread.
// In the app fyne.Do already runs them one at a time on that thread; Fyne's
// test driver runs each on the goroutine that asked, so without the lock
// two finishing jobs (or a job and a toast's timer) would touch the same
// widgets at once under test.
var uiMu sync.Mutex

// onUI runs fn on the UI thread (fyne.Do), one such function at a time.
// fn must not wait for another onUI.
func onUI(fn func()) {
	fyne.Do(func() {
		uiMu.Lock()
		defer uiMu.Unlock()
		fn()
	})
}
