package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
)

// scoringBar shows where scoring stands, opens and closes it, and once it
// is open holds the reason every change of the scoring rule needs (the
// store refuses a rule change without one; see dossier.WithReason).
type scoringBar struct {
	s      *session
	box    *fyne.Container
	state  *widget.Label
	reason *widget.Entry
	open   *widget.Button
	close  *widget.Button
}

func newScoringBar(s *session) *scoringBar {
	b := &scoringBar{s: s, state: widget.NewLabel(""), reason: widget.NewEntry()}
	b.reason.SetPlaceHolder("修改评分规则或重新开始评分的理由")
	b.open = widget.NewButton("开始评分", func() { b.run(true) })
	b.close = widget.NewButton("结束评分", func() { b.run(false) })
	b.box = container.NewBorder(nil, nil, b.state, container.NewHBox(b.open, b.close), b.reason)
	b.refresh()
	return b
}

func (b *scoringBar) run(open bool) {
	var err error
	if open {
		err = b.s.store.OpenScoring(b.s.ctx, b.reason.Text)
	} else {
		err = b.s.store.CloseScoring(b.s.ctx, b.reason.Text)
	}
	if err != nil {
		b.s.errs.set("scoring", "评分状态", "未能"+map[bool]string{true: "开始", false: "结束"}[open]+"评分："+dossier.ErrorMessage(err), nil)
		return
	}
	b.s.errs.clear("scoring")
	b.refresh()
	b.s.note(b.state.Text)
}

// refresh shows the stored state: the reason field only matters (and only
// shows) once scoring has begun.
func (b *scoringBar) refresh() {
	st, err := b.s.store.Scoring(b.s.ctx)
	if err != nil {
		return
	}
	text := st.Label
	if st.State != "draft" {
		text += "（规则指纹 " + st.Fingerprint[:min(16, len(st.Fingerprint))] + "，修改评分规则须填写理由）"
	}
	b.state.SetText(text)
	b.open.Hidden = st.State == "open"
	b.close.Hidden = st.State != "open"
	b.reason.Hidden = st.State == "draft"
	b.box.Refresh()
}

// ruleCtx is the context for a write that may change the scoring rule: it
// carries the reason typed in the scoring bar.
func (s *session) ruleCtx() context.Context {
	if s.scoring == nil {
		return s.ctx
	}
	return dossier.WithReason(s.ctx, s.scoring.reason.Text)
}
