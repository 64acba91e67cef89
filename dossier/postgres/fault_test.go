package postgres

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/internal/pgtest"
)

// The server going away mid-session: the next write fails with a Chinese
// message naming the server, as code EUNREACHABLE, and nothing is half
// written.
func TestServerGoneMidSession(t *testing.T) {
	pgtest.Shared(t) // skips without PostgreSQL, as every test here
	own, err := pgtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	stopped := false
	defer func() {
		if !stopped {
			own.Stop()
		}
	}()
	ctx := context.Background()
	name, err := own.CreateDatabase(ctx, "gone")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Create(ctx, own.URL(name, pgtest.Superuser, pgtest.Password), CreateOptions{
		Campaign: dossier.Campaign{Title: "断线测试"}, Categories: []dossier.Category{{Name: "优化扩充工程", Max: 200}}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.AddEvaluator(ctx, &dossier.Evaluator{Name: "张三"}); err != nil {
		t.Fatal(err)
	}
	own.Stop()
	stopped = true
	err = s.AddEvaluator(ctx, &dossier.Evaluator{Name: "李四"})
	if dossier.ErrorCode(err) != dossier.EUNREACHABLE || !strings.Contains(err.Error(), "与数据库服务器 本机（") || !strings.Contains(err.Error(), "修改未保存") {
		t.Fatalf("write with the server gone: %v (%s)", err, dossier.ErrorCode(err))
	}
}
