package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

// dollars is a PostgreSQL-style dialect for the tests of the seam itself.
type dollars struct {
	Dialect
	calls map[string]int
}

func (d *dollars) Rebind(q string) string {
	d.calls[q]++
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (d *dollars) Classify(err error) error { return err }

// Each query text is rebound once, however often it runs.
func TestRebindOncePerQuery(t *testing.T) {
	d := &dollars{calls: map[string]int{}}
	b := &binder{d: d}
	q := `SELECT a FROM t WHERE b = ? AND c = ?`
	for i := 0; i < 3; i++ {
		if got := b.bind(q); got != `SELECT a FROM t WHERE b = $1 AND c = $2` {
			t.Fatalf("bind = %q", got)
		}
	}
	if d.calls[q] != 1 {
		t.Errorf("Rebind called %d times for one query text, want 1", d.calls[q])
	}
}

// A non-domain error becomes 内部错误（操作）, keeping its cause; a domain
// error passes, without the technical prefix wrapped around it; an inner
// method's internal error is named by the outer operation.
func TestWrapSpeaksChinese(t *testing.T) {
	s := &Store{d: &dollars{calls: map[string]int{}}}
	cause := errors.New("pq: connection reset by peer")
	err := s.userError("保存评分", fmt.Errorf("put score: %w", cause))
	if err.Error() != "内部错误（保存评分）" || !errors.Is(err, cause) || dossier.ErrorCode(err) != dossier.EINTERNAL {
		t.Errorf("internal: %q (is cause %v)", err, errors.Is(err, cause))
	}
	if outer := s.userError("计算排名", err); outer.Error() != "内部错误（计算排名）" || !errors.Is(outer, cause) {
		t.Errorf("nested: %q", outer)
	}
	dom := dossier.Errorf(dossier.ECONFLICT, "申报编号“A-1”已存在")
	if got := s.userError("新增单位", fmt.Errorf("insert unit: %w", dom)); got != error(dom) {
		t.Errorf("domain error came back as %q", got)
	}
	stale := &dossier.StaleError{What: "评委“张敏”"}
	var se *dossier.StaleError
	if got := s.userError("保存评委", fmt.Errorf("update: %w", stale)); !errors.As(got, &se) || se != stale {
		t.Errorf("stale error came back as %T %v", got, got)
	}
	if got := s.userError("读取单位", context.Canceled); !errors.Is(got, context.Canceled) || strings.Contains(got.Error(), "context") {
		t.Errorf("cancelled: %q", got)
	}
}
