package ui

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

func TestHistory(t *testing.T) {
	a, p := newTestApp(t)
	s := newTestCampaign(t, a)
	ctx := context.Background()
	a.ShowScreen(ScreenImport)
	it := s.screen(ScreenImport).(*importTab)
	dir := t.TempDir()

	// Import a unit, then re-import it from another file with a new title
	// and a long summary (whose change makes a long history entry).
	base := map[string]map[string]string{
		"基本信息": {"B1": "2022-0101", "B2": "新乡市教育局", "B3": "新乡市", "B8": "新乡市推进义务教育优质均衡发展"},
		"事迹材料": {"B2": "坚持“增学位、补短板”", "C2": "新建学校 12 所。\n新增学位 2.1 万个。"},
		"量化指标": {"D2": "2.1万"},
	}
	first := fillTemplate(t, it, dir, "新乡市教育局.xlsx", base)
	base["基本信息"]["B8"] = "新乡市全面推进义务教育学校标准化建设"
	base["基本信息"]["B9"] = strings.Repeat("新乡市坚持以人民为中心的发展思想，统筹推进学校标准化建设。", 8)
	second := fillTemplate(t, it, dir, "新乡市教育局（修改稿）.xlsx", base)
	for _, f := range []string{first, second} {
		p.open = f
		it.addFiles.OnTapped()
		s.jobs.Wait()
		it.commit.OnTapped()
		s.jobs.Wait()
	}
	if !strings.Contains(it.state.Text, "更新 1 个单位") {
		t.Fatalf("re-import: %q", it.state.Text)
	}
	u, err := s.store.UnitByCode(ctx, "2022-0101")
	if err != nil || u.Revision != 2 {
		t.Fatalf("unit after re-import: rev %d, %v", u.Revision, err)
	}

	t.Run("the unit's history lists both imports", func(t *testing.T) {
		a.ShowScreen(ScreenUnits)
		ut := s.screen(ScreenUnits).(*unitsTab)
		ut.open(u.ID)
		if !strings.Contains(ut.editor.sub.Text, "第 2 版") {
			t.Errorf("editor header %q", ut.editor.sub.Text)
		}
		// An edit of the basic information is recorded as just that.
		ut.editor.phone.SetText("0373-1234567")
		ut.editor.phone.FocusLost()
		h := ut.editor.showHistory()
		s.jobs.Wait()
		ev := h.list.all
		if len(ev) != 3 || ev[0].Action != "unit.update" || ev[1].Action != "import.update" || ev[2].Action != "import.new" {
			t.Fatalf("history %+v", ev)
		}
		if ev[0].Detail != "联系电话：“”→“0373-1234567”" {
			t.Errorf("edit recorded as %q", ev[0].Detail)
		}
		ev = ev[1:]
		if baseName(ev[0].Source) != "新乡市教育局（修改稿）.xlsx" || baseName(ev[1].Source) != "新乡市教育局.xlsx" {
			t.Errorf("sources %q, %q", ev[0].Source, ev[1].Source)
		}
		shown := texts(h.list.list)
		for _, want := range []string{"重新导入", "导入新单位", "新乡市教育局（修改稿）.xlsx", "事迹标题"} {
			if !contains(shown, want) {
				t.Errorf("history list lacks %q: %q", want, shown)
			}
		}
		stamp := regexp.MustCompile(`^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$`)
		if got := localTime(ev[0].At, "2006-01-02 15:04"); !stamp.MatchString(got) || !contains(shown, got) || got != ev[0].At.Local().Format("2006-01-02 15:04") {
			t.Errorf("time %q not shown as local time: %q", got, shown)
		}
		// A long entry is shown whole when selected.
		h.list.list.Select(1)
		if !strings.Contains(h.list.detail.Text, ev[0].Detail) || !strings.Contains(h.list.detail.Text, "来源文件：") {
			t.Errorf("detail %q", h.list.detail.Text)
		}

		if len(h.revs) != 1 || h.revs[0].Revision != 1 {
			t.Fatalf("revisions %+v", h.revs)
		}
		if h.from[0] != first {
			t.Errorf("revision 1 came from %q, want %q", h.from[0], first)
		}
		if h.revTab.Text != "历史版本（1）" || h.tabs.Items[0].Text != "修改记录（3）" {
			t.Errorf("tabs %q, %q", h.tabs.Items[0].Text, h.revTab.Text)
		}
		h.tabs.Select(h.revTab)
		rows := texts(h.revL)
		if !contains(rows, "第 1 版") || !contains(rows, "来源：新乡市教育局.xlsx") || !contains(rows, "重新导入 新乡市教育局（修改稿）.xlsx 前保存") {
			t.Errorf("revision row %q", rows)
		}
		h.openRevision(0)
		if !strings.Contains(overlayTexts(a), "第 1 版（只读）") {
			t.Error("revision 1 not opened")
		}
		page := strings.Join(texts(h.page), "\n")
		for _, want := range []string{"新乡市推进义务教育优质均衡发展", "坚持“增学位、补短板”", "新增学位 2.1 万个。"} {
			if !strings.Contains(page, want) {
				t.Errorf("revision view lacks %q:\n%s", want, page)
			}
		}
		if strings.Contains(page, "新乡市全面推进义务教育学校标准化建设") {
			t.Error("revision view shows the current title")
		}
		h.shown.Hide()
		h.dlg.Hide()
	})

	t.Run("the campaign's history", func(t *testing.T) {
		if !a.ShowScreen(ScreenHistory) || s.history == nil {
			t.Fatal("history not shown")
		}
		h := s.history
		s.jobs.Wait()
		var actions []string
		for _, e := range h.list.all {
			actions = append(actions, e.Action)
		}
		got := strings.Join(actions, " ")
		if !strings.HasPrefix(got, "unit.update import.update import.new") || !strings.HasSuffix(got, "campaign.create") {
			t.Errorf("actions %s", got)
		}
		if !contains(texts(h.list.list), "2022-0101 新乡市教育局") || !contains(texts(h.list.list), "创建评选活动") {
			t.Errorf("list %q", texts(h.list.list))
		}
		h.list.search.SetText("修改稿")
		if len(h.list.shown) != 1 || h.list.all[h.list.shown[0]].Action != "import.update" || h.list.count.Text != "显示 1 条，共 "+fmt.Sprint(len(h.list.all))+" 条" {
			t.Errorf("search shows %v (%q)", h.list.shown, h.list.count.Text)
		}
		h.dlg.Hide()
		if s.history != nil {
			t.Error("closed dialog still recorded")
		}
	})
}

func TestEvaluatorOrder(t *testing.T) {
	a, s := scoringCampaign(t)
	ctx := context.Background()
	for _, e := range []dossier.Evaluator{{Name: "赵评委"}, {Name: "钱评委"}} {
		if err := s.store.AddEvaluator(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	c, _ := s.store.Campaign(ctx)
	c.TrimMin = 3
	if err := s.store.UpdateCampaign(ctx, &c); err != nil {
		t.Fatal(err)
	}
	// Equal highest totals (王, 李: 90) and equal lowest (赵, 钱: 80).
	var ins []store.ScoreInput
	for _, sc := range []struct {
		name string
		v    dossier.Tenths
	}{{"王评委", 180}, {"李评委", 180}, {"赵评委", 160}, {"钱评委", 160}} {
		for _, cat := range s.campaignCategories(t) {
			v := sc.v
			ins = append(ins, store.ScoreInput{Evaluator: sc.name, Unit: "A01", Category: cat, Value: &v})
		}
	}
	if err := s.store.SetScores(ctx, ins); err != nil {
		t.Fatal(err)
	}
	// status is what the ranking says became of each evaluator's total of A01.
	status := func() map[string]string {
		a.ShowScreen(ScreenRanking)
		rt := s.screen(ScreenRanking).(*rankingTab)
		out := map[string]string{}
		for _, st := range rt.rank.Standings {
			if st.Unit.Code == "A01" {
				for _, ln := range st.Explanation.Lines {
					out[ln.Evaluator.Name] = ln.Status.Label()
				}
			}
		}
		return out
	}
	names := func() string {
		evs, _ := s.store.Evaluators(ctx)
		var out []string
		for _, e := range evs {
			out = append(out, e.Name)
		}
		return strings.Join(out, " ")
	}
	if st := status(); st["王评委"] != "去掉最高分" || st["李评委"] != "计入" || st["赵评委"] != "去掉最低分" || st["钱评委"] != "计入" {
		t.Fatalf("before: %v", st)
	}

	a.ShowScreen(ScreenEvaluators)
	et := s.screen(ScreenEvaluators).(*evaluatorsTab)
	if !contains(texts(et.view), "去掉排在前面的评委") {
		t.Error("no hint that the order matters")
	}
	if et.selID != et.book.EvaluatorByName("王评委").ID || !et.up.Disabled() || et.down.Disabled() {
		t.Fatalf("first evaluator selected %q, up disabled %v, down disabled %v", et.selID, et.up.Disabled(), et.down.Disabled())
	}

	et.list.Select(1) // 李评委
	if et.up.Disabled() || et.down.Disabled() {
		t.Error("move buttons disabled in the middle of the list")
	}
	// Scores exist, so scoring is open: the order is part of the locked
	// rule and changing it needs the scoring bar's reason.
	s.scoring.reason.SetText("按评审委员会名单调整顺序")
	et.up.OnTapped()
	if got := names(); got != "李评委 王评委 赵评委 钱评委" {
		t.Fatalf("order after 上移: %s", got)
	}
	if et.selID != et.book.EvaluatorByName("李评委").ID || !et.up.Disabled() || et.ed.ev.Name != "李评委" {
		t.Errorf("after 上移: selected %q, up disabled %v", et.ed.ev.Name, et.up.Disabled())
	}
	if !contains(texts(et.list), "1. 李评委") {
		t.Errorf("list %q", texts(et.list))
	}
	hist, _ := s.store.History(ctx, "")
	// Newest first: the rule change (fingerprints, reason), then the reorder.
	if hist[0].Action != "rule.change" || !strings.Contains(hist[0].Detail, "按评审委员会名单调整顺序") {
		t.Errorf("history %+v", hist[0])
	}
	if hist[1].Action != "evaluator.reorder" || !strings.Contains(hist[1].Detail, "李评委、王评委、赵评委、钱评委") {
		t.Errorf("history %+v", hist[1])
	}

	et.list.Select(3) // 钱评委, last: cannot move down
	if !et.down.Disabled() || et.up.Disabled() {
		t.Errorf("at the end: up disabled %v, down disabled %v", et.up.Disabled(), et.down.Disabled())
	}
	et.up.OnTapped()
	if got := names(); got != "李评委 王评委 钱评委 赵评委" {
		t.Fatalf("order: %s", got)
	}
	st := status()
	if st["李评委"] != "去掉最高分" || st["王评委"] != "计入" || st["钱评委"] != "去掉最低分" || st["赵评委"] != "计入" {
		t.Errorf("after reordering: %v", st)
	}
	rt := s.screen(ScreenRanking).(*rankingTab)
	rt.selID = ""
	for _, x := range rt.rank.Standings {
		if x.Unit.Code == "A01" {
			rt.selID = x.Unit.ID
		}
	}
	rt.showExplanation()
	if ex := strings.Join(texts(rt.explain), "\n"); !strings.Contains(ex, "去掉最高分") || !strings.Contains(ex, "去掉最低分") {
		t.Errorf("explanation:\n%s", ex)
	}

	// A failed write shows in the error bar; the next good one clears it.
	a.ShowScreen(ScreenEvaluators)
	sun := dossier.Evaluator{Name: "孙评委"}
	if err := s.store.AddEvaluator(dossier.WithReason(ctx, "增补评委"), &sun); err != nil { // behind the screen's back
		t.Fatal(err)
	}
	et.down.OnTapped()
	if msg := s.errs.Message(); !strings.Contains(msg, "未能保存评委顺序") {
		t.Errorf("error bar %q", msg)
	}
	et.refresh()
	et.down.OnTapped()
	if msg := s.errs.Message(); msg != "" {
		t.Errorf("error bar after a good write: %q", msg)
	}
	if got := names(); got != "李评委 王评委 赵评委 钱评委 孙评委" {
		t.Errorf("order: %s", got)
	}
}

// TestEditBefore: an edit of a unit's material in the app keeps what it
// replaced, and the history offers to show it.
func TestEditBefore(t *testing.T) {
	a, _ := newTestApp(t)
	s := newTestCampaign(t, a)
	ctx := context.Background()
	b, err := s.store.Book(ctx, store.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	u := dossier.Unit{Code: "T-1", Name: "测试单位", Achievements: []dossier.Achievement{{CategoryID: b.Categories[0].ID, Heading: "旧标题", Body: "旧正文一段。"}}}
	if err := s.store.AddUnit(ctx, &u); err != nil {
		t.Fatal(err)
	}
	u.Achievements[0].Body = "新正文。"
	if err := s.store.SetMaterial(ctx, &u, "修改事迹材料"); err != nil {
		t.Fatal(err)
	}
	h := s.showHistory()
	s.jobs.Wait()
	if h.list.before.Visible() {
		t.Error("button shown with nothing selected")
	}
	h.list.list.Select(0) // newest: the material edit
	if !h.list.before.Visible() {
		t.Fatal("no 查看修改前的内容 for a material edit")
	}
	h.list.before.OnTapped()
	s.jobs.Wait()
	found := false
	for _, o := range a.win.Canvas().Overlays().List() {
		for _, txt := range texts(o) {
			if strings.Contains(txt, "旧正文一段。") {
				found = true
			}
		}
	}
	if !found {
		t.Error("the content before the edit is not shown")
	}
	h.list.list.Select(1) // the unit.add entry kept no snapshot
	if h.list.before.Visible() {
		t.Error("button shown for an entry without a snapshot")
	}
}
