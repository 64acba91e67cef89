package store

import (
	"context"
	"strings"

	"github.com/dossier-app/dossier/dossier"
)

// ScoringStatus is where scoring stands and what the score log ends with.
type ScoringStatus struct {
	State       string // "draft" (not open yet), "open" or "closed"
	Label       string // the state in Chinese
	Fingerprint string // the rule's fingerprint, 64 hex digits (locked once open)
	Head        string // hash of the last log record, 64 hex digits
	Records     int64  // number of log records
}

// StateLabel is the Chinese wording of a scoring state.
func StateLabel(state string) string {
	switch state {
	case stateOpen:
		return "评分进行中"
	case stateClosed:
		return "评分已结束"
	}
	return "评分未开始"
}

// Scoring reads the scoring state, the rule fingerprint and the log head.
func (s *Store) Scoring(ctx context.Context) (_ ScoringStatus, err error) {
	defer s.wrap(&err, "读取评分状态")
	r, err := readScoring(ctx, s.r)
	if err != nil {
		return ScoringStatus{}, err
	}
	if r.state == stateDraft {
		// Not locked yet: the fingerprint the rule has now.
		if r.fingerprint, err = fingerprintTx(ctx, s.r); err != nil {
			return ScoringStatus{}, err
		}
	}
	return ScoringStatus{State: r.state, Label: StateLabel(r.state), Fingerprint: r.fingerprint, Head: r.head, Records: r.headSeq}, nil
}

// OpenScoring opens scoring and locks the rule: from now on a rule change
// needs a reason. Reopening closed scoring needs a reason too.
func (s *Store) OpenScoring(ctx context.Context, reason string) (err error) {
	defer s.wrap(&err, "开启评分")
	reason = strings.TrimSpace(reason)
	return s.tx(ctx, func(tx *Tx) error {
		st, err := readScoring(ctx, tx)
		if err != nil {
			return err
		}
		if st.state == stateDraft {
			if st.fingerprint, err = fingerprintTx(ctx, tx); err != nil {
				return err
			}
		}
		detail := "评分开始，评分规则自此锁定（规则指纹 " + st.fingerprint + "）"
		switch st.state {
		case stateOpen:
			return dossier.Errorf(dossier.EINVALID, "评分已经开始，无需再次开启")
		case stateClosed:
			if reason == "" {
				return dossier.Errorf(dossier.EINVALID, "评分已结束，重新开启评分须说明理由（--reason）")
			}
			detail = "重新开启评分，理由：" + reason
		}
		st.state = stateOpen
		if err := s.appendLog(ctx, tx, &st, &logRecord{Kind: "open", Reason: reason}); err != nil {
			return err
		}
		return s.record(ctx, tx, change{action: dossier.ActionScoringOpen, subject: "评分", detail: detail})
	})
}

// CloseScoring ends scoring: scores are read-only until it is reopened
// with a reason. Decisions may still be recorded.
func (s *Store) CloseScoring(ctx context.Context, reason string) (err error) {
	defer s.wrap(&err, "结束评分")
	reason = strings.TrimSpace(reason)
	return s.tx(ctx, func(tx *Tx) error {
		st, err := readScoring(ctx, tx)
		if err != nil {
			return err
		}
		switch st.state {
		case stateDraft:
			return dossier.Errorf(dossier.EINVALID, "评分尚未开始，无法结束评分")
		case stateClosed:
			return dossier.Errorf(dossier.EINVALID, "评分已经结束")
		}
		st.state = stateClosed
		if err := s.appendLog(ctx, tx, &st, &logRecord{Kind: "close", Reason: reason}); err != nil {
			return err
		}
		detail := "评分结束，评分自此只读"
		if reason != "" {
			detail += "；说明：" + reason
		}
		return s.record(ctx, tx, change{action: dossier.ActionScoringClose, subject: "评分", detail: detail})
	})
}
