package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/dossier-app/dossier/dossier"
)

// Verification is what replaying the score log found.
type Verification struct {
	OK          bool
	Records     int64  // records read
	Head        string // hash of the last record (64 hex digits)
	Fingerprint string // the rule fingerprint the log ends with
	State       string // the scoring state the log ends with
	// BadRecord is the sequence number of the first record that breaks,
	// 0 when the log is intact or the fault is in no single record.
	BadRecord int64
	Problem   string // Chinese, "" when OK
}

type scoreKey struct{ e, u, c string }

type replayed struct {
	value int64
	seq   int64 // the record that last wrote it
}

// Verify recomputes the score log's hash chain, replays it and checks that
// the stored scores, decisions, scoring state and rule equal the replay.
// It reads only, so it works on a campaign opened read-only.
func (s *Store) Verify(ctx context.Context) (_ *Verification, err error) {
	defer s.wrap(&err, "校验评分记录")
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	defer tx.Rollback()
	b, err := readRuleBook(ctx, tx)
	if err != nil {
		return nil, err
	}
	v := &Verification{}
	bad := func(seq int64, format string, args ...any) (*Verification, error) {
		v.BadRecord, v.Problem = seq, fmt.Sprintf(format, args...)
		return v, nil
	}
	var stored int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM score`).Scan(&stored); err != nil {
		return nil, err
	}
	scores := make(map[scoreKey]replayed, stored) // sized once: no rehashing while replaying
	decisions := map[string]logDecision{}
	rows, err := tx.QueryContext(ctx, `SELECT seq, content, prev, hash FROM score_log ORDER BY seq`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	prevHash, want := genesisPrev, int64(1)
	var last logRecord
	for rows.Next() {
		var seq int64
		var content, prev, hash string
		if err := rows.Scan(&seq, &content, &prev, &hash); err != nil {
			return nil, err
		}
		switch {
		case seq > want:
			return bad(want, "评分记录第 %d 条缺失（其后直接是第 %d 条）：记录被删除", want, seq)
		case prev != prevHash:
			return bad(seq, "评分记录第 %d 条所接的前一条哈希与第 %d 条不符：记录被删除、插入、调换或改动", seq, seq-1)
		case chainHash(prev, content) != hash:
			return bad(seq, "评分记录第 %d 条的内容与其哈希不符：记录被改动", seq)
		}
		var rec logRecord
		if err := json.Unmarshal([]byte(content), &rec); err != nil {
			return bad(seq, "评分记录第 %d 条无法读取：记录被改动", seq)
		}
		if rec.Seq != seq {
			return bad(seq, "评分记录第 %d 条的内容写的是第 %d 条：记录被调换或移动", seq, rec.Seq)
		}
		for _, ls := range rec.Scores {
			k := scoreKey{ls.Evaluator, ls.Unit, ls.Category}
			cur, ok := scores[k]
			var curp *int64
			if ok {
				curp = &cur.value
			}
			if !sameInt(curp, ls.Old) {
				return bad(seq, "评分记录第 %d 条记载%s原为 %s，而此前的记录重放为 %s：记录链不一致", seq, scoreName(b, k), showLogged(ls.Old), showLogged(curp))
			}
			if ls.New == nil {
				delete(scores, k)
			} else {
				scores[k] = replayed{*ls.New, seq}
			}
		}
		for _, d := range rec.Decisions {
			if d.Recommended == nil {
				delete(decisions, d.Unit)
			} else {
				decisions[d.Unit] = d
			}
		}
		last, prevHash, want = rec, hash, seq+1
		v.Records, v.Head = seq, hash
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	v.Fingerprint, v.State = last.Fingerprint, last.State
	if v.Records == 0 {
		return bad(0, "评分记录为空：记录被删除")
	}
	st, err := readScoring(ctx, tx)
	if err != nil {
		return nil, err
	}
	if st.headSeq != v.Records || st.head != v.Head {
		if st.headSeq > v.Records {
			return bad(v.Records+1, "评分记录第 %d 条起缺失（记录链应到第 %d 条）：记录被删除", v.Records+1, st.headSeq)
		}
		return bad(st.headSeq+1, "评分记录第 %d 条在链头（第 %d 条）之后，不是本软件写入的：记录被插入", st.headSeq+1, st.headSeq)
	}
	if st.state != last.State {
		return bad(last.Seq, "评分状态为“%s”，而评分记录第 %d 条之后应为“%s”：状态被绕过软件改动", StateLabel(st.state), last.Seq, StateLabel(last.State))
	}
	fp := dossier.Fingerprint(b)
	if last.State == stateDraft {
		v.Fingerprint = fp // not locked yet: the rule as it stands
	} else if fp != last.Fingerprint {
		return bad(0, "当前评分规则的指纹 %s 与评分记录第 %d 条记载的 %s 不符：评分规则被绕过软件改动", fp[:16], last.Seq, short(last.Fingerprint))
	}
	if p, seq, err := compareScores(ctx, tx, b, scores); err != nil || p != "" {
		if err != nil {
			return nil, err
		}
		return bad(seq, "%s", p)
	}
	if p, err := compareDecisions(ctx, tx, b, decisions); err != nil || p != "" {
		if err != nil {
			return nil, err
		}
		return bad(0, "%s", p)
	}
	v.OK = true
	return v, nil
}

// compareScores finds the first stored score (in unit, evaluator, category
// order) that differs from the replay, and the record that last wrote it.
func compareScores(ctx context.Context, tx *Tx, b *dossier.Book, want map[scoreKey]replayed) (string, int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT evaluator_id, unit_id, category_id, tenths FROM score`)
	if err != nil {
		return "", 0, err
	}
	defer rows.Close()
	type diff struct {
		k        scoreKey
		got, was *int64
		seq      int64
	}
	var diffs []diff
	seen := 0
	for rows.Next() {
		var k scoreKey
		var t int64
		if err := rows.Scan(&k.e, &k.u, &k.c, &t); err != nil {
			return "", 0, err
		}
		r, ok := want[k]
		switch {
		case !ok:
			diffs = append(diffs, diff{k: k, got: &t})
		case r.value != t:
			was := r.value
			diffs = append(diffs, diff{k, &t, &was, r.seq})
			seen++
		default:
			seen++
		}
	}
	if err := rows.Err(); err != nil {
		return "", 0, err
	}
	if seen < len(want) {
		have := map[scoreKey]bool{}
		for _, d := range diffs {
			have[d.k] = true
		}
		rows.Close()
		present, err := storedKeys(ctx, tx)
		if err != nil {
			return "", 0, err
		}
		for k, r := range want {
			if !present[k] {
				was := r.value
				diffs = append(diffs, diff{k: k, was: &was, seq: r.seq})
			}
		}
	}
	if len(diffs) == 0 {
		return "", 0, nil
	}
	codes := make(map[string]string, len(b.Units))
	for _, u := range b.Units {
		codes[u.ID] = u.Code
	}
	sort.Slice(diffs, func(i, j int) bool {
		a, c := diffs[i].k, diffs[j].k
		if a.u != c.u {
			return codes[a.u] < codes[c.u]
		}
		if a.e != c.e {
			return a.e < c.e
		}
		return a.c < c.c
	})
	d := diffs[0]
	by := "没有任何评分记录写过该评分"
	if d.seq > 0 {
		by = fmt.Sprintf("最后由评分记录第 %d 条写入", d.seq)
	}
	more := ""
	if len(diffs) > 1 {
		more = fmt.Sprintf("；另有 %d 项评分同样不符", len(diffs)-1)
	}
	return fmt.Sprintf("%s现为 %s，而评分记录重放为 %s（%s）：评分被绕过软件改动%s", scoreName(b, d.k), showLogged(d.got), showLogged(d.was), by, more), d.seq, nil
}

func storedKeys(ctx context.Context, tx *Tx) (map[scoreKey]bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT evaluator_id, unit_id, category_id FROM score`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[scoreKey]bool{}
	for rows.Next() {
		var k scoreKey
		if err := rows.Scan(&k.e, &k.u, &k.c); err != nil {
			return nil, err
		}
		out[k] = true
	}
	return out, rows.Err()
}

func compareDecisions(ctx context.Context, tx *Tx, b *dossier.Book, want map[string]logDecision) (string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT unit_id, recommended, reason FROM decision ORDER BY unit_id`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id, reason string
		var rec bool
		if err := rows.Scan(&id, &rec, &reason); err != nil {
			return "", err
		}
		d, ok := want[id]
		if !ok || *d.Recommended != rec || d.Reason != reason {
			return fmt.Sprintf("单位 %s 的评委会决定与评分记录不符：决定被绕过软件改动", unitCode(b, id)), nil
		}
		n++
	}
	if n != len(want) {
		return "评分记录中有评委会决定已不在文件中：决定被绕过软件删除", nil
	}
	return "", rows.Err()
}

func unitCode(b *dossier.Book, id string) string {
	if u := b.Unit(id); u != nil {
		return u.Code
	}
	return id
}

func scoreName(b *dossier.Book, k scoreKey) string {
	ev, cat := k.e, k.c
	if e := b.Evaluator(k.e); e != nil {
		ev = e.Name
	}
	if c := b.Category(k.c); c != nil {
		cat = c.Name
	}
	return fmt.Sprintf("评委“%s”对单位 %s“%s”的评分", ev, unitCode(b, k.u), cat)
}

func showLogged(v *int64) string {
	if v == nil {
		return "空"
	}
	return dossier.Tenths(*v).String()
}

// short is the first 16 digits of a hash, as paper shows it.
func short(h string) string { return h[:min(16, len(h))] }
