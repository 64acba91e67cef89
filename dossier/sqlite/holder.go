package sqlite

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-app/dossier/internal/safefile"
)

// Who has a campaign open for writing is recorded in a sidecar lock file
// beside it, named like LibreOffice's (".~lock.F#"): one line per holder
// ("host,program,pid,since,slot"). Each holder keeps an OFD lock on its own
// byte (lockSlotBase+slot) for as long as it has the file open, so a line
// whose byte is not locked is stale (its process died) and is ignored and
// dropped; byte 0 guards edits of the file. The last holder to close
// removes the file, so a clean close leaves nothing behind (dropLockFile:
// on Windows only once closed).

const (
	lockSlotBase = 16
	maxSlots     = 4096
)

// Holder is a process that has a campaign open for writing.
type Holder struct {
	Host    string
	Program string
	PID     int
	Since   time.Time
	slot    int
}

// String describes the holder in Chinese, e.g. "本机 dossierctl（进程 123）自
// 15:04 起".
func (h *Holder) String() string {
	where := "本机"
	if host, _ := os.Hostname(); h.Host != host {
		where = "计算机 " + h.Host + " 上的"
	}
	since := h.Since.Local().Format("15:04")
	if time.Since(h.Since) > 20*time.Hour {
		since = h.Since.Local().Format("2006-01-02 15:04")
	}
	return fmt.Sprintf("%s %s（进程 %d）自 %s 起", where, h.Program, h.PID, since)
}

func lockPath(path string) string {
	return filepath.Join(filepath.Dir(path), ".~lock."+filepath.Base(path)+"#")
}

func parseHolders(b []byte) []Holder {
	var out []Holder
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for sc.Scan() {
		f := strings.Split(sc.Text(), ",")
		if len(f) != 5 {
			continue
		}
		pid, err1 := strconv.Atoi(f[2])
		since, err2 := time.Parse(time.RFC3339, f[3])
		slot, err3 := strconv.Atoi(f[4])
		if err1 != nil || err2 != nil || err3 != nil {
			continue
		}
		out = append(out, Holder{Host: f[0], Program: f[1], PID: pid, Since: since, slot: slot})
	}
	return out
}

func formatHolders(hs []Holder) []byte {
	var b strings.Builder
	for _, h := range hs {
		fmt.Fprintf(&b, "%s,%s,%d,%s,%d\n", clean(h.Host), clean(h.Program), h.PID, h.Since.UTC().Format(time.RFC3339), h.slot)
	}
	return []byte(b.String())
}

func clean(s string) string { return strings.NewReplacer(",", "_", "\n", "_").Replace(s) }

// alive reports whether the holder still has the file open: its lock byte
// is held, or, where the file system cannot lock, its process runs on this
// machine (another machine's line counts for a day).
func (h *Holder) alive(f *os.File) bool {
	held, err := safefile.Locked(f, int64(lockSlotBase+h.slot), 1)
	if err == nil {
		return held
	}
	if host, _ := os.Hostname(); h.Host == host {
		return processAlive(h.PID)
	}
	return time.Since(h.Since) < 24*time.Hour
}

// InUse says who, besides the caller's own open stores, has the campaign
// at path open for writing: the longest-standing live holder, or nil when
// none. Stale records of crashed processes are ignored.
func InUse(path string) (*Holder, error) {
	hs, err := liveHolders(path, nil)
	if err != nil || len(hs) == 0 {
		return nil, err
	}
	return &hs[0], nil
}

// liveHolders lists the live holders of path other than own.
func liveHolders(path string, own *registration) ([]Holder, error) {
	f, err := os.Open(lockPath(path))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	defer f.Close()
	if err := safefile.Lock(f, 0, 1, false, true); err != nil && !safefile.Unsupported(err) {
		return nil, err
	}
	b, err := os.ReadFile(f.Name())
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil // the last holder closed meanwhile
	} else if err != nil {
		return nil, err
	}
	var out []Holder
	for _, h := range parseHolders(b) {
		if own != nil && own.me.slot == h.slot && own.me.PID == h.PID {
			continue
		}
		if h.alive(f) {
			out = append(out, h)
		}
	}
	return out, nil
}

// registration is one store's line in the lock file.
type registration struct {
	f  *os.File
	me Holder
}

// register records the caller as a holder of path. It returns the other
// live holders at that moment.
func register(path, program string) (*registration, []Holder, error) {
	lp := lockPath(path)
	var f *os.File
	for tries := 0; ; tries++ {
		var err error
		f, err = os.OpenFile(lp, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, nil, err
		}
		if err := safefile.Lock(f, 0, 1, true, true); err != nil {
			if safefile.Unsupported(err) {
				break
			}
			f.Close()
			return nil, nil, err
		}
		// The last holder may have removed the file between our open
		// and our lock: then lock the new one.
		if sameFile(f, lp) || tries > 20 {
			break
		}
		f.Close()
	}
	b, err := os.ReadFile(lp)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	var keep []Holder
	used := map[int]bool{}
	for _, h := range parseHolders(b) {
		if h.alive(f) {
			keep = append(keep, h)
			used[h.slot] = true
		}
	}
	host, _ := os.Hostname()
	me := Holder{Host: host, Program: program, PID: os.Getpid(), Since: time.Now().Truncate(time.Second), slot: -1}
	for s := 0; s < maxSlots; s++ {
		if used[s] {
			continue
		}
		err := safefile.Lock(f, int64(lockSlotBase+s), 1, true, false)
		if err == nil || safefile.Unsupported(err) {
			me.slot = s
			break
		}
	}
	if me.slot < 0 {
		f.Close()
		return nil, nil, errors.New("no free lock slot")
	}
	others := append([]Holder(nil), keep...)
	if err := rewrite(f, append(keep, me)); err != nil {
		if len(keep) == 0 {
			dropLockFile(f) // a full disk: leave no empty lock file behind
		} else {
			rewrite(f, keep)
			f.Close()
		}
		return nil, nil, err
	}
	return &registration{f: f, me: me}, others, nil
}

// openDone lets other openers in: register keeps the lock file's guard
// until the store's connections are open, so that no two openers look at
// (or set aside) the journal at once.
func (r *registration) openDone() { safefile.Unlock(r.f, 0, 1) }

func sameFile(f *os.File, path string) bool {
	a, err1 := f.Stat()
	b, err2 := os.Stat(path)
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}

func rewrite(f *os.File, hs []Holder) error {
	b := formatHolders(hs)
	if err := f.Truncate(0); err != nil {
		return err
	}
	_, err := f.WriteAt(b, 0)
	return err
}

// release drops the line; the last holder removes the lock file.
func (r *registration) release() {
	if r == nil || r.f == nil {
		return
	}
	f := r.f
	r.f = nil
	if err := safefile.Lock(f, 0, 1, true, true); err != nil && !safefile.Unsupported(err) {
		f.Close()
		return
	}
	b, err := os.ReadFile(f.Name())
	if err != nil || !sameFile(f, f.Name()) {
		f.Close()
		return
	}
	var keep []Holder
	for _, h := range parseHolders(b) {
		if h.slot == r.me.slot && h.PID == r.me.PID {
			continue
		}
		if h.alive(f) {
			keep = append(keep, h)
		}
	}
	if len(keep) == 0 {
		dropLockFile(f)
		return
	}
	rewrite(f, keep)
	f.Close()
}
