package postgres

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/internal/pgtest"
)

func TestIsURLAndRedact(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"postgres://clerk:s3cret@db.example.cn:5432/pg2026?sslmode=require", "postgres://clerk@db.example.cn:5432/pg2026?sslmode=require"},
		{"PostgreSQL://clerk@db/x?password=s3cret&sslmode=verify-full", "postgresql://clerk@db/x?sslmode=verify-full"},
		{"postgres://db/x", "postgres://db/x"},
		{"/home/张/评选.dossier", "/home/张/评选.dossier"},
		{"postgres://clerk:s3%zz@db/x", "postgres://…"},
	} {
		if got := Redact(tc.in); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if strings.Contains(Redact(tc.in), "s3") {
			t.Errorf("Redact(%q) keeps the password", tc.in)
		}
	}
	for in, want := range map[string]bool{"postgres://x/y": true, " postgresql://x/y": true, "postgres.dossier": false, "C:\\评选.dossier": false, "file://x": false} {
		if IsURL(in) != want {
			t.Errorf("IsURL(%q) = %v", in, !want)
		}
	}
}

func TestParseURLHonoursSSLModeAndPGPASSWORD(t *testing.T) {
	t.Setenv("PGPASSWORD", "from-env")
	c, err := ParseURL("postgres://clerk@db.example.cn:6543/评选2026?sslmode=verify-full")
	if err != nil {
		t.Fatal(err)
	}
	if c.conn.TLSConfig == nil || c.conn.TLSConfig.ServerName != "db.example.cn" || c.conn.TLSConfig.InsecureSkipVerify {
		t.Errorf("sslmode=verify-full: TLS config %+v", c.conn.TLSConfig)
	}
	if c.conn.Password != "from-env" || c.Login != "clerk" || c.Server != "db.example.cn:6543/评选2026" {
		t.Errorf("parsed %+v (password %q)", c, c.conn.Password)
	}
	c, err = ParseURL("postgres://clerk:inurl@db/x?sslmode=disable")
	if err != nil || c.conn.TLSConfig != nil || c.conn.Password != "inurl" {
		t.Errorf("sslmode=disable: %v %+v", err, c)
	}
	for _, bad := range []string{"postgres://clerk:pw@db/x?sslmode=sometimes", "postgres://clerk:pw@db:99999/x", "postgres://clerk:pw@db"} {
		_, err := ParseURL(bad)
		if dossier.ErrorCode(err) != dossier.EINVALID || strings.Contains(err.Error(), "pw@") {
			t.Errorf("ParseURL(%q): %v", bad, err)
		}
	}
}

func TestConnectFailuresNameTheServer(t *testing.T) {
	ctx := context.Background()
	_, _, err := Connect(ctx, "postgres://clerk:pw@/x?host=/nonexistent/socket&sslmode=disable", ConnectOptions{Timeout: 2 * time.Second})
	if dossier.ErrorCode(err) != dossier.EUNREACHABLE || !strings.Contains(err.Error(), "无法连接数据库服务器 本机（/nonexistent/socket）/x") {
		t.Errorf("unreachable: %v", err)
	}
	_, _, err = Connect(ctx, "postgres://clerk:pw@127.0.0.1:1/x?sslmode=disable", ConnectOptions{Timeout: 2 * time.Second})
	if dossier.ErrorCode(err) != dossier.EUNREACHABLE || !strings.Contains(err.Error(), "127.0.0.1:1/x") {
		t.Errorf("refused port: %v", err)
	}

	good := pgtest.Database(t)
	u, _ := url.Parse(good)
	u.User = url.UserPassword(pgtest.Superuser, "wrong")
	_, _, err = Connect(ctx, u.String(), ConnectOptions{})
	if dossier.ErrorCode(err) != dossier.EINVALID || !strings.Contains(err.Error(), "拒绝了登录 "+pgtest.Superuser) {
		t.Errorf("wrong password: %v", err)
	}
	u.Path = "/no_such_campaign"
	u.User = url.UserPassword(pgtest.Superuser, pgtest.Password)
	_, _, err = Connect(ctx, u.String(), ConnectOptions{})
	if dossier.ErrorCode(err) != dossier.ENOTFOUND || !strings.Contains(err.Error(), "没有数据库 no_such_campaign") {
		t.Errorf("missing database: %v", err)
	}

	// No password anywhere: the GUI's hook is asked, with the server and login.
	t.Setenv("PGPASSWORD", "")
	t.Setenv("PGPASSFILE", "/nonexistent")
	u, _ = url.Parse(good)
	u.User = url.User(pgtest.Superuser)
	var asked string
	db, cfg, err := Connect(ctx, u.String(), ConnectOptions{Password: func(server, login string) (string, error) {
		asked = server + " " + login
		return pgtest.Password, nil
	}})
	if err != nil {
		t.Fatalf("with the asked password: %v", err)
	}
	defer db.Close()
	if !strings.HasSuffix(asked, "/"+cfg.Database+" "+pgtest.Superuser) {
		t.Errorf("asked %q", asked)
	}
	cancelled := errors.New("用户取消")
	_, _, err = Connect(ctx, u.String(), ConnectOptions{Password: func(string, string) (string, error) { return "", cancelled }})
	if !errors.Is(err, cancelled) {
		t.Errorf("cancelled prompt: %v", err)
	}
	var one int
	if err := db.QueryRow(`SELECT 1`).Scan(&one); err != nil || one != 1 {
		t.Fatal(err)
	}
}
