// Package single lets a second start of the app on a campaign file hand
// over to the window that already has that file open, instead of opening
// a second writer: the first start listens on a local socket named after
// the file; a double-click on the same file connects, asks that window to
// come to the front, and exits.
//
// On Linux the socket is an AF_UNIX socket in the user's runtime folder.
// On Windows (where AF_UNIX needs Windows 10 1803 and Wine has none) it is
// a loopback TCP port written into a file of the same name in the user's
// own temporary folder; the only thing a caller can ask is "come to the
// front".
package single

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// request and reply are the whole protocol: one line each.
const (
	request = "dossier-focus\n"
	reply   = "ok\n"
)

// Dir is the folder of the sockets; tests change it.
var Dir = socketDir()

func socketDir() string {
	if d := os.Getenv("XDG_RUNTIME_DIR"); d != "" && runtime.GOOS != "windows" {
		return d
	}
	return os.TempDir() // per user on Windows (%LOCALAPPDATA%\Temp)
}

// key names the file: its absolute, cleaned path (case-folded on Windows,
// where names are case-insensitive), hashed to stay short.
func key(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	if eval, err := filepath.EvalSymlinks(abs); err == nil {
		abs = eval
	}
	if runtime.GOOS == "windows" {
		abs = strings.ToLower(abs)
	}
	sum := sha256.Sum256([]byte(abs))
	// The user too: where the folder is the shared /tmp, another user's
	// socket must not be taken for ours.
	u := sha256.Sum256([]byte(strconv.Itoa(os.Getuid()) + os.Getenv("USERNAME")))
	return "dossier-" + hex.EncodeToString(u[:3]) + "-" + hex.EncodeToString(sum[:8]) + ".sock"
}

func sockPath(path string) string { return filepath.Join(Dir, key(path)) }

// Notify asks the app that has path open to bring its window to the
// front and reports whether one answered. False means: open it here.
func Notify(path string) bool {
	c, err := dial(sockPath(path))
	if err != nil {
		return false
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(3 * time.Second))
	if _, err := c.Write([]byte(request)); err != nil {
		return false
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	return err == nil && line == reply
}

// Listener answers the later starts on one file.
type Listener struct {
	l    net.Listener
	path string
}

// Listen serves the later starts on path: each calls focus (on its own
// goroutine) and is told to exit. A socket left by a crashed app is
// replaced.
func Listen(path string, focus func()) (*Listener, error) {
	sock := sockPath(path)
	if Notify(path) {
		return nil, errors.New("另一个窗口已打开此文件")
	}
	os.Remove(sock) // left by an app that died
	l, err := listen(sock)
	if err != nil {
		return nil, err
	}
	s := &Listener{l: l, path: sock}
	go s.serve(focus)
	return s, nil
}

func (s *Listener) serve(focus func()) {
	for {
		c, err := s.l.Accept()
		if err != nil {
			return
		}
		go func() {
			defer c.Close()
			c.SetDeadline(time.Now().Add(3 * time.Second))
			line, err := bufio.NewReader(c).ReadString('\n')
			if err != nil || line != request {
				return
			}
			focus()
			c.Write([]byte(reply))
		}()
	}
}

// Close stops answering and removes the socket.
func (s *Listener) Close() error {
	err := s.l.Close()
	os.Remove(s.path)
	return err
}

// dial reaches the app behind sock: a unix socket, or a file naming a
// loopback port.
func dial(sock string) (net.Conn, error) {
	if runtime.GOOS != "windows" {
		return net.DialTimeout("unix", sock, 2*time.Second)
	}
	b, err := os.ReadFile(sock)
	if err != nil {
		return nil, err
	}
	port, ok := strings.CutPrefix(strings.TrimSpace(string(b)), "tcp:")
	if !ok {
		return nil, errors.New("not a port file")
	}
	return net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", port), 2*time.Second)
}

func listen(sock string) (net.Listener, error) {
	if runtime.GOOS != "windows" {
		return net.Listen("unix", sock)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	if err := os.WriteFile(sock, []byte("tcp:"+port+"\n"), 0o600); err != nil {
		l.Close()
		return nil, err
	}
	return l, nil
}
