package storetest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

// testInternalErrorsSpeakChinese: a failure that is no rule of the
// campaign (here: reading a closed campaign) reaches the user as
// 内部错误（操作）, the technical cause kept in the chain; a domain error
// passes unchanged.
func testInternalErrorsSpeakChinese(t *testing.T, ad Adapter) {
	ctx := context.Background()
	s := ad.newStore(t)
	if err := s.AddEvaluator(ctx, &dossier.Evaluator{Name: "张敏"}); err != nil {
		t.Fatal(err)
	}
	// A domain error: the store's own Chinese message, unchanged.
	err := s.AddEvaluator(ctx, &dossier.Evaluator{Name: "张敏"})
	var de *dossier.Error
	if !errors.As(err, &de) || de.Code != dossier.ECONFLICT || strings.Contains(err.Error(), "内部错误") {
		t.Fatalf("duplicate evaluator: %v (%T)", err, err)
	}
	ev, _ := s.Evaluators(ctx)
	stale := ev[0]
	ev[0].Affiliation = "河南大学"
	if err := s.UpdateEvaluator(ctx, &ev[0]); err != nil {
		t.Fatal(err)
	}
	stale.Affiliation = "郑州大学"
	var se *dossier.StaleError
	if err := s.UpdateEvaluator(ctx, &stale); !errors.As(err, &se) || se.What == "" {
		t.Fatalf("stale write: %v (%T), want a *dossier.StaleError", err, err)
	}

	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = s.Campaign(ctx)
	if err == nil {
		t.Fatal("a closed campaign was read")
	}
	if got, want := dossier.ErrorMessage(err), "内部错误（读取评选设置）"; got != want {
		t.Errorf("closed campaign read: message %q, want %q", got, want)
	}
	if err.Error() != "内部错误（读取评选设置）" {
		t.Errorf("err.Error() = %q: English reaches the user", err.Error())
	}
	if dossier.ErrorCode(err) != dossier.EINTERNAL || errors.Unwrap(err) == nil {
		t.Errorf("closed campaign read: code %q, cause %v; want internal with its cause kept", dossier.ErrorCode(err), errors.Unwrap(err))
	}
	if _, err := s.Units(ctx); dossier.ErrorMessage(err) != "内部错误（读取单位）" {
		t.Errorf("closed campaign, units: %q", dossier.ErrorMessage(err))
	}
	if _, _, err := s.Rank(ctx); dossier.ErrorMessage(err) != "内部错误（计算排名）" {
		t.Errorf("closed campaign, rank: %q", dossier.ErrorMessage(err))
	}
}
