// Package pgtest starts a throwaway PostgreSQL server for tests: one server
// per test binary, started on first use, listening on a unix socket in a
// temporary folder only, with one fresh database per test. It needs Debian's
// postgresql package (initdb and pg_ctl); without it a test is skipped, unless
// DOSSIER_REQUIRE_PROGRAMS is set (CI), where it fails.
//
// Use it from TestMain, so that the server is stopped and its folder removed
// when the tests end:
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
//
//	func TestX(t *testing.T) { url := pgtest.Database(t) … }
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// Superuser is the name of the server's superuser; Password is its password.
const (
	Superuser = "dossier"
	Password  = "pgtest-superuser"
)

// Server is a running throwaway PostgreSQL server.
type Server struct {
	dir    string // temporary folder: data/, the socket, the log
	bin    string // folder holding initdb and pg_ctl
	asUser []string
	admin  *sql.DB
	seq    atomic.Int64
	opts   string // the server's settings, for a start after Pause
}

var (
	once    sync.Once
	shared  *Server
	missing error // why no server could be started
)

// Main runs the tests and then stops the server if one was started.
func Main(m *testing.M) int {
	code := m.Run()
	if shared != nil {
		if err := shared.Stop(); err != nil {
			fmt.Fprintln(os.Stderr, "pgtest:", err)
		}
	}
	return code
}

// Shared returns the test binary's server, starting it on first use. A test
// without PostgreSQL installed is skipped, or fails under
// DOSSIER_REQUIRE_PROGRAMS.
func Shared(t testing.TB) *Server {
	t.Helper()
	once.Do(func() { shared, missing = Start() })
	if missing != nil {
		var nf *notInstalled
		if errors.As(missing, &nf) && os.Getenv("DOSSIER_REQUIRE_PROGRAMS") == "" {
			t.Skipf("PostgreSQL 未安装，跳过：%v", missing)
		}
		t.Fatalf("pgtest: %v", missing)
	}
	return shared
}

// Database creates an empty database for this test on the shared server and
// returns its postgres:// URL (superuser login, password included). The
// database is dropped when the test ends.
func Database(t testing.TB) string {
	t.Helper()
	s := Shared(t)
	name, err := s.CreateDatabase(context.Background(), t.Name())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.DropDatabase(context.Background(), name) })
	return s.URL(name, Superuser, Password)
}

type notInstalled struct{ what string }

func (e *notInstalled) Error() string { return e.what }

// BinDir finds the folder holding initdb and pg_ctl: the newest
// /usr/lib/postgresql/N/bin (Debian's, so on Linux only: a Windows test
// binary under Wine sees those Linux programs but cannot run them), else
// the PATH.
func BinDir() (string, error) {
	var dirs []string
	if runtime.GOOS == "linux" {
		dirs, _ = filepath.Glob("/usr/lib/postgresql/*/bin")
	}
	sort.Slice(dirs, func(i, j int) bool { return pgMajor(dirs[i]) > pgMajor(dirs[j]) })
	for _, d := range dirs {
		if st, err := os.Stat(filepath.Join(d, "initdb")); err == nil && !st.IsDir() {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", &notInstalled{"找不到 initdb（Debian 软件包 postgresql）"}
}

func pgMajor(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

// Start initialises a new cluster in a temporary folder and starts it. As
// root, initdb and the server run as nobody (65534), which PostgreSQL
// requires.
func Start() (*Server, error) {
	bin, err := BinDir()
	if err != nil {
		return nil, err
	}
	stopOrphans(bin)
	dir, err := os.MkdirTemp("", "dossier-pg-")
	if err != nil {
		return nil, err
	}
	// Who started it: should this process be killed before Stop, the next
	// Start stops the server it left (stopOrphans).
	os.WriteFile(filepath.Join(dir, "owner.pid"), []byte(strconv.Itoa(os.Getpid())), 0o644)
	s := &Server{dir: dir, bin: bin}
	if os.Getuid() == 0 {
		if _, err := exec.LookPath("setpriv"); err != nil {
			os.RemoveAll(dir)
			return nil, &notInstalled{"以 root 运行时需要 setpriv（util-linux）"}
		}
		s.asUser = []string{"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"}
		if err := os.Chown(dir, 65534, 65534); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	pwfile := filepath.Join(dir, "pwfile")
	if err := os.WriteFile(pwfile, []byte(Password+"\n"), 0o600); err == nil && os.Getuid() == 0 {
		err = os.Chown(pwfile, 65534, 65534)
	}
	if err := s.run("initdb", "-D", s.data(), "-U", Superuser, "--pwfile", pwfile, "-E", "UTF8",
		"--locale=C", "--auth=scram-sha-256", "--no-sync"); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	os.Remove(pwfile)
	// No TCP: only the socket in dir. Durability does not matter here.
	s.opts = fmt.Sprintf("-c listen_addresses='' -c unix_socket_directories='%s' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=32MB", dir)
	if err := s.start(); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "server.log"))
		os.RemoveAll(dir)
		return nil, fmt.Errorf("%v\n%s", err, log)
	}
	s.admin, err = sql.Open("pgx", s.URL("postgres", Superuser, Password))
	if err == nil {
		err = s.admin.Ping()
	}
	if err != nil {
		s.Stop()
		return nil, fmt.Errorf("connect to the test server: %w", err)
	}
	return s, nil
}

func (s *Server) data() string { return filepath.Join(s.dir, "data") }

func (s *Server) start() error {
	return s.run("pg_ctl", "-D", s.data(), "-l", filepath.Join(s.dir, "server.log"), "-o", s.opts, "-w", "-t", "60", "start")
}

// Pause stops the server but keeps its data, as a server that goes away
// in the middle of a session; Resume starts it again on the same socket.
// For a server of the test's own (Start), never the shared one.
func (s *Server) Pause() error {
	return s.run("pg_ctl", "-D", s.data(), "-m", "fast", "-w", "-t", "30", "stop")
}

// Resume starts a paused server again with its data.
func (s *Server) Resume() error { return s.start() }

func (s *Server) run(prog string, args ...string) error {
	argv := append(append([]string{}, s.asUser...), append([]string{filepath.Join(s.bin, prog)}, args...)...)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = s.dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %v\n%s", prog, err, out)
	}
	return nil
}

// Socket is the folder holding the server's unix socket.
func (s *Server) Socket() string { return s.dir }

// BinDir is the folder holding the server's programs (psql is on the PATH
// too, from postgresql-client).
func (s *Server) BinDir() string { return s.bin }

// URL is the libpq URL of database db as user with password ("" for none).
func (s *Server) URL(db, user, password string) string {
	u := url.URL{Scheme: "postgres", Host: "", Path: "/" + db}
	if password != "" {
		u.User = url.UserPassword(user, password)
	} else {
		u.User = url.User(user)
	}
	u.RawQuery = url.Values{"host": {s.dir}, "sslmode": {"disable"}}.Encode()
	return u.String()
}

var unsafeName = regexp.MustCompile(`[^a-z0-9_]+`)

// CreateDatabase creates a new empty database whose name is derived from
// hint and unique on the server, and returns the name.
func (s *Server) CreateDatabase(ctx context.Context, hint string) (string, error) {
	base := strings.Trim(unsafeName.ReplaceAllString(strings.ToLower(hint), "_"), "_")
	if len(base) > 40 {
		base = base[:40]
	}
	var r [3]byte
	rand.Read(r[:])
	name := fmt.Sprintf("t_%s_%d_%s", base, s.seq.Add(1), hex.EncodeToString(r[:]))
	if _, err := s.admin.ExecContext(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", fmt.Errorf("create database %s: %w", name, err)
	}
	return name, nil
}

// DropDatabase drops a database, closing the connections left to it.
func (s *Server) DropDatabase(ctx context.Context, name string) error {
	_, err := s.admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
	return err
}

// Exec runs statements as the superuser in database db (roles are shared by
// the whole server, so tests give them unique names).
func (s *Server) Exec(ctx context.Context, db, query string) error {
	c, err := pgx.Connect(ctx, s.URL(db, Superuser, Password))
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	_, err = c.Exec(ctx, query)
	return err
}

// stopOrphans stops the servers of test processes that were killed before
// they could stop them (a timeout, ^C), found by their owner.pid.
func stopOrphans(bin string) {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "dossier-pg-*"))
	for _, d := range dirs {
		b, err := os.ReadFile(filepath.Join(d, "owner.pid"))
		if err != nil {
			continue
		}
		pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil || pid <= 0 || processAlive(pid) {
			continue
		}
		s := &Server{dir: d, bin: bin}
		if os.Getuid() == 0 {
			s.asUser = []string{"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"}
		}
		s.Stop()
	}
}

// Stop stops the server and removes its folder.
func (s *Server) Stop() error {
	if s.admin != nil {
		s.admin.Close()
	}
	var err error
	if _, serr := os.Stat(filepath.Join(s.data(), "postmaster.pid")); serr == nil {
		err = s.run("pg_ctl", "-D", s.data(), "-m", "immediate", "-w", "-t", "30", "stop")
	}
	// The server's files belong to nobody; root removes them anyway.
	for i := 0; i < 5; i++ {
		if rmErr := os.RemoveAll(s.dir); rmErr == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	return err
}
