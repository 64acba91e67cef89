package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/dossier-app/dossier/dossier"
)

// The score log is a hash chain: record n holds its canonical content (JSON,
// with its own sequence number and time) and the hash of record n-1; its hash
// is SHA-256 of that previous hash, a line feed and the content. Every
// transaction that changes a score, a decision or the rule's fingerprint
// appends records in the same transaction. What changed is captured by the
// dialect (Dialect.ArmCapture: temporary triggers on SQLite's writing
// connection), so no write path can forget the log, while a write from
// another program (sqlite3) is captured by none of them and shows up in
// verify as a score the log does not replay to.

// genesisPrev is the "previous hash" of the first record.
var genesisPrev = strings.Repeat("0", 64)

// Scoring states, as stored and as logged.
const (
	stateDraft  = "draft"
	stateOpen   = "open"
	stateClosed = "closed"
)

// logRecord is the canonical content of a score log record. Field order and
// names are part of the file format.
type logRecord struct {
	Seq     int64    `json:"seq"`
	At      string   `json:"at"`
	Kind    string   `json:"kind"` // genesis, open, close, rule, scores, decisions
	Actions []string `json:"actions,omitempty"`
	Reason  string   `json:"reason,omitempty"`
	// Implicit marks scoring opened by the first score recorded.
	Implicit bool `json:"implicit,omitempty"`
	// State and Fingerprint are the scoring state and rule fingerprint
	// after this record.
	State       string        `json:"state"`
	Fingerprint string        `json:"fingerprint"`
	Before      string        `json:"fingerprint_before,omitempty"`
	Scores      []logScore    `json:"scores,omitempty"`
	Decisions   []logDecision `json:"decisions,omitempty"`
}

// logScore is one score's change by IDs: Old or New nil when absent.
type logScore struct {
	Evaluator string `json:"e"`
	Unit      string `json:"u"`
	Category  string `json:"c"`
	Old       *int64 `json:"old"`
	New       *int64 `json:"new"`
}

// logDecision is a unit's committee decision after the record; Recommended
// nil when the decision was withdrawn.
type logDecision struct {
	Unit        string `json:"u"`
	Recommended *bool  `json:"recommended"`
	Reason      string `json:"reason,omitempty"`
}

func chainHash(prev, content string) string {
	sum := sha256.Sum256([]byte(prev + "\n" + content))
	return hex.EncodeToString(sum[:])
}

// armLog readies the log for one write transaction and returns the last
// history id, so sealLog can name the actions the transaction recorded.
func (s *Store) armLog(ctx context.Context, tx *Tx) (int64, error) {
	if err := s.d.ArmCapture(ctx, tx); err != nil {
		return 0, fmt.Errorf("arm score log: %w", err)
	}
	var mark int64
	err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM history`).Scan(&mark)
	return mark, err
}

type scoringRow struct {
	state, fingerprint, head string
	headSeq                  int64
}

func readScoring(ctx context.Context, q Querier) (scoringRow, error) {
	var r scoringRow
	err := q.QueryRowContext(ctx, `SELECT state, fingerprint, head_seq, head FROM scoring`).Scan(&r.state, &r.fingerprint, &r.headSeq, &r.head)
	return r, err
}

// fingerprintTx computes the rule fingerprint from what tx sees.
func fingerprintTx(ctx context.Context, q Querier) (string, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM campaign`).Scan(&n); err != nil || n == 0 {
		return "", err // a file being created has no rule yet
	}
	b, err := readRuleBook(ctx, q)
	if err != nil {
		return "", err
	}
	return dossier.Fingerprint(b), nil
}

func readRuleBook(ctx context.Context, q Querier) (*dossier.Book, error) {
	b, err := readFrame(ctx, q)
	if err != nil {
		return nil, err
	}
	if b.Evaluators, err = readEvaluators(ctx, q); err != nil {
		return nil, err
	}
	if b.Overrides, err = readOverrides(ctx, q); err != nil {
		return nil, err
	}
	return b, nil
}

// appendLog assigns rec its place in the chain and stores it.
func (s *Store) appendLog(ctx context.Context, tx *Tx, st *scoringRow, rec *logRecord) error {
	rec.Seq = st.headSeq + 1
	rec.At = s.stamp()
	rec.State, rec.Fingerprint = st.state, st.fingerprint
	content, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	prev := st.head
	if rec.Seq == 1 {
		prev = genesisPrev
	}
	h := chainHash(prev, string(content))
	if _, err := tx.ExecContext(ctx, `INSERT INTO score_log (seq, at, kind, content, prev, hash) VALUES (?, ?, ?, ?, ?, ?)`,
		rec.Seq, rec.At, rec.Kind, string(content), prev, h); err != nil {
		return err
	}
	st.headSeq, st.head = rec.Seq, h
	_, err = tx.ExecContext(ctx, `UPDATE scoring SET state = ?, fingerprint = ?, head_seq = ?, head = ?`, st.state, st.fingerprint, st.headSeq, st.head)
	return err
}

// sealLog turns what the triggers noted into log records: a rule change
// (refused without a reason once scoring is open), scoring opened by the
// first score, the score changes (refused once scoring is closed), the
// decisions.
func (s *Store) sealLog(ctx context.Context, tx *Tx, mark int64) error {
	c, err := s.d.Captured(ctx, tx)
	if err != nil {
		return err
	}
	scores, decisions, dirty := collapseScores(c.Scores), collapseDecisions(c.Decisions), c.Dirty
	reason := dossier.ReasonFrom(ctx)
	st, err := readScoring(ctx, tx)
	if err != nil {
		return err
	}
	if st.state == stateDraft {
		// Before scoring opens the rule is free: its fingerprint is taken
		// when scoring opens, not at every import or edit (which would read
		// every unit once per imported unit).
		dirty = nil
	} else if len(dirty) == 1 && dirty[0] == "unit" {
		// Units enter the rule only through 回避 pairs: with no evaluator,
		// skip reading every unit.
		var evs int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM evaluator`).Scan(&evs); err != nil {
			return err
		}
		if evs == 0 {
			dirty = nil
		}
	}
	if len(scores) == 0 && len(decisions) == 0 && len(dirty) == 0 {
		return nil
	}
	actions, err := actionsSince(ctx, tx, mark)
	if err != nil {
		return err
	}
	if len(dirty) > 0 {
		fp, err := fingerprintTx(ctx, tx)
		if err != nil {
			return err
		}
		if fp != st.fingerprint {
			// A unit's own data (a new unit, a region edited by import)
			// can change the automatic 回避 pairs: that is logged and kept
			// in the history, but is no rule change a clerk must justify.
			ruleEdit := dirty[0] == "rule"
			if st.state != stateDraft && ruleEdit && reason == "" {
				return dossier.Errorf(dossier.EINVALID, "%s", dossier.ErrRuleLocked)
			}
			before := st.fingerprint
			st.fingerprint = fp
			if err := s.appendLog(ctx, tx, &st, &logRecord{Kind: "rule", Actions: actions, Reason: reason, Before: before}); err != nil {
				return err
			}
			if st.state != stateDraft {
				why := reason
				if why == "" {
					why = "单位信息变化，自动回避随之改变"
				}
				if err := s.record(ctx, tx, change{action: dossier.ActionRuleChange, subject: "评分规则",
					before: []string{"规则指纹：" + before}, after: []string{"规则指纹：" + fp},
					detail: fmt.Sprintf("评分开始后修改评分规则：指纹 %s → %s；理由：%s", before[:min(16, len(before))], fp[:16], why)}); err != nil {
					return err
				}
			}
		}
	}
	if len(scores) > 0 {
		switch st.state {
		case stateClosed:
			return dossier.Errorf(dossier.EINVALID, "评分已结束，评分只读；如需修改，请先说明理由重新开启评分（scoring open --reason）")
		case stateDraft:
			st.state = stateOpen
			if st.fingerprint, err = fingerprintTx(ctx, tx); err != nil {
				return err
			}
			if err := s.appendLog(ctx, tx, &st, &logRecord{Kind: "open", Implicit: true}); err != nil {
				return err
			}
			if err := s.record(ctx, tx, change{action: dossier.ActionScoringOpen, subject: "评分",
				detail: "记录第一项评分，评分随之开始，评分规则自此锁定（规则指纹 " + st.fingerprint + "）"}); err != nil {
				return err
			}
		}
		if err := s.appendLog(ctx, tx, &st, &logRecord{Kind: "scores", Actions: actions, Scores: scores}); err != nil {
			return err
		}
	}
	if len(decisions) > 0 {
		if err := s.appendLog(ctx, tx, &st, &logRecord{Kind: "decisions", Actions: actions, Decisions: decisions}); err != nil {
			return err
		}
	}
	return nil
}

func actionsSince(ctx context.Context, tx *Tx, mark int64) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT action FROM history WHERE id > ? ORDER BY action`, mark)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// collapseScores turns the captured score rows into, per score, its value
// before the transaction and after it: those that changed, sorted by IDs.
func collapseScores(rows []ScoreChange) []logScore {
	type key struct{ e, u, c string }
	seen := map[key]*logScore{}
	var order []key
	for _, r := range rows {
		k := key{r.Evaluator, r.Unit, r.Category}
		ls, ok := seen[k]
		if !ok {
			ls = &logScore{Evaluator: k.e, Unit: k.u, Category: k.c, Old: r.Old}
			seen[k] = ls
			order = append(order, k)
		}
		ls.New = r.New
	}
	var out []logScore
	for _, k := range order {
		ls := seen[k]
		if !sameInt(ls.Old, ls.New) {
			out = append(out, *ls)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Unit != b.Unit {
			return a.Unit < b.Unit
		}
		if a.Evaluator != b.Evaluator {
			return a.Evaluator < b.Evaluator
		}
		return a.Category < b.Category
	})
	return out
}

// collapseDecisions keeps each unit's last captured decision, sorted by
// unit.
func collapseDecisions(rows []DecisionChange) []logDecision {
	last := map[string]logDecision{}
	for _, r := range rows {
		d := logDecision{Unit: r.Unit}
		if r.Recommended != nil {
			v := *r.Recommended
			d.Recommended, d.Reason = &v, r.Reason
		}
		last[d.Unit] = d
	}
	var out []logDecision
	for _, d := range last {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Unit < out[j].Unit })
	return out
}

func sameInt(a, b *int64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// genesis writes the first record of a file that had no log: the scores and
// decisions it holds, the rule's fingerprint, and scoring open (implicitly)
// when there are scores already. It runs in the migration's transaction.
func (s *Store) genesis(ctx context.Context, tx *Tx) error {
	st := scoringRow{state: stateDraft}
	rec := logRecord{Kind: "genesis"}
	rows, err := tx.QueryContext(ctx, `SELECT evaluator_id, unit_id, category_id, tenths FROM score ORDER BY unit_id, evaluator_id, category_id`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var ls logScore
		var v int64
		if err := rows.Scan(&ls.Evaluator, &ls.Unit, &ls.Category, &v); err != nil {
			rows.Close()
			return err
		}
		ls.New = &v
		rec.Scores = append(rec.Scores, ls)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = tx.QueryContext(ctx, `SELECT unit_id, recommended, reason FROM decision ORDER BY unit_id`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var d logDecision
		var v bool
		if err := rows.Scan(&d.Unit, &v, &d.Reason); err != nil {
			rows.Close()
			return err
		}
		d.Recommended = &v
		rec.Decisions = append(rec.Decisions, d)
	}
	rows.Close()
	if len(rec.Scores) > 0 {
		st.state, rec.Implicit = stateOpen, true
		if st.fingerprint, err = fingerprintTx(ctx, tx); err != nil {
			return err
		}
	}
	return s.appendLog(ctx, tx, &st, &rec)
}

// reasonOr gives ctx the reason r for a rule change unless it has one.
func reasonOr(ctx context.Context, r string) context.Context {
	if dossier.ReasonFrom(ctx) != "" {
		return ctx
	}
	return dossier.WithReason(ctx, r)
}
