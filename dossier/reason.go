package dossier

import (
	"context"
	"strings"
)

type reasonKey struct{}

// WithReason returns a context carrying the reason for a change of the
// scoring rule. Once scoring is open, the store refuses a rule change
// (categories, trim threshold, tie-breaks, quota, evaluators, 回避) whose
// context carries no reason; the reason is kept in the history and the
// score log. It travels in the context so that every existing store method
// takes one without a new parameter.
func WithReason(ctx context.Context, reason string) context.Context {
	return context.WithValue(ctx, reasonKey{}, strings.TrimSpace(reason))
}

// ReasonFrom returns the reason WithReason put in ctx, or "".
func ReasonFrom(ctx context.Context) string {
	r, _ := ctx.Value(reasonKey{}).(string)
	return r
}

// ErrRuleLocked is the message for a rule change without a reason once
// scoring is open.
const ErrRuleLocked = "评分已开始，修改评分规则须说明理由（--reason）"
