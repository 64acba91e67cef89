package xlsx

import (
	"runtime"
	"sync"

	"github.com/dossier-app/dossier/dossier"
)

// Read is the outcome of reading one submission workbook: the submission,
// or the reason it was refused (a *FileError, or another error).
type Read struct {
	Path string
	Sub  *dossier.Submission
	Err  error
}

// ReadSubmissions reads and checks the workbooks at paths in parallel, one
// worker per core, and returns the outcomes in the order of paths: what
// comes out (and every message) is the same whatever the timing. b is only
// read. progress, when not nil, is called after each file, never twice at
// once, with the number of files done so far.
func ReadSubmissions(paths []string, b *dossier.Book, progress func(done, total int)) []Read {
	out := make([]Read, len(paths))
	workers := min(runtime.GOMAXPROCS(0), len(paths))
	next := make(chan int)
	var mu sync.Mutex
	done := 0
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				sub, err := ReadSubmission(paths[i], b)
				out[i] = Read{Path: paths[i], Sub: sub, Err: err}
				if progress != nil {
					mu.Lock()
					done++
					progress(done, len(paths))
					mu.Unlock()
				}
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
